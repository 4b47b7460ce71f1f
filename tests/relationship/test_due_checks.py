"""Due for contact: its third group lists the post-loan checks due or late (贷后), the most
overdue first; a check recorded takes its line off; the table swaps models and back."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt

from crm.domain.client_form import ClientDraft
from crm.domain.loan_form import LoanDraft
from crm.domain.loan_status import LoanStatus
from crm.domain.post_loan import CheckKind
from crm.ui.relationship.due_page import CHECKS, CONTACTED, DueChecksModel

D = dt.date


def _loan(services, name: str, disbursed: dt.date) -> tuple[int, int]:
    cid = services.clients.add(ClientDraft(name=name))
    draft = LoanDraft(product="经营贷", amount=Decimal("100000"), rate=Decimal("4.35"), months=12)
    draft.status = LoanStatus.DISBURSED
    draft.disbursed_on = disbursed
    return cid, services.loans.add(cid, draft)


def test_the_checks_group_lists_due_checks(qtbot, qtmodeltester, main_window) -> None:
    services = main_window.ctx.services
    _late, late_loan = _loan(services, "张伟", D(2026, 10, 1))  # use of funds due 10-16
    _loan(services, "李娜", D(2026, 11, 14))  # due 11-29: today
    _loan(services, "王芳", D(2026, 11, 20))  # due 12-05: not yet
    due = main_window.relationship.due
    main_window.show_section("due")
    qtbot.waitUntil(lambda: due._due is not None and due._due.checks_total > 0)
    # 张伟's use of funds (10-16) and call (10-31), 李娜's use of funds (today)
    assert due.groups.tabText(CHECKS) == "Post-loan checks (3)"
    due.groups.setCurrentIndex(CHECKS)
    model = due.table.model()
    assert isinstance(model, DueChecksModel)
    qtmodeltester.check(model)
    rows = [[model.index(r, c).data() for c in range(5)] for r in range(model.rowCount())]
    assert rows[0] == ["张伟", "经营贷", "use-of-funds check", "2026-10-16", "44 days"]
    assert rows[-1][0] == "李娜" and rows[-1][4] == "due today"
    assert model.index(0, 4).data(Qt.ItemDataRole.ForegroundRole) is not None
    due.table.setCurrentIndex(model.index(0, 0))
    assert due.current().client_id == _late
    services.post_loan.check_in(late_loan, CheckKind.USE_OF_FUNDS, funds_ok=True)
    qtbot.waitUntil(lambda: due.groups.tabText(CHECKS) == "Post-loan checks (2)")
    assert due.groups.currentIndex() == CHECKS  # the group picked stays picked
    assert model.index(0, 2).data() == "call"
    due.groups.setCurrentIndex(CONTACTED)
    assert due.table.model() is due.model
