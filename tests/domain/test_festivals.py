import datetime as dt
from collections.abc import Callable

import pytest
from lunar_python import Lunar, LunarYear, Solar

from crm.domain.festivals import (
    NAMES,
    ZH_NAMES,
    Festival,
    festival_date,
    festival_dates,
    festivals_between,
    is_lunar,
    name,
)
from crm.domain.lunar import LunarDate, solar_to_lunar

D = dt.date
F = Festival

# lunar-python's own festival names, to check our dates against its festival lists.
LIB_NAMES = {
    "元旦节": F.NEW_YEAR,
    "腊八节": F.LABA,
    "除夕": F.NEW_YEARS_EVE,
    "春节": F.SPRING_FESTIVAL,
    "元宵节": F.LANTERN,
    "清明": F.QINGMING,
    "劳动节": F.LABOUR_DAY,
    "端午节": F.DRAGON_BOAT,
    "七夕节": F.QIXI,
    "中秋节": F.MID_AUTUMN,
    "国庆节": F.NATIONAL_DAY,
    "重阳节": F.DOUBLE_NINTH,
}
LUNAR_MD = {
    F.SPRING_FESTIVAL: (1, 1),
    F.LANTERN: (1, 15),
    F.DRAGON_BOAT: (5, 5),
    F.QIXI: (7, 7),
    F.MID_AUTUMN: (8, 15),
    F.DOUBLE_NINTH: (9, 9),
    F.LABA: (12, 8),
}
# Solar years whose 腊八 of the previous lunar year fell in late December (then none in January).
LABA_IN_DECEMBER = {1909, 1928, 1947, 1966, 1974, 1993, 2004, 2023, 2042, 2061, 2069, 2080, 2099}


def _date(s: Solar) -> dt.date:
    return D(s.getYear(), s.getMonth(), s.getDay())


def _lib_festivals(d: dt.date) -> set[Festival]:
    solar = Solar.fromYmd(d.year, d.month, d.day)
    lunar = solar.getLunar()
    names = [*solar.getFestivals(), *lunar.getFestivals(), lunar.getJieQi()]
    return {LIB_NAMES[n] for n in names if n in LIB_NAMES}


def _expected(f: Festival, year: int) -> list[dt.date]:
    """festival_dates computed directly with lunar-python."""
    if f is F.NEW_YEAR:
        return [D(year, 1, 1)]
    if f is F.LABOUR_DAY:
        return [D(year, 5, 1)]
    if f is F.NATIONAL_DAY:
        return [D(year, 10, 1)]
    if f is F.QINGMING:
        return [_date(Lunar.fromYmd(year, 1, 1).getJieQiTable()["清明"])]
    if f is F.NEW_YEARS_EVE:
        days = LunarYear.fromYear(year - 1).getMonth(12).getDayCount()
        return [_date(Lunar.fromYmd(year - 1, 12, days).getSolar())]
    month, day = LUNAR_MD[f]
    found = [_date(Lunar.fromYmd(y, month, day).getSolar()) for y in (year - 1, year)]
    return [d for d in found if d.year == year]


@pytest.mark.parametrize("year", range(2020, 2036))
def test_every_festival_agrees_with_lunar_python(year: int) -> None:
    for f in Festival:
        expected = _expected(f, year)
        assert festival_dates(f, year) == expected, f
        for d in expected:
            assert f in _lib_festivals(d), (f, d)


@pytest.mark.slow
def test_festivals_between_is_exactly_lunar_pythons_festival_days() -> None:
    start, end = D(2020, 1, 1), D(2035, 12, 31)
    expected = []
    d = start
    while d <= end:
        on_day = _lib_festivals(d)
        expected += [(d, f) for f in Festival if f in on_day]
        d += dt.timedelta(days=1)
    assert festivals_between(start, end) == expected


def test_spot_values() -> None:
    assert festival_date(F.SPRING_FESTIVAL, 2026) == D(2026, 2, 17)
    assert festival_date(F.NEW_YEARS_EVE, 2026) == D(2026, 2, 16)
    assert festival_date(F.MID_AUTUMN, 2026) == D(2026, 9, 25)
    assert festival_date(F.QINGMING, 2026) == D(2026, 4, 5)
    assert festival_date(F.LANTERN, 2026) == D(2026, 3, 3)
    assert festival_date(F.DRAGON_BOAT, 2026) == D(2026, 6, 19)
    assert festival_date(F.LABA, 2026) == D(2026, 1, 26)
    assert festival_date(F.NATIONAL_DAY, 2026) == D(2026, 10, 1)


