"""Concurrent writers wait their turn instead of failing (issue 12 item 7): slow preparation
happens before the write lock, the busy timeout is several seconds, and a GUI holding the
book open does not make `crm add` fail."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from crm.store import book as store_book
from crm.store.book import Book
from tests.hardening.faults import ROOT, crm

pytestmark = pytest.mark.skipif(os.name != "posix", reason="parallel `crm` processes")


def test_the_pinyin_table_loads_before_the_write_lock(tmp_path: Path) -> None:
    """In a fresh process (nothing loaded yet), as `crm add` runs."""
    code = f"""
        from contextlib import contextmanager
        from pathlib import Path
        from crm.domain import pinyin_table
        from crm.services.clients import ClientService
        from crm.store.book import Book
        from tests.helpers import draft

        book = Book.open(Path({str(tmp_path / "prism.db")!r}))
        real = Book.write
        seen = []

        @contextmanager
        def spy(self):
            with real(self) as conn:
                seen.append(pinyin_table._loaded)
                yield conn

        Book.write = spy
        ClientService(book).add(draft("张三"))
        book.close()
        print(seen)
    """
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert done.stdout.strip() == "[True]", done.stdout + done.stderr


def test_writers_wait_several_seconds() -> None:
    assert store_book.BUSY_TIMEOUT_MS >= 5000


def _parallel_adds(folder: Path, workers: int, each: int) -> list[str]:
    def loop(worker: int) -> list[str]:
        failures = []
        for i in range(each):
            done = crm(folder, "add", "--name", f"客户{worker}-{i}")
            if done.returncode != 0:
                failures.append(done.stderr.strip()[-300:])
        return failures

    with ThreadPoolExecutor(workers) as pool:
        return [f for found in pool.map(loop, range(workers)) for f in found]


def test_parallel_adds_with_the_gui_open_all_succeed(tmp_path: Path) -> None:
    path = tmp_path / "prism.db"
    gui = Book.open(path)
    try:
        # What a running GUI holds: its lock file, and a reader in the middle of a read.
        (tmp_path / "prism.lock").write_text(f"{os.getpid()}\nprism\nhost\n")
        reader = gui.reader()
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM client").fetchone()
        failures = _parallel_adds(tmp_path, 8, 10)
        reader.execute("COMMIT")
        count = gui.reader().execute("SELECT count(*) FROM client").fetchone()[0]
    finally:
        gui.close()
    assert failures == []
    assert count == 80


def test_parallel_adds_without_the_gui_all_succeed(tmp_path: Path) -> None:
    """No lock file: each open sees the others' -wal and checks the book first."""
    Book.open(tmp_path / "prism.db").close()
    failures = _parallel_adds(tmp_path, 4, 5)
    assert failures == []
    listed = crm(tmp_path, "list", "--json")
    assert listed.returncode == 0 and listed.stdout.count('"id"') == 20
