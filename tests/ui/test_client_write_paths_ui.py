"""The dialog and undo write a client through the same service methods, side effects included:
search columns, phones and tags, the thank-you, the referrer circle check, who started it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from crm.domain.changes import Change, Initiator, Topic
from crm.domain.enums import ClientKind, ClientStatus
from crm.services.client_query import ClientFilter, ClientQuery
from crm.services.clients import ClientService
from crm.ui.clients.dialog import ClientDialog
from crm.ui.clients.model import COL_NAME
from tests.helpers import draft, type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


def _found(clients: ClientService, text: str) -> list[int]:
    return ClientQuery(clients.book).ids(ClientFilter(text=text))


def _names(window) -> list[str]:
    model = window.clients.model
    return [model.index(r, COL_NAME).data() for r in range(model.rowCount())]


def test_dialog_add_writes_search_columns_phones_and_tags(
    qtbot, clients: ClientService, ui_ctx
) -> None:
    dialog = ClientDialog(ui_ctx)
    qtbot.addWidget(dialog)
    type_text(dialog.name, "曾国藩")
    qtbot.keyClicks(dialog.phones, "13812345678")
    type_text(dialog.tags, "老客户")
    qtbot.waitUntil(dialog.save_button.isEnabled)
    dialog.save()
    cid = dialog.saved_id
    assert cid is not None
    assert _found(clients, "zgf") == [cid] and _found(clients, "5678") == [cid]
    assert _found(clients, "老客户") == [cid]


def test_page_edit_opens_the_form_and_replaces_phones_tags_and_owes_thanks(
    qtbot, clients: ClientService, main_window
) -> None:
    chen = clients.add(draft("陈建国", kind=ClientKind.PARTNER))
    wang = clients.add(draft("王芳", phones=["13912345678"], tags=["老客户"], referred_by_id=chen))
    page = main_window.clients
    qtbot.waitUntil(lambda: page.model.row_of(wang) >= 0)
    seen: list[Change] = []
    clients.book.changes.subscribe(seen.append)
    edited: list[ClientDialog] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ClientDialog):  # still reading the client: look again
            QTimer.singleShot(10, fill)
            return
        edited.append(dialog)
        try:
            dialog.phones.setText("13722223333")
            dialog.tags.setText("经营贷")
            dialog.status.setCurrentIndex(dialog.status.findData(ClientStatus.BORROWER.value))
            dialog.save()
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, fill)
    page.edit_client(wang)
    qtbot.waitUntil(lambda: bool(edited) and not edited[0].isVisible())
    assert edited[0].result() == edited[0].DialogCode.Accepted
    assert edited[0].name.text() == "王芳"  # the form opened on what was read
    detail = clients.get(wang)
    assert detail.draft.phones == ["13722223333"] and detail.draft.tags == ["经营贷"]
    assert _found(clients, "3333") == [wang] and _found(clients, "5678") == []
    thanks = clients.book.reader().execute("SELECT referrer_id, referred_id FROM referral_thanks")
    assert thanks.fetchall() == [(chen, wang)]
    assert seen[-1].topics == {Topic.CLIENT, Topic.REFERRAL_THANKS}
    assert seen[-1].initiator is Initiator.USER


def test_dialog_refuses_a_referrer_circle_and_keeps_the_form(
    qtbot, clients: ClientService, ui_ctx
) -> None:
    chen = clients.add(draft("陈建国"))
    li = clients.add(draft("李明", referred_by_id=chen))
    dialog = ClientDialog(ui_ctx, clients.get(chen))
    qtbot.addWidget(dialog)
    dialog.referred_by.set_client(li)
    qtbot.waitUntil(lambda: bool(dialog.field_error("referred_by")))
    assert "李明 cannot have referred 陈建国" in dialog.field_error("referred_by")
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert clients.get(chen).draft.referred_by_id is None


def test_archive_then_undo_and_redo_say_who_started_them(
    qtbot, clients: ClientService, main_window
) -> None:
    a = clients.add(draft("甲"))
    clients.add(draft("乙"))
    qtbot.waitUntil(lambda: _names(main_window) == ["甲", "乙"])
    seen: list[Change] = []
    clients.book.changes.subscribe(seen.append)
    page = main_window.clients
    page.table.selectRow(0)
    page.archive_selected()
    qtbot.waitUntil(lambda: _names(main_window) == ["乙"])
    qtbot.keyClick(main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _names(main_window) == ["甲", "乙"])
    page.undo_stack.redo()
    qtbot.waitUntil(lambda: _names(main_window) == ["乙"])
    assert [(c.initiator, set(c.client_ids)) for c in seen] == [
        (Initiator.USER, {a}),
        (Initiator.UNDO, {a}),
        (Initiator.UNDO, {a}),
    ]
    assert clients.get(a).archived_at is not None


def test_archiving_many_runs_off_the_gui_thread(qtbot, clients: ClientService, main_window) -> None:
    import threading

    for i in range(30):
        clients.add(draft(f"客户{i:02d}"))
    page = main_window.clients
    qtbot.waitUntil(lambda: page.model.rowCount() == 30)
    threads: list[str] = []
    clients.book.changes.subscribe(lambda _c: threads.append(threading.current_thread().name))
    page.table.selectAll()
    page.archive_selected()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert threads and threads[0] != threading.main_thread().name
    assert "客户00" in page.toast.label.text()
