"""One tile per figure: its title, value and what was counted; the definition as tooltip.

A click selects the tile (the chart below shows its twelve months); its "Clients…" link
opens the clients behind the number. A figure the book does not record yet is greyed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from crm.domain.stats import Figure, FigureDef, Unit, ratio_text, value_text
from crm.ui.i18n import render

_STYLE = (
    "#tile { background: white; border: 1px solid #e5e7eb; border-radius: 6px; }"
    "#tile[selected='true'] { border: 2px solid #3b82f6; }"
    "#tile[available='false'] { background: #f9fafb; }"
)


class FigureTile(QFrame):
    selected = Signal(str)  # figure key
    clients_requested = Signal(str)  # figure key

    def __init__(self, definition: FigureDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.definition = definition
        self.figure: Figure | None = None
        self.setObjectName("tile")
        self.setStyleSheet(_STYLE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.title = QLabel(render(definition.title))
        self.title.setWordWrap(True)
        self.title.setStyleSheet("color: #4b5563; font-size: 12px;")
        self.value = QLabel("…")
        self.value.setStyleSheet("font-size: 22px; font-weight: bold; color: #111827;")
        self.counted = QLabel("")
        self.counted.setStyleSheet("color: #6b7280; font-size: 11px;")
        self.counted.setWordWrap(True)
        clients = self.tr("Clients…")
        self.link = QLabel(f'<a href="clients">{clients}</a>')
        self.link.setStyleSheet("font-size: 11px;")
        self.link.linkActivated.connect(lambda _href: self.clients_requested.emit(self.key))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(1)
        for w in (self.title, self.value, self.counted, self.link):
            layout.addWidget(w)
        layout.addStretch(1)  # a tile without its link keeps its lines where the others have them
        self.setToolTip(f"<p>{render(definition.definition)}</p>")
        self.setFixedHeight(118)

    @property
    def key(self) -> str:
        return self.definition.key

    def show_figure(self, figure: Figure | None) -> None:
        """The period's figure; None while it loads."""
        self.figure = figure
        if figure is None:
            self.value.setText("…")
            self.counted.setText("")
            return
        self.setProperty("available", "true" if figure.available else "false")
        self.value.setText(value_text(figure))
        if not figure.available:
            self.counted.setText(self.tr("Not available yet"))
        elif figure.parts:
            self.counted.setText(", ".join(f"{render(m)} {n}" for m, n in figure.parts))
        elif figure.unit is Unit.DAYS:
            loans = f"{int(figure.denominator or 0):,}"
            self.counted.setText(self.tr("days on average; loans: %1").replace("%1", loans))
        else:
            self.counted.setText(ratio_text(figure))
        self.value.setStyleSheet(
            "font-size: 22px; font-weight: bold; color: "
            + ("#111827;" if figure.available else "#9ca3af;")
        )
        self.link.setVisible(figure.available)
        self.style().unpolish(self)
        self.style().polish(self)

    def set_selected(self, on: bool) -> None:
        self.setProperty("selected", "true" if on else "false")
        self.style().unpolish(self)
        self.style().polish(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.selected.emit(self.key)
        super().mousePressEvent(event)
