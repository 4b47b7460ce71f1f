"""Turning occurrences into reminders: lead time, state, snooze, the Today view's buckets.

``compute`` asks every source for the window, applies the officer's lead times, joins the
remembered state (one indexed read) and sorts. ``due_popups`` picks those a pop-up should
announce now: each due time is announced once (``notified_at``), so a reminder that fell due
while Prism was closed appears once at the next start, and a snooze announces it again when it
runs out.

Both work inside a read the caller holds (``conn``); the UI and the CLI reach them through
:class:`crm.services.reminders.service.ReminderService`.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from crm.services.collector import collector_paused
from crm.services.reminders import settings as reminder_settings
from crm.services.reminders.occurrence import DailySource, Occurrence, Source
from crm.services.reminders.settings import ReminderSettings
from crm.store.book import to_datetime
from crm.store.queries import reminders as q

#: How far back a missed birthday or festival still shows as overdue.
LOOKBACK_DAYS = 7
DEFAULT_DAYS = 7
#: Occasions a pop-up announces again on their day when their lead time showed them earlier:
#: a repayment paid by hand is worth a word on the day too.
AGAIN_ON_THE_DAY = frozenset({"loan_repayment"})
PROMISE = "promise"
CONTACT_DUE = "contact_due"
#: Occasions that stand for an open record (a promise not kept): the record says whether it
#: is open, so a "done" or "dismissed" remembered for one (books from before Done kept the
#: promise) does not hide it while My promises still lists it. Snoozes still count.
RECORD_BACKED = frozenset({PROMISE})


class State(StrEnum):
    PENDING = "pending"
    SNOOZED = "snoozed"
    DONE = "done"
    DISMISSED = "dismissed"


_CLOSED_STATES = frozenset({"done", "dismissed"})


class Bucket(StrEnum):
    """The Today view's groups, in display order."""

    OVERDUE = "overdue"
    TODAY = "today"
    UPCOMING = "upcoming"
    CLOSED = "closed"  # done or dismissed: shown last, greyed


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
        """Its group by its own date: a birthday tomorrow is upcoming even while its lead time
        shows it (and pops it up) today, so "Today" holds only today's."""
        if self.closed:
            return Bucket.CLOSED
        if self.date < today:
            return Bucket.OVERDUE
        if self.date == today:
            return Bucket.TODAY
        return Bucket.UPCOMING

    def showing(self, today: dt.date) -> bool:
        """Open and its lead time begun (a pop-up may announce it)."""
        return not self.closed and self.shows_from <= today

    def due_at(self, notify_at: dt.time, now: dt.datetime | None = None) -> dt.datetime:
        """When a pop-up should announce it: its first showing day at the notify time (or, by
        ``now``, its own day for :data:`AGAIN_ON_THE_DAY`), or the end of its snooze."""
        first = dt.datetime.combine(self.shows_from, notify_at)
        if now is not None and self.occurrence.occasion in AGAIN_ON_THE_DAY:
            on_the_day = dt.datetime.combine(self.date, notify_at)
            if first < on_the_day <= now:
                first = on_the_day
        if self.state is State.SNOOZED and self.snoozed_until is not None:
            return max(first, self.snoozed_until)
        return first

    def should_pop(self, now: dt.datetime, notify_at: dt.time) -> bool:
        if not self.showing(now.date()):
            return False
        due = self.due_at(notify_at, now)
        return due <= now and (self.notified_at is None or self.notified_at < due)


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
    with collector_paused():
        return _compute(conn, today, days, sources, settings, lookback)


def _compute(
    conn: sqlite3.Connection,
    today: dt.date,
    days: int,
    sources: Sequence[Source] | None,
    settings: ReminderSettings | None,
    lookback: int,
) -> list[Reminder]:
    if sources is None:
        from crm.services.reminders.sources import default_sources

        sources = default_sources()
    settings = settings or reminder_settings.load(conn)
    max_lead = max(settings.lead_days.values(), default=0)
    start = today - dt.timedelta(days=lookback)
    last = today + dt.timedelta(days=days)
    end = today + dt.timedelta(days=max(days, max_lead))
    # Per occasion, looked up once: its lead time and the last date it can show on (dated
    # within ``days``, or its lead time already begun: date - lead <= today).
    windows: dict[str, tuple[int, dt.date]] = {}
    order: dict[str, int] = {}
    # key -> (date, occasion rank, key, occurrence): the sort key built once per reminder, so
    # one plain tuple sort replaces a Python key function per item (~10,000 a week).
    found: dict[str, tuple[dt.date, int, str, Occurrence]] = {}
    for rank, source in enumerate(sources):
        asked = (today, today) if isinstance(source, DailySource) else (start, end)
        for occ in source(conn, *asked):
            occasion = occ.occasion
            window = windows.get(occasion)
            if window is None:
                lead = settings.lead_for(occasion)
                window = windows[occasion] = (lead, max(last, today + dt.timedelta(days=lead)))
            lead, shows_until = window
            date = occ.date
            if date > shows_until:
                continue
            if lead != occ.lead_days:
                occ = occ._replace(lead_days=lead)
            # An occasion ranks by the first source that yields one (setdefault: set once).
            occ_rank = order.setdefault(occasion, rank)
            key = occ.key
            if key not in found:
                found[key] = (date, occ_rank, key, occ)
    if not found:
        return []
    # Keys are unique, so the tuples never compare their occurrences.
    ordered = sorted(found.values())
    earliest = ordered[0][0]
    states = q.states_from(conn, earliest.isoformat())
    reminders: list[Reminder] = []
    append = reminders.append
    for _date, _rank, key, occ in ordered:
        row = states.get(key)
        if row is None:
            append(Reminder(occ))
        else:
            state, snoozed, done, notified = row
            if occ.occasion in RECORD_BACKED and state in _CLOSED_STATES:
                append(Reminder(occ, notified_at=to_datetime(notified)))
                continue
            append(
                Reminder(
                    occ,
                    State(state),
                    to_datetime(snoozed),
                    to_datetime(done),
                    to_datetime(notified),
                )
            )
    return reminders


def due_popups(
    reminders: Sequence[Reminder], now: dt.datetime, settings: ReminderSettings
) -> list[Reminder]:
    """Those a pop-up should announce now; none during quiet hours (they wait until after)."""
    if settings.is_quiet(now):
        return []
    return [r for r in reminders if r.should_pop(now, settings.notify_at)]
