"""The "Due for contact" page: who has not heard from the officer for longer than their
cadence, most overdue first, with what to ask them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QHeaderView, QPushButton

from crm.domain.changes import Topic
from crm.services.cadence import DueClient
from crm.ui.page_header import PageHeader
from crm.ui.relationship.models import DueModel
from crm.ui.relationship.views import ListPage

#: Rows shown; the officer works from the top, and 100,000 rows help nobody.
SHOWN = 500
TOPICS = frozenset({Topic.CLIENT, Topic.INTERACTION, Topic.NOTE, Topic.CADENCE})


@dataclass(frozen=True)
class DueList:
    rows: list[DueClient]
    total: int  # due in all, listed or not
    points: dict[int, list[str]]  # open talking points by client


class DuePage(ListPage):
    topics = TOPICS

    model_class = DueModel

    def build(self) -> None:
        self.table.setObjectName("dueTable")
        header = self.table.horizontalHeader()
        for col, width in enumerate((150, 90, 70, 80)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.log_button = QPushButton(self.tr("Log contact…"))
        self.open_button = QPushButton(self.tr("Open client"))
        self.lay_out(PageHeader(self.tr("Due for contact"), self.log_button, self.open_button))
        self.summary = self.header.summary
        self.summary.setObjectName("dueSummary")
        self.log_button.clicked.connect(self.log_contact)
        self.open_button.clicked.connect(self.open_current)
        self.table.doubleClicked.connect(lambda _i: self.open_current())

    def reload(self) -> None:
        services, today = self.kit.ctx.services, self.kit.today

        def read() -> DueList:
            rows = services.cadence.due_for_contact(today, limit=SHOWN)
            total = len(rows) if len(rows) < SHOWN else services.cadence.count_due(today)
            points = services.notes.talking_points_by_client([r.client_id for r in rows])
            return DueList(rows, total, points)

        self.fetch(self.kit.ctx.runner, read, self._show)

    def _show(self, due: DueList) -> None:
        assert isinstance(self.model, DueModel)
        self.model.points = due.points
        self.model.set_rows(due.rows)
        if due.total > len(due.rows):
            text = self.tr("{n} clients are due; the {shown} most overdue are listed.")
            self.summary.setText(text.format(n=f"{due.total:,}", shown=len(due.rows)))
        else:
            self.summary.setText(self.tr("{n} clients are due.").format(n=due.total))

    def log_contact(self) -> None:
        row = self.current()
        if row is not None:
            self.kit.log_contact(row.client_id, self)
