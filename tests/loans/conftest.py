"""Fixtures of the loan tests: the services over the shared book and fixed clock."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from crm.domain.changes import Change
from crm.domain.loan_enums import RepaymentMethod
from crm.domain.loan_form import LoanDraft
from crm.domain.loan_status import LoanStatus
from crm.store.book import Book


@pytest.fixture
def loans(book, clock):
    from crm.services.loans import LoanService

    return LoanService(book, clock)


@pytest.fixture
def needs(book, clock):
    from crm.services.needs import NeedService

    return NeedService(book, clock)


@pytest.fixture
def published(book: Book) -> list[Change]:
    heard: list[Change] = []
    book.changes.subscribe(heard.append)
    return heard


def loan(
    status: LoanStatus = LoanStatus.APPLIED,
    *,
    amount: str = "300000",
    rate: str = "4.35",
    months: int = 12,
    method: RepaymentMethod = RepaymentMethod.EQUAL_INSTALMENT,
    disbursed_on: dt.date | None = None,
    **fields: object,
) -> LoanDraft:
    """A loan form as typed: ``loan(LoanStatus.DISBURSED, disbursed_on=D(2026, 6, 1))``."""
    d = LoanDraft(
        product=str(fields.pop("product", "经营贷")),
        amount=Decimal(amount),
        rate=Decimal(rate),
        months=months,
        method=method,
        status=status,
        disbursed_on=disbursed_on,
    )
    for key, value in fields.items():
        assert hasattr(d, key), key
        setattr(d, key, value)
    return d


def counts(book: Book) -> tuple[int, int, int, list[tuple[int, str]], int]:
    """(loans, loan events, needs, client statuses, thank-yous): to show nothing was written."""
    conn = book.reader()

    def one(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0])

    statuses = conn.execute("SELECT id, status FROM client ORDER BY id").fetchall()
    return (
        one("SELECT count(*) FROM loan"),
        one("SELECT count(*) FROM loan_event"),
        one("SELECT count(*) FROM loan_need"),
        statuses,
        one("SELECT count(*) FROM referral_thanks"),
    )
