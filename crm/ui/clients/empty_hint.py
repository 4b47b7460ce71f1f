"""What an empty client list says: how to get clients in, or how to see the ones hidden."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel


class EmptyHint(QLabel):
    """A line in the middle of an empty list, telling what to do; hidden once rows show."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view.viewport())
        self.setObjectName("emptyHint")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet("color: #6b7280; font-size: 14px;")
        self._view = view
        view.viewport().installEventFilter(self)
        self.hide()

    def update_for(self, rows: int, filtered: bool) -> None:
        if rows:
            self.hide()
            return
        if filtered:
            self.setText(
                self.tr("No client matches.\nClear the search box or the filters to see everyone.")
            )
        else:
            self.setText(
                self.tr(
                    "No clients yet.\nAdd one with New client (Ctrl+N), or bring a spreadsheet "
                    "in with File → Import clients…"
                )
            )
        self._place()
        self.show()

    def _place(self) -> None:
        self.setGeometry(self._view.viewport().rect().adjusted(24, 24, -24, -24))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        return super().eventFilter(watched, event)
