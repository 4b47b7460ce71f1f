"""Turning occurrences into reminders: lead time, state, snooze, the Today view's buckets.

``compute`` asks every source for the window, applies the officer's lead times, joins the
remembered state (one indexed read) and sorts. ``due_popups`` picks those a pop-up should
announce now: each due time is announced once (``notified_at``), so a reminder that fell due
while Prism was closed appears once at the next start, and a snooze announces it again when it
runs out.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from crm.services.reminders import settings as reminder_settings
from crm.services.reminders.occurrence import Occurrence, Source
from crm.services.reminders.settings import ReminderSettings

#: How far back a missed birthday or festival still shows as overdue.
LOOKBACK_DAYS = 7
DEFAULT_DAYS = 7


class State(StrEnum):
    PENDING = "pending"
    SNOOZED = "snoozed"
    DONE = "done"
    DISMISSED = "dismissed"


class Bucket(StrEnum):
    """The Today view's groups, in display order."""

    OVERDUE = "overdue"
    TODAY = "today"
    UPCOMING = "upcoming"
    CLOSED = "closed"  # done or dismissed: shown last, greyed


def _dt(value: str | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(value)


@dataclass(frozen=True, slots=True)
class Reminder:
    occurrence: Occurrence
    state: State = State.PENDING
    snoozed_until: dt.datetime | None = None
    done_at: dt.datetime | None = None
    notified_at: dt.datetime | None = None

    @property
    def key(self) -> str:
        return self.occurrence.key

    @property
    def date(self) -> dt.date:
        return self.occurrence.date

    @property
    def shows_from(self) -> dt.date:
        return self.occurrence.date - dt.timedelta(days=self.occurrence.lead_days)

    @property
    def closed(self) -> bool:
        return self.state in (State.DONE, State.DISMISSED)

    def snoozed_at(self, now: dt.datetime) -> bool:
        return (
            self.state is State.SNOOZED
            and self.snoozed_until is not None
            and self.snoozed_until > now
        )

    def bucket(self, today: dt.date) -> Bucket:
        if self.closed:
            return Bucket.CLOSED
        if self.date < today:
            return Bucket.OVERDUE
        if self.shows_from <= today:
            return Bucket.TODAY
        return Bucket.UPCOMING

    def due_at(self, notify_at: dt.time) -> dt.datetime:
        """When a pop-up should announce it: its first showing day at the notify time, or
        the end of its snooze."""
        first = dt.datetime.combine(self.shows_from, notify_at)
        if self.state is State.SNOOZED and self.snoozed_until is not None:
            return max(first, self.snoozed_until)
        return first

    def should_pop(self, now: dt.datetime, notify_at: dt.time) -> bool:
        if self.closed or self.bucket(now.date()) is Bucket.UPCOMING:
            return False
        due = self.due_at(notify_at)
        return due <= now and (self.notified_at is None or self.notified_at < due)


_STATE_SQL = (
    "SELECT key, state, snoozed_until, done_at, notified_at FROM reminder_state "
    "WHERE occasion_date >= ?"
)


def compute(
    conn: sqlite3.Connection,
    today: dt.date,
    days: int = DEFAULT_DAYS,
    *,
    sources: Sequence[Source] | None = None,
    settings: ReminderSettings | None = None,
    lookback: int = LOOKBACK_DAYS,
) -> list[Reminder]:
    """Every reminder overdue (up to ``lookback`` days, or still open), showing today, or
    dated in the next ``days`` days, with its state; closed ones included. Sorted by date."""
    if sources is None:
        from crm.services.reminders.sources import default_sources

        sources = default_sources()
    settings = settings or reminder_settings.load(conn)
    max_lead = max(settings.lead_days.values(), default=0)
    start = today - dt.timedelta(days=lookback)
    last = today + dt.timedelta(days=days)
    end = today + dt.timedelta(days=max(days, max_lead))
    found: dict[str, Occurrence] = {}
    order: dict[str, int] = {}
    leads: dict[str, int] = {}
    for rank, source in enumerate(sources):
        for occ in source(conn, start, end):
            lead = leads.get(occ.occasion)
            if lead is None:
                lead = leads[occ.occasion] = settings.lead_for(occ.occasion)
            if lead != occ.lead_days:
                occ = occ._replace(lead_days=lead)
            if occ.date > last and occ.date - dt.timedelta(days=occ.lead_days) > today:
                continue
            found.setdefault(occ.key, occ)
            order.setdefault(occ.occasion, rank)
    if not found:
        return []
    earliest = min(o.date for o in found.values())
    reminders = []
    states = {row[0]: row[1:] for row in conn.execute(_STATE_SQL, (earliest.isoformat(),))}
    for key, occ in found.items():
        row = states.get(key)
        if row is None:
            reminders.append(Reminder(occ))
        else:
            state, snoozed, done, notified = row
            reminders.append(Reminder(occ, State(state), _dt(snoozed), _dt(done), _dt(notified)))
    reminders.sort(key=lambda r: (r.date, order[r.occurrence.occasion], r.key))
    return reminders


def due_popups(
    reminders: Sequence[Reminder], now: dt.datetime, settings: ReminderSettings
) -> list[Reminder]:
    """Those a pop-up should announce now; none during quiet hours (they wait until after)."""
    if settings.is_quiet(now):
        return []
    return [r for r in reminders if r.should_pop(now, settings.notify_at)]
