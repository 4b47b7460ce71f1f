"""Every dialog about a client names that client, in its title and at its top (issue 10)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from crm.ui.clients.dialog import ClientDialog
from crm.ui.clients.naming import HEADER_NAME
from tests.helpers import draft


def _seen_when_open(qtbot, open_dialog) -> tuple[str, str]:
    """Run a modal form, note its title and top line once the name is in, then cancel it."""
    seen: list[tuple[str, str]] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, look)
            return
        header = dialog.findChild(QLabel, HEADER_NAME)
        if header is None or not header.text():
            QTimer.singleShot(20, look)  # the name is read through the runner
            return
        seen.append((dialog.windowTitle(), header.text()))
        dialog.reject()

    QTimer.singleShot(0, look)
    open_dialog()
    assert seen
    return seen[0]


def test_relationship_forms_name_the_client(qtbot, clients, main_window) -> None:
    cid = clients.add(draft("欧阳娜娜"))
    kit = main_window.relationship.kit
    for open_form in (kit.log_contact, kit.make_promise, kit.add_note):
        title, top = _seen_when_open(qtbot, lambda f=open_form: f(cid, main_window))
        assert title.endswith("— 欧阳娜娜") and top == "欧阳娜娜"


def test_edit_client_names_the_client(qtbot, clients, ui_ctx) -> None:
    cid = clients.add(draft("端木蓉"))
    dialog = ClientDialog(ui_ctx, clients.get(cid))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle().endswith("— 端木蓉")
    assert dialog.findChild(QLabel, HEADER_NAME).text() == "端木蓉"
