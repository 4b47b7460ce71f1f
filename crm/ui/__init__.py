"""Everything Qt: windows, dialogs, item models, tray, pop-ups."""

from crm.ui.import_check import quicken

quicken()  # before the rest of crm.ui is imported: see import_check
