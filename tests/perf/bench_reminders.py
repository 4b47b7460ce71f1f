"""Reminder benchmark: computing the next 7 days' reminders against one indexed SQL query.

    uv run python tests/perf/bench_reminders.py --clients 100000 [--runs 21]

Fills a demo book (``crm.services.demo.fill_demo``: clients with solar and lunar birthdays, and
whatever notes, promises and contacts the other areas' demo steps add), then prints the median
of ``crm.services.reminders.engine.compute`` for the next 7 days (every source: birthdays,
festivals, life notes, promises, keep-in-touch, referrals; states joined; sorted) beside the
floor: ONE raw sqlite3 query of the window's birthdays (solar and lunar pairs) and dated life
notes, measured in the same run. Target: under 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
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
from crm.services.demo import fill_demo  # noqa: E402
from crm.services.reminders.engine import compute  # noqa: E402
from crm.services.reminders.sources import _lunar_candidates, _solar_pairs  # noqa: E402
from crm.store.book import Book  # noqa: E402

NOW = dt.datetime(2026, 11, 29, 9, 30)


def timed(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    times = []
    result: object = None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def floor_query(conn: sqlite3.Connection, today: dt.date, days: int) -> list[tuple[object, ...]]:
    """One query: the window's solar and lunar birthday pairs and its dated notes."""
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
    return conn.execute(sql, params).fetchall()


def run(clients: int, runs: int, days: int = 7, folder: Path | None = None) -> dict[str, float]:
    tmp = Path(tempfile.mkdtemp(prefix="prism-bench-rem-")) if folder is None else folder
    book = Book.open(tmp / "prism.db")
    clock = FixedClock(NOW)
    t0 = time.perf_counter()
    fill_demo(book, clients, seed=1, clock=clock)
    fill_s = time.perf_counter() - t0
    conn = book.reader()
    today = clock.today()
    counts = {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("client", "life_note", "promise", "interaction")
    }
    compute(conn, today, days)  # warm: lunar tables, statement cache
    floor_query(conn, today, days)
    engine_ms, reminders = timed(lambda: compute(conn, today, days), runs)
    floor_ms, rows = timed(lambda: floor_query(conn, today, days), runs)
    book.close()
    n = len(reminders)  # type: ignore[arg-type]
    print(f"book: {counts} (filled in {fill_s:.1f} s)")
    print(f"reminders for the next {days} days: {n}; floor query rows: {len(rows)}")  # type: ignore[arg-type]
    ratio = engine_ms / floor_ms if floor_ms else float("inf")
    print(
        f"{'compute() next ' + str(days) + ' days':<32} median {engine_ms:7.2f} ms   "
        f"floor (1 indexed SQL query) {floor_ms:7.2f} ms   x{ratio:5.2f}   target < 50 ms"
    )
    return {"engine_ms": engine_ms, "floor_ms": floor_ms, "reminders": float(n)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    run(args.clients, args.runs)


if __name__ == "__main__":
    main()
