"""The SQL of the dashboard's figures: one aggregate per figure, and the clients behind it.

Each figure is one statement shaped as ``WITH rows(client_id, hit[, weight]) AS (...)``: the
count reads ``count(*)`` and ``sum(hit)`` over it, the click-through reads the client ids of
the rows it lists. So the dashboard reads a few numbers (never a row per client) and the two
can never disagree. The largest (the loans, the overdue loans; the post-loan checks in
crm.store.queries.stats_post_loan) are counted by statements of their own that read indexes
alone (0010: a year of 100,000 clients in ~170 ms, not ~400); tests/stats/test_fast_totals.py
holds those counts to their row sets. Dates are ISO text (``YYYY-MM-DD``); ``first``/``last``
bound the period, both included. What counts (the definitions) is crm.domain.stats_defs';
this module only spells it in SQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from crm.store.queries import stats_post_loan as _post_loan

Params = Mapping[str, Any]

# -- the row sets, by figure ---------------------------------------------------------------

#: Clients with a loan disbursed in the period; hit: one disbursed before it began.
_REPEAT = (
    "SELECT client_id, max(disbursed_on < :first) AS hit FROM loan "
    "WHERE deleted_at IS NULL AND disbursed_on IS NOT NULL AND disbursed_on <= :last "
    "GROUP BY client_id HAVING max(disbursed_on >= :first)"
)
#: Loans running in the period (disbursed by its end, not repaid before its start): those
#: running now (the covering ix_loan_running) and those repaid since it began; hit: an overdue
#: step dated in it; weight: the principal lent.
_OVERDUE = (
    # One read of the history for both: the loans repaid since the period began, and those
    # that fell overdue in it.
    "WITH ev AS MATERIALIZED (SELECT loan_id, max(status = 'repaid') AS repaid, "
    "max(status = 'overdue' AND on_date <= :last) AS od FROM loan_event INDEXED BY "
    "ix_loan_event_status "
    "WHERE status IN ('repaid', 'overdue') AND on_date >= :first GROUP BY loan_id), "
    "run AS (SELECT id, client_id, amount_fen FROM loan "
    "WHERE status IN ('disbursed', 'extended', 'overdue') AND deleted_at IS NULL "
    "AND disbursed_on <= :last "
    "UNION ALL SELECT l.id, l.client_id, l.amount_fen FROM ev JOIN loan l ON l.id = ev.loan_id "
    "WHERE ev.repaid AND l.status = 'repaid' AND l.deleted_at IS NULL "
    "AND l.disbursed_on <= :last) "
    "SELECT run.client_id, coalesce(ev.od, 0) AS hit, run.amount_fen AS weight "
    "FROM run LEFT JOIN ev ON ev.loan_id = run.id"
)
#: Active borrowers; hit: a contact (or being added) within their cadence (own, else the
#: borrower default) before the end of :last. Reads each borrower's contacts: for the past.
_CONTACT = (
    "SELECT c.id AS client_id, (c.created_at >= date(:last, '-' || "
    "(coalesce(c.cadence_days, :cadence) - 1) || ' days') AND c.created_at < date(:last, "
    "'+1 day')) OR EXISTS (SELECT 1 FROM interaction i WHERE i.client_id = c.id "
    "AND i.deleted_at IS NULL AND i.occurred_at < date(:last, '+1 day') "
    "AND i.occurred_at >= date(:last, '-' || (coalesce(c.cadence_days, :cadence) - 1) "
    "|| ' days')) AS hit "
    "FROM client c WHERE c.status = 'borrower' AND c.archived_at IS NULL"
)
#: Active borrowers not due for contact at the end of today: their last contact (or, never
#: contacted, the day they were added) within their cadence. The reminders' own indexes
#: (ix_client_contact_due, ix_client_cadence_due) answer it without reading a row; only for
#: a period ending today (``last_contact_at`` is the newest contact, not the one at an end).
_CONTACT_NOW = (
    "SELECT c.id AS client_id, (coalesce(c.last_contact_at, c.created_at) >= "
    "date(:last, '-' || (coalesce(c.cadence_days, :cadence) - 1) || ' days')) AS hit "
    "FROM client c WHERE c.status = 'borrower' AND c.archived_at IS NULL"
)
_LIVE_BORROWERS = "FROM client INDEXED BY {} WHERE status = 'borrower' AND archived_at IS NULL "
_CONTACT_NOW_TOTALS = (
    # Each count on its partial index (own cadence or not), so no client row is read.
    f"SELECT (SELECT count(*) {_LIVE_BORROWERS.format('ix_client_contact_due')}"
    "AND cadence_days IS NULL AND coalesce(last_contact_at, created_at) > '') + "
    f"(SELECT count(*) {_LIVE_BORROWERS.format('ix_client_cadence_due')}"
    "AND cadence_days IS NOT NULL AND coalesce(last_contact_at, created_at) > ''), "
    f"(SELECT count(*) {_LIVE_BORROWERS.format('ix_client_contact_due')}"
    "AND cadence_days IS NULL AND coalesce(last_contact_at, created_at) >= "
    "date(:last, '-' || (:cadence - 1) || ' days')) + "
    f"(SELECT count(*) {_LIVE_BORROWERS.format('ix_client_cadence_due')}"
    "AND cadence_days IS NOT NULL AND coalesce(last_contact_at, created_at) >= "
    "date(:last, '-' || (cadence_days - 1) || ' days'))"
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
    "contact_now": _CONTACT_NOW,
    "promises_kept": _PROMISES,
    "birthday_greetings": _BIRTHDAYS,
    "festival_greetings": _FESTIVALS,
    "referred_clients": _REFERRED,
    "referred_loans": _REFERRED_LOANS,
    "applications": _APPLICATIONS,
    "days_to_approve": _TO_APPROVE,
    "days_to_disburse": _TO_DISBURSE,
    "post_loan_checks": _post_loan.CHECKS,
    "risk_signals": _post_loan.SIGNALS,
}


def totals(conn: sqlite3.Connection, rows: str, params: Params) -> tuple[int, int, float]:
    """(rows, rows hit, weight summed over the hits) of one of :data:`ROWS`."""
    weight = "weight" if "AS weight" in ROWS[rows] else "0"
    row = conn.execute(
        f"SELECT count(*), coalesce(sum(hit), 0), coalesce(sum(CASE WHEN hit THEN {weight} "
        f"ELSE 0 END), 0) FROM ({ROWS[rows]})",
        params,
    ).fetchone()
    return int(row[0]), int(row[1]), float(row[2])


#: The counts of ``_OVERDUE`` without its rows: the running loans counted on their covering
#: index, and only the few loans the period's history names (repaid since it began, fell
#: overdue in it) looked up one by one.
_OVERDUE_TOTALS = (
    "WITH ev AS MATERIALIZED (SELECT loan_id, max(status = 'repaid') AS repaid, "
    "max(status = 'overdue' AND on_date <= :last) AS od FROM loan_event INDEXED BY "
    "ix_loan_event_status "
    "WHERE status IN ('repaid', 'overdue') AND on_date >= :first GROUP BY loan_id), "
    "run AS (SELECT count(*) AS n, coalesce(sum(amount_fen), 0) AS fen "
    "FROM loan INDEXED BY ix_loan_running "
    "WHERE status IN ('disbursed', 'extended', 'overdue') AND deleted_at IS NULL "
    "AND disbursed_on <= :last), "
    "back AS (SELECT count(*) AS n, coalesce(sum(l.amount_fen), 0) AS fen "
    "FROM ev CROSS JOIN loan l ON l.id = ev.loan_id WHERE ev.repaid AND l.status = 'repaid' "
    "AND l.deleted_at IS NULL AND l.disbursed_on <= :last), "
    "hit AS (SELECT count(*) AS n, coalesce(sum(l.amount_fen), 0) AS fen "
    "FROM ev CROSS JOIN loan l ON l.id = ev.loan_id WHERE ev.od AND l.deleted_at IS NULL "
    "AND l.disbursed_on <= :last AND (l.status IN ('disbursed', 'extended', 'overdue') "
    "OR (ev.repaid AND l.status = 'repaid'))) "
    "SELECT run.n + back.n, hit.n, run.fen + back.fen, hit.fen FROM run, back, hit"
)


def overdue_totals(conn: sqlite3.Connection, params: Params) -> tuple[int, int, int, int]:
    """(loans running, of which fell overdue, principal running, principal overdue) in fen:
    the count and hits of ``_OVERDUE``'s rows (the click-through's)."""
    row = conn.execute(_OVERDUE_TOTALS, params).fetchone()
    return int(row[0]), int(row[1]), int(row[2]), int(row[3])


def contact_now_totals(conn: sqlite3.Connection, params: Params) -> tuple[int, int]:
    """(borrowers, of which not due for contact) at the end of ``params["last"]``, today."""
    row = conn.execute(_CONTACT_NOW_TOTALS, params).fetchone()
    return int(row[0]), int(row[1])


#: "Lent to before" and "came through a referral", asked of one client (``x.client_id``):
#: each one lookup in a small covering index (0010), no loan or client row read.
LENT_BEFORE = (
    "EXISTS (SELECT 1 FROM loan p INDEXED BY ix_loan_client_disbursed "
    "WHERE p.client_id = x.client_id AND p.deleted_at IS NULL AND p.disbursed_on IS NOT NULL "
    "AND p.disbursed_on < {before})"
)
REFERRED = (
    "EXISTS (SELECT 1 FROM client c INDEXED BY ix_client_referred WHERE c.id = x.client_id "
    "AND (c.referred_by_id IS NOT NULL OR c.source = 'referral'))"
)
#: The loans lent in the period, by client: each client asked once whether lent to before
#: and whether referred (a loan's referral is its client's: counted ``n`` times). Grouped
#: by client, the lookups walk both indexes in order.
_LENT = (
    "WITH x AS MATERIALIZED (SELECT client_id, count(*) AS n, "
    "sum(applied_on IS NOT NULL) AS n_applied, "
    "sum(julianday(disbursed_on) - julianday(applied_on)) AS days "
    "FROM loan INDEXED BY ix_loan_disbursed WHERE deleted_at IS NULL "
    "AND disbursed_on BETWEEN :first AND :last GROUP BY client_id) "
    f"SELECT count(*), coalesce(sum({LENT_BEFORE.format(before=':first')}), 0), "
    f"coalesce(sum(n), 0), coalesce(sum(n * {REFERRED}), 0), coalesce(sum(n_applied), 0), "
    "coalesce(sum(days), 0) FROM x"
)
#: The loans applied for in the period, by the status they stand at now, and of them those
#: disbursed since: one range of ix_loan_applied.
_APPLIED = (
    "SELECT status, count(*), coalesce(sum(disbursed_on IS NOT NULL), 0) "
    "FROM loan INDEXED BY ix_loan_applied WHERE deleted_at IS NULL "
    "AND applied_on BETWEEN :first AND :last GROUP BY status"
)


def loan_pass(conn: sqlite3.Connection, params: Params) -> tuple[dict[str, float], dict[str, int]]:
    """The loan figures' counts for the period: clients lent to and of them repeat borrowers,
    loans lent and of them to referred clients, loans lent with a dated application and the
    days from application to disbursement summed, applications and of them disbursed; and
    the applications by the status they stand at now. The same counts as the row sets of
    :data:`ROWS` (tests/stats/test_fast_totals.py holds them together), read from indexes."""
    keys = ("lent_clients", "repeat_clients", "lent", "lent_referred", "lent_applied")
    row = conn.execute(_LENT, params).fetchone()
    counts = {k: float(v) for k, v in zip((*keys, "days_to_disburse"), row, strict=True)}
    stages: dict[str, int] = {}
    applied = applied_lent = 0
    for status, n, lent in conn.execute(_APPLIED, params):
        stages[str(status)] = int(n)
        applied += int(n)
        applied_lent += int(lent)
    counts.update(applied=float(applied), applied_lent=float(applied_lent))
    return counts, stages


_FESTIVAL_TOTALS = (
    # Borrowers counted on the reminders' partial indexes (no client row read), less the few
    # who opted out.
    f"SELECT (SELECT count(*) {_LIVE_BORROWERS.format('ix_client_contact_due')}"
    "AND cadence_days IS NULL AND coalesce(last_contact_at, created_at) > '') + "
    f"(SELECT count(*) {_LIVE_BORROWERS.format('ix_client_cadence_due')}"
    "AND cadence_days IS NOT NULL AND coalesce(last_contact_at, created_at) > '') - "
    "(SELECT count(*) FROM greeting_optout o CROSS JOIN client c ON c.id = o.client_id "
    "WHERE c.status = 'borrower' AND c.archived_at IS NULL), "
    "(SELECT count(DISTINCT h.key || ' ' || h.client_id) FROM reminder_history h "
    "CROSS JOIN client c ON c.id = h.client_id WHERE h.action = 'greeted' "
    "AND h.key LIKE '%:-:%' "
    "AND substr(h.key, -10) BETWEEN :first AND :last AND c.status = 'borrower' "
    "AND c.archived_at IS NULL AND NOT EXISTS "
    "(SELECT 1 FROM greeting_optout o WHERE o.client_id = c.id))"
)


def festival_totals(conn: sqlite3.Connection, params: Params) -> tuple[int, int]:
    """(borrowers a festival greeting is due to, festival greetings sent to them) in the
    period: the rows of ``_FESTIVALS`` and their hits summed, read from the history side."""
    row = conn.execute(_FESTIVAL_TOTALS, params).fetchone()
    return int(row[0]), int(row[1])


def client_ids(
    conn: sqlite3.Connection, rows: str, params: Params, *, hit: bool | None, below: int = 1
) -> list[int]:
    """The distinct clients of one of :data:`ROWS`: those hit (``hit`` True), those not
    (False: ``hit`` below ``below``, for counted hits), or all (None); in id order."""
    where = "" if hit is None else ("WHERE hit" if hit else "WHERE hit < :below")
    sql = f"SELECT DISTINCT client_id FROM ({ROWS[rows]}) {where} ORDER BY 1"
    return [int(r[0]) for r in conn.execute(sql, {**params, "below": below})]


def names(conn: sqlite3.Connection, ids_json: str) -> list[tuple[int, str, str]]:
    """(id, name, status) of the clients in the JSON array, by pinyin."""
    return conn.execute(
        "SELECT id, name, status FROM client WHERE id IN (SELECT value FROM json_each(?)) "
        "ORDER BY name_pinyin, id",
        (ids_json,),
    ).fetchall()
