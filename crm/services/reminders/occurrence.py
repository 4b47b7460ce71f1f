"""What every reminder source yields: one dated occasion, possibly about one client.

A source is a plain function ``(conn: sqlite3.Connection, start: date, end: date) ->
Iterable[Occurrence]`` yielding the occasions whose ``date`` falls in ``[start, end]``; the engine
asks each source for a window widened by the largest lead time and does the rest (lead time,
state, snooze, grouping). A new kind of reminder is one such function.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from sqlite3 import Connection
from typing import NamedTuple

from crm.domain.messages import Msg


class Occurrence(NamedTuple):
    # A NamedTuple, not a dataclass: a week at 100,000 clients makes ~10,000 of them per
    # check, and a tuple is built ~4x faster than a frozen dataclass.
    #: Stable across runs and unique per occasion, e.g. "birthday:42:2026-12-01",
    #: "spring_festival:-:2027-02-06", "promise:7:2026-12-02" (7 = the promise id).
    key: str
    #: A stable occasion key: birthday, new_year, spring_festival, lantern, qingming, labour_day,
    #: dragon_boat, qixi, mid_autumn, national_day, double_ninth, laba, new_years_eve,
    #: life_note, promise, contact_due, thank_referrer, ...
    occasion: str
    #: The day of the occasion itself (not the day its lead time starts).
    date: dt.date
    title: Msg
    client_id: int | None = None
    #: Days before ``date`` it starts showing (festivals 3, birthdays 1, ...); the engine may
    #: override it from the officer's settings.
    lead_days: int = 0
    detail: Msg | None = None
    #: The record it comes from, where there is one (a note, promise or referral id).
    ref_id: int | None = None


Source = Callable[[Connection, dt.date, dt.date], Iterable[Occurrence]]
