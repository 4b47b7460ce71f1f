"""The store on real SQLite files: schema from empty, pragmas, refusing what is not ours."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crm.store import migrate
from crm.store.book import APPLICATION_ID, Book
from crm.store.errors import BookLocked, BookTooNew, NotAPrismBook


def test_new_book_is_created_at_head(book: Book) -> None:
    conn = book.reader()
    assert migrate.current_revision(conn) == migrate.head()
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"client", "client_phone", "client_tag"} <= tables


def test_current_revision_of_a_database_without_migrations(tmp_path: Path) -> None:
    """No alembic_version table: no revision (asked of sqlite_master, not read off an error)."""
    conn = sqlite3.connect(tmp_path / "empty.db")
    try:
        assert migrate.current_revision(conn) is None
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        assert migrate.current_revision(conn) is None
        conn.execute("INSERT INTO alembic_version VALUES ('0001')")
        assert migrate.current_revision(conn) == "0001"
    finally:
        conn.close()


def test_revision_ids_are_one_chain() -> None:
    """Files are named NNNN_*.py and each revises the one before (the fast path relies on it)."""
    import importlib.util

    revisions = migrate.known_revisions()
    previous = None
    for rev in revisions:
        path = next((migrate.MIGRATIONS_DIR / "versions").glob(f"{rev}_*.py"))
        spec = importlib.util.spec_from_file_location(f"rev{rev}", path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        assert module.revision == rev
        assert module.down_revision == previous
        previous = rev


@pytest.mark.parametrize("how", ["reader", "connect", "write", "orm"])
def test_every_connection_gets_the_pragmas(book: Book, how: str) -> None:
    def read(conn) -> tuple:
        return tuple(
            conn.execute(f"PRAGMA {p}").fetchone()[0]
            for p in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
        )

    expected = ("wal", 1, 2, 5000)
    if how == "reader":
        assert read(book.reader()) == expected
    elif how == "connect":
        conn = book.connect()
        assert read(conn) == expected
        conn.close()
    elif how == "write":
        with book.write() as conn:
            assert read(conn) == expected
    else:
        with book.session() as session:
            raw = session.connection().connection.dbapi_connection
            assert read(raw) == expected


def test_reopen_is_fast_path_and_keeps_data(book_path: Path, clients, book: Book) -> None:
    from tests.helpers import draft

    clients.add(draft("李娜"))
    book.close()
    again = Book.open(book_path)
    assert again.reader().execute("SELECT name FROM client").fetchall() == [("李娜",)]
    again.close()


@pytest.mark.parametrize(
    "content",
    [b"", b"hello, this is a text file\n" * 10, bytes(range(256)) * 8],
    ids=["empty", "text", "random"],
)
def test_foreign_files_are_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "prism.db"
    path.write_bytes(content)
    with pytest.raises(NotAPrismBook) as err:
        Book.open(path)
    assert str(path) in str(err.value)
    assert path.read_bytes() == content
    assert not Path(f"{path}-wal").exists()


def test_another_apps_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.execute("INSERT INTO notes VALUES (1)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotAPrismBook, match="another program"):
        Book.open(path)
    assert path.read_bytes() == before


def test_book_from_a_newer_prism_is_refused_untouched(book_path: Path, book: Book) -> None:
    with book.write() as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    book.close()
    before = book_path.read_bytes()
    with pytest.raises(BookTooNew, match="newer version"):
        Book.open(book_path)
    assert book_path.read_bytes() == before


def test_missing_book_without_create(tmp_path: Path) -> None:
    with pytest.raises(NotAPrismBook):
        Book.open(tmp_path / "nope.db", create=False)
    assert not (tmp_path / "nope.db").exists()


def test_write_waits_then_reports_locked(book: Book, monkeypatch: pytest.MonkeyPatch) -> None:
    import crm.store.book as store_book

    monkeypatch.setattr(store_book, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(book.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(BookLocked, match="busy"), book.write() as conn:
            conn.execute("DELETE FROM client")
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_failed_write_changes_nothing(book: Book, clients) -> None:
    from tests.helpers import draft

    clients.add(draft("王芳"))
    with pytest.raises(RuntimeError), book.write() as conn:
        conn.execute("DELETE FROM client")
        raise RuntimeError("boom")
    assert book.reader().execute("SELECT count(*) FROM client").fetchone()[0] == 1


def test_close_leaves_another_threads_busy_reader_alone(book: Book, clients) -> None:
    """Closing the book while a worker is mid-query must not crash (it did, in CI)."""
    import threading

    from tests.helpers import draft

    for i in range(50):
        clients.add(draft(f"客户{i}"))
    started, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def worker() -> None:
        conn = book.reader()
        try:
            cursor = conn.execute("SELECT id FROM client")
            started.set()
            release.wait(5)
            cursor.fetchall()
        except sqlite3.Error as exc:
            errors.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    started.wait(5)
    book.close()
    release.set()
    thread.join(5)
    assert not thread.is_alive()
    # The worker's connection was not closed under it ("Cannot operate on a closed database").
    assert not [e for e in errors if isinstance(e, sqlite3.ProgrammingError)]


def test_values_as_the_book_stores_them() -> None:
    """One set of converters for every area: what SQLAlchemy's SQLite dialect writes, read
    back the same; days as ISO dates (a stored time's date part too)."""
    import datetime as dt

    from crm.store.book import sql_date, sql_datetime, to_date, to_datetime

    for value in (dt.datetime(2026, 11, 29, 9, 30), dt.datetime(1999, 1, 2, 3, 4, 5, 60)):
        text = sql_datetime(value)
        assert text == value.strftime("%Y-%m-%d %H:%M:%S.%f")  # the ORM's form
        assert to_datetime(text) == value
        assert to_date(text) == value.date()
    aware = dt.datetime(2026, 11, 29, 9, 30, tzinfo=dt.UTC)
    assert sql_datetime(aware) == "2026-11-29 09:30:00.000000"
    assert sql_datetime(None) is None and to_datetime(None) is None and to_date("") is None
    assert sql_date(dt.date(2027, 3, 15)) == "2027-03-15" and sql_date(None) is None
