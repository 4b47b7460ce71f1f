"""Fixtures of the loan integration tests: a borrower with a running loan and a needs record,
and a prospect without loans, in the shared book at the fixed clock (2026-11-29)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest

from crm.domain.loan_form import NeedDraft
from crm.domain.loan_status import LoanStatus
from tests.helpers import draft
from tests.loans.conftest import loan


@dataclass(frozen=True)
class People:
    borrower: int
    prospect: int
    loan_id: int


@pytest.fixture
def loans(book, clock):
    from crm.services.loans import LoanService

    return LoanService(book, clock)


@pytest.fixture
def needs(book, clock):
    from crm.services.needs import NeedService

    return NeedService(book, clock)


@pytest.fixture
def people(clients, loans, needs) -> People:
    borrower = clients.add(draft("王建国", phones=["13812345678"]))
    prospect = clients.add(draft("李娜"))
    loan_id = loans.add(
        borrower, loan(LoanStatus.DISBURSED, disbursed_on=dt.date(2026, 6, 1), product="经营贷")
    )
    needs.add(
        borrower,
        NeedDraft(
            purpose="进货周转",
            real_need="旺季前备货，回款慢",
            amount=Decimal("300000"),
            timing="2027-03",
            recorded_on=dt.date(2026, 5, 10),
        ),
    )
    return People(borrower, prospect, loan_id)
