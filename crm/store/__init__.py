"""Engine, pragmas, connections, migrations. No Qt."""
