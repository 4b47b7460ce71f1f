"""The SQL of the dashboard's post-loan and risk figures (crm.domain.stats_defs
POST_LOAN_CHECKS, RISK_SIGNALS), shaped like crm.store.queries.stats' row sets
(``client_id, hit``), which lists them in its ``ROWS`` for the click-through.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

Params = Mapping[str, Any]

#: Days between checks of ``kind`` for the loan ``l``: the officer's schedule, else the
#: defaults, as crm.domain.post_loan_sql spells them (not tightened: whether a signal was open
#: on a past due day is not kept).
_DAYS = (
    "coalesce(json_extract((SELECT value FROM book_setting WHERE key = "
    "'post_loan.check_schedule'), '$.\"' || l.product || '\".\"' || d.kind || '\"'), "
    "CASE WHEN d.kind = 'use-of-funds' THEN CASE WHEN l.product IN ('经营贷', '抵押贷') "
    "THEN 15 ELSE 30 END WHEN d.kind = 'visit' THEN 90 ELSE 30 END)"
)

#: Post-loan checks due in the period; hit: done by their due day. A check done is due the
#: schedule's days after the previous check of its kind (the use-of-funds check, and the first
#: of a kind, after the disbursement); a check not done yet is the loan's row in
#: ``post_loan_due`` whose day is past (:today, a check due today is not late yet). Only the
#: checks done within a year before the period can be due in it (no schedule exceeds 365 days).
CHECKS = (
    "WITH done AS (SELECT loan_id, kind, on_date, lag(on_date) OVER "
    "(PARTITION BY loan_id, kind ORDER BY on_date, id) AS prev FROM post_loan_check "
    "WHERE deleted_at IS NULL AND on_date >= date(:first, '-366 days')), "
    "due AS (SELECT l.client_id, d.on_date, "
    f"date(coalesce(d.prev, l.disbursed_on), '+' || {_DAYS} || ' days') AS due_on "
    "FROM done d CROSS JOIN loan l ON l.id = d.loan_id "
    "WHERE l.deleted_at IS NULL AND l.disbursed_on IS NOT NULL "
    "AND NOT (d.kind = 'use-of-funds' AND d.prev IS NOT NULL)) "
    "SELECT client_id, (on_date <= due_on) AS hit FROM due WHERE due_on BETWEEN :first AND :last "
    "UNION ALL SELECT p.client_id, 0 AS hit FROM post_loan_due p CROSS JOIN loan l "
    "ON l.id = p.loan_id WHERE p.due_on BETWEEN :first AND :last AND p.due_on < :today "
    "AND l.deleted_at IS NULL"
)

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
