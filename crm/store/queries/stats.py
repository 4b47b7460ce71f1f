"""The SQL of the dashboard's figures: one aggregate per figure, and the clients behind it.

Each figure is one statement shaped as ``WITH rows(client_id, hit[, weight]) AS (...)``: the
count reads ``count(*)`` and ``sum(hit)`` over it, the click-through reads the client ids of
the rows it lists. So the dashboard reads a few numbers (never a row per client) and the two
can never disagree. Dates are ISO text (``YYYY-MM-DD``); ``first``/``last`` bound the period,
both included. What counts (the definitions) is crm.domain.stats_defs'; this module only
spells it in SQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

Params = Mapping[str, Any]

# -- the row sets, by figure ---------------------------------------------------------------

#: Clients with a loan disbursed in the period; hit: one disbursed before it began.
_REPEAT = (
    "SELECT client_id, max(disbursed_on < :first) AS hit FROM loan "
    "WHERE deleted_at IS NULL AND disbursed_on IS NOT NULL AND disbursed_on <= :last "
    "GROUP BY client_id HAVING max(disbursed_on >= :first)"
)
#: Loans running in the period (disbursed by its end, not repaid before its start); hit: an
#: overdue step dated in it; weight: the principal lent.
_OVERDUE = (
    "SELECT l.client_id, coalesce(ev.od, 0) AS hit, l.amount_fen AS weight FROM loan l "
    "LEFT JOIN (SELECT loan_id, max(status = 'repaid' AND on_date < :first) AS closed, "
    "max(status = 'overdue' AND on_date >= :first) AS od FROM loan_event "
    "WHERE status IN ('repaid', 'overdue') AND on_date <= :last GROUP BY loan_id) ev "
    "ON ev.loan_id = l.id "
    "WHERE l.deleted_at IS NULL AND l.disbursed_on IS NOT NULL AND l.disbursed_on <= :last "
    "AND coalesce(ev.closed, 0) = 0"
)
#: Active borrowers; hit: a contact within their cadence (own, else the borrower default)
#: before the end of :last.
_CONTACT = (
    "SELECT c.id AS client_id, EXISTS (SELECT 1 FROM interaction i WHERE i.client_id = c.id "
    "AND i.deleted_at IS NULL AND i.occurred_at < date(:last, '+1 day') "
    "AND i.occurred_at >= date(:last, '-' || (coalesce(c.cadence_days, :cadence) - 1) "
    "|| ' days')) AS hit "
    "FROM client c WHERE c.status = 'borrower' AND c.archived_at IS NULL"
)
#: Live promises due in the period; hit: kept on or before the due day.
_PROMISES = (
    "SELECT client_id, (kept_at IS NOT NULL AND substr(kept_at, 1, 10) <= due_date) AS hit "
    "FROM promise WHERE deleted_at IS NULL AND due_date BETWEEN :first AND :last"
)
#: Active clients celebrating a birthday in the period (:keys, a JSON array of [calendar,
#: month, day, leap] worked out by crm.domain.stats.birthday_keys); hit: greeted for it.
_BIRTHDAYS = (
    "SELECT c.id AS client_id, c.id IN (SELECT client_id FROM reminder_history "
    "WHERE action = 'greeted' "
    "AND key LIKE 'birthday:%' AND substr(key, -10) BETWEEN :first AND :last "
    "AND client_id IS NOT NULL) AS hit "
    "FROM json_each(:keys) k CROSS JOIN client c INDEXED BY ix_client_birthday "
    "ON c.birthday_calendar = json_extract(k.value, '$[0]') "
    "AND c.birth_month = json_extract(k.value, '$[1]') "
    "AND c.birth_day = json_extract(k.value, '$[2]') "
    "AND c.birth_leap = json_extract(k.value, '$[3]') WHERE c.archived_at IS NULL"
)
#: Active borrowers who did not opt out of festival greetings; hit: festival greetings they
#: were sent in the period (festival keys read ``festival:-:date``); the service multiplies
#: the rows by the festivals in the period.
_FESTIVALS = (
    "SELECT c.id AS client_id, (SELECT count(DISTINCT h.key) FROM reminder_history h "
    "WHERE h.client_id = c.id AND h.action = 'greeted' AND h.key LIKE '%:-:%' "
    "AND substr(h.key, -10) BETWEEN :first AND :last) AS hit "
    "FROM client c WHERE c.status = 'borrower' AND c.archived_at IS NULL "
    "AND NOT EXISTS (SELECT 1 FROM greeting_optout o WHERE o.client_id = c.id)"
)
#: Clients added in the period; hit: through a referral.
_REFERRED = (
    "SELECT id AS client_id, (referred_by_id IS NOT NULL OR source = 'referral') AS hit "
    "FROM client "
    "WHERE created_at >= :first AND created_at < date(:last, '+1 day')"
)
#: Loans disbursed in the period; hit: to a client who came through a referral.
_REFERRED_LOANS = (
    "SELECT l.client_id, (c.referred_by_id IS NOT NULL OR c.source = 'referral') AS hit "
    "FROM loan l JOIN client c ON c.id = l.client_id "
    "WHERE l.deleted_at IS NULL AND l.disbursed_on BETWEEN :first AND :last"
)
#: Loans applied for in the period; hit: disbursed since.
_APPLICATIONS = (
    "SELECT client_id, (disbursed_on IS NOT NULL) AS hit, status FROM loan "
    "WHERE deleted_at IS NULL AND applied_on BETWEEN :first AND :last"
)
#: Loans approved in the period with a dated application; weight: the days between.
_TO_APPROVE = (
    "SELECT l.client_id, 1 AS hit, julianday(e.on_date) - julianday(l.applied_on) AS weight "
    "FROM loan_event e JOIN loan l ON l.id = e.loan_id "
    "WHERE e.status = 'approved' AND e.on_date BETWEEN :first AND :last "
    "AND l.applied_on IS NOT NULL AND l.deleted_at IS NULL"
)
#: Loans disbursed in the period with a dated application; weight: the days between.
_TO_DISBURSE = (
    "SELECT client_id, 1 AS hit, julianday(disbursed_on) - julianday(applied_on) AS weight "
    "FROM loan WHERE deleted_at IS NULL AND disbursed_on BETWEEN :first AND :last "
    "AND applied_on IS NOT NULL"
)

ROWS: Mapping[str, str] = {
    "repeat_borrow": _REPEAT,
    "overdue": _OVERDUE,
    "contact_coverage": _CONTACT,
    "promises_kept": _PROMISES,
    "birthday_greetings": _BIRTHDAYS,
    "festival_greetings": _FESTIVALS,
    "referred_clients": _REFERRED,
    "referred_loans": _REFERRED_LOANS,
    "applications": _APPLICATIONS,
    "days_to_approve": _TO_APPROVE,
    "days_to_disburse": _TO_DISBURSE,
}


def totals(conn: sqlite3.Connection, rows: str, params: Params) -> tuple[int, int, float]:
    """(rows, rows hit, weight summed over the hits) of one of :data:`ROWS`."""
    weight = "weight" if "AS weight" in ROWS[rows] else "0"
    row = conn.execute(
        f"WITH r AS ({ROWS[rows]}) "
        f"SELECT count(*), coalesce(sum(hit), 0), coalesce(sum(CASE WHEN hit THEN {weight} "
        "ELSE 0 END), 0) FROM r",
        params,
    ).fetchone()
    return int(row[0]), int(row[1]), float(row[2])


def overdue_totals(conn: sqlite3.Connection, params: Params) -> tuple[int, int, int, int]:
    """(loans running, of which fell overdue, principal running, principal overdue) in fen."""
    row = conn.execute(
        f"WITH r AS ({_OVERDUE}) SELECT count(*), coalesce(sum(hit), 0), "
        "coalesce(sum(weight), 0), coalesce(sum(hit * weight), 0) FROM r",
        params,
    ).fetchone()
    return int(row[0]), int(row[1]), int(row[2]), int(row[3])


def festival_sent(conn: sqlite3.Connection, params: Params, festivals: int) -> int:
    """Festival greetings sent to the borrowers of ``_FESTIVALS``, at most ``festivals`` each."""
    sql = f"WITH r AS ({_FESTIVALS}) SELECT coalesce(sum(min(hit, :n)), 0) FROM r"
    return int(conn.execute(sql, {**params, "n": festivals}).fetchone()[0])


def stages(conn: sqlite3.Connection, params: Params) -> list[tuple[str, int]]:
    """(status now, loans) of the loans applied for in the period."""
    sql = f"WITH r AS ({_APPLICATIONS}) SELECT status, count(*) FROM r GROUP BY status"
    return [(str(s), int(n)) for s, n in conn.execute(sql, params)]


def client_ids(
    conn: sqlite3.Connection, rows: str, params: Params, *, hit: bool | None, below: int = 1
) -> list[int]:
    """The distinct clients of one of :data:`ROWS`: those hit (``hit`` True), those not
    (False: ``hit`` below ``below``, for counted hits), or all (None); in id order."""
    where = "" if hit is None else ("WHERE hit" if hit else "WHERE hit < :below")
    sql = f"WITH r AS ({ROWS[rows]}) SELECT DISTINCT client_id FROM r {where} ORDER BY 1"
    return [int(r[0]) for r in conn.execute(sql, {**params, "below": below})]


def names(conn: sqlite3.Connection, ids_json: str) -> list[tuple[int, str, str]]:
    """(id, name, status) of the clients in the JSON array, by pinyin."""
    return conn.execute(
        "SELECT id, name, status FROM client WHERE id IN (SELECT value FROM json_each(?)) "
        "ORDER BY name_pinyin, id",
        (ids_json,),
    ).fetchall()
