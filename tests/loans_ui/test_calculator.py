"""The calculator window with real widgets: typing, switching units, bad input, the ceiling
warning, the methods side by side, copy, and remembered choices."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from crm.domain.loan_enums import RepaymentMethod
from crm.domain.loan_math import LoanTerms, calculate, compare_methods
from crm.ui.loans.compare_model import VALUE_ROLE as COMPARE_VALUE
from crm.ui.loans.schedule_model import VALUE_ROLE
from crm.ui.loans.texts import money, percent


def type_loan(qtbot, calc, amount: str, rate: str, months: int, fee: str = "") -> None:
    form = calc.form
    for edit, text in ((form.amount, amount), (form.rate, rate), (form.fee, fee)):
        edit.clear()
        if text.isascii():
            qtbot.keyClicks(edit, text)
        else:  # QTest types ASCII only (it aborts on 万)
            edit.setText(text)
    form.months.setValue(months)


def schedule_rows(calc) -> list[tuple[object, ...]]:
    model = calc.results.schedule
    return [
        tuple(model.index(r, c).data(VALUE_ROLE) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def test_typing_fills_the_schedule_and_totals(qtbot, calc) -> None:
    type_loan(qtbot, calc, "300000", "4.35", 36, "3000")
    expected = calculate(
        LoanTerms(
            Decimal(300000), Decimal("4.35"), 36, RepaymentMethod.EQUAL_INSTALMENT, Decimal(3000)
        )
    )
    assert schedule_rows(calc) == [
        (r.period, r.payment, r.principal, r.interest, r.balance) for r in expected.schedule
    ]
    values = {key: label.text() for key, label in calc.results.values.items()}
    assert values["total_interest"] == money(expected.total_interest)
    assert values["total_repayment"] == money(expected.total_repayment)
    assert values["fee"] == "3,000.00"
    assert values["total_cost"] == money(expected.total_cost)
    assert values["apr"] == percent(expected.apr)
    assert values["apr_compound"] == percent(expected.apr_compound)
    assert values["first"] == money(expected.schedule[0].payment)
    # Right-aligned money with separators in the table itself.
    index = calc.results.schedule.index(0, 4)
    assert index.data() == money(expected.schedule[0].balance)
    assert "," in index.data()
    assert index.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert calc.results.schedule.index(35, 4).data() == "0.00"
    assert all(b.isEnabled() for b in (calc.copy_button, calc.pdf_button, calc.xlsx_button))


def test_changing_the_method_and_term_recalculates(qtbot, calc) -> None:
    type_loan(qtbot, calc, "100000", "6", 12)
    calc.form.choose(RepaymentMethod.EQUAL_PRINCIPAL)
    qtbot.mouseClick(calc.form.quick_terms[24], Qt.MouseButton.LeftButton)
    assert calc.form.months.value() == 24
    assert calc.form.quick_terms[24].isChecked()
    expected = calculate(
        LoanTerms(Decimal(100000), Decimal(6), 24, RepaymentMethod.EQUAL_PRINCIPAL)
    )
    assert calc.plan == expected
    assert len(schedule_rows(calc)) == 24


def test_amount_takes_separators_wan_and_full_width_digits(qtbot, calc) -> None:
    form = calc.form
    type_loan(qtbot, calc, "30万", "4", 12)
    assert calc.plan is not None and calc.plan.amount == Decimal("300000.00")
    form.amount.editingFinished.emit()  # the officer moves on: separators appear
    assert form.amount.text() == "300,000"
    form.amount.setText("１２３４５６．５")
    form.amount.editingFinished.emit()
    assert form.amount.text() == "123,456.5"
    assert calc.plan.amount == Decimal("123456.50")


def test_monthly_rate_switch_converts(qtbot, calc) -> None:
    type_loan(qtbot, calc, "100000", "0.5", 12)
    assert calc.plan is not None and calc.plan.terms.annual_rate == Decimal("0.5")
    qtbot.mouseClick(calc.form.monthly_unit, Qt.MouseButton.LeftButton)
    assert calc.form.monthly()
    assert calc.form.rate.text() == "0.5"  # the typed number stays; its unit changed
    assert calc.plan.terms.annual_rate == Decimal(6)
    assert calc.plan == calculate(LoanTerms(Decimal(100000), Decimal(6), 12))
    assert calc.form.rate_hint.isVisible()
    assert "6.00%" in calc.form.rate_hint.text()
    qtbot.mouseClick(calc.form.annual_unit, Qt.MouseButton.LeftButton)
    assert calc.plan.terms.annual_rate == Decimal("0.5")
    assert "0.0417%" in calc.form.rate_hint.text()  # 0.5 / 12, to four decimals


def test_bad_input_says_why_under_each_field_and_keeps_the_text(qtbot, calc) -> None:
    type_loan(qtbot, calc, "-5", "abc", 12, "1.234")
    form = calc.form
    assert form.amount.text() == "-5"
    assert form.rate.text() == "abc"
    assert form.fee.text() == "1.234"
    assert form.errors["amount"].isVisible()
    assert form.errors["amount"].text() == "The amount must be more than 0."
    assert form.errors["rate"].text() == "The rate must be a number."
    assert form.errors["fee"].text() == "The fee is in yuan and fen: at most two decimals."
    assert not form.errors["months"].isVisible()
    form.amount.editingFinished.emit()  # a refused amount is not reformatted
    assert form.amount.text() == "-5"
    message = calc.results.message.text()
    assert "Amount: The amount must be more than 0." in message
    assert "Rate: The rate must be a number." in message
    assert calc.results.message_box.property("kind") == "error"
    assert calc.plan is None
    assert calc.results.schedule.rowCount() == 0
    assert calc.results.compare.rowCount() == 0
    assert calc.results.values["total_interest"].text() == "—"
    assert not any(b.isEnabled() for b in (calc.copy_button, calc.pdf_button, calc.xlsx_button))


def test_fee_not_below_the_amount_is_refused(qtbot, calc) -> None:
    type_loan(qtbot, calc, "1000", "5", 12, "1000")
    assert calc.form.errors["fee"].text() == "The fee must be less than the amount."
    assert calc.plan is None
    calc.form.fee.setText("999")
    assert calc.plan is not None
    assert not calc.form.errors["fee"].isVisible()


def test_blank_fields_ask_for_input_without_errors(qtbot, calc) -> None:
    assert calc.plan is None
    assert not any(label.isVisible() for label in calc.form.errors.values())
    assert calc.results.message.text() == "Type the amount and the rate to see the schedule."
    assert calc.results.message_box.property("kind") == "info"
    qtbot.keyClicks(calc.form.amount, "50000")
    assert calc.results.message.text() == "Type the rate to see the schedule."


def test_above_36_percent_calculates_with_a_warning(qtbot, calc) -> None:
    type_loan(qtbot, calc, "50000", "40", 12)
    assert calc.plan is not None
    assert calc.plan == calculate(LoanTerms(Decimal(50000), Decimal(40), 12), allow_high_rate=True)
    ceiling = "The rate is above 36% a year, the legal ceiling for protected lending."
    assert calc.results.message.text() == ceiling
    assert calc.results.message_box.property("kind") == "warning"
    assert calc.form.rate_warning.isVisible()
    assert calc.form.rate_warning.text() == ceiling
    assert calc.results.values["apr"].property("high") is True
    calc.form.rate.setText("30")
    assert not calc.form.rate_warning.isVisible()
    assert calc.results.message_box.property("kind") == "info"


def test_compare_table_has_every_method_with_its_totals(qtbot, calc) -> None:
    type_loan(qtbot, calc, "200000", "5.5", 24, "2000")
    expected = compare_methods(LoanTerms(Decimal(200000), Decimal("5.5"), 24, fee=Decimal(2000)))
    model = calc.results.compare
    assert model.rowCount() == 5
    for row, (method, plan) in enumerate(expected.items()):
        cells = [model.index(row, c) for c in range(model.columnCount())]
        assert cells[0].data(COMPARE_VALUE) == method
        assert cells[0].data() == method.label.text  # English: the source text
        assert [c.data(COMPARE_VALUE) for c in cells[1:]] == [
            plan.schedule[0].payment,
            plan.schedule[-1].payment,
            plan.total_interest,
            plan.total_cost,
            plan.apr,
            plan.apr_compound,
        ]
        assert cells[3].data() == money(plan.total_interest)
    # Clicking a method shows its schedule.
    view = calc.results.compare_view
    rect = view.visualRect(model.index(3, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert calc.form.selected_method() == RepaymentMethod.BULLET
    assert calc.plan == expected[RepaymentMethod.BULLET]
    assert calc.results.schedule.rowCount() == 1


def test_copy_gives_a_short_summary(qtbot, calc) -> None:
    type_loan(qtbot, calc, "300000", "4.2", 360, "0")
    qtbot.mouseClick(calc.copy_button, Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    plan = calc.plan
    assert plan is not None
    lines = text.splitlines()
    assert len(lines) < 20  # a summary, not 360 rows
    assert "Monthly payment: " + money(plan.schedule[0].payment) in text
    assert f"month 360: {money(plan.schedule[-1].payment)} yuan" in text
    assert percent(plan.apr) in text
    assert percent(plan.apr_compound) in text
    assert "loan contract" in lines[-1]
    assert calc.notice.isVisible()


def test_a_failed_save_is_said_and_nothing_breaks(qtbot, calc, tmp_path) -> None:
    type_loan(qtbot, calc, "100000", "5", 12)
    missing = tmp_path / "no such folder" / "plan.xlsx"
    assert calc.save_xlsx(missing) is False
    assert calc.notice.isVisible()
    assert calc.notice.text().startswith("Not saved:")
    assert not missing.exists()
    assert calc.save_pdf(tmp_path / "plan.pdf") is True
    assert "Saved plan.pdf." in calc.notice.text()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_open_calculator_keeps_one_window_per_parent(qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    from crm.ui.loans.calculator import open_calculator

    parent = QWidget()
    qtbot.addWidget(parent)
    first = open_calculator(parent)
    first.form.amount.setText("88000")
    terms = LoanTerms(Decimal(120000), Decimal("3.85"), 36, RepaymentMethod.FLAT, Decimal(500))
    again = open_calculator(parent, None, terms)
    assert again is first
    assert again.form.amount.text() == "120,000"
    assert again.form.rate.text() == "3.85"
    assert again.form.fee.text() == "500"
    assert again.plan == calculate(terms)


def test_choices_are_remembered_with_a_context(qtbot, ui_ctx) -> None:
    from crm.ui.loans.calculator import CalculatorWindow

    first = CalculatorWindow(ui_ctx)
    qtbot.addWidget(first)
    first.form.monthly_unit.click()
    first.form.choose(RepaymentMethod.INTEREST_FIRST)
    second = CalculatorWindow(ui_ctx)
    qtbot.addWidget(second)
    assert second.form.monthly()
    assert second.form.selected_method() == RepaymentMethod.INTEREST_FIRST


def test_a_fee_of_almost_everything_shows_its_rate(qtbot, calc) -> None:
    # Receives 0.01: the compounded rate has ~50 integer digits (once beyond the domain).
    type_loan(qtbot, calc, "1000", "5", 12, "999.99")
    assert calc.plan is not None
    assert calc.results.values["apr_compound"].property("high") is True


def test_a_rate_too_fine_to_quote_is_refused_at_its_field(qtbot, calc) -> None:
    rate = "0." + "0" * 40 + "1"  # (1 + r)^n − 1 once rounded to zero in the instalment
    type_loan(qtbot, calc, "1000", rate, 12, "")
    assert calc.plan is None
    assert calc.form.rate.text() == rate
    assert "at most 6 decimals" in calc.results.message.text()


def test_astronomical_rates_still_show(qtbot, calc) -> None:
    # The client receives 0.50 of 1,000: a compounded rate of ~10^28 %.
    type_loan(qtbot, calc, "1000", "5", 12, "999.5")
    assert calc.plan is not None
    assert calc.results.values["apr_compound"].text() == percent(calc.plan.apr_compound)
    assert calc.results.values["apr_compound"].property("high") is True
