"""The registry of the dashboard's figures: one function per figure key, reading the book.

A figure function takes the reader connection and a :class:`Window` and returns a
:class:`crm.domain.stats.Figure` (counts only); its ``behind`` function returns the client ids
the click-through lists. A figure with no function registered shows as "not available yet";
to add one::

    register(stats_defs.SOME_FIGURE, my_figure_fn, my_behind_fn)

Functions here may take ``conn``: they run inside :class:`crm.services.stats.StatsService`'s
read.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from crm.domain import stats_defs as d
from crm.domain.loan_status import LoanStatus
from crm.domain.stats import Figure, FigureDef, Period, birthday_keys, yuan
from crm.store.queries import stats as q
from crm.store.queries import stats_post_loan as pq


@dataclass(frozen=True)
class Window:
    """The period asked for, and the last day counted: its end, or today if that is sooner
    (a promise due next week has not been broken yet)."""

    period: Period
    today: dt.date
    #: Reads several figures share (the loans' one pass), kept for the window's life.
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def last(self) -> dt.date:
        return min(self.period.end, self.today)

    @property
    def empty(self) -> bool:
        return self.last < self.period.start

    def params(self, **extra: Any) -> dict[str, Any]:
        return {"first": self.period.start.isoformat(), "last": self.last.isoformat(), **extra}

    def shared(self, key: str, read: Callable[[], Any]) -> Any:
        if key not in self.memo:
            self.memo[key] = read()
        return self.memo[key]


FigureFn = Callable[[sqlite3.Connection, Window], Figure]
BehindFn = Callable[[sqlite3.Connection, Window], list[int]]


@dataclass(frozen=True)
class Source:
    figure: FigureFn
    behind: BehindFn
    #: The memo entries the figure reads (``Window.shared``): filled for many months at once
    #: by crm.services.stats_months when a chart asks.
    shares: tuple[str, ...] = ()


REGISTRY: dict[str, Source] = {}


def register(
    definition: FigureDef, figure: FigureFn, behind: BehindFn, shares: tuple[str, ...] = ()
) -> None:
    """Make ``definition``'s figure available (replacing what stood under its key)."""
    REGISTRY[definition.key] = Source(figure, behind, shares)


# -- the figures the book records today ----------------------------------------------------


def _rate(definition: FigureDef, rows: str, params_of: Callable[..., dict[str, Any]]) -> None:
    """A rate over one row set: its hits over its rows; click-through on ``definition.behind``
    (the hits for a figure whose hits are the news, the misses for one whose misses are)."""
    misses = definition.key in _MISSES_BEHIND

    def figure(conn: sqlite3.Connection, w: Window) -> Figure:
        if w.empty:
            return Figure(definition, Decimal(0), Decimal(0))
        rows_n, hits, _ = q.totals(conn, rows, params_of(conn, w))
        return Figure(definition, Decimal(hits), Decimal(rows_n))

    def behind(conn: sqlite3.Connection, w: Window) -> list[int]:
        if w.empty:
            return []
        return q.client_ids(conn, rows, params_of(conn, w), hit=not misses)

    register(definition, figure, behind)


_MISSES_BEHIND = {d.PROMISES_KEPT.key, d.BIRTHDAY_GREETINGS.key}


def _plain(_conn: sqlite3.Connection, w: Window) -> dict[str, Any]:
    return w.params()


def _contact(conn: sqlite3.Connection, w: Window) -> dict[str, Any]:
    from crm.domain.enums import ClientStatus
    from crm.services.cadence import cadence_defaults

    return w.params(cadence=cadence_defaults(conn)[ClientStatus.BORROWER.value])


def _birthdays(_conn: sqlite3.Connection, w: Window) -> dict[str, Any]:
    import json

    keys = birthday_keys(Period(w.period.start, w.last))
    return w.params(keys=json.dumps(keys))


def _festival_count(conn: sqlite3.Connection, w: Window) -> int:
    from crm.domain.festivals import festivals_between
    from crm.services.reminders import settings

    chosen = settings.load(conn).festivals
    return sum(1 for _day, f in festivals_between(w.period.start, w.last) if f in chosen)