def test_new_years_eve_on_the_29th_and_the_30th() -> None:
    # Lunar 2025's 腊月 has 29 days, lunar 2022's 30.
    assert solar_to_lunar(festival_date(F.NEW_YEARS_EVE, 2026)) == LunarDate(12, 29, year=2025)
    assert festival_date(F.NEW_YEARS_EVE, 2023) == D(2023, 1, 21)
    assert solar_to_lunar(D(2023, 1, 21)) == LunarDate(12, 30, year=2022)


def test_laba_can_fall_twice_or_not_at_all_in_a_solar_year() -> None:
    assert festival_dates(F.LABA, 2022) == [D(2022, 1, 10), D(2022, 12, 30)]
    assert festival_dates(F.LABA, 2023) == []
    # festival_date gives the 腊八 before that year's 春节, even when it is in December.
    assert festival_date(F.LABA, 2023) == D(2022, 12, 30)
    assert festival_date(F.LABA, 2022) == D(2022, 1, 10)
    assert [d for d, f in festivals_between(D(2022, 1, 1), D(2023, 12, 31)) if f is F.LABA] == [
        D(2022, 1, 10),
        D(2022, 12, 30),
    ]


def test_whole_range_is_consistent() -> None:
    for year in range(1901, 2100):
        spring = festival_date(F.SPRING_FESTIVAL, year)
        assert festival_date(F.NEW_YEARS_EVE, year) == spring - dt.timedelta(days=1)
        assert D(year, 1, 21) <= spring <= D(year, 2, 20)
        assert D(year, 4, 4) <= festival_date(F.QINGMING, year) <= D(year, 4, 6)
        for f, (month, day) in LUNAR_MD.items():
            got = festival_date(f, year)
            as_lunar = solar_to_lunar(got)
            assert (as_lunar.month, as_lunar.day, as_lunar.leap) == (month, day, False)
            assert (got.year == year) != (f is F.LABA and year in LABA_IN_DECEMBER), (f, year)
        assert len(festival_dates(F.LABA, year)) == 1 + (year + 1 in LABA_IN_DECEMBER) - (
            year in LABA_IN_DECEMBER
        )


def test_festivals_between_is_inclusive_and_ordered() -> None:
    assert festivals_between(D(2026, 2, 16), D(2026, 2, 17)) == [
        (D(2026, 2, 16), F.NEW_YEARS_EVE),
        (D(2026, 2, 17), F.SPRING_FESTIVAL),
    ]
    # 中秋 fell on 国庆 in 2020: ties keep Festival order.
    assert festivals_between(D(2020, 10, 1), D(2020, 10, 1)) == [
        (D(2020, 10, 1), F.MID_AUTUMN),
        (D(2020, 10, 1), F.NATIONAL_DAY),
    ]
    assert festivals_between(D(2026, 2, 18), D(2026, 3, 2)) == []
    assert festivals_between(D(2026, 3, 1), D(2026, 2, 1)) == []
    year = festivals_between(D(2026, 1, 1), D(2026, 12, 31))
    assert [f for _, f in year] == list(Festival)


@pytest.mark.parametrize(
    "call",
    [
        lambda: festival_date(F.SPRING_FESTIVAL, 1900),
        lambda: festival_date(F.NEW_YEAR, 2100),
        lambda: festival_dates(F.LABA, 2100),
        lambda: festivals_between(D(1900, 12, 1), D(1901, 2, 1)),
        lambda: festivals_between(D(2099, 12, 1), D(2100, 2, 1)),
    ],
)
def test_out_of_range_years_raise(call: Callable[[], object]) -> None:
    with pytest.raises(ValueError):
        call()


def test_range_ends() -> None:
    assert festival_date(F.NEW_YEARS_EVE, 1901) == _expected(F.NEW_YEARS_EVE, 1901)[0]
    assert festival_date(F.DOUBLE_NINTH, 2099) == _expected(F.DOUBLE_NINTH, 2099)[0]


def test_names_and_kinds() -> None:
    assert set(NAMES) == set(ZH_NAMES) == set(Festival)
    assert all(m.context == "Festival" for m in NAMES.values())
    assert str(name(F.SPRING_FESTIVAL)) == "Spring Festival"
    assert ZH_NAMES[F.NEW_YEARS_EVE] == "除夕"
    assert {f for f in Festival if is_lunar(f)} == {*LUNAR_MD, F.NEW_YEARS_EVE}
    assert F("mid_autumn") is F.MID_AUTUMN
