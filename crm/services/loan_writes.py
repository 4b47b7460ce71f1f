"""The one code path that writes loans, and the client status that follows their loans.

Every function here runs inside the caller's write transaction (the loan service's, or the
demo's fill step) and leaves publishing to it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from crm.domain.changes import Topic
from crm.domain.enums import ClientStatus
from crm.domain.errors import FieldError, ValidationErrors
from crm.domain.loan_form import CleanLoan, to_fen
from crm.domain.loan_status import RUNNING, LoanStatus
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg
from crm.services.clients import set_statuses
from crm.services.loan_views import LoanRecordNotFound
from crm.store.book import sql_date, sql_datetime
from crm.store.queries import loans as q

CLIENT_NOT_FOUND = QT_TRANSLATE_NOOP("Loans", "There is no client with id {id}.")
RENEWAL_OTHER_CLIENT = QT_TRANSLATE_NOOP("Loans", "Loan {id} is not one of this client's loans.")

_PENDING = frozenset({LoanStatus.APPLIED, LoanStatus.APPROVED})


def refuse(name: str, message: Msg) -> ValidationErrors:
    """A one-field refusal."""
    return ValidationErrors([FieldError(name, message)])


# --- the client's status follows their loans ----------------------------------------------


def followed_status(current: str, loan_statuses: Iterable[str]) -> str:
    """The client status a client's loans call for (``current`` when they call for none).

    A running loan makes a borrower; else a repaid one a former borrower; an application in
    progress makes a prospect (or a declined client) applying; loans all declined make a
    prospect or an applicant declined. A status the loans say nothing about is kept (a
    borrower whose loans predate Prism and who applies again stays a borrower).
    """
    statuses = {LoanStatus(s) for s in loan_statuses}
    if not statuses:
        return current
    if statuses & RUNNING:
        return ClientStatus.BORROWER.value
    if LoanStatus.REPAID in statuses:
        return ClientStatus.FORMER_BORROWER.value
    if statuses & _PENDING:
        if current in (ClientStatus.PROSPECT, ClientStatus.DECLINED):
            return ClientStatus.APPLYING.value
        return current
    if current in (ClientStatus.PROSPECT, ClientStatus.APPLYING, ClientStatus.DECLINED):
        return ClientStatus.DECLINED.value
    return current


def follow_client_status(
    conn: sqlite3.Connection, client_ids: Iterable[int], now: dt.datetime
) -> tuple[set[int], bool]:
    """Move these clients' statuses to what their loans call for, inside the caller's write.

    Returns (the clients whose status moved, whether a referrer's thank-you was noted).
    ``followed_status`` is the rule; the write is the client's one write path, in one batch,
    so a status a loan changes has every side effect it has when the officer edits it.
    """
    changes: dict[int, ClientStatus] = {}
    for client_id in dict.fromkeys(client_ids):
        found = q.client_status(conn, client_id)
        if found is None:
            continue
        old = found[0]
        new = followed_status(old, q.loan_statuses_of(conn, client_id))
        if new != old:
            changes[client_id] = ClientStatus(new)
    if not changes:
        return set(), False
    written = set_statuses(conn, changes, now=now)
    return set(changes), Topic.REFERRAL_THANKS in written.topics


# --- writing loans (one code path for one loan and many) ----------------------------------


@dataclass
class Written:
    """What :func:`write_loans` did: the new ids, the clients whose status moved, whether a
    referrer's thank-you was noted."""

    ids: list[int]
    client_ids: list[int]
    moved: set[int] = field(default_factory=set)
    thanked: bool = False

    def topics(self) -> set[Topic]:
        topics = {Topic.LOAN}
        if self.moved:
            topics.add(Topic.CLIENT)
        if self.thanked:
            topics.add(Topic.REFERRAL_THANKS)
        return topics


def loan_values(client_id: int, clean: CleanLoan, now: str) -> tuple[object, ...]:
    """LOAN_COLUMNS without the id."""
    overdue = clean.status is LoanStatus.OVERDUE
    return (
        client_id,
        clean.product,
        to_fen(clean.amount),
        str(clean.annual_rate),
        clean.rate_quoted_as,
        to_fen(clean.fee),
        clean.months,
        clean.method.value,
        clean.status.value,
        sql_date(clean.applied_on),
        sql_date(clean.disbursed_on),
        clean.repayment_day,
        sql_date(clean.maturity_on),
        int(clean.auto_debit),
        clean.purpose,
        clean.guarantor,
        clean.collateral,
        clean.renewal_of_id,
        sql_date(clean.status_on) if overdue else None,
        to_fen(clean.overdue_amount) if overdue and clean.overdue_amount is not None else None,
        clean.note,
        now,
        now,
        None,
    )


def _first_event(loan_id: int, clean: CleanLoan, now: str) -> tuple[object, ...]:
    """LOAN_EVENT_COLUMNS without the id: the given status on its date."""
    carries_maturity = clean.status in (LoanStatus.DISBURSED, LoanStatus.EXTENDED)
    amount = clean.overdue_amount if clean.status is LoanStatus.OVERDUE else None
    return (
        loan_id,
        clean.status.value,
        clean.status_on.isoformat(),
        sql_date(clean.maturity_on) if carries_maturity else None,
        to_fen(amount) if amount is not None else None,
        "",
        now,
    )


def write_loans(
    conn: sqlite3.Connection,
    rows: Sequence[tuple[int, CleanLoan]],
    now: dt.datetime,
    *,
    follow_status: bool = True,
) -> Written:
    """Insert clean loans with their first history entry and let each client's status follow.

    Runs inside the caller's write transaction (``LoanService.add``/``add_many``/``renew``,
    or the demo's fill step); checks that every client exists and every renewed loan belongs
    to the same client. Publishing is the caller's. ``follow_status=False`` leaves the
    clients' statuses to a :func:`follow_client_status` the caller runs once after writing
    a whole history (the demo: a borrower's old repaid loans written before the running one
    must not make them a former borrower, and then a "new" borrower, on the way).
    """
    client_ids = list(dict.fromkeys(cid for cid, _ in rows))
    missing = set(client_ids) - q.existing_clients(conn, client_ids)
    if missing:
        raise LoanRecordNotFound(CLIENT_NOT_FOUND.with_(id=min(missing)))
    renewed = [c.renewal_of_id for _, c in rows if c.renewal_of_id is not None]
    owners = q.loan_owners(conn, renewed)
    for cid, clean in rows:
        if clean.renewal_of_id is not None and owners.get(clean.renewal_of_id) != cid:
            raise refuse("renewal_of_id", RENEWAL_OTHER_CLIENT.with_(id=clean.renewal_of_id))
    stamp = sql_datetime(now)
    ids = q.insert_loans(conn, [loan_values(cid, clean, stamp) for cid, clean in rows])
    q.insert_events(
        conn,
        [_first_event(i, clean, stamp) for i, (_, clean) in zip(ids, rows, strict=True)],
    )
    written = Written(ids, client_ids)
    if follow_status:
        written.moved, written.thanked = follow_client_status(conn, client_ids, now)
    return written
