"""The SQL of greetings: whom a greeting is for, their notes, and festival opt-outs."""

from __future__ import annotations

import sqlite3
from typing import Any

GREETING_OPTOUT_COLUMNS = ("client_id", "created_at")

Row = tuple[Any, ...]


def recipient(conn: sqlite3.Connection, client_id: int) -> Row | None:
    """(name, form_of_address, gender, kind) of one client, or ``None``."""
    row: Row | None = conn.execute(
        "SELECT name, form_of_address, gender, kind FROM client WHERE id = ?", (client_id,)
    ).fetchone()
    return row


def recipient_notes(
    conn: sqlite3.Connection, client_id: int, prefer_note: int | None, limit: int = 12
) -> list[Row]:
    """(id, text) of a client's live notes: ``prefer_note`` first, then open talking points,
    then the newest."""
    return conn.execute(
        "SELECT id, text FROM life_note WHERE client_id = ? AND deleted_at IS NULL "
        "ORDER BY id = ? DESC, (ask_next_time AND asked_at IS NULL) DESC, created_at DESC, "
        "id DESC LIMIT ?",
        (client_id, prefer_note or -1, limit),
    ).fetchall()


def is_opted_out(conn: sqlite3.Connection, client_id: int) -> bool:
    row = conn.execute("SELECT 1 FROM greeting_optout WHERE client_id = ?", (client_id,))
    return row.fetchone() is not None


def opt_out(conn: sqlite3.Connection, client_id: int, created_at: str) -> None:
    """No festival greetings for this client (kept as is when already so)."""
    conn.execute(
        "INSERT OR IGNORE INTO greeting_optout (client_id, created_at) VALUES (?, ?)",
        (client_id, created_at),
    )


def opt_in(conn: sqlite3.Connection, client_id: int) -> None:
    conn.execute("DELETE FROM greeting_optout WHERE client_id = ?", (client_id,))


def festival_candidates(conn: sqlite3.Connection, like: str, limit: int) -> list[Row]:
    """(id, name, last_contact_at) of active clients not opted out whose search text is
    ``LIKE like``: most recently in touch first, never contacted last, then by pinyin."""
    return conn.execute(
        "SELECT c.id, c.name, c.last_contact_at FROM client c "
        "WHERE c.archived_at IS NULL AND c.search_text LIKE ? "
        "AND NOT EXISTS (SELECT 1 FROM greeting_optout o WHERE o.client_id = c.id) "
        "ORDER BY c.last_contact_at IS NULL, c.last_contact_at DESC, c.name_pinyin LIMIT ?",
        (like, limit),
    ).fetchall()
