"""Chinese festivals worth a greeting, computed for 1901-2099 from lunar-python.

Lunar festivals are fixed lunar dates in ordinary (never leap) months; 清明 is the solar term;
除夕 is the last day of 腊月, which has 29 or 30 days. The lunar year starts at 春节 (Jan 21 to
Feb 20), so 腊八 and 除夕 of lunar year Y usually fall in solar year Y + 1, and 腊八 sometimes
(13 times in 1901-2099) on Dec 29-31 of solar year Y: those solar years have two 腊八 and the
next year none.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from functools import lru_cache

from lunar_python import Solar

from crm.domain import lunar
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg


class Festival(StrEnum):
    """Values are stable keys (stored in settings and the database); order is the calendar's."""

    NEW_YEAR = "new_year"
    LABA = "laba"
    NEW_YEARS_EVE = "new_years_eve"
    SPRING_FESTIVAL = "spring_festival"
    LANTERN = "lantern"
    QINGMING = "qingming"
    LABOUR_DAY = "labour_day"
    DRAGON_BOAT = "dragon_boat"
    QIXI = "qixi"
    MID_AUTUMN = "mid_autumn"
    NATIONAL_DAY = "national_day"
    DOUBLE_NINTH = "double_ninth"


_SOLAR: dict[Festival, tuple[int, int]] = {
    Festival.NEW_YEAR: (1, 1),
    Festival.LABOUR_DAY: (5, 1),
    Festival.NATIONAL_DAY: (10, 1),
}

_LUNAR: dict[Festival, tuple[int, int]] = {
    Festival.SPRING_FESTIVAL: (1, 1),
    Festival.LANTERN: (1, 15),
    Festival.DRAGON_BOAT: (5, 5),
    Festival.QIXI: (7, 7),
    Festival.MID_AUTUMN: (8, 15),
    Festival.DOUBLE_NINTH: (9, 9),
    Festival.LABA: (12, 8),
    Festival.NEW_YEARS_EVE: (12, 30),  # clamped to the last day of 腊月 below
}

NAMES: dict[Festival, Msg] = {
    Festival.NEW_YEAR: QT_TRANSLATE_NOOP("Festival", "New Year's Day"),
    Festival.LABA: QT_TRANSLATE_NOOP("Festival", "Laba Festival"),
    Festival.NEW_YEARS_EVE: QT_TRANSLATE_NOOP("Festival", "Chinese New Year's Eve"),
    Festival.SPRING_FESTIVAL: QT_TRANSLATE_NOOP("Festival", "Spring Festival"),
    Festival.LANTERN: QT_TRANSLATE_NOOP("Festival", "Lantern Festival"),
    Festival.QINGMING: QT_TRANSLATE_NOOP("Festival", "Qingming Festival"),
    Festival.LABOUR_DAY: QT_TRANSLATE_NOOP("Festival", "Labour Day"),
    Festival.DRAGON_BOAT: QT_TRANSLATE_NOOP("Festival", "Dragon Boat Festival"),
    Festival.QIXI: QT_TRANSLATE_NOOP("Festival", "Qixi Festival"),
    Festival.MID_AUTUMN: QT_TRANSLATE_NOOP("Festival", "Mid-Autumn Festival"),
    Festival.NATIONAL_DAY: QT_TRANSLATE_NOOP("Festival", "National Day"),
    Festival.DOUBLE_NINTH: QT_TRANSLATE_NOOP("Festival", "Double Ninth Festival"),
}

# Reference for tests and translators; the UI shows NAMES translated through the .ts file.
ZH_NAMES: dict[Festival, str] = {
    Festival.NEW_YEAR: "元旦",
    Festival.LABA: "腊八",
    Festival.NEW_YEARS_EVE: "除夕",
    Festival.SPRING_FESTIVAL: "春节",
    Festival.LANTERN: "元宵",
    Festival.QINGMING: "清明",
    Festival.LABOUR_DAY: "劳动节",
    Festival.DRAGON_BOAT: "端午",
    Festival.QIXI: "七夕",
    Festival.MID_AUTUMN: "中秋",
    Festival.NATIONAL_DAY: "国庆",
    Festival.DOUBLE_NINTH: "重阳",
}


def name(f: Festival) -> Msg:
    return NAMES[f]


def is_lunar(f: Festival) -> bool:
    return f in _LUNAR


@lru_cache(maxsize=256)
def _qingming(year: int) -> dt.date:
    # 1 April is always in lunar year ``year``, whose jieqi table holds that solar year's 清明.
    s = Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable()["清明"]
    return dt.date(s.getYear(), s.getMonth(), s.getDay())


def _lunar_occurrence(f: Festival, lunar_year: int) -> dt.date:
    month, day = _LUNAR[f]
    # lunar_birthday_in clamps day 30 to the month's last day: exactly 除夕's definition. It is
    # never called with leap=True, so leap months never hold a festival.
    return lunar._birthday_in(lunar_year, month, day, False)


def festival_dates(f: Festival, year: int) -> list[dt.date]:
    """Every occurrence of ``f`` in solar ``year``: one, except 腊八 (none or two in some years)."""
    lunar._check_year(year)
    if f in _SOLAR:
        return [dt.date(year, *_SOLAR[f])]
    if f is Festival.QINGMING:
        return [_qingming(year)]
    # Only lunar year ``year`` and the one before have days in solar ``year``.
    found = (_lunar_occurrence(f, y) for y in (year - 1, year))
    return [d for d in found if d.year == year]


def festival_date(f: Festival, year: int) -> dt.date:
    """The occurrence of ``f`` in the run-up to or during solar ``year``.

    That is the date in solar ``year`` for every festival, with one exception: 腊八 belongs to the
    春节 season of ``year`` (lunar year ``year - 1``), which places it on Dec 29-31 of the
    previous solar year in 13 years of 1901-2099 (e.g. 2023 -> 2022-12-30). Use
    :func:`festival_dates` or :func:`festivals_between` for strict solar-year membership.
    """
    lunar._check_year(year)
    if f in (Festival.LABA, Festival.NEW_YEARS_EVE):
        return _lunar_occurrence(f, year - 1)
    return festival_dates(f, year)[0]


def festivals_between(start: dt.date, end: dt.date) -> list[tuple[dt.date, Festival]]:
    """All festivals from ``start`` to ``end`` inclusive, by date (ties in Festival order)."""
    lunar._check_year(start.year)
    lunar._check_year(end.year)
    found = [
        (d, f)
        for year in range(start.year, end.year + 1)
        for f in Festival
        for d in festival_dates(f, year)
        if start <= d <= end
    ]
    # Stable sort on the date alone keeps Festival order for ties (中秋 on 国庆 in 2020).
    return sorted(found, key=lambda pair: pair[0])
