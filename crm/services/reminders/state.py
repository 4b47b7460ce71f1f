"""Remembering what the officer did with each reminder occurrence: snoozed, done, dismissed.

Every change is one transaction that updates ``reminder_state`` and appends to
``reminder_history``, then publishes ``"reminder"``. Keys carry the occasion's date, so marking
this year's birthday done leaves next year's pending.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from crm.domain.changes import Topic
from crm.domain.clock import Clock
from crm.services.reminders.engine import State
from crm.services.reminders.occurrence import Occurrence
from crm.store.book import Book, sql_datetime

_UPSERT = (
    "INSERT INTO reminder_state (key, occasion, client_id, occasion_date, state, snoozed_until, "
    "done_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT(key) DO UPDATE SET state = excluded.state, "
    "snoozed_until = excluded.snoozed_until, done_at = excluded.done_at, "
    "updated_at = excluded.updated_at"
)
_HISTORY = (
    "INSERT INTO reminder_history (key, client_id, action, at, until, note) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)


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
    """Inside a caller's transaction: record the new state and its history line."""
    conn.execute(
        _UPSERT,
        (
            occ.key,
            occ.occasion,
            occ.client_id,
            occ.date.isoformat(),
            state.value,
            sql_datetime(until),
            sql_datetime(now) if state is State.DONE else None,
            sql_datetime(now),
        ),
    )
    conn.execute(
        _HISTORY, (occ.key, None, state.value, sql_datetime(now), sql_datetime(until), note)
    )


class ReminderStates:
    """The officer's actions on reminders, for the Today view, pop-ups and the CLI."""

    def __init__(self, book: Book, clock: Clock) -> None:
        self.book = book
        self.clock = clock

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

    def mark_notified(self, occurrences: Iterable[Occurrence]) -> None:
        """A pop-up announced these: remember it, so each due time is announced only once."""
        occs = list(occurrences)
        if not occs:
            return
        now = sql_datetime(self.clock.now())
        with self.book.write() as conn:
            conn.executemany(
                "INSERT INTO reminder_state (key, occasion, client_id, occasion_date, state, "
                "notified_at, updated_at) VALUES (?, ?, ?, ?, 'pending', ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET notified_at = excluded.notified_at",
                [(o.key, o.occasion, o.client_id, o.date.isoformat(), now, now) for o in occs],
            )
            conn.executemany(_HISTORY, [(o.key, None, "notified", now, None, "") for o in occs])

    def history(self, key: str) -> list[HistoryEntry]:
        rows = self.book.reader().execute(
            "SELECT action, at, until, client_id, note FROM reminder_history "
            "WHERE key = ? ORDER BY at, id",
            (key,),
        )
        return [
            HistoryEntry(
                action,
                dt.datetime.fromisoformat(at),
                dt.datetime.fromisoformat(until) if until else None,
                cid,
                note,
            )
            for action, at, until, cid, note in rows
        ]

    def greeted(self, key: str) -> set[int]:
        """Clients a greeting for this occurrence was sent to (festivals greet many)."""
        rows = self.book.reader().execute(
            "SELECT client_id FROM reminder_history WHERE key = ? AND action = 'greeted' "
            "AND client_id IS NOT NULL",
            (key,),
        )
        return {r[0] for r in rows}
