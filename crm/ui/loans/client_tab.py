"""The client pane's Loans tab: the client's loans (newest first) with where each stands, the
selected loan's terms and dated history, and the client's needs records.

Reads go through the runner: the loans, their standings, the needs and the product list in one
go when the client or their loans change; the selected loan's history when it is selected.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm.domain.changes import Change, Topic
from crm.domain.loan_status import NEXT, RUNNING, LoanStatus
from crm.services.facade import Services
from crm.services.loan_views import LoanDetail, NeedRow
from crm.ui.book_page import BookPage
from crm.ui.loans import detail_text
from crm.ui.loans.actions import LoanActions
from crm.ui.loans.loans_model import TAB_COLUMNS, Col, LoanLine, LoansModel
from crm.ui.loans.needs_model import NeedsModel
from crm.ui.loans.table import EnterKey, badge_column, list_table
from crm.ui.tasks import LatestOnly

_RENEWABLE = RUNNING | {LoanStatus.REPAID}


@dataclass(frozen=True)
class TabData:
    client_id: int
    client_name: str
    lines: list[LoanLine]
    needs: list[NeedRow]
    products: list[str]


def read_tab(services: Services, client_id: int) -> TabData:
    """Everything the tab lists for one client (runs on a pool thread)."""
    loans = services.loans
    rows = loans.for_client(client_id)
    standings = loans.standings(rows)
    lines = [LoanLine(r, standings[r.id]) for r in rows]
    client = services.client_query.rows([client_id]).get(client_id)
    return TabData(
        client_id,
        client.name if client is not None else "",
        lines,
        services.needs.for_client(client_id),
        loans.products(),
    )


def _button(text: str) -> QToolButton:
    # Tool buttons: a push button's style minimum (80 px) would not fit seven in the pane.
    button = QToolButton()
    button.setText(text)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button


class ClientLoansTab(BookPage):
    topics = frozenset({Topic.LOAN, Topic.NEED})

    def __init__(self, actions: LoanActions, parent: QWidget | None = None) -> None:
        super().__init__(actions.ctx.notifier, parent)
        self.loan_actions = actions
        self.ctx = actions.ctx
        self.client_id: int | None = None
        self.client_name = ""
        self._pending_loan: int | None = None
        self._pending_need: int | None = None
        self.loader = LatestOnly(self.ctx.runner, self)
        self.loader.finished.connect(self._show)
        self.detail_loader = LatestOnly(self.ctx.runner, self)
        self.detail_loader.finished.connect(self._show_detail)

        self.new_button = _button(self.tr("New loan…"))
        self.status_button = _button(self.tr("Change status…"))
        self.renew_button = _button(self.tr("Renew (续贷)…"))
        self.edit_button = _button(self.tr("Edit…"))
        self.schedule_button = _button(self.tr("Schedule"))
        self.schedule_button.setToolTip(self.tr("Show this loan's repayment schedule"))
        self.delete_button = _button(self.tr("Delete"))
        loan_bar = QHBoxLayout()
        loan_bar.setSpacing(4)
        for b in (self.new_button, self.status_button, self.renew_button, self.edit_button):
            loan_bar.addWidget(b)
        loan_bar.addWidget(self.schedule_button)
        loan_bar.addStretch()
        loan_bar.addWidget(self.delete_button)

        self.model = LoansModel(TAB_COLUMNS, self)
        self.table = list_table(self.model, "clientLoansTable")
        badge_column(self.table, self.model.column_of(Col.STATUS))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The pane is narrow: the product name gives way (elided) rather than a scroll bar.
        header.setSectionResizeMode(
            self.model.column_of(Col.PRODUCT), QHeaderView.ResizeMode.Stretch
        )
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty = QLabel(self.tr("No loans yet. “New loan…” records one."))
        self.empty.setStyleSheet("color: #6b7280;")
        self.detail = QLabel()
        self.detail.setObjectName("loanDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet("#loanDetail { background: #f9fafb; padding: 6px; }")
        detail_scroll = QScrollArea()
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setWidget(self.detail)
        # Room for the usual seven lines (terms, standing, history, renewals, purpose ...).
        detail_scroll.setFixedHeight(7 * self.fontMetrics().lineSpacing() + 16)

        self.record_need_button = _button(self.tr("Record a need…"))
        self.edit_need_button = _button(self.tr("Edit…"))
        self.delete_need_button = _button(self.tr("Delete"))
        needs_title = QLabel(self.tr("Needs"))
        needs_title.setStyleSheet("font-weight: 600;")
        need_bar = QHBoxLayout()
        need_bar.setSpacing(4)
        need_bar.addWidget(needs_title)
        need_bar.addSpacing(8)
        need_bar.addWidget(self.record_need_button)
        need_bar.addWidget(self.edit_need_button)
        need_bar.addStretch()
        need_bar.addWidget(self.delete_need_button)
        self.needs_model = NeedsModel(self)
        self.needs_table = list_table(self.needs_model, "clientNeedsTable")
        needs_header = self.needs_table.horizontalHeader()
        needs_header.setStretchLastSection(False)
        needs_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        needs_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the real need

        loans_part = QWidget()
        top = QVBoxLayout(loans_part)
        top.setContentsMargins(0, 0, 0, 0)
        top.addLayout(loan_bar)
        top.addWidget(self.table, 1)
        top.addWidget(self.empty)
        top.addWidget(detail_scroll)
        needs_part = QWidget()
        bottom = QVBoxLayout(needs_part)
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addLayout(need_bar)
        bottom.addWidget(self.needs_table, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(loans_part)
        self.splitter.addWidget(needs_part)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([420, 160])  # scaled to the room there is
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self._connect()
        self._enable()

    def _connect(self) -> None:
        self.new_button.clicked.connect(self.new_loan)
        self.status_button.clicked.connect(self.change_status)
        self.renew_button.clicked.connect(self.renew)
        self.edit_button.clicked.connect(self.edit)
        self.schedule_button.clicked.connect(self.show_schedule)
        self.delete_button.clicked.connect(self.delete)
        self.record_need_button.clicked.connect(self.record_need)
        self.edit_need_button.clicked.connect(self.edit_need)
        self.delete_need_button.clicked.connect(self.delete_need)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.needs_table.doubleClicked.connect(lambda _i: self.edit_need())
        EnterKey(self.table, self.edit)
        EnterKey(self.needs_table, self.edit_need)
        self.table.selectionModel().currentRowChanged.connect(self._loan_selected)
        self.needs_table.selectionModel().currentRowChanged.connect(lambda *_a: self._enable())
        for table, slot in ((self.table, self.delete), (self.needs_table, self.delete_need)):
            action = QAction(self.tr("Delete"), table)
            action.setShortcut(QKeySequence.StandardKey.Delete)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            table.addAction(action)

    # -- following the client and the book -----------------------------------------------------

    def set_client(self, client_id: int | None) -> None:
        if client_id == self.client_id:
            return  # the pane refreshing the same client: concerns() saw what changed
        self.client_id = client_id
        self.client_name = ""
        self.model.set_lines([])
        self.needs_model.set_rows([])
        self.detail.clear()
        self._enable()
        self.mark_dirty()

    def concerns(self, change: Change) -> bool:
        return (
            self.client_id is not None
            and change.touches(self.topics)
            and change.about(self.client_id)
        )

    def reload(self) -> None:
        cid, services = self.client_id, self.ctx.services
        if cid is None:
            return
        self.loader.submit(lambda: read_tab(services, cid))

    def _show(self, data: TabData) -> None:
        if data.client_id != self.client_id:
            return  # an answer for the client shown before
        loan, need = self.current(), self.current_need()
        keep_loan = self._pending_loan or (loan.id if loan is not None else None)
        keep_need = self._pending_need or (need.id if need is not None else None)
        self._pending_loan = self._pending_need = None
        self.loan_actions.products = data.products
        self.client_name = data.client_name
        self.model.set_lines(data.lines)
        self.needs_model.set_rows(data.needs)
        self.empty.setVisible(not data.lines)
        row = self.model.row_of(keep_loan) if keep_loan is not None else -1
        self._select(self.table, row if row >= 0 else (0 if data.lines else -1))
        need_row = self.needs_model.row_of(keep_need) if keep_need is not None else -1
        self._select(self.needs_table, need_row)
        self._loan_selected()

    def select_loan(self, loan_id: int) -> None:
        """Select this loan now if listed, else when the next answer lists it."""
        row = self.model.row_of(loan_id)
        if row >= 0:
            self._select(self.table, row)
        else:
            self._pending_loan = loan_id

    @staticmethod
    def _select(table: QTableView, row: int) -> None:
        model = table.model()
        if row < 0 or row >= model.rowCount():
            table.clearSelection()
            table.setCurrentIndex(QModelIndex())
            return
        table.selectionModel().setCurrentIndex(
            model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        table.scrollTo(model.index(row, 0))

    # -- the selected loan ---------------------------------------------------------------------

    def current(self) -> LoanLine | None:
        index = self.table.currentIndex()
        return self.model.line_at(index.row()) if index.isValid() else None

    def current_need(self) -> NeedRow | None:
        index = self.needs_table.currentIndex()
        return self.needs_model.row_at(index.row()) if index.isValid() else None

    def _loan_selected(self, *_args: object) -> None:
        self._enable()
        line = self.current()
        if line is None:
            self.detail.clear()
            return
        loans, loan_id = self.ctx.services.loans, line.id
        self.detail_loader.submit(lambda: loans.get(loan_id))

    def _show_detail(self, detail: LoanDetail) -> None:
        line = self.current()
        if line is None or line.id != detail.id:
            return  # another loan is selected by now
        names = {ln.id: ln.row for ln in self.model.lines()}
        self.detail.setText(detail_text.describe(detail, names))

    def _enable(self) -> None:
        line = self.current()
        status = line.row.status if line is not None else None
        self.new_button.setEnabled(self.client_id is not None)
        self.record_need_button.setEnabled(self.client_id is not None)
        self.status_button.setEnabled(status is not None and bool(NEXT[status]))
        self.renew_button.setEnabled(status in _RENEWABLE)
        for b in (self.edit_button, self.schedule_button, self.delete_button):
            b.setEnabled(line is not None)
        has_need = self.current_need() is not None
        self.edit_need_button.setEnabled(has_need)
        self.delete_need_button.setEnabled(has_need)

    # -- actions -------------------------------------------------------------------------------

    def new_loan(self) -> None:
        if self.client_id is not None:
            new_id = self.loan_actions.new_loan(self.client_id, self.client_name, self)
            if new_id is not None:
                self._pending_loan = new_id

    def edit(self) -> None:
        line = self.current()
        if line is not None:
            self.loan_actions.edit_loan(line.row, self)

    def change_status(self) -> None:
        line = self.current()
        if line is not None and NEXT[line.row.status]:
            self.loan_actions.change_status(line.row, self)

    def renew(self) -> None:
        line = self.current()
        if line is not None and line.row.status in _RENEWABLE:
            new_id = self.loan_actions.renew(line.row, self)
            if new_id is not None:
                self._pending_loan = new_id

    def show_schedule(self) -> None:
        line = self.current()
        if line is not None:
            self.loan_actions.show_schedule(line.row, self)

    def delete(self) -> None:
        line = self.current()
        if line is not None:
            self.loan_actions.delete_loan(line.row, self)

    def record_need(self) -> None:
        if self.client_id is not None:
            new_id = self.loan_actions.record_need(self.client_id, self)
            if new_id is not None:
                self._pending_need = new_id

    def edit_need(self) -> None:
        need = self.current_need()
        if need is not None:
            self.loan_actions.edit_need(need, self)

    def delete_need(self) -> None:
        need = self.current_need()
        if need is not None:
            self.loan_actions.delete_need(need, self)
