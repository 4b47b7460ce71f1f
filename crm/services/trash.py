"""The trash: archived clients, restorable, or deleted for good at a client's request.

Deleting permanently removes the client row and everything attached to it. The deletion log
keeps only when and how many records went: no names, numbers or ids. Restoring an archived
client is the clients service's (``ClientService.restore``): one write path per record.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from crm.domain.changes import Topic
from crm.domain.clock import Clock, SystemClock
from crm.services.client_query import ClientFilter, ClientQuery, ClientRow
from crm.store.book import Book, sql_datetime
from crm.store.queries import clients as client_queries
from crm.store.queries import trash as Q


@dataclass(frozen=True)
class Purged:
    clients: int
    records: int  # every row removed, the clients' own included


class TrashService:
    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()

    def archived(self) -> list[ClientRow]:
        """The clients in the trash, as the client list shows them."""
        return ClientQuery(self.book).search(ClientFilter(archived=True))

    def purge(self, client_ids: Iterable[int]) -> Purged:
        """Delete these archived clients and everything attached, in one transaction; clients
        not in the trash are left alone."""
        ids = sorted(set(client_ids))
        if not ids:
            return Purged(0, 0)
        with self.book.write() as conn:
            archived = client_queries.ids_archived(conn, ids, archived=True)
            if not archived:
                return Purged(0, 0)
            records = client_queries.delete_clients(conn, archived)
            Q.log_deletion(conn, sql_datetime(self.clock.now()), len(archived), records)
        self.book.changes.publish(Topic.CLIENT, archived)
        return Purged(len(archived), records)

    def deletion_log(self) -> list[tuple[str, int, int]]:
        """(when, clients, records) of every permanent deletion, newest first."""
        return Q.deletion_log(self.book.reader())
