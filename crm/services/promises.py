"""Promises (承诺): "let me confirm and get back to you", due in two working days by default.

Keeping a promise logs the interaction that kept it, in the same transaction. A logged
contact's next step with a date is a promise too: :func:`insert_promise` is the one insert of a
promise, and the contact log calls it in its own transaction (``crm.services.interactions``),
so My promises, Today, the brief, ``crm promises`` and the phone's calendar all see it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from crm.domain.changes import Topic
from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.domain.workdays import default_promise_due
from crm.services import memory_base as mb
from crm.services.interactions import InteractionDraft, insert_interaction
from crm.store.book import sql_datetime, to_date, to_datetime
from crm.store.queries import promises as q

_PROMISE = QT_TRANSLATE_NOOP("Promises", "There is no promise with id {id}.")


@dataclass(frozen=True)
class PromiseDraft:
    text: str
    due_date: dt.date | None = None  # None: two working days after it is made
    #: Already kept (history the demo brings); a promise made now is kept with ``keep``.
    kept_at: dt.datetime | None = None


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


def _row(r: tuple) -> PromiseRow:
    """A row of ``PROMISE_COLUMNS`` and the client's name and form of address."""
    return PromiseRow(
        id=r[0],
        client_id=r[1],
        text=r[2],
        made_at=to_datetime(r[3]) or dt.datetime.min,
        due_date=to_date(r[4]) or dt.date.min,
        kept_at=to_datetime(r[5]),
        client_name=r[6],
        form_of_address=r[7],
    )


def _values(client_id: int, draft: PromiseDraft, made: dt.datetime) -> q.PromiseValues:
    """One promise as it is stored, validated: the per-record path of every promise write."""
    text = mb.check_text("text", draft.text)
    due = draft.due_date or default_promise_due(made.date())
    when = sql_datetime(made)
    kept = sql_datetime(draft.kept_at)
    return (client_id, text, when, due.isoformat(), when, kept)


def insert_promise(
    conn: sqlite3.Connection,
    client_id: int,
    draft: PromiseDraft,
    made: dt.datetime,
    touched: mb.Touched,
) -> int:
    """THE insert of one promise, inside the caller's transaction (:meth:`PromiseService.make`,
    a contact's dated next step); returns its id. The caller applies ``touched``."""
    new_id = q.insert_promise(conn, _values(client_id, draft, made))
    touched.memory.add(client_id)
    return new_id


def insert_promises(
    conn: sqlite3.Connection,
    promises: Iterable[tuple[int, PromiseDraft, dt.datetime]],
    touched: mb.Touched,
) -> None:
    """The bulk form of :meth:`PromiseService.make`, inside the caller's transaction (the
    demo's): (client id, promise, when it was made) each. The caller applies ``touched``."""
    rows = [_values(cid, draft, made) for cid, draft, made in promises]
    q.insert_promises(conn, rows)
    touched.memory.update(r[0] for r in rows)


class PromiseService(mb.SoftDeleting):
    deletable = mb.SoftDeletable(Topic.PROMISE, _PROMISE, q.TABLE_NAME)

    def default_due(self) -> dt.date:
        return default_promise_due(self.clock.today())

    def make(self, client_id: int, text: str, due: dt.date | None = None) -> int:
        touched = mb.Touched()
        draft, now = PromiseDraft(text, due), self.clock.now()
        _values(client_id, draft, now)  # refuse bad text before opening the transaction
        with self.book.write() as conn:
            mb.require_client(conn, client_id)
            new_id = insert_promise(conn, client_id, draft, now, touched)
            touched.apply(conn)
        self.book.changes.publish(Topic.PROMISE, [client_id])
        return new_id

    def keep(self, promise_id: int, how: InteractionDraft) -> int:
        """Mark kept and log the interaction that kept it; returns the interaction id."""
        now = self.clock.now()
        touched = mb.Touched()
        with self.book.write() as conn:
            client_id = self.owner(conn, promise_id)
            interaction_id = insert_interaction(conn, client_id, how, now, touched)
            q.set_kept(conn, promise_id, sql_datetime(now), interaction_id)
            moved = touched.apply(conn)
        topics = {Topic.PROMISE, Topic.INTERACTION} | ({Topic.CLIENT} if moved else set())
        self.book.changes.publish(topics, [client_id])
        return interaction_id

    def get(self, promise_id: int) -> PromiseRow:
        r = q.promise(self.book.reader(), promise_id)
        if r is None:
            raise mb.RecordNotFound(_PROMISE.with_(id=promise_id))
        return _row(r)

    def count_open(self, *, overdue_only: bool = False) -> int:
        """How many promises are open (or overdue) for active clients: My promises' number."""
        return len(self.open_promises(overdue_only=overdue_only))

    def open_promises(
        self,
        *,
        client_id: int | None = None,
        overdue_only: bool = False,
        today: dt.date | None = None,
    ) -> list[PromiseRow]:
        """Open promises of active clients (or one client), most overdue first."""
        today = today or self.clock.today()
        due_before = today.isoformat() if overdue_only else None
        return [_row(r) for r in q.open_promises(self.book.reader(), client_id, due_before)]
