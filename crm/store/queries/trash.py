"""The SQL of the trash: the deletion log. (Which clients are archived, and deleting them
for good, are the client table's SQL: ``crm.store.queries.clients``.)"""

from __future__ import annotations

import sqlite3

#: What the deletion log keeps: when, and how many clients and records went. No names or ids.
DELETION_LOG_COLUMNS = ("deleted_at", "clients", "records")


def log_deletion(conn: sqlite3.Connection, deleted_at: str, clients: int, records: int) -> None:
    columns = ", ".join(DELETION_LOG_COLUMNS)
    conn.execute(
        f"INSERT INTO deletion_log ({columns}) VALUES (?, ?, ?)", (deleted_at, clients, records)
    )


def deletion_log(conn: sqlite3.Connection) -> list[tuple[str, int, int]]:
    """(when, clients, records) of every permanent deletion, newest first."""
    columns = ", ".join(DELETION_LOG_COLUMNS)
    sql = f"SELECT {columns} FROM deletion_log ORDER BY id DESC"
    return [(r[0], r[1], r[2]) for r in conn.execute(sql)]
