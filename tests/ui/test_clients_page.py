"""The real main window, driven as the officer would: type, click, press keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from crm.services.clients import ClientService
from crm.ui.clients.dialog import ClientDialog
from crm.ui.clients.model import COL_NAME, COL_PHONE, ClientTableModel
from tests.helpers import draft, type_text


def visible_names(window) -> list[str]:
    model = window.clients.model
    return [model.index(r, COL_NAME).data() for r in range(model.rowCount())]


def wait_names(qtbot, window, expected: list[str]) -> None:
    qtbot.waitUntil(lambda: visible_names(window) == expected, timeout=3000)


def test_search_as_you_type(qtbot, clients: ClientService, main_window) -> None:
    for name in ("张伟", "李娜", "曾国藩", "张伟华"):
        clients.add(draft(name, phones=["13812345678"] if name == "李娜" else []))
    wait_names(qtbot, main_window, ["李娜", "曾国藩", "张伟", "张伟华"])
    search = main_window.clients.search
    qtbot.keyClicks(search, "zw")
    wait_names(qtbot, main_window, ["张伟", "张伟华"])
    search.clear()
    qtbot.keyClicks(search, "5678")
    wait_names(qtbot, main_window, ["李娜"])
    search.clear()
    qtbot.keyClicks(search, "zeng")
    wait_names(qtbot, main_window, ["曾国藩"])
    assert "1" in main_window.clients.count_label.text()


def test_phones_masked_until_revealed(qtbot, clients: ClientService, main_window) -> None:
    clients.add(draft("李娜", phones=["13812345678"], id_number="11010519491231002X"))
    wait_names(qtbot, main_window, ["李娜"])
    page = main_window.clients
    assert page.model.index(0, COL_PHONE).data() == "138****5678"
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.pane.shown_id is not None)
    id_label = page.pane.fields["id_number"]
    assert id_label.text() == "110105********002X"
    page.pane.reveal.click()
    assert id_label.text() == "11010519491231002X"
    assert page.pane.fields["phones"].text() == "13812345678"
    main_window.reveal_action.trigger()
    assert page.model.index(0, COL_PHONE).data() == "13812345678"


def test_add_client_through_the_dialog(qtbot, clients: ClientService, main_window) -> None:
    dialog = ClientDialog(main_window.ctx, None, [], main_window)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()  # a name is required
    type_text(dialog.name, "王芳")
    qtbot.keyClicks(dialog.phones, "139 1234 5678")
    type_text(dialog.tags, "老客户")
    qtbot.waitUntil(dialog.save_button.isEnabled)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    wait_names(qtbot, main_window, ["王芳"])
    assert clients.get(dialog.saved_id).draft.phones == ["13912345678"]


def test_invalid_phone_says_why_and_keeps_the_input(qtbot, clients: ClientService, ui_ctx) -> None:
    dialog = ClientDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.name, "王芳")
    qtbot.keyClicks(dialog.phones, "1391234")
    qtbot.waitUntil(lambda: "11 digits" in dialog.field_error("phone"))
    assert "11 digits" in dialog.status_line.text()
    assert not dialog.save_button.isEnabled()
    dialog.save()  # even forced, nothing is written and nothing typed is lost
    assert dialog.isVisible() or dialog.result() != dialog.DialogCode.Accepted
    assert dialog.name.text() == "王芳" and dialog.phones.text() == "1391234"
    assert clients.book.reader().execute("SELECT count(*) FROM client").fetchone()[0] == 0
    qtbot.keyClicks(dialog.phones, "5678")
    qtbot.waitUntil(lambda: not dialog.field_error("phone"))
    assert dialog.save_button.isEnabled()


def test_id_number_offers_birthday_and_gender(qtbot, clients: ClientService, ui_ctx) -> None:
    dialog = ClientDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.name, "李娜")
    qtbot.keyClicks(dialog.id_number, "11010519491231002X")
    qtbot.waitUntil(dialog.from_id.isVisible)
    dialog.from_id.click()
    b = dialog.birthday.value()
    assert b is not None and (b.year, b.month, b.day) == (1949, 12, 31)
    assert dialog.gender.currentData() == "female"
    assert not dialog.from_id.isVisible()


def test_edit_keeps_fields(qtbot, clients: ClientService, ui_ctx) -> None:
    cid = clients.add(draft("李娜", phones=["13812345678", "010-12345678"], tags=["VIP"]))
    dialog = ClientDialog(ui_ctx, clients.get(cid))
    qtbot.addWidget(dialog)
    assert dialog.phones.text() == "13812345678, 01012345678"
    assert dialog.save_button.isEnabled()
    dialog.address.setText("北京市朝阳区")
    dialog.save()
    assert clients.get(cid).draft.address == "北京市朝阳区"
    assert clients.get(cid).draft.tags == ["VIP"]


def test_archive_with_delete_key_and_undo(qtbot, clients: ClientService, main_window) -> None:
    for name in ("甲", "乙"):
        clients.add(draft(name))
    wait_names(qtbot, main_window, ["甲", "乙"])
    page = main_window.clients
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    wait_names(qtbot, main_window, ["乙"])
    assert page.toast.isVisible() and "甲" in page.toast.label.text()
    qtbot.keyClick(main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_names(qtbot, main_window, ["甲", "乙"])
    # and from the toast's button
    page.table.selectRow(1)
    page.archive_selected()
    wait_names(qtbot, main_window, ["甲"])
    page.toast.action.click()
    wait_names(qtbot, main_window, ["甲", "乙"])


def test_archived_filter_restores(qtbot, clients: ClientService, main_window) -> None:
    cid = clients.add(draft("甲"))
    clients.archive([cid])
    page = main_window.clients
    page.archived.setChecked(True)
    wait_names(qtbot, main_window, ["甲"])
    page.table.selectRow(0)
    page.archive_selected()  # Del in the archive restores
    wait_names(qtbot, main_window, [])
    page.archived.setChecked(False)
    wait_names(qtbot, main_window, ["甲"])


def test_keyboard_ctrl_f_and_enter_opens(
    qtbot, clients: ClientService, main_window, monkeypatch
) -> None:
    clients.add(draft("甲"))
    wait_names(qtbot, main_window, ["甲"])
    page = main_window.clients
    page.table.setFocus()
    qtbot.keyClick(main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search
    opened = []
    monkeypatch.setattr(page, "edit_client", opened.append)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # Enter in search goes to the first row
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.keyClick(page.table, Qt.Key.Key_Enter)  # the keypad's
    assert opened == [page.model.client_id(0)] * 2


def test_filters_and_sorting(qtbot, clients: ClientService, main_window) -> None:
    from crm.domain.enums import ClientStatus

    clients.add(draft("甲", status=ClientStatus.BORROWER, tags=["A"]))
    clients.add(draft("乙", status=ClientStatus.PROSPECT, tags=["A", "B"]))
    clients.add(draft("丙", status=ClientStatus.BORROWER))
    wait_names(qtbot, main_window, ["丙", "甲", "乙"])
    page = main_window.clients
    page.status_filter.setCurrentIndex(page.status_filter.findData("borrower"))
    wait_names(qtbot, main_window, ["丙", "甲"])
    page.status_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.tag_filter.findData("B") > 0)
    page.tag_filter.setCurrentIndex(page.tag_filter.findData("B"))
    wait_names(qtbot, main_window, ["乙"])
    page.tag_filter.setCurrentIndex(0)
    page.table.horizontalHeader().setSortIndicator(COL_NAME, Qt.SortOrder.DescendingOrder)
    wait_names(qtbot, main_window, ["乙", "甲", "丙"])


def test_layout_is_remembered(qtbot, ui_ctx) -> None:
    from crm.ui.app import build_window

    first = build_window(ui_ctx)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)  # the offscreen screen is 800x600
    first.clients.table.horizontalHeader().resizeSection(COL_NAME, 222)
    first.close()
    second = build_window(ui_ctx)
    qtbot.addWidget(second)
    assert second.size().width() == 700
    assert second.clients.table.horizontalHeader().sectionSize(COL_NAME) == 222


def test_model_passes_qt_model_tester(qtmodeltester, clients: ClientService) -> None:
    from crm.services.client_query import ClientFilter, ClientQuery

    for i in range(250):
        clients.add(draft(f"客户{i}", phones=[f"138{i:08d}"]))
    query = ClientQuery(clients.book)  # the model's own reader: the page hands in its query
    model = ClientTableModel(query.rows)
    model.set_ids(query.ids(ClientFilter()))
    qtmodeltester.check(model)
    assert model.rowCount() == 250
    assert model.index(249, COL_NAME).data()  # a later page loads on demand


def test_locked_book_keeps_the_dialog_input(
    qtbot, clients: ClientService, ui_ctx, monkeypatch
) -> None:
    import sqlite3

    import crm.store.book as store_book

    monkeypatch.setattr(store_book, "BUSY_TIMEOUT_MS", 100)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    dialog = ClientDialog(ui_ctx)
    qtbot.addWidget(dialog)
    type_text(dialog.name, "王芳")
    qtbot.waitUntil(dialog.save_button.isEnabled)
    holder = sqlite3.connect(clients.book.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert shown and "busy" in shown[0]
    assert dialog.name.text() == "王芳" and dialog.result() != dialog.DialogCode.Accepted
