"""Today as a work queue: today's first, overdue folded one line per kind, the brief beside the
list, and the daily loop (reminder → brief → log a call → promise → done) from the keyboard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from crm.store.book import sql_datetime

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")

CTRL = Qt.KeyboardModifier.ControlModifier


class Keys:
    """Key presses, counted."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def press(self, widget: QWidget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.count += 1
        self.qtbot.keyClick(widget, key, modifier)

    def in_next_dialog(self, fill: Callable[[QDialog], None]) -> list[QDialog]:
        """Once the next modal form is up: type into it (text is typing, not a key counted
        here) and save it with Ctrl+Enter (one key)."""
        seen: list[QDialog] = []

        def run() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(10, run)
                return
            assert isinstance(dialog, QDialog)
            seen.append(dialog)
            try:
                fill(dialog)
                focus = dialog.focusWidget() or dialog
                self.press(focus, Qt.Key.Key_Return, CTRL)
            finally:
                if dialog.isVisible():
                    dialog.reject()

        QTimer.singleShot(0, run)
        return seen


def _back(qtbot, window, page) -> None:
    """A closed dialog hands activation back to the window (the offscreen platform does not:
    shortcuts only work in the active window)."""
    window.activateWindow()
    page.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _loaded(qtbot, page) -> None:
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.refresh()


def test_the_daily_loop_in_at_most_eight_keys(qtbot, add_client, main_window, ui_ctx) -> None:
    cid = add_client("李秀英", "solar", 11, 29, 1980, form_of_address="李姐")  # today
    page = main_window.reminders.page
    _loaded(qtbot, page)
    main_window.show_section("today")
    services = ui_ctx.services
    keys = Keys(qtbot)

    # The queue's first item (today's birthday) is picked, its brief beside the list.
    _back(qtbot, main_window, page)
    current = page.current()
    assert current is not None and current.occurrence.client_id == cid
    brief = page.side.brief
    assert brief is not None
    qtbot.waitUntil(lambda: brief.brief is not None and brief.brief.client_id == cid)

    # Ctrl+L: log the call (the form opens on the summary; phone is the first channel).
    titles: list[str] = []

    def log_call(d: QDialog) -> None:
        titles.append(d.windowTitle())
        d.summary.insertPlainText("生日电话，聊了装修")  # type: ignore[attr-defined]

    keys.in_next_dialog(log_call)
    keys.press(page.view, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: len(services.interactions.for_client(cid)) == 1)
    assert services.interactions.for_client(cid)[0].channel.value == "phone"
    _back(qtbot, main_window, page)

    # Ctrl+P: the promise made on the call.
    def promise(d: QDialog) -> None:
        titles.append(d.windowTitle())
        d.text.insertPlainText("发装修贷材料清单")  # type: ignore[attr-defined]

    keys.in_next_dialog(promise)
    keys.press(page.view, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: len(services.promises.open_promises(client_id=cid)) == 1)
    qtbot.waitUntil(
        lambda: (
            brief.brief is not None
            and [p.text for p in brief.brief.promises] == ["发装修贷材料清单"]
        )
    )

    _back(qtbot, main_window, page)

    # Ctrl+D: the birthday is done (still the current item after the reloads).
    qtbot.waitUntil(lambda: page.current() is not None and page.current().key == current.key)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        keys.press(page.view, Qt.Key.Key_D, CTRL)
    done = page.model.reminder(page.model.index_of_key(current.key))
    assert done is not None and done.state.value == "done"
    assert keys.count <= 8
    assert all("李秀英" in t for t in titles) and len(titles) == 2  # each form names them


