"""SIGKILL in the middle of an import or a backup: the book stays whole, all or nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from crm.store import backup
from crm.store.book import Book
from crm.store.leftovers import sweep_leftovers
from crm.store.recovery import check_book

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL")

ROOT = Path(__file__).resolve().parents[2]

IMPORT = """
import sys, time
from pathlib import Path
from crm.domain.clock import SystemClock
from crm.services.transfer.fields import suggest_mapping
from crm.services.transfer.import_ import build_preview, commit
from crm.services.transfer.reader import read_table
from crm.store.book import Book
book = Book.open(Path(sys.argv[1]))
table = read_table(Path(sys.argv[2]))
tr = lambda c, t: t
preview = build_preview(book, table, suggest_mapping(table.headers, tr), SystemClock().today(), tr)
def progress(done, total):
    print("MID", done, total, flush=True)
    time.sleep(60)
commit(book, preview, SystemClock(), progress=progress if sys.argv[3] == "mid" else None)
print("DONE", flush=True)
time.sleep(60)
"""

BACKUP = """
import sys, time, datetime as dt
from pathlib import Path
from crm.store import backup
backup.PAGES_PER_STEP = 2
def progress(done, total):
    if done >= total // 2:
        print("MID", done, total, flush=True)
        time.sleep(60)
backup.take_backup(Path(sys.argv[1]), Path(sys.argv[2]), dt.datetime(2026, 11, 29, 9, 30), progress)
"""


def _run_until(code: str, args: list[str], marker: str) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith(marker), line
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
        if proc.stdout:
            proc.stdout.close()


def _csv(tmp_path: Path, n: int) -> Path:
    p = tmp_path / "many.csv"
    lines = ["姓名,手机"] + [f"客户{i},139{i:08d}" for i in range(n)]
    p.write_text("\n".join(lines), encoding="utf-8")
    return p


@pytest.mark.parametrize("when", ["mid", "after"])
def test_kill_during_import_leaves_all_or_nothing(tmp_path, when) -> None:
    path = tmp_path / "prism.db"
    Book.open(path).close()
    _run_until(
        IMPORT, [str(path), str(_csv(tmp_path, 5000)), when], "MID" if when == "mid" else "DONE"
    )
    assert Path(f"{path}-wal").exists()  # left as a crash leaves it
    b = Book.open(path)  # runs the unclean-shutdown check
    try:
        count = b.reader().execute("SELECT count(*) FROM client").fetchone()[0]
        phones = b.reader().execute("SELECT count(*) FROM client_phone").fetchone()[0]
    finally:
        b.close()
    assert check_book(path).ok
    assert (count, phones) == ((0, 0) if when == "mid" else (5000, 5000))


def test_kill_during_backup_leaves_no_half_backup(tmp_path, clock) -> None:
    from crm.services.demo import fill_demo

    path = tmp_path / "prism.db"
    b = Book.open(path)
    fill_demo(b, 500, clock=clock)
    b.close()
    folder = tmp_path / "backups"
    _run_until(BACKUP, [str(path), str(folder)], "MID")
    assert backup.list_backups(folder) == []  # the .part is not a backup
    left = list(folder.iterdir())
    assert left and all(p.name.startswith(".prism-20261129-093000.db.prism-") for p in left)
    for p in left:  # older than a write in progress could be
        os.utime(p, (1, 1))
    sweep_leftovers(tmp_path)  # what every open does: no full copies stay behind
    assert list(folder.iterdir()) == []
    assert check_book(path).ok
    made = backup.take_backup(path, folder, clock.now())  # the next one works
    assert backup.list_backups(folder)[0].path == made
