"""Tables, enums and pure rules. No Qt, no I/O beyond what SQLModel declares."""
