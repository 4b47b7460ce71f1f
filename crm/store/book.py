"""Opening a book: refusing foreign files, applying pragmas, migrating, handing out connections.

Every read and write of the product goes through plain ``sqlite3`` (``reader()``, ``write()``;
the SQL lives in ``crm/store/queries``): cheap to import, fast, and one code path for one record
or many. :meth:`Book.session` hands out the SQLModel ORM on the same pragmas for tools and tests
(the table classes are the schema); it imports ``sqlmodel`` (~0.6 s) only when called.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from crm import files
from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.store import crypto, migrate
from crm.store.changes import ChangeBus
from crm.store.errors import BookError, NotAPrismBook, environment_error
from crm.store.identify import (  # noqa: F401  (APPLICATION_ID, SQLITE_MAGIC: re-exported)
    APPLICATION_ID,
    SQLITE_MAGIC,
    check_folder,
    check_is_prism_book,
    make_private,
    probe,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

BUSY_TIMEOUT_MS = 5000


def apply_pragmas(conn: sqlite3.Connection) -> None:
    """Settings every connection gets, whoever opens it."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")


def _connect(
    path: Path, *, check_same_thread: bool = True, key: str | None = None
) -> sqlite3.Connection:
    # The one opener (crm.store.crypto): stdlib sqlite3 for a plain book, SQLCipher with
    # ``key`` for an encrypted one.
    conn = crypto.connect(path, key, check_same_thread=check_same_thread)
    # isolation_level=None: we issue BEGIN ourselves, so a transaction is exactly one `with`.
    conn.isolation_level = None
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
        self._key = crypto.key_for(path)  # None: a plain book

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, create: bool = True, passphrase: str | None = None) -> Book:
        """Open (and migrate) the book at ``path``; create it when missing and ``create``.

        Nothing is written to a file before it is known to be a Prism book this Prism can open
        (not damaged, not from a newer Prism): refused files keep every byte. A new book is
        built beside and renamed into place whole, so a kill never leaves half a book.
        An encrypted book needs ``passphrase`` (or an earlier :func:`crypto.unlock`):
        PassphraseNeeded / WrongPassphrase otherwise."""
        path = Path(path)
        try:
            if passphrase is not None and crypto.looks_encrypted(path):
                crypto.unlock(path, passphrase)
            check_folder(path.parent)
            if not path.exists():
                if not create:
                    raise NotAPrismBook(
                        QT_TRANSLATE_NOOP("BookError", "There is no Prism book at {path}."), path
                    )
                if not path.parent.exists():  # a folder Prism makes is 0700
                    files.ensure_private_dir(path.parent)
                _create(path)
            check_is_prism_book(path)
            revision, stamped = probe(path)  # BookDamaged after a crash that damaged it
            migrate.refuse_newer(revision, stamped, path)
            # Ours, whole and not too new: from here on Prism may change things.
            make_private(path)
            from crm.store.leftovers import sweep_leftovers

            sweep_leftovers(path.parent)
            if not migrate.is_current(revision, stamped):
                conn = _connect(path, key=crypto.key_for(path))
                try:
                    migrate.upgrade(conn, path)
                finally:
                    conn.close()
        except BookError:
            raise
        except Exception as exc:  # sqlite3, OSError, or either wrapped by SQLAlchemy/Alembic
            err = environment_error(exc, path)
            if err is None:
                raise
            raise err from exc
        return cls(path)

    # -- plain sqlite3 -------------------------------------------------------------------------

    def connect(self) -> sqlite3.Connection:
        """A new connection with our pragmas; the caller closes it."""
        return _connect(self.path, key=self._key)

    def reader(self) -> sqlite3.Connection:
        """This thread's long-lived connection for reads (list pages, search)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = _connect(self.path, check_same_thread=False, key=self._key)
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

    def rekey(self) -> None:
        """After the file was protected or unprotected in place (crm.store.protect): close
        every connection, and open the next ones with the key the file has now."""
        self.close()
        self._key = crypto.key_for(self.path)

    def close(self, *, workers_idle: bool = False) -> None:
        """Close this book's connections.

        A reader another live thread owns may be mid-query (a search still running on a worker
        when the window closes); closing it under that thread crashes SQLite's caller. Such a
        connection is interrupted instead and closes when its thread lets go of it. Callers that
        run workers (the GUI) wait for them before closing the book, and then say so with
        ``workers_idle``: every reader is closed, the idle pool threads' too. Left open, those
        kept the ``-wal`` beside the book after a clean exit, which the next start took for a
        crash (a whole-book check: ~7 s at 100,000 clients).
        """
        with self._lock:
            readers, self._all_readers = self._all_readers, []
        me = threading.current_thread()
        for conn, owner in readers:
            if workers_idle or owner is me or not owner.is_alive():
                conn.close()
            else:
                conn.interrupt()
        self._local = threading.local()
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def _make_engine(path: Path) -> Engine:
    from sqlalchemy import create_engine, event

    key = crypto.key_for(path)
    if key is None:
        engine = create_engine(f"sqlite:///{path}")
    else:  # the same dialect over an SQLCipher connection (it raises sqlite3's errors)
        engine = create_engine("sqlite://", creator=lambda: crypto.connect(path, key))

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


def _create(path: Path) -> None:
    """Build a new book beside ``path`` (migrated, WAL folded in) and link it into place.

    Linking refuses to replace: when two first commands race, the second uses the book the
    first made (and whatever it has written since) instead of replacing it with an empty one."""
    with files.private_temp_beside(path) as tmp:
        try:
            conn = _connect(tmp)
            try:
                migrate.upgrade(conn, tmp)
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()  # the last connection: the WAL is folded in and removed
            files.fsync_file(tmp)
            try:
                os.link(tmp, path)
            except FileExistsError:
                pass  # another Prism made the book meanwhile: that one is the book
            except OSError:  # a file system without hard links
                if not path.exists():
                    os.replace(tmp, path)
            files.fsync_dir(path.parent)
        finally:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{tmp}{suffix}").unlink(missing_ok=True)


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
