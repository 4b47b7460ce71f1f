"""The loan and needs forms as typed (drafts) and as the book keeps them (clean records).

``clean_loan`` and ``clean_need`` refuse every bad field at once (:class:`ValidationErrors`),
each with a one-line message; the calculator's own rules (:func:`loan_math.validate`) apply to
the money and the term, without its allowance for rates above the legal ceiling: a loan on
the book never exceeds 36% a year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from crm.domain.errors import FieldError, ValidationErrors
from crm.domain.loan_calendar import contract_maturity
from crm.domain.loan_enums import RepaymentMethod
from crm.domain.loan_math import FEN, MAX_AMOUNT, LoanTerms, annual_from_monthly, fen, validate
from crm.domain.loan_status import RUNNING, LoanStatus
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg, Translate

MAX_TEXT = 2000
QUOTED_AS = ("annual", "monthly")  # how the rate was quoted: % a year, or 月息 % a month

PRODUCT_REQUIRED = QT_TRANSLATE_NOOP("Loans", "Choose or type the loan product.")
QUOTED_AS_UNKNOWN = QT_TRANSLATE_NOOP("Loans", "The rate is quoted either annual or monthly.")
METHOD_UNKNOWN = QT_TRANSLATE_NOOP("Loans", "Unknown repayment method {value!r}.")
STATUS_UNKNOWN = QT_TRANSLATE_NOOP("Loans", "Unknown loan status {value!r}.")
NEEDS_DISBURSEMENT = QT_TRANSLATE_NOOP(
    "Loans", "A loan that is {status} needs its disbursement date."
)
MATURITY_BEFORE_DISBURSEMENT = QT_TRANSLATE_NOOP(
    "Loans", "The maturity must be after the disbursement date."
)
DISBURSED_BEFORE_APPLIED = QT_TRANSLATE_NOOP(
    "Loans", "The disbursement date cannot be before the application date."
)
STATUS_DATE_TOO_EARLY = QT_TRANSLATE_NOOP(
    "Loans", "The status date cannot be before the disbursement date."
)
REPAYMENT_DAY_RANGE = QT_TRANSLATE_NOOP("Loans", "The repayment day must be 1 to 31.")
OVERDUE_AMOUNT_POSITIVE = QT_TRANSLATE_NOOP(
    "Loans", "The overdue amount must be more than 0, in yuan and fen."
)
OVERDUE_AMOUNT_ONLY = QT_TRANSLATE_NOOP("Loans", "An overdue amount goes with an overdue loan.")
TEXT_TOO_LONG = QT_TRANSLATE_NOOP("Loans", "Keep it under {n} characters.")
PURPOSE_REQUIRED = QT_TRANSLATE_NOOP("Loans", "Write what the client says the money is for.")
NEED_AMOUNT = QT_TRANSLATE_NOOP(
    "Loans", "The amount must be more than 0 and at most 100,000,000, in yuan and fen."
)
NEED_IN_FUTURE = QT_TRANSLATE_NOOP("Loans", "A needs record cannot be dated in the future.")


def to_fen(value: Decimal) -> int:
    """Yuan (at most two decimals, checked before) → whole fen."""
    return int(fen(value) * 100)


def from_fen(value: int) -> Decimal:
    """Whole fen → yuan with two decimals."""
    return Decimal(value).scaleb(-2)


def render(message: Msg, translate: Translate) -> str:
    """A message whose parameters may themselves be messages (a status label): each is
    translated first. Loan messages name statuses this way; render them with this."""
    params = {
        k: render(v, translate) if isinstance(v, Msg) else v for k, v in message.params.items()
    }
    return Msg(message.context, message.text, params).render(translate)


# --- the loan -----------------------------------------------------------------------------


@dataclass
class LoanDraft:
    """The loan form as typed. ``rate`` is in percent as quoted: a year, or a month (月息) when
    ``rate_quoted_as`` is "monthly". Money is ``Decimal`` yuan."""

    product: str
    amount: Decimal
    rate: Decimal
    months: int
    method: RepaymentMethod = RepaymentMethod.EQUAL_INSTALMENT
    rate_quoted_as: str = "annual"
    fee: Decimal = Decimal(0)
    status: LoanStatus = LoanStatus.APPLIED
    applied_on: dt.date | None = None
    disbursed_on: dt.date | None = None
    repayment_day: int | None = None  # None: the disbursement's day of month
    maturity_on: dt.date | None = None  # None: the contract maturity (disbursement + months)
    auto_debit: bool = True
    purpose: str = ""
    guarantor: str = ""
    collateral: str = ""
    renewal_of_id: int | None = None
    note: str = ""
    #: The date of ``status`` for the loan's first history entry. None: the disbursement date
    #: for a disbursed loan, today (not before the disbursement) for extended, overdue and
    #: repaid, the application date or today otherwise.
    status_on: dt.date | None = None
    overdue_amount: Decimal | None = None  # only for a loan added as overdue


@dataclass(frozen=True)
class CleanLoan:
    """A loan as the book keeps it: checked, defaults filled, the rate made annual."""

    product: str
    amount: Decimal
    annual_rate: Decimal
    rate_quoted_as: str
    months: int
    method: RepaymentMethod
    fee: Decimal
    status: LoanStatus
    status_on: dt.date
    applied_on: dt.date | None
    disbursed_on: dt.date | None
    repayment_day: int | None
    maturity_on: dt.date | None
    auto_debit: bool
    purpose: str
    guarantor: str
    collateral: str
    renewal_of_id: int | None
    note: str
    overdue_amount: Decimal | None = None

    @property
    def terms(self) -> LoanTerms:
        return LoanTerms(self.amount, self.annual_rate, self.months, self.method, self.fee)


def clean_loan(draft: LoanDraft, today: dt.date) -> CleanLoan:
    """Check every field of ``draft``; raise :class:`ValidationErrors` or return the record."""
    errors: list[FieldError] = []
    product = draft.product.strip()
    if not product:
        errors.append(FieldError("product", PRODUCT_REQUIRED))
    quoted = draft.rate_quoted_as
    if quoted not in QUOTED_AS:
        errors.append(FieldError("rate_quoted_as", QUOTED_AS_UNKNOWN))
        quoted = "annual"
    annual = annual_from_monthly(draft.rate) if quoted == "monthly" else draft.rate
    method = _enum(errors, "method", RepaymentMethod, draft.method, METHOD_UNKNOWN)
    status = _enum(errors, "status", LoanStatus, draft.status, STATUS_UNKNOWN)
    terms = LoanTerms(
        draft.amount, annual, draft.months, method or RepaymentMethod.EQUAL_INSTALMENT, draft.fee
    )
    try:
        validate(terms)  # a loan on the book never exceeds the legal ceiling
    except ValidationErrors as exc:
        errors += exc.errors
    day = draft.repayment_day
    if day is not None and (isinstance(day, bool) or not 1 <= day <= 31):
        errors.append(FieldError("repayment_day", REPAYMENT_DAY_RANGE))
    disbursed = draft.disbursed_on
    needs_money_out = status is not None and (status in RUNNING or status is LoanStatus.REPAID)
    if status is not None and needs_money_out and disbursed is None:
        errors.append(FieldError("disbursed_on", NEEDS_DISBURSEMENT.with_(status=status.label)))
    if disbursed and draft.applied_on and disbursed < draft.applied_on:
        errors.append(FieldError("disbursed_on", DISBURSED_BEFORE_APPLIED))
    maturity = draft.maturity_on
    if maturity is None and disbursed is not None and not errors:
        maturity = contract_maturity(disbursed, draft.months)
    if maturity is not None and disbursed is not None and maturity <= disbursed:
        errors.append(FieldError("maturity_on", MATURITY_BEFORE_DISBURSEMENT))
    status_on = draft.status_on
    if status_on is not None and disbursed and needs_money_out and status_on < disbursed:
        errors.append(FieldError("status_on", STATUS_DATE_TOO_EARLY))
    overdue = draft.overdue_amount
    if overdue is not None:
        if status is not LoanStatus.OVERDUE:
            errors.append(FieldError("overdue_amount", OVERDUE_AMOUNT_ONLY))
        elif not _fen_amount(overdue):
            errors.append(FieldError("overdue_amount", OVERDUE_AMOUNT_POSITIVE))
    texts = {
        "purpose": draft.purpose.strip(),
        "guarantor": draft.guarantor.strip(),
        "collateral": draft.collateral.strip(),
        "note": draft.note.strip(),
    }
    errors += _long_texts(texts)
    if errors:
        raise ValidationErrors(errors)
    assert status is not None and method is not None
    applied = draft.applied_on
    if applied is None and status is LoanStatus.APPLIED:
        applied = status_on or today
    return CleanLoan(
        product=product,
        amount=fen(draft.amount),
        annual_rate=annual,
        rate_quoted_as=quoted,
        months=draft.months,
        method=method,
        fee=fen(draft.fee),
        status=status,
        status_on=status_on or _status_date(status, applied, disbursed, today),
        applied_on=applied,
        disbursed_on=disbursed,
        repayment_day=day,
        maturity_on=maturity,
        auto_debit=bool(draft.auto_debit),
        renewal_of_id=draft.renewal_of_id,
        overdue_amount=fen(overdue) if overdue is not None else None,
        **texts,
    )


def _status_date(
    status: LoanStatus, applied: dt.date | None, disbursed: dt.date | None, today: dt.date
) -> dt.date:
    if status is LoanStatus.DISBURSED and disbursed is not None:
        return disbursed
    if status in RUNNING or status is LoanStatus.REPAID:
        return max(today, disbursed) if disbursed else today
    return applied or today


E = TypeVar("E", RepaymentMethod, LoanStatus)


def _enum(errors: list[FieldError], name: str, kind: type[E], value: str, message: Msg) -> E | None:
    try:
        return kind(value)
    except ValueError:
        errors.append(FieldError(name, message.with_(value=str(value))))
        return None


def _fen_amount(value: Decimal) -> bool:
    """More than 0, at most the largest loan, whole fen."""
    return value.is_finite() and 0 < value <= MAX_AMOUNT and value == value.quantize(FEN)


def _long_texts(texts: dict[str, str]) -> list[FieldError]:
    return [
        FieldError(name, TEXT_TOO_LONG.with_(n=MAX_TEXT))
        for name, text in texts.items()
        if len(text) > MAX_TEXT
    ]


# --- the needs record ---------------------------------------------------------------------


@dataclass
class NeedDraft:
    """What the client came for. ``timing`` is free text ("2027-03", "春节后"); ``products``
    the products talked about, as the officer writes them."""

    purpose: str
    real_need: str = ""
    amount: Decimal | None = None
    timing: str = ""
    concerns: str = ""
    products: str = ""
    recorded_on: dt.date | None = None  # None: today


@dataclass(frozen=True)
class CleanNeed:
    recorded_on: dt.date
    purpose: str
    real_need: str
    amount: Decimal | None
    timing: str
    concerns: str
    products: str


def clean_need(draft: NeedDraft, today: dt.date) -> CleanNeed:
    errors: list[FieldError] = []
    texts = {
        "purpose": draft.purpose.strip(),
        "real_need": draft.real_need.strip(),
        "timing": draft.timing.strip(),
        "concerns": draft.concerns.strip(),
        "products": draft.products.strip(),
    }
    if not texts["purpose"]:
        errors.append(FieldError("purpose", PURPOSE_REQUIRED))
    if draft.amount is not None and not _fen_amount(draft.amount):
        errors.append(FieldError("amount", NEED_AMOUNT))
    recorded = draft.recorded_on or today
    if recorded > today:
        errors.append(FieldError("recorded_on", NEED_IN_FUTURE))
    errors += _long_texts(texts)
    if errors:
        raise ValidationErrors(errors)
    amount = fen(draft.amount) if draft.amount is not None else None
    return CleanNeed(recorded_on=recorded, amount=amount, **texts)
