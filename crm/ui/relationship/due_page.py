"""The "Due for contact" page: who has not heard from the officer for longer than their
cadence, ranked: borrowers and applicants first, then the most overdue for their cadence; the
clients never contacted in a group of their own. Its count is Today's keep-in-touch count."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QHeaderView, QPushButton, QTabBar, QVBoxLayout

from crm.domain.changes import Topic
from crm.services.cadence import DueClient, RankedDue
from crm.ui.page_header import PageHeader
from crm.ui.relationship.models import DueModel
from crm.ui.relationship.views import ListPage

#: Rows shown per group; the officer works from the top, and 100,000 rows help nobody.
SHOWN = 500
TOPICS = frozenset({Topic.CLIENT, Topic.INTERACTION, Topic.NOTE, Topic.CADENCE})
CONTACTED, NEVER = 0, 1


@dataclass(frozen=True)
class DueList:
    ranked: RankedDue
    points: dict[int, list[str]]  # open talking points by client

    @property
    def rows(self) -> list[DueClient]:
        return self.ranked.contacted

    @property
    def total(self) -> int:
        return self.ranked.total


class DuePage(ListPage):
    topics = TOPICS

    model_class = DueModel

    def build(self) -> None:
        self.table.setObjectName("dueTable")
        header = self.table.horizontalHeader()
        for col, width in enumerate((150, 80, 90, 70, 80)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.log_button = QPushButton(self.tr("Log contact…"))
        self.open_button = QPushButton(self.tr("Open client"))
        self.lay_out(
            PageHeader(
                self.tr("Due for contact"),
                self.log_button,
                self.open_button,
                hint=self._order_hint(),
            )
        )
        self.groups = QTabBar()
        self.groups.setObjectName("dueGroups")
        self.groups.setExpanding(False)
        self.groups.addTab("")
        self.groups.addTab("")
        self.groups.currentChanged.connect(lambda _i: self._fill())
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.groups)
        self.summary = self.header.summary
        self.summary.setObjectName("dueSummary")
        self.log_button.clicked.connect(self.log_contact)
        self.open_button.clicked.connect(self.open_current)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self._due: DueList | None = None
        self._chosen = False  # the officer picked a group: keep it

    def reload(self) -> None:
        services, today = self.kit.ctx.services, self.kit.today

        def read() -> DueList:
            ranked = services.cadence.ranked_due(today, limit=SHOWN)
            ids = [r.client_id for r in ranked.contacted + ranked.never]
            return DueList(ranked, services.notes.talking_points_by_client(ids))

        self.fetch(self.kit.ctx.runner, read, self._show)

    def _show(self, due: DueList) -> None:
        self._due = due
        ranked = due.ranked
        self.groups.setTabText(
            CONTACTED, self.tr("Contacted before ({n})").format(n=f"{ranked.contacted_total:,}")
        )
        self.groups.setTabText(
            NEVER, self.tr("Never contacted ({n})").format(n=f"{ranked.never_total:,}")
        )
        if not self._chosen:
            # Open on the group that has someone in it (the first, unless it is empty).
            empty = not ranked.contacted and ranked.never
            self.groups.blockSignals(True)
            self.groups.setCurrentIndex(NEVER if empty else CONTACTED)
            self.groups.blockSignals(False)
        self._fill()
        self.summary.setText(self.tr("{n} clients are due.").format(n=f"{due.total:,}"))

    def _fill(self) -> None:
        if self._due is None:
            return
        if self.sender() is self.groups:
            self._chosen = True
        ranked = self._due.ranked
        never = self.groups.currentIndex() == NEVER
        rows, total = (
            (ranked.never, ranked.never_total)
            if never
            else (ranked.contacted, ranked.contacted_total)
        )
        assert isinstance(self.model, DueModel)
        self.model.points = self._due.points
        self.model.set_rows(rows)
        if total > len(rows):
            text = self.tr("{n} in this group; the first {shown} are listed.")
            self.header.hint.setText(text.format(n=f"{total:,}", shown=len(rows)))
        else:
            self.header.hint.setText(self._order_hint())

    def _order_hint(self) -> str:
        return self.tr("Borrowers and applicants first, then the most overdue for their cadence.")

    def log_contact(self) -> None:
        row = self.current()
        if row is not None:
            self.kit.log_contact(row.client_id, self)
