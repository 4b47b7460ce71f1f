"""The loan and needs forms: every bad input refused with a one-line reason, nothing written."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from crm.domain.errors import ValidationErrors
from crm.domain.loan_form import LoanDraft, NeedDraft, clean_loan, clean_need, render
from crm.domain.loan_status import LoanStatus
from tests.helpers import draft
from tests.loans.conftest import counts, loan

D = dt.date
TODAY = D(2026, 11, 29)
S = LoanStatus


def refused(d: LoanDraft) -> dict[str, str]:
    with pytest.raises(ValidationErrors) as info:
        clean_loan(d, TODAY)
    out = {e.field: render(e.message, lambda _c, t: t) for e in info.value.errors}
    assert all("\n" not in text for text in out.values())
    return out


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"product": "  "}, "product", "product"),
        ({"amount": Decimal(0)}, "amount", "more than 0"),
        ({"amount": Decimal("100000001")}, "amount", "100,000,000"),
        ({"amount": Decimal("100.001")}, "amount", "two decimals"),
        ({"rate": Decimal(0)}, "rate", "more than 0"),
        ({"rate": Decimal("36.01")}, "rate", "36%"),  # records never allow the calculator's warning
        ({"rate": Decimal("3.01"), "rate_quoted_as": "monthly"}, "rate", "36%"),  # 36.12% a year
        ({"rate_quoted_as": "weekly"}, "rate_quoted_as", "annual or monthly"),
        ({"months": 0}, "months", "1 to 360"),
        ({"months": 361}, "months", "1 to 360"),
        ({"fee": Decimal(300000)}, "fee", "less than the amount"),
        ({"fee": Decimal(-1)}, "fee", "negative"),
        ({"method": "weekly"}, "method", "weekly"),
        ({"repayment_day": 0}, "repayment_day", "1 to 31"),
        ({"repayment_day": 32}, "repayment_day", "1 to 31"),
        ({"purpose": "x" * 2001}, "purpose", "2000"),
    ],
)
def test_each_bad_field_is_refused(change: dict[str, object], field: str, words: str) -> None:
    d = loan()
    for key, value in change.items():
        setattr(d, key, value)
    errors = refused(d)
    assert field in errors and words in errors[field], errors


@pytest.mark.parametrize("status", [S.DISBURSED, S.EXTENDED, S.OVERDUE, S.REPAID])
def test_money_out_needs_a_disbursement_date(status: LoanStatus) -> None:
    errors = refused(loan(status))
    assert "disbursement date" in errors["disbursed_on"]
    assert str(status.label) in errors["disbursed_on"]


def test_maturity_before_disbursement_and_disbursement_before_application() -> None:
    errors = refused(loan(S.DISBURSED, disbursed_on=D(2026, 6, 1), maturity_on=D(2026, 5, 1)))
    assert "after the disbursement" in errors["maturity_on"]
    errors = refused(loan(S.DISBURSED, disbursed_on=D(2026, 6, 1), applied_on=D(2026, 7, 1)))
    assert "before the application" in errors["disbursed_on"]


def test_overdue_amount_only_with_an_overdue_loan() -> None:
    errors = refused(loan(overdue_amount=Decimal(100)))
    assert "overdue loan" in errors["overdue_amount"]
    errors = refused(loan(S.OVERDUE, disbursed_on=D(2026, 1, 1), overdue_amount=Decimal("-1")))
    assert "more than 0" in errors["overdue_amount"]


def test_every_bad_field_at_once() -> None:
    d = loan(product="", amount="0", months=0, repayment_day=40)
    assert set(refused(d)) == {"product", "amount", "months", "repayment_day"}


def test_clean_loan_fills_defaults() -> None:
    applied = clean_loan(loan(), TODAY)
    assert applied.applied_on == TODAY and applied.status_on == TODAY
    assert applied.maturity_on is None  # not disbursed: no maturity yet
    running = clean_loan(loan(S.DISBURSED, disbursed_on=D(2026, 1, 31), months=1), TODAY)
    assert running.maturity_on == D(2026, 2, 28)  # the contract maturity, clamped
    assert running.status_on == D(2026, 1, 31) and running.applied_on is None
    repaid = clean_loan(loan(S.REPAID, disbursed_on=D(2025, 1, 1)), TODAY)
    assert repaid.status_on == TODAY
    monthly = clean_loan(loan(rate="0.5", rate_quoted_as="monthly"), TODAY)
    assert monthly.annual_rate == Decimal("6.0") and monthly.rate_quoted_as == "monthly"


def test_needs_form() -> None:
    with pytest.raises(ValidationErrors) as info:
        clean_need(NeedDraft(purpose=" ", amount=Decimal(0), recorded_on=D(2026, 12, 1)), TODAY)
    assert {e.field for e in info.value.errors} == {"purpose", "amount", "recorded_on"}
    clean = clean_need(NeedDraft(purpose=" 进货 ", timing="春节后"), TODAY)
    assert clean.purpose == "进货" and clean.recorded_on == TODAY and clean.amount is None


def test_the_service_writes_nothing_for_bad_input(book, clients, loans, needs) -> None:
    cid = clients.add(draft("张伟"))
    before = counts(book)
    for bad in (
        loan(rate="40"),
        loan(S.DISBURSED),
        loan(S.DISBURSED, disbursed_on=D(2026, 6, 1), maturity_on=D(2026, 6, 1)),
        loan(renewal_of_id=999),
    ):
        with pytest.raises(ValidationErrors):
            loans.add(cid, bad)
    with pytest.raises(ValidationErrors):
        needs.add(cid, NeedDraft(purpose=""))
    with pytest.raises(LookupError):
        loans.add(999, loan())
    with pytest.raises(LookupError):
        needs.add(999, NeedDraft(purpose="进货"))
    assert counts(book) == before
