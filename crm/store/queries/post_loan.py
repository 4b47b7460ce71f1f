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


#: A check keeps the day it was due: the loan's ``post_loan_due`` row of its kind as it stood
#: before this check moved it (the subquery runs before the AFTER INSERT trigger), so "done on
#: time" is a range of ix_post_loan_check_due, not a schedule worked out again per check.
#: NULL for a check nothing scheduled (a second use-of-funds check).
_INSERT_CHECK = (
    "INSERT INTO post_loan_check (loan_id, on_date, kind, findings, funds_ok, evidence, "
    "created_at, due_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
    "(SELECT due_on FROM post_loan_due WHERE loan_id = ?1 AND kind = ?3))"
)


def insert_check(conn: sqlite3.Connection, values: Sequence[Any]) -> int:
    """(loan_id, on_date, kind, findings, funds_ok, evidence, created_at) -> the new id."""
    cur = conn.execute(_INSERT_CHECK, tuple(values))
    assert cur.lastrowid is not None
    return cur.lastrowid


def insert_checks(conn: sqlite3.Connection, rows: Sequence[Sequence[Any]]) -> None:
    conn.executemany(_INSERT_CHECK, rows)


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


POST_LOAN_DUE_COLUMNS = ("loan_id", "kind", "client_id", "due_on")


def due_checks(conn: sqlite3.Connection, until: str, limit: int) -> list[Row]:
    """(loan id, client id, product, client name, kind, due_on) of every running loan's check
    due by ``until`` (clients not archived), the most overdue first: a range of
    ``ix_post_loan_due_on``, kept by the triggers of migration 0008."""
    # CROSS JOIN keeps this order: down the due dates' index, stopping at the limit (left to
    # itself the planner starts from the 100,000 clients).
    return conn.execute(
        "SELECT d.loan_id, d.client_id, l.product, c.name, d.kind, d.due_on "
        "FROM post_loan_due d CROSS JOIN loan l ON l.id = d.loan_id "
        "CROSS JOIN client c ON c.id = d.client_id AND c.archived_at IS NULL "
        "WHERE d.due_on <= ? ORDER BY d.due_on, d.loan_id LIMIT ?",
        (until, limit),
    ).fetchall()


def due_check_count(conn: sqlite3.Connection, until: str) -> int:
    """How many checks :func:`due_checks` would list without a limit."""
    return int(
        conn.execute(
            "SELECT count(*) FROM post_loan_due d CROSS JOIN client c ON c.id = d.client_id "
            "AND c.archived_at IS NULL WHERE d.due_on <= ?",
            (until,),
        ).fetchone()[0]
    )


def late_loan_count(conn: sqlite3.Connection, before: str) -> int:
    """How many loans have a check due before ``before`` (archived clients' included)."""
    return int(
        conn.execute(
            "SELECT count(DISTINCT loan_id) FROM post_loan_due WHERE due_on < ?", (before,)
        ).fetchone()[0]
    )


def refresh_due(conn: sqlite3.Connection) -> None:
    """Work out every running loan's next checks again (after a schedule edit)."""
    from crm.domain.post_loan_sql import DUE_REFRESH_ALL

    for statement in DUE_REFRESH_ALL.split("; ", 1):
        conn.execute(statement)


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
