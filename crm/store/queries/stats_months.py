"""The SQL of the dashboard's twelve months: the loan figures of every month in one read each.

What ``crm.store.queries.stats`` counts for one period, grouped here by calendar month
(``YYYY-MM``) over a span, so a chart or the self-review reads the loans once, not twelve
times. ``first``/``last`` bound the span (ISO days, both included); ``crm.services.stats_months``
turns the rows into each month's counts, and a test holds them to the one-period counts.
"""

from __future__ import annotations

import sqlite3
from typing import Any

Row = tuple[Any, ...]

#: The loans' one pass by month: ('lent', month, clients, repeat clients, loans, to referred
#: clients, with an application, days application → disbursement), ('applied', month, loans,
#: disbursed since), ('stage', month, status, loans).
_PASS = (
    "WITH x AS MATERIALIZED (SELECT client_id, disbursed_on, applied_on, status "
    "FROM (SELECT id, client_id, disbursed_on, applied_on, status FROM loan "
    "INDEXED BY ix_loan_disbursed WHERE deleted_at IS NULL AND disbursed_on BETWEEN :first "
    "AND :last UNION ALL SELECT id, client_id, disbursed_on, applied_on, status FROM loan "
    "INDEXED BY ix_loan_applied WHERE deleted_at IS NULL AND applied_on BETWEEN :first "
    "AND :last AND (disbursed_on IS NULL OR disbursed_on NOT BETWEEN :first AND :last)) "
    # In id order (the loans of a client together): the lookups below then walk the book
    # in order instead of jumping about it (a year: ~30% faster).
    "ORDER BY id) "
    "SELECT 'lent', substr(disbursed_on, 1, 7) AS m, count(DISTINCT client_id), "
    "count(DISTINCT CASE WHEN EXISTS (SELECT 1 FROM loan p WHERE p.client_id = x.client_id "
    "AND p.deleted_at IS NULL AND p.disbursed_on < substr(x.disbursed_on, 1, 7) || '-01') "
    "THEN client_id END), count(*), "
    "coalesce(sum((SELECT referred_by_id IS NOT NULL OR source = 'referral' FROM client c "
    "WHERE c.id = x.client_id)), 0), coalesce(sum(applied_on IS NOT NULL), 0), "
    "coalesce(sum(CASE WHEN applied_on IS NOT NULL "
    "THEN julianday(disbursed_on) - julianday(applied_on) END), 0) "
    "FROM x WHERE disbursed_on BETWEEN :first AND :last GROUP BY m "
    "UNION ALL SELECT 'applied', substr(applied_on, 1, 7) AS m, count(*), "
    "coalesce(sum(disbursed_on IS NOT NULL), 0), NULL, NULL, NULL, NULL "
    "FROM x WHERE applied_on BETWEEN :first AND :last GROUP BY m "
    "UNION ALL SELECT 'stage', substr(applied_on, 1, 7) AS m, status, count(*), "
    "NULL, NULL, NULL, NULL "
    "FROM x WHERE applied_on BETWEEN :first AND :last GROUP BY m, status"
)


def loan_pass(conn: sqlite3.Connection, first: str, last: str) -> list[Row]:
    return conn.execute(_PASS, {"first": first, "last": last}).fetchall()


#: Loans disbursed (by month, up to :last), loans repaid (by the month of the repayment), and
#: loans that fell overdue (by month, in the span): with the principal lent on each. A month's
#: running loans are those disbursed by its end less those repaid before its start.
_DISBURSED = (
    "SELECT substr(disbursed_on, 1, 7) AS m, count(*), coalesce(sum(amount_fen), 0) "
    "FROM loan INDEXED BY ix_loan_disbursed WHERE deleted_at IS NULL AND disbursed_on IS NOT NULL "
    "AND disbursed_on <= :last GROUP BY m"
)
_REPAID = (
    "SELECT substr(e.on_date, 1, 7) AS m, count(*), coalesce(sum(l.amount_fen), 0) "
    "FROM loan_event e NOT INDEXED CROSS JOIN loan l ON l.id = e.loan_id "
    "WHERE e.status = 'repaid' AND e.on_date <= :last AND l.deleted_at IS NULL "
    "AND l.disbursed_on IS NOT NULL AND l.disbursed_on <= :last GROUP BY m"
)
_FELL_OVERDUE = (
    "SELECT o.m, count(*), coalesce(sum(l.amount_fen), 0) FROM "
    "(SELECT DISTINCT substr(on_date, 1, 7) AS m, loan_id FROM loan_event "
    "INDEXED BY ix_loan_event_status "
    "WHERE status = 'overdue' AND on_date BETWEEN :first AND :last) o "
    "CROSS JOIN loan l ON l.id = o.loan_id "
    "WHERE l.deleted_at IS NULL AND l.disbursed_on IS NOT NULL AND l.disbursed_on <= :last "
    "GROUP BY o.m"
)


def overdue(
    conn: sqlite3.Connection, first: str, last: str
) -> tuple[list[Row], list[Row], list[Row]]:
    """(disbursed, repaid, fell overdue) rows of (month, loans, principal in fen)."""
    params = {"first": first, "last": last}
    return (
        conn.execute(_DISBURSED, params).fetchall(),
        conn.execute(_REPAID, params).fetchall(),
        conn.execute(_FELL_OVERDUE, params).fetchall(),
    )
