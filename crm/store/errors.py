"""Errors opening or writing a book, split into the user's environment and our bugs.

An environment error (locked, disk full, read-only, not a Prism file) is something the officer
can act on, so it carries a message for them. Anything else from SQLite is a bug and propagates.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from crm.domain.messages import QT_TRANSLATE_NOOP, Msg


class BookError(Exception):
    """A problem with the book file the officer can act on."""

    def __init__(self, message: Msg, path: Path | None = None) -> None:
        self.message = message.with_(path=str(path)) if path is not None else message
        self.path = path
        super().__init__(self.message.render())


class NotAPrismBook(BookError):
    """The file exists but is not a Prism book; it is never touched."""


class BookTooNew(BookError):
    """Written by a newer Prism; opening it could lose data, so it is refused."""


class BookLocked(BookError):
    """Another program holds the write lock longer than the busy timeout."""


class BookUnavailable(BookError):
    """Disk full, read-only, I/O error: the machine, not the data."""


_ENVIRONMENT = {
    "database is locked": (
        BookLocked,
        QT_TRANSLATE_NOOP(
            "BookError",
            "The book {path} is busy in another Prism window or command. "
            "Close the other one and try again.",
        ),
    ),
    "database or disk is full": (
        BookUnavailable,
        QT_TRANSLATE_NOOP(
            "BookError", "The disk holding {path} is full. Free some space and try again."
        ),
    ),
    "attempt to write a readonly database": (
        BookUnavailable,
        QT_TRANSLATE_NOOP(
            "BookError", "The book {path} is read-only. Check the file's permissions."
        ),
    ),
    "disk i/o error": (
        BookUnavailable,
        QT_TRANSLATE_NOOP(
            "BookError", "The disk could not read or write {path}. Check the drive and try again."
        ),
    ),
    "unable to open database file": (
        BookUnavailable,
        QT_TRANSLATE_NOOP(
            "BookError", "The book {path} cannot be opened. Check the folder exists and is yours."
        ),
    ),
    "file is not a database": (
        NotAPrismBook,
        QT_TRANSLATE_NOOP(
            "BookError", "{path} is damaged or is not a Prism book. It was left untouched."
        ),
    ),
    "database disk image is malformed": (
        NotAPrismBook,
        QT_TRANSLATE_NOOP(
            "BookError", "{path} is damaged or is not a Prism book. It was left untouched."
        ),
    ),
}


def environment_error(exc: BaseException, path: Path) -> BookError | None:
    """The :class:`BookError` an SQLite exception stands for, or None when it is a bug."""
    while exc is not None and not isinstance(exc, sqlite3.Error):
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    if exc is None:
        return None
    text = str(exc).lower()
    for needle, (kind, message) in _ENVIRONMENT.items():
        if needle in text:
            return kind(message, path)
    return None
