"""The dashboard's counts read from indexes (0010) equal the counts of the row sets the
click-through lists, and the loans' one pass as it read before 0010, on a demo book with
loans deleted and one restored, for months, a quarter, a year and odd spans."""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
from typing import Any

import pytest

from crm.domain.stats import Period, month_of, quarter_of, year_of
from crm.services.facade import Services
from crm.store.queries import stats as q
from crm.store.queries import stats_post_loan as pq

#: The loans' one pass before 0010 (crm.store.queries.stats at c3f4b7c), the reference.
_OLD_LOAN_PASS = (
    "WITH x AS MATERIALIZED (SELECT client_id, disbursed_on, applied_on, status, "
    "disbursed_on BETWEEN :first AND :last AS out, applied_on BETWEEN :first AND :last AS app "
    "FROM (SELECT id, client_id, disbursed_on, applied_on, status FROM loan "
    "WHERE deleted_at IS NULL AND disbursed_on BETWEEN :first "
    "AND :last UNION ALL SELECT id, client_id, disbursed_on, applied_on, status FROM loan "
    "WHERE deleted_at IS NULL AND applied_on BETWEEN :first "
    "AND :last AND (disbursed_on IS NULL OR disbursed_on NOT BETWEEN :first AND :last)) "
    "ORDER BY id) "
    "SELECT count(DISTINCT CASE WHEN out THEN client_id END), "
    "count(DISTINCT CASE WHEN out AND EXISTS (SELECT 1 FROM loan p WHERE "
    "p.client_id = x.client_id AND p.deleted_at IS NULL AND p.disbursed_on < :first) "
    "THEN client_id END), "
    "coalesce(sum(out), 0), "
    "coalesce(sum(CASE WHEN out THEN (SELECT referred_by_id IS NOT NULL OR source = 'referral' "
    "FROM client c WHERE c.id = x.client_id) END), 0), "
    "coalesce(sum(out AND applied_on IS NOT NULL), 0), "
    "coalesce(sum(CASE WHEN out AND applied_on IS NOT NULL "
    "THEN julianday(disbursed_on) - julianday(applied_on) END), 0), "
    "coalesce(sum(app), 0), coalesce(sum(app AND disbursed_on IS NOT NULL), 0), "
    "(SELECT json_group_object(status, n) FROM "
    "(SELECT status, count(*) AS n FROM x WHERE app GROUP BY status)) "
    "FROM x"
)
_KEYS = (
    "lent_clients",
    "repeat_clients",
    "lent",
    "lent_referred",
    "lent_applied",
    "days_to_disburse",
    "applied",
    "applied_lent",
)


def _old_loan_pass(conn: sqlite3.Connection, params: dict[str, Any]) -> tuple[dict, dict]:
    row = conn.execute(_OLD_LOAN_PASS, params).fetchone()
    counts = {k: float(v) for k, v in zip(_KEYS, row[:-1], strict=True)}
    return counts, json.loads(row[-1] or "{}")


