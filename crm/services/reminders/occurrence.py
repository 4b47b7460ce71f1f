"""What every reminder source yields: one dated occasion, possibly about one client.

A source is a plain function ``(conn: sqlite3.Connection, start: date, end: date) ->
Iterable[Occurrence]`` yielding the occasions whose ``date`` falls in ``[start, end]``; the engine
asks each source for a window widened by the largest lead time and does the rest (lead time,
state, snooze, grouping). A new kind of reminder is one such function.

A :class:`DailySource` is one that yields an occurrence for every day something lasts (an
overdue loan's follow-up): the engine asks it for the day it computes for only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from sqlite3 import Connection
from typing import NamedTuple

from crm.domain.messages import Msg


def message(template: Msg, **params: object) -> Msg:
    """``template.with_(**params)`` for an occurrence's texts, built directly: ``with_`` copies
    its mapping twice, and a check builds thousands (birthdays, repayments at 100,000 clients)."""
    return Msg(template.context, template.text, params)


class Occurrence(NamedTuple):
    # A NamedTuple, not a dataclass: a week at 100,000 clients makes ~10,000 of them per
    # check, and a tuple is built ~4x faster than a frozen dataclass.
    #: Stable across runs and unique per occasion, e.g. "birthday:42:2026-12-01",
    #: "spring_festival:-:2027-02-06", "promise:7:2026-12-02" (7 = the promise id).
    key: str
    #: A stable occasion key: birthday, new_year, spring_festival, lantern, qingming, labour_day,
    #: dragon_boat, qixi, mid_autumn, national_day, double_ninth, laba, new_years_eve,
    #: life_note, promise, contact_due, thank_referrer, loan_repayment, loan_maturity,
    #: loan_overdue, ...
    occasion: str
    #: The day of the occasion itself (not the day its lead time starts).
    date: dt.date
    title: Msg
    client_id: int | None = None
    #: Days before ``date`` it starts showing (festivals 3, birthdays 1, ...); the engine may
    #: override it from the officer's settings.
    lead_days: int = 0
    detail: Msg | None = None
    #: The record it comes from, where there is one (a note, promise, referral or loan id).
    ref_id: int | None = None


Source = Callable[[Connection, dt.date, dt.date], Iterable[Occurrence]]


class DailySource:
    """A source of one occurrence a day for as long as something lasts (an overdue loan's
    follow-up), yielding every day of the window it is asked about. The engine asks it about
    the day it computes for only: yesterday's follow-up left undone is not today's (today's
    stands for it), and a week of tomorrows would bury the list."""

    __slots__ = ("source",)

    def __init__(self, source: Source) -> None:
        self.source = source

    def __call__(self, conn: Connection, start: dt.date, end: dt.date) -> Iterable[Occurrence]:
        return self.source(conn, start, end)
