"""The SQL of risk signals, contact-field changes, related parties, turnover and contact
outcomes (the services keep the rules)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from crm.store.queries._sql import json_chunks

RISK_SIGNAL_COLUMNS = (
    "id",
    "client_id",
    "kind",
    "severity",
    "rule_key",
    "opened_on",
    "note",
    "closed_on",
    "close_note",
    "created_at",
)
RISK_EVENT_COLUMNS = ("id", "signal_id", "action", "note", "at")
CONTACT_CHANGE_COLUMNS = ("id", "client_id", "field", "old_value", "new_value", "changed_at")
RELATED_PARTY_COLUMNS = (
    "id",
    "client_id",
    "other_client_id",
    "other_name",
    "role",
    "note",
    "created_at",
)
TURNOVER_COLUMNS = ("client_id", "month", "amount_fen", "updated_at")
CONTACT_OUTCOME_COLUMNS = ("interaction_id", "outcome")
Row = tuple[Any, ...]
_SIGNAL = ", ".join(f"s.{c}" for c in RISK_SIGNAL_COLUMNS)


# --- signals --------------------------------------------------------------------------------


def insert_signals(conn: sqlite3.Connection, rows: Sequence[Sequence[Any]]) -> list[int]:
    """(client_id, kind, severity, rule_key, opened_on, note, created_at) each -> new ids."""
    ids = []
    for values in rows:
        cur = conn.execute(
            "INSERT INTO risk_signal (client_id, kind, severity, rule_key, opened_on, note, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            tuple(values),
        )
        assert cur.lastrowid is not None
        ids.append(cur.lastrowid)
    return ids


def insert_events(conn: sqlite3.Connection, rows: Iterable[Sequence[Any]]) -> None:
    """(signal_id, action, note, at) each."""
    conn.executemany(
        "INSERT INTO risk_event (signal_id, action, note, at) VALUES (?, ?, ?, ?)", rows
    )


def close_signal(conn: sqlite3.Connection, signal_id: int, on: str, note: str) -> None:
    conn.execute(
        "UPDATE risk_signal SET closed_on = ?, close_note = ? WHERE id = ?",
        (on, note, signal_id),
    )


def signal(conn: sqlite3.Connection, signal_id: int) -> Row | None:
    """RISK_SIGNAL_COLUMNS + the client's name."""
    return conn.execute(
        f"SELECT {_SIGNAL}, c.name FROM risk_signal s JOIN client c ON c.id = s.client_id "
        "WHERE s.id = ?",
        (signal_id,),
    ).fetchone()


def open_signals(conn: sqlite3.Connection) -> list[Row]:
    """Every open signal of a live client + the client's name: worst first, then oldest."""
    return conn.execute(
        f"SELECT {_SIGNAL}, c.name FROM risk_signal s "
        "JOIN client c ON c.id = s.client_id AND c.archived_at IS NULL "
        "WHERE s.closed_on IS NULL ORDER BY s.severity DESC, s.opened_on, s.id"
    ).fetchall()


def signals_of(conn: sqlite3.Connection, client_ids: Sequence[int]) -> list[Row]:
    """Every signal of these clients, open and closed, the newest first."""
    out: list[Row] = []
    for ids in json_chunks(list(client_ids)):
        out += conn.execute(
            f"SELECT {_SIGNAL}, c.name FROM risk_signal s JOIN client c ON c.id = s.client_id "
            "WHERE s.client_id IN (SELECT value FROM json_each(?)) "
            "ORDER BY s.closed_on IS NOT NULL, s.opened_on DESC, s.id DESC",
            (ids,),
        ).fetchall()
    return out


def events_of(conn: sqlite3.Connection, signal_ids: Sequence[int]) -> list[Row]:
    out: list[Row] = []
    for ids in json_chunks(list(signal_ids)):
        out += conn.execute(
            "SELECT id, signal_id, action, note, at FROM risk_event "
            "WHERE signal_id IN (SELECT value FROM json_each(?)) ORDER BY at, id",
            (ids,),
        ).fetchall()
    return out


def open_rule_keys(conn: sqlite3.Connection) -> set[tuple[int, str]]:
    """(client id, rule key) of every open detected signal (ix_risk_signal_open)."""
    return {
        (r[0], r[1])
        for r in conn.execute(
            "SELECT client_id, rule_key FROM risk_signal WHERE closed_on IS NULL AND rule_key != ''"
        )
    }


