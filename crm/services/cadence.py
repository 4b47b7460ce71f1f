"""Keep-in-touch cadence: how often each client should hear from the officer, and who is due.

A client's cadence is their own ``cadence_days`` or else the default for their status; the
defaults live in the book (book_setting "cadence.defaults", JSON) so they travel with it.
A client is due when (last contact, or when they were added) + cadence <= today.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass

from crm.domain.changes import Topic
from crm.domain.enums import ClientStatus
from crm.services.memory_base import to_datetime
from crm.store.book import Book

SETTING_KEY = "cadence.defaults"

#: Days between contacts by ClientStatus value, unless the officer changed them in settings.
DEFAULT_CADENCE: dict[str, int] = {
    ClientStatus.BORROWER.value: 30,
    ClientStatus.APPLYING.value: 7,
    ClientStatus.PROSPECT.value: 14,
    ClientStatus.FORMER_BORROWER.value: 90,
    ClientStatus.DECLINED.value: 180,
}
MIN_DAYS, MAX_DAYS = 1, 3650


@dataclass(frozen=True)
class DueClient:
    client_id: int
    name: str
    last_contact_at: dt.datetime | None
    cadence_days: int
    due_date: dt.date
    days_overdue: int


def cadence_defaults(conn: sqlite3.Connection) -> dict[str, int]:
    """The book's defaults by status: DEFAULT_CADENCE overlaid with the officer's settings."""
    out = dict(DEFAULT_CADENCE)
    row = conn.execute("SELECT value FROM book_setting WHERE key = ?", (SETTING_KEY,)).fetchone()
    if row is not None:
        try:
            saved = json.loads(row[0])
        except ValueError:
            saved = {}
        if isinstance(saved, dict):
            for status, days in saved.items():
                if status in out and isinstance(days, int) and MIN_DAYS <= days <= MAX_DAYS:
                    out[status] = days
    return out


def save_cadence_defaults(book: Book, defaults: dict[str, int]) -> None:
    clean = {
        s: max(MIN_DAYS, min(MAX_DAYS, int(defaults.get(s, d)))) for s, d in DEFAULT_CADENCE.items()
    }
    with book.write() as conn:
        conn.execute(
            "INSERT INTO book_setting (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (SETTING_KEY, json.dumps(clean, sort_keys=True)),
        )
    book.changes.publish(Topic.CADENCE)


def _cadence_sql(defaults: dict[str, int]) -> tuple[str, list[object]]:
    cases = " ".join("WHEN ? THEN ?" for _ in defaults)
    params: list[object] = [v for pair in defaults.items() for v in pair]
    return f"coalesce(c.cadence_days, CASE c.status {cases} ELSE 30 END)", params


def _due_sql(conn: sqlite3.Connection, today: dt.date) -> tuple[str, list[object]]:
    cadence, params = _cadence_sql(cadence_defaults(conn))
    sql = f"""
        SELECT id, name, last_contact_at, cadence, due FROM (
            SELECT c.id, c.name, c.last_contact_at, {cadence} AS cadence,
                   date(coalesce(c.last_contact_at, c.created_at), '+' || {cadence} || ' days')
                     AS due
            FROM client c WHERE c.archived_at IS NULL)
        WHERE due <= ?"""
    return sql, params + params + [today.isoformat()]


def count_due(conn: sqlite3.Connection, today: dt.date) -> int:
    sql, args = _due_sql(conn, today)
    return int(conn.execute(f"SELECT count(*) FROM ({sql})", args).fetchone()[0])


def due_for_contact(
    conn: sqlite3.Connection, today: dt.date, limit: int | None = None
) -> list[DueClient]:
    """Active clients whose last contact (or creation) plus cadence is on or before today,
    most overdue first."""
    sql, args = _due_sql(conn, today)
    sql += " ORDER BY due, id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    out = []
    for cid, name, last, days, due in conn.execute(sql, args):
        due_date = dt.date.fromisoformat(due)
        out.append(
            DueClient(
                client_id=cid,
                name=name,
                last_contact_at=to_datetime(last),
                cadence_days=int(days),
                due_date=due_date,
                days_overdue=(today - due_date).days,
            )
        )
    return out


def cadence_of(conn: sqlite3.Connection, client_id: int) -> int:
    """One client's effective cadence in days."""
    row = conn.execute(
        "SELECT cadence_days, status FROM client WHERE id = ?", (client_id,)
    ).fetchone()
    if row is None:
        return DEFAULT_CADENCE[ClientStatus.PROSPECT.value]
    if row[0]:
        return int(row[0])
    return cadence_defaults(conn).get(row[1], 30)