def _rows(conn: sqlite3.Connection, rows: str, params: dict[str, Any]) -> tuple[int, int, int, int]:
    """(rows, hits, weight, weight of the hits) of a row set, counted row by row in Python."""
    sql = f"SELECT * FROM ({q.ROWS[rows]})"
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    out = [dict(zip(names, r, strict=True)) for r in cur]
    weight = [int(r.get("weight") or 0) for r in out]
    hits = [bool(r["hit"]) for r in out]
    return (
        len(out),
        sum(hits),
        sum(weight),
        sum(w for w, h in zip(weight, hits, strict=True) if h),
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Any:
    from crm.domain.clock import FixedClock
    from crm.services.demo import fill_demo
    from crm.store.book import Book

    clock = FixedClock(dt.datetime(2026, 11, 29, 10, 0))
    book = Book.open(tmp_path_factory.mktemp("fast") / "prism.db")
    fill_demo(book, 600, seed=5, clock=clock)
    s = Services(book, clock)
    conn = book.reader()
    ids = [r[0] for r in conn.execute("SELECT id FROM loan ORDER BY id")]
    gone = random.Random(5).sample(ids, 40)
    for loan_id in gone:  # deleted loans leave every figure (and their checks with them)
        s.loans.delete(loan_id)
    s.loans.restore(gone[0])
    yield s, clock
    book.close()


PERIODS = [
    month_of(dt.date(2026, 11, 1)),
    month_of(dt.date(2026, 3, 1)),
    quarter_of(dt.date(2026, 8, 1)),
    year_of(dt.date(2026, 1, 1)),
    year_of(dt.date(2025, 1, 1)),
    Period(dt.date(2025, 7, 17), dt.date(2026, 2, 3)),
    Period(dt.date(2020, 1, 1), dt.date(2026, 11, 29)),
]


@pytest.mark.parametrize("period", PERIODS, ids=str)
def test_the_loans_one_pass_counts_as_before(demo, period: Period) -> None:
    s, _clock = demo
    params = {"first": period.start.isoformat(), "last": period.end.isoformat()}
    conn = s.book.reader()
    new = q.loan_pass(conn, params)
    assert new == _old_loan_pass(conn, params)
    counts, stages = new
    assert counts["lent"] > 0 or period.days < 100  # the demo lends in every long span
    # And each count is its row set's (what the click-through lists).
    assert (counts["lent_clients"], counts["repeat_clients"]) == q.totals(
        conn, "repeat_borrow", params
    )[:2]
    assert (counts["lent"], counts["lent_referred"]) == q.totals(conn, "referred_loans", params)[:2]
    n, _, days = q.totals(conn, "days_to_disburse", params)
    assert (counts["lent_applied"], counts["days_to_disburse"]) == (n, days)
    assert (counts["applied"], counts["applied_lent"]) == q.totals(conn, "applications", params)[:2]
    assert sum(stages.values()) == counts["applied"]


@pytest.mark.parametrize("period", PERIODS, ids=str)
def test_overdue_and_checks_count_their_row_sets(demo, period: Period) -> None:
    s, clock = demo
    conn = s.book.reader()
    params = {
        "first": period.start.isoformat(),
        "last": min(period.end, clock.today()).isoformat(),
        "today": clock.today().isoformat(),
    }
    assert q.overdue_totals(conn, params) == _rows(conn, "overdue", params)
    assert pq.check_totals(conn, params) == _rows(conn, "post_loan_checks", params)[:2]


def test_the_demo_book_exercises_every_count(demo) -> None:
    """So the two tests above compare something: each kind of row is there."""
    s, _clock = demo
    conn = s.book.reader()
    year = {"first": "2026-01-01", "last": "2026-11-29", "today": "2026-11-29"}
    counts, _ = q.loan_pass(conn, year)
    assert all(counts[k] > 0 for k in _KEYS), counts
    loans, hit, lent, lent_hit = q.overdue_totals(conn, year)
    assert loans > hit > 0 and lent > lent_hit > 0
    due, done = pq.check_totals(conn, year)
    assert due > done > 0
    assert conn.execute("SELECT count(*) FROM loan WHERE deleted_at IS NOT NULL").fetchone()[0]
    assert conn.execute(
        "SELECT count(*) FROM post_loan_check c JOIN loan l ON l.id = c.loan_id "
        "WHERE l.deleted_at IS NOT NULL"
    ).fetchone()[0]


def test_figures_equal_their_row_sets_counted_one_by_one(demo) -> None:
    """The figures the dashboard shows for a year: the rows' counts, and the months of its
    chart the same figures month by month."""
    s, clock = demo
    conn = s.book.reader()
    figures = {f.key: f for f in s.stats.figures(year_of(clock.today()))}
    year = {"first": "2026-01-01", "last": clock.today().isoformat(), "today": "2026-11-29"}
    overdue = _rows(conn, "overdue", year)
    assert (figures["overdue_count"].numerator, figures["overdue_count"].denominator) == (
        overdue[1],
        overdue[0],
    )
    checks = _rows(conn, "post_loan_checks", year)
    assert (figures["post_loan_checks"].numerator, figures["post_loan_checks"].denominator) == (
        checks[1],
        checks[0],
    )
    repeat = _rows(conn, "repeat_borrow", year)
    assert figures["repeat_borrow"].denominator == repeat[0]


def test_contact_coverage_months_at_once_equal_each_month(demo) -> None:
    """The chart's one read of every past month's coverage (crm.store.queries.stats_months
    contact) and each month's own read of its borrowers' contacts."""
    s, clock = demo
    with s.book.write() as conn:  # some borrowers on a cadence of their own, short and long
        ids = [r[0] for r in conn.execute("SELECT id FROM client WHERE status = 'borrower'")]
        for n, client_id in enumerate(ids[::7]):
            days = (7, 15, 45, 90)[n % 4]
            conn.execute("UPDATE client SET cadence_days = ? WHERE id = ?", (days, client_id))
    (trend,) = s.stats.trends(clock.today(), ["contact_coverage"])
    singles = [s.stats.figure("contact_coverage", month) for month in trend.months]
    assert list(trend.values) == [f.value for f in singles]
    assert sum(1 for f in singles[:-1] if f.numerator > 0) >= 3  # past months covered some


@pytest.mark.parametrize(
    ("sql", "indexes"),
    [
        (q._LENT, ("ix_loan_disbursed", "ix_loan_client_disbursed", "ix_client_referred")),
        (q._APPLIED, ("ix_loan_applied",)),
        (q._OVERDUE_TOTALS, ("ix_loan_running", "ix_loan_event_status")),
        (pq._CHECK_TOTALS, ("ix_post_loan_check_due", "ix_loan_deleted")),
    ],
)
def test_the_year_reads_indexes_alone(book, sql: str, indexes: tuple[str, ...]) -> None:
    """What keeps a year under 200 ms at 100,000 clients: each lookup a covering index (a
    column named outside the index would read every row again)."""
    params = {"first": "2026-01-01", "last": "2026-12-31", "today": "2026-11-29"}
    plan = " | ".join(r[3] for r in book.reader().execute(f"EXPLAIN QUERY PLAN {sql}", params))
    for name in indexes:
        assert f"COVERING INDEX {name} " in plan, plan
