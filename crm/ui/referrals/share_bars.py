"""How the book came to the officer: one bar per source, referral first in colour."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from crm.domain.referrals import NOT_RECORDED, ReferralSource
from crm.services.referrals import SourceShare

ROW = 30
LABEL_WIDTH = 90
TEXT_WIDTH = 110


class ShareBars(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shareBars")
        self.shares: list[SourceShare] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_shares(self, shares: list[SourceShare]) -> None:
        self.shares = shares
        self.setFixedHeight(max(ROW, ROW * len(shares)) + 8)
        self.update()

    def label(self, share: SourceShare) -> str:
        msg = share.source.label if share.source else NOT_RECORDED
        return msg.render(QCoreApplication.translate)

    def sizeHint(self) -> QSize:
        return QSize(360, ROW * max(1, len(self.shares)) + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(LABEL_WIDTH + TEXT_WIDTH + 40, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = max(40, self.width() - LABEL_WIDTH - TEXT_WIDTH - 16)
        top = max((s.share for s in self.shares), default=1.0) or 1.0
        for i, s in enumerate(self.shares):
            y = 4 + i * ROW
            p.setPen(QColor("#111827"))
            p.drawText(
                QRectF(0, y, LABEL_WIDTH - 8, ROW - 6),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                self.label(s),
            )
            referral = s.source is ReferralSource.REFERRAL
            colour = QColor("#7c3aed" if referral else "#60a5fa" if s.source else "#d1d5db")
            bar = QRectF(LABEL_WIDTH, y + 4, max(2.0, width * s.share / top), ROW - 14)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawRoundedRect(bar, 3, 3)
            p.setPen(QColor("#374151"))
            p.drawText(
                QRectF(bar.right() + 6, y, TEXT_WIDTH, ROW - 6),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                f"{s.share:.0%}  ({s.clients:,})",
            )
        p.end()
