"""Killed backups and restores leave no full copies behind: Prism's own leftovers are swept
at the next open (issue 12 item 4, for backups, restores and new books)."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from crm import files
from crm.store import backup
from crm.store.book import Book
from crm.store.leftovers import sweep_leftovers
from crm.store.recovery import check_book
from tests.hardening.faults import ROOT

NOW = dt.datetime(2026, 11, 29, 9, 30)


def _age(path: Path) -> None:
    os.utime(path, (1, 1))


def test_old_leftovers_go_and_fresh_ones_stay(tmp_path: Path) -> None:
    folder = tmp_path
    (folder / "backups").mkdir()
    old = [
        folder / ".prism.db.prism-a1b2c3.tmp",  # a new book or a restore, killed
        folder / ".prism.db.prism-a1b2c3.tmp-wal",
        folder / ".prism.db.prism-a1b2c3.tmp-shm",
        folder / "..prism.db.prism-d4.tmp.prism-e5.tmp",  # the restore's copy inside it
        folder / "..prism.db.prism-d4.tmp.prism-e5.tmp-journal",
        folder / ".prism.db.restoring",  # an older Prism's killed restore
        folder / "backups" / ".prism-20261129-093000.db.prism-f6.tmp",
        folder / "backups" / ".prism-20261129-093000.db.prism-f6.tmp-journal",
    ]
    fresh = folder / "backups" / ".prism-20261129-093100.db.prism-g7.tmp"  # in progress
    mine = [folder / "prism.db.prism-notes.tmp", folder / ".hidden-of-the-officer.tmp"]
    for p in [*old, fresh, *mine]:
        p.write_bytes(b"x")
    for p in [*old, *mine]:
        _age(p)
    removed = sweep_leftovers(folder)
    assert sorted(removed) == sorted(old)
    assert fresh.exists() and all(p.exists() for p in mine)


def test_every_open_sweeps(tmp_path: Path) -> None:
    path = tmp_path / "prism.db"
    Book.open(path).close()
    left = tmp_path / f".prism.db{files.TEMP_MARK}zz.tmp"
    left.write_bytes(b"half a book")
    _age(left)
    Book.open(path).close()
    assert not left.exists()


RESTORE = """
import sys, time, datetime as dt
from pathlib import Path
from crm.store import backup, recovery
real = backup._copy_into
def slow(source, part, progress):
    problems = real(source, part, progress)
    print("MID", flush=True)
    time.sleep(60)
    return problems
backup._copy_into = slow
recovery.restore_book(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]),
                      dt.datetime(2026, 11, 29, 9, 45))
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_killed_restore_leaves_no_full_copy(tmp_path: Path, book: Book, clients) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers import draft

    path = book.path
    clients.add(draft("张三"))
    made = backup.take_backup(path, tmp_path / "backups", NOW)
    book.close()
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(RESTORE), str(path), str(made), str(made.parent)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().startswith("MID")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
        if proc.stdout:
            proc.stdout.close()
    copies = [p for p in tmp_path.iterdir() if files.TEMP_MARK in p.name]
    assert copies  # the kill left the restore's copy ...
    for p in copies:
        _age(p)
    Book.open(path).close()  # ... and the next open sweeps it
    assert [p for p in tmp_path.iterdir() if files.TEMP_MARK in p.name] == []
    assert check_book(path).ok
