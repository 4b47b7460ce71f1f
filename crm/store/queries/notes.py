"""SQL of life notes (个人记事) and talking points; ``crm.services.notes`` keeps the rules."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from crm.store.queries._sql import marked_chunks
from crm.store.queries.relationship import insert_one

#: A note as the services read it (NoteRow), in this order.
#: The table soft deletes and owner lookups name.
TABLE_NAME = "life_note"
LIFE_NOTE_COLUMNS = (
    "id",
    "client_id",
    "category",
    "text",
    "event_date",
    "ask_next_time",
    "asked_at",
    "answer",
    "created_at",
)
_SELECT = f"SELECT {', '.join(LIFE_NOTE_COLUMNS)} FROM life_note"
#: The one INSERT of a note, for one row and for many; values in this order.
_INSERT = (
    "INSERT INTO life_note (client_id, category, text, event_date, ask_next_time, "
    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
NoteValues = tuple[int, str, str, str | None, bool, str, str]


def insert_note(conn: sqlite3.Connection, values: NoteValues) -> int:
    return insert_one(conn, _INSERT, values)


def insert_notes(conn: sqlite3.Connection, rows: Iterable[NoteValues]) -> None:
    conn.executemany(_INSERT, rows)


def update_note(
    conn: sqlite3.Connection,
    note_id: int,
    category: str,
    text: str,
    event_date: str | None,
    ask_next_time: bool,
    updated_at: str,
) -> None:
    """Unflagging a talking point forgets when it was asked; keeping the flag keeps it."""
    conn.execute(
        "UPDATE life_note SET category = ?, text = ?, event_date = ?, ask_next_time = ?, "
        "asked_at = CASE WHEN ? THEN asked_at END, updated_at = ? WHERE id = ?",
        (category, text, event_date, ask_next_time, ask_next_time, updated_at, note_id),
    )


def set_asked(conn: sqlite3.Connection, note_id: int, asked_at: str, answer: str | None) -> None:
    conn.execute(
        "UPDATE life_note SET asked_at = ?, answer = ?, updated_at = ? WHERE id = ?",
        (asked_at, answer, asked_at, note_id),
    )


def note(conn: sqlite3.Connection, note_id: int) -> tuple | None:
    return conn.execute(f"{_SELECT} WHERE id = ?", (note_id,)).fetchone()


def for_client(conn: sqlite3.Connection, client_id: int) -> list[tuple]:
    """Live notes: open talking points first, then newest first."""
    return conn.execute(
        f"{_SELECT} WHERE client_id = ? AND deleted_at IS NULL "
        "ORDER BY (ask_next_time AND asked_at IS NULL) DESC, created_at DESC, id DESC",
        (client_id,),
    ).fetchall()


def dated_between(conn: sqlite3.Connection, client_id: int, first: str, last: str) -> list[tuple]:
    """Live notes whose event date falls in [first, last], soonest first."""
    return conn.execute(
        f"{_SELECT} WHERE client_id = ? AND deleted_at IS NULL "
        "AND event_date BETWEEN ? AND ? ORDER BY event_date",
        (client_id, first, last),
    ).fetchall()


def open_talking_points(conn: sqlite3.Connection, client_ids: Sequence[int]) -> list[tuple]:
    """(client id, text) of the open talking points of these clients, oldest first."""
    out: list[tuple] = []
    for marks, chunk in marked_chunks(client_ids):
        out += conn.execute(
            "SELECT client_id, text FROM life_note WHERE deleted_at IS NULL "
            f"AND ask_next_time AND asked_at IS NULL AND client_id IN ({marks}) "
            "ORDER BY created_at",
            chunk,
        ).fetchall()
    return out
