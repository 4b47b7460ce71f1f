"""Demo data for reminders, run inside ``fill_demo``'s transaction.

Makes sure a fresh demo book has birthdays (solar and lunar) in the coming days relative to the
demo's clock, forms of address for greetings, a festival or two in view when the calendar has
one, and reminders already done, snoozed and dismissed so the Today view shows every state.
"""

from __future__ import annotations

import datetime as dt

from crm.domain import lunar
from crm.domain.client_form import Birthday, check_birthday, clean_client
from crm.domain.enums import Calendar
from crm.domain.errors import FieldError
from crm.domain.messages import Msg
from crm.services.clients import read_details, write_clients
from crm.services.demo import DemoContext
from crm.services.greetings import set_optout
from crm.services.reminders.engine import State
from crm.services.reminders.occurrence import Occurrence
from crm.services.reminders.sources import occurrence_key
from crm.services.reminders.state import set_state
from crm.store.queries import reminders as q

#: (days from today, lunar?) for the demo's birthdays.
BIRTHDAYS = ((-1, False), (0, False), (0, True), (1, False), (1, True), (3, False), (5, True))


def fill(ctx: DemoContext) -> None:
    """Add this area's demo records for ``ctx.client_ids`` using ``ctx.conn`` and ``ctx.rng``."""
    if not ctx.client_ids:
        return
    conn, rng = ctx.conn, ctx.rng
    now = ctx.clock.now()
    today = now.date()
    first, last = ctx.client_ids[0], ctx.client_ids[-1]
    people = q.demo_people(conn, first, last, len(BIRTHDAYS) * 3 + 20)
    chosen = people[: len(BIRTHDAYS)]
    birthdays: dict[int, Birthday] = {}
    for (cid, _name, _g), (offset, is_lunar) in zip(chosen, BIRTHDAYS, strict=False):
        day = today + dt.timedelta(days=offset)
        age = rng.randint(28, 60)
        if is_lunar:
            ld = lunar.solar_to_lunar(day)
            b = Birthday(Calendar.LUNAR, ld.month, ld.day, (ld.year or day.year) - age, ld.leap)
        else:
            b = Birthday(Calendar.SOLAR, day.month, day.day, day.year - age)
        birthdays[cid] = _known_year_if_valid(b, today)
    _set_birthdays(ctx, birthdays)

    def occ(index: int) -> Occurrence:
        cid = chosen[index][0]
        day = today + dt.timedelta(days=BIRTHDAYS[index][0])
        return Occurrence(occurrence_key("birthday", cid, day), "birthday", day, _title(), cid)

    if len(chosen) >= 4:
        # Yesterday's birthday: greeted and done. Tomorrow's: snoozed until this afternoon.
        set_state(conn, occ(0), State.DONE, now - dt.timedelta(hours=20), note="greeting sent")
        later = max(now + dt.timedelta(hours=2), dt.datetime.combine(today, dt.time(15, 0)))
        set_state(conn, occ(3), State.SNOOZED, now - dt.timedelta(minutes=5), until=later)
    # One client who asked for no festival messages.
    quiet = q.demo_first_never_contacted(conn, first, last)
    if quiet is not None:
        set_optout(conn, quiet, True, now)


def _known_year_if_valid(b: Birthday, today: dt.date) -> Birthday:
    """The birthday as drawn, or without its year when that year has no such day (29 Feb,
    a lunar 30th or leap month): such a client knows only the day, as the form allows."""
    try:
        check_birthday(b, today)
    except FieldError:
        return Birthday(b.calendar, b.month, b.day, None, b.leap)
    return b


def _set_birthdays(ctx: DemoContext, birthdays: dict[int, Birthday]) -> None:
    """Move these clients' birthdays into view: an edit of each, through the client write."""
    now = ctx.clock.now()
    updates = []
    for cid, detail in read_details(ctx.conn, list(birthdays)).items():
        detail.draft.birthday = birthdays[cid]
        updates.append((cid, clean_client(detail.draft, now.date())))
    write_clients(ctx.conn, [], updates, now=now)


def _title() -> Msg:
    # Only the key, occasion, date and client are stored; the title is never read back.
    return Msg("Reminder", "{name}'s birthday")
