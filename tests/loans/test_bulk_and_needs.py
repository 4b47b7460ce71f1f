"""add_many is add in bulk (same rows, same side effects, one publish); the needs record;
the query modules' column lists match the table classes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from crm.domain.changes import Initiator, Topic
from crm.domain.errors import ValidationErrors
from crm.domain.loan_form import NeedDraft
from crm.domain.loan_status import LoanStatus
from crm.services.clients import ClientService
from crm.services.loans import LoanService
from crm.store.book import Book
from crm.store.queries import loans as q
from tests.helpers import draft
from tests.loans.conftest import counts, loan

D = dt.date
S = LoanStatus


def _book_with_clients(path: Path, clock) -> tuple[Book, list[int]]:
    book = Book.open(path)
    clients = ClientService(book, clock)
    boss = clients.add(draft("王老板"))
    ids = [boss] + [clients.add(draft(f"客户{i}", referred_by_id=boss)) for i in range(4)]
    return book, ids


def _rows(ids: list[int]):
    _boss, a, b, c, d = ids
    return [
        (a, loan(S.REPAID, disbursed_on=D(2024, 3, 1))),
        (a, loan(S.DISBURSED, disbursed_on=D(2026, 3, 1), repayment_day=15)),
        (b, loan(S.APPLIED)),
        (c, loan(S.DECLINED, applied_on=D(2026, 10, 1))),
        (d, loan(S.OVERDUE, disbursed_on=D(2026, 2, 1), overdue_amount=Decimal("1200"))),
        (d, loan(S.EXTENDED, disbursed_on=D(2025, 2, 1), maturity_on=D(2027, 2, 1))),
    ]


def _dump(book: Book) -> dict[str, list[tuple]]:
    conn = book.reader()
    return {
        table: conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
        for table in ("loan", "loan_event", "client", "referral_thanks")
    }


def test_add_many_writes_what_add_writes(tmp_path: Path, clock) -> None:
    one_book, ids = _book_with_clients(tmp_path / "one.db", clock)
    bulk_book, bulk_ids = _book_with_clients(tmp_path / "bulk.db", clock)
    try:
        assert ids == bulk_ids
        one = LoanService(one_book, clock)
        one_ids = [one.add(cid, d) for cid, d in _rows(ids)]
        heard = []
        bulk_book.changes.subscribe(heard.append)
        bulk = LoanService(bulk_book, clock)
        assert bulk.add_many(_rows(ids)) == one_ids
        assert _dump(one_book) == _dump(bulk_book)
        statuses = dict(bulk_book.reader().execute("SELECT id, status FROM client"))
        assert [statuses[i] for i in ids[1:]] == ["borrower", "applying", "declined", "borrower"]
        assert len(_dump(bulk_book)["referral_thanks"]) == 2
        (change,) = heard
        assert change.topics == {Topic.LOAN, Topic.CLIENT, Topic.REFERRAL_THANKS}
        assert change.client_ids == set(ids[1:]) and change.initiator is Initiator.DEMO
    finally:
        one_book.close()
        bulk_book.close()


def test_add_many_refuses_the_whole_batch(book, clients, loans) -> None:
    cid = clients.add(draft("张伟"))
    before = counts(book)
    with pytest.raises(ValidationErrors):
        loans.add_many([(cid, loan()), (cid, loan(rate="99"))])
    with pytest.raises(LookupError):
        loans.add_many([(cid, loan()), (999, loan())])
    assert counts(book) == before
    assert loans.add_many([]) == []


def test_needs_record(book, clients, needs, published) -> None:
    cid = clients.add(draft("张伟"))
    first = needs.add(
        cid,
        NeedDraft(
            purpose="进货",
            real_need="春节备货周转",
            amount=Decimal(300000),
            timing="春节后",
            recorded_on=D(2025, 11, 1),
        ),
    )
    assert published[-1].topics == {Topic.NEED} and published[-1].client_ids == {cid}
    second = needs.add(cid, NeedDraft(purpose="装修", concerns="利率", products="经营贷、消费贷"))
    rows = needs.for_client(cid)
    assert [r.id for r in rows] == [second, first]  # newest first
    assert rows[1].amount == Decimal("300000.00") and rows[1].timing == "春节后"
    assert rows[0].recorded_on == D(2026, 11, 29) and rows[0].amount is None
    needs.update(first, NeedDraft(purpose="进货", real_need="扩大门店", recorded_on=D(2025, 11, 1)))
    assert needs.get(first).real_need == "扩大门店" and needs.get(first).amount is None
    needs.delete(first)
    assert [r.id for r in needs.for_client(cid)] == [second]
    needs.restore(first)
    assert len(needs.for_client(cid)) == 2
    with pytest.raises(LookupError):
        needs.update(999, NeedDraft(purpose="x"))
    assert published[-1].initiator is Initiator.UNDO


def test_column_lists_match_the_table_classes() -> None:
    from crm.domain.loans import Loan, LoanEvent, LoanNeed

    for columns, table in (
        (q.LOAN_COLUMNS, Loan),
        (q.LOAN_EVENT_COLUMNS, LoanEvent),
        (q.LOAN_NEED_COLUMNS, LoanNeed),
    ):
        assert columns == tuple(c.name for c in table.__table__.columns)  # type: ignore[attr-defined]


def test_the_book_schema_has_those_columns(book) -> None:
    conn = book.reader()
    for table, columns in (
        ("loan", q.LOAN_COLUMNS),
        ("loan_event", q.LOAN_EVENT_COLUMNS),
        ("loan_need", q.LOAN_NEED_COLUMNS),
    ):
        assert tuple(r[1] for r in conn.execute(f"PRAGMA table_info({table})")) == columns
