"""Protecting a book with a passphrase, and taking the protection off: converted in place, safely.

The converted book is written by ``sqlcipher_export`` into a temporary beside the book
(:func:`crm.files.private_temp_beside`), checked (integrity, foreign keys, application id,
schema version, the row count of every table) and only then renamed over the book. Until that
rename the book is the original, whole; after it, the converted copy, whole: a kill at any
moment leaves one or the other (and a temporary that the next open sweeps).

The plain original's bytes are overwritten with zeros once the encrypted copy has replaced it
(best effort: an SSD or a copy-on-write file system may keep old blocks; backups taken before
protection are plain and stay so until the rotation removes them).

Every connection to the book must be closed first; the GUI's window must not be open on it.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from pathlib import Path
from typing import BinaryIO

from crm import files
from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.store import crypto
from crm.store.errors import BookError, BookLocked

_SIDE = ("-journal", "-wal", "-shm")


class ConversionFailed(BookError):
    """The converted copy did not check; the book was left as it was."""


def protect(path: Path, passphrase: str) -> None:
    """Encrypt the plain book at ``path`` with ``passphrase``; afterwards it is unlocked in
    this process (its key in memory only)."""
    path = Path(path)
    if not passphrase:
        raise ValueError("empty passphrase")
    with open(path, "rb") as fh:
        if fh.read(len(crypto.SQLITE_MAGIC)) != crypto.SQLITE_MAGIC:
            raise ValueError(f"{path} is already protected")
    salt = secrets.token_bytes(crypto.SALT_BYTES)
    key = crypto.derive(passphrase, salt)
    _convert(
        path,
        source_key=None,
        target_key=crypto.raw_key(key, salt),
        check_key=crypto.raw_key(key),
        shred=True,
    )
    crypto.remember_key(path, crypto.raw_key(key))


def unprotect(path: Path) -> None:
    """Decrypt the book at ``path`` (unlocked before: :func:`crypto.unlock`) back to plain."""
    path = Path(path)
    key = crypto.key_for(path)
    if key is None:
        raise ValueError(f"{path} is not protected or not unlocked")
    _convert(path, source_key=key, target_key="", check_key=None, shred=False)
    crypto.forget(path)


def _convert(
    path: Path, *, source_key: str | None, target_key: str, check_key: str | None, shred: bool
) -> None:
    src = crypto.sqlcipher_connect(path)  # also reads a plain file when given no key
    try:
        src.isolation_level = None
        if source_key is not None:
            src.execute(f'PRAGMA key = "{source_key}"')
        src.execute("PRAGMA busy_timeout = 5000")
        # Fold the WAL in: the book is then one file, and the rename below swaps all of it.
        busy = src.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        if busy:
            raise BookLocked(_BUSY, path)
        expected = _facts(src)
        with files.private_temp_beside(path) as tmp:
            try:
                src.execute("ATTACH DATABASE ? AS converted KEY ?", (str(tmp), target_key))
                src.execute("SELECT sqlcipher_export('converted')")
                # sqlcipher_export copies tables and rows, not the header fields.
                src.execute(f"PRAGMA converted.application_id = {int(expected['application_id'])}")
                src.execute(f"PRAGMA converted.user_version = {int(expected['user_version'])}")
                src.execute("DETACH DATABASE converted")
                src.close()  # the last connection: SQLite removes the book's -wal and -shm
                if Path(f"{path}-wal").exists():
                    raise BookLocked(_BUSY, path)  # someone else has the book open
                _verify(tmp, check_key, expected, path)
                original = open(path, "r+b") if shred else None  # noqa: SIM115
                try:
                    files.commit_temp(tmp, path)  # the switch: one rename
                    if original is not None:
                        _overwrite(original)
                finally:
                    if original is not None:
                        original.close()
            finally:
                for suffix in _SIDE:
                    Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    finally:
        src.close()


_BUSY = QT_TRANSLATE_NOOP(
    "BookError",
    "The book {path} is busy in another Prism window or command. "
    "Close the other one and try again.",
)


def _facts(conn: sqlite3.Connection, schema: str = "main") -> dict[str, int]:
    """What the converted copy must show: header fields and the row count of every table."""
    facts = {
        "application_id": conn.execute(f"PRAGMA {schema}.application_id").fetchone()[0],
        "user_version": conn.execute(f"PRAGMA {schema}.user_version").fetchone()[0],
    }
    tables = [
        r[0]
        for r in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    for table in tables:
        quoted = table.replace('"', '""')
        facts[f"rows:{table}"] = conn.execute(
            f'SELECT count(*) FROM {schema}."{quoted}"'
        ).fetchone()[0]
    return facts


def _verify(tmp: Path, key: str | None, expected: dict[str, int], path: Path) -> None:
    from crm.store.backup import integrity_problems

    conn = crypto.connect(tmp, key)
    try:
        problems = integrity_problems(conn)
        if not problems and _facts(conn) != expected:
            problems = ["the copy's rows differ from the book's"]
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
    finally:
        conn.close()
    if problems:
        raise ConversionFailed(
            QT_TRANSLATE_NOOP(
                "BookError",
                "The converted copy of {path} failed its check ({problem}); "
                "the book was left as it was.",
            ).with_(problem=problems[0]),
            path,
        )


def _overwrite(f: BinaryIO) -> None:
    """Zeros over the replaced original (``f`` still holds its inode), then let it go."""
    size = os.fstat(f.fileno()).st_size
    f.seek(0)
    chunk = b"\0" * (1 << 20)
    left = size
    while left > 0:
        n = min(left, len(chunk))
        f.write(chunk[:n])
        left -= n
    f.flush()
    os.fsync(f.fileno())
