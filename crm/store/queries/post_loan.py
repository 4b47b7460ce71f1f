"""The SQL of loan documents and post-loan checks (the services keep the rules).

Dates are ISO strings, money whole fen, timestamps as :func:`sql_datetime` writes them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

LOAN_DOCUMENT_COLUMNS = (
    "id",
    "loan_id",
    "item",
    "state",
    "received_on",
    "expires_on",
    "note",
    "updated_at",
)
POST_LOAN_CHECK_COLUMNS = (
    "id",
    "loan_id",
    "on_date",
    "kind",
    "findings",
    "funds_ok",
    "evidence",
    "created_at",
    "deleted_at",
)
Row = tuple[Any, ...]
TEMPLATES_KEY = "post_loan.doc_templates"
SCHEDULE_KEY = "post_loan.check_schedule"


# --- documents ----------------------------------------------------------------------------


def documents_of(conn: sqlite3.Connection, loan_id: int) -> list[Row]:
    """(item, state, received_on, expires_on, note) of the items marked on this loan."""
    return conn.execute(
        "SELECT item, state, received_on, expires_on, note FROM loan_document WHERE loan_id = ?",
        (loan_id,),
    ).fetchall()


def upsert_document(conn: sqlite3.Connection, values: Sequence[Any]) -> None:
    """(loan_id, item, state, received_on, expires_on, note, updated_at): one item's mark."""
    conn.executemany(_UPSERT_DOCUMENT, [values])


def upsert_documents(conn: sqlite3.Connection, rows: Sequence[Sequence[Any]]) -> None:
    conn.executemany(_UPSERT_DOCUMENT, rows)


_UPSERT_DOCUMENT = (
    "INSERT INTO loan_document (loan_id, item, state, received_on, expires_on, note, "
    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(loan_id, item) DO UPDATE SET "
    "state = excluded.state, received_on = excluded.received_on, "
    "expires_on = excluded.expires_on, note = excluded.note, updated_at = excluded.updated_at"
)


def open_application_of(conn: sqlite3.Connection, client_id: int) -> Row | None:
    """(loan id, product) of the client's newest live loan, applications in progress first."""
    return conn.execute(
        "SELECT id, product FROM loan WHERE client_id = ? AND deleted_at IS NULL "
        "ORDER BY status IN ('applied', 'approved') DESC, "
        "coalesce(disbursed_on, applied_on, substr(created_at, 1, 10)) DESC, id DESC LIMIT 1",
        (client_id,),
    ).fetchone()


def loan_head(conn: sqlite3.Connection, loan_id: int) -> Row | None:
    """(client id, product, status, disbursed_on, client name, form of address) of a live
    loan."""
    return conn.execute(
        "SELECT l.client_id, l.product, l.status, l.disbursed_on, c.name, c.form_of_address "
        "FROM loan l JOIN client c ON c.id = l.client_id "
        "WHERE l.id = ? AND l.deleted_at IS NULL",
        (loan_id,),
    ).fetchone()


# --- checks -------------------------------------------------------------------------------


def insert_check(conn: sqlite3.Connection, values: Sequence[Any]) -> int:
    """(loan_id, on_date, kind, findings, funds_ok, evidence, created_at) -> the new id."""
    cur = conn.execute(
        "INSERT INTO post_loan_check (loan_id, on_date, kind, findings, funds_ok, evidence, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        tuple(values),
    )
    assert cur.lastrowid is not None
    return cur.lastrowid


