"""Chinese lunar calendar rules for birthdays, on top of lunar-python.

Many clients keep their birthday by the lunar calendar, and a lunar date does not exist in every
year, so we fix how a birthday is celebrated when its exact date is missing:

* Day 30 in a year whose month has only 29 days is celebrated on the 29th, the last day of that
  month (the common custom; moving it to the 1st of the next month would change the month).
* A birthday in a leap month (闰月) is celebrated in that leap month in years that have it, and
  in the ordinary month of the same number in all other years. A birthday in an ordinary month is
  always celebrated in the ordinary month, even in years that also have that leap month.
* Both rules combine: 闰四月三十 in a year without 闰四月 whose 四月 has 29 days is 四月廿九.
* A solar birthday on 29 February is celebrated on 28 February in common years.

lunar-python numbers leap months negatively and raises a bare ``Exception`` for dates that do not
exist; this module speaks ``(month, day, leap)`` and raises ``ValueError`` instead. Supported years
are 1901-2099 (solar years for solar dates, lunar years for lunar ones).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from lunar_python import LunarYear, Solar

MIN_YEAR = 1901
MAX_YEAR = 2099

_MONTH_NAMES = ("正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊")
_DIGITS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")


@dataclass(frozen=True)
class LunarDate:
    """A lunar month and day, with the lunar year when it is a concrete date (not a birthday)."""

    month: int
    day: int
    leap: bool = False
    year: int | None = None

    def __post_init__(self) -> None:
        _check_month_day(self.month, self.day)

    def to_solar(self) -> dt.date:
        if self.year is None:
            raise ValueError("a lunar date without a year has no solar date")
        return lunar_to_solar(self.year, self.month, self.day, self.leap)

    def __str__(self) -> str:
        return format_lunar(self.month, self.day, self.leap)


@dataclass(frozen=True)
class _Month:
    year: int  # the lunar year the month belongs to
    number: int  # lunar-python's month number: negative for a leap month
    first: dt.date
    days: int


def _check_month_day(month: int, day: int) -> None:
    if not 1 <= month <= 12:
        raise ValueError(f"lunar month must be 1..12, got {month}")
    if not 1 <= day <= 30:
        raise ValueError(f"lunar day must be 1..30, got {day}")


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"year must be {MIN_YEAR}..{MAX_YEAR}, got {year}")


def _solar_to_date(s: Solar) -> dt.date:
    return dt.date(s.getYear(), s.getMonth(), s.getDay())


@lru_cache(maxsize=256)
def _months(lunar_year: int) -> tuple[_Month, ...]:
    """The ~15 months lunar-python computes around ``lunar_year``: from the 冬月 of the previous
    year to the first months of the next, so they also cover every day of solar year
    ``lunar_year``. Cached here because LunarYear.fromYear caches only the last year asked for
    and computing one takes a few milliseconds; we alternate between adjacent years a lot."""
    return tuple(
        _Month(
            m.getYear(),
            m.getMonth(),
            _solar_to_date(Solar.fromJulianDay(m.getFirstJulianDay())),
            m.getDayCount(),
        )
        for m in LunarYear(lunar_year).getMonths()
    )


def _month(lunar_year: int, month: int, leap: bool) -> _Month | None:
    number = -month if leap else month
    for m in _months(lunar_year):
        if m.year == lunar_year and m.number == number:
            return m
    return None


def leap_month(lunar_year: int) -> int:
    """The leap month of ``lunar_year`` (4 for 闰四月), or 0 when the year has none."""
    _check_year(lunar_year)
    return next(
        (-m.number for m in _months(lunar_year) if m.year == lunar_year and m.number < 0), 0
    )


def month_days(lunar_year: int, month: int, leap: bool = False) -> int:
    """Length (29 or 30) of a lunar month; ValueError if the year has no such (leap) month."""
    _check_year(lunar_year)
    _check_month_day(month, 1)
    m = _month(lunar_year, month, leap)
    if m is None:
        raise ValueError(f"lunar year {lunar_year} has no {_month_name(month, leap)}")
    return m.days


def lunar_to_solar(year: int, month: int, day: int, leap: bool = False) -> dt.date:
    """The solar date of an exact lunar date; ValueError if it does not exist."""
    _check_year(year)
    _check_month_day(month, day)
    m = _month(year, month, leap)
    if m is None or day > m.days:
        raise ValueError(f"lunar year {year} has no {format_lunar(month, day, leap)}")
    return m.first + dt.timedelta(days=day - 1)


def solar_to_lunar(d: dt.date) -> LunarDate:
    """The lunar date (with its lunar year, which is ``d.year - 1`` before 春节) of ``d``."""
    _check_year(d.year)
    for m in _months(d.year):
        offset = (d - m.first).days
        if 0 <= offset < m.days:
            return LunarDate(abs(m.number), offset + 1, m.number < 0, m.year)
    raise AssertionError(f"lunar-python's months do not cover {d}")  # pragma: no cover


def _birthday_in(lunar_year: int, month: int, day: int, leap: bool) -> dt.date:
    # Rule (b): the leap month only where it exists, else its ordinary counterpart.
    m = (_month(lunar_year, month, True) if leap else None) or _month(lunar_year, month, False)
    if m is None:  # pragma: no cover - every lunar year has all twelve ordinary months
        raise AssertionError(f"lunar year {lunar_year} lacks month {month}")
    # Rule (a): a 30th in a 29-day month falls on the 29th.
    return m.first + dt.timedelta(days=min(day, m.days) - 1)


def lunar_birthday_in(lunar_year: int, month: int, day: int, leap: bool = False) -> dt.date:
    """The solar date on which a lunar birthday is celebrated in ``lunar_year`` (module rules)."""
    _check_year(lunar_year)
    _check_month_day(month, day)
    return _birthday_in(lunar_year, month, day, leap)


def next_lunar_birthday(month: int, day: int, leap: bool, on_or_after: dt.date) -> dt.date:
    """The first celebration of a lunar birthday on or after ``on_or_after``.

    Starts from the lunar year ``on_or_after`` lies in (not its solar year, which would miss a
    腊月 birthday in January): every date of the previous lunar year is already past, and the
    next lunar year's celebration always lies ahead. The result may be in 2100.
    """
    _check_month_day(month, day)
    year = solar_to_lunar(on_or_after).year
    assert year is not None
    this_year = _birthday_in(year, month, day, leap)
    return this_year if this_year >= on_or_after else _birthday_in(year + 1, month, day, leap)


def _solar_birthday_in(year: int, month: int, day: int) -> dt.date:
    if (month, day) == (2, 29) and not calendar.isleap(year):
        return dt.date(year, 2, 28)
    return dt.date(year, month, day)


def next_solar_birthday(month: int, day: int, on_or_after: dt.date) -> dt.date:
    """The first celebration of a solar birthday on or after ``on_or_after``; 29 February is
    celebrated on 28 February in common years."""
    dt.date(2000, month, day)  # validates month/day against a leap year
    this_year = _solar_birthday_in(on_or_after.year, month, day)
    if this_year >= on_or_after:
        return this_year
    return _solar_birthday_in(on_or_after.year + 1, month, day)


def age_on(
    birth_year: int | None, on: dt.date, month: int | None = None, day: int | None = None
) -> int | None:
    """Completed years on ``on`` for a solar birth date; None when the birth year is unknown.

    Without month and day it is the age reached during ``on``'s year. Someone born on 29 February
    completes a year on 1 March in common years (the anniversary has not yet been reached on the
    28th), although their greeting goes out on the 28th.
    """
    if birth_year is None:
        return None
    age = on.year - birth_year
    if month is not None and day is not None and (on.month, on.day) < (month, day):
        age -= 1
    if age < 0:
        raise ValueError(f"{on} is before the birth year {birth_year}")
    return age


def _month_name(month: int, leap: bool) -> str:
    return ("闰" if leap else "") + _MONTH_NAMES[month - 1] + "月"


def format_lunar(month: int, day: int, leap: bool = False) -> str:
    """Chinese name of a lunar month and day: 闰四月初八, 正月十五, 冬月初一, 腊月三十."""
    _check_month_day(month, day)
    tens, units = divmod(day, 10)
    if day <= 10:
        day_name = "初" + _DIGITS[day - 1]
    elif units == 0:
        day_name = ("二十", "三十")[tens - 2]
    else:
        day_name = ("十", "廿")[tens - 1] + _DIGITS[units - 1]
    return _month_name(month, leap) + day_name
