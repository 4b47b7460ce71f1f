"""SQL of promises (承诺); ``crm.services.promises`` keeps the rules."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from crm.store.queries.relationship import insert_one

#: A promise as the services read it (PromiseRow), in this order, then its client's name and
#: form of address.
#: The table soft deletes and owner lookups name.
TABLE_NAME = "promise"
PROMISE_COLUMNS = ("id", "client_id", "text", "made_at", "due_date", "kept_at")
_SELECT = (
    f"SELECT {', '.join('p.' + c for c in PROMISE_COLUMNS)}, c.name, c.form_of_address "
    "FROM promise p JOIN client c ON c.id = p.client_id"
)
#: The one INSERT of a promise, for one row and for many; values in this order.
_INSERT = (
    "INSERT INTO promise (client_id, text, made_at, due_date, created_at, kept_at) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)
PromiseValues = tuple[int, str, str, str, str, str | None]


def insert_promise(conn: sqlite3.Connection, values: PromiseValues) -> int:
    return insert_one(conn, _INSERT, values)


def insert_promises(conn: sqlite3.Connection, rows: Iterable[PromiseValues]) -> None:
    conn.executemany(_INSERT, rows)


def set_kept(conn: sqlite3.Connection, promise_id: int, kept_at: str, interaction_id: int) -> None:
    conn.execute(
        "UPDATE promise SET kept_at = ?, kept_interaction_id = ? WHERE id = ?",
        (kept_at, interaction_id, promise_id),
    )


def promise(conn: sqlite3.Connection, promise_id: int) -> tuple | None:
    return conn.execute(f"{_SELECT} WHERE p.id = ?", (promise_id,)).fetchone()


def open_promises(
    conn: sqlite3.Connection, client_id: int | None, due_before: str | None
) -> list[tuple]:
    """Open live promises of one client (or of every active client), soonest due first;
    ``due_before``: only those due before that date."""
    clauses = ["p.kept_at IS NULL", "p.deleted_at IS NULL"]
    params: list[object] = []
    if client_id is not None:
        clauses.append("p.client_id = ?")
        params.append(client_id)
    else:
        clauses.append("c.archived_at IS NULL")
    if due_before is not None:
        clauses.append("p.due_date < ?")
        params.append(due_before)
    sql = f"{_SELECT} WHERE {' AND '.join(clauses)} ORDER BY p.due_date, p.made_at, p.id"
    return conn.execute(sql, params).fetchall()
