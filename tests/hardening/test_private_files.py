"""The data folder is 0700 and every file Prism writes 0600 on POSIX, whatever the umask
(issue 12 item 3): one test per kind of file. Exports and import problem reports are the
transfer area's (tests/transfer)."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from crm.store.book import Book
from tests.hardening.faults import mode
from tests.helpers import draft

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
NOW = dt.datetime(2026, 11, 29, 9, 30)


@pytest.fixture(autouse=True)
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _plan():  # type: ignore[no-untyped-def]
    from crm.domain.loan_enums import RepaymentMethod
    from crm.domain.loan_math import LoanTerms, calculate

    return calculate(
        LoanTerms(Decimal(100000), Decimal("11.5"), 12, RepaymentMethod.EQUAL_INSTALMENT)
    )


def test_data_folder_book_wal_and_shm(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    path = folder / "prism.db"
    book = Book.open(path)
    try:
        from crm.services.clients import ClientService

        ClientService(book).add(draft("张三"))
        book.reader().execute("SELECT count(*) FROM client").fetchone()  # holds -wal, -shm
        assert mode(folder) == 0o700
        assert mode(path) == 0o600
        assert mode(Path(f"{path}-wal")) == 0o600
        assert mode(Path(f"{path}-shm")) == 0o600
    finally:
        book.close()


def test_a_book_made_before_is_made_private_at_open(tmp_path: Path) -> None:
    path = tmp_path / "data" / "prism.db"
    Book.open(path).close()
    os.chmod(path.parent, 0o755)
    os.chmod(path, 0o644)
    Book.open(path).close()
    # A folder the officer chose keeps its mode (it may hold their other files); the default
    # data folder is Prism's own and is made 0700 (test_default_data_folder_is_made_private).
    assert (mode(path.parent), mode(path)) == (0o755, 0o600)
    os.chmod(path, 0o444)  # read-only by choice: stays read-only, for the user only
    Book.open(path, create=False).close()
    assert mode(path) == 0o400


def test_default_data_folder_is_made_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crm import config

    folder = tmp_path / "Prism"
    monkeypatch.setattr(config, "_default_data_dir", lambda: folder)
    Book.open(folder / "prism.db").close()
    os.chmod(folder, 0o755)  # as an older Prism made it
    Book.open(folder / "prism.db").close()
    assert mode(folder) == 0o700


def test_backups_and_their_folder(book: Book, tmp_path: Path) -> None:
    from crm.store import backup

    folder = tmp_path / "backups"
    made = backup.take_backup(book.path, folder, NOW)
    assert mode(folder) == 0o700
    assert mode(made) == 0o600
    os.chmod(folder, 0o755)  # as an older Prism made it
    backup.take_backup(book.path, folder, NOW)
    assert mode(folder) == 0o700
    out = tmp_path / "elsewhere.db"
    backup.copy_book(book.path, out)  # `crm backup --out`
    assert mode(out) == 0o600


def test_a_backup_is_never_written_over_a_device_or_folder(book: Book, tmp_path: Path) -> None:
    from crm.store import backup

    for target in (Path("/dev/null"), tmp_path):
        with pytest.raises(backup.BackupRefused) as err:
            backup.copy_book(book.path, target)
        assert "not a regular file" in str(err.value)
    assert Path("/dev/null").is_char_device()


def test_restored_book(book: Book, tmp_path: Path) -> None:
    from crm.store import backup, recovery

    folder = tmp_path / "backups"
    made = backup.take_backup(book.path, folder, NOW)
    book.close()
    os.chmod(made, 0o644)  # a backup copied in from somewhere
    result = recovery.restore_book(book.path, made, folder, NOW)
    assert mode(book.path) == 0o600
    assert result.previous is not None and mode(result.previous) == 0o600


def test_ics_feed(tmp_path: Path) -> None:
    from crm.services.reminders.ics import write_atomically

    target = tmp_path / "prism.ics"
    write_atomically(target, b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    assert mode(target) == 0o600


def test_schedule_xlsx(tmp_path: Path) -> None:
    from crm.services.loan_documents import ScheduleLabels, write_schedule_xlsx

    target = tmp_path / "schedule.xlsx"
    labels = ScheduleLabels(*["x"] * len(ScheduleLabels.__slots__))
    write_schedule_xlsx(_plan(), target, labels)
    assert mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["schedule.xlsx"]


def test_schedule_pdf(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from crm.ui.loans.schedule_print import write_schedule_pdf
    from crm.ui.loans.texts import document_labels

    plan = _plan()
    target = tmp_path / "schedule.pdf"
    write_schedule_pdf(plan, target, document_labels(plan, NOW.date()))
    assert mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["schedule.pdf"]


def test_pinyin_cache(tmp_path: Path) -> None:
    from crm.domain import pinyin_table

    target = tmp_path / "cache" / "pinyin" / "table.bin"
    pinyin_table._store(target, b"cached")
    assert mode(target.parent) == 0o700
    assert mode(target) == 0o600


def test_compiled_translations_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crm import config
    from crm.ui import i18n

    src = tmp_path / "src"
    src.mkdir()
    (src / "prism_zh_CN.ts").write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" '
        'language="zh_CN"><context><name>T</name><message><source>Hello</source>'
        "<translation>你好</translation></message></context></TS>",
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "translations_dir", lambda: src)
    monkeypatch.setattr(config, "cache_dir", lambda: tmp_path / "cache")
    (compiled,) = i18n.qm_files("zh_CN")
    assert mode(compiled.parent) == 0o700
    assert mode(compiled) == 0o600


def test_autostart_entry(tmp_path: Path) -> None:
    from crm.services import autostart

    autostart.set_enabled(True, platform="linux", root=tmp_path, cmd=["prism"])
    entry = autostart.xdg_entry_path(tmp_path)
    assert mode(entry) == 0o600
    assert [p.name for p in entry.parent.iterdir()] == [entry.name]


def test_no_sqlite_side_file_is_left_group_readable(book: Book) -> None:
    """Side files SQLite makes later (after a checkpoint) take the book's mode too."""
    conn = sqlite3.connect(book.path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    with book.write() as conn:
        conn.execute("INSERT INTO book_setting (key, value) VALUES ('k', '1')")
    for suffix in ("", "-wal", "-shm"):
        p = Path(f"{book.path}{suffix}")
        if p.exists():
            assert mode(p) == 0o600, suffix
