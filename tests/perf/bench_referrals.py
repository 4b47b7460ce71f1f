"""Benchmark: the top-referrer ranking against a plain GROUP BY floor, in the same run.

    uv run python tests/perf/bench_referrals.py --clients 100000

Builds a demo book (about 30% referred, chains several deep), then times
``ReferralService.top_referrers(20)`` (direct + all-level counts and borrowers for every
referrer, ranked) against the floor: one ``GROUP BY referred_by_id`` counting direct referrals
only. Prints medians and the ratio; the goal is under 300 ms at 100,000 clients.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from crm.services.demo import fill_demo
from crm.services.referrals import ReferralService
from crm.store.book import Book

FLOOR_SQL = (
    "SELECT referred_by_id, count(*) FROM client WHERE referred_by_id IS NOT NULL "
    "GROUP BY referred_by_id ORDER BY count(*) DESC LIMIT 20"
)


def median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm the page cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run(clients: int, runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        book = Book.open(Path(folder) / "bench.db")
        try:
            fill_demo(book, clients, seed=1)
            conn = book.reader()
            referred = conn.execute(
                "SELECT count(*) FROM client WHERE referred_by_id IS NOT NULL"
            ).fetchone()[0]
            q = ReferralService(book)
            top = median_ms(lambda: q.top_referrers(20), runs)
            floor = median_ms(lambda: conn.execute(FLOOR_SQL).fetchall(), runs)
        finally:
            book.close()
    return {"clients": clients, "referred": referred, "top_ms": top, "floor_ms": floor}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    r = run(args.clients, args.runs)
    print(f"clients {r['clients']:,}, referred {r['referred']:,}")
    print(f"top referrers (direct+indirect+borrowers): median {r['top_ms']:.1f} ms")
    print(f"floor (GROUP BY referred_by_id, direct only): median {r['floor_ms']:.1f} ms")
    print(f"ratio {r['top_ms'] / r['floor_ms']:.1f}x; goal < 300 ms")


if __name__ == "__main__":
    main()
