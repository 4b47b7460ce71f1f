"""Words and figures the calculator shares: the window, its two tables, the copied summary,
the PDF and the xlsx all say "Total interest" and format money the same way.

Shared texts are :class:`~crm.domain.messages.Msg` constants (context ``LoanCalculator``),
rendered in the interface language when used; texts of one widget stay ``self.tr()`` there.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Context, Decimal

from crm.domain.loan_enums import RepaymentMethod
from crm.domain.loan_math import RepaymentPlan
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg
from crm.services.loan_documents import ScheduleLabels
from crm.ui.i18n import render

PERIOD = QT_TRANSLATE_NOOP("LoanCalculator", "Period")
PAYMENT = QT_TRANSLATE_NOOP("LoanCalculator", "Payment")
PRINCIPAL = QT_TRANSLATE_NOOP("LoanCalculator", "Principal")
INTEREST = QT_TRANSLATE_NOOP("LoanCalculator", "Interest")
BALANCE = QT_TRANSLATE_NOOP("LoanCalculator", "Balance")
TOTAL = QT_TRANSLATE_NOOP("LoanCalculator", "Total")
METHOD = QT_TRANSLATE_NOOP("LoanCalculator", "Repayment method")
FIRST_PAYMENT = QT_TRANSLATE_NOOP("LoanCalculator", "First payment")
LAST_PAYMENT = QT_TRANSLATE_NOOP("LoanCalculator", "Last payment")
MONTHLY_PAYMENT = QT_TRANSLATE_NOOP("LoanCalculator", "Monthly payment")
AT_MATURITY = QT_TRANSLATE_NOOP("LoanCalculator", "Paid at maturity")
AMOUNT = QT_TRANSLATE_NOOP("LoanCalculator", "Loan amount")
ANNUAL_RATE = QT_TRANSLATE_NOOP("LoanCalculator", "Nominal annual rate")
MONTHLY_RATE = QT_TRANSLATE_NOOP("LoanCalculator", "Monthly rate (月息)")
TERM = QT_TRANSLATE_NOOP("LoanCalculator", "Term")
RATE = QT_TRANSLATE_NOOP("LoanCalculator", "Rate")
FEE = QT_TRANSLATE_NOOP("LoanCalculator", "Upfront fee")
TOTAL_INTEREST = QT_TRANSLATE_NOOP("LoanCalculator", "Total interest")
TOTAL_REPAYMENT = QT_TRANSLATE_NOOP("LoanCalculator", "Total repayment")
TOTAL_COST = QT_TRANSLATE_NOOP("LoanCalculator", "Total cost (interest + fee)")
# The two annual rates, long (figures, documents) and short (compare table headers).
APR = QT_TRANSLATE_NOOP("LoanCalculator", "Annual rate, PBOC (monthly IRR × 12)")
APR_COMPOUND = QT_TRANSLATE_NOOP("LoanCalculator", "Annual rate, compounded ((1 + IRR)¹² − 1)")
APR_SHORT = QT_TRANSLATE_NOOP("LoanCalculator", "APR (IRR × 12)")
APR_COMPOUND_SHORT = QT_TRANSLATE_NOOP("LoanCalculator", "Compounded")
TOTAL_COST_SHORT = QT_TRANSLATE_NOOP("LoanCalculator", "Total cost")
MONTHS = QT_TRANSLATE_NOOP("LoanCalculator", "{months} months")
YUAN = QT_TRANSLATE_NOOP("LoanCalculator", "{amount} yuan")
TITLE = QT_TRANSLATE_NOOP("LoanCalculator", "Loan repayment schedule (estimate)")
SHEET = QT_TRANSLATE_NOOP("LoanCalculator", "Repayment schedule")
PREPARED = QT_TRANSLATE_NOOP("LoanCalculator", "Prepared on {date}")
NOTE = QT_TRANSLATE_NOOP(
    "LoanCalculator",
    "These figures are estimates for reference only. The bank's loan contract governs the "
    "actual amounts, dates and rates.",
)
RATE_LINE = QT_TRANSLATE_NOOP("LoanCalculator", "{annual} a year (月息 {monthly})")
ONE_PAYMENT = QT_TRANSLATE_NOOP("LoanCalculator", "month {month}: {amount}")
LAST_DIFFERS = QT_TRANSLATE_NOOP("LoanCalculator", "{amount}; month {month}: {last}")
TIMES = QT_TRANSLATE_NOOP("LoanCalculator", "{amount} × {count}")
FIRST_LAST = QT_TRANSLATE_NOOP("LoanCalculator", "{first} at first, {last} in month {month}")
PAYMENTS = QT_TRANSLATE_NOOP("LoanCalculator", "Payments")
LINE = QT_TRANSLATE_NOOP("LoanCalculator", "{label}: {value}")

_CENT = Decimal("0.01")
_WIDE = Context(prec=60)


def money(value: Decimal) -> str:
    """Yuan with thousands separators and two decimals: 300,000.00."""
    return f"{value:,.2f}"


def yuan(value: Decimal) -> str:
    return render(YUAN.with_(amount=money(value)))


def percent(value: Decimal) -> str:
    """A rate as quoted to a client: two decimals, half-up (12.80%).

    From the domain's four decimals: rounding twice can show 0.01 point more than the exact
    rate in the rare case the dropped digits are exactly 50, well inside the notice's "≈".
    """
    # The domain's own digits: a fee within yuan of the amount makes the compounded rate a
    # 30-digit number, more than the default context holds.
    return f"{value.quantize(_CENT, ROUND_HALF_UP, _WIDE)}%"


def exact_percent(value: Decimal) -> str:
    """A rate the officer typed or one derived from it, without losing digits that matter:
    at least two decimals, at most four (4.35%, 0.3625%, 6.00%)."""
    exponent = value.normalize().as_tuple().exponent
    places = max(2, min(4, -exponent)) if isinstance(exponent, int) else 2
    return f"{value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP, _WIDE)}%"


def months(count: int) -> str:
    return render(MONTHS.with_(months=count))


def payment_summary(plan: RepaymentPlan) -> tuple[Msg, str]:
    """What the client pays, in one line: the title and the figure (a 360-row schedule in
    words). Equal payments say "× n", a different last one is named with its month."""
    rows = plan.schedule
    last = rows[-1]
    if len(rows) == 1:
        return AT_MATURITY, render(ONE_PAYMENT.with_(month=last.period, amount=yuan(last.payment)))
    first = rows[0].payment
    if all(r.payment == first for r in rows[:-1]):
        if last.payment == first:
            return MONTHLY_PAYMENT, render(TIMES.with_(amount=yuan(first), count=len(rows)))
        text = LAST_DIFFERS.with_(amount=yuan(first), month=last.period, last=yuan(last.payment))
        return MONTHLY_PAYMENT, render(text)
    text = FIRST_LAST.with_(first=yuan(first), last=yuan(last.payment), month=last.period)
    return PAYMENTS, render(text)


def rate_line(plan: RepaymentPlan) -> str:
    annual = plan.terms.annual_rate
    return render(RATE_LINE.with_(annual=exact_percent(annual), monthly=exact_percent(annual / 12)))


def summary_text(plan: RepaymentPlan) -> str:
    """The plain-text summary the officer pastes into WeChat: inputs, what to pay, totals and
    both annual rates, and that the contract rules (never the 360 rows)."""
    title, payments = payment_summary(plan)
    lines = [
        (AMOUNT, yuan(plan.amount)),
        (RATE, rate_line(plan)),
        (TERM, months(plan.terms.months)),
        (METHOD, render(plan.method.label)),
        (title, payments),
        (TOTAL_INTEREST, yuan(plan.total_interest)),
        (TOTAL_REPAYMENT, yuan(plan.total_repayment)),
        (FEE, yuan(plan.fee)),
        (TOTAL_COST, yuan(plan.total_cost)),
        (APR, percent(plan.apr)),
        (APR_COMPOUND, percent(plan.apr_compound)),
    ]
    body = [render(LINE.with_(label=render(label), value=value)) for label, value in lines]
    return "\n".join([render(TITLE), *body, render(NOTE)])


def document_labels(plan: RepaymentPlan, prepared: dt.date) -> ScheduleLabels:
    """The texts of the PDF and the xlsx, in the interface language."""
    return ScheduleLabels(
        title=render(TITLE),
        sheet=render(SHEET),
        period=render(PERIOD),
        payment=render(PAYMENT),
        principal=render(PRINCIPAL),
        interest=render(INTEREST),
        balance=render(BALANCE),
        total=render(TOTAL),
        amount=render(AMOUNT),
        annual_rate=render(ANNUAL_RATE),
        monthly_rate=render(MONTHLY_RATE),
        term=render(TERM),
        method=render(METHOD),
        fee=render(FEE),
        total_interest=render(TOTAL_INTEREST),
        total_repayment=render(TOTAL_REPAYMENT),
        total_cost=render(TOTAL_COST),
        apr=render(APR),
        apr_compound=render(APR_COMPOUND),
        note=render(NOTE),
        method_name=render(plan.method.label),
        months=months(plan.terms.months),
        prepared=render(PREPARED.with_(date=prepared.isoformat())),
    )


def method_name(method: RepaymentMethod) -> str:
    return render(method.label)
