"""SQL of resources (增值服务) and who received them; ``crm.services.resources`` keeps the rules."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from crm.store.queries.relationship import insert_one

#: A resource as the services read it (ResourceRow), in this order, then its share count.
RESOURCE_COLUMNS = ("id", "name", "category", "contact", "note", "archived_at")
#: A share as the services read it (ShareRow): id, resource id, resource name, client id,
#: client name, then these.
RESOURCE_SHARE_COLUMNS = ("shared_on", "note")
_SHARES = (
    "SELECT s.id, s.resource_id, r.name, s.client_id, c.name, "
    f"{', '.join('s.' + c for c in RESOURCE_SHARE_COLUMNS)} "
    "FROM resource_share s JOIN resource r ON r.id = s.resource_id "
    "JOIN client c ON c.id = s.client_id"
)
#: The one INSERT of a share, for one row and for many; values in this order.
_INSERT_SHARE = (
    "INSERT INTO resource_share (resource_id, client_id, shared_on, note, created_at) "
    "VALUES (?, ?, ?, ?, ?)"
)
ShareValues = tuple[int, int, str, str, str]


def insert_resource(
    conn: sqlite3.Connection, name: str, category: str, contact: str, note: str, created_at: str
) -> int:
    return insert_one(
        conn,
        "INSERT INTO resource (name, category, contact, note, created_at) VALUES (?, ?, ?, ?, ?)",
        (name, category, contact, note, created_at),
    )


def update_resource(
    conn: sqlite3.Connection, resource_id: int, name: str, category: str, contact: str, note: str
) -> bool:
    """False when there is no such resource."""
    cur = conn.execute(
        "UPDATE resource SET name = ?, category = ?, contact = ?, note = ? WHERE id = ?",
        (name, category, contact, note, resource_id),
    )
    return cur.rowcount > 0


def set_archived(conn: sqlite3.Connection, resource_id: int, archived_at: str | None) -> None:
    conn.execute("UPDATE resource SET archived_at = ? WHERE id = ?", (archived_at, resource_id))


def exists(conn: sqlite3.Connection, resource_id: int) -> bool:
    return (
        conn.execute("SELECT 1 FROM resource WHERE id = ?", (resource_id,)).fetchone() is not None
    )


def count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM resource").fetchone()[0])


def resources(conn: sqlite3.Connection, include_archived: bool) -> list[tuple]:
    """Live resources (and archived ones, last), by category and name, with times shared."""
    where = "" if include_archived else "WHERE r.archived_at IS NULL"
    return conn.execute(
        f"SELECT {', '.join('r.' + c for c in RESOURCE_COLUMNS)}, "
        "(SELECT count(*) FROM resource_share s WHERE s.resource_id = r.id) "
        f"FROM resource r {where} ORDER BY r.archived_at IS NOT NULL, r.category, r.name"
    ).fetchall()


def insert_share(conn: sqlite3.Connection, values: ShareValues) -> int:
    return insert_one(conn, _INSERT_SHARE, values)


def insert_shares(conn: sqlite3.Connection, rows: Iterable[ShareValues]) -> None:
    conn.executemany(_INSERT_SHARE, rows)


def share_owner(conn: sqlite3.Connection, share_id: int) -> int | None:
    row = conn.execute("SELECT client_id FROM resource_share WHERE id = ?", (share_id,)).fetchone()
    return None if row is None else int(row[0])


def delete_share(conn: sqlite3.Connection, share_id: int) -> None:
    conn.execute("DELETE FROM resource_share WHERE id = ?", (share_id,))


def shares_for_client(conn: sqlite3.Connection, client_id: int) -> list[tuple]:
    return conn.execute(
        f"{_SHARES} WHERE s.client_id = ? ORDER BY s.shared_on DESC, s.id DESC", (client_id,)
    ).fetchall()


def shares_of(conn: sqlite3.Connection, resource_id: int) -> list[tuple]:
    return conn.execute(
        f"{_SHARES} WHERE s.resource_id = ? ORDER BY s.shared_on DESC, s.id DESC", (resource_id,)
    ).fetchall()
