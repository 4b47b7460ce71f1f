"""Benchmark: the dashboard's figures and the self-review PDF, beside a floor in the same run.

    uv run python tests/perf/bench_stats.py --clients 100000
    uv run python tests/perf/bench_stats.py --data-dir DIR     # an existing book (crm demo)

Times, as the dashboard runs them (``ctx.runner``: submitted on the GUI thread, computed on a
pool thread, delivered back), every figure of this month, this quarter and this year; one
figure's twelve months (the chart); and ``crm report``'s work for a year (gather + PDF +
Markdown). The floor: one plain scan of the loan table (since 0009 a period's loans are index
ranges: a month reads well under the floor, a year of a demo book about a third of the loans).
Goals at 100,000 clients: figures < 200 ms, PDF < 3 s.

Measured 2026-11-30 on the shared 2-core machine under load 3.5-4.9 (other sessions' tests),
the demo book of 100,000 clients (113,818 loans), medians of 9, before (c3f4b7c) and after
0010 alternately in the same minutes (a quiet machine measured the year before at ~400 ms):

    figures         before            after          (floor 25-45 ms)
    this month      156-245 ms        87-130 ms
    this quarter    233-344 ms        123-147 ms
    this year       726-950 ms        317-405 ms
    12 months       453-570 ms        133-249 ms     (one figure's chart: repeat borrowing)
    review PDF      1673-2399 ms      1500-2232 ms

The computing thread's CPU time, steadier under load, in-process: a year 404-430 ms before,
167-192 ms after (month 96-103 -> 44-54, quarter 139-147 -> 63-69); so a quiet machine
should show the year at ~170 ms. Since 0010 a year reads the loans lent in it grouped by
client with one covering-index lookup each (lent to before? referred?), and counts the
overdue loans and the post-loan checks without reading each row's loan.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FLOOR_SQL = "SELECT count(*), sum(amount_fen) FROM loan NOT INDEXED WHERE deleted_at IS NULL"


def median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm the page cache (and the birthday rule's lunar dates)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def off_gui_thread(runner: object, fn: Callable[[], object]) -> Callable[[], object]:
    """``fn`` as the dashboard runs it: through the task runner, waited for on this thread."""
    from PySide6.QtCore import QCoreApplication

    def run() -> object:
        box: list[object] = []
        runner.run(fn, box.append)  # type: ignore[attr-defined]
        while not box:
            QCoreApplication.processEvents()
            time.sleep(0.0005)
        return box[0]

    return run


def measure(folder: Path, runs: int) -> dict[str, float]:
    import datetime as dt

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    from crm.domain.stats import month_of, quarter_of, year_of
    from crm.services.facade import Services
    from crm.ui.dashboard.report_pdf import write_review
    from crm.ui.tasks import TaskRunner

    app = QGuiApplication.instance() or QGuiApplication([])
    services = Services.open(folder)
    try:
        runner = TaskRunner(app)
        stats = services.stats
        today = dt.date.today()
        conn = services.book.reader()
        out: dict[str, float] = {
            "clients": conn.execute("SELECT count(*) FROM client").fetchone()[0],
            "loans": conn.execute("SELECT count(*) FROM loan").fetchone()[0],
        }
        out["floor_ms"] = median_ms(lambda: conn.execute(FLOOR_SQL).fetchall(), runs)
        for name, period in (
            ("month", month_of(today)),
            ("quarter", quarter_of(today)),
            ("year", year_of(today)),
        ):
            fn = off_gui_thread(runner, lambda p=period: stats.figures(p))  # type: ignore[misc]
            out[f"figures_{name}_ms"] = median_ms(fn, runs)
        trend = off_gui_thread(runner, lambda: stats.trends(today, ["repeat_borrow"]))
        out["trend_one_figure_ms"] = median_ms(trend, max(1, runs // 3))
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / "review.pdf"
            report = lambda: write_review(  # noqa: E731
                stats.review(year_of(today)), pdf, QCoreApplication.translate
            )
            out["report_pdf_ms"] = median_ms(report, max(1, runs // 3))
        runner.wait_for_all()
    finally:
        services.close()
    return out


def run(
    clients: int, runs: int, data_dir: Path | None = None, loans: int | None = None
) -> dict[str, float]:
    if data_dir is not None:
        return measure(data_dir, runs)
    from crm import config
    from crm.services import demo_loans
    from crm.services.demo import fill_demo
    from crm.store.book import Book

    if loans is not None:  # the demo's own share of repeat borrowers lends more often
        plan = demo_loans.plan_loans
        demo_loans.plan_loans = lambda rng, people, today, target=None: plan(  # type: ignore[assignment]
            rng, people, today, loans
        )
    with tempfile.TemporaryDirectory() as folder:
        book = Book.open(config.book_path(Path(folder)))
        try:
            fill_demo(book, clients, seed=1)
        finally:
            book.close()
        return measure(Path(folder), runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--data-dir", type=Path, help="an existing book instead of a new demo")
    parser.add_argument(
        "--loans", type=int, help="about this many loans in the demo (default: its own mix)"
    )
    args = parser.parse_args()
    r = run(args.clients, args.runs, args.data_dir, args.loans)
    print(f"{int(r['clients']):,} clients, {int(r['loans']):,} loans (medians of {args.runs})")
    print(f"  floor: one scan of the loans      {r['floor_ms']:8.1f} ms")
    for name in ("month", "quarter", "year"):
        ms = r[f"figures_{name}_ms"]
        print(
            f"  figures, this {name:<8}           {ms:8.1f} ms  ({ms / r['floor_ms']:.1f}x floor)"
        )
    print(f"  one figure's twelve months         {r['trend_one_figure_ms']:8.1f} ms")
    print(f"  self-review PDF + Markdown, a year {r['report_pdf_ms']:8.1f} ms")


if __name__ == "__main__":
    main()
