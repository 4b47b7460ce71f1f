"""The repayment calculator: a schedule per repayment method, its totals, and the annual rate
as the law asks. Pure domain code: no Qt, no SQL, money in ``Decimal`` throughout.

Conventions, as bank ledgers do it:

- the monthly rate is the annual rate / 12 and is never pre-rounded (34 significant digits);
- every posted amount is rounded half-up (四舍五入) to the fen by :func:`fen`; never Python's
  ``round``, which rounds half to even (500.005 would post as 500.00 instead of 500.01);
- the last row takes whatever principal remains, so the principal column sums to the amount
  exactly and the balance ends at 0.00.

The annual rate shown to the client follows PBOC 公告〔2021〕第3号: the internal rate of return
of the client's cash flows, with fees taken at disbursement (the client receives amount − fee
and pays the schedule), shown as monthly IRR × 12 (``apr``) and, labelled, compounded
((1 + IRR)^12 − 1, ``apr_compound``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

from crm.domain.errors import FieldError, ValidationErrors
from crm.domain.loan_enums import RepaymentMethod
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg

FEN = Decimal("0.01")
RATE_PLACES = Decimal("0.0001")  # rates are shown in percent with four decimals
MAX_AMOUNT = Decimal(100_000_000)
MAX_MONTHS = 360
LEGAL_CEILING = Decimal(36)  # percent a year: the ceiling for protected lending
# Beyond any warning: no lender quotes this, it is a typo (and keeps every figure well inside
# the 34 digits of the context below).
ABSURD_RATE = Decimal(1000)

# Enough digits that (1 + r)^360 and r = annual / 1200 carry no visible error.
_CTX = Context(prec=34, rounding=ROUND_HALF_UP)
_ZERO = Decimal("0.00")

AMOUNT_NOT_NUMBER = QT_TRANSLATE_NOOP("Loans", "The amount must be a number.")
AMOUNT_NOT_POSITIVE = QT_TRANSLATE_NOOP("Loans", "The amount must be more than 0.")
AMOUNT_TOO_LARGE = QT_TRANSLATE_NOOP("Loans", "The amount must be at most 100,000,000.")
AMOUNT_FEN = QT_TRANSLATE_NOOP("Loans", "The amount is in yuan and fen: at most two decimals.")
RATE_NOT_NUMBER = QT_TRANSLATE_NOOP("Loans", "The rate must be a number.")
RATE_NOT_POSITIVE = QT_TRANSLATE_NOOP("Loans", "The rate must be more than 0.")
RATE_ABSURD = QT_TRANSLATE_NOOP("Loans", "The rate must be at most 1000% a year.")
#: A rate with more decimals than any quote has; it also keeps (1 + r)^n − 1 away from 0 in
#: the 34-digit context (a rate of 1e-40 divided by zero).
RATE_PLACES_MAX = 6
RATE_TOO_PRECISE = QT_TRANSLATE_NOOP(
    "Loans", "Give the rate with at most 6 decimals (for example 4.35)."
)
RATE_ABOVE_CEILING = QT_TRANSLATE_NOOP(
    "Loans", "The rate is above 36% a year, the legal ceiling for protected lending."
)
TERM_OUT_OF_RANGE = QT_TRANSLATE_NOOP("Loans", "The term must be 1 to 360 months.")
FEE_NOT_NUMBER = QT_TRANSLATE_NOOP("Loans", "The fee must be a number.")
FEE_NEGATIVE = QT_TRANSLATE_NOOP("Loans", "The fee cannot be negative.")
FEE_NOT_BELOW_AMOUNT = QT_TRANSLATE_NOOP("Loans", "The fee must be less than the amount.")
FEE_FEN = QT_TRANSLATE_NOOP("Loans", "The fee is in yuan and fen: at most two decimals.")


def fen(value: Decimal) -> Decimal:
    """``value`` rounded half-up (四舍五入) to the fen, the way a ledger posts it."""
    # Positional arguments: keywords cost three times as much on this hot path.
    return value.quantize(FEN, ROUND_HALF_UP, _CTX)


def annual_from_monthly(monthly_percent: Decimal) -> Decimal:
    """月息 % → annual %: the monthly rate × 12 (月息 0.5% is 6% a year)."""
    return monthly_percent * 12


@dataclass(frozen=True, slots=True)
class LoanTerms:
    """What the client asks about. Rates are in percent: ``Decimal("4.35")`` is 4.35% a year."""

    amount: Decimal
    annual_rate: Decimal
    months: int
    method: RepaymentMethod = RepaymentMethod.EQUAL_INSTALMENT
    fee: Decimal = _ZERO  # taken at disbursement: the client receives amount − fee


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    """One posting: ``payment`` = ``principal`` + ``interest``; ``balance`` is what remains."""

    period: int  # month number, 1 = one month after disbursement
    payment: Decimal
    principal: Decimal
    interest: Decimal
    balance: Decimal


@dataclass(frozen=True, slots=True)
class RepaymentPlan:
    """A calculated schedule with its totals and annual rates (percent, four decimals)."""

    terms: LoanTerms
    schedule: tuple[ScheduleRow, ...]
    total_interest: Decimal
    total_repayment: Decimal  # the schedule's payments (the fee is not in it)
    apr: Decimal  # monthly IRR × 12, percent
    apr_compound: Decimal  # (1 + monthly IRR)^12 − 1, percent
    warnings: tuple[Msg, ...] = ()

    @property
    def method(self) -> RepaymentMethod:
        return self.terms.method

    @property
    def fee(self) -> Decimal:
        return fen(self.terms.fee)

    @property
    def amount(self) -> Decimal:
        return fen(self.terms.amount)

    @property
    def total_cost(self) -> Decimal:
        """What borrowing costs the client: interest plus the fee."""
        return self.total_interest + self.fee


# --- validation ---------------------------------------------------------------------------


def validate(terms: LoanTerms, *, allow_high_rate: bool = False) -> tuple[Msg, ...]:
    """Refuse what no loan can be, every field at once (:class:`ValidationErrors`).

    A rate above 36% a year is refused unless ``allow_high_rate`` (the calculator, answering a
    walk-in's question), which gets it back as a warning instead.
    """
    errors: list[FieldError] = []
    warnings: list[Msg] = []
    amount_ok = _check_money(errors, "amount", terms.amount, AMOUNT_NOT_NUMBER, AMOUNT_FEN)
    if amount_ok:
        if terms.amount <= 0:
            errors.append(FieldError("amount", AMOUNT_NOT_POSITIVE))
            amount_ok = False
        elif terms.amount > MAX_AMOUNT:
            errors.append(FieldError("amount", AMOUNT_TOO_LARGE))
            amount_ok = False
    rate = terms.annual_rate
    if not rate.is_finite():
        errors.append(FieldError("rate", RATE_NOT_NUMBER))
    elif rate <= 0:
        errors.append(FieldError("rate", RATE_NOT_POSITIVE))
    elif -rate.normalize().as_tuple().exponent > RATE_PLACES_MAX:  # type: ignore[operator]
        errors.append(FieldError("rate", RATE_TOO_PRECISE))
    elif rate > ABSURD_RATE:
        errors.append(FieldError("rate", RATE_ABSURD))
    elif rate > LEGAL_CEILING:
        if allow_high_rate:
            warnings.append(RATE_ABOVE_CEILING)
        else:
            errors.append(FieldError("rate", RATE_ABOVE_CEILING))
    if isinstance(terms.months, bool) or not 1 <= terms.months <= MAX_MONTHS:
        errors.append(FieldError("months", TERM_OUT_OF_RANGE))
    if _check_money(errors, "fee", terms.fee, FEE_NOT_NUMBER, FEE_FEN):
        if terms.fee < 0:
            errors.append(FieldError("fee", FEE_NEGATIVE))
        elif amount_ok and terms.fee >= terms.amount:
            errors.append(FieldError("fee", FEE_NOT_BELOW_AMOUNT))
    if errors:
        raise ValidationErrors(errors)
    return tuple(warnings)


def _check_money(
    errors: list[FieldError], field: str, value: Decimal, not_number: Msg, not_fen: Msg
) -> bool:
    if not value.is_finite():
        errors.append(FieldError(field, not_number))
        return False
    # Compare only what fits the context: a value too large for it is refused by its range.
    if abs(value) <= MAX_AMOUNT and fen(value) != value:
        errors.append(FieldError(field, not_fen))
        return False
    return True


# --- schedules ----------------------------------------------------------------------------
# Each builder runs inside the 34-digit context and receives the amount already in fen, the
# unrounded monthly rate r and the number of months n.

Builder = Callable[[Decimal, Decimal, int], list[ScheduleRow]]


def _equal_instalment(amount: Decimal, r: Decimal, n: int) -> list[ScheduleRow]:
    """等额本息: instalment P·r·(1+r)^n / ((1+r)^n − 1), rounded once; interest on the running
    balance; the last row pays the remaining balance plus its interest."""
    growth = (1 + r) ** n
    instalment = fen(amount * r * growth / (growth - 1))
    rows: list[ScheduleRow] = []
    balance = amount
    for period in range(1, n + 1):
        interest = fen(balance * r)
        # min(): a loan of a few fen over many months must not repay more than it owes.
        principal = balance if period == n else min(instalment - interest, balance)
        balance -= principal
        rows.append(ScheduleRow(period, principal + interest, principal, interest, balance))
    return rows


def _equal_principal(amount: Decimal, r: Decimal, n: int) -> list[ScheduleRow]:
    """等额本金: principal amount / n rounded, the last row the remainder; interest on the
    running balance."""
    return _principal_shares(amount, n, lambda balance: fen(balance * r))


def _flat(amount: Decimal, r: Decimal, n: int) -> list[ScheduleRow]:
    """等本等息: principal as in equal principal, but interest on the ORIGINAL amount every
    month (what consumer products quote as 月息)."""
    interest = fen(amount * r)
    return _principal_shares(amount, n, lambda _balance: interest)


def _principal_shares(
    amount: Decimal, n: int, interest_on: Callable[[Decimal], Decimal]
) -> list[ScheduleRow]:
    share = fen(amount / n)
    rows: list[ScheduleRow] = []
    balance = amount
    for period in range(1, n + 1):
        interest = interest_on(balance)
        principal = balance if period == n else min(share, balance)
        balance -= principal
        rows.append(ScheduleRow(period, principal + interest, principal, interest, balance))
    return rows


def _interest_first(amount: Decimal, r: Decimal, n: int) -> list[ScheduleRow]:
    """先息后本: interest on the full amount every month, the principal with the last."""
    interest = fen(amount * r)
    rows = [ScheduleRow(p, interest, _ZERO, interest, amount) for p in range(1, n)]
    rows.append(ScheduleRow(n, amount + interest, amount, interest, _ZERO))
    return rows


def _bullet(amount: Decimal, r: Decimal, n: int) -> list[ScheduleRow]:
    """到期一次还本付息: simple interest by months (P × r × n, rounded once), paid with the
    principal at maturity.

    ONE row, period n, as a bank statement shows it: months in which nothing falls due are
    not postings. (The IRR places it at month n all the same.)
    """
    interest = fen(amount * r * n)
    return [ScheduleRow(n, amount + interest, amount, interest, _ZERO)]


_BUILDERS: dict[RepaymentMethod, Builder] = {
    RepaymentMethod.EQUAL_INSTALMENT: _equal_instalment,
    RepaymentMethod.EQUAL_PRINCIPAL: _equal_principal,
    RepaymentMethod.INTEREST_FIRST: _interest_first,
    RepaymentMethod.BULLET: _bullet,
    RepaymentMethod.FLAT: _flat,
}


def calculate(terms: LoanTerms, *, allow_high_rate: bool = False) -> RepaymentPlan:
    """The schedule, totals and annual rates of ``terms``; raises :class:`ValidationErrors`."""
    warnings = validate(terms, allow_high_rate=allow_high_rate)
    return _plan(terms, warnings)


def compare_methods(
    terms: LoanTerms, *, allow_high_rate: bool = False
) -> dict[RepaymentMethod, RepaymentPlan]:
    """Every method for the same amount, rate, term and fee (``terms.method`` is ignored), in
    the enum's order: the difference between methods side by side."""
    warnings = validate(terms, allow_high_rate=allow_high_rate)
    return {m: _plan(replace(terms, method=m), warnings) for m in RepaymentMethod}


def _plan(terms: LoanTerms, warnings: tuple[Msg, ...]) -> RepaymentPlan:
    with localcontext(_CTX):
        amount = fen(terms.amount)
        rows = _BUILDERS[terms.method](amount, terms.annual_rate / 1200, terms.months)
        total_interest = sum((row.interest for row in rows), _ZERO)
        total_repayment = sum((row.payment for row in rows), _ZERO)
        flows = cash_flows(amount - fen(terms.fee), rows)
    apr, apr_compound = annual_rates(irr(flows))
    return RepaymentPlan(
        terms, tuple(rows), total_interest, total_repayment, apr, apr_compound, warnings
    )


# --- the annual rate (PBOC 公告〔2021〕第3号) ----------------------------------------------


def cash_flows(received: Decimal, rows: Sequence[ScheduleRow]) -> list[Decimal]:
    """Month by month, from the lender's side: −received at month 0, then what falls due
    (zero in months with no posting)."""
    last = max((row.period for row in rows), default=0)
    flows = [_ZERO] * (last + 1)
    flows[0] = -received
    for row in rows:
        flows[row.period] += row.payment
    return flows


def irr(flows: Sequence[Decimal | float]) -> float:
    """The monthly internal rate of return of ``flows`` (``flows[t]`` falls at month t).

    ``flows[0]`` must be negative (the money lent) and the rest not negative with at least one
    positive: then exactly one rate makes the present value zero. Solved in the discount
    factor v = 1 / (1 + i), where the present value Σ flows[t]·v^t is a polynomial, increasing
    and convex in v > 0: Newton's method (Horner for the value and slope), kept inside a
    bracket that always holds the root and falling back to bisection whenever a step leaves
    it. Float is enough: the result is a displayed rate, correct to ~1e-15.
    """
    coeffs = [float(c) for c in flows]
    if len(coeffs) < 2 or not coeffs[0] < 0 or min(coeffs[1:]) < 0 or max(coeffs[1:]) <= 0:
        raise ValueError("irr needs an outflow at month 0 followed by inflows")
    at_par = _present_value(coeffs, 1.0)[0]
    if at_par == 0:  # repaid exactly what was lent
        return 0.0
    lo, hi = 0.0, 1.0
    if at_par < 0:  # repaid less than lent: a negative rate, v > 1
        hi = 2.0
        while _present_value(coeffs, hi)[0] < 0:
            lo, hi = hi, hi * 2
    # Start where one payment of everything at the flows' mean time would put the root: exact
    # for a bullet, within a few iterations of the root for a spread-out schedule.
    inflow = sum(coeffs[1:])
    mean_time = sum(t * c for t, c in enumerate(coeffs)) / inflow
    v = (-coeffs[0] / inflow) ** (1 / mean_time)
    if not lo < v < hi:
        v = (lo + hi) / 2
    for _ in range(200):
        value, slope = _present_value(coeffs, v)
        if value == 0:
            break
        if value < 0:
            lo = v
        else:
            hi = v
        step = value / slope if slope > 0 else math.inf
        if abs(step) <= 1e-15 * v:  # converged (the step may no longer move v at all)
            v -= step
            break
        v = v - step if lo < v - step < hi else (lo + hi) / 2
        if hi - lo <= 1e-15 * hi:
            break
    return 1 / v - 1


def _present_value(coeffs: list[float], v: float) -> tuple[float, float]:
    """Σ c_t·v^t and its derivative in v, by Horner's rule."""
    value = 0.0
    slope = 0.0
    for c in reversed(coeffs):
        slope = slope * v + value
        value = value * v + c
    return value, slope


def annual_rates(monthly_irr: float) -> tuple[Decimal, Decimal]:
    """(monthly IRR × 12, (1 + IRR)^12 − 1), both in percent rounded half-up to 4 decimals."""
    with localcontext(_CTX) as ctx:
        simple = Decimal(monthly_irr) * 1200
        compound = Decimal(math.expm1(12 * math.log1p(monthly_irr))) * 100
        # A fee near the whole amount gives a rate with more integer digits than the context
        # holds; quantizing it needs room for them and the four decimals.
        ctx.prec = max(ctx.prec, simple.adjusted() + 8, compound.adjusted() + 8)
        return simple.quantize(RATE_PLACES), compound.quantize(RATE_PLACES)
