"""The client book: list, search, detail pane, add/edit dialog."""
