"""贷后: the checks of a disbursed loan (use of funds, visits, calls), their schedule per
product, and which are due or late.

The schedule is the product's (editable; tightened while the client has a risk signal open,
:func:`crm.domain.post_loan.intervals`); a check record is the one write here. Due and late
checks reach Today and the brief through ``crm.services.reminders.post_loan_sources``.
"""

from __future__ import annotations

import builtins
import datetime as dt
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass

from crm.domain.changes import Initiator, Topic
from crm.domain.clock import Clock, SystemClock
from crm.domain.errors import FieldError, ValidationErrors
from crm.domain.loan_status import LoanStatus
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg
from crm.domain.post_loan import (
    DEFAULT_SCHEDULE,
    FALLBACK_SCHEDULE,
    CheckKind,
    DueCheck,
    due_checks,
    intervals,
)
from crm.services.loan_views import LOAN_NOT_FOUND, LoanRecordNotFound
from crm.store.book import Book, sql_datetime, to_date, to_datetime
from crm.store.queries import post_loan as q
from crm.store.queries.settings import read_json, write_json

NOT_DISBURSED = QT_TRANSLATE_NOOP(
    "PostLoan", "Loan {id} is {status}, not disbursed: checks start once the money is out."
)
CHECK_IN_FUTURE = QT_TRANSLATE_NOOP(
    "PostLoan", "A check cannot be in the future; today is {today}."
)
CHECK_BEFORE_DISBURSED = QT_TRANSLATE_NOOP(
    "PostLoan", "A check cannot be before the money went out, on {date}."
)
FUNDS_ON_CALL = QT_TRANSLATE_NOOP(
    "PostLoan", "Whether the funds were used as agreed goes with a visit or a use-of-funds check."
)
DAYS_RANGE = QT_TRANSLATE_NOOP("PostLoan", "Days between checks go from 1 to 365.")

_RUNNING = ("disbursed", "extended", "overdue")


@dataclass(frozen=True, slots=True)
class CheckRow:
    id: int
    loan_id: int
    on: dt.date
    kind: CheckKind
    findings: str
    funds_ok: bool | None
    evidence: str
    created_at: dt.datetime


def _row(r: tuple) -> CheckRow:
    return CheckRow(
        id=r[0],
        loan_id=r[1],
        on=to_date(r[2]) or dt.date.min,
        kind=CheckKind(r[3]),
        findings=r[4],
        funds_ok=None if r[5] is None else bool(r[5]),
        evidence=r[6],
        created_at=to_datetime(r[7]) or dt.datetime.min,
    )


def _refuse(field: str, message: Msg) -> ValidationErrors:
    return ValidationErrors([FieldError(field, message)])


def merged_schedule(stored: object) -> dict[str, dict[str, int]]:
    out = {k: dict(v) for k, v in DEFAULT_SCHEDULE.items()}
    if isinstance(stored, dict):
        for product, days in stored.items():
            if isinstance(days, dict):
                clean = {
                    k: int(v)
                    for k, v in days.items()
                    if k in CheckKind._value2member_map_ and isinstance(v, int) and 0 < v <= 365
                }
                out[str(product)] = {**FALLBACK_SCHEDULE, **out.get(str(product), {}), **clean}
    return out


