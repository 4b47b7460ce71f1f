"""The SQL of the loan reminders: repayment days, maturities and overdue loans in a window.

Only running loans (disbursed, extended, overdue) that are not deleted, of clients not
archived, are read, each query through an index over them: repayments by the day of the month
they fall on (``ix_loan_repayment_day``, partial over disbursed and overdue loans), maturities
by date and overdue loans by status (``ix_loan_running``; both covering), the remainder of a
loan once extended by its maturity (``ix_loan_status_maturity``); whether a loan was extended
through ``ix_loan_event_extended``. Clients are joined through ``ix_client_live_name``
(archived ones are not in it). Which days, periods and amounts count is the reminder sources'
business.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from typing import Any

Row = tuple[Any, ...]

#: A loan's terms as the schedule needs them, after its id, client id and client name.
_TERMS = (
    "l.product, l.amount_fen, l.annual_rate, l.fee_fen, l.term_months, l.method, "
    "l.disbursed_on, l.repayment_day, l.auto_debit"
)
_LIVE_CLIENT = "CROSS JOIN client c INDEXED BY ix_client_live_name ON c.id = l.client_id"
#: The loan was extended (at some time: it may be overdue or disbursed again since).
_EXTENDED = (
    "SELECT {what} FROM loan_event e INDEXED BY ix_loan_event_extended "
    "WHERE e.loan_id = l.id AND e.status = 'extended'"
)
#: ``crm.domain.loans.REPAYMENT_DAY_OF_MONTH`` as the index has it (SQLite uses an expression
#: index only for the same expression; a test holds the plan to it).
_DAY = "coalesce(l.repayment_day, CAST(substr(l.disbursed_on, 9, 2) AS INTEGER))"

_REPAYMENT_SQL = (
    f"SELECT l.id, l.client_id, c.name, {_TERMS}, {_DAY} "
    f"FROM loan l INDEXED BY ix_loan_repayment_day {_LIVE_CLIENT} "
    # The partial index's own WHERE, spelt the same, so SQLite may use it.
    "WHERE l.status IN ('disbursed', 'overdue') AND l.deleted_at IS NULL "
    f"AND l.auto_debit IN (0, ?) AND {_DAY} IN ({{marks}}) "
    f"AND NOT EXISTS ({_EXTENDED.format(what='1')}) AND c.archived_at IS NULL"
)
_EXTENDED_SQL = (
    f"SELECT l.id, l.client_id, c.name, {_TERMS}, l.status, l.maturity_on, "
    f"({_EXTENDED.format(what='min(e.on_date)')}) "
    f"FROM loan l INDEXED BY ix_loan_status_maturity {_LIVE_CLIENT} "
    "WHERE l.status IN ('disbursed', 'extended', 'overdue') AND l.maturity_on BETWEEN ? AND ? "
    "AND l.deleted_at IS NULL AND l.auto_debit IN (0, ?) "
    f"AND EXISTS ({_EXTENDED.format(what='1')}) AND c.archived_at IS NULL"
)
_MATURING_SQL = (
    "SELECT l.id, l.client_id, c.name, l.product, l.amount_fen, l.disbursed_on, l.maturity_on "
    f"FROM loan l INDEXED BY ix_loan_running {_LIVE_CLIENT} "
    "WHERE l.status IN ('disbursed', 'extended', 'overdue') AND l.maturity_on BETWEEN ? AND ? "
    "AND l.deleted_at IS NULL AND c.archived_at IS NULL"
)
_OVERDUE_SQL = (
    "SELECT l.id, l.client_id, c.name, l.product, l.overdue_since, l.overdue_fen "
    f"FROM loan l INDEXED BY ix_loan_running {_LIVE_CLIENT} "
    # The partial index's WHERE spelt out, so SQLite may use it, then the one status.
    "WHERE l.status IN ('disbursed', 'extended', 'overdue') AND l.status = 'overdue' "
    "AND l.overdue_since <= ? AND l.deleted_at IS NULL AND c.archived_at IS NULL"
)


def repayments_on_days(
    conn: sqlite3.Connection, days_of_month: Collection[int], auto_debit_too: bool
) -> list[Row]:
    """Disbursed and overdue loans never extended whose repayments fall on one of
    ``days_of_month`` (their repayment day, or the disbursement's day): (id, client id, client
    name, product,
    amount_fen, annual_rate, fee_fen, term_months, method, disbursed_on, repayment_day,
    auto_debit, day of month). Loans paid by auto-debit only when ``auto_debit_too``."""
    if not days_of_month:
        return []
    days = sorted(days_of_month)
    sql = _REPAYMENT_SQL.format(marks=",".join("?" * len(days)))
    return conn.execute(sql, (int(auto_debit_too), *days)).fetchall()


def extended_maturing(
    conn: sqlite3.Connection, first: str, last: str, auto_debit_too: bool
) -> list[Row]:
    """Running loans once extended maturing in ``[first, last]`` (ISO dates), when what
    remains falls due: (id, client id, client name, product, amount_fen, annual_rate, fee_fen,
    term_months, method, disbursed_on, repayment_day, auto_debit, status, maturity_on, first
    extension's date). Loans paid by auto-debit only when ``auto_debit_too``."""
    return conn.execute(_EXTENDED_SQL, (first, last, int(auto_debit_too))).fetchall()


def maturing(conn: sqlite3.Connection, first: str, last: str) -> list[Row]:
    """Running loans maturing in ``[first, last]`` (ISO dates): (id, client id, client name,
    product, amount_fen, disbursed_on, maturity_on)."""
    return conn.execute(_MATURING_SQL, (first, last)).fetchall()


def overdue(conn: sqlite3.Connection, since_by: str) -> list[Row]:
    """Overdue loans overdue since ``since_by`` (ISO date) or earlier: (id, client id, client
    name, product, overdue_since, overdue_fen)."""
    return conn.execute(_OVERDUE_SQL, (since_by,)).fetchall()
