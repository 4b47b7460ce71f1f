"""The five repayment methods side by side for the same amount, rate, term and fee: first and
last payment, total interest, total cost and both annual rates. The chosen method is bold."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from crm.domain.loan_enums import RepaymentMethod
from crm.domain.loan_math import LEGAL_CEILING, RepaymentPlan
from crm.ui.brushes import solid
from crm.ui.i18n import render
from crm.ui.loans.texts import (
    APR,
    APR_COMPOUND,
    APR_COMPOUND_SHORT,
    APR_SHORT,
    FIRST_PAYMENT,
    LAST_PAYMENT,
    METHOD,
    TOTAL_COST,
    TOTAL_COST_SHORT,
    TOTAL_INTEREST,
    money,
    percent,
)

Index = QModelIndex | QPersistentModelIndex

# Short headers (five numbers must fit beside the method names); the full label as tooltip.
COLUMNS = (
    (METHOD, METHOD),
    (FIRST_PAYMENT, FIRST_PAYMENT),
    (LAST_PAYMENT, LAST_PAYMENT),
    (TOTAL_INTEREST, TOTAL_INTEREST),
    (TOTAL_COST_SHORT, TOTAL_COST),
    (APR_SHORT, APR),
    (APR_COMPOUND_SHORT, APR_COMPOUND),
)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_CURRENT = "#dbeafe"
_ABOVE_CEILING = "#b91c1c"
#: Column 0: the RepaymentMethod; other columns: the Decimal shown.
VALUE_ROLE = Qt.ItemDataRole.UserRole


def _values(plan: RepaymentPlan) -> tuple[Decimal, ...]:
    return (
        plan.schedule[0].payment,
        plan.schedule[-1].payment,
        plan.total_interest,
        plan.total_cost,
        plan.apr,
        plan.apr_compound,
    )


class CompareModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plans: tuple[RepaymentPlan, ...] = ()
        self._current: RepaymentMethod | None = None

    def set_plans(
        self, plans: Mapping[RepaymentMethod, RepaymentPlan], current: RepaymentMethod | None
    ) -> None:
        """Every method's plan (empty clears the table) and the one the officer chose."""
        self.beginResetModel()
        self._plans = tuple(plans.values())
        self._current = current
        self.endResetModel()

    def plans(self) -> tuple[RepaymentPlan, ...]:
        return self._plans

    def method_at(self, row: int) -> RepaymentMethod | None:
        return self._plans[row].method if 0 <= row < len(self._plans) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._plans)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._plans):
            return None
        plan = self._plans[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return render(plan.method.label)
            value = _values(plan)[column - 1]
            return percent(value) if column >= 5 else money(value)
        if role == VALUE_ROLE:
            return plan.method if column == 0 else _values(plan)[column - 1]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_LEFT if column == 0 else _RIGHT)
        # Red above the legal ceiling for protected lending, even when the quoted rate is not.
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column >= 5
            and _values(plan)[column - 1] > LEGAL_CEILING
        ):
            return solid(_ABOVE_CEILING)
        current = plan.method == self._current
        if role == Qt.ItemDataRole.FontRole and current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and current:
            return solid(_CURRENT)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        short, full = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return render(short)
        if role == Qt.ItemDataRole.ToolTipRole:
            return render(full)
        return None
