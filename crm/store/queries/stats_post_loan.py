"""The SQL of the dashboard's post-loan and risk figures (crm.domain.stats_defs
POST_LOAN_CHECKS, RISK_SIGNALS), shaped like crm.store.queries.stats' row sets
(``client_id, hit``), which lists them in its ``ROWS`` for the click-through.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

Params = Mapping[str, Any]

#: Post-loan checks due in the period; hit: done by their due day. A check done carries the
#: day it was due (``due_on``, kept as it is written); a check not done yet is the loan's row
#: in ``post_loan_due`` whose day is past (:today: a check due today is not late yet).
CHECKS = (
    "SELECT l.client_id, (c.on_date <= c.due_on) AS hit FROM post_loan_check c "
    "INDEXED BY ix_post_loan_check_due CROSS JOIN loan l ON l.id = c.loan_id "
    "WHERE c.deleted_at IS NULL AND c.due_on BETWEEN :first AND :last AND l.deleted_at IS NULL "
    "UNION ALL SELECT p.client_id, 0 AS hit FROM post_loan_due p CROSS JOIN loan l "
    "ON l.id = p.loan_id WHERE p.due_on BETWEEN :first AND :last AND p.due_on < :today "
    "AND l.deleted_at IS NULL"
)

#: The counts of ``CHECKS`` without its rows: the checks' index ranges alone, the loans'
#: deletion read from the small list of deleted loans (ix_loan_deleted) instead of each row's
#: loan (a year: 60,000 checks).
_CHECK_TOTALS = (
    "WITH gone AS (SELECT id FROM loan INDEXED BY ix_loan_deleted WHERE deleted_at IS NOT NULL) "
    "SELECT done.n + late.n, done.hit FROM (SELECT count(*) AS n, "
    "coalesce(sum(on_date <= due_on), 0) AS hit FROM post_loan_check "
    "INDEXED BY ix_post_loan_check_due WHERE deleted_at IS NULL "
    "AND due_on BETWEEN :first AND :last AND loan_id NOT IN (SELECT id FROM gone)) done, "
    "(SELECT count(*) AS n FROM post_loan_due WHERE due_on BETWEEN :first AND :last "
    "AND due_on < :today AND loan_id NOT IN (SELECT id FROM gone)) late"
)


def check_totals(conn: sqlite3.Connection, params: Params) -> tuple[int, int]:
    """(checks due in the period, of which done by their day): ``CHECKS``' rows and hits."""
    row = conn.execute(_CHECK_TOTALS, params).fetchone()
    return int(row[0]), int(row[1])


#: Signals opened by the period's end; hit: still open at its end.
SIGNALS = (
    "SELECT client_id, (closed_on IS NULL OR closed_on > :last) AS hit FROM risk_signal "
    "WHERE opened_on <= :last"
)


def signal_totals(conn: sqlite3.Connection, params: Params) -> tuple[int, int, int]:
    """(open at the period's end, opened in it, closed in it)."""
    row = conn.execute(
        "SELECT coalesce(sum(closed_on IS NULL OR closed_on > :last), 0), "
        "coalesce(sum(opened_on >= :first), 0), "
        "coalesce(sum(closed_on BETWEEN :first AND :last), 0) FROM risk_signal "
        "WHERE opened_on <= :last AND (closed_on IS NULL OR closed_on >= :first)",
        params,
    ).fetchone()
    return int(row[0]), int(row[1]), int(row[2])


#: The risk cases the self-review tells: signals closed in the period, the latest first.
def closed_signals(conn: sqlite3.Connection, params: Params, limit: int) -> list[tuple[Any, ...]]:
    """(client name, kind, opened_on, closed_on, close_note, note) of signals closed in the
    period, the latest first; and nothing else."""
    return conn.execute(
        "SELECT c.name, s.kind, s.opened_on, s.closed_on, s.close_note, s.note "
        "FROM risk_signal s JOIN client c ON c.id = s.client_id "
        "WHERE s.closed_on BETWEEN :first AND :last ORDER BY s.closed_on DESC, s.id DESC "
        "LIMIT :limit",
        {**params, "limit": limit},
    ).fetchall()


def closed_count(conn: sqlite3.Connection, params: Params) -> int:
    return int(
        conn.execute(
            "SELECT count(*) FROM risk_signal WHERE closed_on BETWEEN :first AND :last", params
        ).fetchone()[0]
    )