def _festivals(conn: sqlite3.Connection, w: Window) -> Figure:
    n = 0 if w.empty else _festival_count(conn, w)
    if not n:
        return Figure(d.FESTIVAL_GREETINGS, Decimal(0), Decimal(0))
    borrowers, sent = q.festival_totals(conn, w.params())
    return Figure(d.FESTIVAL_GREETINGS, Decimal(sent), Decimal(borrowers * n))


def _festivals_behind(conn: sqlite3.Connection, w: Window) -> list[int]:
    n = 0 if w.empty else _festival_count(conn, w)
    return q.client_ids(conn, "festival_greetings", w.params(), hit=False, below=n) if n else []


def _overdue(amount: bool) -> FigureFn:
    definition = d.OVERDUE_AMOUNT if amount else d.OVERDUE_COUNT

    def figure(conn: sqlite3.Connection, w: Window) -> Figure:
        if w.empty:
            return Figure(definition, Decimal(0), Decimal(0))
        loans, hit, lent, lent_hit = w.shared("overdue", lambda: q.overdue_totals(conn, w.params()))
        if amount:
            return Figure(definition, yuan(lent_hit), yuan(lent))
        return Figure(definition, Decimal(hit), Decimal(loans))

    return figure


def _overdue_behind(conn: sqlite3.Connection, w: Window) -> list[int]:
    return [] if w.empty else q.client_ids(conn, "overdue", w.params(), hit=True)


def _loans(conn: sqlite3.Connection, w: Window) -> tuple[dict[str, float], dict[str, int]]:
    result: tuple[dict[str, float], dict[str, int]] = w.shared(
        "loans", lambda: q.loan_pass(conn, w.params())
    )
    return result


def _from_pass(definition: FigureDef, hits: str, rows: str) -> FigureFn:
    """A figure read off the loans' one pass: ``hits`` over ``rows`` (pass keys)."""

    def figure(conn: sqlite3.Connection, w: Window) -> Figure:
        if w.empty:
            return Figure(definition, Decimal(0), Decimal(0))
        counts, _ = _loans(conn, w)
        return Figure(definition, Decimal(round(counts[hits])), Decimal(round(counts[rows])))

    return figure


def _contact_figure(conn: sqlite3.Connection, w: Window) -> Figure:
    if w.empty:
        return Figure(d.CONTACT_COVERAGE, Decimal(0), Decimal(0))
    params = _contact(conn, w)
    if w.last == w.today:
        borrowers, covered = q.contact_now_totals(conn, params)
    else:
        # A past end: filled for many months at once when a chart asks (stats_months).
        borrowers, covered = w.shared(
            "contact", lambda: q.totals(conn, "contact_coverage", params)[:2]
        )
    return Figure(d.CONTACT_COVERAGE, Decimal(covered), Decimal(borrowers))


def _contact_behind(conn: sqlite3.Connection, w: Window) -> list[int]:
    if w.empty:
        return []
    rows = "contact_now" if w.last == w.today else "contact_coverage"
    return q.client_ids(conn, rows, _contact(conn, w), hit=False)


def _referred(conn: sqlite3.Connection, w: Window) -> Figure:
    if w.empty:
        return Figure(d.REFERRED_CLIENTS)
    _, hits, _ = q.totals(conn, "referred_clients", w.params())
    return Figure(d.REFERRED_CLIENTS, Decimal(hits))


def _applications(conn: sqlite3.Connection, w: Window) -> Figure:
    if w.empty:
        return Figure(d.APPLICATIONS)
    _, by_status = _loans(conn, w)
    parts = tuple(
        (s.label, by_status[s.value]) for s in LoanStatus if by_status.get(s.value, 0) > 0
    )
    return Figure(d.APPLICATIONS, Decimal(sum(by_status.values())), parts=parts)