def worst_open(conn: sqlite3.Connection, client_ids: Sequence[int] | None = None) -> dict[int, int]:
    """Client id -> (worst severity * 1000 + number) of their open signals: the badge. Only
    clients with one are present; ``None``: every client (ix_risk_signal_open alone)."""
    sql = (
        "SELECT client_id, max(severity) * 1000 + count(*) FROM risk_signal "
        "WHERE closed_on IS NULL {where} GROUP BY client_id"
    )
    if client_ids is None:
        return dict(conn.execute(sql.format(where="")).fetchall())
    out: dict[int, int] = {}
    for ids in json_chunks(list(client_ids)):
        where = "AND client_id IN (SELECT value FROM json_each(?))"
        out.update(conn.execute(sql.format(where=where), (ids,)).fetchall())
    return out


# --- what detection reads -------------------------------------------------------------------


def _scope(client_ids: Sequence[int] | None, column: str) -> tuple[str, tuple[Any, ...]]:
    if client_ids is None:
        return "", ()
    from crm.store.queries._sql import id_array

    return f" AND {column} IN (SELECT value FROM json_each(?))", (id_array(client_ids),)


def contact_changers(
    conn: sqlite3.Connection, since: str, times: int, client_ids: Sequence[int] | None
) -> list[int]:
    """Clients whose phone or WeChat changed ``times``+ times since ``since``."""
    where, args = _scope(client_ids, "client_id")
    return [
        r[0]
        for r in conn.execute(
            "SELECT client_id FROM contact_change WHERE changed_at >= ?"
            f"{where} GROUP BY client_id HAVING count(*) >= ?",
            (since, *args, times),
        )
    ]


def overdue_loans(conn: sqlite3.Connection, client_ids: Sequence[int] | None) -> list[Row]:
    """(loan id, client id, overdue_since) of live overdue loans (ix_loan_running)."""
    where, args = _scope(client_ids, "client_id")
    return conn.execute(
        "SELECT id, client_id, overdue_since FROM loan WHERE status = 'overdue' "
        f"AND deleted_at IS NULL{where}",
        args,
    ).fetchall()


def unanswered_borrowers(
    conn: sqlite3.Connection, today: str, default_days: int, client_ids: Sequence[int] | None
) -> list[Row]:
    """(client id, days since the last answered contact, cadence) of clients with a "no
    answer" logged and a running loan whose last answered contact (a contact without a "no
    answer" outcome; with none, their first running loan's disbursement) is older than their
    cadence. Starts from the few clients with a "no answer" (contact_outcome is small)."""
    where, args = _scope(client_ids, "i.client_id")
    return conn.execute(
        # CROSS JOIN: SQLite keeps that order, from the few outcomes to their contacts.
        "WITH tried AS (SELECT DISTINCT i.client_id FROM contact_outcome o "
        "  CROSS JOIN interaction i ON i.id = o.interaction_id "
        f"  WHERE i.deleted_at IS NULL{where}), "
        "since AS (SELECT t.client_id, coalesce(("
        "  SELECT max(i.occurred_at) FROM interaction i WHERE i.client_id = t.client_id "
        "  AND i.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM contact_outcome o "
        "  WHERE o.interaction_id = i.id)), ("
        "  SELECT min(l.disbursed_on) FROM loan l WHERE l.client_id = t.client_id "
        "  AND l.status IN ('disbursed', 'extended', 'overdue') AND l.deleted_at IS NULL)) AS at "
        "  FROM tried t WHERE EXISTS (SELECT 1 FROM loan l WHERE l.client_id = t.client_id "
        "  AND l.status IN ('disbursed', 'extended', 'overdue') AND l.deleted_at IS NULL)) "
        "SELECT s.client_id, CAST(julianday(?) - julianday(s.at) AS INTEGER) AS days, "
        "coalesce(c.cadence_days, ?) AS cadence FROM since s "
        "JOIN client c ON c.id = s.client_id AND c.archived_at IS NULL WHERE days > cadence",
        (*args, today, default_days),
    ).fetchall()


def turnover_rows(
    conn: sqlite3.Connection, since: str, client_ids: Sequence[int] | None
) -> list[Row]:
    """(client id, month, fen) from month ``since`` on."""
    where, args = _scope(client_ids, "client_id")
    return conn.execute(
        f"SELECT client_id, month, amount_fen FROM turnover WHERE month >= ?{where}",
        (since, *args),
    ).fetchall()


