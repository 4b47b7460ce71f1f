"""The read side of loans: rows, a loan's detail, per-client summaries, lent per referrer.

:class:`LoanReads` is the base of :class:`crm.services.loans.LoanService`: every read runs on
the book's reader (no write lock); where a loan stands is :mod:`crm.domain.loan_standing`.
"""

from __future__ import annotations

import builtins
import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from crm.domain.clock import Clock, SystemClock
from crm.domain.loan_enums import RepaymentMethod
from crm.domain.loan_form import LoanDraft, from_fen
from crm.domain.loan_math import LoanTerms, RepaymentPlan, calculate
from crm.domain.loan_standing import (
    ClientLoanSummary,
    LoanStanding,
    due_dates_of,
    loan_standing,
    summarise,
)
from crm.domain.loan_status import DEFAULT_PRODUCTS, RUNNING, LoanStatus
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg
from crm.store.book import Book, to_date, to_datetime
from crm.store.queries import loans as q
from crm.store.queries.settings import read_json

LOAN_NOT_FOUND = QT_TRANSLATE_NOOP("Loans", "There is no loan with id {id}.")


class LoanRecordNotFound(LookupError):
    """No such loan, needs record or client; ``message`` says which."""

    def __init__(self, message: Msg) -> None:
        self.message = message
        super().__init__(message.render())


@dataclass(frozen=True)
class LoanFilter:
    """What the Loans section shows. ``maturing_within_days``: running loans whose maturity
    falls from today to today + N days. ``limit``: at most that many rows."""

    status: LoanStatus | None = None
    product: str | None = None
    maturing_within_days: int | None = None
    client_id: int | None = None
    limit: int | None = None


class LoanRow(NamedTuple):
    """A loan as lists show it. A named tuple: the Loans section builds thousands at once
    (a frozen dataclass costs ~10 µs more per row). Fields in LOAN_COLUMNS order, then the
    client's name."""

    id: int
    client_id: int
    product: str
    amount: Decimal  # yuan, two decimals
    annual_rate: Decimal  # percent a year (a 月息 is stored ×12)
    rate_quoted_as: str  # "annual" | "monthly"
    fee: Decimal
    months: int
    method: RepaymentMethod
    status: LoanStatus
    applied_on: dt.date | None
    disbursed_on: dt.date | None
    repayment_day: int | None  # None: the disbursement's day of month
    maturity_on: dt.date | None
    auto_debit: bool
    purpose: str
    guarantor: str
    collateral: str
    renewal_of_id: int | None
    overdue_since: dt.date | None
    overdue_amount: Decimal | None
    note: str
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None
    client_name: str

    @property
    def quoted_rate(self) -> Decimal:
        """The rate as it was quoted: % a year, or 月息 % a month."""
        return self.annual_rate / 12 if self.rate_quoted_as == "monthly" else self.annual_rate

    @property
    def terms(self) -> LoanTerms:
        return LoanTerms(self.amount, self.annual_rate, self.months, self.method, self.fee)

    def days_to_maturity(self, today: dt.date) -> int | None:
        return (self.maturity_on - today).days if self.maturity_on else None

    def draft(self) -> LoanDraft:
        """The edit form's starting point (``LoanService.update`` takes it back)."""
        return LoanDraft(
            product=self.product,
            amount=self.amount,
            rate=self.quoted_rate,
            months=self.months,
            method=self.method,
            rate_quoted_as=self.rate_quoted_as,
            fee=self.fee,
            status=self.status,
            applied_on=self.applied_on,
            disbursed_on=self.disbursed_on,
            repayment_day=self.repayment_day,
            maturity_on=self.maturity_on,
            auto_debit=self.auto_debit,
            purpose=self.purpose,
            guarantor=self.guarantor,
            collateral=self.collateral,
            renewal_of_id=self.renewal_of_id,
            note=self.note,
        )


_METHODS = RepaymentMethod._value2member_map_
_STATUSES = LoanStatus._value2member_map_
_day = dt.date.fromisoformat
_moment = dt.datetime.fromisoformat


