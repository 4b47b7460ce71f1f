"""Protecting a book: SQLCipher at rest, converted in place, the store working on it unchanged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crm.domain.clock import FixedClock
from crm.services.facade import Services
from crm.store import crypto, protect
from crm.store.book import Book
from crm.store.errors import PassphraseNeeded, WrongPassphrase

PASS = "correct horse 电池 staple"
NOW_CLOCK = FixedClock(__import__("tests.conftest", fromlist=["NOW"]).NOW)


@pytest.fixture(autouse=True)
def _forget_keys():
    yield
    crypto._keys.clear()


def _filled(path: Path, n: int = 30) -> None:
    book = Book.open(path)
    try:
        Services(book, NOW_CLOCK).demo.fill(n, seed=3)
    finally:
        book.close()


def _count(book: Book) -> int:
    return book.reader().execute("SELECT count(*) FROM client").fetchone()[0]


def test_protect_then_open_with_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "prism.db"
    _filled(path)
    protect.protect(path, PASS)
    assert path.read_bytes()[:16] != crypto.SQLITE_MAGIC
    crypto._keys.clear()  # a new process: nothing remembered

    with pytest.raises(PassphraseNeeded):
        Book.open(path)
    with pytest.raises(WrongPassphrase):
        Book.open(path, passphrase="wrong")
    book = Book.open(path, passphrase=PASS)
    try:
        assert _count(book) == 30
        # The one write path works on it; each write connection is keyed without a new KDF.
        services = Services(book, NOW_CLOCK)
        services.demo.fill(5, seed=4)
        assert _count(book) == 35
        with book.session() as session:  # the ORM too
            from sqlmodel import text

            assert session.exec(text("SELECT count(*) FROM client")).one()[0] == 35  # type: ignore[call-overload]
    finally:
        book.close()


def test_plain_sqlite3_cannot_read_an_encrypted_book(tmp_path: Path) -> None:
    path = tmp_path / "prism.db"
    _filled(path)
    protect.protect(path, PASS)
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT count(*) FROM client").fetchone()
    conn.close()


def test_unprotect_gives_the_plain_book_back(tmp_path: Path) -> None:
    path = tmp_path / "prism.db"
    _filled(path)
    protect.protect(path, PASS)
    protect.unprotect(path)
    assert path.read_bytes()[:16] == crypto.SQLITE_MAGIC
    assert crypto.key_for(path) is None
    book = Book.open(path)
    try:
        assert _count(book) == 30
    finally:
        book.close()


def test_the_passphrase_is_written_nowhere(tmp_path: Path) -> None:
    path = tmp_path / "prism.db"
    _filled(path)
    protect.protect(path, PASS)
    crypto._keys.clear()
    book = Book.open(path, passphrase=PASS)
    Services(book, NOW_CLOCK).demo.fill(3, seed=9)
    book.close()
    key = crypto.key_for(path)
    assert key is not None
    needles = [PASS.encode(), PASS.encode("utf-16-le"), key.encode(), key[2:66].encode()]
    for f in tmp_path.rglob("*"):
        if f.is_file():
            data = f.read_bytes()
            for needle in needles:
                assert needle not in data, f


def test_the_plain_original_is_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "prism.db"
    _filled(path)
    with open(path, "rb") as held:  # another name for the original's bytes
        protect.protect(path, PASS)
        assert set(held.read()) <= {0}


def test_an_unlocked_book_passes_the_crash_check(tmp_path: Path) -> None:
    from crm.store import recovery

    path = tmp_path / "prism.db"
    _filled(path)
    protect.protect(path, PASS)
    check = recovery.check_book(path)
    assert check.ok and check.clients == 30


def test_backups_of_an_encrypted_book_are_encrypted_with_its_key(tmp_path: Path) -> None:
    from crm.store import backup

    path = tmp_path / "prism.db"
    _filled(path)
    protect.protect(path, PASS)
    taken = backup.take_backup(path, tmp_path / "backups", NOW_CLOCK.now())
    assert taken.read_bytes()[:16] != crypto.SQLITE_MAGIC
    conn = sqlite3.connect(taken)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT count(*) FROM client").fetchone()
    conn.close()
    # The book's key opens it (restore checks it with that key).
    assert backup.check_file(taken, key=crypto.key_for(path)).ok
    conn = crypto.connect(taken, crypto.key_for(path))
    assert conn.execute("SELECT count(*) FROM client").fetchone()[0] == 30
    conn.close()
