"""The SQL of reminders: what each source reads, the remembered state of each occurrence and
its history.

The sources' reads are shaped for speed at 100,000 clients (a week's reminders in a few tens of
milliseconds): birthdays are (month, day) lookups on ``ix_client_birthday``, dated notes and
open promises are covering-index range scans, and keep-in-touch reads one range per cadence
group. Which rows count (lead times, lunar rules, limits) is the services' business.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any, Literal

#: The columns an upsert of ``reminder_state`` writes (``notified_at`` has its own).
REMINDER_STATE_COLUMNS = (
    "key",
    "occasion",
    "client_id",
    "occasion_date",
    "state",
    "snoozed_until",
    "done_at",
    "notified_at",
    "updated_at",
)
#: The columns a ``reminder_history`` line is written with (``id`` is the row's own).
REMINDER_HISTORY_COLUMNS = ("key", "client_id", "action", "at", "until", "note")

Row = tuple[Any, ...]

# -- birthdays -------------------------------------------------------------------------------

_SOLAR_SQL = (
    "SELECT id, name, birth_year FROM client WHERE archived_at IS NULL "
    "AND birthday_calendar = 'solar' AND birth_month = ? AND birth_day = ? AND birth_leap = 0"
)
_LUNAR_SQL = (
    "SELECT id, name, birth_year FROM client WHERE archived_at IS NULL "
    "AND birthday_calendar = 'lunar' AND birth_month = ? AND birth_day = ? AND birth_leap = ?"
)


def solar_birthdays(conn: sqlite3.Connection, month: int, day: int) -> list[Row]:
    """(id, name, birth_year) of active clients with this solar birthday."""
    return conn.execute(_SOLAR_SQL, (month, day)).fetchall()


def lunar_birthdays(conn: sqlite3.Connection, month: int, day: int, leap: bool) -> list[Row]:
    """(id, name, birth_year) of active clients with this lunar birthday (month, day, leap)."""
    return conn.execute(_LUNAR_SQL, (month, day, int(leap))).fetchall()


# -- life notes and promises -----------------------------------------------------------------

_NOTES_SQL = (
    # CROSS JOIN keeps SQLite on ix_life_note_event (without ANALYZE it would scan clients).
    "SELECT n.id, n.client_id, c.name, n.text, n.event_date, n.asked_at IS NOT NULL "
    "FROM life_note n INDEXED BY ix_life_note_dated "
    "CROSS JOIN client c INDEXED BY ix_client_live_name ON c.id = n.client_id "
    "WHERE n.event_date BETWEEN ? AND ? AND n.deleted_at IS NULL AND c.archived_at IS NULL"
)
_PROMISES_SQL = (
    "SELECT p.id, p.client_id, c.name, p.text, p.due_date "
    "FROM promise p INDEXED BY ix_promise_open_due "
    "CROSS JOIN client c INDEXED BY ix_client_live_name ON c.id = p.client_id "
    "WHERE p.kept_at IS NULL AND p.due_date <= ? AND p.deleted_at IS NULL "
    "AND c.archived_at IS NULL"
)


def dated_notes(conn: sqlite3.Connection, first: str, last: str) -> list[Row]:
    """(note id, client id, client name, text, event_date, asked) of live notes dated in
    ``[first, last]`` (ISO dates) about active clients; ``asked``: 1 once the talking point
    was answered."""
    return conn.execute(_NOTES_SQL, (first, last)).fetchall()


def open_promises(conn: sqlite3.Connection, due_by: str) -> list[Row]:
    """(promise id, client id, client name, text, due_date) of promises not kept, due by
    ``due_by`` (ISO date), to active clients; however old."""
    return conn.execute(_PROMISES_SQL, (due_by,)).fetchall()


# -- keeping in touch ------------------------------------------------------------------------

#: A cadence group: clients on their status's default cadence, or on an explicit one.
GroupBy = Literal["status", "cadence"]
_SINCE = "coalesce(last_contact_at, created_at)"
_GROUPS: dict[str, str] = {
    "status": "cadence_days IS NULL AND status = ?",
    "cadence": "cadence_days = ?",
}
_DUE_FIRST_SQL = {
    by: f"SELECT id, name, cadence_days, {_SINCE} FROM client "
    f"WHERE archived_at IS NULL AND {group} AND {_SINCE} < ? ORDER BY {_SINCE} LIMIT ?"
    for by, group in _GROUPS.items()
}
_DUE_FROM_SQL = {
    by: f"SELECT id, name, cadence_days, {_SINCE} FROM client "
    f"WHERE archived_at IS NULL AND {group} AND {_SINCE} >= ? AND {_SINCE} < ? "
    f"ORDER BY {_SINCE} LIMIT ?"
    for by, group in _GROUPS.items()
}
_DUE_BETWEEN_SQL = {
    by: f"SELECT id, name, cadence_days, {_SINCE} FROM client "
    f"WHERE archived_at IS NULL AND {group} AND {_SINCE} >= ? AND {_SINCE} < ?"
    for by, group in _GROUPS.items()
}


def contact_due_first(
    conn: sqlite3.Connection, by: GroupBy, value: object, before: str, limit: int
) -> list[Row]:
    """(id, name, cadence_days, since) of a group's active clients last in touch (or added)
    before ``before``, longest ago first, at most ``limit`` (``ix_client_contact_due`` /
    ``ix_client_cadence_due``)."""
    return conn.execute(_DUE_FIRST_SQL[by], (value, before, limit)).fetchall()


def contact_due_from(
    conn: sqlite3.Connection, by: GroupBy, value: object, start: str, before: str, limit: int
) -> list[Row]:
    """Like :func:`contact_due_first`, only those last in touch on or after ``start``."""
    return conn.execute(_DUE_FROM_SQL[by], (value, start, before, limit)).fetchall()


def contact_due_between(
    conn: sqlite3.Connection, by: GroupBy, value: object, start: str, end: str
) -> list[Row]:
    """Like :func:`contact_due_first`, every one last in touch in ``[start, end)``."""
    return conn.execute(_DUE_BETWEEN_SQL[by], (value, start, end)).fetchall()


def explicit_cadences(conn: sqlite3.Connection) -> list[int]:
    """The distinct explicit cadences (days) of active clients."""
    rows = conn.execute(
        "SELECT DISTINCT cadence_days FROM client INDEXED BY ix_client_cadence_due "
        "WHERE archived_at IS NULL AND cadence_days IS NOT NULL"
    )
    return [r[0] for r in rows]


# -- state and history -----------------------------------------------------------------------

_STATES_SQL = (
    "SELECT key, state, snoozed_until, done_at, notified_at FROM reminder_state "
    "WHERE occasion_date >= ?"
)
_UPSERT_SQL = (
    "INSERT INTO reminder_state (key, occasion, client_id, occasion_date, state, snoozed_until, "
    "done_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT(key) DO UPDATE SET state = excluded.state, "
    "snoozed_until = excluded.snoozed_until, done_at = excluded.done_at, "
    "updated_at = excluded.updated_at"
)
_NOTIFIED_SQL = (
    "INSERT INTO reminder_state (key, occasion, client_id, occasion_date, state, "
    "notified_at, updated_at) VALUES (?, ?, ?, ?, 'pending', ?, ?) "
    "ON CONFLICT(key) DO UPDATE SET notified_at = excluded.notified_at"
)
_HISTORY_SQL = (
    "INSERT INTO reminder_history (key, client_id, action, at, until, note) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)


def states_from(conn: sqlite3.Connection, earliest: str) -> dict[str, Row]:
    """key -> (state, snoozed_until, done_at, notified_at) of occurrences dated from
    ``earliest`` (ISO date) on."""
    return {row[0]: row[1:] for row in conn.execute(_STATES_SQL, (earliest,))}


def upsert_state(
    conn: sqlite3.Connection,
    key: str,
    occasion: str,
    client_id: int | None,
    occasion_date: str,
    state: str,
    snoozed_until: str | None,
    done_at: str | None,
    updated_at: str,
) -> None:
    """Set an occurrence's state (its ``notified_at`` is kept)."""
    conn.execute(
        _UPSERT_SQL,
        (key, occasion, client_id, occasion_date, state, snoozed_until, done_at, updated_at),
    )


