"""Demo data for reminders, run inside ``fill_demo``'s transaction.

Makes sure a fresh demo book has birthdays (solar and lunar) in the coming days relative to the
demo's clock, forms of address for greetings, a festival or two in view when the calendar has
one, and reminders already done, snoozed and dismissed so the Today view shows every state.
"""

from __future__ import annotations

import datetime as dt

from crm.domain import lunar
from crm.domain.messages import Msg
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
    for (cid, _name, _g), (offset, is_lunar) in zip(chosen, BIRTHDAYS, strict=False):
        day = today + dt.timedelta(days=offset)
        age = rng.randint(28, 60)
        year = day.year - age
        if is_lunar:
            ld = lunar.solar_to_lunar(day)
            q.demo_set_birthday(
                conn, cid, "lunar", (ld.year or day.year) - age, ld.month, ld.day, ld.leap
            )
        else:
            q.demo_set_birthday(conn, cid, "solar", year, day.month, day.day, False)

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


def _title() -> Msg:
    # Only the key, occasion, date and client are stored; the title is never read back.
    return Msg("Reminder", "{name}'s birthday")
