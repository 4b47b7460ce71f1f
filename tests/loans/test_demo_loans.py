"""Demo loans fit each client's status and go through the loans' one write path."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from crm.services import demo, demo_loans
from crm.services.loans import LoanService
from crm.store.queries import loans as q


def test_the_demo_step_keeps_statuses_and_mixes_loans(book, clock) -> None:
    assert demo_loans.fill in demo.steps()
    ids = demo.fill_demo(book, 600, seed=3, clock=clock)
    conn = book.reader()
    statuses = Counter(r[1] for r in q.client_statuses(conn, ids))
    loans = dict(conn.execute("SELECT status, count(*) FROM loan GROUP BY status").fetchall())
    assert {"applied", "disbursed", "repaid", "declined"} <= set(loans)
    running = loans["disbursed"] + loans.get("extended", 0) + loans.get("overdue", 0)
    assert (
        running
        == conn.execute(
            "SELECT count(DISTINCT client_id) FROM loan WHERE status IN "
            "('disbursed', 'extended', 'overdue')"
        ).fetchone()[0]
    )
    assert statuses["borrower"] >= running * 0.9  # a borrower per running loan
    renewals = conn.execute("SELECT count(*) FROM loan WHERE renewal_of_id IS NOT NULL")
    assert renewals.fetchone()[0] > 0
    per_client = conn.execute(
        "SELECT count(*) FROM (SELECT client_id FROM loan GROUP BY client_id HAVING count(*) > 1)"
    ).fetchone()[0]
    lent = statuses["borrower"] + statuses["former_borrower"]
    assert per_client == pytest.approx(0.4 * lent, rel=0.3)
    # Every event follows the one-event rule: one history entry per loan.
    assert conn.execute("SELECT count(*) FROM loan_event").fetchone()[0] == sum(loans.values())


def test_plan_hits_a_target_and_writes_through_add_many(book, clock) -> None:
    ids = demo.fill_demo(book, 300, seed=5, clock=clock)
    people = q.client_statuses(book.reader(), ids)
    before = Counter(p[1] for p in people)
    generations = demo_loans.plan_loans(random.Random(1), people, clock.today(), target=600)
    written = demo_loans.write_generations(generations, LoanService(book, clock).add_many)
    assert len(written) == 600
    after = Counter(p[1] for p in q.client_statuses(book.reader(), ids))
    assert after == before  # the loans fit the statuses the demo gave
