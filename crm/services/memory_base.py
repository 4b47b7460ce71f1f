"""What the relationship services share: validation, lookups, and the two things every write of
a note, contact or promise keeps up to date, the client's search document and last contact.

Plain sqlite3 only (no SQLModel), so widgets can use these services on the GUI's start-up path.
Every helper taking ``conn`` runs inside the caller's write transaction (other areas reach
them through ``crm.services.interactions.insert_interaction`` and :class:`Touched`).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import ClassVar, TypeVar

from crm.domain.changes import Topic
from crm.domain.clock import Clock, SystemClock
from crm.domain.errors import FieldError, ValidationErrors
from crm.domain.grams import SEPARATOR, index_text
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg
from crm.store.book import Book, sql_datetime
from crm.store.queries import clients as client_queries
from crm.store.queries import relationship as q

MAX_TEXT = 2000


class RecordNotFound(LookupError):
    def __init__(self, message: Msg) -> None:
        self.message = message
        super().__init__(message.render())


def check_text(field: str, text: str) -> str:
    """``text`` stripped; refused when empty or longer than MAX_TEXT."""
    text = text.strip()
    if not text:
        raise ValidationErrors(
            [FieldError(field, QT_TRANSLATE_NOOP("Notes", "Write something first."))]
        )
    if len(text) > MAX_TEXT:
        raise ValidationErrors(
            [
                FieldError(
                    field,
                    QT_TRANSLATE_NOOP(
                        "Notes", "{n} characters is too long; keep it under {max}."
                    ).with_(n=len(text), max=MAX_TEXT),
                )
            ]
        )
    return text


def require_client(conn: sqlite3.Connection, client_id: int) -> None:
    if not client_queries.exists(conn, client_id):
        raise RecordNotFound(
            QT_TRANSLATE_NOOP("Clients", "There is no client with id {id}.").with_(id=client_id)
        )


D = TypeVar("D")
F = TypeVar("F")


def once_per_draft(check: Callable[[D], F]) -> Callable[[D], F]:
    """``check`` (a draft's validation) run once per draft object: a bulk write (the demo's)
    hands the same draft for many rows."""
    memo: dict[int, tuple[D, F]] = {}

    def checked(draft: D) -> F:
        seen = memo.get(id(draft))
        if seen is None or seen[0] is not draft:  # keyed by identity, kept alive by the memo
            seen = memo[id(draft)] = (draft, check(draft))
        return seen[1]

    return checked


# -- what every write keeps up to date -------------------------------------------------------


def memory_document(texts: Iterable[str], pieces: dict[str, str]) -> str:
    """``index_text(texts)``, built from per-text pieces cached in ``pieces`` (a book's notes
    repeat themselves: 100,000 demo clients share a few dozen texts)."""
    parts = []
    for text in texts:
        piece = pieces.get(text)
        if piece is None:
            piece = pieces[text] = index_text([text])
        if piece:
            parts.append(piece)
    return f" {SEPARATOR} ".join(parts)


def refresh_memory(conn: sqlite3.Connection, client_ids: Iterable[int]) -> None:
    """Rebuild the search document of these clients from their live records (any number of
    clients, a few statements)."""
    ids = set(client_ids)
    if not ids:
        return
    texts: dict[int, list[str]] = {}
    for cid, text in q.memory_texts(conn, ids):
        texts.setdefault(cid, []).append(text)
    pieces: dict[str, str] = {}
    documents = ((cid, memory_document(t, pieces)) for cid, t in texts.items())
    q.replace_memory_documents(conn, sorted(ids), [(cid, doc) for cid, doc in documents if doc])


def refresh_last_contacts(conn: sqlite3.Connection, client_ids: Iterable[int]) -> set[int]:
    """Set each client's last_contact_at to their newest live interaction's time; returns the
    clients whose last contact moved."""
    ids = set(client_ids)
    if not ids:
        return set()
    changed = [
        (latest, cid) for cid, stored, latest in q.last_contacts(conn, ids) if stored != latest
    ]
    q.set_last_contacts(conn, changed)
    return {cid for _latest, cid in changed}


class Touched:
    """The clients one transaction wrote relationship records for, so their search document
    and last contact are rebuilt once when the writing is done (once for 100,000 demo clients,
    not once a record). Every insert/update function here adds to one; whoever opened the
    transaction calls :meth:`apply` before it commits."""

    def __init__(self) -> None:
        self.memory: set[int] = set()  # search document
        self.contact: set[int] = set()  # last contact

    def apply(self, conn: sqlite3.Connection) -> set[int]:
        """Rebuild what the writes touched; returns the clients whose last contact moved."""
        moved = refresh_last_contacts(conn, self.contact)
        refresh_memory(conn, self.memory)
        self.memory, self.contact = set(), set()
        return moved


# -- the services -----------------------------------------------------------------------------


class RelationshipService:
    """What every service of this area is built on."""

    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()


@dataclass(frozen=True)
class SoftDeletable:
    """A kind of record deleted softly: gone from every list and the search, back on undo."""

    topic: Topic
    missing: Msg  # "There is no ... with id {id}."
    table: str
    counts_as_contact: bool = False  # deleting it can move last contact


class SoftDeleting(RelationshipService):
    """A service whose records (:attr:`deletable`) the officer deletes and restores."""

    deletable: ClassVar[SoftDeletable]

    def owner(self, conn: sqlite3.Connection, record_id: int) -> int:
        """The client a record belongs to (deleted or not), or RecordNotFound."""
        client_id = q.owner(conn, self.deletable.table, record_id)
        if client_id is None:
            raise RecordNotFound(self.deletable.missing.with_(id=record_id))
        return client_id

    def delete(self, record_id: int) -> None:
        """Soft delete, back with :meth:`restore`; a contact's client's last contact falls back
        to the previous one."""
        self._set_deleted(record_id, self.clock.now())

    def restore(self, record_id: int) -> None:
        self._set_deleted(record_id, None)

    def _set_deleted(self, record_id: int, when: dt.datetime | None) -> None:
        kind, touched = self.deletable, Touched()
        with self.book.write() as conn:
            client_id = self.owner(conn, record_id)
            q.set_deleted(conn, kind.table, record_id, sql_datetime(when))
            touched.memory.add(client_id)
            if kind.counts_as_contact:
                touched.contact.add(client_id)
            moved = touched.apply(conn)
        topics = {kind.topic} | ({Topic.CLIENT} if moved else set())
        self.book.changes.publish(topics, [client_id])
