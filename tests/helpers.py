"""Small builders shared by tests (fixtures live in conftest.py)."""

from __future__ import annotations

from crm.domain.client_form import ClientDraft


def draft(name: str = "张伟", **fields: object) -> ClientDraft:
    """A client form as typed, for tests: ``draft("曾国藩", phones=["13812345678"])``."""
    d = ClientDraft(name=name)
    for key, value in fields.items():
        setattr(d, key, value)
    return d


def type_text(widget: object, text: str) -> None:
    """Type any text, Chinese included, as key presses carrying that text (like an IME commit).

    ``qtbot.keyClicks`` maps characters to key codes and aborts on non-ASCII ones.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)  # type: ignore[arg-type]
