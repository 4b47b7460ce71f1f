"""Client-book benchmark: each figure beside a floor measured in the same run.

    uv run python tests/perf/bench.py --clients 100000 [--runs 5] [--loans]

Prints medians (and p95 where it matters) of:
- GUI cold start, a whole process, to the first page painted and the search box taking input,
  against a bare PySide6 window with an empty QTableView started the same way (target <= 2x);
- per-keystroke search latency, keystroke to rows updated, for 1-3 Chinese characters, full
  pinyin, initials and 4 phone digits, against the same query in raw sqlite3 (target p95 < 50 ms),
  and the longest the GUI thread went without turning its event loop meanwhile;
- `crm demo --clients N` wall time against raw executemany of the same rows (target < 15 s);
- peak RSS of the app with the book open and searched (target < 200 MB).

With ``--loans`` the demo's loans are topped up to ``--loan-count`` (1.5 a client by default)
with older repaid ones, and the client list's loan columns (balance, next repayment, maturity)
are shown (the header state an officer who showed them leaves behind), so the first paint and
the searches read loan summaries with every page; and the list's page read is timed with its
loan summaries beside the same page read without them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench_list_loans, beside this file
QUERIES = {
    "1 hanzi": ["张", "王", "李"],
    "2 hanzi": ["张伟", "王芳", "李娜"],
    "3 hanzi": ["王秀英", "张建国", "刘德福"],
    "full pinyin": ["zhangwei", "wangfang", "liuna"],
    "initials": ["zw", "wxy", "ljg"],
    "4 phone digits": ["1385", "6688", "0731"],
}


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]


def line(label: str, value: float, floor: float, unit: str = "ms", target: str = "") -> None:
    ratio = value / floor if floor else float("inf")
    print(f"{label:<44} {value:9.1f} {unit}   floor {floor:9.1f} {unit}   x{ratio:5.2f}  {target}")


# -- child processes ---------------------------------------------------------------------------

CHILD_APP = textwrap.dedent(
    """
    import os, sys, time, resource
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
    app = QApplication(sys.argv)
    SEARCHES = os.environ.get("BENCH_SEARCHES", "").split(",")

    class FirstPaint(QObject):
        # Watches the main window's native window only. Qt paints the whole widget tree
        # synchronously while it handles the first Expose, so "ready" (queued behind it) comes
        # after the first page is on screen. An application-wide event filter would instead
        # make PySide wrap every object that receives any event during start-up (creating
        # the Python enums of each class it meets): ~30 ms more for the app than for the
        # bare window, which a user never pays.
        done = False
        def eventFilter(self, obj, event):
            if not self.done and event.type() == QEvent.Type.Expose and obj.isExposed():
                self.done = True
                QTimer.singleShot(0, ready)
            return False

    def ready():
        print("ready", flush=True)
        shown = [w for w in app.topLevelWidgets() if w.isVisible()]
        window = next(w for w in shown if isinstance(w, QMainWindow))  # not a pop-up
        page = getattr(window, "clients", None)
        if page is not None:
            window.show_section("clients")
            assert page.search.isEnabled()
        for q in [s for s in SEARCHES if s and page is not None]:
            page.search.setText(q)
            while page.searcher.busy:
                app.processEvents()
            app.processEvents()
        # VmHWM: this process's own peak. ru_maxrss would carry the benchmark's (the parent's)
        # peak across fork and exec on Linux.
        try:
            with open("/proc/self/status") as fh:
                rss = next(int(l.split()[1]) for l in fh if l.startswith("VmHWM")) / 1024
        except OSError:
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"rss {rss:.1f}", flush=True)
        app.quit()

    watcher = FirstPaint()
    _show = QMainWindow.show
    def _watched_show(self):
        _show(self)
        handle = self.windowHandle()
        if handle is not None and not watcher.done:
            handle.installEventFilter(watcher)
    QMainWindow.show = _watched_show
    {start}
    """
)
# The way the officer starts it: `crm --data-dir D --lang zh_CN`, command line parsing included.
START_APP = (
    "from crm.cli import main\n"
    "sys.exit(main(['--data-dir', os.environ['BENCH_DATA'], '--lang', 'zh_CN']))"
)
START_BARE = (
    "from PySide6.QtWidgets import QMainWindow\n"
    "from PySide6.QtGui import QStandardItemModel\n"
    "w = QMainWindow(); t = QTableView(); m = QStandardItemModel(1, 5); t.setModel(m)\n"
    "w.setCentralWidget(t); w.resize(1200, 760); w.show()\n"
    "sys.exit(app.exec())"
)


def start_child(start: str, data: Path, searches: list[str]) -> tuple[subprocess.Popen[str], float]:
    """The app (or the bare window) in a child process, as ``start`` starts it; with the
    moment it was spawned, for timing the lines it prints."""
    script = CHILD_APP.replace("{start}", start)
    env = dict(os.environ, BENCH_DATA=str(data), BENCH_SEARCHES=",".join(searches))
    # As on a user's machine: bytecode cached after the first start (this workplace sets
    # PYTHONDONTWRITEBYTECODE, which would make every start compile our modules afresh).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    return proc, t0


def cold_start(start: str, data: Path, searches: list[str]) -> tuple[float, float]:
    proc, t0 = start_child(start, data, searches)
    assert proc.stdout is not None
    ready_at = rss = 0.0
    for out in proc.stdout:
        if out.startswith("ready"):
            ready_at = time.perf_counter() - t0
        elif out.startswith("rss"):
            rss = float(out.split()[1])
    proc.wait(timeout=120)
    if not ready_at:
        raise RuntimeError("the app never painted its first page")
    return ready_at * 1000, rss


# -- in-process search latency -----------------------------------------------------------------


def search_latency(data: Path, runs: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from crm import config
    from crm.domain.clock import SystemClock
    from crm.services.client_query import ClientFilter, ClientQuery, _source, _where
    from crm.services.facade import Services
    from crm.store.book import Book
    from crm.ui.app import build_window, open_settings
    from crm.ui.context import UiContext

    app = QApplication.instance() or QApplication(sys.argv)
    book = Book.open(config.book_path(data))
    ctx = UiContext.build(Services(book, SystemClock()), open_settings(data))
    window = build_window(ctx)
    window.show()
    app.processEvents()
    page = window.clients

    # The event loop's heartbeat: the longest gap between 2 ms ticks is the UI's worst stall.
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    raw = sqlite3.connect(config.book_path(data))
    total = ClientQuery(book).count(ClientFilter())  # the benchmark's, before the heartbeat
    heart = QTimer()
    heart.setInterval(2)
    heart.timeout.connect(tick)
    last[0] = clock.elapsed()
    heart.start()
    print(f"\nper-keystroke search at {total:,} clients (median / p95 of {runs}x3):")
    for kind, queries in QUERIES.items():
        ui_times: list[float] = []
        sql_times: list[float] = []
        for _ in range(runs):
            for q in queries:
                page.search.setText("")
                while page.searcher.busy:
                    app.processEvents()
                app.processEvents()
                done = []
                page.searcher.finished.connect(lambda _r, d=done: d.append(1))
                t0 = time.perf_counter()
                page.search.setText(q)  # what one keystroke does
                while not done:
                    app.processEvents()
                page.model.index(0, 0).data()  # the first visible rows read
                ui_times.append((time.perf_counter() - t0) * 1000)
                page.searcher.finished.disconnect()
                where, params, rank = _where(ClientFilter(text=q))
                sql = (
                    f"SELECT c.id, {rank} AS rank FROM {_source(ClientFilter(text=q))} "
                    f"WHERE {where} ORDER BY rank, c.name_pinyin, c.id"
                )
                # The floor's own query runs on this (the GUI) thread: not the app's stall.
                heart.stop()
                t0 = time.perf_counter()
                raw.execute(sql, params).fetchall()
                sql_times.append((time.perf_counter() - t0) * 1000)
                last[0] = clock.elapsed()
                heart.start()
        print(
            f"  {kind:<16} p50 {median(ui_times):6.1f} ms  p95 {p95(ui_times):6.1f} ms   "
            f"floor (raw sqlite3) p50 {median(sql_times):6.1f} ms  p95 {p95(sql_times):6.1f} ms"
            f"   x{median(ui_times) / median(sql_times):4.2f}"
        )
    heart.stop()
    stall = max(gaps) if gaps else 0.0
    print(f"  longest GUI-thread stall while searching: {stall:.0f} ms (target < 50 ms)")
    window.close()
    book.close()


# -- demo generation ---------------------------------------------------------------------------


def demo_vs_executemany(clients: int, work: Path) -> tuple[float, float]:
    from crm.domain.clock import SystemClock
    from crm.services.demo import fake_client
    from crm.store.book import Book

    folder = work / "demo-run"
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "crm", "--data-dir", str(folder), "demo", "--clients", str(clients)],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    demo = time.perf_counter() - t0
    shutil.rmtree(folder)

    # Floor: the same number of client rows, already computed, through one executemany.
    import random

    rng = random.Random(1)
    today = SystemClock().today()
    fakes = [fake_client(rng, today) for _ in range(clients)]
    rows = [
        (f.name, f.kind.value, f.status.value, "", "", "", "", "2026-01-01", "2026-01-01")
        for f in fakes
    ]
    book = Book.open(work / "floor.db")
    t0 = time.perf_counter()
    with book.write() as conn:
        conn.executemany(
            "INSERT INTO client (name, kind, status, name_pinyin, name_compact, name_initials,"
            " search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    floor = time.perf_counter() - t0
    book.close()
    return demo, floor


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--loans", action="store_true", help="first paint and searches with the loan columns shown"
    )
    parser.add_argument(
        "--loan-count", type=int, help="with --loans: loans in the book (default 1.5 a client)"
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="prism-bench-"))
    try:
        print(f"Prism client-book benchmark, {args.clients:,} clients, {args.runs} runs")
        demo, floor = demo_vs_executemany(args.clients, work)
        line("crm demo --clients N (s)", demo, floor, "s", "target < 15 s")

        data = work / "book"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "crm",
                "--data-dir",
                str(data),
                "demo",
                "--clients",
                str(args.clients),
            ],
            check=True,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        if args.loans:
            from bench_list_loans import show_loan_columns, top_up_loans

            loans, running = top_up_loans(data, args.loan_count or args.clients * 3 // 2)
            print(f"loans in the book: {loans:,} ({running:,} running); loan columns shown")
            show_loan_columns(data)
        searches = [q for qs in QUERIES.values() for q in qs]
        cold_start(START_APP, data, [])  # once, to write the bytecode caches
        app_ms, bare_ms, rss = [], [], []
        for _ in range(args.runs):
            bare_ms.append(cold_start(START_BARE, data, [])[0])
            t, r = cold_start(START_APP, data, searches)
            app_ms.append(t)
            rss.append(r)
        line(
            "GUI cold start to first page (ms)",
            median(app_ms),
            median(bare_ms),
            "ms",
            "target <= 2x",
        )
        bare_rss = cold_start(START_BARE, data, [])[1]
        line("peak RSS, book open and searched (MB)", max(rss), bare_rss, "MB", "target < 200 MB")
        search_latency(data, args.runs)
        from bench_list_loans import page_reads

        page_reads(data, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
