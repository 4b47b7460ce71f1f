"""The client book encrypted (SQLCipher) beside the same book plain, measured in the same run.

    uv run python tests/perf/bench_encryption.py --clients 100000

- protect: converting the plain book in place (key derivation, export, check, swap);
- search: per-keystroke search (ids then the first page of rows, as the list does) on each
  book, p50 / p95 over the bench's queries, and the ratio encrypted / plain (target <= 1.3);
- first paint: the app started cold in a child process on each book, three ways for the
  encrypted one: unlocked first in the child (key derivation included); with the key at hand
  (derived by the bench, as a cached key would be: the cost of the encryption itself, from
  process start like the plain book); and through the real start-up prompt with the clock
  started when the passphrase is submitted (what the officer waits for after Enter).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.perf.bench import QUERIES, START_APP, cold_start, median, p95, start_child

PASS = "bench passphrase 基准"
START_UNLOCKED = (
    "from pathlib import Path\n"
    "from crm.services import security\n"
    "security.unlock(Path(os.environ['BENCH_DATA']), os.environ['BENCH_PASS'])\n" + START_APP
)

# The key derived beforehand (BENCH_KEY, SQLCipher's raw form): no derivation in the child.
START_KEY_AT_HAND = (
    "from pathlib import Path\n"
    "from crm import config\n"
    "from crm.store import crypto\n"
    "crypto.remember_key(config.book_path(Path(os.environ['BENCH_DATA'])), "
    "os.environ['BENCH_KEY'])\n" + START_APP
)
# The real prompt at start, answered at once; "submitted" marks the moment of Enter.
START_PROMPTED = (
    "from PySide6.QtWidgets import QInputDialog\n"
    "def _answer(*args, **kwargs):\n"
    "    print('submitted', flush=True)\n"
    "    return os.environ['BENCH_PASS'], True\n"
    "QInputDialog.getText = _answer\n" + START_APP
)


def marks(start: str, data: Path) -> dict[str, float]:
    """ms from process start to each line the child prints ("submitted", "ready")."""
    proc, t0 = start_child(start, data, [])
    assert proc.stdout is not None
    seen: dict[str, float] = {}
    for out in proc.stdout:
        seen.setdefault(out.split()[0] if out.split() else "", (time.perf_counter() - t0) * 1000)
    proc.wait(timeout=120)
    if "ready" not in seen:
        raise RuntimeError("the app never painted its first page")
    return seen


def search_times(data: Path, runs: int) -> tuple[float, float]:
    from crm import config
    from crm.services.client_query import ClientFilter, ClientQuery
    from crm.store.book import Book

    book = Book.open(config.book_path(data))
    query = ClientQuery(book)
    times: list[float] = []
    try:
        for _ in range(runs):
            for queries in QUERIES.values():
                for q in queries:
                    t0 = time.perf_counter()
                    ids = query.ids(ClientFilter(text=q))
                    query.rows(ids[:50])
                    times.append((time.perf_counter() - t0) * 1000)
    finally:
        book.close()
    return median(times), p95(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--starts", type=int, default=3)
    args = parser.parse_args()

    from crm.domain.clock import SystemClock
    from crm.services.facade import Services
    from crm.store import crypto, protect

    work = Path(tempfile.mkdtemp(prefix="prism-bench-enc-"))
    try:
        plain, enc = work / "plain", work / "enc"
        plain.mkdir()
        services = Services.open(plain, SystemClock())
        t0 = time.perf_counter()
        services.demo.fill(args.clients, seed=1)
        services.close()
        print(f"demo book of {args.clients:,} clients: {time.perf_counter() - t0:.1f} s")
        shutil.copytree(plain, enc)
        book = enc / "prism.db"
        size = book.stat().st_size / 1e6
        t0 = time.perf_counter()
        protect.protect(book, PASS)
        print(f"protect (convert in place, {size:.0f} MB): {time.perf_counter() - t0:.2f} s")
        crypto._keys.clear()
        t0 = time.perf_counter()
        crypto.unlock(book, PASS)
        print(f"unlock (key derivation + check): {(time.perf_counter() - t0) * 1000:.0f} ms")

        p_med, p_95 = search_times(plain, args.runs)
        e_med, e_95 = search_times(enc, args.runs)
        print(
            f"search p50 / p95: plain {p_med:.1f} / {p_95:.1f} ms, encrypted {e_med:.1f} / "
            f"{e_95:.1f} ms; p95 x{e_95 / p_95:.2f} (target <= 1.3)"
        )
        os.environ["BENCH_PASS"] = PASS
        key = crypto.key_for(book)
        assert key is not None
        os.environ["BENCH_KEY"] = key
        cold_start(START_APP, plain, [])  # once each, to write the bytecode caches
        marks(START_PROMPTED, enc)
        plain_paint, enc_paint, at_hand, after_enter = [], [], [], []
        for _ in range(args.starts):  # interleaved: the machine's load falls on all alike
            plain_paint.append(cold_start(START_APP, plain, [])[0])
            enc_paint.append(cold_start(START_UNLOCKED, enc, [])[0])
            at_hand.append(marks(START_KEY_AT_HAND, enc)["ready"])
            seen = marks(START_PROMPTED, enc)
            after_enter.append(seen["ready"] - seen["submitted"])
        pm = median(plain_paint)
        print(f"first paint, median of {args.starts} starts each (interleaved), every start:")
        rows = [
            ("plain book, from process start", plain_paint, ""),
            ("encrypted, key derived in the child", enc_paint, ""),
            ("encrypted, key at hand (no derivation)", at_hand, " (target <= 1.3)"),
            ("encrypted, from passphrase submitted", after_enter, " (of the plain start)"),
        ]
        for label, times, note in rows:
            each = " ".join(f"{t:.0f}" for t in times)
            print(
                f"  {label:<40} {median(times):6.0f} ms  x{median(times) / pm:.2f}{note}  [{each}]"
            )
        t0 = time.perf_counter()
        protect.unprotect(book)
        print(f"unprotect: {time.perf_counter() - t0:.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
