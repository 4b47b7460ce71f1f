"""The client book encrypted (SQLCipher) beside the same book plain, measured in the same run.

    uv run python tests/perf/bench_encryption.py --clients 100000

- protect: converting the plain book in place (key derivation, export, check, swap);
- search: per-keystroke search (ids then the first page of rows, as the list does) on each
  book, p50 / p95 over the bench's queries, and the ratio encrypted / plain (target <= 1.3);
- first paint: the app started cold in a child process on each book (the encrypted one
  unlocked first, as after the prompt; the key derivation is shown on its own).
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

from tests.perf.bench import QUERIES, START_APP, cold_start, median, p95

PASS = "bench passphrase 基准"
START_UNLOCKED = (
    "from pathlib import Path\n"
    "from crm.services import security\n"
    "security.unlock(Path(os.environ['BENCH_DATA']), os.environ['BENCH_PASS'])\n" + START_APP
)


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
        plain_paint = [cold_start(START_APP, plain, [])[0] for _ in range(args.starts)]
        enc_paint = [cold_start(START_UNLOCKED, enc, [])[0] for _ in range(args.starts)]
        pm, em = median(plain_paint), median(enc_paint)
        print(
            f"first paint (median of {args.starts}): plain {pm:.0f} ms, encrypted {em:.0f} ms "
            f"(with the key derivation) x{em / pm:.2f}"
        )
        t0 = time.perf_counter()
        protect.unprotect(book)
        print(f"unprotect: {time.perf_counter() - t0:.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
