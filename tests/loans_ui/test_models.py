"""The schedule and compare models pass Qt's model tester, empty and filled."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from crm.domain.loan_enums import RepaymentMethod
from crm.domain.loan_math import LoanTerms, calculate, compare_methods

TERMS = LoanTerms(Decimal(300000), Decimal("4.35"), 36, fee=Decimal(3000))


def test_schedule_model(qtmodeltester) -> None:
    from crm.ui.loans.schedule_model import ScheduleModel

    model = ScheduleModel()
    qtmodeltester.check(model)
    model.set_rows(calculate(TERMS).schedule)
    assert model.rowCount() == 36
    assert model.columnCount() == 5
    qtmodeltester.check(model)
    model.set_rows(())
    qtmodeltester.check(model)


def test_compare_model(qtmodeltester) -> None:
    from crm.ui.loans.compare_model import CompareModel

    model = CompareModel()
    qtmodeltester.check(model)
    model.set_plans(compare_methods(TERMS), RepaymentMethod.FLAT)
    assert model.rowCount() == 5
    assert model.method_at(4) == RepaymentMethod.FLAT
    assert model.index(4, 0).data(Qt.ItemDataRole.FontRole).bold()
    qtmodeltester.check(model)
