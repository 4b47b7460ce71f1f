"""The client list: a lazy table over an ordered list of ids.

The search gives the ids in display order (cheap: one integer each); the columns of a row are
read in pages of :data:`PAGE` only when the view asks for them, so 100,000 clients scroll
smoothly without ever being loaded whole.

The loan columns (balance, next repayment, maturity) are hidden until the officer shows them
from the header's menu. While one is shown, reading a page also reads its clients' loan
summaries: one ``LoanService.summaries`` call for the page's 100 ids (~1 ms at 100,000
clients and 150,000 loans), where the page's rows are read.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from crm.domain.enums import ClientKind, ClientStatus
from crm.domain.masking import mask_phone
from crm.services.client_query import ClientRow
from crm.ui.brushes import solid

if TYPE_CHECKING:
    # Types only: the loan modules load when a loan column is first shown.
    from crm.domain.loan_standing import ClientLoanSummary

COL_NAME, COL_STATUS, COL_PHONE, COL_BUSINESS, COL_TAGS, COL_BIRTHDAY, COL_UPDATED = range(7)
COL_LAST_CONTACT = 7
COL_BALANCE, COL_NEXT_REPAYMENT, COL_MATURITY = 8, 9, 10
COLUMN_COUNT = 11
#: Optional columns, hidden until shown from the header's menu.
LOAN_COLUMNS = (COL_BALANCE, COL_NEXT_REPAYMENT, COL_MATURITY)
#: The SQL sort key behind each sortable column (crm.services.client_query.SORT_SQL); the loan
#: columns are computed per page and cannot order 100,000 ids, so they are not sortable.
SORT_KEYS = ("name", "status", "phone", "business", "tags", "birthday", "updated", "last_contact")

ClientIdRole = Qt.ItemDataRole.UserRole + 1
ClientRowRole = Qt.ItemDataRole.UserRole + 2

PAGE = 100
MAX_PAGES = 50  # pages kept in memory; the rest are read again when scrolled back to

STATUS_COLOURS = {
    ClientStatus.PROSPECT: "#6b7280",
    ClientStatus.APPLYING: "#b45309",
    ClientStatus.BORROWER: "#047857",
    ClientStatus.FORMER_BORROWER: "#1d4ed8",
    ClientStatus.DECLINED: "#b91c1c",
}
# Referral partners bring clients but do not borrow: no loan status, a colour of their own.
PARTNER_COLOUR = "#7c3aed"


def status_label(kind: str, status: str) -> str:
    """What the Status column and the pane's badge say: the loan status, or "Referral partner"."""
    tr = QCoreApplication.translate
    if kind == ClientKind.PARTNER:
        return ClientKind.PARTNER.label.render(tr)
    try:
        return ClientStatus(status).label.render(tr)
    except ValueError:
        return status


def status_colour(kind: str, status: str) -> str:
    if kind == ClientKind.PARTNER:
        return PARTNER_COLOUR
    try:
        return STATUS_COLOURS.get(ClientStatus(status), "#374151")
    except ValueError:
        return "#374151"


RowLoader = Callable[[Sequence[int]], dict[int, ClientRow]]
LoanLoader = Callable[[Sequence[int]], "dict[int, ClientLoanSummary]"]

LATE = "#b91c1c"
SOON = "#b45309"
SOON_DAYS = 30  # a maturity this close is amber: time to talk about renewal
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def money(value: Decimal) -> str:
    """Yuan with separators and two decimals, as the Loans section shows them."""
    return f"{value:,.2f}"


@dataclass
class _Page:
    rows: dict[int, ClientRow]
    #: the page's loan summaries, by client (absent: no running loan); None: not read yet
    loans: dict[int, ClientLoanSummary] | None = None


def birthday_label(row: ClientRow) -> str:
    if not (row.birth_month and row.birth_day):
        return ""
    if row.birthday_calendar == "lunar":
        from crm.domain.lunar import format_lunar

        text = QCoreApplication.translate("ClientTableModel", "Lunar {date}").format(
            date=format_lunar(row.birth_month, row.birth_day, row.birth_leap)
        )
    else:
        text = f"{row.birth_month:02d}-{row.birth_day:02d}"
    return text


