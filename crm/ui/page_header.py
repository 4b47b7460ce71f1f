"""The first row of a sidebar page: its title, a summary that takes the free space, then the
page's own controls (check boxes, buttons), and an optional hint underneath."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

TITLE_STYLE = "font-size: 17px; font-weight: 600;"
HINT_STYLE = "color: #6b7280;"


class PageHeader(QWidget):
    def __init__(
        self,
        title: str,
        *controls: QWidget,
        hint: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = QLabel(title)
        self.title.setStyleSheet(TITLE_STYLE)
        #: What the page shows in a few words ("12 open, 3 overdue"); empty by default.
        self.summary = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.title)
        row.addWidget(self.summary, 1)
        for control in controls:
            row.addWidget(control)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        self.hint = QLabel(hint, self)  # parented first: a hint shown parentless is a window
        self.hint.setStyleSheet(HINT_STYLE)
        self.hint.setWordWrap(True)
        self.hint.setVisible(bool(hint))
        layout.addWidget(self.hint)

    def set_summary(self, text: str) -> None:
        self.summary.setText(text)
