"""What the relationship services share: lookups, the per-client search document, last contact.

Plain sqlite3 only (no SQLModel), so widgets can use these services on the GUI's start-up path.
Every helper taking ``conn`` runs inside the caller's write transaction.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable

from crm.domain.grams import index_text
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg

MAX_TEXT = 2000


class RecordNotFound(LookupError):
    def __init__(self, message: Msg) -> None:
        self.message = message
        super().__init__(message.render())


def require_client(conn: sqlite3.Connection, client_id: int) -> None:
    if conn.execute("SELECT 1 FROM client WHERE id = ?", (client_id,)).fetchone() is None:
        raise RecordNotFound(
            QT_TRANSLATE_NOOP("Clients", "There is no client with id {id}.").with_(id=client_id)
        )


def owner_of(conn: sqlite3.Connection, table: str, record_id: int, what: Msg) -> int:
    """The client id a note/interaction/promise belongs to (deleted ones included)."""
    row = conn.execute(f"SELECT client_id FROM {table} WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        raise RecordNotFound(what.with_(id=record_id))
    return int(row[0])


def refresh_memory(conn: sqlite3.Connection, client_ids: Iterable[int]) -> None:
    """Rebuild the search document of these clients from their live records."""
    for cid in set(client_ids):
        texts: list[str] = []
        for text, answer in conn.execute(
            "SELECT text, answer FROM life_note WHERE client_id = ? AND deleted_at IS NULL",
            (cid,),
        ):
            texts += [text, answer or ""]
        for summary, step in conn.execute(
            "SELECT summary, next_step FROM interaction WHERE client_id = ? AND deleted_at IS NULL",
            (cid,),
        ):
            texts += [summary, step or ""]
        texts += [
            r[0]
            for r in conn.execute(
                "SELECT text FROM promise WHERE client_id = ? AND deleted_at IS NULL", (cid,)
            )
        ]
        conn.execute("DELETE FROM client_memory_fts WHERE rowid = ?", (cid,))
        doc = index_text(texts)
        if doc:
            conn.execute("INSERT INTO client_memory_fts (rowid, grams) VALUES (?, ?)", (cid, doc))


def refresh_last_contact(conn: sqlite3.Connection, client_id: int) -> bool:
    """Set client.last_contact_at to its newest live interaction; True when it changed."""
    before = conn.execute(
        "SELECT last_contact_at FROM client WHERE id = ?", (client_id,)
    ).fetchone()
    after = conn.execute(
        "SELECT max(occurred_at) FROM interaction WHERE client_id = ? AND deleted_at IS NULL",
        (client_id,),
    ).fetchone()[0]
    if before is not None and before[0] == after:
        return False
    conn.execute("UPDATE client SET last_contact_at = ? WHERE id = ?", (after, client_id))
    return True


def to_datetime(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def to_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def sql_date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
