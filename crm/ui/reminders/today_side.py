"""Beside the Today list: what the selected reminder is about, the actions on it, and that
client's brief (the client pane's Brief tab, the same widget and service), so the daily loop
happens on one screen: pick a reminder, read, call, log, promise, done."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from crm.ui.relationship.brief_tab import BriefTab
    from crm.ui.relationship.kit import RelationshipKit


#: Pixels added to a menu button's width so the arrow in its corner does not cover its text.
MENU_ARROW_ROOM = 6


class ReminderSide(QWidget):
    """A title, a row of action buttons, and below them the brief or a line saying what to do."""

    def __init__(
        self,
        actions: list[QWidget],
        kit: Callable[[], RelationshipKit] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("todaySide")
        self._kit = kit
        self._brief: BriefTab | None = None
        self.title = QLabel()
        self.title.setObjectName("todaySideTitle")
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel()
        self.hint.setObjectName("todaySideHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #6b7280;")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.hint)
        # A tool bar, not a row of buttons: on a narrow window the ones that do not fit move
        # behind its » menu instead of holding the whole window wide.
        self.bar = QToolBar()
        self.bar.setObjectName("todayActions")
        self.bar.setStyleSheet("QToolBar { border: none; spacing: 6px; }")
        for w in actions:
            self.bar.addWidget(w)
            if isinstance(w, QToolButton):
                w.setAutoRaise(False)  # a button among buttons, not a flat tool
                if w.menu() is not None:  # room for its menu arrow, drawn in the corner
                    w.setMinimumWidth(w.sizeHint().width() + MENU_ARROW_ROOM)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.bar)
        layout.addWidget(self.stack, 1)

    @property
    def brief(self) -> BriefTab | None:
        """The brief, once a client was shown (built then: its module loads on first use)."""
        return self._brief

    def show_client(self, client_id: int, title: str) -> None:
        self.title.setText(title)
        brief = self._ensure_brief()
        if brief is None:
            self.show_hint(title, "")
            return
        if brief.client_id != client_id:
            brief.set_client(client_id)
        self.stack.setCurrentWidget(brief)

    def show_hint(self, title: str, hint: str) -> None:
        self.title.setText(title)
        self.hint.setText(hint)
        self.stack.setCurrentWidget(self.hint)

    def _ensure_brief(self) -> BriefTab | None:
        if self._brief is None and self._kit is not None:
            from crm.ui.relationship.brief_tab import BriefTab

            brief = BriefTab(self._kit())
            brief.setObjectName("todayBrief")
            # The list's own buttons log and promise; the brief keeps notes, sharing, copy.
            brief.log_button.hide()
            brief.promise_button.hide()
            self.stack.addWidget(brief)
            self._brief = brief
        return self._brief
