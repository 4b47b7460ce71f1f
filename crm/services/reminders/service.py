"""What the Today view, the pop-ups, the settings tab and the CLI call for reminders.

One object on ``(book, clock)`` (``Services.reminders``): reads run on the calling thread's own
reader (the UI calls them through its task runner), writes are one transaction each and publish
one change. The engine and the sources underneath work inside one read (``conn``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from crm.domain.changes import Topic
from crm.domain.clock import Clock, SystemClock
from crm.domain.messages import Msg
from crm.domain.relationship_enums import Channel
from crm.services.interactions import InteractionDraft
from crm.services.reminders import engine
from crm.services.reminders import settings as reminder_settings
from crm.services.reminders.engine import (
    CONTACT_DUE,
    DEFAULT_DAYS,
    LOOKBACK_DAYS,
    PROMISE,
    Bucket,
    Reminder,
)
from crm.services.reminders.occurrence import Occurrence, Source
from crm.services.reminders.settings import ReminderSettings
from crm.services.reminders.state import HistoryEntry, ReminderStates
from crm.store.book import Book
from crm.store.queries.settings import write_json

if TYPE_CHECKING:
    from crm.services.cadence import CadenceService

#: How far ahead ``crm ics`` looks by default.
ICS_DAYS = 30


@dataclass(frozen=True)
class ContactDueCount:
    """Clients due for contact, in all: due before today, and due today."""

    overdue: int
    today: int


@dataclass(frozen=True)
class TodayList:
    now: dt.datetime
    reminders: list[Reminder]
    contact_due: ContactDueCount


def attention(reminders: Sequence[Reminder], today: dt.date, contact_due: int) -> int:
    """Open reminders overdue or dated today, keep-in-touch ones replaced by ``contact_due``
    (every client due, listed or not). Pure: the Today page counts its own list with it."""
    buckets = (Bucket.OVERDUE, Bucket.TODAY)
    listed = sum(
        1 for r in reminders if r.occurrence.occasion != CONTACT_DUE and r.bucket(today) in buckets
    )
    return listed + contact_due


class ReminderService:
    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()
        self.states = ReminderStates(book, self.clock)

    # -- reading ---------------------------------------------------------------------------

    def compute(
        self,
        today: dt.date | None = None,
        days: int = DEFAULT_DAYS,
        *,
        sources: Sequence[Source] | None = None,
        settings: ReminderSettings | None = None,
        lookback: int = LOOKBACK_DAYS,
    ) -> list[Reminder]:
        """Every reminder overdue, showing ``today`` (default the clock's) or dated in the next
        ``days`` days, with its state; closed ones included; sorted by date. ValueError for a
        date outside the calendar's 1901-2099."""
        return engine.compute(
            self.book.reader(),
            today or self.clock.today(),
            days,
            sources=sources,
            settings=settings,
            lookback=lookback,
        )

    def today(self, now: dt.datetime | None = None) -> TodayList:
        """What the Today view shows at ``now`` (default the clock's): the reminders of
        :meth:`compute`, and how many clients are due for contact in all (the keep-in-touch
        list holds at most the officer's limit; the Due page lists them all)."""
        now = now or self.clock.now()
        day = now.date()
        reminders = self.compute(day)
        overdue, due_today = self._cadence().count_due_split(day)
        return TodayList(now, reminders, ContactDueCount(overdue, due_today))

    def contact_due_count(self, today: dt.date | None = None) -> int:
        """Clients due for contact by ``today``: the Due page's number, and Today's."""
        return self._cadence().count_due(today or self.clock.today())

    def _cadence(self) -> CadenceService:
        from crm.services.cadence import CadenceService

        return CadenceService(self.book, self.clock)

    def due_popups(self, now: dt.datetime | None = None) -> list[Reminder]:
        """One pop-up check at ``now`` (default the clock's): the reminders to announce, none in
        quiet hours, each due time once. They are remembered as announced at ``now``."""
        now = now or self.clock.now()
        conn = self.book.reader()
        prefs = reminder_settings.load(conn)
        # Only what shows today can pop up: no need for the week ahead.
        today = engine.compute(conn, now.date(), 0, settings=prefs)
        pops = engine.due_popups(today, now, prefs)
        if pops:
            self.states.mark_notified((r.occurrence for r in pops), at=now)
        return pops

    def history(self, key: str) -> list[HistoryEntry]:
        return self.states.history(key)

    # -- the officer's actions -------------------------------------------------------------

    def done(self, occ: Occurrence, how: InteractionDraft | None = None) -> int | None:
        """The officer dealt with it. A reminder that stands for a record is closed by that
        record's own write, so every list agrees: a promise is kept (``PromiseService.keep``,
        as ``crm keep``; ``how`` is the contact that kept it, by default one saying it is
        done); a keep-in-touch reminder with ``how`` logs that contact (which moves the
        client's due date, and so off the Due list too). Returns the logged contact's id, if
        any; anything else is remembered as done."""
        from crm.services.interactions import InteractionService
        from crm.services.promises import PromiseService

        if occ.occasion == PROMISE and occ.ref_id is not None:
            promises = PromiseService(self.book, self.clock)
            if how is None:
                how = InteractionDraft(Channel.OTHER, promises.get(occ.ref_id).text)
            return promises.keep(occ.ref_id, how)
        if occ.occasion == CONTACT_DUE and occ.client_id and how is not None:
            return InteractionService(self.book, self.clock).log(occ.client_id, how)
        self.states.done(occ)
        return None

    def dismiss(self, occ: Occurrence) -> None:
        """ValueError for a promise: it is kept (``done``) or deleted, never waved away (My
        promises would still list it)."""
        if occ.occasion == PROMISE:
            raise ValueError("a promise is kept or deleted, not dismissed")
        self.states.dismiss(occ)

    def reopen(self, occ: Occurrence) -> None:
        """Back to pending (undo of done, dismiss or snooze)."""
        self.states.reopen(occ)

    def snooze(self, occ: Occurrence, until: dt.datetime) -> None:
        """ValueError unless ``until`` is in the future."""
        self.states.snooze(occ, until)

    def snooze_until_tomorrow(self, occ: Occurrence) -> dt.datetime:
        """Snooze until tomorrow at the time pop-ups start; returns that moment."""
        at = reminder_settings.load(self.book.reader()).notify_at
        until = dt.datetime.combine(self.clock.today() + dt.timedelta(days=1), at)
        self.states.snooze(occ, until)
        return until

    def mark_notified(
        self, occurrences: Iterable[Occurrence], at: dt.datetime | None = None
    ) -> None:
        self.states.mark_notified(occurrences, at)

    # -- settings --------------------------------------------------------------------------

    def settings(self) -> ReminderSettings:
        return reminder_settings.load(self.book.reader())

    def save_settings(self, settings: ReminderSettings) -> None:
        with self.book.write() as conn:
            write_json(conn, reminder_settings.KEY, settings.to_json())
        self.book.changes.publish(Topic.REMINDER_SETTINGS)

    # -- the phone's calendar --------------------------------------------------------------

    def export_ics(self, path: Path, render: Callable[[Msg], str], days: int = ICS_DAYS) -> int:
        """Write the open reminders dated from today through ``days`` days ahead to ``path``
        as an iCalendar file (atomically); returns how many events it holds."""
        from crm.services.reminders.ics import to_ics, write_atomically

        today = self.clock.today()
        reminders = [r for r in self.compute(today, days) if not r.closed and r.date >= today]
        write_atomically(path, to_ics(reminders, self.clock.now(), render))
        return len(reminders)
