"""The risk badge of the client list: a red ▲ (one per severity step) painted at the right of
the name cell of a client with an open signal.

A delegate on the name column, so the list's model and its page reads are untouched: the
badges of the whole book are one small read (the open signals' partial index), refreshed
through the runner when a risk change is heard.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from crm.domain.changes import Change, Topic
from crm.domain.risk_badge import badge_text
from crm.ui.clients.model import ClientIdRole
from crm.ui.context import UiContext

_RED = QColor("#dc2626")


class RiskBadgeDelegate(QStyledItemDelegate):
    def __init__(self, ctx: UiContext, table: QTableView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = table
        self.levels: dict[int, int] = {}
        self._asked = False  # the first read waits for the list's first paint
        ctx.notifier.changed.connect(self._on_change)

    def _on_change(self, change: Change) -> None:
        if self._asked and change.touches({Topic.RISK}):
            self.refresh()

    def refresh(self) -> None:
        self._asked = True
        services = self.ctx.services
        # ``services.risks`` is first built on the worker: its modules' imports (~40 ms) stay
        # off the GUI thread, whose first seconds the officer may be typing a search in.
        self.ctx.runner.run(lambda: services.risks.badges(), self._set, owner=self, latest=self)

    def _set(self, levels: dict[int, int]) -> None:
        self.levels = levels
        self.table.viewport().update()

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if not self._asked:  # after this paint: start-up paints first, then reads badges
            self._asked = True
            QTimer.singleShot(0, self, self.refresh)
        cid = index.data(ClientIdRole) if self.levels else None
        level = self.levels.get(cid) if isinstance(cid, int) else None
        if not level:
            super().paint(painter, option, index)
            return
        badge = badge_text(level)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        room = opt.fontMetrics.horizontalAdvance(badge) + 10
        rect = opt.rect
        # The name gives way (elided) to the badge; the row's background stays whole.
        opt.text = opt.fontMetrics.elidedText(
            opt.text,
            Qt.TextElideMode.ElideRight,
            max(0, rect.width() - room),
        )
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        painter.save()
        painter.setPen(_RED)
        painter.drawText(
            rect.adjusted(0, 0, -4, 0),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            badge,
        )
        painter.restore()