def _days(definition: FigureDef, rows: str) -> None:
    def figure(conn: sqlite3.Connection, w: Window) -> Figure:
        if w.empty:
            return Figure(definition, Decimal(0), Decimal(0))
        n, _, days = q.totals(conn, rows, w.params())
        return Figure(definition, Decimal(round(days)), Decimal(n))

    def behind(conn: sqlite3.Connection, w: Window) -> list[int]:
        return [] if w.empty else q.client_ids(conn, rows, w.params(), hit=None)

    register(definition, figure, behind)


def _all_of(rows: str) -> BehindFn:
    def behind(conn: sqlite3.Connection, w: Window) -> list[int]:
        return [] if w.empty else q.client_ids(conn, rows, w.params(), hit=None)

    return behind


def _misses_of(rows: str) -> BehindFn:
    def behind(conn: sqlite3.Connection, w: Window) -> list[int]:
        return [] if w.empty else q.client_ids(conn, rows, w.params(), hit=False)

    return behind


def _hits_of(rows: str) -> BehindFn:
    def behind(conn: sqlite3.Connection, w: Window) -> list[int]:
        return [] if w.empty else q.client_ids(conn, rows, w.params(), hit=True)

    return behind


register(
    d.REPEAT_BORROW,
    _from_pass(d.REPEAT_BORROW, "repeat_clients", "lent_clients"),
    _hits_of("repeat_borrow"),
    ("loans",),
)
register(d.OVERDUE_COUNT, _overdue(amount=False), _overdue_behind, ("overdue",))
register(d.OVERDUE_AMOUNT, _overdue(amount=True), _overdue_behind, ("overdue",))
register(d.CONTACT_COVERAGE, _contact_figure, _contact_behind, ("contact",))
_rate(d.PROMISES_KEPT, "promises_kept", _plain)
_rate(d.BIRTHDAY_GREETINGS, "birthday_greetings", _birthdays)
register(d.FESTIVAL_GREETINGS, _festivals, _festivals_behind)
register(d.REFERRED_CLIENTS, _referred, _hits_of("referred_clients"))
register(
    d.REFERRED_LOANS,
    _from_pass(d.REFERRED_LOANS, "lent_referred", "lent"),
    _hits_of("referred_loans"),
    ("loans",),
)
register(d.APPLICATIONS, _applications, _all_of("applications"), ("loans",))
register(
    d.CONVERSION,
    _from_pass(d.CONVERSION, "applied_lent", "applied"),
    _misses_of("applications"),
    ("loans",),
)
_days(d.DAYS_TO_APPROVE, "days_to_approve")
register(
    d.DAYS_TO_DISBURSE,
    _from_pass(d.DAYS_TO_DISBURSE, "days_to_disburse", "lent_applied"),
    _all_of("days_to_disburse"),
    ("loans",),
)


def _checks_params(_conn: sqlite3.Connection, w: Window) -> dict[str, Any]:
    return w.params(today=w.today.isoformat())


def _signals(conn: sqlite3.Connection, w: Window) -> Figure:
    if w.empty:
        return Figure(d.RISK_SIGNALS)
    still_open, opened, closed = pq.signal_totals(conn, w.params())
    parts = ((d.STAGE_OPENED, opened), (d.STAGE_CLOSED, closed))
    return Figure(d.RISK_SIGNALS, Decimal(still_open), parts=parts)


def _checks(conn: sqlite3.Connection, w: Window) -> Figure:
    if w.empty:
        return Figure(d.POST_LOAN_CHECKS, Decimal(0), Decimal(0))
    due, done = pq.check_totals(conn, _checks_params(conn, w))
    return Figure(d.POST_LOAN_CHECKS, Decimal(done), Decimal(due))


def _checks_behind(conn: sqlite3.Connection, w: Window) -> list[int]:
    if w.empty:
        return []
    return q.client_ids(conn, "post_loan_checks", _checks_params(conn, w), hit=False)


register(d.POST_LOAN_CHECKS, _checks, _checks_behind)
register(d.RISK_SIGNALS, _signals, _hits_of("risk_signals"))
