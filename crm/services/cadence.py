"""Keep-in-touch cadence: how often each client should hear from the officer, and who is due.

A client's cadence is their own ``cadence_days`` or else the default for their status; the
defaults live in the book (book_setting "cadence.defaults", JSON) so they travel with it.
A client is due when (last contact, or when they were added) + cadence <= today.

:class:`CadenceService` is what the GUI and the CLI call. :func:`cadence_defaults` and
:func:`due_for_contact` take a connection because the reminder engine reads them inside its
own read (``crm.services.reminders.sources``, and the test holding the two answers together).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from crm.domain.changes import Topic
from crm.domain.enums import ClientStatus
from crm.services.memory_base import RelationshipService
from crm.store.book import to_datetime
from crm.store.queries import relationship as q
from crm.store.queries import reminders as reminder_queries
from crm.store.queries import settings

SETTING_KEY = "cadence.defaults"

#: Days between contacts by ClientStatus value, unless the officer changed them in settings.
DEFAULT_CADENCE: dict[str, int] = {
    ClientStatus.BORROWER.value: 30,
    ClientStatus.APPLYING.value: 7,
    ClientStatus.PROSPECT.value: 14,
    ClientStatus.FORMER_BORROWER.value: 90,
    ClientStatus.DECLINED.value: 180,
}
#: A status the defaults do not name (none today: statuses are a closed vocabulary).
FALLBACK_DAYS = 30
MIN_DAYS, MAX_DAYS = 1, 3650


@dataclass(frozen=True)
class DueClient:
    client_id: int
    name: str
    last_contact_at: dt.datetime | None
    cadence_days: int
    due_date: dt.date
    days_overdue: int
    status: ClientStatus | None = None  # filled by the ranked list (the Due page)

    @property
    def never_contacted(self) -> bool:
        return self.last_contact_at is None


#: Statuses the Due page lists first: money is moving (a loan running, or being applied for).
FIRST_STATUSES = (ClientStatus.BORROWER, ClientStatus.APPLYING)


@dataclass(frozen=True)
class RankedDue:
    """The Due page's two groups: clients contacted before (ranked) and never contacted, each
    the first ``limit``, with how many there are in all (together: every client due, the
    number Today's keep-in-touch groups count)."""

    contacted: list[DueClient]
    contacted_total: int
    never: list[DueClient]
    never_total: int

    @property
    def total(self) -> int:
        return self.contacted_total + self.never_total


def cadence_defaults(conn: sqlite3.Connection) -> dict[str, int]:
    """The book's defaults by status: DEFAULT_CADENCE overlaid with the officer's settings.
    Takes ``conn``: the reminder engine calls it inside its own read."""
    out = dict(DEFAULT_CADENCE)
    saved = settings.read_json(conn, SETTING_KEY)  # None: never saved, or unreadable
    if isinstance(saved, dict):
        for status, days in saved.items():
            if status in out and isinstance(days, int) and MIN_DAYS <= days <= MAX_DAYS:
                out[status] = days
    return out


def due_for_contact(
    conn: sqlite3.Connection, today: dt.date, limit: int | None = None
) -> list[DueClient]:
    """Active clients whose last contact (or creation) plus cadence is on or before today,
    most overdue first. Takes ``conn``: the reminder engine's answer is held to this one."""
    rows = q.due_clients(conn, cadence_defaults(conn), FALLBACK_DAYS, today, limit)
    return [_due(r, today) for r in rows]


def _due(row: tuple, today: dt.date, status: str | None = None) -> DueClient:
    """(id, name, last_contact_at, cadence days, due date) as a DueClient."""
    cid, name, last, days, due = row
    due_date = dt.date.fromisoformat(due)
    known = status is not None and status in ClientStatus._value2member_map_
    return DueClient(
        client_id=cid,
        name=name,
        last_contact_at=to_datetime(last),
        cadence_days=int(days),
        due_date=due_date,
        days_overdue=(today - due_date).days,
        status=ClientStatus(status) if known and status else None,
    )


class CadenceService(RelationshipService):
    def defaults(self) -> dict[str, int]:
        return cadence_defaults(self.book.reader())

    def save_defaults(self, defaults: dict[str, int]) -> None:
        """Store the defaults by status, each clamped to MIN_DAYS..MAX_DAYS."""
        clean = {
            s: max(MIN_DAYS, min(MAX_DAYS, int(defaults.get(s, d))))
            for s, d in DEFAULT_CADENCE.items()
        }
        with self.book.write() as conn:
            settings.write_json(conn, SETTING_KEY, clean)
        self.book.changes.publish(Topic.CADENCE)

    def due_for_contact(
        self, today: dt.date | None = None, limit: int | None = None
    ) -> list[DueClient]:
        return due_for_contact(self.book.reader(), today or self.clock.today(), limit)

    def ranked_due(self, today: dt.date | None = None, limit: int | None = None) -> RankedDue:
        """Who to call first: borrowers and applicants, then the most overdue for their
        cadence (2 weeks late on a weekly cadence before 3 weeks late on a quarterly one);
        clients never contacted in a group of their own, ranked the same way."""
        day = today or self.clock.today()
        conn = self.book.reader()
        defaults, iso = cadence_defaults(conn), day.isoformat()
        firsts = [s.value for s in FIRST_STATUSES]
        rows = reminder_queries.ranked_due(conn, defaults, FALLBACK_DAYS, iso, firsts, limit)
        groups: dict[bool, tuple[list[DueClient], int]] = {False: ([], 0), True: ([], 0)}
        for r in rows:
            listed, _total = groups[bool(r[6])]
            listed.append(_due(r[:5], day, r[5]))
            groups[bool(r[6])] = (listed, int(r[7]))
        contacted, contacted_total = groups[False]
        never, never_total = groups[True]
        return RankedDue(contacted, contacted_total, never, never_total)

    def count_due_split(self, today: dt.date | None = None) -> tuple[int, int]:
        """(overdue, due today): every client due for contact, as Today's groups count them.
        Counted a cadence group at a time on its index (the Today view asks on every change;
        :meth:`count_due` works out every client's due date: ~1 s at 100,000 clients)."""
        conn = self.book.reader()
        day = today or self.clock.today()
        groups: list[tuple[reminder_queries.GroupBy, object, int]] = [
            ("status", status, days) for status, days in cadence_defaults(conn).items()
        ]
        groups += [("cadence", days, days) for days in reminder_queries.explicit_cadences(conn)]
        overdue = due = 0
        for by, value, days in groups:
            # Due on or before a day <=> last in touch before (that day - cadence + 1).
            late = (day - dt.timedelta(days=days)).isoformat()
            by_today = (day - dt.timedelta(days=days - 1)).isoformat()
            overdue += reminder_queries.count_contact_due(conn, by, value, late)
            due += reminder_queries.count_contact_due(conn, by, value, by_today)
        return overdue, due - overdue

    def count_due(self, today: dt.date | None = None) -> int:
        conn = self.book.reader()
        return q.count_due(conn, cadence_defaults(conn), FALLBACK_DAYS, today or self.clock.today())

    def cadence_of(self, client_id: int) -> int:
        """One client's effective cadence in days."""
        conn = self.book.reader()
        row = q.client_cadence(conn, client_id)
        if row is None:
            return DEFAULT_CADENCE[ClientStatus.PROSPECT.value]
        if row[0]:
            return int(row[0])
        return cadence_defaults(conn).get(row[1], FALLBACK_DAYS)
