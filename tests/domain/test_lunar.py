import datetime as dt
from collections.abc import Callable

import pytest
from lunar_python import Lunar, LunarYear, Solar

from crm.domain.lunar import (
    LunarDate,
    age_on,
    format_lunar,
    leap_month,
    lunar_birthday_in,
    lunar_to_solar,
    month_days,
    next_lunar_birthday,
    next_solar_birthday,
    solar_to_lunar,
)

D = dt.date


def _lib_solar(year: int, month: int, day: int, leap: bool = False) -> dt.date:
    s = Lunar.fromYmd(year, -month if leap else month, day).getSolar()
    return D(s.getYear(), s.getMonth(), s.getDay())


# --- conversions -------------------------------------------------------------------------------


def test_spot_conversions() -> None:
    assert lunar_to_solar(2026, 1, 1) == D(2026, 2, 17)
    assert lunar_to_solar(2020, 4, 8, leap=True) == D(2020, 5, 30)
    assert lunar_to_solar(2020, 4, 8) == D(2020, 4, 30)
    assert solar_to_lunar(D(2020, 5, 30)) == LunarDate(4, 8, leap=True, year=2020)
    # Before 春节 the lunar year is still the previous one.
    assert solar_to_lunar(D(2026, 2, 16)) == LunarDate(12, 29, year=2025)
    assert solar_to_lunar(D(1901, 1, 1)).year == 1900


def test_solar_to_lunar_agrees_with_lunar_python_across_the_range() -> None:
    d = D(1901, 1, 1)
    while d.year <= 2099:
        lib = Solar.fromYmd(d.year, d.month, d.day).getLunar()
        expected = LunarDate(abs(lib.getMonth()), lib.getDay(), lib.getMonth() < 0, lib.getYear())
        assert solar_to_lunar(d) == expected, d
        d += dt.timedelta(days=41)  # not a multiple of a month: lands on every lunar day


def test_every_month_round_trips_and_matches_lunar_python() -> None:
    for year in range(1901, 2100):
        leap = LunarYear.fromYear(year).getLeapMonth()
        assert leap_month(year) == leap
        for month, is_leap in [(m, False) for m in range(1, 13)] + [(leap, True)] * bool(leap):
            days = month_days(year, month, is_leap)
            assert (
                days
                == LunarYear.fromYear(year).getMonth(-month if is_leap else month).getDayCount()
            )
            for day in (1, days):
                solar = lunar_to_solar(year, month, day, is_leap)
                if solar.year == 2100:  # 腊月 2099: a solar year out of range
                    continue
                assert solar_to_lunar(solar) == LunarDate(month, day, is_leap, year)
    assert lunar_to_solar(2033, 11, 1, leap=True) == _lib_solar(2033, 11, 1, leap=True)


def test_lunar_to_solar_is_strict() -> None:
    with pytest.raises(ValueError, match="闰四月初八"):
        lunar_to_solar(2021, 4, 8, leap=True)  # 2021 has no leap month
    with pytest.raises(ValueError, match="腊月三十"):
        lunar_to_solar(2025, 12, 30)  # 29 days
    with pytest.raises(ValueError):
        month_days(2021, 4, leap=True)
    assert LunarDate(4, 8, True, 2020).to_solar() == D(2020, 5, 30)
    with pytest.raises(ValueError):
        LunarDate(4, 8).to_solar()


@pytest.mark.parametrize(
    "call",
    [
        lambda: lunar_to_solar(1900, 1, 1),
        lambda: lunar_to_solar(2100, 1, 1),
        lambda: solar_to_lunar(D(1900, 12, 31)),
        lambda: solar_to_lunar(D(2100, 1, 1)),
        lambda: lunar_birthday_in(2100, 1, 1),
        lambda: next_lunar_birthday(1, 1, False, D(2100, 1, 1)),
        lambda: leap_month(1900),
        lambda: LunarDate(0, 1),
        lambda: LunarDate(13, 1),
        lambda: LunarDate(1, 0),
        lambda: LunarDate(1, 31),
        lambda: format_lunar(1, 31),
        lambda: next_solar_birthday(2, 30, D(2026, 1, 1)),
    ],
)
def test_out_of_range_raises_value_error(call: Callable[[], object]) -> None:
    with pytest.raises(ValueError):
        call()


def test_range_ends_work() -> None:
    assert lunar_to_solar(1901, 1, 1) == _lib_solar(1901, 1, 1)
    assert solar_to_lunar(D(2099, 12, 31)).year == 2099
    # The next celebration may fall in 2100.
    assert next_lunar_birthday(1, 1, False, D(2099, 12, 31)) == _lib_solar(2100, 1, 1)


# --- birthday rules ------------------------------------------------------------------------------


def test_day_30_falls_on_the_29th_in_a_short_month() -> None:
    assert month_days(2025, 12) == 29 and month_days(2022, 12) == 30
    assert lunar_birthday_in(2025, 12, 30) == D(2026, 2, 16) == _lib_solar(2025, 12, 29)
    assert lunar_birthday_in(2022, 12, 30) == D(2023, 1, 21) == _lib_solar(2022, 12, 30)
    assert lunar_birthday_in(2025, 12, 29) == D(2026, 2, 16)


def test_leap_month_birthday_in_years_with_and_without_that_leap_month() -> None:
    # 闰四月初八: in 2020 (闰四月) in the leap month, otherwise in 四月.
    assert (
        lunar_birthday_in(2020, 4, 8, leap=True) == D(2020, 5, 30) == _lib_solar(2020, 4, 8, True)
    )
    assert lunar_birthday_in(2021, 4, 8, leap=True) == _lib_solar(2021, 4, 8)
    # 2023 has 闰二月 and 2025 闰六月: a leap 4th-month birthday stays in 四月.
    assert lunar_birthday_in(2023, 4, 8, leap=True) == _lib_solar(2023, 4, 8)
    assert lunar_birthday_in(2025, 6, 1, leap=True) == D(2025, 7, 25)
    assert lunar_birthday_in(2026, 6, 1, leap=True) == D(2026, 7, 14)


