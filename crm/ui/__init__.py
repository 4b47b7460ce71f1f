"""Everything Qt: windows, dialogs, item models, tray, pop-ups."""
