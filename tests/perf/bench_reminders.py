"""Reminder benchmark: computing the next 7 days' reminders against one indexed SQL query.

    uv run python tests/perf/bench_reminders.py --clients 100000 [--loans N] [--runs 21]

Fills a demo book (``crm.services.demo.fill_demo``: clients with solar and lunar birthdays, and
whatever notes, promises and contacts the other areas' demo steps add) and ``--loans`` loans
(default 1.5 per client, the issue's 150,000 at 100,000 clients: ``crm.services.demo_loans``
through ``LoanService.add_many``, a few overdue and extended; ``--loans 0`` for none), then
prints the median of ``crm.services.reminders.engine.compute`` for the next 7 days (every
source: birthdays, festivals, life notes, promises, loans, keep-in-touch, referrals; states
joined; sorted) beside the floor: ONE raw sqlite3 query of the window's birthdays (solar and
lunar pairs), dated life notes and loan reminder rows (repayment days of loans paid by hand,
maturities 30 and 7 days on, overdue loans), measured in the same run. It also prints compute
without the loan sources and the floor without the loans' part: what the loans add to each.
Target: under 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from crm.domain.clock import FixedClock  # noqa: E402
from crm.services import demo_loans  # noqa: E402
from crm.services.demo import fill_demo  # noqa: E402
from crm.services.loans import LoanService  # noqa: E402
from crm.services.reminders import loan_sources  # noqa: E402
from crm.services.reminders.engine import compute  # noqa: E402
from crm.services.reminders.settings import DEFAULT_LEAD_DAYS  # noqa: E402
from crm.services.reminders.sources import (  # noqa: E402
    _lunar_candidates,
    _solar_pairs,
    default_sources,
)
from crm.store.book import Book  # noqa: E402
from crm.store.queries import loans as loan_queries  # noqa: E402

NOW = dt.datetime(2026, 11, 29, 9, 30)


def timed(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    times = []
    result: object = None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def timed_together(fns: list[Callable[[], object]], runs: int) -> list[tuple[float, object]]:
    """Each function's median (ms) and last result, the functions taking turns each run."""
    times: list[list[float]] = [[] for _ in fns]
    results: list[object] = [None] * len(fns)
    for _ in range(runs):
        for i, fn in enumerate(fns):
            t0 = time.perf_counter()
            results[i] = fn()
            times[i].append((time.perf_counter() - t0) * 1000)
    return [(statistics.median(t), r) for t, r in zip(times, results, strict=True)]


def _loan_floor(today: dt.date, days: int) -> tuple[str, list[object]]:
    """The loans' part of the floor: repayment rows of loans paid by hand due on the window's
    days of the month, loans maturing 30 and 7 days after it, overdue loans (no names)."""
    lead = DEFAULT_LEAD_DAYS["loan_repayment"]
    window = loan_sources.days_of_month(
        today - dt.timedelta(days=7), today + dt.timedelta(days=max(days, lead))
    )
    marks = ",".join("?" * len(window))
    sql = (
        " UNION ALL SELECT id, client_id, amount_fen FROM loan INDEXED BY ix_loan_repayment_day "
        "WHERE status IN ('disbursed', 'overdue') AND deleted_at IS NULL AND auto_debit = 0 "
        "AND coalesce(repayment_day, CAST(substr(disbursed_on, 9, 2) AS INTEGER)) "
        f"IN ({marks})"
    )
    params: list[object] = sorted(window)
    for ahead in loan_sources.MATURITY_LEADS:
        sql += (
            " UNION ALL SELECT id, client_id, amount_fen FROM loan "
            "WHERE status IN ('disbursed', 'extended', 'overdue') AND maturity_on BETWEEN ? AND ? "
            "AND deleted_at IS NULL"
        )
        params += [
            (today + dt.timedelta(days=ahead - 7)).isoformat(),
            (today + dt.timedelta(days=ahead + days)).isoformat(),
        ]
    sql += (
        " UNION ALL SELECT id, client_id, overdue_fen FROM loan "
        "WHERE status = 'overdue' AND deleted_at IS NULL"
    )
    return sql, params


def floor_query(
    conn: sqlite3.Connection, today: dt.date, days: int, loans: bool = True
) -> list[tuple[object, ...]]:
    """One query: the window's solar and lunar birthday pairs, its dated notes and (``loans``)
    the loan reminders' rows."""
    window = [today + dt.timedelta(days=i) for i in range(days + 1)]
    solar = sorted({p for d in window for p in _solar_pairs(d)})
    lunar = sorted({c for d in window for c in _lunar_candidates(d)[1]})
    solar_sql = " OR ".join("(birth_month = ? AND birth_day = ?)" for _ in solar)
    lunar_sql = " OR ".join("(birth_month = ? AND birth_day = ? AND birth_leap = ?)" for _ in lunar)
    sql = (
        "SELECT id, name, birth_year FROM client WHERE archived_at IS NULL "
        f"AND birthday_calendar = 'solar' AND birth_leap = 0 AND ({solar_sql}) "
        "UNION ALL SELECT id, name, birth_year FROM client WHERE archived_at IS NULL "
        f"AND birthday_calendar = 'lunar' AND ({lunar_sql}) "
        "UNION ALL SELECT n.client_id, n.text, n.event_date FROM life_note n "
        "WHERE n.event_date BETWEEN ? AND ? AND n.deleted_at IS NULL"
    )
    params: list[object] = [x for p in solar for x in p]
    params += [x for c in lunar for x in (c[0], c[1], int(c[2]))]
    params += [(today - dt.timedelta(days=1)).isoformat(), window[-1].isoformat()]
    if loans:
        loan_sql, loan_params = _loan_floor(today, days)
        sql += loan_sql
        params += loan_params
    return conn.execute(sql, params).fetchall()


