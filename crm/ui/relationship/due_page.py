"""The "Due for contact" page: who has not heard from the officer for longer than their
cadence, ranked: borrowers and applicants first, then the most overdue for their cadence; the
clients never contacted in a group of their own. Its count is Today's keep-in-touch count.
A third group lists the post-loan checks (贷后) due or late, the most overdue first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QHeaderView, QPushButton, QTabBar, QVBoxLayout

from crm.domain.changes import Topic
from crm.domain.post_loan import CheckKind
from crm.services.cadence import DueClient, RankedDue
from crm.ui.i18n import render
from crm.ui.page_header import PageHeader
from crm.ui.relationship.models import LATE, DueModel, RowsModel
from crm.ui.relationship.views import ListPage

#: Rows shown per group; the officer works from the top, and 100,000 rows help nobody.
SHOWN = 500
TOPICS = frozenset(
    {
        Topic.CLIENT,
        Topic.INTERACTION,
        Topic.NOTE,
        Topic.CADENCE,
        # The checks group: a check recorded, a loan's status, a signal (tightens the schedule).
        Topic.POST_LOAN_CHECK,
        Topic.LOAN,
        Topic.RISK,
    }
)
CONTACTED, NEVER, CHECKS = 0, 1, 2


@dataclass(frozen=True)
class DueCheckRow:
    """A post-loan check due by today (crm.services.post_loan.PostLoanService.due)."""

    loan_id: int
    client_id: int
    product: str
    name: str
    kind: CheckKind
    due_on: dt.date


class DueChecksModel(RowsModel):
    def headers(self) -> Sequence[str]:
        return (self.tr("Client"), self.tr("Loan"), self.tr("Check"), self.tr("Due"),
                self.tr("Late"))  # fmt: skip

    def cell(self, row: DueCheckRow, column: int) -> str:
        if column == 0:
            return row.name
        if column == 1:
            return row.product
        if column == 2:
            return render(row.kind.label)
        if column == 3:
            return row.due_on.isoformat()
        late = (self.today() - row.due_on).days
        return self.tr("{n} days").format(n=late) if late > 0 else self.tr("due today")

    def colour(self, row: DueCheckRow, column: int) -> str | None:
        return LATE if column == 4 and row.due_on < self.today() else None


@dataclass(frozen=True)
class DueList:
    ranked: RankedDue
    points: dict[int, list[str]]  # open talking points by client
    checks: list[DueCheckRow] = field(default_factory=list)
    checks_total: int = 0

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
        self.groups.addTab("")
        self.checks_model = DueChecksModel(self)
        self.checks_model.today = self.model.today
        self.groups.currentChanged.connect(self._group_chosen)
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
            day = today
            checks = [
                DueCheckRow(loan, client, product, name, CheckKind(kind), dt.date.fromisoformat(on))
                for loan, client, product, name, kind, on in services.post_loan.due(day, SHOWN)
            ]
            points = services.notes.talking_points_by_client(ids)
            return DueList(ranked, points, checks, services.post_loan.due_count(day))

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
        self.groups.setTabText(
            CHECKS, self.tr("Post-loan checks ({n})").format(n=f"{due.checks_total:,}")
        )
        if not self._chosen:
            # Open on the group that has someone in it (the first, unless it is empty).
            empty = not ranked.contacted and ranked.never
            self.groups.blockSignals(True)
            self.groups.setCurrentIndex(NEVER if empty else CONTACTED)
            self.groups.blockSignals(False)
        self._fill()
        self.summary.setText(self.tr("{n} clients are due.").format(n=f"{due.total:,}"))

    def _group_chosen(self, _index: int) -> None:
        # The officer picked a group: a reload keeps it (``sender()`` is None behind a lambda,
        # so the choice used to be forgotten on every change to the book).
        self._chosen = True
        self._fill()

    def _fill(self) -> None:
        if self._due is None:
            return
        ranked = self._due.ranked
        group = self.groups.currentIndex()
        rows: Sequence[Any]
        if group == CHECKS:
            rows, total = self._due.checks, self._due.checks_total
            self.checks_model.set_rows(rows)
            self._use(self.checks_model)
        else:
            never = group == NEVER
            rows, total = (
                (ranked.never, ranked.never_total)
                if never
                else (ranked.contacted, ranked.contacted_total)
            )
            assert isinstance(self.model, DueModel)
            self.model.points = self._due.points
            self.model.set_rows(rows)
            self._use(self.model)
        if total > len(rows):
            text = self.tr("{n} in this group; the first {shown} are listed.")
            self.header.hint.setText(text.format(n=f"{total:,}", shown=len(rows)))
        elif group == CHECKS:
            self.header.hint.setText(self.tr("The most overdue first."))
        else:
            self.header.hint.setText(self._order_hint())

    def _use(self, model: RowsModel) -> None:
        """Show ``model`` in the table (the checks group has columns of its own)."""
        if self.table.model() is not model:
            self.table.setModel(model)
            self.table.horizontalHeader().setSectionResizeMode(
                model.columnCount() - 1, QHeaderView.ResizeMode.Stretch
            )

    def current(self) -> Any:
        index = self.table.currentIndex()
        model = self.table.model()
        return (
            model.row_at(index.row()) if index.isValid() and isinstance(model, RowsModel) else None
        )

    def _order_hint(self) -> str:
        return self.tr("Borrowers and applicants first, then the most overdue for their cadence.")

    def log_contact(self) -> None:
        row = self.current()
        if row is not None:
            self.kit.log_contact(row.client_id, self)
