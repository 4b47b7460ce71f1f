"""Encryption at rest: the ONE place Prism opens a connection to a book file (plain or SQLCipher).

A plain book is opened by the stdlib ``sqlite3`` exactly as before (no import, no cost). An
encrypted book is opened through ``sqlcipher3``'s dbapi with its key set first. The passphrase
is stretched once (PBKDF2-HMAC-SHA512, SQLCipher 4's own defaults, with the salt SQLCipher keeps
in the file's first 16 bytes) into the raw key, which lives in this process's memory only
(:data:`_keys`): every later connection (one per write) costs no key derivation, and neither the
passphrase nor the key is ever written to a file, a setting or a log.

sqlcipher3 raises its own exception classes; the connections handed out here translate them to
the ``sqlite3`` ones of the same name (with the same ``sqlite_errorcode``), so the whole store
(``environment_error``, the damaged-book handling, SQLAlchemy's pysqlite dialect) works on an
encrypted book unchanged.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path
from typing import Any, cast

from crm.store.errors import WrongPassphrase

SQLITE_MAGIC = b"SQLite format 3\x00"
SALT_BYTES = 16
# SQLCipher 4 defaults (cipher_default_kdf_iter, PBKDF2_HMAC_SHA512, 256-bit AES key).
KDF_ITER = 256_000
KEY_BYTES = 32
PAGE_SIZE = 4096
CACHE_KIB = 65_536  # per connection, for an encrypted book only

#: Resolved book path -> raw key as SQLCipher takes it (``x'<hex>'``). Memory only.
_keys: dict[str, str] = {}


def _name(path: Path | str) -> str:
    return str(Path(path).resolve())


def key_for(path: Path | str) -> str | None:
    """The raw key of an unlocked encrypted book at ``path``; None for a plain one."""
    return _keys.get(_name(path)) if _keys else None


def known_keys() -> list[str]:
    """The keys of the books unlocked in this process (a backup has its book's)."""
    return list(dict.fromkeys(_keys.values()))


def forget(path: Path | str) -> None:
    _keys.pop(_name(path), None)


def remember_key(path: Path | str, raw: str) -> None:
    _keys[_name(path)] = raw


def looks_encrypted(path: Path) -> bool:
    """Not an SQLite header, yet whole pages: what an SQLCipher file looks like (random bytes
    look the same; only a passphrase tells them apart)."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(len(SQLITE_MAGIC))
        size = path.stat().st_size
    except OSError:
        return False
    # SQLCipher's page is 4096 bytes, and its file is whole pages.
    return header != SQLITE_MAGIC and size >= PAGE_SIZE and size % PAGE_SIZE == 0


def derive(passphrase: str, salt: bytes) -> bytes:
    # Imported here: hashlib loads OpenSSL (~3 ms), which opening a plain book never needs.
    import hashlib

    return hashlib.pbkdf2_hmac("sha512", passphrase.encode(), salt, KDF_ITER, KEY_BYTES)


def raw_key(key: bytes, salt: bytes | None = None) -> str:
    """SQLCipher's raw-key form: the key (and, for a new file, the salt to write into it)."""
    return f"x'{key.hex()}{salt.hex() if salt else ''}'"


def copy_key(source: Path, key: str) -> str:
    """The key for a copy of the encrypted ``source`` (a backup): the same key, and the same
    salt written into it, so the book's passphrase opens the copy on its own too."""
    with open(source, "rb") as fh:
        salt = fh.read(SALT_BYTES)
    return f"{key[:-1]}{salt.hex()}'"


def unlock(path: Path, passphrase: str) -> None:
    """Check ``passphrase`` against the encrypted book at ``path`` and keep its key in memory.
    Raises WrongPassphrase (nothing remembered) when it does not open the book."""
    from crm.store import still
    from crm.store.identify import APPLICATION_ID

    path = Path(path)
    with open(path, "rb") as fh:
        salt = fh.read(SALT_BYTES)
    raw = raw_key(derive(passphrase, salt))
    try:
        app_id = still.look(path, _application_id, key=raw)
    except sqlite3.DatabaseError as exc:
        raise WrongPassphrase(path) from exc
    if app_id != APPLICATION_ID:
        raise WrongPassphrase(path)
    remember_key(path, raw)


def opens(path: Path, key: str) -> bool:
    """Does ``key`` open the encrypted Prism file at ``path`` (a cheap look, no full check)?"""
    from crm.store import still
    from crm.store.identify import APPLICATION_ID

    try:
        return bool(still.look(Path(path), _application_id, key=key) == APPLICATION_ID)
    except sqlite3.DatabaseError:
        return False


def key_opening(path: Path, candidates: list[str | None]) -> str | None:
    """The first of ``candidates`` (raw keys) that opens ``path``; None when none does."""
    for key in dict.fromkeys(k for k in candidates if k):
        if opens(path, key):
            return key
    return None


def _application_id(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA application_id").fetchone()[0])


def connect(
    target: Path | str, key: str | None, *, uri: bool = False, check_same_thread: bool = True
) -> sqlite3.Connection:
    """A connection to ``target``: stdlib sqlite3 when ``key`` is None, SQLCipher keyed with
    ``key`` (a :func:`raw_key`) otherwise. ``isolation_level`` is the caller's business."""
    if key is None:
        return sqlite3.connect(target, uri=uri, check_same_thread=check_same_thread)
    conn = sqlcipher_connect(target, uri=uri, check_same_thread=check_same_thread)
    conn.execute(f'PRAGMA key = "{key}"')  # hex only: nothing to quote
    # Every page read from the OS is decrypted and its HMAC checked: a larger page cache
    # keeps a long-lived reader's search pages decrypted (plain books read the OS cache).
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    return conn


def sqlcipher_connect(
    target: Path | str, *, uri: bool = False, check_same_thread: bool = True
) -> sqlite3.Connection:
    """An SQLCipher connection without a key yet (reads a plain file as plain)."""
    classes = _classes()
    conn = classes.dbapi.connect(
        str(target), uri=uri, check_same_thread=check_same_thread, factory=classes.connection
    )
    return cast(sqlite3.Connection, conn)


def translated(exc: BaseException) -> BaseException:
    """The stdlib sqlite3 exception of the same name for an sqlcipher3 one."""
    cls = getattr(sqlite3, type(exc).__name__, sqlite3.DatabaseError)
    if not (isinstance(cls, type) and issubclass(cls, sqlite3.Error)):
        cls = sqlite3.DatabaseError
    new = cls(*exc.args)
    for attr in ("sqlite_errorcode", "sqlite_errorname"):
        if hasattr(exc, attr):
            setattr(new, attr, getattr(exc, attr))
    return new


class _Classes:
    def __init__(self, dbapi: Any, connection: type, cursor: type) -> None:
        self.dbapi = dbapi
        self.connection = connection
        self.cursor = cursor


@cache
def _classes() -> _Classes:
    """sqlcipher3's Connection and Cursor, raising sqlite3's exceptions (imported on first use:
    a plain book never loads sqlcipher3)."""
    from sqlcipher3 import dbapi2

    error = dbapi2.Error

    def guard(method: Any) -> Any:
        def call(self: Any, *args: Any, **kwargs: Any) -> Any:
            try:
                return method(self, *args, **kwargs)
            except error as exc:
                raise translated(exc) from exc

        call.__name__ = method.__name__
        return call

    class Cursor(dbapi2.Cursor):
        execute = guard(dbapi2.Cursor.execute)
        executemany = guard(dbapi2.Cursor.executemany)
        executescript = guard(dbapi2.Cursor.executescript)
        fetchone = guard(dbapi2.Cursor.fetchone)
        fetchmany = guard(dbapi2.Cursor.fetchmany)
        fetchall = guard(dbapi2.Cursor.fetchall)
        __next__ = guard(dbapi2.Cursor.__next__)

    class Connection(dbapi2.Connection):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            try:
                super().__init__(*args, **kwargs)
            except error as exc:
                raise translated(exc) from exc
            # A wrong key is the officer's typo, not news for stderr.
            dbapi2.Connection.execute(self, "PRAGMA cipher_log_level = NONE")

        def cursor(self, factory: Any = Cursor) -> Any:
            return dbapi2.Connection.cursor(self, factory)

        def execute(self, sql: str, parameters: Any = ()) -> Any:
            return self.cursor().execute(sql, parameters)

        def executemany(self, sql: str, parameters: Any) -> Any:
            return self.cursor().executemany(sql, parameters)

        def executescript(self, script: str) -> Any:
            return self.cursor().executescript(script)

        commit = guard(dbapi2.Connection.commit)
        rollback = guard(dbapi2.Connection.rollback)
        backup = guard(dbapi2.Connection.backup)

    return _Classes(dbapi2, Connection, Cursor)
