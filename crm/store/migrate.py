"""Schema migrations (Alembic), run whenever a book is opened.

Revision ids are the 4-digit prefixes of the files in ``migrations/versions`` and form one
chain (0001 -> 0002 -> ...). That lets an up-to-date book be recognised with one plain query,
without importing Alembic and SQLAlchemy (~0.6 s) on the GUI's start-up path.
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from pathlib import Path

from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.store.errors import BookTooNew

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
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return None
        raise
    return row[0] if row else None


def upgrade(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the book to the newest schema; refuse a book from a newer Prism untouched."""
    current = current_revision(conn)
    if current == head():
        return
    if current is not None and current not in known_revisions():
        raise BookTooNew(
            QT_TRANSLATE_NOOP(
                "BookError",
                "{path} was written by a newer version of Prism (schema {revision}). "
                "Update Prism to open it; the book was left untouched.",
            ).with_(revision=current),
            path,
        )
    _run_alembic(path)


def _run_alembic(path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from crm.store.book import _make_engine

    engine = _make_engine(path)
    try:
        with engine.connect() as connection:
            cfg = Config()
            cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")
            connection.commit()
    finally:
        engine.dispose()
