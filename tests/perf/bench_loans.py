"""Benchmark: the loan book's reads at 100,000 clients and 150,000 loans, each beside a floor.

    uv run python tests/perf/bench_loans.py --clients 100000 --loans 150000

Builds a demo book (``fill_demo``), then 150,000 loans through ``LoanService.add_many``
(crm.services.demo_loans: ~40% of borrowers repeat, most repeats renewals, a few overdue and
extended), and times, median and p95 of several runs, each beside the same run's floor (the
bare SQL of the same query, fetched, no Python objects built):

- ``list(LoanFilter(maturing_within_days=30))``: the Loans section's default view;
- ``summaries(100 ids)``: the client list's loan columns for one page of 100 rows;
- ``for_client(id)``: a client's Loans tab (a repeat borrower with the most loans).

Target: within the search target, p95 < 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from crm.domain.clock import FixedClock
from crm.domain.loan_status import RUNNING
from crm.services import demo_loans
from crm.services.demo import fill_demo
from crm.services.loan_views import LoanFilter
from crm.services.loans import LoanService
from crm.store.book import Book
from crm.store.queries import loans as q

NOW = dt.datetime(2026, 11, 29, 9, 30)
TARGET_P95_MS = 50.0


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """(median, p95) in ms, after one warm-up call."""
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def build(book: Book, clients: int, loans: int, clock: FixedClock) -> dict[str, float]:
    start = time.perf_counter()
    ids = fill_demo(book, clients, seed=1, clock=clock)
    demo_s = time.perf_counter() - start
    people = q.client_statuses(book.reader(), ids)
    generations = demo_loans.plan_loans(random.Random(7), people, clock.today(), loans)
    start = time.perf_counter()
    written = demo_loans.write_generations(generations, LoanService(book, clock).add_many)
    return {"demo_s": demo_s, "loans": len(written), "add_many_s": time.perf_counter() - start}


def run(clients: int, loans: int, runs: int) -> dict[str, object]:
    clock = FixedClock(NOW)
    today = clock.today()
    with tempfile.TemporaryDirectory() as folder:
        book = Book.open(Path(folder) / "bench.db")
        try:
            made = build(book, clients, loans, clock)
            conn = book.reader()
            service = LoanService(book, clock)
            out: dict[str, object] = {"clients": clients, **made}
            counts = dict(conn.execute("SELECT status, count(*) FROM loan GROUP BY status"))
            out["by_status"] = counts

            window = (today, today + dt.timedelta(days=30))
            running = sorted(s.value for s in RUNNING)
            maturing = service.list(LoanFilter(maturing_within_days=30))
            out["maturing_rows"] = len(maturing)
            out["maturing"] = timed(lambda: service.list(LoanFilter(maturing_within_days=30)), runs)
            out["maturing_floor"] = timed(
                lambda: q.list_loans(conn, statuses=running, matures_between=window), runs
            )

            # One page of the client list in its default order (pinyin), as the list shows it.
            page = [
                r[0]
                for r in conn.execute(
                    "SELECT id FROM client WHERE archived_at IS NULL "
                    "ORDER BY name_pinyin, id LIMIT 100 OFFSET ?",
                    (min(5000, clients // 2),),
                )
            ]
            out["summaries_rows"] = len(service.summaries(page))
            out["summaries"] = timed(lambda: service.summaries(page), runs)
            out["summaries_floor"] = timed(lambda: q.running_loans_of(conn, page), runs)

            busiest = conn.execute(
                "SELECT client_id, count(*) FROM loan GROUP BY client_id "
                "ORDER BY count(*) DESC, client_id LIMIT 1"
            ).fetchone()
            out["for_client_rows"] = busiest[1]
            out["for_client"] = timed(lambda: service.for_client(busiest[0]), runs)
            out["for_client_floor"] = timed(lambda: q.loans_of_client(conn, busiest[0]), runs)
        finally:
            book.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--loans", type=int, default=150_000)
    parser.add_argument("--runs", type=int, default=25)
    args = parser.parse_args()
    r = run(args.clients, args.loans, args.runs)
    print(
        f"clients {r['clients']:,}, loans {r['loans']:,} "
        f"(demo {r['demo_s']:.1f} s, add_many {r['add_many_s']:.1f} s)"
    )
    print(f"loans by status: {r['by_status']}")
    worst = 0.0
    for key, label in (
        ("maturing", f"list(maturing_within_days=30), {r['maturing_rows']:,} rows"),
        ("summaries", f"summaries(100 ids), {r['summaries_rows']} with running loans"),
        ("for_client", f"for_client, {r['for_client_rows']} loans"),
    ):
        (med, p95), (fmed, fp95) = r[key], r[f"{key}_floor"]  # type: ignore[misc]
        worst = max(worst, p95)
        print(
            f"{label}: median {med:.2f} ms, p95 {p95:.2f} ms"
            f"  | floor (bare SQL) median {fmed:.2f} ms, p95 {fp95:.2f} ms"
        )
    verdict = "within" if worst < TARGET_P95_MS else "OVER"
    print(f"worst p95 {worst:.2f} ms: {verdict} the target (p95 < {TARGET_P95_MS:.0f} ms)")


if __name__ == "__main__":
    main()