class ClientTableModel(QAbstractTableModel):
    def __init__(
        self,
        load_rows: RowLoader,
        parent: QObject | None = None,
        load_loans: LoanLoader | None = None,
    ) -> None:
        super().__init__(parent)
        self._load_rows = load_rows
        self._load_loans = load_loans
        self._ids: list[int] = []
        self._pages: OrderedDict[int, _Page] = OrderedDict()
        self.unmasked = False
        #: a loan column is on screen: pages read their loan summaries too
        self.loans_shown = False
        #: today's date, for "N days ago" (the page hands in its clock); None shows the date
        self.today: Callable[[], dt.date] | None = None

    # -- feeding -------------------------------------------------------------------------------

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self.endResetModel()

    def refresh_rows(self) -> None:
        """Re-read the visible columns (after an edit) without changing the order."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, COLUMN_COUNT - 1)
            )

    def set_unmasked(self, unmasked: bool) -> None:
        self.unmasked = unmasked
        if self._ids:
            self.dataChanged.emit(
                self.index(0, COL_PHONE), self.index(len(self._ids) - 1, COL_PHONE)
            )

    def set_loans_shown(self, shown: bool) -> None:
        """Read loan summaries with each page from now on (or stop); pages read before are
        completed when a loan cell is asked for."""
        if shown == self.loans_shown:
            return
        self.loans_shown = shown
        if shown:
            self._loans_changed()

    def refresh_loans(self) -> None:
        """Re-read the loan columns (after a loan was written), keeping the rows read."""
        for page in self._pages.values():
            page.loans = None
        self._loans_changed()

    def _loans_changed(self) -> None:
        if self._ids:
            self.dataChanged.emit(
                self.index(0, LOAN_COLUMNS[0]), self.index(len(self._ids) - 1, LOAN_COLUMNS[-1])
            )

    def client_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, client_id: int) -> int:
        try:
            return self._ids.index(client_id)
        except ValueError:
            return -1

    def ids(self) -> list[int]:
        return list(self._ids)

    def _page(self, row: int) -> _Page:
        number = row // PAGE
        page = self._pages.get(number)
        if page is None:
            ids = self._ids[number * PAGE : (number + 1) * PAGE]
            page = _Page(self._load_rows(ids))
            if self.loans_shown:
                self._read_loans(page, ids)
            self._pages[number] = page
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page

    def _read_loans(self, page: _Page, ids: Sequence[int]) -> None:
        page.loans = self._load_loans(ids) if self._load_loans is not None else {}

    def _row(self, row: int) -> ClientRow | None:
        return self._page(row).rows.get(self._ids[row])

    def loan_summary(self, row: int) -> ClientLoanSummary | None:
        """The client's running loans summed up (None: no running loan)."""
        page = self._page(row)
        if page.loans is None:  # read before a loan column was shown, or a loan changed
            start = row - row % PAGE
            self._read_loans(page, self._ids[start : start + PAGE])
        assert page.loans is not None
        return page.loans.get(self._ids[row])

    # -- Qt model API --------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and section == COL_BALANCE:
            return _RIGHT  # over the figures, as the Loans section does
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Name"),
            self.tr("Status"),
            self.tr("Phone"),
            self.tr("Business"),
            self.tr("Tags"),
            self.tr("Birthday"),
            self.tr("Updated"),
            self.tr("Last contact"),
            self.tr("Balance"),
            self.tr("Next repayment"),
            self.tr("Maturity"),
        )
        return titles[section] if 0 <= section < COLUMN_COUNT else None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ClientIdRole:
            return self._ids[index.row()]
        col = index.column()
        if col in LOAN_COLUMNS:
            return self._loan_data(index.row(), col, role)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            ClientRowRole,
        ):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        if role == ClientRowRole:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_STATUS:
                return solid(status_colour(row.kind, row.status))
            if row.archived_at is not None:
                return solid("#9ca3af")
            return None
        return self._text(row, col)

    def _text(self, row: ClientRow, col: int) -> str:
        if col == COL_NAME:
            return row.name
        if col == COL_STATUS:
            return status_label(row.kind, row.status)
        if col == COL_PHONE:
            if not row.phone:
                return ""
            return row.phone if self.unmasked else mask_phone(row.phone)
        if col == COL_BUSINESS:
            return row.business_name or ""
        if col == COL_TAGS:
            return "、".join(row.tags)
        if col == COL_BIRTHDAY:
            return birthday_label(row)
        if col == COL_UPDATED:
            return row.updated_at.strftime("%Y-%m-%d")
        if col == COL_LAST_CONTACT:
            return self._last_contact(row.last_contact_at)
        return ""

    def _last_contact(self, when: dt.datetime | None) -> str:
        if when is None:
            return self.tr("never")
        if self.today is None:
            return when.strftime("%Y-%m-%d")
        days = (self.today() - when.date()).days
        if days <= 0:
            return self.tr("today")
        if days == 1:
            return self.tr("yesterday")
        return self.tr("{n} days ago").format(n=days)

    # -- the loan columns ----------------------------------------------------------------------

    def _loan_data(self, row: int, col: int, role: int) -> object:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col == COL_BALANCE else None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        loans = self.loan_summary(row)
        if loans is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self._loan_colour(loans, col)
            return solid(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._loan_tip(loans)
        if col == COL_BALANCE:
            return money(loans.balance)
        if col == COL_NEXT_REPAYMENT:
            if loans.next_repayment_on is None:
                return ""
            amount = loans.next_repayment_amount
            due = loans.next_repayment_on.isoformat()
            return f"{due} · {money(amount)}" if amount is not None else due
        return loans.nearest_maturity.isoformat() if loans.nearest_maturity else ""

    def _loan_colour(self, loans: ClientLoanSummary, col: int) -> str | None:
        if loans.overdue and col in (COL_BALANCE, COL_NEXT_REPAYMENT):
            return LATE
        if col == COL_MATURITY and loans.nearest_maturity is not None and self.today is not None:
            days = (loans.nearest_maturity - self.today()).days
            if days < 0:
                return LATE
            if days <= SOON_DAYS:
                return SOON
        return None

    def _loan_tip(self, loans: ClientLoanSummary) -> str:
        text = self.tr("Running loans: {n}").format(n=loans.running)
        if loans.overdue:
            text += " · " + self.tr("{n} overdue").format(n=loans.overdue)
        return text