def upsert_notified(conn: sqlite3.Connection, rows: Iterable[tuple[Any, ...]]) -> None:
    """Remember pop-ups: rows of (key, occasion, client_id, occasion_date, notified_at,
    updated_at); a new occurrence starts pending, a known one keeps its state."""
    conn.executemany(_NOTIFIED_SQL, rows)


def add_history(
    conn: sqlite3.Connection,
    key: str,
    client_id: int | None,
    action: str,
    at: str,
    until: str | None = None,
    note: str = "",
) -> None:
    conn.execute(_HISTORY_SQL, (key, client_id, action, at, until, note))


def add_history_many(conn: sqlite3.Connection, rows: Iterable[tuple[Any, ...]]) -> None:
    """Rows of :data:`REMINDER_HISTORY_COLUMNS`."""
    conn.executemany(_HISTORY_SQL, rows)


def history(conn: sqlite3.Connection, key: str) -> list[Row]:
    """(action, at, until, client_id, note) of one occurrence, oldest first."""
    return conn.execute(
        "SELECT action, at, until, client_id, note FROM reminder_history "
        "WHERE key = ? ORDER BY at, id",
        (key,),
    ).fetchall()


def clients_with_action(conn: sqlite3.Connection, key: str, action: str) -> set[int]:
    """Clients named in the occurrence's history lines of ``action`` (e.g. ``greeted``)."""
    rows = conn.execute(
        "SELECT client_id FROM reminder_history WHERE key = ? AND action = ? "
        "AND client_id IS NOT NULL",
        (key, action),
    )
    return {r[0] for r in rows}


