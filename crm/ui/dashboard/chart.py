"""A figure's twelve months as bars, painted with QPainter: on the dashboard and into the
self-review's PDF (same painter, so the two look alike).

No QtCharts: one small function that paints into any rectangle of any paint device. Months
with nothing to count (no loan disbursed that month) leave a gap rather than a zero bar.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from crm.domain.stats import Trend, Unit

BAR = QColor("#3b82f6")
LAST_BAR = QColor("#1e3a8a")
GRID = QColor("#e5e7eb")
TEXT = QColor("#374151")
MUTED = QColor("#9ca3af")


def axis_text(value: Decimal, unit: Unit) -> str:
    if unit is Unit.RATE:
        return f"{float(value) * 100:.0f}%"
    if unit is Unit.DAYS:
        return f"{float(value):.0f}"
    return f"{int(value):,}"


def _nice_top(top: float, unit: Unit) -> float:
    """The axis' top: 100% for rates near it, else a round number above the highest bar."""
    if top <= 0:
        return 1.0
    if unit is Unit.RATE:
        for step in (0.05, 0.1, 0.25, 0.5, 1.0):
            if top <= step:
                return step
        return top
    magnitude = 10 ** max(0, len(str(int(top))) - 1)
    for mult in (1, 2, 5, 10):
        if top <= mult * magnitude:
            return float(mult * magnitude)
    return top


def paint_trend(
    painter: QPainter, rect: QRectF, trend: Trend, unit: Unit, title: str, empty: str
) -> None:
    """Paint ``trend`` into ``rect``: the title on top, bars per month, the axis' top and
    zero, month numbers under the bars, the last month's value over its bar."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(painter.font())
    metrics = QFontMetricsF(font)
    line = metrics.height()
    painter.setPen(TEXT)
    bold = QFont(font)
    bold.setBold(True)
    painter.setFont(bold)
    painter.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), line),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        title,
    )
    painter.setFont(font)
    values = [float(v) if v is not None else None for v in trend.values]
    known = [v for v in values if v is not None]
    if not known:
        painter.setPen(MUTED)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, empty)
        painter.restore()
        return
    top = _nice_top(max(known), unit)
    axis_w = metrics.horizontalAdvance(axis_text(Decimal(str(top)), unit)) + line * 0.4
    plot = QRectF(
        rect.left() + axis_w,
        rect.top() + line * 2.2,
        rect.width() - axis_w,
        rect.height() - line * 3.4,
    )
    # Grid: zero, half and top.
    for share in (0.0, 0.5, 1.0):
        y = plot.bottom() - share * plot.height()
        painter.setPen(QPen(GRID, 1))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(rect.left(), y - line / 2, axis_w - line * 0.2, line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            axis_text(Decimal(str(top * share)), unit),
        )
    n = len(values)
    slot = plot.width() / n
    bar_w = slot * 0.62
    for i, (value, month) in enumerate(zip(values, trend.months, strict=True)):
        x = plot.left() + i * slot + (slot - bar_w) / 2
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(plot.left() + i * slot, plot.bottom() + line * 0.15, slot, line),
            Qt.AlignmentFlag.AlignCenter,
            f"{month.start.month}",
        )
        if value is None:
            continue
        h = plot.height() * min(value / top, 1.0)
        last = i == n - 1
        painter.fillRect(QRectF(x, plot.bottom() - h, bar_w, h), LAST_BAR if last else BAR)
        if last:
            painter.setPen(TEXT)
            label = (
                axis_text(Decimal(str(value)), unit)
                if unit is not Unit.RATE
                else (f"{value * 100:.1f}%")
            )
            width = metrics.horizontalAdvance(label) + line
            painter.drawText(
                QRectF(x + bar_w - width, plot.bottom() - h - line * 1.1, width, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
    painter.restore()


def trend_image(
    trend: Trend, unit: Unit, title: str, empty: str, size: QSize, font: QFont, scale: float = 2
) -> QImage:
    """The chart as an image (for the PDF), painted at ``scale`` times ``size`` for print."""
    image = QImage(size * scale, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        painter.setFont(font)
        paint_trend(
            painter, QRectF(4, 4, size.width() - 8, size.height() - 8), trend, unit, title, empty
        )
    finally:
        painter.end()
    return image


class TrendChart(QWidget):
    """The dashboard's chart of the selected figure."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._trend: Trend | None = None
        self._unit = Unit.COUNT
        self._title = ""
        self._empty = self.tr("Nothing counted in these months")

    def show_trend(self, trend: Trend | None, unit: Unit, title: str) -> None:
        self._trend, self._unit, self._title = trend, unit, title
        self.update()

    @property
    def trend(self) -> Trend | None:
        return self._trend

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), Qt.GlobalColor.white)
            rect = QRectF(self.rect()).adjusted(12, 8, -12, -6)
            if self._trend is None:
                painter.setPen(MUTED)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("Loading…"))
                return
            paint_trend(painter, rect, self._trend, self._unit, self._title, self._empty)
        finally:
            painter.end()
