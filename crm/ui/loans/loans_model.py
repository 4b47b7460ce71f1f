"""Loans as a table: the Loans section shows every column, a client's Loans tab a few.

One row per loan with where it stands today (:class:`LoanLine`). Cells are formatted when
painted (the section can hold tens of thousands of rows); :data:`SORT_ROLE` gives plain
values (numbers, ISO dates) a proxy model sorts by.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from crm.domain.loan_standing import LoanStanding
from crm.domain.loan_status import LoanStatus
from crm.services.loan_views import LoanRow
from crm.ui.brushes import solid
from crm.ui.loans import look
from crm.ui.loans.texts import exact_percent, months

Index = QModelIndex | QPersistentModelIndex

#: The status's value ("overdue") in the status column, for the badge delegate (a StrEnum
#: reaches a view as a plain str).
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RANK = {s: i for i, s in enumerate(look.ORDER)}
SOON_DAYS = 30  # maturity this close is shown amber (the renewal talk is due)


class LoanLine(NamedTuple):
    """A loan and where it stands today."""

    row: LoanRow
    standing: LoanStanding

    @property
    def id(self) -> int:
        return self.row.id

    @property
    def running(self) -> bool:
        return self.row.status.running


class Col(IntEnum):
    CLIENT = 0
    PRODUCT = 1
    AMOUNT = 2
    RATE = 3
    TERM = 4
    METHOD = 5
    STATUS = 6
    DISBURSED = 7
    NEXT = 8
    BALANCE = 9
    MATURITY = 10
    DAYS = 11


SECTION_COLUMNS: tuple[Col, ...] = tuple(Col)
TAB_COLUMNS = (Col.PRODUCT, Col.AMOUNT, Col.STATUS, Col.BALANCE, Col.NEXT, Col.MATURITY)
_NUMERIC = {Col.AMOUNT, Col.RATE, Col.TERM, Col.BALANCE, Col.DAYS}


class LoansModel(QAbstractTableModel):
    def __init__(
        self, columns: Sequence[Col] = SECTION_COLUMNS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._lines: list[LoanLine] = []
        #: Loan id -> the day its most overdue post-loan check fell due (late today).
        self._late_checks: dict[int, dt.date] = {}
        self._headers = self.headers()  # asked for on every paint of the header

    def headers(self) -> dict[Col, str]:
        return {
            Col.CLIENT: self.tr("Client"),
            Col.PRODUCT: self.tr("Product"),
            Col.AMOUNT: self.tr("Amount"),
            Col.RATE: self.tr("Rate"),
            Col.TERM: self.tr("Term"),
            Col.METHOD: self.tr("Method"),
            Col.STATUS: self.tr("Status"),
            Col.DISBURSED: self.tr("Disbursed"),
            Col.NEXT: self.tr("Next repayment"),
            Col.BALANCE: self.tr("Balance"),
            Col.MATURITY: self.tr("Maturity"),
            Col.DAYS: self.tr("Days left"),
        }

    # -- content -------------------------------------------------------------------------------

    def set_lines(
        self, lines: Sequence[LoanLine], late_checks: Mapping[int, dt.date] | None = None
    ) -> None:
        """The rows; ``late_checks`` marks the loans with a post-loan check late (by id)."""
        self.beginResetModel()
        self._lines = list(lines)
        self._late_checks = dict(late_checks or {})
        self.endResetModel()

    def check_late_since(self, loan_id: int) -> dt.date | None:
        return self._late_checks.get(loan_id)

    def lines(self) -> list[LoanLine]:
        return list(self._lines)

    def line_at(self, row: int) -> LoanLine | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def row_of(self, loan_id: int) -> int:
        return next((i for i, line in enumerate(self._lines) if line.id == loan_id), -1)

    def column_of(self, col: Col) -> int:
        return self.columns.index(col) if col in self.columns else -1

    # -- the model -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        col = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[col]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if col in _NUMERIC else _LEFT)
        if role == Qt.ItemDataRole.ToolTipRole and col == Col.DAYS:
            return self.tr("Days until maturity; negative once past")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        line = self._lines[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if col in _NUMERIC else _LEFT)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self._colour(line, col)
            return solid(colour) if colour else None
        if role == Qt.ItemDataRole.BackgroundRole:
            overdue = line.row.status is LoanStatus.OVERDUE
            return solid(look.OVERDUE_ROW) if overdue else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(line, col)
        if role == STATUS_ROLE:
            return line.row.status.value if col == Col.STATUS else None
        if role == SORT_ROLE:
            return self._sort_key(line, col)
        return None

    def _text(self, line: LoanLine, col: Col) -> str:
        r, s = line.row, line.standing
        if col == Col.CLIENT:
            return r.client_name
        if col == Col.PRODUCT:
            return r.product
        if col == Col.AMOUNT:
            return look.money(r.amount)
        if col == Col.RATE:
            return look.rate_text(r.quoted_rate, r.rate_quoted_as)
        if col == Col.TERM:
            return months(r.months)
        if col == Col.METHOD:
            return look.say(r.method.label)
        if col == Col.STATUS:
            return look.status_text(r.status)
        if col == Col.DISBURSED:
            if r.id in self._late_checks:
                return f"{look.when(r.disbursed_on)}  " + self.tr("check late")
            return look.when(r.disbursed_on)
        if col == Col.NEXT:
            return look.when(s.next_due)
        if col == Col.BALANCE:
            return look.money(s.balance) if line.running else ""
        if col == Col.MATURITY:
            return look.when(r.maturity_on)
        days = s.days_to_maturity if line.running else None
        return str(days) if days is not None else ""

    def _colour(self, line: LoanLine, col: Col) -> str | None:
        status = line.row.status
        if status in (LoanStatus.REPAID, LoanStatus.DECLINED):
            return look.MUTED
        if status is LoanStatus.OVERDUE and col in (Col.NEXT, Col.BALANCE, Col.CLIENT):
            return look.LATE
        if col == Col.DISBURSED and line.id in self._late_checks:
            return look.LATE
        days = line.standing.days_to_maturity
        if col in (Col.DAYS, Col.MATURITY) and line.running and days is not None:
            if days < 0:
                return look.LATE
            if days <= SOON_DAYS:
                return look.SOON
        return None

    def _tip(self, line: LoanLine, col: Col) -> str | None:
        r, s = line.row, line.standing
        if col == Col.STATUS and r.status is LoanStatus.OVERDUE and r.overdue_since:
            if r.overdue_amount is not None:
                return self.tr("Overdue since {date}: {amount}").format(
                    date=r.overdue_since.isoformat(), amount=look.yuan(r.overdue_amount)
                )
            return self.tr("Overdue since {date}").format(date=r.overdue_since.isoformat())
        if col == Col.DISBURSED and (late := self._late_checks.get(r.id)) is not None:
            return self.tr("A post-loan check has been due since {date}").format(
                date=late.isoformat()
            )
        if col == Col.NEXT and s.next_due is not None and s.next_payment is not None:
            return self.tr("{amount} due on {date}").format(
                amount=look.yuan(s.next_payment), date=s.next_due.isoformat()
            )
        if col == Col.RATE:
            annual = exact_percent(r.annual_rate)
            monthly = exact_percent(r.annual_rate / 12)
            return self.tr("{annual} a year, 月息 {monthly}").format(annual=annual, monthly=monthly)
        if col in (Col.CLIENT, Col.PRODUCT, Col.METHOD):
            return self._text(line, col)
        return None

    def _sort_key(self, line: LoanLine, col: Col) -> object:
        r, s = line.row, line.standing
        if col == Col.CLIENT:
            return r.client_name
        if col == Col.PRODUCT:
            return r.product
        if col == Col.AMOUNT:
            return float(r.amount)
        if col == Col.RATE:
            return float(r.annual_rate)
        if col == Col.TERM:
            return r.months
        if col == Col.METHOD:
            return look.say(r.method.label)
        if col == Col.STATUS:
            return _RANK[r.status]
        if col == Col.BALANCE:
            return float(s.balance) if line.running else -1.0
        if col == Col.DAYS:
            days = s.days_to_maturity if line.running else None
            return days if days is not None else 1_000_000
        day = {Col.DISBURSED: r.disbursed_on, Col.NEXT: s.next_due, Col.MATURITY: r.maturity_on}
        value = day[col]
        return value.isoformat() if value is not None else "9999"
