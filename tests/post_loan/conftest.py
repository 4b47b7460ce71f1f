"""Fixtures of the post-loan tests: the services over a fresh book and the fixed clock."""

from __future__ import annotations

import datetime as dt

import pytest

from crm.domain.changes import Change
from crm.domain.loan_status import LoanStatus
from crm.store.book import Book
from tests.loans.conftest import loan


@pytest.fixture
def services(book, clock):
    from crm.services.facade import Services

    return Services(book, clock)


@pytest.fixture
def published(book: Book) -> list[Change]:
    heard: list[Change] = []
    book.changes.subscribe(heard.append)
    return heard


def add_client(services, name: str = "张伟", **fields: object) -> int:
    from crm.domain.client_form import ClientDraft

    draft = ClientDraft(name=name)
    for key, value in fields.items():
        setattr(draft, key, value)
    return services.clients.add(draft)


def disbursed(services, client_id: int, on: dt.date, product: str = "经营贷") -> int:
    return services.loans.add(
        client_id, loan(LoanStatus.DISBURSED, disbursed_on=on, product=product, status_on=on)
    )


def applied(services, client_id: int, product: str = "经营贷") -> int:
    return services.loans.add(client_id, loan(LoanStatus.APPLIED, product=product))


def count(book: Book, table: str) -> int:
    return int(book.reader().execute(f"SELECT count(*) FROM {table}").fetchone()[0])
