"""Use cases shared by the GUI, the CLI and the tests. No Qt."""