def test_done_on_a_promise_keeps_it_through_the_contact_form(
    qtbot, add_client, main_window, ui_ctx, clock
) -> None:
    cid = add_client("王芳")
    services = ui_ctx.services
    pid = services.promises.make(cid, "确认利率", clock.today())
    page = main_window.reminders.page
    _loaded(qtbot, page)
    page.select_key(f"promise:{pid}:{clock.today().isoformat()}")
    assert page.current() is not None
    _back(qtbot, main_window, page)
    keys = Keys(qtbot)
    seen = keys.in_next_dialog(lambda d: None)
    keys.press(page.view, Qt.Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: services.promises.get(pid).kept_at is not None)
    assert "王芳" in seen[0].windowTitle()
    assert services.promises.open_promises() == []
    [contact] = services.interactions.for_client(cid)
    assert "确认利率" in contact.summary


def _old_client(add_client, book, name: str, days: int) -> int:
    cid = add_client(name)
    with book.write() as conn:
        last = sql_datetime(dt.datetime(2026, 11, 29, 9, 0) - dt.timedelta(days=days))
        conn.execute("UPDATE client SET last_contact_at = ? WHERE id = ?", (last, cid))
    return cid


def test_order_folding_and_the_true_keep_in_touch_count(
    qtbot, add_client, main_window, ui_ctx, book
) -> None:
    from crm.services.reminders.settings import ReminderSettings

    services = ui_ctx.services
    services.reminders.save_settings(ReminderSettings(contact_due_limit=2))
    for i in range(5):
        _old_client(add_client, book, f"客户{i}", 30 + i)  # prospects: every 14 days, overdue
    add_client("生日", "solar", 11, 29)  # today
    add_client("明天", "solar", 11, 30)  # tomorrow: not under "Today"
    page = main_window.reminders.page
    _loaded(qtbot, page)
    model = page.model
    rows = [model.group_key(r) for r in range(model.rowCount())]
    assert rows[0] == ("today", "birthday")
    assert ("overdue", "contact_due") in rows and ("upcoming", "birthday") in rows
    assert rows.index(("overdue", "contact_due")) < rows.index(("upcoming", "birthday"))
    for r, (bucket, _group) in enumerate(rows):
        index = model.index(r, 0)
        assert page.view.isExpanded(index) is (bucket in ("today", "upcoming"))
        if bucket == "today":  # no tomorrow under today
            today_rows = [
                model.reminder(model.index(i, 0, index)) for i in range(model.rowCount(index))
            ]
            assert all(x.date == dt.date(2026, 11, 29) for x in today_rows)
    keep = rows.index(("overdue", "contact_due"))
    title = model.index(keep, 0).data()
    due_total = services.cadence.count_due()
    assert due_total == 5 and title == "Overdue · Keep in touch (5, 2 listed)"
    # Enter on that line goes to Due for contact, which lists them all.
    main_window.show_section("today")
    _back(qtbot, main_window, page)
    page.view.setCurrentIndex(model.index(keep, 0))
    assert "Due for contact" in page.side.hint.text()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    due_page = main_window.relationship.due
    assert main_window.current_section() != "today"
    qtbot.waitUntil(lambda: due_page.model.rowCount() == 5)
    # The sidebar's 今日 is the page's own count: keep in touch + today's birthday.
    qtbot.waitUntil(lambda: main_window.sidebar.badge("today") == 5 + 1)


def test_done_on_ask_how_it_went_records_the_answer(
    qtbot, add_client, main_window, ui_ctx, clock
) -> None:
    from crm.services.notes import NoteDraft

    cid = add_client("赵敏")
    services = ui_ctx.services
    yesterday = clock.today() - dt.timedelta(days=1)
    note = services.notes.add(cid, NoteDraft("儿子婚礼", event_date=yesterday))
    page = main_window.reminders.page
    _loaded(qtbot, page)
    key = f"life_note_after:{note}:{clock.today().isoformat()}"
    page.select_key(key)
    assert page.current() is not None and page.current().key == key
    _back(qtbot, main_window, page)
    keys = Keys(qtbot)
    keys.in_next_dialog(lambda d: d.answer.insertPlainText("办得很热闹"))  # type: ignore[attr-defined]
    keys.press(page.view, Qt.Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: services.notes.get(note).answer == "办得很热闹")
    qtbot.waitUntil(lambda: not page.model.index_of_key(key).isValid())
