"""The after-the-loan area on the real main window: the Risks section under Loans, the pane's
tab, the client list's badge, detection off the GUI thread on a change."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from crm.domain.loan_status import LoanStatus
from crm.domain.post_loan import DocState
from crm.domain.risk import RiskKind
from tests.helpers import draft
from tests.loans.conftest import loan

D = dt.date
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


@pytest.fixture
def area(qtbot, main_window):
    qtbot.waitUntil(lambda: not main_window.ctx.runner.busy)
    return main_window.post_loan


def _settle(qtbot, area) -> None:
    qtbot.waitUntil(lambda: not area.ctx.runner.busy, timeout=10_000)
    qtbot.wait(20)


def test_risks_section_sits_under_loans_and_the_pane_has_the_tab(area) -> None:
    window = area.window
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles.index("Risks") == titles.index("Loans") + 1
    pane = window.clients.pane
    assert pane.tabs.tabText(pane.tab_index(area._tab)) == "After the loan"
    assert not area._page.built


def test_risks_page_worst_first_badges_and_incremental_detection(qtbot, area) -> None:
    services = area.ctx.services
    wang = services.clients.add(draft("王建国"))
    li = services.clients.add(draft("李娜"))
    services.risks.add(li, RiskKind.BIG_SPENDING, note="新车")
    loan_id = services.loans.add(wang, loan(LoanStatus.DISBURSED, disbursed_on=D(2026, 6, 1)))
    services.loans.change_status(loan_id, LoanStatus.OVERDUE, D(2026, 11, 20))
    # The change was heard: detection ran for 王建国 on the runner, not on the GUI thread.
    qtbot.waitUntil(lambda: any(s.client_id == wang for s in services.risks.open()))
    _settle(qtbot, area)
    page = area.window.show_section("risks")
    qtbot.waitUntil(lambda: page.model.rowCount() >= 2)
    _settle(qtbot, area)
    names = [page.model.item(r, 1).text() for r in range(page.model.rowCount())]
    kinds = [page.model.item(r, 2).text() for r in range(page.model.rowCount())]
    assert names[:2] == ["王建国", "李娜"] and kinds[0] == "Repayment overdue"
    assert "Post-loan check late" in kinds  # the overdue loan's use-of-funds check is late
    qtbot.waitUntil(lambda: area.badges is not None)  # after the first paint
    area.window.show_section("clients")  # the list paints: the badges are read
    qtbot.waitUntil(lambda: set(area.badges.levels) == {wang, li})
    assert area.badges.levels[wang] // 1000 == 3


def test_client_tab_shows_papers_checks_and_turnover(qtbot, area) -> None:
    services = area.ctx.services
    cid = services.clients.add(draft("张伟"))
    services.loans.add(cid, loan(LoanStatus.APPLIED, product="消费贷"))
    services.related.record_turnover(
        cid, [(f"2026-{m:02d}", Decimal(100000 + m * 1000)) for m in range(1, 11)]
    )
    area.open_client(cid)
    tab = area.tab
    qtbot.waitUntil(lambda: tab.data is not None and tab.data.client_id == cid)
    assert tab.doc_model.rowCount() == 4
    assert tab.docs_title.text() == "Loan 1 · 消费贷: 4 missing"
    assert len(tab.chart.months) == 10 and "6-month average" in tab.stats.text()
    tab.grab()  # the chart paints
    tab.docs.selectRow(0)
    tab.act.mark(DocState.RECEIVED)
    qtbot.waitUntil(lambda: tab.docs_title.text() == "Loan 1 · 消费贷: 3 missing")
