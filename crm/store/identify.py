"""Knowing a book file before writing to it: is it ours, is it whole, which schema, and whose.

Everything here reads without changing a byte of the file (:mod:`crm.store.still`), so a file
that is refused (another program's, damaged, from a newer Prism) is left exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import suppress
from pathlib import Path

from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.store import migrate
from crm.store.errors import (
    BookDamaged,
    BookUnavailable,
    NotAPrismBook,
    PassphraseNeeded,
    cannot_open,
)

#: Stamped into the SQLite header (PRAGMA application_id) so we know our own files: 'PRSM'.
APPLICATION_ID = 0x5052534D
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def check_folder(folder: Path) -> None:
    """A file (or anything else) where the book's folder should be: say so, in one line."""
    for place in (folder, *folder.parents):
        if place.exists():
            if not place.is_dir():
                raise BookUnavailable(
                    QT_TRANSLATE_NOOP(
                        "BookError",
                        "{path} is a file, not a folder, so the book cannot be kept there. "
                        "Choose a folder for the book.",
                    ),
                    place,
                )
            return


def make_private(path: Path) -> None:
    """A book from before Prism kept its files private: take away group and other access
    (a read-only book stays read-only). SQLite gives the -wal and -shm the book's mode.
    The default data folder is Prism's own and becomes 0700 too; a folder the officer chose
    (``--data-dir``) keeps its mode: it may hold their other files."""
    if os.name != "posix":
        return
    with suppress(OSError):
        if stat.S_IMODE(path.parent.stat().st_mode) & 0o077:
            from crm import config

            if config.is_default_data_dir(path.parent):
                os.chmod(path.parent, 0o700)
    for suffix in ("", "-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        with suppress(OSError):
            mode = stat.S_IMODE(side.stat().st_mode)
            if mode & 0o077:
                os.chmod(side, mode & 0o700)


def probe(path: Path) -> tuple[str | None, int]:
    """The book's Alembic revision and ``user_version``, read without writing a byte: after
    a crash (a -wal and no live Prism holding the lock) on a still picture that is checked
    first; while another process has it open, read-only; otherwise immutable."""
    from crm.store import still

    def read(conn: sqlite3.Connection) -> tuple[str | None, int]:
        return migrate.current_revision(conn), migrate.user_version(conn)

    if not Path(f"{path}-wal").exists():
        return still.look(path, read)
    from crm.store import recovery  # only after a crash or beside a live Prism: a -wal

    if recovery.needs_check(path):

        def checked(conn: sqlite3.Connection) -> tuple[str | None, int]:
            problems = backup_problems(conn)
            if problems:
                raise BookDamaged(path, problems)
            return read(conn)

        try:
            return still.look(path, checked)
        except sqlite3.DatabaseError as exc:
            raise BookDamaged(path, [str(exc)]) from exc
    from crm.store import crypto

    ro = crypto.connect(f"{path.resolve().as_uri()}?mode=ro", crypto.key_for(path), uri=True)
    try:
        ro.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return read(ro)
    finally:
        ro.close()


def backup_problems(conn: sqlite3.Connection) -> list[str]:
    from crm.store.backup import integrity_problems

    return integrity_problems(conn)


def check_is_prism_book(path: Path) -> None:
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
    from crm.store import crypto

    if not header.startswith(SQLITE_MAGIC) and crypto.key_for(path) is not None:
        # Encrypted and unlocked: crypto.unlock read its application_id with the key.
        app_id = APPLICATION_ID
    elif not header.startswith(SQLITE_MAGIC) and crypto.looks_encrypted(path):
        raise PassphraseNeeded(path)
    elif not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        raise NotAPrismBook(
            QT_TRANSLATE_NOOP(
                "BookError", "{path} is not a Prism book (not a database). It was left untouched."
            ),
            path,
        )
    else:
        app_id = int.from_bytes(header[68:72], "big")
    if app_id != APPLICATION_ID and Path(f"{path}-wal").exists():
        # After a crash the stamped header page may still sit in the WAL; ask SQLite, on a
        # still picture (even a read-only connection would rewrite the -shm).
        from crm.store import still

        try:
            app_id = still.look(path, lambda c: c.execute("PRAGMA application_id").fetchone()[0])
        except (sqlite3.Error, OSError):
            app_id = 0
    if app_id != APPLICATION_ID:
        raise NotAPrismBook(
            QT_TRANSLATE_NOOP(
                "BookError",
                "{path} is another program's database, not a Prism book. It was left untouched.",
            ),
            path,
        )