def insert_checks(conn: sqlite3.Connection, rows: Sequence[Sequence[Any]]) -> None:
    conn.executemany(
        "INSERT INTO post_loan_check (loan_id, on_date, kind, findings, funds_ok, evidence, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def checks_of_loans(conn: sqlite3.Connection, loan_ids: Sequence[int]) -> list[Row]:
    """POST_LOAN_CHECK_COLUMNS of these loans' live checks, the newest first."""
    cols = ", ".join(POST_LOAN_CHECK_COLUMNS)
    marks = ",".join("?" * len(loan_ids))
    return conn.execute(
        f"SELECT {cols} FROM post_loan_check WHERE loan_id IN ({marks}) "
        "AND deleted_at IS NULL ORDER BY on_date DESC, id DESC",
        tuple(loan_ids),
    ).fetchall()


def running_loans_of_client(conn: sqlite3.Connection, client_id: int) -> list[Row]:
    """(id, product, disbursed_on, status) of the client's running loans."""
    return conn.execute(
        "SELECT id, product, disbursed_on, status FROM loan WHERE client_id = ? "
        "AND deleted_at IS NULL AND status IN ('disbursed', 'extended', 'overdue') "
        "AND disbursed_on IS NOT NULL ORDER BY disbursed_on DESC",
        (client_id,),
    ).fetchall()


#: The next check of each kind of every running loan of a live client, computed in SQL so the
#: reminder check reads no loan into Python that is not due: ``?1`` the schedule as JSON
#: {product: {kind: days}}, ``?2`` the fallback {kind: days}, ``?3`` the tightened
#: {kind: days}, ``?4`` the last day wanted, ``?5`` how many.
_DUE_CHECKS = """
WITH last AS (
    SELECT loan_id,
        max(CASE WHEN kind = 'use-of-funds' THEN on_date END) AS funds,
        max(CASE WHEN kind = 'visit' THEN on_date END) AS visit,
        max(CASE WHEN kind = 'call' THEN on_date END) AS call
    FROM post_loan_check WHERE deleted_at IS NULL GROUP BY loan_id
), risky AS (
    SELECT DISTINCT client_id FROM risk_signal WHERE closed_on IS NULL
), loans AS (
    SELECT l.id, l.client_id, l.product, l.disbursed_on, c.name,
        last.funds, last.visit, last.call, risky.client_id IS NOT NULL AS at_risk,
        coalesce(json_extract(?1, '$."' || l.product || '"."use-of-funds"'),
                 json_extract(?2, '$."use-of-funds"')) AS every_funds,
        coalesce(json_extract(?1, '$."' || l.product || '".visit'),
                 json_extract(?2, '$.visit')) AS every_visit,
        coalesce(json_extract(?1, '$."' || l.product || '".call'),
                 json_extract(?2, '$.call')) AS every_call
    FROM loan l
    JOIN client c ON c.id = l.client_id AND c.archived_at IS NULL
    LEFT JOIN last ON last.loan_id = l.id
    LEFT JOIN risky ON risky.client_id = l.client_id
    WHERE l.status IN ('disbursed', 'extended', 'overdue') AND l.deleted_at IS NULL
        AND l.disbursed_on IS NOT NULL
), due AS (
    SELECT id, client_id, product, name, 'use-of-funds' AS kind,
        date(disbursed_on, '+' || every_funds || ' days') AS due_on
    FROM loans WHERE funds IS NULL
    UNION ALL
    SELECT id, client_id, product, name, 'visit',
        date(coalesce(visit, disbursed_on), '+' || CASE WHEN at_risk
            THEN min(every_visit, json_extract(?3, '$.visit')) ELSE every_visit END || ' days')
    FROM loans
    UNION ALL
    SELECT id, client_id, product, name, 'call',
        date(coalesce(call, disbursed_on), '+' || CASE WHEN at_risk
            THEN min(every_call, json_extract(?3, '$.call')) ELSE every_call END || ' days')
    FROM loans
)
SELECT id, client_id, product, name, kind, due_on FROM due WHERE due_on <= ?4
ORDER BY due_on, id LIMIT ?5
"""


def due_checks(
    conn: sqlite3.Connection,
    schedule: str,
    fallback: str,
    tightened: str,
    until: str,
    limit: int,
) -> list[Row]:
    """(loan id, client id, product, client name, kind, due_on) of every check due by
    ``until``, the most overdue first (JSON arguments: see :data:`_DUE_CHECKS`)."""
    return conn.execute(_DUE_CHECKS, (schedule, fallback, tightened, until, limit)).fetchall()


def has_open_risk(conn: sqlite3.Connection, client_id: int) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM risk_signal WHERE client_id = ? AND closed_on IS NULL LIMIT 1",
            (client_id,),
        ).fetchone()
        is not None
    )


# --- the demo -------------------------------------------------------------------------------


def loans_in_range(
    conn: sqlite3.Connection, first: int, last: int, statuses: Sequence[str]
) -> list[Row]:
    """(id, client id, product, disbursed_on) of live loans in these statuses of clients with
    ids ``first``..``last`` (the demo's new clients)."""
    marks = ",".join("?" * len(statuses))
    return conn.execute(
        "SELECT id, client_id, product, disbursed_on FROM loan WHERE deleted_at IS NULL "
        f"AND status IN ({marks}) AND client_id >= ? AND client_id <= ?",
        (*statuses, first, last),
    ).fetchall()
