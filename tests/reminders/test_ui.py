"""The Today page, the fallback notice driven by an injected clock, the greeting composer and
the settings tabs, as real widgets (offscreen has no system tray: the notice is what pops)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from crm.domain.clock import FixedClock
from crm.services.reminders.engine import compute
from crm.services.reminders.sources import birthdays
from crm.services.reminders.state import ReminderStates

# Opening a client raises the window, which the offscreen platform cannot do.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


@pytest.fixture
def birthday_client(add_client: Callable[..., int]) -> int:
    # The fixed clock is 2026-11-29 09:30; the birthday is tomorrow (1 day of lead: due today).
    return add_client("李秀英", "solar", 11, 30, 1980, gender="female", form_of_address="李姐")


def _wait_loaded(qtbot, page) -> None:
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.refresh()


def test_today_page_groups_and_acts(qtbot, birthday_client, add_client, main_window, clock) -> None:
    add_client("王芳", "solar", 11, 29, 1985)  # today's birthday
    ui = main_window.reminders
    page = ui.page
    _wait_loaded(qtbot, page)
    assert main_window.current_section() == "today"  # something is due: Today comes first
    qtbot.addWidget(page)
    from pytestqt.qt_compat import qt_api  # noqa: F401 - qtmodeltester needs pytest-qt

    titles = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    # Today's come first; tomorrow's (shown from today by its lead time) under the next days.
    assert titles[0].startswith("Today · Birthdays (1)")
    assert any(t.startswith("Next 7 days · Birthdays (1)") for t in titles)
    index = page.model.index_of_key(f"birthday:{birthday_client}:2026-11-30")
    assert index.isValid()
    page.view.setCurrentIndex(index)
    assert page.greet_button.isEnabled() and page.done_button.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.snooze_current(dt.timedelta(hours=1))
    r = page.current()
    assert r is not None and r.state.value == "snoozed"
    assert "Snoozed until 10:30" in page.model.index(index.row(), 3, index.parent()).data()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.done_current()
    r = page.model.reminder(page.model.index_of_key(r.key))
    assert r is not None and r.state.value == "done"
    page.view.setCurrentIndex(page.model.index_of_key(r.key))
    page.open_current()
    assert main_window.stack.currentWidget() is main_window.clients
    assert main_window.clients.current_id() in (None, birthday_client)


def test_today_model_passes_the_model_tester(qtmodeltester, book, birthday_client, clock) -> None:
    from crm.ui.reminders.model import TodayModel

    model = TodayModel()
    model.set_reminders(compute(book.reader(), clock.today()), clock.now())
    assert model.rowCount() >= 1
    qtmodeltester.check(model)
    model.set_reminders([], clock.now())
    qtmodeltester.check(model)


def _popups(ui_ctx, opened: list):
    from crm.ui.reminders.popups import ReminderPopups

    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen: the fallback notice
    return ReminderPopups(ui_ctx, opened.append, tray=None, interval_ms=60_000)


def _check(qtbot, popups) -> list:
    with qtbot.waitSignal(popups.loader.finished, timeout=5000) as blocker:
        popups.check_now()
    return list(blocker.args[0])


def test_birthday_pops_at_the_right_time_snooze_and_done(
    qtbot, ui_ctx, book, birthday_client, clock: FixedClock
) -> None:
    opened: list = []
    popups = _popups(ui_ctx, opened)
    clock.set(dt.datetime(2026, 11, 29, 8, 59))
    assert _check(qtbot, popups) == []  # before 09:00
    assert popups.notice is None
    clock.set(dt.datetime(2026, 11, 29, 9, 0))
    shown = [r for r in _check(qtbot, popups) if r.occurrence.occasion == "birthday"]
    assert [r.occurrence.client_id for r in shown] == [birthday_client]
    notice = popups.notice
    assert notice is not None and notice.isVisible()
    assert notice.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert "李秀英's birthday" in notice.lines.itemAt(0).widget().text()
    # Clicking the line opens that reminder's client.
    qtbot.mouseClick(notice.lines.itemAt(0).widget(), Qt.MouseButton.LeftButton)
    assert [r.occurrence.client_id for r in opened] == [birthday_client]
    assert not notice.isVisible()
    clock.set(dt.datetime(2026, 11, 29, 9, 1))
    assert _check(qtbot, popups) == []  # announced once
    # Snooze for an hour: it comes back then.
    states = ReminderStates(book, clock)
    states.snooze(shown[0].occurrence, dt.datetime(2026, 11, 29, 10, 1))
    clock.set(dt.datetime(2026, 11, 29, 10, 0))
    assert _check(qtbot, popups) == []
    clock.set(dt.datetime(2026, 11, 29, 10, 1))
    assert [r.key for r in _check(qtbot, popups)] == [shown[0].key]
    assert notice.isVisible()
    # Done: gone for this year, back next year.
    states.done(shown[0].occurrence)
    clock.set(dt.datetime(2026, 11, 30, 9, 30))
    assert [r for r in _check(qtbot, popups) if r.occurrence.occasion == "birthday"] == []
    clock.set(dt.datetime(2027, 11, 29, 9, 30))
    again = [r for r in _check(qtbot, popups) if r.occurrence.occasion == "birthday"]
    assert [r.key for r in again] == [f"birthday:{birthday_client}:2027-11-30"]
    popups.stop()
    assert not notice.isVisible()
    notice.deleteLater()


def test_due_while_closed_appears_at_next_start_exactly_once(
    qtbot, ui_ctx, book, birthday_client, clock: FixedClock
) -> None:
    # Prism was closed over the whole of the reminder's first day; it starts two days later.
    clock.set(dt.datetime(2026, 12, 1, 11, 0))
    first = _popups(ui_ctx, [])
    with qtbot.waitSignal(first.loader.finished, timeout=5000) as blocker:
        first.start()
    assert [
        r.occurrence.client_id for r in blocker.args[0] if r.occurrence.occasion == "birthday"
    ] == [birthday_client]
    first.stop()
    # Started again (a new process would build new objects over the same book): nothing new.
    second = _popups(ui_ctx, [])
    with qtbot.waitSignal(second.loader.finished, timeout=5000) as blocker:
        second.start()
    assert blocker.args[0] == []
    second.stop()
    for p in (first, second):
        if p.notice is not None:
            p.notice.deleteLater()


def test_quiet_hours_hold_pop_ups_back(qtbot, ui_ctx, birthday_client, clock) -> None:
    popups = _popups(ui_ctx, [])
    clock.set(dt.datetime(2026, 11, 29, 22, 0))
    assert _check(qtbot, popups) == []
    clock.set(dt.datetime(2026, 11, 30, 8, 0))
    assert [r.occurrence.occasion for r in _check(qtbot, popups)] == ["birthday"]
    popups.stop()


def test_greeting_composer_copy_and_sent(
    qtbot,
    ui_ctx,
    book,
    add_note,
    birthday_client,
    clock,
) -> None:
    pytest.importorskip("crm.services.interactions")
    from crm.ui.reminders.greeting_dialog import GreetingDialog

    add_note(birthday_client, "女儿明年高考")
    (r,) = compute(book.reader(), clock.today(), sources=[birthdays])
    dialog = GreetingDialog(ui_ctx, r.occurrence)
    qtbot.addWidget(dialog)
    # The client and the templates are read off the GUI thread.
    qtbot.waitUntil(lambda: dialog.text.toPlainText() != "", timeout=5000)
    assert dialog.sent_button.isEnabled()
    text = dialog.text.toPlainText()
    assert text.startswith("李姐") and "女儿明年高考" in text
    dialog.touch.setCurrentIndex(0)  # drop the personal touch
    assert "女儿明年高考" not in dialog.text.toPlainText()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.tone.setCurrentIndex(dialog.tone.findData("brief"))
    assert dialog.text.toPlainText() == "Happy birthday, 李姐!"
    dialog.copy()
    assert QApplication.clipboard().text() == "Happy birthday, 李姐!"
    dialog.mark_sent()
    assert dialog.result() == dialog.DialogCode.Accepted
    (r,) = compute(book.reader(), clock.today(), sources=[birthdays])
    assert r.state.value == "done"
    assert book.reader().execute(
        "SELECT summary FROM interaction WHERE client_id = ?", (birthday_client,)
    ).fetchall() == [("Happy birthday, 李姐!",)]


def test_greeting_the_day_after_asks_how_it_went_and_names_the_client(
    qtbot, ui_ctx, book, add_note, birthday_client, clock
) -> None:
    """The day after a noted event the composer asks how it went (it used to wish luck for a
    day already past) and the dialog names its client."""
    from crm.services.reminders.sources import life_notes
    from crm.ui.reminders.greeting_dialog import GreetingDialog

    add_note(birthday_client, "婚礼", event_date=clock.today() - dt.timedelta(days=1))
    after = [
        r
        for r in compute(book.reader(), clock.today(), sources=[life_notes])
        if r.key.startswith("life_note_after:")
    ]
    assert after, "the day-after reminder"
    dialog = GreetingDialog(ui_ctx, after[0].occurrence)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.text.toPlainText() != "", timeout=5000)
    assert "婚礼还顺利吧" in dialog.text.toPlainText()
    assert dialog.windowTitle().endswith("— 李秀英")


def test_settings_tabs_save_to_the_book(qtbot, ui_ctx, book) -> None:
    from crm.domain.festivals import Festival
    from crm.services.reminders import settings
    from crm.ui.reminders.settings_page import reminder_settings_pages

    services = ui_ctx.services
    (_t1, page), (_t2, templates) = reminder_settings_pages(
        services.reminders, services.greetings, ui_ctx.runner, ui_ctx.settings
    )
    qtbot.addWidget(page)
    qtbot.addWidget(templates)
    # Both tabs read the book off the GUI thread and are disabled until the answer is in.
    qtbot.waitUntil(lambda: page.loaded is not None and templates.loaded, timeout=5000)
    assert templates.isEnabled() and page.festival_boxes[Festival.QIXI].isEnabled()
    page.festival_boxes[Festival.QIXI].setChecked(False)
    page.lead["birthday"].setValue(3)
    page.quiet.setChecked(False)
    page.close_to_tray.setChecked(False)
    page.save()
    s = settings.load(book.reader())
    assert Festival.QIXI not in s.festivals and Festival.MID_AUTUMN in s.festivals
    assert s.lead_days["birthday"] == 3 and not s.quiet_enabled
    assert ui_ctx.settings.value("reminders/close_to_tray") in (False, "false")
    templates.text.setPlainText("{address}，生日快乐呀！")
    templates.save()
    assert services.greetings.template("birthday", "zh", "formal") == "{address}，生日快乐呀！"


def test_festival_composer_picks_whom_to_greet_off_the_gui_thread(
    qtbot, ui_ctx, book, add_client, clock
) -> None:
    pytest.importorskip("crm.services.interactions")
    from crm.services.reminders.sources import festivals
    from crm.ui.reminders.greeting_dialog import GreetingDialog

    def seen(days_ago: int) -> str:
        return (dt.datetime(2027, 2, 1, 10, 0) - dt.timedelta(days=days_ago)).isoformat(" ")

    a = add_client("甲一", search_text="甲一", last_contact_at=seen(1))
    b = add_client("乙二", search_text="乙二", last_contact_at=seen(2))
    add_client("丙三", search_text="丙三", last_contact_at=seen(3))
    clock.set(dt.datetime(2027, 2, 4, 10, 0))  # 春节 2027-02-06
    occ = next(
        r.occurrence
        for r in compute(book.reader(), clock.today(), sources=[festivals])
        if r.occurrence.occasion == "spring_festival"
    )
    dialog = GreetingDialog(ui_ctx, occ)
    qtbot.addWidget(dialog)
    assert dialog.picker is not None and dialog.optout.isVisibleTo(dialog)
    # The list, then its first client, then the text arrive from the runner.
    qtbot.waitUntil(
        lambda: dialog.recipient is not None and dialog.text.toPlainText() != "", timeout=5000
    )
    assert dialog.picker.count() == 3 and dialog.recipient.client_id == a
    assert dialog.text.toPlainText().startswith("甲一，新春快乐")
    dialog.mark_sent()
    assert dialog.result() != dialog.DialogCode.Accepted  # a festival greets many: stays open
    # Ticked off, and on to the next one.
    qtbot.waitUntil(
        lambda: (
            dialog.picker.item(0).text().startswith("✓ ")
            and dialog.recipient is not None
            and dialog.recipient.client_id == b
        ),
        timeout=5000,
    )
    assert ui_ctx.services.greetings.greeted(occ.key) == {a}
    dialog.optout.setChecked(True)
    assert ui_ctx.services.greetings.festival_optout(b)
    # Typing narrows the list (read off the GUI thread as well).
    dialog.filter.setText("丙")
    qtbot.waitUntil(lambda: dialog.picker.count() == 1, timeout=5000)


def test_settings_tabs_saved_before_the_book_answers_leave_it_alone(qtbot, ui_ctx, book) -> None:
    from crm.services.reminders.settings import ReminderSettings
    from crm.ui.reminders.settings_page import GreetingTemplatesPage, RemindersSettingsPage

    reminders, greetings = ui_ctx.services.reminders, ui_ctx.services.greetings
    reminders.save_settings(ReminderSettings(notify_at=dt.time(7, 0), contact_due_limit=3))
    page = RemindersSettingsPage(reminders, ui_ctx.runner, ui_ctx.settings)
    templates = GreetingTemplatesPage(greetings, ui_ctx.runner)
    qtbot.addWidget(page)
    qtbot.addWidget(templates)
    assert not templates.isEnabled() and not page.notify_at.isEnabled()
    # OK pressed at once: the book keeps what it had (the tabs show defaults until loaded).
    page.save()
    templates.save()
    assert reminders.settings().notify_at == dt.time(7, 0)
    assert greetings.overrides() == {}
    with qtbot.waitSignal(page.ready, timeout=5000):
        pass
    assert page.notify_at.time().hour() == 7 and page.notify_at.isEnabled()
    page.lead["promise"].setValue(4)
    page.save()
    saved = reminders.settings()
    # What the tab does not show stays as the book had it.
    assert saved.lead_days["promise"] == 4 and saved.contact_due_limit == 3


def test_first_answer_does_not_pull_the_officer_back_to_today(
    qtbot, birthday_client, main_window
) -> None:
    """Today's first load comes after the first paint; an officer who went to another section
    in the meantime stays there (it used to yank them back to Today, whenever the load
    answered)."""
    qtbot.wait(1)  # the window listens to the officer from its first event loop turn
    loans_page = main_window.show_section("loans")
    _wait_loaded(qtbot, main_window.reminders.page)  # something is due
    assert loans_page.isVisible()


def test_first_answer_does_not_take_away_a_client_the_officer_picked(
    qtbot, birthday_client, ui_ctx
) -> None:
    """The list is the first page, so picking a client there moves no sidebar row: the pick
    itself tells Today's first load (after the first paint) that the officer has started."""
    import datetime as dt

    from crm.ui.app import build_window

    ui_ctx.services.promises.make(birthday_client, "回复展期政策", dt.date(2026, 11, 20))
    window = build_window(ui_ctx)
    qtbot.addWidget(window)
    window.show()
    window.open_client(birthday_client)  # before the first paint, so before Today's load
    with qtbot.waitSignal(window.reminders.loaded, timeout=5000) as loaded:
        pass
    assert loaded.args[0] > 0  # something is due: Today would have come first
    assert window.current_section() == "clients"
    assert window.clients.pane.client_id == birthday_client


def test_first_answer_does_not_take_away_a_search_being_typed(
    qtbot, birthday_client, ui_ctx
) -> None:
    """An officer who starts typing a name right after start-up stays in the list: Today's
    first answer, arriving mid-word, used to switch sections under the keystrokes."""
    import datetime as dt

    from crm.ui.app import build_window

    ui_ctx.services.promises.make(birthday_client, "回复展期政策", dt.date(2026, 11, 20))
    window = build_window(ui_ctx)
    qtbot.addWidget(window)
    window.show()
    window.clients.search.insert("王")  # as typed; before the first paint, so before Today's
    with qtbot.waitSignal(window.reminders.loaded, timeout=5000) as loaded:
        pass
    assert loaded.args[0] > 0  # something is due: Today would have come first
    assert window.current_section() == "clients"
    assert window.clients.search.text() == "王"
