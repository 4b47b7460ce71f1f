"""The Risks section: every open risk signal, worst first, then the oldest; below them the
loans whose post-loan checks are late. Double-click a row to open the client.

Reads through the runner (open signals read a small partial index; late checks one query);
follows risk, loan, check and client changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from crm.domain.changes import Topic
from crm.services.facade import Services
from crm.services.risks import SignalRow
from crm.ui.book_page import BookPage
from crm.ui.context import UiContext
from crm.ui.i18n import render
from crm.ui.page_header import PageHeader
from crm.ui.tables import read_only_table

#: Late-check rows listed at most (the most overdue first): a list, not a report.
LATE_ROWS = 200


@dataclass(frozen=True)
class LateLoan:
    loan_id: int
    client_id: int
    client_name: str
    product: str
    since: dt.date


@dataclass(frozen=True)
class RisksData:
    signals: list[SignalRow]
    late: list[LateLoan]
    late_total: int


def read_risks(services: Services) -> RisksData:
    signals = services.risks.open()
    # A loan has up to three checks: three times the rows shown holds the loans to show.
    rows = services.post_loan.due(services.clock.today() - dt.timedelta(days=1), LATE_ROWS * 3)
    late: dict[int, LateLoan] = {}
    for loan_id, cid, product, name, _kind, due in rows:  # most overdue first
        if loan_id not in late:
            late[loan_id] = LateLoan(loan_id, cid, name, product, dt.date.fromisoformat(due))
    return RisksData(signals, list(late.values())[:LATE_ROWS], services.post_loan.late_count())


class RisksPage(BookPage):
    topics = frozenset({Topic.RISK, Topic.LOAN, Topic.POST_LOAN_CHECK, Topic.CLIENT})

    def __init__(
        self, ctx: UiContext, open_client: Callable[[int], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx.notifier, parent)
        self.ctx = ctx
        self.open_client = open_client
        self.client_ids: list[int] = []
        self.detect_button = QPushButton(self.tr("Check for signals now"))
        self.detect_button.clicked.connect(self.detect)
        self.header = PageHeader(
            self.tr("Risks"),
            self.detect_button,
            hint=self.tr(
                "Open risk signals, the worst first, then loans whose post-loan checks are "
                "late. Double-click to open the client; close a signal from their 贷后 tab."
            ),
        )
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("▲"), self.tr("Client"), self.tr("Signal"), self.tr("Since"), self.tr("Note")]
        )
        self.table = read_only_table(self.model, name="risksTable")
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for col, width in enumerate((50, 120, 260, 100)):
            header.resizeSection(col, width)
        self.table.doubleClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        services = self.ctx.services
        self.fetch(self.ctx.runner, lambda: read_risks(services), self._show)

    def detect(self) -> None:
        risks = self.ctx.services.risks
        self.detect_button.setEnabled(False)
        self.ctx.runner.run(
            risks.detect, lambda _ids: self.detect_button.setEnabled(True), owner=self
        )

    def _show(self, data: RisksData) -> None:
        self.model.removeRows(0, self.model.rowCount())
        self.client_ids = []
        for s in data.signals:
            cells = [
                "▲" * s.severity,
                s.client_name,
                render(s.kind.label),
                s.opened_on.isoformat(),
                s.note,
            ]
            items = [QStandardItem(c) for c in cells]
            if s.severity >= 3:
                for item in items:
                    item.setForeground(Qt.GlobalColor.darkRed)
            items[0].setForeground(Qt.GlobalColor.red)
            self.model.appendRow(items)
            self.client_ids.append(s.client_id)
        for late in data.late:
            cells = [
                "⏰",
                late.client_name,
                self.tr("Post-loan check late"),
                late.since.isoformat(),
                f"#{late.loan_id} {late.product}",
            ]
            self.model.appendRow([QStandardItem(c) for c in cells])
            self.client_ids.append(late.client_id)
        clients = len({s.client_id for s in data.signals})
        self.header.set_summary(
            self.tr("{n} open signals on {clients} clients · {late} loans with late checks").format(
                n=len(data.signals), clients=clients, late=data.late_total
            )
        )

    def _open(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.client_ids):
            self.open_client(self.client_ids[index.row()])
