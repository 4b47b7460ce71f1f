"""Reminder sources end to end against a real book: birthdays (solar and lunar, with our rules),
festivals one per day, notes on the day and the day after, promises, keeping in touch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from crm.domain import lunar
from crm.domain.festivals import Festival, festival_date
from crm.services.reminders import sources
from crm.store.book import Book, sql_datetime


def _birthdays(book: Book, start: dt.date, end: dt.date) -> dict[int, list[dt.date]]:
    out: dict[int, list[dt.date]] = {}
    for occ in sources.birthdays(book.reader(), start, end):
        assert occ.client_id is not None
        out.setdefault(occ.client_id, []).append(occ.date)
    return out


def _year_of(book: Book, year: int) -> dict[int, list[dt.date]]:
    """Every birthday celebrated during a solar year, by scanning it week by week."""
    found: dict[int, list[dt.date]] = {}
    d = dt.date(year, 1, 1)
    while d.year == year:
        end = min(d + dt.timedelta(days=6), dt.date(year, 12, 31))
        for cid, days in _birthdays(book, d, end).items():
            found.setdefault(cid, []).extend(days)
        d = end + dt.timedelta(days=1)
    return found


def test_solar_birthday_on_its_day_with_age(book: Book, add_client: Callable[..., int]) -> None:
    cid = add_client("李娜", "solar", 12, 1, 1980)
    occs = list(sources.birthdays(book.reader(), dt.date(2026, 11, 29), dt.date(2026, 12, 5)))
    assert [(o.client_id, o.date, o.occasion) for o in occs] == [
        (cid, dt.date(2026, 12, 1), "birthday")
    ]
    assert occs[0].key == f"birthday:{cid}:2026-12-01"
    assert occs[0].detail is not None and occs[0].detail.render() == "Turns 46"
    assert occs[0].title.render() == "李娜's birthday"


def test_29_february_is_kept_on_28_february_in_common_years(
    book: Book, add_client: Callable[..., int]
) -> None:
    cid = add_client("王芳", "solar", 2, 29)
    assert _birthdays(book, dt.date(2027, 2, 27), dt.date(2027, 3, 1)) == {
        cid: [dt.date(2027, 2, 28)]
    }
    assert _birthdays(book, dt.date(2028, 2, 27), dt.date(2028, 3, 1)) == {
        cid: [dt.date(2028, 2, 29)]
    }


def test_lunar_birthdays_match_the_documented_rules_for_whole_years(
    book: Book, add_client: Callable[..., int]
) -> None:
    # 腊月三十 (腊月 has 29 days in lunar 2026), 闰六月 (2025 has it, 2026 does not),
    # 闰六月三十 (六月 has 29 days in 2027), an ordinary 六月 birthday, 八月十五.
    cases = {
        add_client("甲", "lunar", 12, 30): (12, 30, False),
        add_client("乙", "lunar", 6, 10, leap=True): (6, 10, True),
        add_client("丙", "lunar", 6, 30, leap=True): (6, 30, True),
        add_client("丁", "lunar", 6, 10): (6, 10, False),
        add_client("戊", "lunar", 8, 15, 1970): (8, 15, False),
    }
    for year in (2025, 2026, 2027):
        found = _year_of(book, year)
        for cid, (month, day, leap) in cases.items():
            expected = [
                lunar.lunar_birthday_in(ly, month, day, leap)
                for ly in (year - 1, year)
                if lunar.lunar_birthday_in(ly, month, day, leap).year == year
            ]
            assert sorted(found.get(cid, [])) == expected, (year, month, day, leap)


def test_lunar_rules_on_the_concrete_dates(book: Book, add_client: Callable[..., int]) -> None:
    eve = add_client("甲", "lunar", 12, 30)
    leap6 = add_client("乙", "lunar", 6, 10, leap=True)
    # Lunar 2026's 腊月 has 29 days: the 30th is celebrated on the 29th (除夕 2027).
    last = lunar.lunar_to_solar(2026, 12, 29)
    assert last == festival_date(Festival.NEW_YEARS_EVE, 2027)
    assert _birthdays(book, last, last) == {eve: [last]}
    # 2025 has 闰六月: celebrated in the leap month, not in the ordinary 六月.
    in_leap = lunar.lunar_to_solar(2025, 6, 10, leap=True)
    assert _birthdays(book, in_leap, in_leap) == {leap6: [in_leap]}
    ordinary_2025 = lunar.lunar_to_solar(2025, 6, 10)
    assert leap6 not in _birthdays(book, ordinary_2025, ordinary_2025)
    # 2026 has no 闰六月: kept in the ordinary 六月.
    ordinary_2026 = lunar.lunar_to_solar(2026, 6, 10)
    assert _birthdays(book, ordinary_2026, ordinary_2026) == {leap6: [ordinary_2026]}


def test_archived_clients_never_remind(book: Book, add_client: Callable[..., int]) -> None:
    add_client("归档", "solar", 12, 1, archived_at=sql_datetime(dt.datetime(2026, 1, 1)))
    assert _birthdays(book, dt.date(2026, 12, 1), dt.date(2026, 12, 1)) == {}


def test_festivals_are_one_item_per_day_and_follow_the_chosen_list(book: Book) -> None:
    from crm.services.reminders import settings
    from crm.services.reminders.service import ReminderService

    occs = list(sources.festivals(book.reader(), dt.date(2027, 2, 1), dt.date(2027, 2, 28)))
    keys = [o.key for o in occs]
    assert len(keys) == len(set(keys))
    assert {o.occasion for o in occs} == {"new_years_eve", "spring_festival", "lantern"}
    assert all(o.client_id is None for o in occs)
    eve = festival_date(Festival.NEW_YEARS_EVE, 2027)
    assert f"new_years_eve:-:{eve.isoformat()}" in keys
    ReminderService(book).save_settings(
        settings.ReminderSettings(festivals=frozenset({Festival.LANTERN}))
    )
    occs = list(sources.festivals(book.reader(), dt.date(2027, 2, 1), dt.date(2027, 2, 28)))
    assert [o.occasion for o in occs] == ["lantern"]


def test_a_dated_note_shows_on_its_day_and_the_day_after(
    book: Book, add_client: Callable[..., int], add_note: Callable[..., int]
) -> None:
    cid = add_client("赵敏")
    nid = add_note(cid, "儿子今天考驾照", dt.date(2026, 12, 3))
    add_note(cid, "没有日期的记事")
    occs = list(sources.life_notes(book.reader(), dt.date(2026, 12, 1), dt.date(2026, 12, 7)))
    assert [(o.date, o.ref_id, o.client_id) for o in occs] == [
        (dt.date(2026, 12, 3), nid, cid),
        (dt.date(2026, 12, 4), nid, cid),
    ]
    assert occs[1].title.render() == "Ask 赵敏 how it went: 儿子今天考驾照"
    # The day after alone is still found when the window starts then.
    later = list(sources.life_notes(book.reader(), dt.date(2026, 12, 4), dt.date(2026, 12, 9)))
    assert [o.date for o in later] == [dt.date(2026, 12, 4)]


def test_open_promises_nag_however_old(book: Book, add_client: Callable[..., int]) -> None:
    cid = add_client("钱进")
    with book.write() as conn:
        for text, due, kept in (
            ("回复利率", "2026-10-01", None),
            ("送材料清单", "2026-12-02", None),
            ("已办", "2026-12-01", sql_datetime(dt.datetime(2026, 11, 30))),
            ("太远", "2027-01-30", None),
        ):
            conn.execute(
                "INSERT INTO promise (client_id, text, made_at, due_date, kept_at, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    cid,
                    text,
                    sql_datetime(dt.datetime(2026, 9, 1)),
                    due,
                    kept,
                    sql_datetime(dt.datetime(2026, 9, 1)),
                ),
            )
    occs = list(sources.promises(book.reader(), dt.date(2026, 11, 22), dt.date(2026, 12, 6)))
    assert [o.date.isoformat() for o in occs] == ["2026-10-01", "2026-12-02"]


def test_contact_due_agrees_with_the_cadence_service(book: Book, clock) -> None:
    cadence = pytest.importorskip("crm.services.cadence")
    from crm.services.demo import fill_demo

    fill_demo(book, 400, seed=3, clock=clock)
    with book.write() as conn:  # a few explicit cadences and recent contacts
        conn.execute("UPDATE client SET cadence_days = 10 WHERE id % 17 = 0")
        conn.execute(
            "UPDATE client SET last_contact_at = ? WHERE id % 5 = 0",
            (sql_datetime(dt.datetime(2026, 11, 20, 15, 0)),),
        )
    conn = book.reader()
    for end in (dt.date(2026, 11, 29), dt.date(2026, 12, 6), dt.date(2027, 3, 1)):
        for limit in (1, 20, 1000):
            theirs = [(d.client_id, d.due_date) for d in cadence.due_for_contact(conn, end, limit)]
            ours = [(d.client_id, d.due_date) for d in sources.due_clients(conn, end, limit)]
            assert ours == theirs, (end, limit)
        # Today's keep-in-touch counts, by index, are the Due page's.
        service = cadence.CadenceService(book, clock)
        overdue, due_today = service.count_due_split(end)
        assert overdue + due_today == service.count_due(end)
        assert overdue == service.count_due(end - dt.timedelta(days=1))


def test_contact_due_lists_todays_however_many_are_overdue(book: Book, clock) -> None:
    from crm.services.reminders.service import ReminderService
    from crm.services.reminders.settings import ReminderSettings

    ReminderService(book, clock).save_settings(ReminderSettings(contact_due_limit=2))
    today = dt.date(2026, 11, 29)
    with book.write() as conn:
        # Prospects (every 14 days): four overdue, two due today, one due in three days.
        for i, days_ago in enumerate((40, 39, 38, 37, 14, 14, 11)):
            last = sql_datetime(dt.datetime(2026, 11, 29, 8, 0) - dt.timedelta(days=days_ago))
            conn.execute(
                "INSERT INTO client (name, created_at, updated_at, last_contact_at) "
                "VALUES (?, ?, ?, ?)",
                (f"客户{i}", last, last, last),
            )
    occs = list(sources.contact_due(book.reader(), today, today))
    dates = sorted(o.date for o in occs)
    assert [d < today for d in dates].count(True) == 2  # the two most overdue
    assert dates.count(today) == 2
    assert dates[-1] == dt.date(2026, 12, 2)
