"""The loans and needs table models pass Qt's model tester; cells read as the officer expects;
the per-loan standings the tables show match a loan's own detail."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt

from crm.domain.loan_status import LoanStatus
from crm.services.facade import Services
from tests.helpers import draft
from tests.loans.conftest import loan

D = dt.date


def _book(services: Services) -> tuple[int, list[int]]:
    """One client with a running, an overdue-after-extension, an applied and a repaid loan."""
    cid = services.clients.add(draft("王建国"))
    loans = services.loans
    running = loans.add(cid, loan(LoanStatus.DISBURSED, disbursed_on=D(2026, 3, 10), months=24))
    stretched = loans.add(
        cid, loan(LoanStatus.DISBURSED, amount="120000", disbursed_on=D(2025, 12, 5), months=12)
    )
    loans.change_status(stretched, LoanStatus.EXTENDED, D(2026, 6, 1), maturity=D(2027, 6, 5))
    loans.change_status(stretched, LoanStatus.OVERDUE, D(2026, 11, 1), amount=Decimal("5000"))
    applied = loans.add(cid, loan(LoanStatus.APPLIED, product="消费贷", rate="0.5",
                                  rate_quoted_as="monthly"))  # fmt: skip
    repaid = loans.add(
        cid, loan(LoanStatus.REPAID, disbursed_on=D(2023, 1, 5), status_on=D(2024, 1, 5))
    )
    return cid, [running, stretched, applied, repaid]


def _lines(services: Services, cid: int):
    from crm.ui.loans.loans_model import LoanLine

    rows = services.loans.for_client(cid)
    standings = services.loans.standings(rows)
    return [LoanLine(r, standings[r.id]) for r in rows]


def test_standings_are_what_each_loan_detail_says(ui_ctx) -> None:
    services = ui_ctx.services
    cid, ids = _book(services)
    rows = services.loans.for_client(cid)
    standings = services.loans.standings(rows)
    assert set(standings) == set(ids)
    for loan_id in ids:
        assert standings[loan_id] == services.loans.get(loan_id).standing
    stretched = standings[ids[1]]
    assert stretched.next_due == D(2027, 6, 5)  # what remained at the extension, at maturity
    assert stretched.overdue_amount == Decimal("5000.00")


def test_loans_model_passes_the_model_tester(qtmodeltester, ui_ctx) -> None:
    from crm.ui.loans.loans_model import TAB_COLUMNS, LoansModel

    cid, _ids = _book(ui_ctx.services)
    lines = _lines(ui_ctx.services, cid)
    for columns in ((), TAB_COLUMNS):
        model = LoansModel(columns) if columns else LoansModel()
        qtmodeltester.check(model)
        model.set_lines(lines)
        assert model.rowCount() == 4
        qtmodeltester.check(model)
        model.set_lines([])
        qtmodeltester.check(model)


def test_loan_cells_money_status_and_marks(ui_ctx) -> None:
    from crm.ui.loans import look
    from crm.ui.loans.loans_model import SORT_ROLE, STATUS_ROLE, Col, LoansModel

    cid, ids = _book(ui_ctx.services)
    model = LoansModel()
    model.set_lines(_lines(ui_ctx.services, cid))
    row = model.row_of(ids[0])
    amount = model.index(row, Col.AMOUNT)
    assert amount.data() == "300,000.00"
    assert amount.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.index(row, Col.STATUS).data(STATUS_ROLE) == "disbursed"
    assert model.index(row, Col.RATE).data() == "4.35%"
    assert model.index(row, Col.TERM).data() == "24 months"
    assert model.index(row, Col.CLIENT).data() == "王建国"
    assert model.index(row, Col.NEXT).data() == "2026-12-10"
    assert model.index(row, Col.BALANCE).data(SORT_ROLE) > 0
    overdue = model.row_of(ids[1])
    background = model.index(overdue, Col.CLIENT).data(Qt.ItemDataRole.BackgroundRole)
    assert background.color().name() == look.OVERDUE_ROW
    tip = model.index(overdue, Col.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert "2026-11-01" in tip and "5,000.00" in tip
    applied = model.row_of(ids[2])
    assert model.index(applied, Col.RATE).data() == "月息 0.50%"
    assert model.index(applied, Col.BALANCE).data() == ""  # nothing lent yet
    assert model.index(applied, Col.DAYS).data() == ""
    repaid = model.row_of(ids[3])
    muted = model.index(repaid, Col.AMOUNT).data(Qt.ItemDataRole.ForegroundRole)
    assert muted.color().name() == look.MUTED


def test_needs_model_passes_the_model_tester(qtmodeltester, ui_ctx) -> None:
    from crm.domain.loan_form import NeedDraft
    from crm.ui.loans.needs_model import NeedsModel

    services = ui_ctx.services
    cid = services.clients.add(draft("李娜"))
    services.needs.add(cid, NeedDraft("进货", "旺季备货\n资金缺口", Decimal(300000), "2027-03"))
    services.needs.add(cid, NeedDraft("装修", recorded_on=D(2025, 6, 1)))
    model = NeedsModel()
    qtmodeltester.check(model)
    model.set_rows(services.needs.for_client(cid))
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.index(0, 2).data() == "旺季备货 资金缺口"  # one line in the table
    assert model.index(0, 3).data() == "300,000.00"
    assert model.index(1, 3).data() == ""
    assert "Real need: 旺季备货" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_summary_counts_balance_overdue_and_maturing(ui_ctx) -> None:
    from crm.ui.loans.loans_page import summarise

    cid, _ids = _book(ui_ctx.services)
    lines = _lines(ui_ctx.services, cid)
    s = summarise(lines)
    assert s.loans == 4
    assert s.overdue == 1
    running = [ln for ln in lines if ln.running]
    assert s.balance == sum((ln.standing.balance for ln in running), Decimal(0))
    assert s.maturing == 0


def test_loans_whose_post_loan_checks_are_late_are_marked(qtmodeltester, ui_ctx) -> None:
    from crm.services.loan_views import LoanFilter
    from crm.ui.loans import look
    from crm.ui.loans.loans_model import Col, LoansModel
    from crm.ui.loans.loans_page import read_section

    services = ui_ctx.services
    cid, ids = _book(services)
    running, stretched, applied, repaid = ids
    late = read_section(services, LoanFilter()).late_checks
    assert late == services.post_loan.late_loans()
    assert set(late) == {running, stretched}  # no check recorded since the money went out
    model = LoansModel()
    model.set_lines(_lines(services, cid), late)
    qtmodeltester.check(model)
    cell = model.index(model.row_of(running), Col.DISBURSED)
    assert cell.data() == "2026-03-10  check late"
    assert cell.data(Qt.ItemDataRole.ForegroundRole).color().name() == look.LATE.lower()
    assert late[running].isoformat() in cell.data(Qt.ItemDataRole.ToolTipRole)
    for loan_id in (applied, repaid):
        quiet = model.index(model.row_of(loan_id), Col.DISBURSED)
        assert "check late" not in quiet.data()
        assert quiet.data(Qt.ItemDataRole.ToolTipRole) is None
