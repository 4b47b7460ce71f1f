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
    out = []
    for cid, name, last, days, due in rows:
        due_date = dt.date.fromisoformat(due)
        out.append(
            DueClient(
                client_id=cid,
                name=name,
                last_contact_at=to_datetime(last),
                cadence_days=int(days),
                due_date=due_date,
                days_overdue=(today - due_date).days,
            )
        )
    return out


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
