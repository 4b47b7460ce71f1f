"""Loans in the pre-contact brief: the service, the copyable text, `crm brief` and the tab."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from crm.cli import main
from crm.domain.loan_status import LoanStatus
from crm.services.brief import BriefService, brief_text
from tests.loans.conftest import loan

TODAY = dt.date(2026, 11, 29)


def _text(brief) -> str:
    return brief_text(brief, TODAY, lambda _c, s: s)


def test_brief_holds_running_loans_and_the_newest_need(book, clock, people, loans, needs) -> None:
    from crm.domain.loan_form import NeedDraft

    needs.add(people.borrower, NeedDraft(purpose="买车", recorded_on=dt.date(2025, 1, 5)))
    # Not running: an application and a repaid loan stay out of the brief.
    loans.add(people.borrower, loan(LoanStatus.APPLIED, product="消费贷"))
    brief = BriefService(book, clock).build(people.borrower)
    standing = loans.get(people.loan_id).standing
    assert len(brief.loans) == 1
    b = brief.loans[0]
    assert (b.product, b.status, b.amount) == ("经营贷", LoanStatus.DISBURSED, Decimal("300000"))
    assert b.balance == standing.balance and b.balance < Decimal("300000")
    assert (b.next_due, b.next_payment) == (dt.date(2026, 12, 1), standing.next_payment)
    assert (b.maturity, b.days_to_maturity) == (dt.date(2027, 6, 1), 184)
    assert brief.need is not None and brief.need.purpose == "进货周转"  # the newest

    text = _text(brief)
    assert "Running loans:" in text
    line = next(x for x in text.splitlines() if x.startswith("- 经营贷"))
    assert f"balance {standing.balance:,.2f}" in line
    assert f"next repayment 2026-12-01: {standing.next_payment:,.2f}" in line
    assert "matures 2027-06-01, in 184 days" in line
    assert "Needs record (2026-05-10):" in text
    for part in ("Purpose: 进货周转", "Real need: 旺季前备货，回款慢", "Amount: 300,000.00"):
        assert f"- {part}" in text
    assert "- Timing: 2027-03" in text
    # The loans come before the talking points: they are what the call is about.
    assert text.index("Running loans:") < text.index("Ask about:")


def test_an_overdue_loan_says_since_when_and_how_much(book, clock, people, loans) -> None:
    loans.change_status(
        people.loan_id, LoanStatus.OVERDUE, dt.date(2026, 11, 2), amount=Decimal("25600")
    )
    text = _text(BriefService(book, clock).build(people.borrower))
    line = next(x for x in text.splitlines() if x.startswith("- 经营贷"))
    assert line.startswith("- 经营贷 (Overdue)")
    assert "overdue since 2026-11-02: 25,600.00" in line


def test_a_client_without_loans_or_needs(book, clock, people) -> None:
    brief = BriefService(book, clock).build(people.prospect)
    assert brief.loans == () and brief.need is None
    text = _text(brief)
    assert "Running loans:\n- (none)" in text
    assert "Needs record:\n- (none)" in text


def test_brief_text_in_chinese(book, clock, people, qapp) -> None:
    from crm.ui.i18n import install_translators, remove_translators

    translators = install_translators("zh_CN")
    try:
        brief = BriefService(book, clock).build(people.borrower)
        text = brief_text(brief, TODAY, QCoreApplication.translate)
    finally:
        remove_translators(translators)
    assert "在贷：" in text and "余额" in text and "到期" in text
    assert "需求记录" in text and "用途：进货周转" in text


def test_crm_brief_prints_the_loans(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], book_path
) -> None:
    def run(*args: str) -> str:
        assert main(["--data-dir", str(tmp_path), "--lang", "en", *args]) == 0
        return capsys.readouterr().out

    run("add", "--name", "张伟")
    run(
        "loan", "add", "张伟", "--product", "信用贷", "--amount", "100000", "--rate", "4.35",
        "--months", "12", "--method", "equal-instalment", "--status", "disbursed",
        "--disbursed", "2026-01-15",
    )  # fmt: skip
    run("need", "张伟", "--purpose", "装修", "--real-need", "开第二家店", "--amount", "200000")
    out = run("brief", "张伟")
    assert "Running loans:\n- 信用贷 · balance " in out
    assert "matures 2027-01-15" in out
    assert "- Purpose: 装修" in out and "- Real need: 开第二家店" in out


def test_brief_tab_shows_loans_and_follows_loan_writes(qtbot, main_window, people, loans) -> None:
    page = main_window.clients
    tab = main_window.relationship.brief
    page.select_client(people.borrower)
    qtbot.waitUntil(lambda: page.pane.client_id == people.borrower)
    page.pane.show_tab(tab)
    qtbot.waitUntil(lambda: "经营贷" in tab.browser.toPlainText(), timeout=3000)
    shown = tab.browser.toPlainText()
    assert "Running loans" in shown and "matures 2027-06-01, in 184 days" in shown
    assert "Needs record, 2026-05-10" in shown and "Real need: 旺季前备货，回款慢" in shown
    assert "经营贷 · balance" in tab.text()

    loans.change_status(people.loan_id, LoanStatus.OVERDUE, amount=Decimal("25600"))
    qtbot.waitUntil(lambda: "overdue since" in tab.browser.toPlainText(), timeout=3000)
    assert "#b91c1c" in tab.browser.toHtml().lower()

    page.select_client(people.prospect)
    qtbot.waitUntil(lambda: "No running loans." in tab.browser.toPlainText(), timeout=3000)
    assert "No needs record yet." in tab.browser.toPlainText()
