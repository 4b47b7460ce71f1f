"""Export, import, backups and the trash in the GUI."""
