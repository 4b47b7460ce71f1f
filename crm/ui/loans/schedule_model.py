"""The repayment schedule as a table: period, payment, principal, interest, balance."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from crm.domain.loan_math import ScheduleRow
from crm.ui.i18n import render
from crm.ui.loans.texts import BALANCE, INTEREST, PAYMENT, PERIOD, PRINCIPAL, money

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (PERIOD, PAYMENT, PRINCIPAL, INTEREST, BALANCE)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter
#: The row's value itself (int period or Decimal money), for tests and copy.
VALUE_ROLE = Qt.ItemDataRole.UserRole


class ScheduleModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[ScheduleRow, ...] = ()

    def set_rows(self, rows: Sequence[ScheduleRow]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rows(self) -> tuple[ScheduleRow, ...]:
        return self._rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def _value(self, row: ScheduleRow, column: int) -> int | Decimal:
        return (row.period, row.payment, row.principal, row.interest, row.balance)[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        value = self._value(self._rows[index.row()], index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return str(value) if isinstance(value, int) else money(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_CENTER if index.column() == 0 else _RIGHT)
        if role == VALUE_ROLE:
            return value
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return render(COLUMNS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_CENTER)
        return None
