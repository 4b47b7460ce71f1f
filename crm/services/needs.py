"""The needs record: what a client came for and the need behind it, several over the years."""

from __future__ import annotations

import datetime as dt
import sqlite3

from crm.domain.changes import Initiator, Topic
from crm.domain.clock import Clock, SystemClock
from crm.domain.loan_form import CleanNeed, NeedDraft, clean_need, to_fen
from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.services.loan_views import LoanRecordNotFound, NeedRow, need_from_row
from crm.store.book import Book, sql_datetime
from crm.store.queries import clients as client_queries
from crm.store.queries import loans as q

NEED_NOT_FOUND = QT_TRANSLATE_NOOP("Loans", "There is no needs record with id {id}.")
CLIENT_NOT_FOUND = QT_TRANSLATE_NOOP("Loans", "There is no client with id {id}.")


def _values(clean: CleanNeed) -> tuple[object, ...]:
    """recorded_on, purpose, real_need, amount_fen, timing, concerns, products."""
    return (
        clean.recorded_on.isoformat(),
        clean.purpose,
        clean.real_need,
        to_fen(clean.amount) if clean.amount is not None else None,
        clean.timing,
        clean.concerns,
        clean.products,
    )


class NeedService:
    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()

    def validate(self, draft: NeedDraft) -> CleanNeed:
        return clean_need(draft, self.clock.today())

    def add(self, client_id: int, draft: NeedDraft) -> int:
        clean = self.validate(draft)
        stamp = sql_datetime(self.clock.now())
        with self.book.write() as conn:
            if not client_queries.exists(conn, client_id):
                raise LoanRecordNotFound(CLIENT_NOT_FOUND.with_(id=client_id))
            new_id = q.insert_need(conn, client_id, _values(clean), stamp)
        self.book.changes.publish(Topic.NEED, [client_id])
        return new_id

    def update(self, need_id: int, draft: NeedDraft) -> None:
        clean = self.validate(draft)
        stamp = sql_datetime(self.clock.now())
        with self.book.write() as conn:
            client_id = self._owner(conn, need_id)
            q.update_need(conn, need_id, _values(clean), stamp)
        self.book.changes.publish(Topic.NEED, [client_id])

    def delete(self, need_id: int, initiator: Initiator = Initiator.USER) -> None:
        """Soft delete (undo restores it)."""
        self._set_deleted(need_id, self.clock.now(), initiator)

    def restore(self, need_id: int, initiator: Initiator = Initiator.UNDO) -> None:
        self._set_deleted(need_id, None, initiator)

    def _set_deleted(self, need_id: int, when: dt.datetime | None, initiator: Initiator) -> None:
        with self.book.write() as conn:
            client_id = self._owner(conn, need_id)
            q.set_need_deleted(conn, need_id, when)
        self.book.changes.publish(Topic.NEED, [client_id], initiator)

    def get(self, need_id: int) -> NeedRow:
        r = q.need_row(self.book.reader(), need_id)
        if r is None:
            raise LoanRecordNotFound(NEED_NOT_FOUND.with_(id=need_id))
        return need_from_row(r)

    def for_client(self, client_id: int) -> list[NeedRow]:
        """A client's needs records, the newest first."""
        return [need_from_row(r) for r in q.needs_of_client(self.book.reader(), client_id)]

    @staticmethod
    def _owner(conn: sqlite3.Connection, need_id: int) -> int:
        client_id = q.need_owner(conn, need_id)
        if client_id is None:
            raise LoanRecordNotFound(NEED_NOT_FOUND.with_(id=need_id))
        return client_id
