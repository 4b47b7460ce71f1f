"""The SQL that keeps ``post_loan_due`` (crm.domain.post_loan_tables.PostLoanDue): its
triggers and the whole refresh. Plain strings, no ORM, so migration 0008 reads them without
loading sqlmodel (migrating a book loads no table class)."""

from __future__ import annotations


def _due_select(where: str) -> str:
    """The rows of ``post_loan_due`` for the running loans ``where`` picks (``l`` the loan):
    the rule of :func:`crm.domain.post_loan.due_checks` and ``intervals`` in SQL. The days
    come from the officer's schedule (book_setting ``post_loan.check_schedule``), else the
    defaults (crm.domain.post_loan.DEFAULT_SCHEDULE, spelled here), tightened while the
    client has a signal open."""
    days = (
        "coalesce(json_extract((SELECT value FROM book_setting WHERE key = "
        "'post_loan.check_schedule'), '$.\"' || l.product || '\".\"' || k.kind || '\"'), "
        "CASE WHEN k.kind = 'use-of-funds' THEN CASE WHEN l.product IN ('经营贷', '抵押贷') "
        "THEN 15 ELSE 30 END WHEN k.kind = 'visit' THEN 90 ELSE 30 END)"
    )
    tight = "CASE k.kind WHEN 'visit' THEN 30 WHEN 'call' THEN 15 ELSE 100000 END"
    last = (
        "(SELECT max(c.on_date) FROM post_loan_check c WHERE c.loan_id = l.id "
        "AND c.kind = k.kind AND c.deleted_at IS NULL)"
    )
    return (
        "INSERT OR REPLACE INTO post_loan_due (loan_id, kind, client_id, due_on) "
        f"SELECT l.id, k.kind, l.client_id, date(coalesce({last}, l.disbursed_on), '+' || "
        f"(CASE WHEN EXISTS (SELECT 1 FROM risk_signal r WHERE r.client_id = l.client_id "
        f"AND r.closed_on IS NULL) THEN min({days}, {tight}) ELSE {days} END) || ' days') "
        "FROM loan l JOIN (SELECT 'use-of-funds' AS kind UNION ALL SELECT 'visit' "
        "UNION ALL SELECT 'call') k "
        "WHERE l.status IN ('disbursed', 'extended', 'overdue') AND l.deleted_at IS NULL "
        f"AND l.disbursed_on IS NOT NULL AND {where} "
        "AND NOT (k.kind = 'use-of-funds' AND EXISTS (SELECT 1 FROM post_loan_check c "
        "WHERE c.loan_id = l.id AND c.kind = 'use-of-funds' AND c.deleted_at IS NULL))"
    )


#: Recompute every running loan's due checks (the migration's backfill, a schedule edit).
DUE_REFRESH_ALL = f"DELETE FROM post_loan_due; {_due_select('1')}"


def _trigger(name: str, event: str, delete: str, where: str) -> str:
    """A trigger recomputing the rows ``delete`` picks from the loans ``where`` picks."""
    return (
        f"CREATE TRIGGER {name} AFTER {event} BEGIN DELETE FROM post_loan_due WHERE {delete}; "
        f"{_due_select(where)}; END"
    )


#: The triggers that keep ``post_loan_due``, by name, as the migration wrote them.
POST_LOAN_SQL_ONLY = {
    "post_loan_due_loan_insert": _trigger(
        "post_loan_due_loan_insert", "INSERT ON loan", "loan_id = NEW.id", "l.id = NEW.id"
    ),
    "post_loan_due_loan_update": _trigger(
        "post_loan_due_loan_update",
        "UPDATE OF status, disbursed_on, deleted_at, product, client_id ON loan",
        "loan_id = NEW.id",
        "l.id = NEW.id",
    ),
    # A check moves only its own kind's next date: one row, not the loan's three (the demo
    # writes ~100,000 checks at 100,000 clients).
    "post_loan_due_check_insert": _trigger(
        "post_loan_due_check_insert",
        "INSERT ON post_loan_check",
        "loan_id = NEW.loan_id AND kind = NEW.kind",
        "l.id = NEW.loan_id AND k.kind = NEW.kind",
    ),
    "post_loan_due_check_update": _trigger(
        "post_loan_due_check_update",
        "UPDATE OF deleted_at, on_date, kind ON post_loan_check",
        "loan_id = NEW.loan_id",
        "l.id = NEW.loan_id",
    ),
    "post_loan_due_risk_insert": _trigger(
        "post_loan_due_risk_insert",
        "INSERT ON risk_signal",
        "client_id = NEW.client_id",
        "l.client_id = NEW.client_id",
    ),
    "post_loan_due_risk_update": _trigger(
        "post_loan_due_risk_update",
        "UPDATE OF closed_on ON risk_signal",
        "client_id = NEW.client_id",
        "l.client_id = NEW.client_id",
    ),
}