# -- demo ------------------------------------------------------------------------------------


def demo_people(conn: sqlite3.Connection, first_id: int, last_id: int, limit: int) -> list[Row]:
    """(id, name, gender) of persons with a known gender among ids ``[first_id, last_id]``."""
    return conn.execute(
        "SELECT id, name, gender FROM client WHERE kind != 'company' AND gender IS NOT NULL "
        "AND id BETWEEN ? AND ? ORDER BY id LIMIT ?",
        (first_id, last_id, limit),
    ).fetchall()


def demo_first_never_contacted(conn: sqlite3.Connection, first_id: int, last_id: int) -> int | None:
    """The earliest added active client among ids ``[first_id, last_id]`` never contacted."""
    row = conn.execute(
        "SELECT id FROM client WHERE archived_at IS NULL AND last_contact_at IS NULL "
        "AND id BETWEEN ? AND ? ORDER BY created_at LIMIT 1",
        (first_id, last_id),
    ).fetchone()
    return None if row is None else int(row[0])


# -- the Due page's ranking ------------------------------------------------------------------


def _due_sql(defaults: dict[str, int], fallback: int) -> tuple[str, list[object]]:
    """Active clients due for contact by a date (the one parameter left to bind)."""
    cases = " ".join("WHEN ? THEN ?" for _ in defaults)
    pairs: list[object] = [v for pair in defaults.items() for v in pair]
    cadence = f"coalesce(c.cadence_days, CASE c.status {cases} ELSE {int(fallback)} END)"
    sql = f"""
        SELECT id, name, last_contact_at, cadence, due, status FROM (
            SELECT c.id, c.name, c.last_contact_at, c.status, {cadence} AS cadence,
                   date(coalesce(c.last_contact_at, c.created_at), '+' || {cadence} || ' days')
                     AS due
            FROM client c WHERE c.archived_at IS NULL)
        WHERE due <= ?"""
    return sql, pairs + pairs


def ranked_due(
    conn: sqlite3.Connection,
    defaults: dict[str, int],
    fallback: int,
    today: str,
    first_statuses: Iterable[str],
    limit: int | None,
) -> list[Row]:
    """(id, name, last_contact_at, cadence days, due date, status, never contacted, how many
    in its group) of the active clients due for contact by ``today`` (as
    ``relationship.due_clients`` works it out), in two groups, contacted before and never,
    each ranked: ``first_statuses`` first, then the most overdue for their cadence (days
    overdue / cadence), then the longest overdue; at most ``limit`` of each. One pass."""
    sql, args = _due_sql(defaults, fallback)
    firsts = list(first_statuses)
    marks = ", ".join("?" for _ in firsts) or "NULL"
    rank = f"status NOT IN ({marks}), (julianday(?) - julianday(due)) / cadence DESC, due, id"
    keep = "" if limit is None else f"WHERE place <= {int(limit)}"
    ranked = f"""
        SELECT id, name, last_contact_at, cadence, due, status, never, total FROM (
            SELECT *, row_number() OVER (PARTITION BY never ORDER BY {rank}) AS place,
                   count(*) OVER (PARTITION BY never) AS total
            FROM (SELECT *, last_contact_at IS NULL AS never FROM ({sql})))
        {keep} ORDER BY never, place"""
    return conn.execute(ranked, [*firsts, today, *args, today]).fetchall()


_COUNT_BEFORE_SQL = {
    by: f"SELECT count(*) FROM client WHERE archived_at IS NULL AND {group} AND {_SINCE} < ?"
    for by, group in _GROUPS.items()
}


def count_contact_due(conn: sqlite3.Connection, by: GroupBy, value: object, before: str) -> int:
    """How many of a cadence group's active clients were last in touch (or added) before
    ``before``: one index range count (``ix_client_contact_due`` / ``ix_client_cadence_due``)."""
    return int(conn.execute(_COUNT_BEFORE_SQL[by], (value, before)).fetchone()[0])
