"""ReminderService and GreetingService as the UI and CLI reach them (``Services``): one calling
convention, reads on the caller's reader, one published change per write."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from crm.domain.changes import Change, Topic
from crm.domain.clock import FixedClock
from crm.services.facade import Services
from crm.services.greeting_texts import default_template
from crm.services.greetings import GreetingService, clean_overrides, pick_template
from crm.services.reminders.engine import State
from crm.services.reminders.service import ReminderService
from crm.services.reminders.settings import ReminderSettings
from crm.services.reminders.sources import birthdays
from crm.store.book import Book


@pytest.fixture
def services(book: Book, clock: FixedClock) -> Services:
    return Services(book, clock)


@pytest.fixture
def published(book: Book) -> list[Change]:
    seen: list[Change] = []
    book.changes.subscribe(seen.append)
    return seen


def test_the_facade_offers_both_services(services: Services) -> None:
    assert isinstance(services.reminders, ReminderService)
    assert isinstance(services.greetings, GreetingService)
    assert services.reminders is services.reminders  # built once
    assert services.reminders.clock is services.clock is services.greetings.clock


def test_compute_defaults_to_the_clocks_day(
    services: Services, add_client: Callable[..., int], clock: FixedClock
) -> None:
    cid = add_client("甲", "solar", 11, 30)  # tomorrow: due today (1 day of lead)
    (r,) = services.reminders.compute(sources=[birthdays])
    assert r.occurrence.client_id == cid and r.shows_from == clock.today()
    clock.set(dt.datetime(2027, 11, 29, 9, 30))
    (r,) = services.reminders.compute(sources=[birthdays])
    assert r.date == dt.date(2027, 11, 30)


def test_due_popups_remembers_what_it_announced(
    services: Services, add_client: Callable[..., int], clock: FixedClock
) -> None:
    add_client("甲", "solar", 11, 30)
    reminders = services.reminders
    at = dt.datetime(2026, 11, 29, 9, 0)
    pops = [r for r in reminders.due_popups(at) if r.occurrence.occasion == "birthday"]
    assert len(pops) == 1
    # Announced at the check's moment, not the clock's (09:30): once per due time.
    assert [h.action for h in reminders.history(pops[0].key)] == ["notified"]
    assert reminders.history(pops[0].key)[0].at == at
    assert [r for r in reminders.due_popups(at) if r.occurrence.occasion == "birthday"] == []


def test_state_changes_publish_one_change_about_the_client(
    services: Services,
    add_client: Callable[..., int],
    clock: FixedClock,
    published: list[Change],
) -> None:
    cid = add_client("甲", "solar", 11, 30)
    reminders = services.reminders
    (r,) = reminders.compute(sources=[birthdays])
    until = reminders.snooze_until_tomorrow(r.occurrence)
    assert until == dt.datetime(2026, 11, 30, 9, 0)  # the notify time, tomorrow
    (r,) = reminders.compute(sources=[birthdays])
    assert r.state is State.SNOOZED and r.snoozed_until == until
    reminders.done(r.occurrence)
    reminders.reopen(r.occurrence)
    reminders.dismiss(r.occurrence)
    assert [(c.topics, c.client_ids) for c in published] == [
        (frozenset({Topic.REMINDER}), frozenset({cid}))
    ] * 4
    with pytest.raises(ValueError):
        reminders.snooze(r.occurrence, clock.now())


def test_settings_load_and_save(services: Services, published: list[Change]) -> None:
    reminders = services.reminders
    assert reminders.settings() == ReminderSettings()
    changed = ReminderSettings(notify_at=dt.time(7, 45), contact_due_limit=5)
    reminders.save_settings(changed)
    assert reminders.settings() == changed
    assert [c.topics for c in published] == [frozenset({Topic.REMINDER_SETTINGS})]


def test_export_ics_writes_open_upcoming_reminders(
    services: Services, add_client: Callable[..., int], tmp_path: Path
) -> None:
    add_client("甲", "solar", 12, 1)
    add_client("乙", "solar", 11, 20)  # 9 days ago: overdue, not for the calendar
    out = tmp_path / "prism.ics"
    n = services.reminders.export_ics(out, lambda m: m.render(), days=7)
    text = out.read_text(encoding="utf-8")
    assert n == text.count("BEGIN:VEVENT") >= 1
    assert "甲's birthday" in text and "乙's birthday" not in text


def test_greeting_service_reads_and_writes(
    services: Services,
    add_client: Callable[..., int],
    add_note: Callable[..., int],
    published: list[Change],
) -> None:
    pytest.importorskip("crm.services.interactions")
    greetings = services.greetings
    cid = add_client("李秀英", gender="female", search_text="李秀英")
    add_note(cid, "女儿明年高考")
    who = greetings.recipient(cid)
    assert who.address("zh") == "李女士" and [n.text for n in who.notes] == ["女儿明年高考"]
    with pytest.raises(LookupError):
        greetings.recipient(cid + 100)
    assert [c.client_id for c in greetings.candidates("李")] == [cid]
    assert greetings.candidates("王") == []
    greetings.set_festival_optout(cid, True)
    greetings.set_festival_optout(cid, True)  # already so: kept as is
    assert greetings.festival_optout(cid) and greetings.candidates() == []
    greetings.set_festival_optout(cid, False)
    assert not greetings.festival_optout(cid)
    assert [(c.topics, c.client_ids) for c in published] == [
        (frozenset({Topic.CLIENT}), frozenset({cid}))
    ] * 3


def test_templates_pick_the_officers_text_and_ignore_junk() -> None:
    stored = {
        "birthday": {"zh": {"warm": "我的", "loud": "x"}, "fr": {"warm": "y"}},
        "life_note": {"en": {"brief": "  "}},
        "junk": "not a dict",
    }
    overrides = clean_overrides(stored)
    assert overrides == {"birthday": {"zh": {"warm": "我的"}}}
    assert clean_overrides(None) == {} and clean_overrides([1]) == {}
    assert pick_template(overrides, "birthday", "zh", "warm") == "我的"
    assert pick_template(overrides, "birthday", "zh", "brief") == default_template(
        "birthday", "zh", "brief"
    )
    # Asking about a note the day after uses the life-note templates.
    assert pick_template({}, "life_note_after", "en", "warm") == default_template(
        "life_note", "en", "warm"
    )