def add_loans(book: Book, clock: FixedClock, ids: list[int], loans: int) -> int:
    """About ``loans`` demo loans for the demo's clients, through the loans' one write path."""
    if loans <= 0:
        return 0
    people = loan_queries.client_statuses(book.reader(), ids)
    generations = demo_loans.plan_loans(random.Random(7), people, clock.today(), loans)
    return len(demo_loans.write_generations(generations, LoanService(book, clock).add_many))


def _line(label: str, engine_ms: float, floor_ms: float, floor_label: str) -> None:
    ratio = engine_ms / floor_ms if floor_ms else float("inf")
    print(
        f"{label:<36} median {engine_ms:7.2f} ms   {floor_label:<30} {floor_ms:7.2f} ms   "
        f"x{ratio:5.2f}   target < 50 ms"
    )


def run(
    clients: int,
    runs: int,
    days: int = 7,
    folder: Path | None = None,
    loans: int | None = None,
) -> dict[str, float]:
    """``loans``: how many demo loans to add (default 1.5 per client; 0 for none)."""
    tmp = Path(tempfile.mkdtemp(prefix="prism-bench-rem-")) if folder is None else folder
    book = Book.open(tmp / "prism.db")
    clock = FixedClock(NOW)
    t0 = time.perf_counter()
    ids = fill_demo(book, clients, seed=1, clock=clock)
    fill_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    add_loans(book, clock, ids, round(1.5 * clients) if loans is None else loans)
    loans_s = time.perf_counter() - t0
    conn = book.reader()
    today = clock.today()
    counts = {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("client", "life_note", "promise", "interaction", "loan")
    }
    by_status = dict(conn.execute("SELECT status, count(*) FROM loan GROUP BY status"))
    manual = conn.execute(
        "SELECT count(*) FROM loan WHERE status IN ('disbursed', 'extended', 'overdue') "
        "AND deleted_at IS NULL AND auto_debit = 0"
    ).fetchone()[0]
    loan_kinds = set(loan_sources.OCCASIONS)
    without = [s for s in default_sources() if s not in _loan_source_set()]
    compute(conn, today, days)  # warm: lunar tables, statement cache
    floor_query(conn, today, days)
    # Interleaved, run by run: a busy machine slows all four alike, and the ratios hold.
    (engine_ms, reminders), (floor_ms, rows), (old_ms, _), (old_floor_ms, _) = timed_together(
        [
            lambda: compute(conn, today, days),
            lambda: floor_query(conn, today, days),
            lambda: compute(conn, today, days, sources=without),
            lambda: floor_query(conn, today, days, loans=False),
        ],
        runs,
    )
    book.close()
    found: list[object] = reminders  # type: ignore[assignment]
    n = len(found)
    by_kind: dict[str, int] = {}
    for r in reminders:  # type: ignore[attr-defined]
        if r.occurrence.occasion in loan_kinds:
            by_kind[r.occurrence.occasion] = by_kind.get(r.occurrence.occasion, 0) + 1
    print(f"book: {counts} (filled in {fill_s:.1f} s, loans in {loans_s:.1f} s)")
    print(f"loans by status: {by_status}; running and paid by hand: {manual}")
    print(f"reminders for the next {days} days: {n} (loans: {by_kind}); floor rows: {len(rows)}")  # type: ignore[arg-type]
    _line(f"compute() next {days} days", engine_ms, floor_ms, "floor (1 indexed SQL query)")
    _line("  without the loan sources", old_ms, old_floor_ms, "floor without the loans")
    return {
        "engine_ms": engine_ms,
        "floor_ms": floor_ms,
        "reminders": float(n),
        "loan_reminders": float(sum(by_kind.values())),
        "engine_without_loans_ms": old_ms,
        "floor_without_loans_ms": old_floor_ms,
    }


def _loan_source_set() -> set[object]:
    return {loan_sources.repayments, loan_sources.maturities, loan_sources.overdue_follow_ups}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument(
        "--loans", type=int, default=None, help="demo loans to add (default 1.5 per client)"
    )
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    run(args.clients, args.runs, loans=args.loans)


if __name__ == "__main__":
    main()
