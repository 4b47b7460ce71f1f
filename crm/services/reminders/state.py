"""Remembering what the officer did with each reminder occurrence: snoozed, done, dismissed.

Every change is one transaction that updates ``reminder_state`` and appends to
``reminder_history``, then publishes ``Topic.REMINDER``. Keys carry the occasion's date, so
marking this year's birthday done leaves next year's pending.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from crm.domain.changes import Topic
from crm.domain.clock import Clock, SystemClock
from crm.services.reminders.engine import State
from crm.services.reminders.occurrence import Occurrence
from crm.store.book import Book, sql_datetime, to_datetime
from crm.store.queries import reminders as q

#: The history line of a greeting sent for an occurrence (a festival greets many clients).
GREETED = "greeted"


@dataclass(frozen=True)
class HistoryEntry:
    action: str
    at: dt.datetime
    until: dt.datetime | None
    client_id: int | None
    note: str


def set_state(
    conn: sqlite3.Connection,
    occ: Occurrence,
    state: State,
    now: dt.datetime,
    *,
    until: dt.datetime | None = None,
    note: str = "",
) -> None:
    """The one write of an occurrence's state, inside a caller's transaction (the greeting
    composer's "sent", the demo): record the new state and its history line."""
    at = sql_datetime(now)
    assert at is not None
    q.upsert_state(
        conn,
        occ.key,
        occ.occasion,
        occ.client_id,
        occ.date.isoformat(),
        state.value,
        sql_datetime(until),
        at if state is State.DONE else None,
        at,
    )
    q.add_history(conn, occ.key, None, state.value, at, sql_datetime(until), note)


def record_greeted(
    conn: sqlite3.Connection, occ: Occurrence, client_id: int, now: dt.datetime, text: str
) -> None:
    """Inside a caller's transaction: a greeting for ``occ`` went to ``client_id``."""
    at = sql_datetime(now)
    assert at is not None
    q.add_history(conn, occ.key, client_id, GREETED, at, None, text)


class ReminderStates:
    """The officer's actions on reminders, for the Today view, pop-ups and the CLI (reached
    through :class:`crm.services.reminders.service.ReminderService`)."""

    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()

    def _set(self, occ: Occurrence, state: State, until: dt.datetime | None = None) -> None:
        with self.book.write() as conn:
            set_state(conn, occ, state, self.clock.now(), until=until)
        self.book.changes.publish(Topic.REMINDER, [occ.client_id] if occ.client_id else [])

    def done(self, occ: Occurrence) -> None:
        self._set(occ, State.DONE)

    def dismiss(self, occ: Occurrence) -> None:
        self._set(occ, State.DISMISSED)

    def reopen(self, occ: Occurrence) -> None:
        """Back to pending (undo of done, dismiss or snooze)."""
        self._set(occ, State.PENDING)

    def snooze(self, occ: Occurrence, until: dt.datetime) -> None:
        if until <= self.clock.now():
            raise ValueError("a snooze ends in the future")
        self._set(occ, State.SNOOZED, until)

    def mark_notified(
        self, occurrences: Iterable[Occurrence], at: dt.datetime | None = None
    ) -> None:
        """A pop-up announced these (at ``at``, default now): remember it, so each due time
        is announced only once. Nothing a view shows changes, so nothing is published."""
        occs = list(occurrences)
        if not occs:
            return
        now = sql_datetime(at or self.clock.now())
        with self.book.write() as conn:
            q.upsert_notified(
                conn, [(o.key, o.occasion, o.client_id, o.date.isoformat(), now, now) for o in occs]
            )
            q.add_history_many(conn, [(o.key, None, "notified", now, None, "") for o in occs])

    def history(self, key: str) -> list[HistoryEntry]:
        return [
            HistoryEntry(
                action,
                dt.datetime.fromisoformat(at),
                to_datetime(until),
                cid,
                note,
            )
            for action, at, until, cid, note in q.history(self.book.reader(), key)
        ]

    def greeted(self, key: str) -> set[int]:
        """Clients a greeting for this occurrence was sent to (festivals greet many)."""
        return q.clients_with_action(self.book.reader(), key, GREETED)
