"""kill -9 during the conversion leaves the plain book or the encrypted one, whole."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crm.domain.clock import FixedClock
from crm.services.facade import Services
from crm.store import crypto
from crm.store.book import Book
from tests.conftest import NOW

PASS = "kill me softly"
CLIENTS = 400
SCRIPT = (
    "import sys; from pathlib import Path; from crm.store import protect; "
    "print('go', flush=True); protect.protect(Path(sys.argv[1]), sys.argv[2])"
)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_kill_during_protect_leaves_one_whole_book(tmp_path: Path) -> None:
    original = tmp_path / "original.db"
    book = Book.open(original)
    Services(book, FixedClock(NOW)).demo.fill(CLIENTS, seed=5)
    book.close()
    # Conversion: ~0.35 s of key derivation, then the export, check and swap.
    delays: list[float | None] = [0.0, 0.2, 0.35, 0.4, 0.45, 0.5, 0.6, 0.8, 1.2, None]
    outcomes = set()
    for i, delay in enumerate(delays):
        folder = tmp_path / f"run{i}"
        folder.mkdir()
        path = folder / "prism.db"
        path.write_bytes(original.read_bytes())
        proc = subprocess.Popen(
            [sys.executable, "-c", SCRIPT, str(path), PASS],
            stdout=subprocess.PIPE,
            cwd=Path(__file__).resolve().parents[2],
        )
        assert proc.stdout is not None
        proc.stdout.readline()  # imported and about to start
        if delay is None:  # the last run is left to finish
            assert proc.wait(timeout=60) == 0
        else:
            time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
        outcomes.add(_whole(path))
        crypto._keys.clear()
    # Both ends were reached at least once across the delays.
    assert outcomes == {"plain", "encrypted"}


def _whole(path: Path) -> str:
    if path.read_bytes()[:16] == crypto.SQLITE_MAGIC:
        state = "plain"
        book = Book.open(path)
    else:
        state = "encrypted"
        book = Book.open(path, passphrase=PASS)
    try:
        conn = book.reader()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM client").fetchone()[0] == CLIENTS
    except sqlite3.DatabaseError as exc:  # pragma: no cover - the failure being tested
        pytest.fail(f"{state} book not whole: {exc}")
    finally:
        book.close()
    return state
