"""The Loans section: every loan of the book in one table, filtered by status, product and
"maturing within N days", with a summary line.

The list and where each loan stands are read through the runner; a newer filter or a change of
the book replaces the answer on its way. The filters are remembered. Enter or a double-click
opens the loan (in its client's Loans tab); "Open client" opens the client.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm.domain.changes import Topic
from crm.domain.loan_status import LoanStatus
from crm.services.facade import Services
from crm.services.loan_views import LoanFilter
from crm.ui.book_page import BookPage
from crm.ui.context import UiContext
from crm.ui.loans import look
from crm.ui.loans.loans_model import SORT_ROLE, Col, LoanLine, LoansModel
from crm.ui.loans.table import EnterKey, badge_column, list_table
from crm.ui.tasks import LatestOnly

MATURING_PRESETS = (7, 30, 90)
DEFAULT_MATURING = 30  # the officer's first question: what matures this month
SUMMARY_DAYS = 30
_SETTINGS = "loans/section/"
#: Column widths at 1366 × 768; the client's name takes what is left.
_WIDTHS = {
    Col.PRODUCT: 70,
    Col.AMOUNT: 105,
    Col.RATE: 80,
    Col.TERM: 80,
    Col.METHOD: 135,
    Col.STATUS: 82,
    Col.DISBURSED: 140,  # room for "check late" beside the date
    Col.NEXT: 104,
    Col.BALANCE: 105,
    Col.MATURITY: 90,
    Col.DAYS: 72,
}


@dataclass(frozen=True)
class Summary:
    loans: int
    balance: Decimal
    overdue: int
    maturing: int  # running loans maturing within SUMMARY_DAYS


@dataclass(frozen=True)
class SectionData:
    filter: LoanFilter
    lines: list[LoanLine]
    products: list[str]
    summary: Summary
    #: Loan id -> the day its most overdue post-loan check fell due (those late today).
    late_checks: dict[int, dt.date] = field(default_factory=dict)


def summarise(lines: Sequence[LoanLine]) -> Summary:
    balance = sum((ln.standing.balance for ln in lines if ln.running), Decimal("0.00"))
    overdue = sum(1 for ln in lines if ln.row.status is LoanStatus.OVERDUE)
    maturing = sum(
        1
        for ln in lines
        if ln.running
        and ln.standing.days_to_maturity is not None
        and 0 <= ln.standing.days_to_maturity <= SUMMARY_DAYS
    )
    return Summary(len(lines), balance, overdue, maturing)


def read_section(services: Services, f: LoanFilter) -> SectionData:
    """The loans a filter shows, each with where it stands, summed up (on a pool thread:
    every loan of a large book takes seconds)."""
    rows = services.loans.list(f)
    standings = services.loans.standings(rows)
    lines = [LoanLine(r, standings[r.id]) for r in rows]
    late = services.post_loan.late_loans()
    return SectionData(f, lines, services.loans.products(), summarise(lines), late)


class LoansPage(BookPage):
    # A check recorded, or a signal opened or closed (the schedule tightens), moves late checks.
    topics = frozenset({Topic.LOAN, Topic.CLIENT, Topic.POST_LOAN_CHECK, Topic.RISK})

    def __init__(
        self,
        ctx: UiContext,
        open_loan: Callable[[int, int], None],
        open_client: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx.notifier, parent)
        self.ctx = ctx
        self.open_loan_in_client = open_loan  # (loan id, client id)
        self.open_client = open_client
        self.loader = LatestOnly(ctx.runner, self)
        self.loader.finished.connect(self._show)
        self.loaded = False

        self.status_filter = QComboBox()
        self.status_filter.setObjectName("loanStatusFilter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in look.ORDER:
            self.status_filter.addItem(look.status_text(status), status.value)
        self.product_filter = QComboBox()
        self.product_filter.setObjectName("loanProductFilter")
        self.product_filter.addItem(self.tr("All products"), None)
        self.product_filter.setMinimumContentsLength(6)
        self.maturing_filter = QComboBox()
        self.maturing_filter.setObjectName("loanMaturingFilter")
        self.maturing_filter.addItem(self.tr("Any maturity"), None)
        for days in MATURING_PRESETS:
            self.maturing_filter.addItem(self.tr("Maturing within {n} days").format(n=days), days)
        self.open_client_button = QPushButton(self.tr("Open client"))
        self.open_client_button.setToolTip(self.tr("Show this loan's client in the client book"))
        self.open_loan_button = QPushButton(self.tr("Open loan"))
        self.open_loan_button.setToolTip(
            self.tr("The loan in its client's Loans tab, to change its status, renew or edit it")
        )
        bar = QHBoxLayout()
        bar.addWidget(self.status_filter)
        bar.addWidget(self.product_filter)
        bar.addWidget(self.maturing_filter)
        bar.addStretch()
        bar.addWidget(self.open_loan_button)
        bar.addWidget(self.open_client_button)

        self.model = LoansModel(parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = list_table(self.proxy, "loansTable")
        badge_column(self.table, Col.STATUS)
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Col.CLIENT, QHeaderView.ResizeMode.Stretch)
        for col, width in _WIDTHS.items():
            header.resizeSection(col, width)
        self.empty = QLabel()
        self.empty.setObjectName("loansEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #6b7280; padding: 24px;")
        self.empty.hide()
        self.summary = QLabel(self.tr("Loading loans…"))
        self.summary.setObjectName("loansSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.summary)

        self._restore_filters()
        for combo in (self.status_filter, self.product_filter, self.maturing_filter):
            combo.currentIndexChanged.connect(self._filter_changed)
        self.table.doubleClicked.connect(lambda _i: self.open_loan())
        EnterKey(self.table, self.open_loan)
        self.open_client_button.clicked.connect(self.open_current_client)
        self.open_loan_button.clicked.connect(self.open_loan)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._enable())
        self._enable()

    # -- filters -------------------------------------------------------------------------------

    def current_filter(self) -> LoanFilter:
        status = self.status_filter.currentData()
        return LoanFilter(
            status=LoanStatus(status) if status else None,
            product=self.product_filter.currentData(),
            maturing_within_days=self.maturing_filter.currentData(),
        )

    def set_filter(
        self,
        status: LoanStatus | None = None,
        product: str | None = None,
        maturing_within_days: int | None = None,
    ) -> None:
        """Set every filter at once (one reload)."""
        combos = (self.status_filter, self.product_filter, self.maturing_filter)
        for combo in combos:
            combo.blockSignals(True)
        self.status_filter.setCurrentIndex(
            self.status_filter.findData(status.value) if status else 0
        )
        self._set_product(product)
        index = self.maturing_filter.findData(maturing_within_days)
        self.maturing_filter.setCurrentIndex(max(0, index) if maturing_within_days else 0)
        for combo in combos:
            combo.blockSignals(False)
        self._filter_changed()

    def _set_product(self, product: str | None) -> None:
        if product and self.product_filter.findData(product) < 0:
            self.product_filter.addItem(product, product)
        index = self.product_filter.findData(product) if product else 0
        self.product_filter.setCurrentIndex(max(0, index))

    def _filter_changed(self, *_args: object) -> None:
        settings = self.ctx.settings
        settings.setValue(_SETTINGS + "status", self.status_filter.currentData() or "")
        settings.setValue(_SETTINGS + "product", self.product_filter.currentData() or "")
        settings.setValue(_SETTINGS + "maturing", self.maturing_filter.currentData() or 0)
        self.mark_dirty()

    def _restore_filters(self) -> None:
        settings = self.ctx.settings
        status = str(settings.value(_SETTINGS + "status", "") or "")
        product = str(settings.value(_SETTINGS + "product", "") or "")
        try:
            maturing = int(str(settings.value(_SETTINGS + "maturing", DEFAULT_MATURING)))
        except ValueError:
            maturing = DEFAULT_MATURING
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(status or None)))
        self._set_product(product or None)
        if maturing in MATURING_PRESETS:
            self.maturing_filter.setCurrentIndex(self.maturing_filter.findData(maturing))

    # -- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        services, f = self.ctx.services, self.current_filter()
        if not self.loaded:
            self.summary.setText(self.tr("Loading loans…"))
        self.loader.submit(lambda: read_section(services, f))

    def _show(self, data: SectionData) -> None:
        keep = self.current()
        self.loaded = True
        self._offer_products(data)
        self.model.set_lines(data.lines, data.late_checks)
        self._show_summary(data)
        if keep is not None:
            self.select_loan(keep.id)
        self._enable()

    def _offer_products(self, data: SectionData) -> None:
        """The product list, and any product a listed loan has that the list no longer has."""
        current = self.product_filter.currentData()
        wanted = list(dict.fromkeys([*data.products, *(ln.row.product for ln in data.lines)]))
        have = [self.product_filter.itemData(i) for i in range(1, self.product_filter.count())]
        missing = [p for p in wanted if p not in have]
        if not missing:
            return
        self.product_filter.blockSignals(True)
        for product in missing:
            self.product_filter.addItem(product, product)
        self.product_filter.setCurrentIndex(max(0, self.product_filter.findData(current)))
        self.product_filter.blockSignals(False)

    def _show_summary(self, data: SectionData) -> None:
        s = data.summary
        overdue = self.tr("Overdue: {n}").format(n=s.overdue)
        if s.overdue:
            overdue = f'<span style="color: {look.LATE}; font-weight: 600;">{overdue}</span>'
        self.summary.setText(
            self.tr(
                "Loans: {n} · Balance: {balance} · {overdue} · "
                "Maturing within {days} days: {maturing}"
            ).format(
                n=f"{s.loans:,}",
                balance=escape(look.yuan(s.balance)),
                overdue=overdue,
                days=SUMMARY_DAYS,
                maturing=s.maturing,
            )
        )
        f = data.filter
        if data.lines:
            self.empty.hide()
        else:
            filtered = f.status or f.product or f.maturing_within_days is not None
            self.empty.setText(
                self.tr("No loan matches these filters.")
                if filtered
                else self.tr("No loans yet. Add one in a client's Loans tab.")
            )
            self.empty.show()
        self.table.setVisible(bool(data.lines))

    # -- the selected loan ---------------------------------------------------------------------

    def current(self) -> LoanLine | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.line_at(self.proxy.mapToSource(index).row())

    def select_loan(self, loan_id: int) -> bool:
        row = self.model.row_of(loan_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _enable(self) -> None:
        has = self.current() is not None
        self.open_client_button.setEnabled(has)
        self.open_loan_button.setEnabled(has)

    def open_loan(self) -> None:
        line = self.current()
        if line is not None:
            self.open_loan_in_client(line.id, line.row.client_id)

    def open_current_client(self) -> None:
        line = self.current()
        if line is not None:
            self.open_client(line.row.client_id)
