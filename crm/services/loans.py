"""Loans: adding, editing and renewing them, their dated status history, and what follows.

Every write owns its side effects in its own transaction: the loan's history entry, and the
client's status, which follows their loans (a disbursed loan makes a borrower; the referrer's
thank-you follows through the client write path). One change is published per write.
The reads (rows, a loan's detail, per-client summaries) are built in
:mod:`crm.services.loan_views`.
"""

from __future__ import annotations

import builtins
import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal

from crm.domain.changes import Initiator, Topic
from crm.domain.loan_calendar import contract_maturity
from crm.domain.loan_form import (
    MATURITY_BEFORE_DISBURSEMENT,
    OVERDUE_AMOUNT_POSITIVE,
    CleanLoan,
    LoanDraft,
    clean_loan,
    to_fen,
)
from crm.domain.loan_math import FEN, MAX_AMOUNT
from crm.domain.loan_standing import LoanStanding
from crm.domain.loan_status import RUNNING, LoanStatus, may_follow
from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.services.loan_views import (
    LOAN_NOT_FOUND,
    LoanReads,
    LoanRecordNotFound,
    LoanRow,
    loan_from_row,
)
from crm.services.loan_writes import (
    RENEWAL_OTHER_CLIENT,
    follow_client_status,
    loan_values,
    refuse,
    write_loans,
)
from crm.store.book import sql_date, sql_datetime
from crm.store.queries import loans as q
from crm.store.queries.settings import write_json

STEP_REFUSED = QT_TRANSLATE_NOOP("Loans", "A loan cannot go from {current} to {new}.")
DATE_BEFORE_LAST_STEP = QT_TRANSLATE_NOOP(
    "Loans", "The date cannot be before the loan's last step, on {date}."
)
EXTENSION_NEEDS_MATURITY = QT_TRANSLATE_NOOP("Loans", "An extension needs the new maturity date.")
EXTENSION_NOT_LATER = QT_TRANSLATE_NOOP(
    "Loans", "The new maturity must be after the current one, {date}."
)
MATURITY_ONLY = QT_TRANSLATE_NOOP(
    "Loans", "A maturity date goes with a disbursement or an extension."
)
AMOUNT_ONLY = QT_TRANSLATE_NOOP("Loans", "An amount goes with an overdue.")
STATUS_BY_STEP = QT_TRANSLATE_NOOP(
    "Loans", "Change a loan's status with a status change, so it is dated in its history."
)
RENEW_NOT_LENT = QT_TRANSLATE_NOOP("Loans", "Only a disbursed or repaid loan can be renewed.")
PRODUCTS_EMPTY = QT_TRANSLATE_NOOP("Loans", "The product list needs at least one product.")

_LENT = RUNNING | {LoanStatus.REPAID}


