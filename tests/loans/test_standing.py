"""Where a loan stands on fixed dates, per-client summaries in one call, lent per referrer."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from crm.domain.clock import FixedClock
from crm.domain.loan_enums import RepaymentMethod
from crm.domain.loan_math import LoanTerms, calculate
from crm.domain.loan_standing import posting_periods, progress
from crm.domain.loan_status import LoanStatus
from crm.services.loans import LoanService
from tests.helpers import draft
from tests.loans.conftest import loan

D = dt.date
S = LoanStatus
M = RepaymentMethod


@pytest.mark.parametrize("method", list(M))
@pytest.mark.parametrize("months", [1, 2, 12, 37, 360])
@pytest.mark.parametrize(
    ("amount", "rate"),
    [("0.05", "4.35"), ("1000", "36"), ("300000", "4.35"), ("99999999.99", "0.01")],
)
def test_progress_is_the_calculators_schedule(method, months, amount, rate) -> None:
    terms = LoanTerms(Decimal(amount), Decimal(rate), months, method)
    plan = calculate(terms)
    periods = posting_periods(method, months)
    assert [row.period for row in plan.schedule] == list(periods)
    ks = sorted({0, 1, 2, months // 2, months - 2, months - 1, months} & set(range(months + 1)))
    for k in ks:
        balance, payment = progress(terms, k)
        paid = [row for row in plan.schedule if row.period <= k]
        assert balance == (paid[-1].balance if paid else plan.amount), k
        following = next((row for row in plan.schedule if row.period > k), None)
        assert payment == (following.payment if following else None), k


def at(book, day: D) -> LoanService:
    return LoanService(book, FixedClock(dt.datetime.combine(day, dt.time(9))))


def test_standing_on_fixed_dates(book, clients, loans) -> None:
    cid = clients.add(draft("张伟"))
    lid = loans.add(cid, loan(S.DISBURSED, disbursed_on=D(2026, 6, 1), repayment_day=20))
    schedule = loans.get(lid).plan.schedule
    s = at(book, D(2026, 7, 20)).get(lid).standing  # the first repayment is due today
    assert (s.periods_paid, s.next_due, s.balance) == (0, D(2026, 7, 20), Decimal("300000.00"))
    assert s.next_payment == schedule[0].payment
    s = at(book, D(2026, 11, 29)).get(lid).standing
    assert (s.periods_paid, s.next_due) == (5, D(2026, 12, 20))
    assert s.balance == schedule[4].balance == Decimal("176581.10")
    assert s.next_payment == Decimal("25592.97")
    assert s.maturity == D(2027, 6, 1) and s.days_to_maturity == 184
    s = at(book, D(2027, 6, 21)).get(lid).standing
    assert (s.balance, s.next_due, s.next_payment) == (Decimal("0.00"), None, None)
    assert loans.get(lid).due_dates[0] == D(2026, 7, 20) and len(loans.get(lid).due_dates) == 12


def test_bullet_owes_everything_until_maturity(book, clients, loans) -> None:
    cid = clients.add(draft("张伟"))
    lid = loans.add(cid, loan(S.DISBURSED, disbursed_on=D(2026, 1, 15), method=M.BULLET, months=12))
    s = at(book, D(2026, 11, 29)).get(lid).standing
    assert s.balance == Decimal("300000.00") and s.next_due == D(2027, 1, 15)
    assert s.next_payment == Decimal("313050.00")  # 300,000 × 4.35% a year, one year


def test_extended_and_overdue_loans(book, clients, loans) -> None:
    cid = clients.add(draft("张伟"))
    lid = loans.add(cid, loan(S.DISBURSED, disbursed_on=D(2025, 12, 10), months=12))
    schedule = loans.get(lid).plan.schedule
    loans.change_status(lid, S.OVERDUE, D(2026, 11, 12), amount=Decimal("25592.97"))
    s = loans.get(lid).standing
    assert s.overdue_since == D(2026, 11, 12) and s.overdue_amount == Decimal("25592.97")
    assert s.balance == schedule[10].balance  # 11 repayment days passed
    loans.change_status(lid, S.EXTENDED, D(2026, 11, 20), maturity=D(2027, 6, 10))
    s = loans.get(lid).standing
    # What remained at the extension (after 11 repayments) falls due at the new maturity.
    assert s.balance == schedule[10].balance and s.next_due == D(2027, 6, 10)
    assert s.next_payment == schedule[10].balance and s.overdue_since is None
    summary = loans.summaries([cid])[cid]
    assert summary.balance == s.balance and summary.next_repayment_on == D(2027, 6, 10)


def test_summaries_for_a_page_of_clients_in_one_query(book, clients, loans) -> None:
    ids = [clients.add(draft(f"客户{i}")) for i in range(120)]
    rows = []
    for i, cid in enumerate(ids):
        if i % 3 == 0:
            continue  # no loan
        rows.append(
            (
                cid,
                loan(
                    S.DISBURSED,
                    disbursed_on=D(2026, 1 + i % 10, 1 + i % 28),
                    months=12 + i,
                    method=list(M)[i % 5],
                ),
            )
        )
        if i % 4 == 0:
            rows.append((cid, loan(S.DISBURSED, disbursed_on=D(2025, 12, 5), repayment_day=5)))
        if i % 5 == 0:
            rows.append((cid, loan(S.REPAID, disbursed_on=D(2024, 1, 1))))
    loan_ids = loans.add_many(rows)
    statements: list[str] = []
    conn = book.reader()
    conn.set_trace_callback(statements.append)
    try:
        page = ids[:100]
        got = loans.summaries(page)
    finally:
        conn.set_trace_callback(None)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1
    assert set(got) == {cid for i, cid in enumerate(page) if i % 3}
    # Each summary is the sum of its loans' standings, as the detail shows them.
    for cid, summary in got.items():
        details = [loans.get(r.id) for r in loans.for_client(cid) if r.status.running]
        assert summary.running == len(details)
        assert summary.balance == sum(d.standing.balance for d in details)
        dues = [d.standing.next_due for d in details if d.standing.next_due]
        assert summary.next_repayment_on == min(dues)
        assert summary.next_repayment_amount == sum(
            d.standing.next_payment or 0 for d in details if d.standing.next_due == min(dues)
        )
        assert summary.nearest_maturity == min(d.row.maturity_on for d in details)
    assert len(loan_ids) == len(rows)


def test_lent_to_sums_disbursed_loans_of_referred_clients(clients, loans) -> None:
    boss = clients.add(draft("王老板"))
    idle = clients.add(draft("赵六"))
    b = clients.add(draft("张伟", referred_by_id=boss))
    c = clients.add(draft("李四", referred_by_id=boss))
    other = clients.add(draft("钱七", referred_by_id=idle))
    loans.add(b, loan(S.DISBURSED, disbursed_on=D(2026, 1, 1)))
    loans.add(b, loan(S.REPAID, disbursed_on=D(2024, 1, 1), amount="100000"))
    loans.add(c, loan(S.APPLIED, amount="50000"))  # nothing lent yet
    gone = loans.add(c, loan(S.DISBURSED, disbursed_on=D(2026, 1, 1), amount="70000"))
    loans.delete(gone)
    loans.add(other, loan(S.APPLIED))
    assert loans.lent_to([boss, idle, 999]) == {
        boss: Decimal("400000.00"),
        idle: Decimal("0.00"),
        999: Decimal("0.00"),
    }
