"""The dashboard section: the officer's own numbers for a period, their twelve months, the
clients behind each, and the self-review PDF."""
