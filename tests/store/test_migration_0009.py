"""Migration 0009: the dashboard's indexes, and the day each post-loan check was due, worked
out for the checks a 0008 book already holds (and kept as checks are written after it)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal
from pathlib import Path

from crm.domain.client_form import ClientDraft
from crm.domain.loan_form import LoanDraft
from crm.domain.loan_status import LoanStatus
from crm.domain.post_loan import CheckKind
from crm.services.facade import Services
from crm.store.book import Book

INDEXES = (
    "ix_loan_disbursed",
    "ix_loan_applied",
    "ix_client_created",
    "ix_loan_event_status",
    "ix_promise_due",
    "ix_post_loan_check_due",
)


def _book_with_checks(path: Path, clock) -> tuple[int, dict[str, int]]:
    book = Book.open(path)
    s = Services(book, clock)
    client = s.clients.add(ClientDraft(name="甲"))
    draft = LoanDraft(product="经营贷", amount=Decimal("100000"), rate=Decimal("4.35"), months=12)
    draft.status = LoanStatus.DISBURSED
    draft.disbursed_on = dt.date(2026, 6, 1)
    loan = s.loans.add(client, draft)
    ids = {
        "funds": s.post_loan.check_in(loan, CheckKind.USE_OF_FUNDS, on=dt.date(2026, 6, 20)),
        "funds_again": s.post_loan.check_in(loan, CheckKind.USE_OF_FUNDS, on=dt.date(2026, 7, 1)),
        "call_1": s.post_loan.check_in(loan, CheckKind.CALL, on=dt.date(2026, 6, 25)),
        "call_2": s.post_loan.check_in(loan, CheckKind.CALL, on=dt.date(2026, 8, 10)),
    }
    book.close()
    return loan, ids


def _due(path: Path) -> dict[int, str | None]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT id, due_on FROM post_loan_check").fetchall())


def test_checks_written_keep_the_day_they_were_due(tmp_path: Path, clock) -> None:
    path = tmp_path / "prism.db"
    _loan, ids = _book_with_checks(path, clock)
    due = _due(path)
    assert due[ids["funds"]] == "2026-06-16"  # 15 days after the money went out: late
    assert due[ids["funds_again"]] is None  # nothing scheduled a second one
    assert due[ids["call_1"]] == "2026-07-01"
    assert due[ids["call_2"]] == "2026-07-25"  # 30 days after the call of 06-25


def test_a_0008_book_gets_the_indexes_and_the_due_days(tmp_path: Path, clock) -> None:
    path = tmp_path / "prism.db"
    _loan, ids = _book_with_checks(path, clock)
    expected = _due(path)
    assert expected[ids["call_2"]] == "2026-07-25"
    with sqlite3.connect(path) as conn:  # the book as 0008 left it (nor 0010's indexes)
        for name in (*INDEXES, "ix_loan_client_disbursed", "ix_loan_deleted", "ix_client_referred"):
            conn.execute(f"DROP INDEX {name}")
        conn.execute("ALTER TABLE post_loan_check DROP COLUMN due_on")
        conn.execute("UPDATE alembic_version SET version_num = '0008'")
        conn.execute("PRAGMA user_version = 8")
    Book.open(path).close()
    assert _due(path) == expected
    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert set(INDEXES) <= names


def test_the_period_figures_read_their_index(book: Book) -> None:
    from crm.store.queries import stats as q

    params = {"first": "2026-11-01", "last": "2026-11-30", "today": "2026-11-29"}
    uses = {
        "applications": "ix_loan_applied",
        "days_to_disburse": "ix_loan_disbursed",
        "referred_loans": "ix_loan_disbursed",
        "referred_clients": "ix_client_created",
        "promises_kept": "ix_promise_due",
        "days_to_approve": "ix_loan_event_status",
        "post_loan_checks": "ix_post_loan_check_due",
    }
    conn = book.reader()
    for rows, index in uses.items():
        plan = " ".join(r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN {q.ROWS[rows]}", params))
        assert index in plan, (rows, plan)
    # The loans' pass (two statements since 0010: lent, applied for).
    plan = " ".join(r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN {q._LENT}", params))
    assert "ix_loan_disbursed" in plan
    plan = " ".join(r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN {q._APPLIED}", params))
    assert "ix_loan_applied" in plan
