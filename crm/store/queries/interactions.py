"""SQL of the contact log (联系记录); ``crm.services.interactions`` keeps the rules."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from crm.store.queries.relationship import insert_one

#: An interaction as the services read it (InteractionRow), in this order.
#: The table soft deletes and owner lookups name.
TABLE_NAME = "interaction"
INTERACTION_COLUMNS = (
    "id",
    "client_id",
    "occurred_at",
    "channel",
    "summary",
    "next_step",
    "next_step_due",
)
_SELECT = f"SELECT {', '.join(INTERACTION_COLUMNS)} FROM interaction"
#: The one INSERT of an interaction, for one row and for many; values in this order.
_INSERT = (
    "INSERT INTO interaction (client_id, occurred_at, channel, summary, next_step, "
    "next_step_due, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
InteractionValues = tuple[int, str, str, str, str | None, str | None, str]


def insert_interaction(conn: sqlite3.Connection, values: InteractionValues) -> int:
    return insert_one(conn, _INSERT, values)


def insert_interactions(conn: sqlite3.Connection, rows: Iterable[InteractionValues]) -> None:
    conn.executemany(_INSERT, rows)


def interaction(conn: sqlite3.Connection, interaction_id: int) -> tuple | None:
    return conn.execute(f"{_SELECT} WHERE id = ?", (interaction_id,)).fetchone()


def for_client(conn: sqlite3.Connection, client_id: int, limit: int | None = None) -> list[tuple]:
    """Live interactions, newest first."""
    sql = f"{_SELECT} WHERE client_id = ? AND deleted_at IS NULL ORDER BY occurred_at DESC, id DESC"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return conn.execute(sql, (client_id,)).fetchall()


def next_step_promises(
    conn: sqlite3.Connection, interaction_id: int, deleted_at: str | None
) -> list[int]:
    """Ids of the open promises an interaction's dated next step made (same client, words,
    due date, and made when the interaction was recorded) whose ``deleted_at`` is the given
    one (None: live), so a deleted contact takes its promise along and brings it back."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT p.id FROM interaction i JOIN promise p ON p.client_id = i.client_id "
            "AND p.made_at = i.created_at AND p.text = i.next_step "
            "AND p.due_date = i.next_step_due "
            "WHERE i.id = ? AND p.kept_at IS NULL AND p.deleted_at IS ?",
            (interaction_id, deleted_at),
        )
    ]


def deleted_at(conn: sqlite3.Connection, interaction_id: int) -> str | None:
    row = conn.execute("SELECT deleted_at FROM interaction WHERE id = ?", (interaction_id,))
    found = row.fetchone()
    return found[0] if found else None
