"""SQLite errors on real files, classified by their result code into what the officer is told."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from crm.store.book import APPLICATION_ID, SQLITE_MAGIC, Book
from crm.store.errors import (
    BookError,
    BookLocked,
    BookUnavailable,
    NotAPrismBook,
    environment_error,
    sqlite_code,
    sqlite_error,
)
from tests.helpers import draft


def raised(fn: Callable[[], object]) -> sqlite3.Error:
    """The SQLite error ``fn`` raises (it must raise one)."""
    with pytest.raises(sqlite3.Error) as info:
        fn()
    return info.value


def assert_one_line(err: BookError, path: Path, *words: str) -> None:
    text = str(err)
    assert "\n" not in text
    assert str(path) in text
    for word in words:
        assert word in text


@contextmanager
def write_lock_held(path: Path) -> Iterator[None]:
    """Another connection (another Prism, a command) holding the book's write lock."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def _corrupt_client_table(book: Book, clients) -> Path:
    """A book whose client table's root page is overwritten: the header page stays whole."""
    for i in range(20):
        clients.add(draft(f"客户{i}"))
    conn = book.reader()
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'client'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    book.close()  # the last connection checkpoints the WAL into the file
    data = bytearray(book.path.read_bytes())
    data[(root - 1) * size : root * size] = b"\xff" * size
    book.path.write_bytes(bytes(data))
    return book.path


# -- locked ------------------------------------------------------------------------------------


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    import crm.store.book as store_book

    monkeypatch.setattr(store_book, "BUSY_TIMEOUT_MS", 100)


@pytest.mark.usefixtures("short_busy_timeout")
def test_locked_book_on_a_plain_write(book: Book) -> None:
    with write_lock_held(book.path), pytest.raises(BookLocked) as err, book.write() as conn:
        conn.execute("DELETE FROM client")
    cause = sqlite_error(err.value)
    assert cause is not None and cause.sqlite_errorname == "SQLITE_BUSY"
    assert_one_line(err.value, book.path, "busy")


@pytest.mark.usefixtures("short_busy_timeout")
def test_locked_book_on_an_orm_write(book: Book) -> None:
    """SQLAlchemy wraps the SQLite error (``.orig``); it is still classified by its code."""
    from sqlalchemy.exc import OperationalError

    with write_lock_held(book.path), pytest.raises(BookLocked) as err, book.session() as session:
        session.connection()  # the session's BEGIN IMMEDIATE
    assert isinstance(err.value.__cause__, OperationalError)
    assert sqlite_code(err.value.__cause__) == sqlite3.SQLITE_BUSY
    assert_one_line(err.value, book.path, "busy")


def test_shared_cache_table_lock_is_locked(tmp_path: Path) -> None:
    """SQLITE_LOCKED_SHAREDCACHE, an extended code, counts as its family SQLITE_LOCKED."""
    uri = f"{(tmp_path / 'shared.db').as_uri()}?cache=shared"
    writer = sqlite3.connect(uri, uri=True, isolation_level=None)
    reader = sqlite3.connect(uri, uri=True, isolation_level=None)
    try:
        writer.execute("CREATE TABLE t (x)")
        writer.execute("BEGIN")
        writer.execute("INSERT INTO t VALUES (1)")
        exc = raised(lambda: reader.execute("SELECT * FROM t").fetchall())
        writer.execute("ROLLBACK")
    finally:
        reader.close()
        writer.close()
    assert exc.sqlite_errorname == "SQLITE_LOCKED_SHAREDCACHE"
    assert isinstance(environment_error(exc, tmp_path / "shared.db"), BookLocked)


# -- read-only, full, cannot open --------------------------------------------------------------


def test_read_only_book(book: Book) -> None:
    ro = sqlite3.connect(f"{book.path.as_uri()}?mode=ro", uri=True)
    try:
        exc = raised(lambda: ro.execute("DELETE FROM client"))
    finally:
        ro.close()
    assert exc.sqlite_errorname == "SQLITE_READONLY"
    err = environment_error(exc, book.path)
    assert isinstance(err, BookUnavailable)
    assert_one_line(err, book.path, "read-only")


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root writes a read-only file anyway"
)
def test_read_only_file_permissions(book: Book, clients) -> None:
    clients.add(draft("李娜"))
    book.close()
    book.path.chmod(0o444)
    try:
        with pytest.raises(BookUnavailable) as err:
            again = Book.open(book.path)
            try:
                with again.write() as conn:
                    conn.execute("DELETE FROM client")
            finally:
                again.close()
    finally:
        book.path.chmod(0o644)
    assert sqlite_code(err.value) in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN)
    assert_one_line(err.value, book.path)


def test_disk_full(book: Book) -> None:
    """A book that may not grow (max_page_count) fails its write as a full disk does."""
    with pytest.raises(BookUnavailable) as err, book.write() as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        conn.executemany(
            "INSERT INTO book_setting (key, value) VALUES (?, ?)",
            ((f"k{i}", "x" * 2000) for i in range(200)),
        )
    assert sqlite_code(err.value) == sqlite3.SQLITE_FULL
    assert_one_line(err.value, book.path, "full")


