"""The SQL of the dashboard's twelve months: the loan figures of every month in one read each.

What ``crm.store.queries.stats`` counts for one period, grouped here by calendar month
(``YYYY-MM``) over a span, so a chart or the self-review reads the loans once, not twelve
times. ``first``/``last`` bound the span (ISO days, both included); ``crm.services.stats_months``
turns the rows into each month's counts, and a test holds them to the one-period counts.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from crm.store.queries.stats import LENT_BEFORE, REFERRED

Row = tuple[Any, ...]

#: The loans' one pass by month: ('lent', month, clients, repeat clients, loans, to referred
#: clients, with an application, days application → disbursement), ('applied', month, loans,
#: disbursed since), ('stage', month, status, loans). Lent: by month and client, each client
#: of a month asked once (crm.store.queries.stats' lookups) whether lent to before the month.
_BEFORE_MONTH = LENT_BEFORE.format(before="m || '-01'")
_PASS = (
    "WITH x AS MATERIALIZED (SELECT substr(disbursed_on, 1, 7) AS m, client_id, "
    "count(*) AS n, sum(applied_on IS NOT NULL) AS n_applied, "
    "sum(julianday(disbursed_on) - julianday(applied_on)) AS days "
    "FROM loan INDEXED BY ix_loan_disbursed WHERE deleted_at IS NULL "
    "AND disbursed_on BETWEEN :first AND :last GROUP BY m, client_id), "
    "a AS MATERIALIZED (SELECT substr(applied_on, 1, 7) AS m, status, count(*) AS n, "
    "coalesce(sum(disbursed_on IS NOT NULL), 0) AS lent FROM loan INDEXED BY ix_loan_applied "
    "WHERE deleted_at IS NULL AND applied_on BETWEEN :first AND :last GROUP BY m, status) "
    "SELECT 'lent', m, count(*), "
    f"coalesce(sum({_BEFORE_MONTH}), 0), coalesce(sum(n), 0), "
    f"coalesce(sum(n * {REFERRED}), 0), coalesce(sum(n_applied), 0), coalesce(sum(days), 0) "
    "FROM x GROUP BY m "
    "UNION ALL SELECT 'applied', m, sum(n), sum(lent), NULL, NULL, NULL, NULL FROM a GROUP BY m "
    "UNION ALL SELECT 'stage', m, status, n, NULL, NULL, NULL, NULL FROM a"
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


#: Contact coverage at many past ends (:ends, a JSON array of ISO days) in one read: the live
#: borrowers once, their contacts (and the day each was added, which counts as one) over the
#: span the ends can see once; a contact on day d covers the ends d .. d + cadence - 1, so
#: each (borrower, end) covered is found without a lookup per borrower per end. The same
#: test as ``crm.store.queries.stats``' contact_coverage rows, end by end.
_CONTACTS = (
    "WITH e AS MATERIALIZED (SELECT value AS day FROM json_each(:ends)), "
    "b AS MATERIALIZED (SELECT id, created_at, coalesce(cadence_days, :cadence) - 1 AS span "
    "FROM client WHERE status = 'borrower' AND archived_at IS NULL), "
    "r AS MATERIALIZED (SELECT date(min(e.day), '-' || (SELECT max(span) FROM b) || ' days') "
    "AS lo, date(max(e.day), '+1 day') AS hi FROM e), "
    "c AS MATERIALIZED (SELECT id, d, date(d, '+' || span || ' days') AS until FROM "
    "(SELECT b.id, b.span, substr(i.occurred_at, 1, 10) AS d FROM b "
    "JOIN interaction i ON i.client_id = b.id, r WHERE i.deleted_at IS NULL "
    "AND i.occurred_at >= r.lo AND i.occurred_at < r.hi "
    "UNION ALL SELECT id, span, substr(created_at, 1, 10) FROM b)), "
    "hit AS MATERIALIZED (SELECT DISTINCT c.id, e.day FROM c JOIN e "
    "ON e.day BETWEEN c.d AND c.until) "
    "SELECT e.day, (SELECT count(*) FROM b), count(hit.id) FROM e "
    "LEFT JOIN hit ON hit.day = e.day GROUP BY e.day"
)


def contact(conn: sqlite3.Connection, ends: list[str], cadence: int) -> list[Row]:
    """(end, live borrowers, of which contacted within their cadence by its end) per end."""
    return conn.execute(_CONTACTS, {"ends": json.dumps(ends), "cadence": cadence}).fetchall()
