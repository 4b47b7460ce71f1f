"""Prism's own small always-on-top notice, for platforms without a system tray.

Sits in the bottom-right corner of the screen; clicking a line opens that client (or the Today
view), the cross closes it. It hides itself after a few minutes; the Today view keeps the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from crm.services.reminders.engine import Reminder

MAX_LINES = 5
SHOW_MS = 5 * 60 * 1000


class _Line(QLabel):
    def __init__(self, text: str, on_click: Callable[[], None]) -> None:
        super().__init__(text)
        self._on_click = on_click
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setWordWrap(True)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._on_click()


class Notice(QFrame):
    def __init__(self, open_reminder: Callable[[Reminder | None], None]) -> None:
        super().__init__(
            None,
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint,
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setObjectName("reminderNotice")
        self.setStyleSheet(
            "#reminderNotice { background: #fffbeb; border: 1px solid #f59e0b; "
            "border-radius: 8px; } QLabel { color: #1f2937; }"
            "#noticeTitle { font-weight: 600; font-size: 14px; }"
            "QPushButton { border: none; font-size: 14px; color: #6b7280; }"
        )
        self.setFixedWidth(340)
        self.open_reminder = open_reminder
        self.title = QLabel()
        self.title.setObjectName("noticeTitle")
        close = QPushButton("✕")
        close.setFixedSize(22, 22)
        close.setCursor(Qt.CursorShape.PointingHandCursor)
        close.clicked.connect(self.hide)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(close)
        self.lines = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 10, 12)
        layout.addLayout(top)
        layout.addLayout(self.lines)
        self.reminders: list[Reminder] = []
        self._timer = QTimer(self, singleShot=True, interval=SHOW_MS)
        self._timer.timeout.connect(self.hide)

    def show_reminders(self, reminders: Sequence[Reminder]) -> None:
        self.reminders = list(reminders)
        while self.lines.count():
            item = self.lines.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        tr = QCoreApplication.translate
        self.title.setText(self.tr("Prism reminders ({n})").format(n=len(self.reminders)))
        for r in self.reminders[:MAX_LINES]:
            text = "• " + r.occurrence.title.render(tr)
            self.lines.addWidget(_Line(text, partial(self._open, r)))
        if len(self.reminders) > MAX_LINES:
            more = self.tr("…and {n} more: open Today").format(n=len(self.reminders) - MAX_LINES)
            self.lines.addWidget(_Line(more, lambda: self._open(None)))
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        self._timer.start()

    def _open(self, reminder: Reminder | None) -> None:
        self.hide()
        self.open_reminder(reminder)

    def _place(self) -> None:
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        self.move(area.right() - self.width() - 16, area.bottom() - self.height() - 16)