def test_ordinary_birthday_stays_in_the_ordinary_month_of_a_leap_year() -> None:
    assert lunar_birthday_in(2020, 4, 8) == D(2020, 4, 30)
    assert lunar_birthday_in(2023, 2, 1) == _lib_solar(2023, 2, 1)
    assert lunar_birthday_in(2025, 6, 1) == D(2025, 6, 25)


def test_leap_month_30th_combines_both_rules() -> None:
    assert month_days(1944, 4, leap=True) == 30  # someone born 1944 闰四月三十
    assert month_days(2020, 4, leap=True) == 29
    assert (
        lunar_birthday_in(2020, 4, 30, leap=True) == D(2020, 6, 20) == _lib_solar(2020, 4, 29, True)
    )
    assert month_days(2021, 4) == 29 and leap_month(2021) == 0
    assert lunar_birthday_in(2021, 4, 30, leap=True) == D(2021, 6, 9) == _lib_solar(2021, 4, 29)
    assert month_days(2023, 4) == 30
    assert lunar_birthday_in(2023, 4, 30, leap=True) == _lib_solar(2023, 4, 30)


def test_next_lunar_birthday_across_the_solar_new_year() -> None:
    # 1 Jan 2026 is still lunar 2025: its 腊八 (Jan 26) and 冬月二十 (Jan 8) are still ahead.
    assert next_lunar_birthday(12, 8, False, D(2026, 1, 1)) == D(2026, 1, 26)
    assert next_lunar_birthday(11, 20, False, D(2026, 1, 1)) == D(2026, 1, 8)
    assert next_lunar_birthday(12, 8, False, D(2026, 1, 27)) == _lib_solar(2026, 12, 8)
    assert next_lunar_birthday(12, 8, False, D(2026, 1, 27)) == D(2027, 1, 15)
    # 正月初一 seen from December: the coming 春节.
    assert next_lunar_birthday(1, 1, False, D(2025, 12, 31)) == D(2026, 2, 17)


def test_next_lunar_birthday_is_inclusive_and_applies_the_rules() -> None:
    assert next_lunar_birthday(1, 1, False, D(2026, 2, 17)) == D(2026, 2, 17)
    assert next_lunar_birthday(1, 1, False, D(2026, 2, 18)) == _lib_solar(2027, 1, 1)
    # 腊月三十 in lunar 2025 (29-day 腊月) is celebrated on 除夕, 16 Feb 2026.
    assert next_lunar_birthday(12, 30, False, D(2026, 2, 1)) == D(2026, 2, 16)
    assert next_lunar_birthday(4, 8, True, D(2020, 5, 1)) == D(2020, 5, 30)
    assert next_lunar_birthday(4, 8, True, D(2020, 6, 1)) == _lib_solar(2021, 4, 8)


def test_next_lunar_birthday_never_skips_a_year() -> None:
    for start in (D(2024, 1, 1) + dt.timedelta(days=n) for n in range(0, 800, 11)):
        found = next_lunar_birthday(12, 30, False, start)
        assert found >= start
        assert (found - start).days <= 385


def test_feb_29_solar_birthday() -> None:
    assert next_solar_birthday(2, 29, D(2025, 1, 1)) == D(2025, 2, 28)
    assert next_solar_birthday(2, 29, D(2025, 3, 1)) == D(2026, 2, 28)
    assert next_solar_birthday(2, 29, D(2027, 3, 1)) == D(2028, 2, 29)
    assert next_solar_birthday(2, 29, D(2100, 1, 1)) == D(2100, 2, 28)  # not a leap year
    assert next_solar_birthday(5, 20, D(2026, 5, 20)) == D(2026, 5, 20)
    assert next_solar_birthday(1, 1, D(2026, 12, 31)) == D(2027, 1, 1)


def test_age_on() -> None:
    assert age_on(None, D(2026, 1, 1)) is None
    assert age_on(1990, D(2026, 6, 1)) == 36
    assert age_on(1990, D(2026, 6, 1), 6, 2) == 35
    assert age_on(1990, D(2026, 6, 2), 6, 2) == 36
    assert age_on(2000, D(2025, 2, 28), 2, 29) == 24
    assert age_on(2000, D(2025, 3, 1), 2, 29) == 25
    with pytest.raises(ValueError):
        age_on(2027, D(2026, 1, 1))


# --- formatting --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "day", "leap", "text"),
    [
        (4, 8, True, "闰四月初八"),
        (1, 15, False, "正月十五"),
        (12, 30, False, "腊月三十"),
        (11, 1, False, "冬月初一"),
        (10, 10, False, "十月初十"),
        (2, 11, False, "二月十一"),
        (3, 19, False, "三月十九"),
        (9, 20, False, "九月二十"),
        (6, 21, True, "闰六月廿一"),
        (8, 29, False, "八月廿九"),
    ],
)
def test_format_lunar(month: int, day: int, leap: bool, text: str) -> None:
    assert format_lunar(month, day, leap) == text
    assert str(LunarDate(month, day, leap)) == text


def test_format_lunar_matches_lunar_python_names() -> None:
    for year, month, day in [(2020, -4, 8), (2025, 12, 29), (2022, 12, 30), (2026, 11, 1)]:
        lib = Lunar.fromYmd(year, month, day)
        expected = f"{lib.getMonthInChinese()}月{lib.getDayInChinese()}"
        assert format_lunar(abs(month), day, month < 0) == expected
