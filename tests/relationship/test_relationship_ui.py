"""Relationship memory through the real widgets: the pane tabs, the sidebar pages, Ctrl+L."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from crm.domain.relationship_enums import Channel, TimelineKind
from crm.services.interactions import InteractionDraft
from crm.services.notes import NoteDraft
from tests.helpers import draft


def answer_next_dialog(fill: Callable[[QDialog], None]) -> list[QDialog]:
    """Fill and save the next modal dialog (reject it if filling fails, so no test hangs)."""
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
            dialog.accept()
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)
    return seen


@pytest.fixture
def rel(main_window):
    return main_window.relationship


def _select(qtbot, main_window, client_id: int) -> None:
    page = main_window.clients
    page.select_client(client_id)
    qtbot.waitUntil(lambda: page.pane.client_id == client_id)


def test_flagged_note_shows_in_brief_and_due_list_then_is_asked(
    qtbot,
    main_window,
    rel,
    clients,
    clock,
) -> None:
    cid = clients.add(draft("张伟", form_of_address="张总"))
    _select(qtbot, main_window, cid)
    pane = main_window.clients.pane
    pane.show_tab(rel.notes)

    def fill_note(d: QDialog) -> None:
        d.text.setPlainText("女儿明年六月高考")  # type: ignore[attr-defined]
        d.date.set_value(dt.date(2027, 6, 18))  # type: ignore[attr-defined]
        d.ask.setChecked(True)  # type: ignore[attr-defined]

    answer_next_dialog(fill_note)
    rel.notes.add_button.click()
    qtbot.waitUntil(lambda: rel.notes.model.rowCount() == 1)
    assert rel.notes.model.index(0, 3).data() == "Ask next time"

    pane.show_tab(rel.brief)
    qtbot.waitUntil(lambda: "女儿明年六月高考" in rel.brief.browser.toPlainText())
    assert "张总" in rel.brief.browser.toPlainText()
    assert "女儿明年六月高考 (2027-06-18)" in rel.brief.text()

    clock.advance(days=15)  # a prospect's cadence is 14 days
    main_window.show_section("due")
    qtbot.waitUntil(lambda: rel.due.model.rowCount() == 1)
    assert rel.due.model.index(0, 0).data() == "张伟"
    assert rel.due.model.index(0, 5).data() == "女儿明年六月高考"  # after the status

    main_window.show_section("clients")
    note_id = rel.kit.notes.talking_points(cid)[0].id

    def fill_answer(d: QDialog) -> None:
        d.answer.setPlainText("想考浙大，在冲刺")  # type: ignore[attr-defined]
        d.channel.setCurrentIndex(d.channel.findData(Channel.WECHAT.value))  # type: ignore[attr-defined]

    answer_next_dialog(fill_answer)
    rel.brief.follow_link(QUrl(f"ask:{note_id}"))
    qtbot.waitUntil(lambda: "No open talking points." in rel.brief.browser.toPlainText())
    assert "想考浙大，在冲刺" in rel.brief.browser.toPlainText()  # now the last contact
    main_window.show_section("due")
    qtbot.waitUntil(lambda: rel.due.model.rowCount() == 0)  # the contact reset the clock


def test_promise_goes_overdue_and_is_kept(qtbot, main_window, rel, clients, clock) -> None:
    cid = clients.add(draft("李娜"))
    _select(qtbot, main_window, cid)
    main_window.clients.pane.show_tab(rel.brief)

    def fill_promise(d: QDialog) -> None:
        assert d.due.date().toString("yyyy-MM-dd") == "2026-12-01"  # type: ignore[attr-defined]
        d.text.setPlainText("确认展期政策后回复")  # type: ignore[attr-defined]

    answer_next_dialog(fill_promise)
    rel.brief.promise_button.click()
    qtbot.waitUntil(lambda: "确认展期政策后回复" in rel.brief.browser.toPlainText())

    main_window.show_section("promises")
    qtbot.waitUntil(lambda: rel.promises.model.rowCount() == 1)
    assert rel.promises.model.index(0, 3).data() == ""
    clock.advance(days=5)
    rel.promises.overdue_only.setChecked(True)
    qtbot.waitUntil(lambda: rel.promises.model.rowCount() == 1)
    assert rel.promises.model.index(0, 3).data() == "3 days late"
    colour = rel.promises.model.index(0, 2).data(Qt.ItemDataRole.ForegroundRole)
    assert colour.color().name() == "#b91c1c"

    rel.promises.table.selectRow(0)
    prefilled: list[str] = []  # the summary comes prefilled (read before the form is gone)
    answer_next_dialog(lambda d: prefilled.append(d.summary.toPlainText()))  # type: ignore[attr-defined]
    rel.promises.keep_button.click()
    qtbot.waitUntil(lambda: rel.promises.model.rowCount() == 0)
    assert prefilled == ["Done: 确认展期政策后回复"]
    contacts = rel.kit.interactions.for_client(cid)
    assert [c.summary for c in contacts] == ["Done: 确认展期政策后回复"]


def test_delete_asks_once_and_undo_brings_it_back(
    qtbot,
    main_window,
    rel,
    clients,
    monkeypatch,
) -> None:
    cid = clients.add(draft("王芳"))
    rel.kit.notes.add(cid, NoteDraft("爱钓鱼"))
    iid = rel.kit.interactions.log(cid, InteractionDraft(Channel.PHONE, "电话问候"))
    _select(qtbot, main_window, cid)
    asked: list[str] = []

    def question(*args: object, **_kw: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    pane = main_window.clients.pane
    pane.show_tab(rel.notes)
    qtbot.waitUntil(lambda: rel.notes.model.rowCount() == 1)
    rel.notes.table.selectRow(0)
    rel.notes.delete_button.click()
    assert len(asked) == 1 and "爱钓鱼" in asked[0]
    qtbot.waitUntil(lambda: rel.notes.model.rowCount() == 0)
    toast = main_window.clients.toast
    assert toast.isVisible() and "爱钓鱼" in toast.label.text()
    toast.action.click()  # Undo
    qtbot.waitUntil(lambda: rel.notes.model.rowCount() == 1)

    pane.show_tab(rel.timeline)
    rel.timeline.kind.setCurrentIndex(rel.timeline.kind.findData("interaction"))
    qtbot.waitUntil(lambda: rel.timeline.model.rowCount() == 1)
    rel.timeline.table.selectRow(0)
    rel.timeline.delete_button.click()
    assert len(asked) == 2
    qtbot.waitUntil(lambda: rel.timeline.model.rowCount() == 0)
    assert rel.kit.interactions.for_client(cid) == []
    main_window.clients.undo_stack.undo()  # Edit → Undo (Ctrl+Z)
    qtbot.waitUntil(lambda: rel.timeline.model.rowCount() == 1)
    assert rel.kit.interactions.for_client(cid)[0].id == iid


def test_cancelled_delete_changes_nothing(qtbot, main_window, rel, clients, monkeypatch) -> None:
    cid = clients.add(draft("王芳"))
    note = rel.kit.notes.add(cid, NoteDraft("爱钓鱼"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert rel.kit.delete(TimelineKind.NOTE, note, "爱钓鱼") is False
    assert len(rel.kit.notes.for_client(cid)) == 1


def test_ctrl_l_logs_a_contact_from_the_list(qtbot, main_window, rel, clients) -> None:
    cid = clients.add(draft("赵敏"))
    _select(qtbot, main_window, cid)
    main_window.clients.table.setFocus()

    def fill(d: QDialog) -> None:
        d.summary.setPlainText("电话回访，经营正常")  # type: ignore[attr-defined]

    answer_next_dialog(fill)
    qtbot.keyClick(main_window.clients.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(rel.kit.interactions.for_client(cid)) == 1)
    from crm.ui.clients.model import COL_LAST_CONTACT

    model = main_window.clients.model
    row = model.row_of(cid)
    qtbot.waitUntil(lambda: model.index(row, COL_LAST_CONTACT).data() == "today")


def test_share_a_resource_and_see_who_got_it(qtbot, main_window, rel, clients) -> None:
    from crm.services.resources import ResourceDraft

    cid = clients.add(draft("钱多多"))
    rel.kit.resources.add(ResourceDraft("老周装修队", "装修"))
    _select(qtbot, main_window, cid)
    main_window.clients.pane.show_tab(rel.brief)
    answer_next_dialog(lambda d: d.note.setText("门店翻新"))  # type: ignore[attr-defined]
    rel.brief.share_button.click()
    qtbot.waitUntil(lambda: "老周装修队" in rel.brief.browser.toPlainText())
    main_window.show_section("resources")
    qtbot.waitUntil(lambda: rel.resources.model.rowCount() == 1)
    rel.resources.table.selectRow(0)
    qtbot.waitUntil(lambda: rel.resources.shares.rowCount() == 1)
    assert rel.resources.shares.index(0, 1).data() == "钱多多"


def test_keep_in_touch_settings_page(qtbot, ui_ctx) -> None:
    from crm.ui.relationship.settings_page import KeepInTouchPage

    page = KeepInTouchPage(ui_ctx)
    page.save()  # before the book's values are in: nothing to save
    qtbot.waitUntil(lambda: page.loaded is not None)
    assert page.boxes["borrower"].value() == 30
    page.boxes["borrower"].setValue(45)
    page.save()
    assert ui_ctx.services.cadence.defaults()["borrower"] == 45
    again = KeepInTouchPage(ui_ctx)
    qtbot.waitUntil(lambda: again.loaded is not None)
    assert again.boxes["borrower"].value() == 45


def test_models_pass_qt_model_tester(qtmodeltester, book, clients, clock) -> None:
    from crm.services.cadence import CadenceService
    from crm.services.interactions import InteractionService
    from crm.services.notes import NoteService
    from crm.services.promises import PromiseService
    from crm.services.resources import ResourceDraft, ResourceService
    from crm.services.timeline import TimelineService
    from crm.ui.relationship import models

    cid = clients.add(draft("张伟"))
    notes = NoteService(book, clock)
    notes.add(cid, NoteDraft("高考", ask_next_time=True, event_date=dt.date(2027, 6, 7)))
    InteractionService(book, clock).log(
        cid, InteractionDraft(Channel.VISIT, "上门", next_step="发资料")
    )
    PromiseService(book, clock).make(cid, "回电话", due=dt.date(2026, 11, 1))
    resources = ResourceService(book, clock)
    rid = resources.add(ResourceDraft("王会计", "财税"))
    resources.share(rid, cid)
    filled = [
        (models.NotesModel(), notes.for_client(cid)),
        (models.TimelineModel(), TimelineService(book, clock).for_client(cid)),
        (
            models.DueModel(),
            CadenceService(book, clock).due_for_contact(clock.today() + dt.timedelta(days=20)),
        ),
        (models.PromisesModel(), PromiseService(book, clock).open_promises()),
        (models.ResourcesModel(), resources.all()),
        (models.SharesModel(), resources.shares_of(rid)),
    ]
    for model, rows in filled:
        assert rows
        model.today = clock.today
        model.set_rows(rows)
        qtmodeltester.check(model)
        model.set_rows([])
        qtmodeltester.check(model)


def test_copy_puts_the_fresh_brief_on_the_clipboard(qtbot, main_window, rel, clients) -> None:
    cid = clients.add(draft("孙丽", form_of_address="孙姐"))
    _select(qtbot, main_window, cid)
    main_window.clients.pane.show_tab(rel.brief)
    qtbot.waitUntil(lambda: "孙姐" in rel.brief.browser.toPlainText())
    rel.kit.notes.add(cid, NoteDraft("儿子下个月结婚", ask_next_time=True))
    QApplication.clipboard().clear()
    rel.brief.copy_button.click()  # read afresh, then copied: the new talking point is in it
    qtbot.waitUntil(lambda: "儿子下个月结婚" in QApplication.clipboard().text())
    assert QApplication.clipboard().text().startswith("Address as: 孙姐 (孙丽)")
    assert main_window.clients.toast.isVisible()
