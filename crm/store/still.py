"""Looking at a book file without changing a byte of it (``crm check``, identifying a file).

A read-only SQLite connection is not enough: opening a WAL database read-only still creates
the ``-wal`` and ``-shm`` files when they are missing, rebuilds the ``-shm`` index after a crash,
and a read-write connection folds a crash-left ``-wal`` into the book when it closes. So:

- with no side file beside the book, it is opened ``immutable=1`` (SQLite then takes no lock
  and creates nothing), and afterwards the file is compared with how it was: if someone wrote
  meanwhile (a write creates a side file), the look is taken again from a copy;
- with a ``-wal`` or ``-journal`` beside it, the book and its ``-wal`` are copied into a private
  temporary folder and the copy is opened (there SQLite may replay, fold and index all it
  likes). The copy is taken again if either file changed while it was copied; a book that
  keeps changing has a live writer (not a crash), and is then read through a read-only
  connection, whose -shm use is that writer's business anyway.

Costs a copy of the book only when side files exist, i.e. after a crash or while another
process has the book open; ``crm check`` and the crash check at open are such moments.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
COPY_ATTEMPTS = 4
SIDE_FILES = ("-wal", "-journal")


class NoCopy(Exception):
    """No still copy could be made; the book is then read through a read-only connection."""


class BeingWritten(NoCopy):
    """Another process kept writing the book while it was copied: it is alive, not crashed."""


class CannotCopy(NoCopy):
    """No room (or no permission) for the copy in the temporary folder."""


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def _stamps(book: Path) -> tuple[tuple[int, int, int] | None, ...]:
    return tuple(_stamp(Path(f"{book}{s}")) for s in ("", *SIDE_FILES))


def has_side_files(book: Path) -> bool:
    return any(Path(f"{book}{s}").exists() for s in SIDE_FILES)


def immutable_uri(book: Path) -> str:
    return f"{Path(book).resolve().as_uri()}?immutable=1"


@contextmanager
def copied(book: Path) -> Iterator[Path]:
    """A private copy of ``book`` and its ``-wal``, consistent with each other: the path of the
    copied book, removed afterwards. A hot ``-journal`` is copied too (SQLite rolls it back in
    the copy). Raises CannotCopy when the copy cannot be made (no space for it), BeingWritten
    when the book kept changing, FileNotFoundError when there is no book."""
    import tempfile  # here: only after a crash; every open of a clean book needs none of it

    try:
        folder = Path(tempfile.mkdtemp(prefix="prism-look-"))  # 0700
    except OSError as exc:
        raise CannotCopy(str(exc)) from exc
    try:
        target = folder / "book.db"
        for _attempt in range(COPY_ATTEMPTS):
            before = _stamps(book)
            for suffix in ("", *SIDE_FILES):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
                source = Path(f"{book}{suffix}")
                try:
                    shutil.copyfile(source, f"{target}{suffix}")
                except FileNotFoundError:
                    if suffix == "":
                        raise
                except OSError as exc:  # ENOSPC in the temporary folder, most likely
                    raise CannotCopy(str(exc)) from exc
            if _stamps(book) == before:
                break
            # A writer changed the book or its -wal while we copied: the pair may not match.
        else:
            raise BeingWritten(book)
        yield target
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def look(book: Path, read: Callable[[sqlite3.Connection], T], *, key: str | None = None) -> T:
    """``read(conn)`` on a picture of ``book`` that leaves the book, its ``-wal`` and ``-shm``
    exactly as they were. sqlite3 errors from ``read`` propagate. An encrypted book is read
    with ``key`` (default: the one it was unlocked with, :mod:`crm.store.crypto`)."""
    from crm.store import crypto

    book = Path(book)
    if key is None:
        key = crypto.key_for(book)
    if not has_side_files(book):
        before = _stamps(book)
        conn = crypto.connect(immutable_uri(book), key, uri=True)
        try:
            result = read(conn)
        finally:
            conn.close()
        if _stamps(book) == before and not has_side_files(book):
            return result
        # Someone wrote while we read an "immutable" file: what we read may be torn.
    try:
        with copied(book) as copy:
            conn = crypto.connect(copy, key)
            try:
                conn.execute("PRAGMA query_only = ON")
                return read(conn)
            finally:
                conn.close()
    except NoCopy:
        pass
    # A live writer: its -wal and -shm are in use and change anyway; a read-only connection
    # reads a consistent snapshot through them and changes nothing of the book's own bytes.
    # (No room for a copy: the same, as Prism did before it took copies.)
    conn = crypto.connect(f"{book.resolve().as_uri()}?mode=ro", key, uri=True)
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        return read(conn)
    finally:
        conn.close()
