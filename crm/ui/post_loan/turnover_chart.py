"""A small bar chart of a client's monthly turnover, painted with QPainter (QtCharts is
deprecated and ships in the 168 MB Addons wheel): one bar a month, the 6-month average as a
dashed line, a month 30%+ under it in red."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from crm.domain.risk import TURNOVER_DROP

_BAR = QColor("#60a5fa")
_LOW = QColor("#dc2626")
_AVG = QColor("#374151")
_TEXT = QColor("#6b7280")


class TurnoverChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.months: list[tuple[str, float]] = []
        self.average: float | None = None
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(360, 130)

    def set_data(self, months: Sequence[tuple[str, Decimal]], average: float | None) -> None:
        self.months = [(m, float(a)) for m, a in months][-12:]  # the last year
        self.average = average
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(4, 4, -4, -18)  # room for the month labels
        if not self.months:
            painter.setPen(_TEXT)
            painter.drawText(
                QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.tr("No turnover yet")
            )
            return
        top = max(max(a for _, a in self.months), self.average or 0) or 1.0
        n = len(self.months)
        slot = rect.width() / n
        width = max(4.0, slot * 0.6)
        font = painter.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() - 2))
        painter.setFont(font)
        for i, (month, amount) in enumerate(self.months):
            height = rect.height() * amount / top
            x = rect.left() + i * slot + (slot - width) / 2
            low = self.average is not None and amount <= self.average * (1 - TURNOVER_DROP)
            painter.fillRect(
                QRectF(x, rect.bottom() - height, width, height), _LOW if low else _BAR
            )
            painter.setPen(_TEXT)
            label = QRectF(rect.left() + i * slot, rect.bottom() + 2, slot, 14)
            painter.drawText(label, Qt.AlignmentFlag.AlignHCenter, month[5:])
        if self.average:
            y = rect.bottom() - rect.height() * self.average / top
            pen = QPen(_AVG, 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(int(rect.left()), int(y), int(rect.right()), int(y))
