"""Schema migrations (Alembic), run whenever a book is opened.

Revision ids are the 4-digit prefixes of the files in ``migrations/versions`` and form one
chain (0001 -> 0002 -> ...). That lets an up-to-date book be recognised with one plain query,
without importing Alembic and SQLAlchemy (~0.6 s) on the GUI's start-up path.
"""

from __future__ import annotations

import os
import re
import sqlite3
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.store.errors import BookTooNew

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


@cache
def known_revisions() -> tuple[str, ...]:
    """All revision ids this Prism knows, oldest first."""
    names = (p.name for p in (MIGRATIONS_DIR / "versions").iterdir())
    return tuple(sorted(m.group(1) for n in names if (m := _REVISION_FILE.match(n))))


def head() -> str:
    return known_revisions()[-1]


def current_revision(conn: sqlite3.Connection) -> str | None:
    # Asked of sqlite_master rather than read from "no such table": an error's text is no API,
    # and that error has no code of its own (plain SQLITE_ERROR).
    known = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if known is None:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


#: Tables in a book no SQLModel class declares, by name: Alembic's own version table, and the
#: FTS5 search table with the shadow tables SQLite makes for it (SQLAlchemy cannot declare a
#: virtual table; its SQL is kept in ``crm.domain.tables.SQL_ONLY`` and checked by the schema
#: test instead).
UNDECLARED_TABLES = re.compile(r"^(alembic_version|client_memory_fts(_\w+)?)$")


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Alembic's autogenerate filter: leave out only the tables no class can declare."""
    return not (type_ == "table" and name is not None and UNDECLARED_TABLES.match(name))


#: How a book is compared with ``crm.domain.tables.metadata()``: by the migrations' env when
#: autogenerating the next revision, and by ``tests/store/test_schema.py``. Types and server
#: defaults are compared too: on SQLite both reflect exactly as the migrations declared them.
COMPARE_OPTIONS: dict[str, Any] = {
    "compare_type": True,
    "compare_server_default": True,
    "include_object": include_object,
}


def user_version(conn: sqlite3.Connection) -> int:
    """The schema number stamped in the SQLite header (0: a book from before the stamp)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def refuse_newer(revision: str | None, stamped: int, path: Path) -> None:
    """Raise BookTooNew when either the Alembic revision or the header's ``user_version`` says a
    newer Prism wrote the book (a tool may keep one and not the other: both are checked)."""
    if revision is not None and revision not in known_revisions():
        too_new: str | None = revision
    elif stamped > int(head()):
        too_new = f"{stamped:04d}"
    else:
        too_new = None
    if too_new is not None:
        raise BookTooNew(
            QT_TRANSLATE_NOOP(
                "BookError",
                "{path} was written by a newer version of Prism (schema {revision}). "
                "Update Prism to open it; the book was left untouched.",
            ).with_(revision=too_new),
            path,
        )


def is_current(revision: str | None, stamped: int) -> bool:
    return revision == head() and stamped == int(head())


def upgrade(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the book to the newest schema; refuse a book from a newer Prism untouched.
    The header's ``user_version`` is stamped with the revision's number too."""
    current = current_revision(conn)
    stamped = user_version(conn)
    refuse_newer(current, stamped, path)
    if current != head():
        _run_alembic(path)
    if stamped != int(head()):
        conn.execute(f"PRAGMA user_version = {int(head())}")


def _run_alembic(path: Path) -> None:
    from alembic import command

    from crm.store.book import _make_engine

    engine = _make_engine(path)
    try:
        with engine.connect() as connection:
            command.upgrade(_config(connection), "head")
            connection.commit()
    finally:
        engine.dispose()


def draft_revision(message: str, folder: Path | None = None) -> Path:
    """Write the next revision as Alembic autogenerates it from the table classes: a draft to
    read and finish by hand (raw SQL such as partial indexes and triggers is not drafted).
    Written to ``folder`` (default: migrations/versions); returns its path."""
    import tempfile

    from alembic import command

    from crm.store.book import Book, _make_engine

    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "head.db"
        Book.open(book).close()
        engine = _make_engine(book)
        try:
            with engine.connect() as connection:
                cfg = _config(connection)
                cfg.attributes["drafting"] = True  # env.py compares with every table class
                if folder is not None:
                    versions = MIGRATIONS_DIR / "versions"
                    cfg.set_main_option("path_separator", "os")
                    cfg.set_main_option(
                        "version_locations", os.pathsep.join(map(str, (versions, folder)))
                    )
                script = command.revision(
                    cfg,
                    message,
                    autogenerate=True,
                    rev_id=f"{int(head()) + 1:04d}",
                    version_path=None if folder is None else str(folder),
                )
        finally:
            engine.dispose()
    assert script is not None and not isinstance(script, list)
    return Path(script.path)


def _config(connection: object) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


if __name__ == "__main__":  # uv run python -m crm.store.migrate "what the revision does"
    import sys

    print(draft_revision(" ".join(sys.argv[1:]) or "next"))
