"""Errors opening or writing a book, split into the user's environment and our bugs.

An environment error (locked, disk full, read-only, not a Prism file) is something the officer
can act on, so it carries a message for them. Anything else from SQLite is a bug and propagates.
"""

from __future__ import annotations

import errno
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


class PassphraseNeeded(NotAPrismBook):
    """The book is encrypted (or is no SQLite file at all: only a passphrase tells them apart)
    and no passphrase was given. Like every refused file, it was not touched."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "BookError",
                "{path} is protected by a passphrase (or is not a Prism book); "
                "give the passphrase to open it.",
            ),
            path,
        )


class WrongPassphrase(BookError):
    """The passphrase does not open the book (or the file is not a Prism book)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "BookError", "Wrong passphrase for {path} (or it is not a Prism book)."
            ),
            path,
        )


class OtherPassphrase(BookError):
    """A backup protected with another passphrase than the book's (an older one, or another
    laptop's book): that passphrase is needed. Nothing was changed."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "BookError",
                "The backup {path} was protected with another passphrase than the book's; "
                "give that passphrase to restore it (nothing was changed).",
            ),
            path,
        )


class BookDamaged(BookError):
    """The book failed its integrity check after an unclean shutdown; it was not touched."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "BookError",
                "The book {path} was not closed properly and is damaged ({problem}). "
                "It was left untouched; restore a backup to go on.",
            ).with_(problem=problems[0] if problems else "?"),
            path,
        )
        self.problems = problems


_LOCKED = (
    BookLocked,
    QT_TRANSLATE_NOOP(
        "BookError",
        "The book {path} is busy in another Prism window or command. "
        "Close the other one and try again.",
    ),
)
_DAMAGED = (
    NotAPrismBook,
    QT_TRANSLATE_NOOP(
        "BookError",
        "{path} is damaged or is not a Prism book. It was left untouched; "
        "restore a backup to go on (crm check names the newest good one).",
    ),
)
_CANNOT_OPEN = (
    BookUnavailable,
    QT_TRANSLATE_NOOP(
        "BookError", "The book {path} cannot be opened. Check the folder exists and is yours."
    ),
)

#: What each SQLite primary result code means for the officer. Classified by code, never by
#: the message text (which SQLite may reword); an extended code (SQLITE_READONLY_DBMOVED,
#: SQLITE_IOERR_WRITE ...) counts as its primary family (its low 8 bits).
_ENVIRONMENT: dict[int, tuple[type[BookError], Msg]] = {
    sqlite3.SQLITE_BUSY: _LOCKED,
    # Only within one process (shared cache); reads the same to the officer.
    sqlite3.SQLITE_LOCKED: _LOCKED,
    sqlite3.SQLITE_FULL: (
        BookUnavailable,
        QT_TRANSLATE_NOOP(
            "BookError", "The disk holding {path} is full. Free some space and try again."
        ),
    ),
    sqlite3.SQLITE_READONLY: (
        BookUnavailable,
        QT_TRANSLATE_NOOP(
            "BookError", "The book {path} is read-only. Check the file's permissions."
        ),
    ),
    sqlite3.SQLITE_IOERR: (
        BookUnavailable,
        QT_TRANSLATE_NOOP(
            "BookError", "The disk could not read or write {path}. Check the drive and try again."
        ),
    ),
    sqlite3.SQLITE_CANTOPEN: _CANNOT_OPEN,
    sqlite3.SQLITE_NOTADB: _DAMAGED,
    sqlite3.SQLITE_CORRUPT: _DAMAGED,
}


def sqlite_error(exc: BaseException | None) -> sqlite3.Error | None:
    """The SQLite error behind ``exc``: itself, the one SQLAlchemy wraps (``.orig``), or one
    in its ``__cause__``/``__context__`` chain; None when there is none."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, sqlite3.Error):
            return exc
        orig = getattr(exc, "orig", None)  # sqlalchemy.exc.DBAPIError, without importing it
        if isinstance(orig, sqlite3.Error):
            return orig
        exc = exc.__cause__ or exc.__context__
    return None


def sqlite_code(exc: BaseException | None) -> int | None:
    """The primary result code (SQLITE_BUSY ...) of the SQLite error behind ``exc``, or None
    (no SQLite error, or one Python raised itself, which carries no code)."""
    err = sqlite_error(exc)
    code = getattr(err, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


#: The same, for an error the operating system raised before SQLite was asked (creating the
#: folder, the temporary a new book is built in): by errno.
_OS_ENVIRONMENT: dict[int, int] = {
    errno.ENOSPC: sqlite3.SQLITE_FULL,
    getattr(errno, "EDQUOT", errno.ENOSPC): sqlite3.SQLITE_FULL,
    errno.EROFS: sqlite3.SQLITE_READONLY,
    errno.EIO: sqlite3.SQLITE_IOERR,
    errno.EACCES: sqlite3.SQLITE_CANTOPEN,
    errno.EPERM: sqlite3.SQLITE_CANTOPEN,
    errno.ENOENT: sqlite3.SQLITE_CANTOPEN,
    errno.ENOTDIR: sqlite3.SQLITE_CANTOPEN,
    errno.EISDIR: sqlite3.SQLITE_CANTOPEN,
    errno.EEXIST: sqlite3.SQLITE_CANTOPEN,
}


def _os_error(exc: BaseException | None) -> OSError | None:
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError):
            return exc
        exc = exc.__cause__ or exc.__context__
    return None


def environment_error(exc: BaseException, path: Path) -> BookError | None:
    """The :class:`BookError` an SQLite (or OS) exception stands for, or None when it is a bug."""
    code = sqlite_code(exc)
    if code is None and sqlite_error(exc) is None:
        found = _os_error(exc)
        if found is not None and found.errno is not None:
            code = _OS_ENVIRONMENT.get(found.errno)
    if code is None or code not in _ENVIRONMENT:
        return None
    kind, message = _ENVIRONMENT[code]
    return kind(message, path)


def cannot_open(path: Path) -> BookError:
    """What SQLITE_CANTOPEN says, for a book file the system would not let us read at all."""
    kind, message = _CANNOT_OPEN
    return kind(message, path)
