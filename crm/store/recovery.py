"""After a crash: checking a book left with a WAL, setting a damaged one aside, restoring.

The rule for "unclean": SQLite deletes a book's ``-wal`` file when the last connection closes
normally, so a ``-wal`` holding data at open means either another process has the book open
right now, or the last one to have it open died. The GUI holds ``prism.lock`` (a QLockFile: the
owner's pid on the first line) in the data folder for as long as it runs; the CLI does not, and
its commands are short. So: a non-empty ``-wal`` and no *other* live process holding the lock
means "maybe unclean", and the book gets a full ``integrity_check`` on a still picture
(:mod:`crm.store.still`: a private copy of the book and its ``-wal``, so a damaged book, its
``-wal`` and ``-shm`` keep every byte; safe even if a short CLI command is writing at that
moment; a false alarm only costs the check). A clean book pays one ``stat``.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from crm import files
from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.store import backup as backups
from crm.store import still
from crm.store.errors import BookDamaged, OtherPassphrase, PassphraseNeeded
from crm.store.leftovers import SIDE_FILES

LOCK_FILENAME = "prism.lock"


@dataclass(frozen=True)
class RestoreResult:
    previous: Path | None  # the backup of the book as it was
    damaged: Path | None  # where a damaged book was set aside instead
    # The backup had another passphrase than the book's: the book now opens with that one.
    other_passphrase: bool = False


@dataclass(frozen=True)
class BookCheck:
    ok: bool
    problems: list[str]
    clients: int


def check_book(book: Path) -> BookCheck:
    """``integrity_check`` and ``foreign_key_check`` of the book itself, repairing nothing and
    changing no byte of the book, its ``-wal`` or ``-shm`` (:mod:`crm.store.still`)."""

    def read(conn: sqlite3.Connection) -> tuple[list[str], int]:
        problems = backups.integrity_problems(conn)
        clients = conn.execute("SELECT count(*) FROM client").fetchone()[0] if not problems else 0
        return problems, clients

    try:
        problems, clients = still.look(book, read)
    except sqlite3.DatabaseError as exc:
        problems, clients = [str(exc)], 0
    return BookCheck(not problems, problems, clients)


def wal_has_content(book: Path) -> bool:
    try:
        return os.stat(f"{book}-wal").st_size > 0
    except OSError:
        return False


def lock_owner(folder: Path) -> int | None:
    """The pid of another live process holding the GUI's lock on this folder, if any."""
    try:
        text = (folder / LOCK_FILENAME).read_text(errors="replace")
        pid = int(text.split("\n", 1)[0].strip())
    except (OSError, ValueError):
        return None
    if pid == os.getpid() or pid <= 0:
        return None
    if os.name != "posix":
        return pid  # QLockFile removes its file on a clean exit; trust it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return pid
    return pid


def needs_check(book: Path) -> bool:
    return wal_has_content(book) and lock_owner(book.parent) is None


def check_open_book(book: Path) -> None:
    """Raise BookDamaged if a book left by a crash fails ``integrity_check``."""
    # On a still picture: the book, its -wal and -shm stay exactly as the crash left them
    # (even a read-only connection would rebuild the -shm), so a damaged book is set aside or
    # restored from as it is.
    try:
        problems = still.look(book, backups.integrity_problems)
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
    if problems:
        raise BookDamaged(book, problems)


def set_aside(book: Path, now: dt.datetime) -> Path:
    """Move a damaged book (and its -wal/-shm) to ``prism.db.damaged-<time>``; nothing deleted."""
    target = book.with_name(f"{book.name}.damaged-{now:%Y%m%d-%H%M%S}")
    n = 1
    while target.exists():
        target = book.with_name(f"{book.name}.damaged-{now:%Y%m%d-%H%M%S}-{n}")
        n += 1
    for suffix in SIDE_FILES:
        side = Path(f"{book}{suffix}")
        if side.exists():
            os.replace(side, f"{target}{suffix}")
    os.replace(book, target)
    return target


def restore_book(book: Path, source: Path, backup_folder: Path, now: dt.datetime) -> RestoreResult:
    """Replace the book with a checked backup: the current book is backed up first (or, if
    it is too damaged to copy, set aside as ``.damaged``). Every connection must be closed."""
    from crm.store import crypto
    from crm.store.migrate import known_revisions

    key = _backup_key(book, source)
    result = backups.check_file(source, key)
    if not result.ok:
        raise backups.BackupRefused(
            QT_TRANSLATE_NOOP(
                "Backup", "{path} fails its check and was not restored: {problem}"
            ).with_(problem=result.problems[0]),
            source,
        )
    conn = crypto.connect(f"{source.resolve().as_uri()}?mode=ro", key, uri=True)
    try:
        from crm.store.migrate import current_revision

        revision = current_revision(conn)
    finally:
        conn.close()
    if revision is not None and revision not in known_revisions():
        raise backups.BackupRefused(
            QT_TRANSLATE_NOOP(
                "Backup", "{path} was written by a newer Prism; update Prism to restore it."
            ),
            source,
        )
    with files.private_temp_beside(book) as part:  # swept at the next open if killed
        try:
            backups.copy_book(
                source, part, key=key
            )  # first: the rotation below may remove ``source``
            previous: Path | None = None
            damaged: Path | None = None
            if book.exists():
                try:
                    check_open_book(book)
                    previous = backups.take_backup(book, backup_folder, now)
                except (BookDamaged, sqlite3.DatabaseError, backups.BackupRefused):
                    damaged = set_aside(book, now)
            for suffix in SIDE_FILES:  # the old book's, already inside the backup just taken
                Path(f"{book}{suffix}").unlink(missing_ok=True)
            files.commit_temp(part, book)
        finally:
            part.unlink(missing_ok=True)
    other = key is not None and key != crypto.key_for(book)
    if key is None:
        crypto.forget(book)  # a plain backup restored: the book is plain again
    else:
        crypto.remember_key(book, key)  # the book is now the backup, under the backup's key
    return RestoreResult(previous, damaged, other_passphrase=other)


def _backup_key(book: Path, source: Path) -> str | None:
    """The key that opens the backup ``source``: None for a plain one; else the one it was
    unlocked with, the book's, or another unlocked book's. Raises before anything is touched:
    OtherPassphrase (the book's key does not open it: ask for the backup's passphrase),
    PassphraseNeeded (an encrypted book whose key is unknown: it cannot be backed up first, and
    a whole book must never be set aside as damaged for want of its passphrase)."""
    from crm.store import crypto

    book_key = crypto.key_for(book)
    if book_key is None and crypto.looks_encrypted(book):
        raise PassphraseNeeded(book)
    if not crypto.looks_encrypted(source):
        return None
    key = crypto.key_opening(source, [crypto.key_for(source), book_key, *crypto.known_keys()])
    if key is None:
        raise OtherPassphrase(source) if book_key else PassphraseNeeded(source)
    return key