def loan_from_row(r: Sequence[Any]) -> LoanRow:
    """LOAN_COLUMNS followed by the client's name (crm.store.queries.loans.LOAN_ROW_SELECT).

    Positional and without helper calls: this runs for every row the Loans section lists."""
    return LoanRow(
        r[0],
        r[1],
        r[2],
        Decimal(r[3]).scaleb(-2),
        Decimal(r[4]),
        r[5],
        Decimal(r[6]).scaleb(-2),
        r[7],
        _METHODS[r[8]],  # type: ignore[arg-type]
        _STATUSES[r[9]],  # type: ignore[arg-type]
        _day(r[10]) if r[10] else None,
        _day(r[11]) if r[11] else None,
        r[12],
        _day(r[13]) if r[13] else None,
        bool(r[14]),
        r[15],
        r[16],
        r[17],
        r[18],
        _day(r[19]) if r[19] else None,
        Decimal(r[20]).scaleb(-2) if r[20] is not None else None,
        r[21],
        _moment(r[22]),
        _moment(r[23]),
        _moment(r[24]) if r[24] else None,
        r[25],
    )


@dataclass(frozen=True)
class LoanEventRow:
    """One dated step of a loan's history."""

    id: int
    loan_id: int
    status: LoanStatus
    on: dt.date
    maturity_on: dt.date | None  # an extension's new maturity (a disbursement's maturity)
    amount: Decimal | None  # an overdue's amount
    note: str
    created_at: dt.datetime


def event_from_row(r: Sequence[Any]) -> LoanEventRow:
    """LOAN_EVENT_COLUMNS."""
    return LoanEventRow(
        id=r[0],
        loan_id=r[1],
        status=LoanStatus(r[2]),
        on=to_date(r[3]) or dt.date.min,
        maturity_on=to_date(r[4]),
        amount=from_fen(r[5]) if r[5] is not None else None,
        note=r[6],
        created_at=to_datetime(r[7]) or dt.datetime.min,
    )


@dataclass(frozen=True)
class LoanDetail:
    """One loan for its detail view and ``crm loan show``."""

    row: LoanRow
    plan: RepaymentPlan  # the contract's schedule (terms as recorded), totals, annual rates
    due_dates: tuple[dt.date, ...]  # one per plan.schedule row; empty until disbursed
    history: tuple[LoanEventRow, ...]  # oldest first
    standing: LoanStanding  # today
    renewed_by: tuple[int, ...]  # loans that renew this one (续贷)

    @property
    def id(self) -> int:
        return self.row.id

    @property
    def client_id(self) -> int:
        return self.row.client_id


# --- the needs record ---------------------------------------------------------------------


@dataclass(frozen=True)
class NeedRow:
    id: int
    client_id: int
    recorded_on: dt.date
    purpose: str
    real_need: str
    amount: Decimal | None
    timing: str
    concerns: str
    products: str
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None


def need_from_row(r: Sequence[Any]) -> NeedRow:
    """LOAN_NEED_COLUMNS."""
    return NeedRow(
        id=r[0],
        client_id=r[1],
        recorded_on=to_date(r[2]) or dt.date.min,
        purpose=r[3],
        real_need=r[4],
        amount=from_fen(r[5]) if r[5] is not None else None,
        timing=r[6],
        concerns=r[7],
        products=r[8],
        created_at=to_datetime(r[9]) or dt.datetime.min,
        updated_at=to_datetime(r[10]) or dt.datetime.min,
        deleted_at=to_datetime(r[11]),
    )


# --- reads --------------------------------------------------------------------------------


