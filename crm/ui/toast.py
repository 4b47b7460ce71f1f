"""A brief message at the bottom of a window, with an optional action (Undo)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


def shorten(text: str, size: int = 24) -> str:
    """``text`` cut to fit in a toast line (``size`` characters, the last an ellipsis)."""
    return text if len(text) <= size else text[: size - 1] + "…"


class Toast(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("toast")
        self.setStyleSheet(
            "#toast { background: #1f2937; border-radius: 6px; }"
            "#toast QLabel { color: white; }"
            "#toast QPushButton { color: #93c5fd; border: none; font-weight: 600; }"
        )
        self.label = QLabel()
        self.action = QPushButton()
        self.action.setCursor(Qt.CursorShape.PointingHandCursor)
        self.action.clicked.connect(self._act)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 10, 8)
        layout.addWidget(self.label)
        layout.addWidget(self.action)
        self._callback: Callable[[], None] | None = None
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.hide)
        parent.installEventFilter(self)
        self.hide()

    def show_message(
        self,
        text: str,
        action: str | None = None,
        callback: Callable[[], None] | None = None,
        msec: int = 8000,
    ) -> None:
        self.label.setText(text)
        self.action.setVisible(action is not None)
        self.action.setText(action or "")
        self._callback = callback
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        self._timer.start(msec)

    def _act(self) -> None:
        callback, self._callback = self._callback, None
        self.hide()
        if callback is not None:
            callback()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.move((parent.width() - self.width()) // 2, parent.height() - self.height() - 24)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
