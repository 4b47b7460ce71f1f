"""The engine and reminder state: lead times, buckets, snooze, done per occurrence, pop-up
bookkeeping, quiet hours, settings in the book."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from crm.domain.clock import FixedClock
from crm.services.reminders import settings
from crm.services.reminders.engine import Bucket, State, compute, due_popups
from crm.services.reminders.service import ReminderService
from crm.services.reminders.sources import birthdays, festivals
from crm.services.reminders.state import ReminderStates
from crm.store.book import Book

NINE = dt.time(9, 0)


def _only_birthdays(book: Book, today: dt.date, days: int = 7):
    return compute(book.reader(), today, days, sources=[birthdays])


def test_lead_time_and_buckets(book: Book, add_client: Callable[..., int]) -> None:
    a = add_client("甲", "solar", 11, 30)  # tomorrow
    b = add_client("乙", "solar", 12, 3)  # in 4 days
    c = add_client("丙", "solar", 11, 27)  # two days ago
    today = dt.date(2026, 11, 29)
    by_client = {r.occurrence.client_id: r for r in _only_birthdays(book, today)}
    # 1 day of lead: shows (and pops up) from today, but groups with tomorrow's.
    assert by_client[a].showing(today) and by_client[a].bucket(today) is Bucket.UPCOMING
    assert by_client[a].shows_from == today
    assert by_client[b].bucket(today) is Bucket.UPCOMING
    assert by_client[c].bucket(today) is Bucket.OVERDUE
    # Lead times come from the book's settings.
    s = settings.ReminderSettings()
    ReminderService(book).save_settings(
        settings.ReminderSettings(lead_days={**s.lead_days, "birthday": 5})
    )
    by_client = {r.occurrence.client_id: r for r in _only_birthdays(book, today)}
    assert by_client[b].showing(today) and by_client[b].bucket(today) is Bucket.UPCOMING


def test_festival_lead_is_three_days(book: Book) -> None:
    today = dt.date(2027, 2, 3)  # 除夕 is 2027-02-05, 春节 02-06
    reminders = compute(book.reader(), today, 7, sources=[festivals])
    assert all(r.showing(today) for r in reminders)  # within their 3 days of lead
    buckets = {r.occurrence.occasion: r.bucket(today) for r in reminders}
    assert buckets["new_years_eve"] is Bucket.UPCOMING  # "Today" holds today's only
    assert buckets["spring_festival"] is Bucket.UPCOMING
    earlier = dt.date(2027, 1, 30)
    reminders = compute(book.reader(), earlier, 7, sources=[festivals])
    assert not any(r.showing(earlier) for r in reminders)
    assert {r.occurrence.occasion: r.bucket(earlier) for r in reminders} == {
        "new_years_eve": Bucket.UPCOMING,  # 6 days ahead: its 3 days of lead not yet begun
        "spring_festival": Bucket.UPCOMING,
    }


def test_done_is_per_occurrence_so_next_year_comes_back(
    book: Book, add_client: Callable[..., int], clock: FixedClock
) -> None:
    add_client("甲", "solar", 11, 30)
    states = ReminderStates(book, clock)
    (r,) = _only_birthdays(book, dt.date(2026, 11, 29))
    states.done(r.occurrence)
    (r,) = _only_birthdays(book, dt.date(2026, 11, 29))
    assert r.state is State.DONE and r.closed and r.bucket(clock.today()) is Bucket.CLOSED
    (next_year,) = _only_birthdays(book, dt.date(2027, 11, 29))
    assert next_year.state is State.PENDING
    assert [h.action for h in states.history(r.key)] == ["done"]


def test_snooze_hides_until_it_runs_out_and_keeps_history(
    book: Book, add_client: Callable[..., int], clock: FixedClock
) -> None:
    add_client("甲", "solar", 11, 29)
    states = ReminderStates(book, clock)
    (r,) = _only_birthdays(book, clock.today())
    until = clock.now() + dt.timedelta(hours=1)
    states.snooze(r.occurrence, until)
    (r,) = _only_birthdays(book, clock.today())
    assert r.snoozed_at(clock.now()) and r.snoozed_until == until
    assert not r.snoozed_at(until)
    states.reopen(r.occurrence)
    history = states.history(r.key)
    assert [(h.action, h.until) for h in history] == [("snoozed", until), ("pending", None)]


def test_popups_once_per_due_time_snooze_brings_back(
    book: Book, add_client: Callable[..., int], clock: FixedClock
) -> None:
    add_client("甲", "solar", 11, 30)
    prefs = settings.ReminderSettings()
    states = ReminderStates(book, clock)

    def pops_at(now: dt.datetime) -> list[str]:
        clock.set(now)
        found = due_popups(compute(book.reader(), now.date(), settings=prefs), now, prefs)
        states.mark_notified(r.occurrence for r in found)
        return [r.occurrence.occasion for r in found if r.occurrence.occasion == "birthday"]

    assert pops_at(dt.datetime(2026, 11, 28, 23, 0)) == []  # quiet hours, and not yet due
    assert pops_at(dt.datetime(2026, 11, 29, 8, 30)) == []  # before the notify time
    assert pops_at(dt.datetime(2026, 11, 29, 9, 0)) == ["birthday"]
    assert pops_at(dt.datetime(2026, 11, 29, 9, 1)) == []  # once
    (r,) = _only_birthdays(book, clock.today())
    states.snooze(r.occurrence, dt.datetime(2026, 11, 29, 10, 1))
    assert pops_at(dt.datetime(2026, 11, 29, 10, 0)) == []
    assert pops_at(dt.datetime(2026, 11, 29, 10, 1)) == ["birthday"]
    assert pops_at(dt.datetime(2026, 11, 29, 10, 2)) == []
    states.done(r.occurrence)
    assert pops_at(dt.datetime(2026, 11, 30, 9, 0)) == []
    assert pops_at(dt.datetime(2027, 11, 29, 9, 0)) == ["birthday"]  # next year's


def test_quiet_hours_span_midnight() -> None:
    s = settings.ReminderSettings(quiet_start=dt.time(21, 0), quiet_end=dt.time(8, 0))
    assert s.is_quiet(dt.datetime(2026, 1, 1, 22, 0))
    assert s.is_quiet(dt.datetime(2026, 1, 1, 7, 59))
    assert not s.is_quiet(dt.datetime(2026, 1, 1, 8, 0))
    day = settings.ReminderSettings(quiet_start=dt.time(12, 0), quiet_end=dt.time(13, 30))
    assert day.is_quiet(dt.datetime(2026, 1, 1, 12, 30))
    assert not settings.ReminderSettings(quiet_enabled=False).is_quiet(
        dt.datetime(2026, 1, 1, 23, 0)
    )


def test_settings_round_trip_and_tolerate_junk(book: Book) -> None:
    from crm.domain.festivals import Festival

    s = settings.ReminderSettings(
        festivals=frozenset({Festival.MID_AUTUMN}),
        notify_at=dt.time(8, 15),
        quiet_enabled=False,
    )
    service = ReminderService(book)
    service.save_settings(s)
    assert settings.load(book.reader()) == s
    assert service.settings() == s
    with book.write() as conn:
        conn.execute(
            "UPDATE book_setting SET value = ? WHERE key = 'reminders'",
            ('{"festivals": ["nope"], "notify_at": "25:99", "lead_days": {"birthday": "x"}}',),
        )
    loaded = settings.load(book.reader())
    assert loaded.festivals == frozenset()
    assert loaded.notify_at == dt.time(9, 0)
    assert loaded.lead_days["birthday"] == 1
