"""The officer's own numbers: what each figure of the dashboard means, periods, and arithmetic.

Pure code. A :class:`Figure` is a numerator over a denominator (a rate), a count, or an
average of days; its definition is a translatable text shown as the tile's tooltip, in the
README and in the self-review. The SQL that counts lives in ``crm.store.queries.stats``, the
assembling in ``crm.services.stats``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from crm.domain.messages import Msg


class Unit(StrEnum):
    RATE = "rate"  # numerator / denominator, shown as a percentage
    COUNT = "count"  # numerator alone
    DAYS = "days"  # numerator (days summed) / denominator (how many), shown as days


@dataclass(frozen=True)
class Period:
    """Whole days, both ends included."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends {self.end} before it starts {self.start}")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def label(self) -> str:
        """2026-01 for a calendar month, else 2026-01-01 – 2026-03-31."""
        if self.start.day == 1 and _month_end(self.start) == self.end:
            return f"{self.start:%Y-%m}"
        return f"{self.start.isoformat()} – {self.end.isoformat()}"


def _month_end(day: dt.date) -> dt.date:
    first_next = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def month_of(day: dt.date) -> Period:
    return Period(day.replace(day=1), _month_end(day))


def quarter_of(day: dt.date) -> Period:
    first = dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    last_month = dt.date(first.year, first.month + 2, 1)
    return Period(first, _month_end(last_month))


def year_of(day: dt.date) -> Period:
    return Period(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))


def months_ending(day: dt.date, count: int = 12) -> list[Period]:
    """The ``count`` calendar months up to and including ``day``'s, oldest first."""
    year, month = day.year, day.month
    out: list[Period] = []
    for _ in range(count):
        out.append(month_of(dt.date(year, month, 1)))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return out[::-1]


def days_of(period: Period) -> Iterator[dt.date]:
    day = period.start
    while day <= period.end:
        yield day
        day += dt.timedelta(days=1)


@dataclass(frozen=True)
class FigureDef:
    """What a figure is: its stable key (JSON, registry), title, definition and unit."""

    key: str
    title: Msg
    definition: Msg
    unit: Unit
    #: What the click-through list holds ("Not contacted within cadence" ...).
    behind: Msg


@dataclass(frozen=True)
class Figure:
    """One figure for one period. ``available`` False: the book does not record it yet."""

    definition: FigureDef
    numerator: Decimal = Decimal(0)
    denominator: Decimal | None = None
    client_ids: tuple[int, ...] = ()
    #: A breakdown shown under the figure (applications by stage): (label, count).
    parts: tuple[tuple[Msg, int], ...] = field(default=())
    available: bool = True

    @property
    def key(self) -> str:
        return self.definition.key

    @property
    def unit(self) -> Unit:
        return self.definition.unit

    @property
    def value(self) -> Decimal | None:
        """The rate as a fraction (0.25), the count, or the average days; None when there is
        nothing to divide by or the figure is not available."""
        if not self.available:
            return None
        if self.unit is Unit.COUNT:
            return self.numerator
        if not self.denominator:
            return None
        return self.numerator / self.denominator


@dataclass(frozen=True)
class Trend:
    """One figure's value in each of the months up to a period's end, oldest first."""

    key: str
    months: tuple[Period, ...]
    values: tuple[Decimal | None, ...]


def unavailable(definition: FigureDef) -> Figure:
    return Figure(definition, available=False)


_PERCENT = Decimal("0.1")
_ONE = Decimal("1")
_TENTH = Decimal("0.1")


def _grouped(value: Decimal) -> str:
    return f"{value:,}"


def value_text(figure: Figure) -> str:
    """The figure as printed everywhere (tile, CLI, report): "42.9%", "17", "4.5"; "–" when
    there is nothing to divide by. Language-neutral: numbers and signs only."""
    value = figure.value
    if value is None:
        return "–"
    if figure.unit is Unit.RATE:
        return f"{(value * 100).quantize(_PERCENT, ROUND_HALF_UP)}%"
    if figure.unit is Unit.DAYS:
        return str(value.quantize(_TENTH, ROUND_HALF_UP))
    return _grouped(value.quantize(_ONE, ROUND_HALF_UP))


def ratio_text(figure: Figure) -> str:
    """ "3 / 7" under a rate or an average ("" for a count or nothing counted)."""
    if not figure.available or figure.unit is Unit.COUNT or figure.denominator is None:
        return ""
    return f"{_grouped(figure.numerator)} / {_grouped(figure.denominator)}"


def yuan(fen: int) -> Decimal:
    """Whole fen from the book as Decimal yuan."""
    return (Decimal(fen) / 100).quantize(Decimal("0.01"))


def birthday_keys(period: Period) -> list[tuple[str, int, int, int]]:
    """Every stored birthday (calendar, month, day, leap) celebrated in the period, under the
    reminders' rules (crm.services.reminders.sources.birthdays): 29 February on 28 February of
    a common year; a lunar leap-month birthday in the ordinary month of a year without it; a
    30th on a 29-day month's last day. A few hundred keys for a year, so the book is asked
    once (an indexed join) instead of once per client."""
    keys: set[tuple[str, int, int, int]] = set()
    for day in days_of(period):
        keys.update(_birthday_keys_on(day))
    return sorted(keys)


@functools.lru_cache(maxsize=800)
def _birthday_keys_on(day: dt.date) -> tuple[tuple[str, int, int, int], ...]:
    # Cached: a lunar conversion costs ~0.5 ms, and the dashboard asks for the same days again.
    from crm.domain import lunar

    keys: set[tuple[str, int, int, int]] = set()
    keys.add(("solar", day.month, day.day, 0))
    if (day.month, day.day) == (2, 28) and not calendar.isleap(day.year):
        keys.add(("solar", 2, 29, 0))
    ld = lunar.solar_to_lunar(day)
    assert ld.year is not None
    leaps = {ld.leap}
    if not ld.leap and lunar.leap_month(ld.year) != ld.month:
        leaps.add(True)
    days = {ld.day}
    if ld.day == 29 and lunar.month_days(ld.year, ld.month, ld.leap) == 29:
        days.add(30)
    for d in days:
        for leap in leaps:
            if lunar.lunar_birthday_in(ld.year, ld.month, d, leap) == day:
                keys.add(("lunar", ld.month, d, int(leap)))
    return tuple(keys)
