"""Promises (承诺): "let me confirm and get back to you", due in two working days by default.

Keeping a promise logs the interaction that kept it, in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from crm.domain.changes import Topic
from crm.domain.clock import Clock, SystemClock
from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.domain.workdays import default_promise_due
from crm.services.interactions import InteractionDraft, insert_interaction
from crm.services.memory_base import (
    RecordNotFound,
    owner_of,
    refresh_last_contact,
    refresh_memory,
    require_client,
    to_date,
    to_datetime,
)
from crm.services.notes import check_text
from crm.store.book import Book, sql_datetime

_PROMISE = QT_TRANSLATE_NOOP("Promises", "There is no promise with id {id}.")


@dataclass(frozen=True)
class PromiseRow:
    id: int
    client_id: int
    client_name: str
    form_of_address: str | None
    text: str
    made_at: dt.datetime
    due_date: dt.date
    kept_at: dt.datetime | None

    def days_late(self, today: dt.date) -> int:
        """Days past the due date (0 when not late or already kept)."""
        if self.kept_at is not None:
            return 0
        return max((today - self.due_date).days, 0)


_SELECT = (
    "SELECT p.id, p.client_id, c.name, c.form_of_address, p.text, p.made_at, p.due_date, "
    "p.kept_at FROM promise p JOIN client c ON c.id = p.client_id"
)


def _row(r: tuple) -> PromiseRow:
    return PromiseRow(
        id=r[0],
        client_id=r[1],
        client_name=r[2],
        form_of_address=r[3],
        text=r[4],
        made_at=to_datetime(r[5]) or dt.datetime.min,
        due_date=to_date(r[6]) or dt.date.min,
        kept_at=to_datetime(r[7]),
    )


class PromiseService:
    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()

    def default_due(self) -> dt.date:
        return default_promise_due(self.clock.today())

    def make(self, client_id: int, text: str, due: dt.date | None = None) -> int:
        text = check_text("text", text)
        now = self.clock.now()
        due = due or default_promise_due(now.date())
        with self.book.write() as conn:
            require_client(conn, client_id)
            cur = conn.execute(
                "INSERT INTO promise (client_id, text, made_at, due_date, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (client_id, text, sql_datetime(now), due.isoformat(), sql_datetime(now)),
            )
            refresh_memory(conn, [client_id])
        assert cur.lastrowid is not None
        self.book.changes.publish(Topic.PROMISE, [client_id])
        return cur.lastrowid

    def keep(self, promise_id: int, how: InteractionDraft) -> int:
        """Mark kept and log the interaction that kept it; returns the interaction id."""
        now = self.clock.now()
        with self.book.write() as conn:
            client_id = owner_of(conn, "promise", promise_id, _PROMISE)
            interaction_id = insert_interaction(conn, client_id, how, now)
            conn.execute(
                "UPDATE promise SET kept_at = ?, kept_interaction_id = ? WHERE id = ?",
                (sql_datetime(now), interaction_id, promise_id),
            )
            moved = refresh_last_contact(conn, client_id)
            refresh_memory(conn, [client_id])
        topics = {Topic.PROMISE, Topic.INTERACTION} | ({Topic.CLIENT} if moved else set())
        self.book.changes.publish(topics, [client_id])
        return interaction_id

    def get(self, promise_id: int) -> PromiseRow:
        r = self.book.reader().execute(f"{_SELECT} WHERE p.id = ?", (promise_id,)).fetchone()
        if r is None:
            raise RecordNotFound(_PROMISE.with_(id=promise_id))
        return _row(r)

    def open_promises(
        self,
        *,
        client_id: int | None = None,
        overdue_only: bool = False,
        today: dt.date | None = None,
    ) -> list[PromiseRow]:
        """Open promises of active clients (or one client), most overdue first."""
        today = today or self.clock.today()
        clauses = ["p.kept_at IS NULL", "p.deleted_at IS NULL"]
        params: list[object] = []
        if client_id is not None:
            clauses.append("p.client_id = ?")
            params.append(client_id)
        else:
            clauses.append("c.archived_at IS NULL")
        if overdue_only:
            clauses.append("p.due_date < ?")
            params.append(today.isoformat())
        sql = f"{_SELECT} WHERE {' AND '.join(clauses)} ORDER BY p.due_date, p.made_at, p.id"
        return [_row(r) for r in self.book.reader().execute(sql, params)]

    def delete(self, promise_id: int) -> None:
        self._set_deleted(promise_id, self.clock.now())

    def restore(self, promise_id: int) -> None:
        self._set_deleted(promise_id, None)

    def _set_deleted(self, promise_id: int, when: dt.datetime | None) -> None:
        with self.book.write() as conn:
            client_id = owner_of(conn, "promise", promise_id, _PROMISE)
            conn.execute(
                "UPDATE promise SET deleted_at = ? WHERE id = ?", (sql_datetime(when), promise_id)
            )
            refresh_memory(conn, [client_id])
        self.book.changes.publish(Topic.PROMISE, [client_id])