class PostLoanService:
    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()

    # -- the schedule ----------------------------------------------------------------------

    def schedule(self) -> dict[str, dict[str, int]]:
        """Product -> days per kind of check (``use-of-funds`` after disbursement, ``visit``
        and ``call`` between two): the defaults with the officer's edits over them."""
        return merged_schedule(read_json(self.book.reader(), q.SCHEDULE_KEY))

    def save_schedule(self, product: str, days: Mapping[str, int]) -> None:
        clean = {CheckKind(k).value: int(v) for k, v in days.items()}
        if any(not 0 < v <= 365 for v in clean.values()):
            raise _refuse("days", DAYS_RANGE)
        with self.book.write() as conn:
            stored = read_json(conn, q.SCHEDULE_KEY)
            stored = stored if isinstance(stored, dict) else {}
            stored[product.strip()] = {**stored.get(product.strip(), {}), **clean}
            write_json(conn, q.SCHEDULE_KEY, merged_schedule(stored))
            q.refresh_due(conn)
        self.book.changes.publish(Topic.POST_LOAN_CHECK)

    # -- reads -----------------------------------------------------------------------------

    def checks(self, loan_ids: builtins.list[int]) -> builtins.list[CheckRow]:
        """The checks of these loans, the newest first."""
        if not loan_ids:
            return []
        return [_row(r) for r in q.checks_of_loans(self.book.reader(), loan_ids)]

    def due_for_client(self, client_id: int) -> builtins.list[DueCheck]:
        """The next check of each kind of each of the client's running loans, soonest first."""
        conn = self.book.reader()
        schedule = merged_schedule(read_json(conn, q.SCHEDULE_KEY))
        at_risk = q.has_open_risk(conn, client_id)
        loans = q.running_loans_of_client(conn, client_id)
        done = self.checks([r[0] for r in loans])
        out: builtins.list[DueCheck] = []
        for loan_id, product, disbursed, _status in loans:
            last: dict[CheckKind, dt.date] = {}
            for c in done:
                if c.loan_id == loan_id and c.kind not in last:
                    last[c.kind] = c.on
            every = intervals(schedule, product, at_risk)
            out += due_checks(loan_id, to_date(disbursed) or dt.date.min, every, last)
        out.sort(key=lambda d: d.due_on)
        return out

    def due(self, until: dt.date, limit: int) -> builtins.list[tuple]:
        """(loan id, client id, product, client name, kind, due_on) of every running loan's
        check due by ``until``, the most overdue first; read on the caller's connection when
        it has one (the reminder check)."""
        return due_rows(self.book.reader(), until, limit)

    def due_count(self, until: dt.date) -> int:
        """How many checks :meth:`due` lists without a limit (clients not archived)."""
        return q.due_check_count(self.book.reader(), until.isoformat())

    def late_count(self) -> int:
        """How many loans have a check late today."""
        return q.late_loan_count(self.book.reader(), self.clock.today().isoformat())

    def late_loans(self) -> dict[int, dt.date]:
        """Loan id -> the due date of its most overdue check, for every loan with a check
        late today: the loans the Risks page and the checks tab mark."""
        today = self.clock.today()
        out: dict[int, dt.date] = {}
        for loan_id, _c, _p, _n, _k, due in due_rows(
            self.book.reader(), today - dt.timedelta(days=1), 1_000_000
        ):
            out.setdefault(loan_id, dt.date.fromisoformat(due))
        return out

    # -- the write -------------------------------------------------------------------------

    def check_in(
        self,
        loan_id: int,
        kind: CheckKind,
        *,
        on: dt.date | None = None,
        funds_ok: bool | None = None,
        findings: str = "",
        evidence: str = "",
        initiator: Initiator = Initiator.USER,
    ) -> int:
        """Record a check done on a disbursed loan. Refused, nothing written: a loan not
        disbursed, a date in the future or before the disbursement, "funds used as agreed"
        on a call."""
        kind = CheckKind(kind)
        now = self.clock.now()
        on = on or now.date()
        if on > now.date():
            raise _refuse("on", CHECK_IN_FUTURE.with_(today=now.date().isoformat()))
        if funds_ok is not None and kind is CheckKind.CALL:
            raise _refuse("funds_ok", FUNDS_ON_CALL)
        with self.book.write() as conn:
            head = q.loan_head(conn, loan_id)
            if head is None:
                raise LoanRecordNotFound(LOAN_NOT_FOUND.with_(id=loan_id))
            client_id, _product, status, disbursed = head[0], head[1], head[2], head[3]
            if status not in _RUNNING or disbursed is None:
                label = LoanStatus(status).label
                raise _refuse("loan", NOT_DISBURSED.with_(id=loan_id, status=label))
            if on.isoformat() < disbursed:
                raise _refuse("on", CHECK_BEFORE_DISBURSED.with_(date=disbursed))
            new_id = q.insert_check(
                conn,
                (
                    loan_id,
                    on.isoformat(),
                    kind.value,
                    findings.strip(),
                    None if funds_ok is None else int(funds_ok),
                    evidence.strip(),
                    sql_datetime(now),
                ),
            )
        self.book.changes.publish(Topic.POST_LOAN_CHECK, [client_id], initiator)
        return new_id


def due_rows(conn: sqlite3.Connection, until: dt.date, limit: int) -> builtins.list[tuple]:
    """:meth:`PostLoanService.due` on ``conn`` (the reminder source runs inside the engine's
    read)."""
    return q.due_checks(conn, until.isoformat(), limit)