class LoanService(LoanReads):
    """Loans of the book: the writes here, the reads inherited from
    :class:`~crm.services.loan_views.LoanReads`."""

    def for_clients(self, client_ids: Sequence[int]) -> builtins.list[tuple[LoanRow, LoanStanding]]:
        """Every live loan of these clients with where it stands today: client by client in
        the order given, each client's newest first (the xlsx export's Loans sheet). A read,
        kept here because :mod:`crm.services.loan_views` is full."""
        rows = [loan_from_row(r) for r in q.loans_of_clients(self.book.reader(), client_ids)]
        standings = self.standings(rows)
        order = {cid: i for i, cid in enumerate(client_ids)}
        rows.sort(key=lambda r: order[r.client_id])  # stable: the newest first stays so
        return [(r, standings[r.id]) for r in rows]

    def validate(self, draft: LoanDraft) -> CleanLoan:
        """Raise ValidationErrors listing every bad field, or return the clean loan."""
        return clean_loan(draft, self.clock.today())

    # -- writes ----------------------------------------------------------------------------

    def add(self, client_id: int, draft: LoanDraft, initiator: Initiator = Initiator.USER) -> int:
        """Record a loan and its first history entry: its status on its date."""
        return self.add_many([(client_id, draft)], initiator)[0]

    def add_many(
        self,
        rows: Iterable[tuple[int, LoanDraft]],
        initiator: Initiator = Initiator.DEMO,
    ) -> builtins.list[int]:
        """The bulk form of :meth:`add` (the demo, an import): every row checked first, then
        one transaction, one publish. Raises the first bad row's ValidationErrors."""
        today = self.clock.today()
        clean = [(cid, clean_loan(draft, today)) for cid, draft in rows]
        if not clean:
            return []
        now = self.clock.now()
        with self.book.write() as conn:
            written = write_loans(conn, clean, now)
        self.book.changes.publish(written.topics(), written.client_ids, initiator)
        return written.ids

    def renew(self, old_loan_id: int, draft: LoanDraft) -> int:
        """A 续贷: a new loan for the same client, linked to the one it renews (the officer
        then marks the old one repaid)."""
        clean = replace(self.validate(draft), renewal_of_id=old_loan_id)
        now = self.clock.now()
        with self.book.write() as conn:
            old = self._live(conn, old_loan_id)
            if old.status not in _LENT:
                raise refuse("renewal_of_id", RENEW_NOT_LENT)
            written = write_loans(conn, [(old.client_id, clean)], now)
        self.book.changes.publish(written.topics(), written.client_ids)
        return written.ids[0]

    def update(self, loan_id: int, draft: LoanDraft) -> None:
        """Edit a loan's terms, dates and texts. Its status moves only by
        :meth:`change_status`, which dates it in the history."""
        clean = self.validate(draft)
        now = self.clock.now()
        with self.book.write() as conn:
            row = self._live(conn, loan_id)
            if clean.status is not row.status:
                raise refuse("status", STATUS_BY_STEP)
            renewal = clean.renewal_of_id
            if renewal is not None and (
                renewal == loan_id or q.loan_owners(conn, [renewal]).get(renewal) != row.client_id
            ):
                raise refuse("renewal_of_id", RENEWAL_OTHER_CLIENT.with_(id=renewal))
            stamp = sql_datetime(now)
            values = dict(
                zip(q.LOAN_COLUMNS[1:], loan_values(row.client_id, clean, stamp), strict=True)
            )
            # What only a status change or the record's own life sets stays as it is.
            for keep in ("client_id", "status", "overdue_since", "overdue_fen", "created_at",
                         "deleted_at"):  # fmt: skip
                del values[keep]
            q.update_loan(conn, loan_id, values)
        self.book.changes.publish(Topic.LOAN, [row.client_id])

    def change_status(
        self,
        loan_id: int,
        to: LoanStatus,
        on: dt.date | None = None,
        *,
        maturity: dt.date | None = None,
        amount: Decimal | None = None,
        note: str = "",
    ) -> None:
        """Move a loan one step along its life (:data:`crm.domain.loan_status.NEXT`), dated
        ``on`` (default today). A step that skips the order is refused, nothing written.

        disbursed (from approved): sets the disbursement date and the maturity (``maturity``
        or the contract's); disbursed or extended from overdue clears the overdue; extended
        needs a ``maturity`` after the current one; overdue records since ``on`` and the
        ``amount`` overdue (optional).
        """
        to = LoanStatus(to)
        on = on or self.clock.today()
        now = self.clock.now()
        with self.book.write() as conn:
            row = self._live(conn, loan_id)
            values, event_maturity = self._step(conn, row, to, on, maturity, amount)
            values.update(status=to.value, updated_at=sql_datetime(now))
            q.update_loan(conn, loan_id, values)
            q.insert_events(
                conn,
                [
                    (
                        loan_id,
                        to.value,
                        on.isoformat(),
                        sql_date(event_maturity),
                        to_fen(amount) if amount is not None else None,
                        note.strip(),
                        sql_datetime(now),
                    )
                ],
            )
            moved, thanked = follow_client_status(conn, [row.client_id], now)
        topics = {Topic.LOAN} | ({Topic.CLIENT} if moved else set())
        topics |= {Topic.REFERRAL_THANKS} if thanked else set()
        self.book.changes.publish(topics, [row.client_id])

    def _step(
        self,
        conn: sqlite3.Connection,
        row: LoanRow,
        to: LoanStatus,
        on: dt.date,
        maturity: dt.date | None,
        amount: Decimal | None,
    ) -> tuple[dict[str, object], dt.date | None]:
        """The loan columns a step sets and the maturity its history entry carries; refuses
        what the step does not allow."""
        if not may_follow(row.status, to):
            raise refuse("status", STEP_REFUSED.with_(current=row.status.label, new=to.label))
        last = q.last_event_on(conn, row.id)
        if last is not None and on.isoformat() < last:
            raise refuse("on", DATE_BEFORE_LAST_STEP.with_(date=last))
        if maturity is not None and to not in (LoanStatus.DISBURSED, LoanStatus.EXTENDED):
            raise refuse("maturity", MATURITY_ONLY)
        if amount is not None and to is not LoanStatus.OVERDUE:
            raise refuse("amount", AMOUNT_ONLY)
        clear_overdue: dict[str, object] = {"overdue_since": None, "overdue_fen": None}
        if to is LoanStatus.DISBURSED and row.status is LoanStatus.APPROVED:
            maturity = maturity or contract_maturity(on, row.months)
            if maturity <= on:
                raise refuse("maturity", MATURITY_BEFORE_DISBURSEMENT)
            return {"disbursed_on": on.isoformat(), "maturity_on": maturity.isoformat()}, maturity
        if to is LoanStatus.DISBURSED:
            if maturity is not None:
                raise refuse("maturity", MATURITY_ONLY)
            return clear_overdue, None
        if to is LoanStatus.EXTENDED:
            if maturity is None:
                raise refuse("maturity", EXTENSION_NEEDS_MATURITY)
            current = row.maturity_on or row.disbursed_on
            if current is not None and maturity <= current:
                raise refuse("maturity", EXTENSION_NOT_LATER.with_(date=current.isoformat()))
            return {**clear_overdue, "maturity_on": maturity.isoformat()}, maturity
        if to is LoanStatus.OVERDUE:
            if amount is not None and not (
                amount.is_finite() and 0 < amount <= MAX_AMOUNT and amount == amount.quantize(FEN)
            ):
                raise refuse("amount", OVERDUE_AMOUNT_POSITIVE)
            fen = to_fen(amount) if amount is not None else None
            return {"overdue_since": on.isoformat(), "overdue_fen": fen}, None
        if to is LoanStatus.REPAID:
            return clear_overdue, None
        return {}, None

    def delete(self, loan_id: int, initiator: Initiator = Initiator.USER) -> None:
        """Soft delete (undo restores it); the client's status follows what remains."""
        self._set_deleted(loan_id, self.clock.now(), initiator)

    def restore(self, loan_id: int, initiator: Initiator = Initiator.UNDO) -> None:
        self._set_deleted(loan_id, None, initiator)

    def _set_deleted(self, loan_id: int, when: dt.datetime | None, initiator: Initiator) -> None:
        now = self.clock.now()
        with self.book.write() as conn:
            client_id = q.loan_owner(conn, loan_id)
            if client_id is None:
                raise LoanRecordNotFound(LOAN_NOT_FOUND.with_(id=loan_id))
            q.set_loan_deleted(conn, loan_id, when)
            moved, thanked = follow_client_status(conn, [client_id], now)
        topics = {Topic.LOAN} | ({Topic.CLIENT} if moved else set())
        topics |= {Topic.REFERRAL_THANKS} if thanked else set()
        self.book.changes.publish(topics, [client_id], initiator)

    def save_products(self, products: Iterable[str]) -> builtins.list[str]:
        """Keep the product list the loan form offers (trimmed, without repeats, in order)."""
        clean = list(dict.fromkeys(p.strip() for p in products if p.strip()))
        if not clean:
            raise refuse("products", PRODUCTS_EMPTY)
        with self.book.write() as conn:
            write_json(conn, q.PRODUCTS_KEY, clean)
        self.book.changes.publish(Topic.LOAN)
        return clean