# --- contact changes ------------------------------------------------------------------------


def insert_contact_changes(conn: sqlite3.Connection, rows: Iterable[Sequence[Any]]) -> None:
    """(client_id, field, old_value, new_value, changed_at) each."""
    conn.executemany(
        "INSERT INTO contact_change (client_id, field, old_value, new_value, changed_at) "
        "VALUES (?, ?, ?, ?, ?)",
        rows,
    )


def contact_history(conn: sqlite3.Connection, client_id: int) -> list[Row]:
    return conn.execute(
        "SELECT field, old_value, new_value, changed_at FROM contact_change "
        "WHERE client_id = ? ORDER BY changed_at DESC, id DESC",
        (client_id,),
    ).fetchall()


def insert_outcome(conn: sqlite3.Connection, interaction_id: int, outcome: str) -> None:
    conn.execute(
        "INSERT INTO contact_outcome (interaction_id, outcome) VALUES (?, ?)",
        (interaction_id, outcome),
    )


# --- related parties and turnover -----------------------------------------------------------


def insert_party(conn: sqlite3.Connection, values: Sequence[Any]) -> int:
    """(client_id, other_client_id, other_name, role, note, created_at) -> id."""
    cur = conn.execute(
        "INSERT INTO related_party (client_id, other_client_id, other_name, role, note, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?)",
        tuple(values),
    )
    assert cur.lastrowid is not None
    return cur.lastrowid


def parties_of(conn: sqlite3.Connection, client_id: int) -> list[Row]:
    """Links from or to the client: (id, client_id, other_client_id, other_name, role, note,
    the client's name, the other's name)."""
    return conn.execute(
        "SELECT p.id, p.client_id, p.other_client_id, p.other_name, p.role, p.note, "
        "a.name, coalesce(b.name, p.other_name) FROM related_party p "
        "JOIN client a ON a.id = p.client_id LEFT JOIN client b ON b.id = p.other_client_id "
        "WHERE p.client_id = ? OR p.other_client_id = ? ORDER BY p.id",
        (client_id, client_id),
    ).fetchall()


def party_exists(conn: sqlite3.Connection, client_id: int, other: int, role: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM related_party WHERE client_id = ? AND other_client_id = ? AND role = ?",
            (client_id, other, role),
        ).fetchone()
        is not None
    )


def guarantee_pairs(conn: sqlite3.Connection) -> list[Row]:
    """(a, b) pairs where a guarantees b and b guarantees a (互保), each pair once."""
    return conn.execute(
        "SELECT p.client_id, p.other_client_id FROM related_party p JOIN related_party r "
        "ON r.client_id = p.other_client_id AND r.other_client_id = p.client_id "
        "AND r.role = 'guarantor' WHERE p.role = 'guarantor' AND p.client_id < p.other_client_id"
    ).fetchall()


def upsert_turnover(conn: sqlite3.Connection, rows: Sequence[Sequence[Any]]) -> None:
    """(client_id, month, amount_fen, updated_at) each."""
    conn.executemany(
        "INSERT INTO turnover (client_id, month, amount_fen, updated_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(client_id, month) DO UPDATE SET amount_fen = excluded.amount_fen, "
        "updated_at = excluded.updated_at",
        rows,
    )


def turnover_of(conn: sqlite3.Connection, client_id: int) -> list[Row]:
    return conn.execute(
        "SELECT month, amount_fen FROM turnover WHERE client_id = ? ORDER BY month",
        (client_id,),
    ).fetchall()


def contact_fields(conn: sqlite3.Connection, client_ids: Sequence[int]) -> dict[int, tuple]:
    """Client id -> (wechat, phones as "e164,e164" in order) as the book holds them now."""
    out: dict[int, tuple] = {}
    for ids in json_chunks(list(client_ids)):
        out.update(
            (r[0], (r[1], r[2]))
            for r in conn.execute(
                "SELECT c.id, coalesce(c.wechat, ''), coalesce((SELECT group_concat(e164, ',') "
                "FROM (SELECT e164 FROM client_phone p WHERE p.client_id = c.id "
                "ORDER BY position)), '') FROM client c "
                "WHERE c.id IN (SELECT value FROM json_each(?))",
                (ids,),
            )
        )
    return out
