"""Backups, rotation, restore, the check, and a book damaged by a crash."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from crm.store import backup, recovery
from crm.store.book import Book
from tests.helpers import draft

NOW = dt.datetime(2026, 11, 29, 9, 30)


def test_backup_is_checked_single_file(book, clients, tmp_path) -> None:
    clients.add(draft("张三", phones=["13812345678"]))
    path = backup.take_backup(book.path, tmp_path / "backups", NOW)
    assert path.name == "prism-20261129-093000.db"
    assert backup.check_file(path).ok
    assert not Path(f"{path}-wal").exists()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM client").fetchall() == [("张三",)]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert [p.name for p in (tmp_path / "backups").iterdir()] == [path.name]


def test_rotation_keeps_about_a_year(tmp_path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    start = dt.datetime(2025, 1, 1, 8)
    for hours in range(0, 24 * 400, 6):  # four a day for 400 days
        when = start + dt.timedelta(hours=hours)
        (folder / f"prism-{when:%Y%m%d-%H%M%S}.db").write_bytes(b"x")
    now = start + dt.timedelta(days=400)
    backup.rotate(folder, now)
    kept = backup.list_backups(folder)
    assert len(kept) <= 12 + 10 + 9 + 3
    days = {b.taken_at.date() for b in kept}
    newest = kept[0].taken_at.date()
    assert all(newest - dt.timedelta(days=d) in days for d in range(12))  # 12 daily
    assert (
        newest - kept[-1].taken_at.date()
    ).days > 300  # about a year (12 days + 10 weeks + 9 months)


def test_half_written_copies_are_not_backups(tmp_path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / ".prism-20261129-093000.db.part").write_bytes(b"half")
    assert backup.list_backups(folder) == []


def test_restore_backs_up_first_and_refuses_a_bad_backup(book, clients, tmp_path) -> None:
    folder = tmp_path / "backups"
    clients.add(draft("张三"))
    good = backup.take_backup(book.path, folder, NOW)
    clients.add(draft("李四"))
    bad = tmp_path / "bad.db"
    bad.write_bytes(good.read_bytes())
    _scribble(bad)
    book.close()
    with pytest.raises(backup.BackupRefused):
        recovery.restore_book(book.path, bad, folder, NOW + dt.timedelta(hours=1))
    with pytest.raises(backup.BackupRefused):
        recovery.restore_book(book.path, tmp_path / "nothing.db", folder, NOW)
    result = recovery.restore_book(book.path, good, folder, NOW + dt.timedelta(hours=1))
    assert result.previous is not None
    names = sqlite3.connect(result.previous).execute("SELECT name FROM client").fetchall()
    assert sorted(names) == [("张三",), ("李四",)]
    again = Book.open(book.path)
    assert again.reader().execute("SELECT name FROM client").fetchall() == [("张三",)]
    again.close()


def _scribble(path: Path) -> None:
    """Overwrite the middle of every page but the first (the header stays valid)."""
    size = path.stat().st_size
    with path.open("r+b") as fh:
        for page in range(1, size // 4096):
            fh.seek(page * 4096 + 1000)
            fh.write(b"\x07" * 2000)


def _damage(path: Path) -> None:
    """Scribble over a closed book, then leave a -wal as a crash would."""
    _scribble(path)
    Path(f"{path}-wal").write_bytes(b"\x00" * 64)


def test_damaged_book_after_crash_is_detected_set_aside_and_restored(tmp_path, clock) -> None:
    from crm.services.clients import ClientService

    path = tmp_path / "prism.db"
    b = Book.open(path)
    service = ClientService(b, clock)
    for i in range(300):
        service.add(draft(f"客户{i}", phones=[f"138{i:08d}"]))
    good = backup.take_backup(path, tmp_path / "backups", NOW)
    b.close()
    _damage(path)
    assert recovery.needs_check(path)
    with pytest.raises(recovery.BookDamaged):
        Book.open(path)
    assert path.exists()  # untouched until the officer chooses
    assert backup.newest_good_backup(tmp_path / "backups").path == good
    result = recovery.restore_book(path, good, tmp_path / "backups", NOW)
    assert result.damaged is not None and result.damaged.exists()
    assert Path(f"{result.damaged}-wal").exists()  # nothing deleted
    b = Book.open(path)
    assert b.reader().execute("SELECT count(*) FROM client").fetchone()[0] == 300
    b.close()


def test_clean_open_pays_no_check(book_path) -> None:
    Book.open(book_path)
    assert not recovery.needs_check(book_path)


def test_the_gui_lock_of_a_live_process_skips_the_check(tmp_path) -> None:
    import os

    (tmp_path / "prism.lock").write_text(f"{os.getppid()}\nprism\nhost\n")
    assert recovery.lock_owner(tmp_path) == os.getppid()
    (tmp_path / "prism.lock").write_text(f"{os.getpid()}\nprism\nhost\n")
    assert recovery.lock_owner(tmp_path) is None  # our own lock: we check