class LoanReads:
    """What the Loans section, a client's Loans tab, the client list and the referrals view
    read. Built on (book, clock) like every service."""

    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()

    def _live(self, conn: sqlite3.Connection, loan_id: int) -> LoanRow:
        r = q.loan_row(conn, loan_id)
        if r is None or r[q.LOAN_COLUMNS.index("deleted_at")] is not None:
            raise LoanRecordNotFound(LOAN_NOT_FOUND.with_(id=loan_id))
        return loan_from_row(r)

    def get(self, loan_id: int) -> LoanDetail:
        """The loan, its schedule and due dates, its history (oldest first), its standing
        today and the loans that renew it."""
        conn = self.book.reader()
        row = self._live(conn, loan_id)
        history = tuple(event_from_row(e) for e in q.events_of(conn, loan_id))
        # Allowed above the ceiling: an imported or older loan must still show.
        plan = calculate(row.terms, allow_high_rate=True)
        dates: tuple[dt.date, ...] = ()
        if row.disbursed_on is not None:
            dates = due_dates_of(row.disbursed_on, row.repayment_day, row.method, row.months)
        extended = [e.on for e in history if e.status is LoanStatus.EXTENDED]
        standing = loan_standing(
            status=row.status,
            terms=row.terms,
            disbursed_on=row.disbursed_on,
            repayment_day=row.repayment_day,
            maturity_on=row.maturity_on,
            extended_on=extended[0] if extended else None,
            overdue_since=row.overdue_since,
            overdue_amount=row.overdue_amount,
            today=self.clock.today(),
        )
        renewed_by = tuple(q.renewals_of(conn, loan_id))
        return LoanDetail(row, plan, dates, history, standing, renewed_by)

    def for_client(self, client_id: int) -> builtins.list[LoanRow]:
        """A client's loans, the newest first."""
        return [loan_from_row(r) for r in q.loans_of_client(self.book.reader(), client_id)]

    def summaries(self, client_ids: Iterable[int]) -> dict[int, ClientLoanSummary]:
        """Per client with a running loan: balance, next repayment, nearest maturity, count.
        Clients without a running loan are absent. One query per 500 clients."""
        ids = sorted(set(client_ids))
        today = self.clock.today()
        by_client: dict[int, builtins.list[tuple[LoanStatus, LoanStanding]]] = {}
        for r in q.running_loans_of(self.book.reader(), ids):
            (cid, _id, status, amount, rate, fee, months, method, disbursed, day, maturity,
             overdue_fen, extended) = r  # fmt: skip
            row_status = LoanStatus(status)
            terms = LoanTerms(
                from_fen(amount), Decimal(rate), months, RepaymentMethod(method), from_fen(fee)
            )
            standing = loan_standing(
                status=row_status,
                terms=terms,
                disbursed_on=to_date(disbursed),
                repayment_day=day,
                maturity_on=to_date(maturity),
                extended_on=to_date(extended),
                overdue_since=None,
                overdue_amount=from_fen(overdue_fen) if overdue_fen is not None else None,
                today=today,
            )
            by_client.setdefault(cid, []).append((row_status, standing))
        return {cid: summarise(cid, s) for cid, s in by_client.items()}

    def standings(self, rows: Sequence[LoanRow]) -> dict[int, LoanStanding]:
        """Where each of these loans stands today, by loan id (the Loans section's and a
        client's Loans tab's balance, next repayment and days to maturity): as :meth:`get`
        computes it, without the schedule. One query per 500 running loans."""
        today = self.clock.today()
        running = [r for r in rows if r.status in RUNNING]
        ids = [r.id for r in running]
        extended = q.first_extensions(self.book.reader(), ids) if ids else {}
        zero = Decimal("0.00")
        # Loans not running owe nothing (loan_standing's own answer, without the terms it
        # would build first: most loans of a book are repaid ones).
        out = {r.id: LoanStanding(zero, 0, None, None, r.maturity_on, None) for r in rows}
        for r in running:
            out[r.id] = loan_standing(
                status=r.status,
                terms=r.terms,
                disbursed_on=r.disbursed_on,
                repayment_day=r.repayment_day,
                maturity_on=r.maturity_on,
                extended_on=to_date(extended.get(r.id)),
                overdue_since=r.overdue_since,
                overdue_amount=r.overdue_amount,
                today=today,
            )
        return out

    def lent_to(self, referrer_ids: Iterable[int]) -> dict[int, Decimal]:
        """Per referrer: the total disbursed to the clients they referred (0.00 if none)."""
        ids = sorted(set(referrer_ids))
        out = dict.fromkeys(ids, Decimal("0.00"))
        for referrer, total in q.lent_by_referrer(self.book.reader(), ids):
            out[referrer] = from_fen(total)
        return out

    def products(self) -> builtins.list[str]:
        """The products the loan form offers: the officer's list, or the defaults."""
        saved = read_json(self.book.reader(), q.PRODUCTS_KEY)
        if isinstance(saved, list) and saved and all(isinstance(p, str) for p in saved):
            return saved
        return list(DEFAULT_PRODUCTS)

    def list(self, f: LoanFilter | None = None) -> builtins.list[LoanRow]:
        """Loans by maturity (loans without one last), of active clients unless
        ``f.client_id``. Defined last: ``list`` names this method inside the class body."""
        f = f or LoanFilter()
        statuses: tuple[str, ...] = (f.status.value,) if f.status else ()
        window = None
        if f.maturing_within_days is not None:
            today = self.clock.today()
            window = (today, today + dt.timedelta(days=f.maturing_within_days))
            running = tuple(sorted(s.value for s in RUNNING))
            statuses = tuple(s for s in statuses if s in running) if f.status else running
            if not statuses:
                return []
        rows = q.list_loans(
            self.book.reader(),
            statuses=statuses,
            product=f.product,
            matures_between=window,
            client_id=f.client_id,
            limit=f.limit,
        )
        return [loan_from_row(r) for r in rows]