def test_cannot_open_in_a_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "prism.db"
    exc = raised(lambda: sqlite3.connect(path).execute("SELECT 1"))
    assert exc.sqlite_errorname == "SQLITE_CANTOPEN"
    err = environment_error(exc, path)
    assert isinstance(err, BookUnavailable)
    assert_one_line(err, path, "cannot be opened")


def test_a_folder_where_the_book_should_be(tmp_path: Path) -> None:
    path = tmp_path / "prism.db"
    path.mkdir()
    with pytest.raises(BookUnavailable) as err:
        Book.open(path)
    assert isinstance(err.value.__cause__, OSError)
    assert_one_line(err.value, path, "cannot be opened")


def test_disk_io_error_family(book: Book) -> None:
    """An I/O error cannot be provoked on a healthy disk: a real SQLite error is given an
    extended I/O code (SQLITE_IOERR_WRITE) to check that the family decides."""
    ro = sqlite3.connect(f"{book.path.as_uri()}?mode=ro", uri=True)
    try:
        exc = raised(lambda: ro.execute("DELETE FROM client"))
    finally:
        ro.close()
    exc.sqlite_errorcode = sqlite3.SQLITE_IOERR_WRITE
    err = environment_error(exc, book.path)
    assert isinstance(err, BookUnavailable)
    assert_one_line(err, book.path, "could not read or write")


# -- not a database, damaged -------------------------------------------------------------------


def test_text_file_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello\n" * 100)
    conn = sqlite3.connect(path)
    try:
        exc = raised(lambda: conn.execute("SELECT * FROM sqlite_master").fetchall())
    finally:
        conn.close()
    assert exc.sqlite_errorname == "SQLITE_NOTADB"
    err = environment_error(exc, path)
    assert isinstance(err, NotAPrismBook)
    assert_one_line(err, path, "damaged or is not a Prism book")


def test_garbage_behind_a_prism_header_is_refused_untouched(tmp_path: Path) -> None:
    """Our header (magic, application id) on garbage: SQLite itself says SQLITE_NOTADB."""
    header = bytearray(SQLITE_MAGIC + bytes(100 - len(SQLITE_MAGIC)))
    header[68:72] = APPLICATION_ID.to_bytes(4, "big")
    path = tmp_path / "prism.db"
    path.write_bytes(bytes(header) + bytes(range(256)) * 16)
    before = path.read_bytes()
    with pytest.raises(NotAPrismBook) as err:
        Book.open(path)
    assert sqlite_code(err.value) == sqlite3.SQLITE_NOTADB
    assert_one_line(err.value, path, "damaged")
    assert path.read_bytes() == before


def test_corrupt_page_on_a_plain_write(book: Book, clients) -> None:
    path = _corrupt_client_table(book, clients)
    again = Book.open(path)
    try:
        with pytest.raises(NotAPrismBook) as err, again.write() as conn:
            conn.execute("SELECT * FROM client").fetchall()
    finally:
        again.close()
    assert sqlite_code(err.value) == sqlite3.SQLITE_CORRUPT
    assert_one_line(err.value, path, "damaged")


def test_corrupt_page_on_an_orm_read(book: Book, clients) -> None:
    from sqlmodel import select

    from crm.domain.client import Client

    path = _corrupt_client_table(book, clients)
    again = Book.open(path)
    try:
        with pytest.raises(NotAPrismBook) as err, again.session() as session:
            session.exec(select(Client)).all()
    finally:
        again.close()
    assert sqlite_code(err.value) == sqlite3.SQLITE_CORRUPT
    assert_one_line(err.value, path, "damaged")


# -- what is not the environment ---------------------------------------------------------------


def test_the_message_text_alone_decides_nothing(tmp_path: Path) -> None:
    """An error Python raised itself carries no code, whatever its text: not classified."""
    assert environment_error(sqlite3.OperationalError("database is locked"), tmp_path) is None
    assert sqlite_code(sqlite3.OperationalError("database is locked")) is None


def test_bugs_are_not_environment_errors(book: Book) -> None:
    """A constraint or a typo in SQL is ours to fix: it propagates as it is."""
    with pytest.raises(sqlite3.IntegrityError), book.write() as conn:
        conn.execute("INSERT INTO client_phone (client_id, e164, national) VALUES (999, '', '')")
    with pytest.raises(sqlite3.OperationalError), book.write() as conn:
        conn.execute("SELECT nope FROM client")


def test_an_error_inside_another_is_found(book: Book) -> None:
    ro = sqlite3.connect(f"{book.path.as_uri()}?mode=ro", uri=True)
    try:
        exc = raised(lambda: ro.execute("DELETE FROM client"))
    finally:
        ro.close()
    try:
        try:
            raise exc
        except sqlite3.Error as inner:
            raise RuntimeError("while saving") from inner
    except RuntimeError as outer:
        assert isinstance(environment_error(outer, book.path), BookUnavailable)
    assert environment_error(RuntimeError("no SQLite here"), book.path) is None
