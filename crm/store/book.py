"""Opening a book: refusing foreign files, applying pragmas, migrating, handing out connections.

Every read and write of the product goes through plain ``sqlite3`` (``reader()``, ``write()``;
the SQL lives in ``crm/store/queries``): cheap to import, fast, and one code path for one record
or many. :meth:`Book.session` hands out the SQLModel ORM on the same pragmas for tools and tests
(the table classes are the schema); it imports ``sqlmodel`` (~0.6 s) only when called.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.store import migrate
from crm.store.changes import ChangeBus
from crm.store.errors import BookError, NotAPrismBook, cannot_open, environment_error

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

#: Stamped into the SQLite header (PRAGMA application_id) so we know our own files: 'PRSM'.
APPLICATION_ID = 0x5052534D
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def apply_pragmas(conn: sqlite3.Connection) -> None:
    """Settings every connection gets, whoever opens it."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")


def _connect(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN ourselves, so a transaction is exactly one `with`.
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=check_same_thread)
    apply_pragmas(conn)
    return conn


class Book:
    """One open Prism book (an SQLite file)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.changes = ChangeBus()
        self._local = threading.local()
        self._engine: Engine | None = None
        self._all_readers: list[tuple[sqlite3.Connection, threading.Thread]] = []
        self._lock = threading.Lock()

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, create: bool = True) -> Book:
        """Open (and migrate) the book at ``path``; create it when missing and ``create``."""
        path = Path(path)
        try:
            if path.exists():
                _check_is_prism_book(path)
                if Path(f"{path}-wal").exists():  # a crash may have left it: one stat when clean
                    from crm.store import recovery  # (and its backup code) only then

                    if recovery.needs_check(path):
                        recovery.check_open_book(path)
            elif not create:
                raise NotAPrismBook(
                    QT_TRANSLATE_NOOP("BookError", "There is no Prism book at {path}."), path
                )
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
            conn = _connect(path)
            try:
                migrate.upgrade(conn, path)
            finally:
                conn.close()
        except BookError:
            raise
        except (sqlite3.Error, OSError) as exc:
            err = environment_error(exc, path)
            if err is None:
                raise
            raise err from exc
        return cls(path)

    # -- plain sqlite3 -------------------------------------------------------------------------

    def connect(self) -> sqlite3.Connection:
        """A new connection with our pragmas; the caller closes it."""
        return _connect(self.path)

    def reader(self) -> sqlite3.Connection:
        """This thread's long-lived connection for reads (list pages, search)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = _connect(self.path, check_same_thread=False)
            self._local.conn = conn
            with self._lock:
                self._all_readers.append((conn, threading.current_thread()))
        return conn

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE ... COMMIT) on a fresh connection."""
        conn = self.connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.rollback()
                raise
            conn.execute("COMMIT")
        except (sqlite3.Error, OSError) as exc:
            err = environment_error(exc, self.path)
            if err is None:
                raise
            raise err from exc
        finally:
            conn.close()

    # -- ORM -----------------------------------------------------------------------------------

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = _make_engine(self.path)
        return self._engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One ORM write transaction: committed when the block ends, rolled back on error."""
        from sqlalchemy.exc import DBAPIError
        from sqlmodel import Session

        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                yield session
        except DBAPIError as exc:
            err = environment_error(exc, self.path)
            if err is None:
                raise
            raise err from exc

    def close(self) -> None:
        """Close this book's connections.

        A reader another live thread owns may be mid-query (a search still running on a worker
        when the window closes); closing it under that thread crashes SQLite's caller. Such a
        connection is interrupted instead and closes when its thread lets go of it. Callers that
        run workers (the GUI) wait for them before closing the book.
        """
        with self._lock:
            readers, self._all_readers = self._all_readers, []
        me = threading.current_thread()
        for conn, owner in readers:
            if owner is me or not owner.is_alive():
                conn.close()
            else:
                conn.interrupt()
        self._local = threading.local()
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def _make_engine(path: Path) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Turn off pysqlite's own BEGIN handling; the "begin" hook below issues ours.
        dbapi_conn.isolation_level = None
        apply_pragmas(dbapi_conn)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # IMMEDIATE takes the write lock up front: a later upgrade from read to write could
        # otherwise fail with SQLITE_BUSY without waiting for the busy timeout.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _check_is_prism_book(path: Path) -> None:
    """Refuse anything that is not ours, before SQLite writes a byte to it."""
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise cannot_open(path) from exc
    if not header:
        raise NotAPrismBook(
            QT_TRANSLATE_NOOP(
                "BookError", "{path} is an empty file, not a Prism book. It was left untouched."
            ),
            path,
        )
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        raise NotAPrismBook(
            QT_TRANSLATE_NOOP(
                "BookError", "{path} is not a Prism book (not a database). It was left untouched."
            ),
            path,
        )
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != APPLICATION_ID and Path(f"{path}-wal").exists():
        # After a crash the stamped header page may still sit in the WAL; ask SQLite, read-only.
        try:
            ro = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
            try:
                app_id = ro.execute("PRAGMA application_id").fetchone()[0]
            finally:
                ro.close()
        except sqlite3.Error:
            app_id = 0
    if app_id != APPLICATION_ID:
        raise NotAPrismBook(
            QT_TRANSLATE_NOOP(
                "BookError",
                "{path} is another program's database, not a Prism book. It was left untouched.",
            ),
            path,
        )


# -- values as the book stores them ----------------------------------------------------------


@overload
def sql_datetime(value: dt.datetime) -> str: ...
@overload
def sql_datetime(value: None) -> None: ...
@overload
def sql_datetime(value: dt.datetime | None) -> str | None: ...
def sql_datetime(value: dt.datetime | None) -> str | None:
    """A datetime as SQLAlchemy's SQLite dialect stores it, for plain-sqlite3 writes."""
    if value is None:
        return None
    if value.tzinfo is None:  # the clock's: the same text at a third of strftime's cost
        return value.isoformat(" ", "microseconds")  # (the bulk forms write 100,000s)
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def sql_date(value: dt.date | None) -> str | None:
    """A day as the book stores it: ISO, YYYY-MM-DD."""
    return value.isoformat() if value else None


def to_datetime(value: str | None) -> dt.datetime | None:
    """A stored time read back; None for NULL."""
    return dt.datetime.fromisoformat(value) if value else None


def to_date(value: str | None) -> dt.date | None:
    """A stored day read back (of a stored time too: its date); None for NULL."""
    return dt.date.fromisoformat(value[:10]) if value else None
