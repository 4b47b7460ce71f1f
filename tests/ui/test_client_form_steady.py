"""The client form keeps still and keeps what was typed (issue 10 defects): an error marks its
field and says why in one status line of fixed height, never a row inserted under the field
that would push the next one under the pointer; Esc on a changed form asks first."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from crm.ui.clients.dialog import ClientDialog
from tests.helpers import type_text


def _positions(dialog: ClientDialog) -> dict[str, QPoint]:
    return {key: w.mapTo(dialog, QPoint(0, 0)) for key, w in dialog.fields.items()}


def test_an_error_moves_no_field(qtbot, ui_ctx) -> None:
    dialog = ClientDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before, height = _positions(dialog), dialog.height()
    type_text(dialog.name, "王芳")
    qtbot.keyClicks(dialog.phones, "1391234")
    qtbot.keyClicks(dialog.id_number, "110105194912310021")  # bad check digit: a long message
    qtbot.waitUntil(lambda: bool(dialog.field_error("id_number")))
    assert dialog.field_error("phone")
    # The ID number also offers its birthday: that offer takes no new row either.
    assert _positions(dialog) == before and dialog.height() == height
    line = dialog.status_line
    assert "ID number" in line.text() and "(and 1 more)" in line.text()  # the focused field
    assert line.height() >= line.heightForWidth(line.width())  # the text is not cut
    assert dialog.fields["id_number"].toolTip() == dialog.field_error("id_number")
    assert dialog.name.text() == "王芳" and dialog.phones.text() == "1391234"
    dialog.id_number.clear()
    qtbot.keyClicks(dialog.id_number, "11010519491231002X")
    qtbot.keyClicks(dialog.phones, "5678")
    qtbot.waitUntil(lambda: not dialog.problems)
    assert line.text() == "" and _positions(dialog) == before
    assert dialog.fields["id_number"].toolTip() == ""


def test_escape_on_a_changed_form_asks_first(qtbot, ui_ctx, monkeypatch) -> None:
    dialog = ClientDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    asked: list[bool] = []
    monkeypatch.setattr(dialog, "confirm_discard", lambda: asked.append(True) or False)
    type_text(dialog.name, "王芳")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible() and dialog.name.text() == "王芳"
    monkeypatch.setattr(dialog, "confirm_discard", lambda: True)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Rejected


def test_escape_on_an_untouched_form_just_closes(qtbot, ui_ctx, monkeypatch) -> None:
    dialog = ClientDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    monkeypatch.setattr(dialog, "confirm_discard", lambda: (_ for _ in ()).throw(AssertionError))
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
