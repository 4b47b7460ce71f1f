"""The book's protection in the GUI: the passphrase prompt at start, the Security settings."""
