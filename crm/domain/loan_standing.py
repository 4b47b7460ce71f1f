"""Where a loan stands on a day, and a client's running loans summed up: pure code.

It assumes, like :func:`crm.domain.loan_calendar.standing`, that every repayment whose day has
passed was made. The balance after k repayments is computed straight from the terms
(:func:`progress`), without building the schedule or its annual rate, so a page of 100
clients' summaries stays cheap; a test holds it to the calculator's schedule, fen for fen.

An extended loan: Prism does not know the bank's new schedule, so repayments due before the
(first) extension count as made and what remained then falls due at the new maturity.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

from crm.domain.loan_calendar import add_months
from crm.domain.loan_enums import RepaymentMethod
from crm.domain.loan_math import LoanTerms, fen
from crm.domain.loan_status import RUNNING, LoanStatus

_CTX = Context(prec=34, rounding=ROUND_HALF_UP)  # the calculator's own context
_ZERO = Decimal("0.00")


@dataclass(frozen=True)
class LoanStanding:
    """Where a loan stands on a day. A loan not running (applied, approved, repaid,
    declined) owes nothing and has no next repayment."""

    balance: Decimal  # principal outstanding
    periods_paid: int  # repayments whose day has passed
    next_due: dt.date | None  # today counts as next: due today
    next_payment: Decimal | None
    maturity: dt.date | None
    days_to_maturity: int | None  # running loans only; negative once past
    overdue_since: dt.date | None = None
    overdue_amount: Decimal | None = None


@dataclass(frozen=True)
class ClientLoanSummary:
    """A client's running loans at a glance (the client list's loan columns)."""

    client_id: int
    balance: Decimal  # principal outstanding over running loans
    next_repayment_on: dt.date | None
    next_repayment_amount: Decimal | None  # every running loan's payment due that day
    nearest_maturity: dt.date | None
    running: int  # running loans (disbursed, extended, overdue)
    overdue: int  # of which overdue


# --- where a loan stands ------------------------------------------------------------------


def posting_periods(method: RepaymentMethod, months: int) -> range:
    """The schedule's periods: every month, but one posting at the end for a bullet."""
    return range(months, months + 1) if method is RepaymentMethod.BULLET else range(1, months + 1)


def due_dates_of(
    disbursed_on: dt.date, repayment_day: int | None, method: RepaymentMethod, months: int
) -> tuple[dt.date, ...]:
    """The due date of each schedule row."""
    return tuple(
        add_months(disbursed_on, p, repayment_day) for p in posting_periods(method, months)
    )


def progress(terms: LoanTerms, paid: int) -> tuple[Decimal, Decimal | None]:
    """(balance after the first ``paid`` periods, payment of period ``paid`` + 1 or None),
    exactly as :func:`crm.domain.loan_math.calculate` schedules it."""
    n = terms.months
    if paid >= n:
        return _ZERO, None
    with localcontext(_CTX):
        amount = fen(terms.amount)
        r = terms.annual_rate / 1200
        method = terms.method
        if method is RepaymentMethod.EQUAL_INSTALMENT:
            growth = (1 + r) ** n
            instalment = fen(amount * r * growth / (growth - 1))
            balance = amount
            for period in range(1, paid + 2):
                interest = fen(balance * r)
                principal = balance if period == n else min(instalment - interest, balance)
                if period > paid:
                    return balance, principal + interest
                balance -= principal
            raise AssertionError("unreachable")
        if method in (RepaymentMethod.EQUAL_PRINCIPAL, RepaymentMethod.FLAT):
            share = fen(amount / n)
            balance = max(amount - share * paid, _ZERO)
            principal = balance if paid + 1 == n else min(share, balance)
            interest = (
                fen(balance * r) if method is RepaymentMethod.EQUAL_PRINCIPAL else fen(amount * r)
            )
            return balance, principal + interest
        if method is RepaymentMethod.INTEREST_FIRST:
            interest = fen(amount * r)
            return amount, interest + (amount if paid + 1 == n else _ZERO)
        # A bullet posts once, at period n: nothing falls due before it.
        return amount, amount + fen(amount * r * n)


def _postings_before(
    day: dt.date, disbursed_on: dt.date, repayment_day: int | None, periods: range
) -> int:
    """How many of the schedule's postings fall before ``day`` (the dates only grow)."""
    months = (day.year - disbursed_on.year) * 12 + day.month - disbursed_on.month
    last = min(max(months + 1, periods.start - 1), periods.stop - 1)
    while last >= periods.start and add_months(disbursed_on, last, repayment_day) >= day:
        last -= 1
    return max(0, last - periods.start + 1)


def loan_standing(
    *,
    status: LoanStatus,
    terms: LoanTerms,
    disbursed_on: dt.date | None,
    repayment_day: int | None,
    maturity_on: dt.date | None,
    extended_on: dt.date | None,
    overdue_since: dt.date | None,
    overdue_amount: Decimal | None,
    today: dt.date,
) -> LoanStanding:
    if status not in RUNNING or disbursed_on is None:
        return LoanStanding(_ZERO, 0, None, None, maturity_on, None)
    periods = posting_periods(terms.method, terms.months)
    days = (maturity_on - today).days if maturity_on else None
    overdue = (overdue_since, overdue_amount) if status is LoanStatus.OVERDUE else (None, None)
    if extended_on is not None:
        paid = _postings_before(extended_on, disbursed_on, repayment_day, periods)
        k = periods[paid - 1] if paid else 0
        remaining = progress(terms, k)[0]
        if maturity_on is None or today > maturity_on or not remaining:
            return LoanStanding(_ZERO, len(periods), None, None, maturity_on, days, *overdue)
        return LoanStanding(remaining, paid, maturity_on, remaining, maturity_on, days, *overdue)
    paid = _postings_before(today, disbursed_on, repayment_day, periods)
    k = periods[paid - 1] if paid else 0
    balance, payment = progress(terms, k)
    next_due = (
        add_months(disbursed_on, periods[paid], repayment_day) if paid < len(periods) else None
    )
    return LoanStanding(balance, paid, next_due, payment, maturity_on, days, *overdue)


def summarise(
    client_id: int, standings: Sequence[tuple[LoanStatus, LoanStanding]]
) -> ClientLoanSummary:
    """One client's running loans, each with its standing, summed up."""
    next_on = min((s.next_due for _, s in standings if s.next_due), default=None)
    amount = (
        sum((s.next_payment or _ZERO for _, s in standings if s.next_due == next_on), _ZERO)
        if next_on
        else None
    )
    return ClientLoanSummary(
        client_id=client_id,
        balance=sum((s.balance for _, s in standings), _ZERO),
        next_repayment_on=next_on,
        next_repayment_amount=amount,
        nearest_maturity=min((s.maturity for _, s in standings if s.maturity), default=None),
        running=len(standings),
        overdue=sum(1 for status, _ in standings if status is LoanStatus.OVERDUE),
    )
