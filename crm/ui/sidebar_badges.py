"""The sidebar's count badges (今日 24): Qt's item, plus a rounded count on its right.

A module of its own, loaded with the first count (after the first paint): the painter's, the
font's and the style options' Python types are made only then.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from crm.ui.sidebar import BadgeRole


class BadgeDelegate(QStyledItemDelegate):
    """The item as Qt draws it, plus a rounded count on its right when it has one."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        count = index.data(BadgeRole)
        if not count:
            return
        text = str(count) if count < 1000 else "999+"
        painter.save()
        font = QFont(option.font)
        font.setPointSizeF(max(font.pointSizeF() - 1, 7))
        font.setBold(True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        height = metrics.height() + 2
        width = max(height, metrics.horizontalAdvance(text) + 10)
        cell: QRect = option.rect
        pill = QRect(cell.right() - width - 8, cell.center().y() - height // 2, width, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#2563eb"))
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(QColor("white"))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
