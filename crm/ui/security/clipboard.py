"""Copies of personal data (numbers shown unmasked, a client's brief) leave the clipboard after
30 s, unless something else was copied meanwhile (that is the officer's, not ours to clear)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

CLEAR_AFTER_MS = 30_000


def copy_sensitive(text: str, clear_after_ms: int = CLEAR_AFTER_MS) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(text)

    def clear() -> None:
        board = QGuiApplication.clipboard()
        if board.text() == text:
            board.clear()

    QTimer.singleShot(clear_after_ms, clear)
