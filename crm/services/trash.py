"""The trash: archived clients, restorable, or deleted for good at a client's request.

Deleting permanently removes the client row; everything attached to it goes with it through
ON DELETE CASCADE (foreign_keys is on for every connection). The deletion log keeps only when
and how many records went: no names, numbers or ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from crm.domain.changes import Topic
from crm.domain.clock import Clock
from crm.store.book import Book, sql_datetime


@dataclass(frozen=True)
class Purged:
    clients: int
    records: int  # every row removed, the clients' own included


def purge(book: Book, client_ids: Iterable[int], clock: Clock) -> Purged:
    """Delete these archived clients and everything attached, in one transaction."""
    ids = sorted(set(client_ids))
    if not ids:
        return Purged(0, 0)
    with book.write() as conn:
        marks = ",".join("?" * len(ids))
        archived = [
            r[0]
            for r in conn.execute(
                f"SELECT id FROM client WHERE id IN ({marks}) AND archived_at IS NOT NULL", ids
            )
        ]
        if not archived:
            return Purged(0, 0)
        before = conn.total_changes
        marks = ",".join("?" * len(archived))
        conn.execute(f"DELETE FROM client WHERE id IN ({marks})", archived)
        records = conn.total_changes - before
        conn.execute(
            "INSERT INTO deletion_log (deleted_at, clients, records) VALUES (?, ?, ?)",
            (sql_datetime(clock.now()), len(archived), records),
        )
    book.changes.publish(Topic.CLIENT, archived)
    return Purged(len(archived), records)


def deletion_log(book: Book) -> list[tuple[str, int, int]]:
    """(when, clients, records) of every permanent deletion, newest first."""
    sql = "SELECT deleted_at, clients, records FROM deletion_log ORDER BY id DESC"
    return [(r[0], r[1], r[2]) for r in book.reader().execute(sql)]
