"""The book's own settings: ``book_setting``, one JSON value per key.

Keys are dotted by area (``reminders``, ``greetings.templates``, ``cadence.defaults``). A value
that is missing or not valid JSON reads as ``None``; each area falls back to its defaults, so an
old book or a hand-edited value never stops it.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

BOOK_SETTING_COLUMNS = ("key", "value")


def read_json(conn: sqlite3.Connection, key: str) -> Any:
    """The value stored under ``key``, decoded; ``None`` when absent or unreadable."""
    row = conn.execute("SELECT value FROM book_setting WHERE key = ?", (key,)).fetchone()
    if row is None:
        return None
    try:
        return json.loads(row[0])
    except ValueError:
        return None


def write_json(conn: sqlite3.Connection, key: str, value: Any) -> None:
    """Store ``value`` (JSON-encodable) under ``key``, replacing what was there."""
    conn.execute(
        "INSERT INTO book_setting (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value, ensure_ascii=False)),
    )
