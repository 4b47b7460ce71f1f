"""The client pane's Loans tab on the real main window: real dialogs on a real book.

The dialogs run their real code; only their ``exec`` is replaced by a function that fills
them and presses Save, as the officer would (a modal loop cannot run inside a test)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from crm.domain.loan_enums import RepaymentMethod
from crm.domain.loan_status import LoanStatus
from tests.helpers import draft
from tests.loans.conftest import loan

D = dt.date  # today is 2026-11-29 (tests/conftest.py)
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


@pytest.fixture
def ui(qtbot, main_window):
    from crm.ui.loans.area import LoansUi

    ui = LoansUi(main_window)
    qtbot.waitUntil(lambda: not main_window.ctx.runner.busy)
    qtbot.wait(20)
    return ui


@pytest.fixture
def client(ui) -> int:
    return ui.ctx.services.clients.add(draft("王建国"))


def show_tab(qtbot, ui, client_id: int):
    """The client selected and their Loans tab current and loaded."""
    window, tab = ui.window, ui.tab
    window.open_client(client_id)
    qtbot.waitUntil(lambda: window.clients.pane.client_id == client_id)
    window.clients.pane.show_tab(tab)
    qtbot.waitUntil(lambda: tab.client_id == client_id and tab.isVisible())
    qtbot.waitUntil(lambda: not tab.loader.busy and tab.new_button.isEnabled())
    return tab


def drive(monkeypatch, cls: type[QDialog], act: Callable[[Any], None]) -> list[Any]:
    """Replace ``cls.exec``: show the dialog, let ``act`` fill it and press Save; the dialogs
    opened are returned for the test to look at."""
    opened: list[Any] = []

    def exec_(self: QDialog) -> int:
        opened.append(self)
        self.show()
        act(self)
        return self.result()

    monkeypatch.setattr(cls, "exec", exec_)
    return opened


def answer_yes(monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)


def test_a_new_loan_through_the_dialog_shows_in_the_tab_and_the_section(
    qtbot, ui, client, monkeypatch
) -> None:
    from crm.ui.loans.loan_dialog import LoanDialog

    tab = show_tab(qtbot, ui, client)
    assert tab.empty.isVisible()

    def fill(d) -> None:
        assert d.context.text() == "王建国"
        d.product.setCurrentText("经营贷")
        d.terms.amount.setText("30万")
        d.terms.rate.setText("4.35")
        d.terms.months.setValue(36)
        d.terms.choose(RepaymentMethod.EQUAL_PRINCIPAL)
        d.status.setCurrentIndex(d.status.findData("disbursed"))
        assert d.disbursed.check.isChecked()  # money out: it has a date
        d.disbursed.set_value(D(2026, 11, 20))
        d.repayment_day.set_value(20)
        d.texts["purpose"].setText("进货周转")
        d.texts["guarantor"].setText("李娜")
        # The preview follows: the first and last payments and the annual rate.
        assert d.preview.text().startswith("Payments: 9,420.83 yuan at first")
        assert d.preview.text().endswith("APR (IRR × 12): 4.35%")
        d.accept()

    opened = drive(monkeypatch, LoanDialog, fill)
    tab.new_button.click()
    assert opened[0].result() == QDialog.DialogCode.Accepted
    [row] = ui.ctx.services.loans.for_client(client)
    assert (row.amount, row.months, row.status) == (Decimal("300000.00"), 36, LoanStatus.DISBURSED)
    assert row.method is RepaymentMethod.EQUAL_PRINCIPAL
    assert (row.repayment_day, row.guarantor, row.purpose) == (20, "李娜", "进货周转")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.current() is not None and tab.current().id == row.id
    assert not tab.empty.isVisible()
    qtbot.waitUntil(lambda: "进货周转" in tab.detail.text())
    assert "2026-11-20" in tab.detail.text()  # the history: disbursed on its date
    # The client now borrows; the section lists the loan.
    page = ui.window.show_section("loans")
    page.set_filter()
    qtbot.waitUntil(lambda: page.loaded and [ln.id for ln in page.model.lines()] == [row.id])


def test_bad_input_stays_and_says_why_under_the_field(qtbot, ui, client, monkeypatch) -> None:
    from crm.ui.loans.loan_dialog import LoanDialog

    tab = show_tab(qtbot, ui, client)

    def fill(d) -> None:
        d.terms.amount.setText("abc")
        d.terms.rate.setText("40")
        d.status.setCurrentIndex(d.status.findData("disbursed"))
        d.disbursed.check.setChecked(False)
        d.accept()

    opened = drive(monkeypatch, LoanDialog, fill)
    tab.new_button.click()
    d = opened[0]
    assert d.result() == 0 and d.isVisible()
    assert d.errors["amount"].text() == "The amount must be a number."
    assert "36%" in d.errors["rate"].text()
    assert "disbursement date" in d.errors["disbursed_on"].text()
    assert d.errors["product"].text() == ""
    assert d.terms.amount.text() == "abc" and d.terms.rate.text() == "40"
    assert d.buttons.button(d.buttons.StandardButton.Save).isEnabled()
    assert ui.ctx.services.loans.for_client(client) == []
    # Fixing a field clears its reason at once; the others stay until fixed.
    d.terms.rate.setText("4.35")
    assert d.errors["rate"].text() == ""
    assert d.errors["amount"].text() == "The amount must be a number."
    d.terms.amount.setText("")
    assert d.errors["amount"].text() == "Type the amount."
    d.terms.amount.setText("200000")
    d.disbursed.check.setChecked(True)
    assert all(not line.text() for line in d.errors.values())
    d.accept()
    assert d.result() == QDialog.DialogCode.Accepted
    assert len(ui.ctx.services.loans.for_client(client)) == 1


def test_escape_asks_before_discarding_what_was_typed(qtbot, ui) -> None:
    from PySide6.QtCore import Qt

    from crm.ui.loans.loan_dialog import LoanDialog

    services = ui.ctx.services
    d = LoanDialog(
        mode="new",
        products=["经营贷"],
        today=ui.ctx.clock.today(),
        save=lambda _d: None,
        validate=services.loans.validate,
    )
    qtbot.addWidget(d)
    d.show()
    asked: list[bool] = []

    def keep_editing() -> bool:
        asked.append(True)
        return False

    d.confirm_discard = keep_editing  # type: ignore[method-assign]
    qtbot.keyClick(d, Qt.Key.Key_Escape)
    assert d.isVisible() is False and asked == []  # nothing typed: closes without asking
    d.show()
    d.terms.amount.setText("100000")
    qtbot.keyClick(d, Qt.Key.Key_Escape)
    assert d.isVisible() and asked == [True]
    assert d.terms.amount.text() == "100000"
    d.confirm_discard = lambda: True  # type: ignore[method-assign]
    qtbot.keyClick(d, Qt.Key.Key_Escape)
    assert not d.isVisible() and d.result() == 0


def test_a_refused_status_step_says_why_and_writes_nothing(qtbot, ui, client, monkeypatch):
    from crm.ui.loans.status_dialog import LoanStatusDialog

    loans = ui.ctx.services.loans
    applied = loans.add(client, loan(LoanStatus.APPLIED))
    tab = show_tab(qtbot, ui, client)
    qtbot.waitUntil(lambda: tab.current() is not None)

    def skip(d) -> None:
        # Only the steps an application allows are offered: no "repaid" before "disbursed".
        offered = [d.to.itemData(i) for i in range(d.to.count())]
        assert offered == ["approved", "declined"]
        loans.change_status(applied, LoanStatus.DECLINED)  # meanwhile, elsewhere
        d.choose(LoanStatus.APPROVED)
        d.accept()

    opened = drive(monkeypatch, LoanStatusDialog, skip)
    tab.change_status()
    d = opened[0]
    assert d.result() == 0 and d.isVisible()
    assert d.errors["status"].text() == "A loan cannot go from Declined to Approved."
    history = [e.status for e in loans.get(applied).history]
    assert history == [LoanStatus.APPLIED, LoanStatus.DECLINED]


def test_an_extension_asks_for_the_new_maturity(qtbot, ui, client, monkeypatch) -> None:
    from crm.ui.loans.status_dialog import LoanStatusDialog

    loans = ui.ctx.services.loans
    lent = loans.add(client, loan(LoanStatus.DISBURSED, disbursed_on=D(2026, 1, 10)))
    tab = show_tab(qtbot, ui, client)
    qtbot.waitUntil(lambda: tab.current() is not None and tab.status_button.isEnabled())

    def extend(d) -> None:
        d.choose(LoanStatus.EXTENDED)
        assert d.maturity.check.isEnabled() and not d.amount.isEnabled()
        d.note.setText("资金周转困难")
        d.accept()
        assert d.errors["maturity"].text() == "An extension needs the new maturity date."
        assert d.isVisible() and d.note.text() == "资金周转困难"
        d.maturity.set_value(D(2027, 7, 10))
        d.accept()

    opened = drive(monkeypatch, LoanStatusDialog, extend)
    tab.change_status()
    assert opened[0].result() == QDialog.DialogCode.Accepted
    detail = loans.get(lent)
    assert detail.row.status is LoanStatus.EXTENDED
    assert detail.row.maturity_on == D(2027, 7, 10)
    assert detail.history[-1].note == "资金周转困难"
    qtbot.waitUntil(lambda: "Extended" in tab.detail.text() and "2027-07-10" in tab.detail.text())


def test_delete_then_undo_restores_the_loan(qtbot, ui, client, monkeypatch) -> None:
    loans = ui.ctx.services.loans
    lent = loans.add(client, loan(LoanStatus.DISBURSED, disbursed_on=D(2026, 1, 10)))
    tab = show_tab(qtbot, ui, client)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    answer_yes(monkeypatch)
    tab.delete_button.click()
    assert loans.for_client(client) == []
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    toast = ui.window.clients.toast
    assert toast.isVisible() and "经营贷 300,000.00" in toast.label.text()
    toast.action.click()  # Undo
    assert [r.id for r in loans.for_client(client)] == [lent]
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    # Edit → Redo deletes it again; Undo brings it back.
    ui.window.clients.undo_stack.redo()
    assert loans.for_client(client) == []
    ui.window.clients.undo_stack.undo()
    assert [r.id for r in loans.for_client(client)] == [lent]


def test_edit_renew_and_schedule(qtbot, ui, client, monkeypatch) -> None:
    from crm.ui.loans.calculator import CalculatorWindow
    from crm.ui.loans.loan_dialog import LoanDialog

    loans = ui.ctx.services.loans
    old = loans.add(client, loan(LoanStatus.DISBURSED, disbursed_on=D(2025, 12, 1), purpose="进货"))
    tab = show_tab(qtbot, ui, client)
    qtbot.waitUntil(lambda: tab.current() is not None and tab.renew_button.isEnabled())

    def edit(d) -> None:
        assert not d.status.isEnabled()  # a status moves only by a dated change
        assert d.terms.amount.text() == "300,000.00"
        d.texts["collateral"].setText("房产证")
        d.accept()

    drive(monkeypatch, LoanDialog, edit)
    tab.edit_button.click()
    assert loans.get(old).row.collateral == "房产证"

    def renew(d) -> None:
        assert "renews 经营贷 300,000.00" in d.context.text()
        assert d.selected_status() is LoanStatus.APPLIED
        assert d.texts["purpose"].text() == "进货"
        d.terms.amount.setText("500000")
        d.accept()

    drive(monkeypatch, LoanDialog, renew)
    tab.renew_button.click()
    [new] = [r for r in loans.for_client(client) if r.id != old]
    assert new.renewal_of_id == old and new.amount == Decimal("500000.00")
    qtbot.waitUntil(lambda: tab.current() is not None and tab.current().id == new.id)
    qtbot.waitUntil(lambda: "Renews 经营贷 300,000.00" in tab.detail.text())

    tab.show_schedule()
    calculator = ui.window.findChild(CalculatorWindow)
    assert calculator is not None and calculator.form.amount.text() == "500,000.00"
    calculator.close()


def test_needs_record_round_trip(qtbot, ui, client, monkeypatch) -> None:
    from crm.ui.loans.need_dialog import NeedDialog

    needs = ui.ctx.services.needs
    tab = show_tab(qtbot, ui, client)

    def bad(d) -> None:
        d.amount.setText("很多")
        d.accept()
        assert d.errors["purpose"].text() == "Write what the client says the money is for."
        assert "more than 0" in d.errors["amount"].text()
        d.purpose.setText("进货")
        d.real_need.setPlainText("旺季备货，回款周期60天")
        d.amount.setText("30万")
        d.timing.setText("春节前")
        d.concerns.setPlainText("怕利息高")
        d.products.setText("经营贷")
        assert d.errors["purpose"].text() == "" and d.errors["amount"].text() == ""
        d.accept()

    drive(monkeypatch, NeedDialog, bad)
    tab.record_need_button.click()
    [need] = needs.for_client(client)
    assert (need.purpose, need.amount, need.timing) == ("进货", Decimal("300000.00"), "春节前")
    assert need.recorded_on == D(2026, 11, 29)
    qtbot.waitUntil(lambda: tab.needs_model.rowCount() == 1)
    assert tab.current_need() is not None and tab.current_need().id == need.id

    def edit(d) -> None:
        assert d.purpose.text() == "进货" and d.amount.text() == "300,000.00"
        d.timing.setText("2027-03")
        d.accept()

    drive(monkeypatch, NeedDialog, edit)
    tab.edit_need_button.click()
    assert needs.get(need.id).timing == "2027-03"
    qtbot.waitUntil(lambda: tab.needs_model.index(0, 4).data() == "2027-03")

    answer_yes(monkeypatch)
    tab.delete_need_button.click()
    assert needs.for_client(client) == []
    qtbot.waitUntil(lambda: tab.needs_model.rowCount() == 0)
    ui.window.clients.toast.action.click()  # Undo
    assert [n.id for n in needs.for_client(client)] == [need.id]
    qtbot.waitUntil(lambda: tab.needs_model.rowCount() == 1)


def test_tab_follows_only_its_client(qtbot, ui, client) -> None:
    services = ui.ctx.services
    other = services.clients.add(draft("李娜"))
    tab = show_tab(qtbot, ui, client)
    services.loans.add(other, loan(LoanStatus.APPLIED))
    qtbot.wait(50)
    assert tab.model.rowCount() == 0 and not tab.loader.busy
    services.loans.add(client, loan(LoanStatus.APPLIED))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.status_button.isEnabled()  # an application can move on
    assert not tab.renew_button.isEnabled()  # nothing lent yet: nothing to renew


def test_a_closed_loan_offers_no_step(qtbot, ui, client) -> None:
    from crm.ui.loans.status_dialog import LoanStatusDialog

    loans = ui.ctx.services.loans
    repaid = loans.add(client, loan(LoanStatus.REPAID, disbursed_on=D(2024, 1, 5)))
    row = loans.get(repaid).row
    d = LoanStatusDialog(row, ui.ctx.clock.today(), lambda _s: None)
    qtbot.addWidget(d)
    assert d.to.count() == 0
    assert not d.buttons.button(d.buttons.StandardButton.Save).isEnabled()
    assert d.general.text() == "A loan that is Repaid has no further step."


def test_reasons_in_chinese_name_the_statuses(qtbot, ui, client, monkeypatch) -> None:
    from crm.ui.i18n import install_translators, remove_translators
    from crm.ui.loans.status_dialog import LoanStatusDialog

    loans = ui.ctx.services.loans
    applied = loans.add(client, loan(LoanStatus.APPLIED))
    loans.change_status(applied, LoanStatus.DECLINED)
    row = loans.for_client(client)[0]
    translators = install_translators("zh_CN")
    try:
        d = LoanStatusDialog(
            row._replace(status=LoanStatus.APPLIED),  # as the tab saw it before the change
            ui.ctx.clock.today(),
            lambda step: loans.change_status(applied, step.to, step.on),
        )
        qtbot.addWidget(d)
        d.choose(LoanStatus.APPROVED)
        d.accept()
        assert d.errors["status"].text() == "贷款不能从“已拒绝”直接变为“审批通过”。"
    finally:
        remove_translators(translators)
