"""The SQL of the trash: which clients are archived, deleting them for good, the deletion log.

Deleting a client row takes everything attached to it through ON DELETE CASCADE (foreign_keys
is on for every connection). Ids travel as one JSON array, so any number of them fits in one
statement.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

#: What the deletion log keeps: when, and how many clients and records went. No names or ids.
DELETION_LOG_COLUMNS = ("deleted_at", "clients", "records")

_IDS = "(SELECT value FROM json_each(?))"


def archived_among(conn: sqlite3.Connection, client_ids: Sequence[int]) -> list[int]:
    """Those of ``client_ids`` that are archived (in the trash), in id order."""
    sql = f"SELECT id FROM client WHERE id IN {_IDS} AND archived_at IS NOT NULL ORDER BY id"
    return [r[0] for r in conn.execute(sql, (json.dumps(list(client_ids)),))]


def delete_clients(conn: sqlite3.Connection, client_ids: Sequence[int]) -> int:
    """Delete these client rows and (by cascade) everything attached; returns how many rows
    went in all, the clients' own included."""
    before = conn.total_changes
    conn.execute(f"DELETE FROM client WHERE id IN {_IDS}", (json.dumps(list(client_ids)),))
    return conn.total_changes - before


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
