"""A loan's status drawn as a coloured pill in its table cell."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from crm.domain.loan_status import LoanStatus
from crm.ui.loans.loans_model import STATUS_ROLE
from crm.ui.loans.look import STATUS_COLOURS

Index = QModelIndex | QPersistentModelIndex
_PAD_X, _PAD_Y, _MARGIN = 8, 1, 4
_STATUSES = {s.value for s in LoanStatus}


class StatusBadgeDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        value = index.data(STATUS_ROLE)
        if value not in _STATUSES:
            super().paint(painter, option, index)
            return
        status = LoanStatus(value)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        # The cell itself first: selection and the overdue row's tint stay visible around it.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        background, foreground = STATUS_COLOURS[status]
        metrics = opt.fontMetrics
        rect: QRect = opt.rect
        height = min(metrics.height() + 2 * _PAD_Y, rect.height() - 2)
        width = min(metrics.horizontalAdvance(text) + 2 * _PAD_X, rect.width() - 2 * _MARGIN)
        pill = QRect(rect.x() + _MARGIN, rect.center().y() - height // 2 + 1, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(QColor(foreground))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 2 * _PAD_X, size.height())
