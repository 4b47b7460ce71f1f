"""`crm calc`: the repayment calculator. Needs no book: a walk-in's question opens nothing."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from crm.commands.base import CliContext, CommandError, add_json_flag
from crm.domain.errors import ValidationErrors
from crm.domain.loan_enums import RepaymentMethod
from crm.domain.loan_math import LoanTerms, RepaymentPlan, annual_from_monthly, calculate
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg

_METHODS = "|".join(m.value for m in RepaymentMethod)

NOT_A_NUMBER = QT_TRANSLATE_NOOP("cli", "{option} {value!r} is not a number.")
NOT_WHOLE_MONTHS = QT_TRANSLATE_NOOP("cli", "--months {value!r} is not a whole number of months.")
UNKNOWN_METHOD = QT_TRANSLATE_NOOP("cli", "Unknown method {value!r}: use one of {choices}.")
WARNING = QT_TRANSLATE_NOOP("cli", "warning: {text}")
HEADLINE = QT_TRANSLATE_NOOP("cli", "{method}: {amount} over {months} months at {rate}% a year")
_COLUMNS = (
    QT_TRANSLATE_NOOP("cli", "Period"),
    QT_TRANSLATE_NOOP("cli", "Payment"),
    QT_TRANSLATE_NOOP("cli", "Principal"),
    QT_TRANSLATE_NOOP("cli", "Interest"),
    QT_TRANSLATE_NOOP("cli", "Balance"),
)
FEE = QT_TRANSLATE_NOOP("cli", "Fee (taken at disbursement)")
TOTAL_INTEREST = QT_TRANSLATE_NOOP("cli", "Total interest")
TOTAL_REPAYMENT = QT_TRANSLATE_NOOP("cli", "Total repayment")
APR = QT_TRANSLATE_NOOP("cli", "Annual rate (monthly IRR × 12)")
APR_COMPOUND = QT_TRANSLATE_NOOP("cli", "Annual rate, compounded monthly")


def _number(option: str, value: str) -> Decimal:
    try:
        number = Decimal(value.strip().replace(",", ""))
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite():
        raise CommandError(NOT_A_NUMBER.with_(option=option, value=value))
    return number


def _months(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise CommandError(NOT_WHOLE_MONTHS.with_(value=value)) from None


def _method(value: str) -> RepaymentMethod:
    try:
        return RepaymentMethod(value)
    except ValueError:
        raise CommandError(
            UNKNOWN_METHOD.with_(value=value, choices=", ".join(RepaymentMethod))
        ) from None


def _terms(args: argparse.Namespace) -> LoanTerms:
    if args.rate is not None:
        annual = _number("--rate", args.rate)
    else:
        annual = annual_from_monthly(_number("--monthly-rate", args.monthly_rate))
    return LoanTerms(
        amount=_number("--principal", args.principal),
        annual_rate=annual,
        months=_months(args.months),
        method=_method(args.method),
        fee=_number("--fee", args.fee),
    )


def cmd_calc(args: argparse.Namespace, ctx: CliContext) -> int:
    terms = _terms(args)
    try:
        # The calculator answers questions: above 36% it warns instead of refusing.
        plan = calculate(terms, allow_high_rate=True)
    except ValidationErrors as exc:
        raise CommandError("; ".join(ctx.text(e.message) for e in exc.errors)) from None
    for warning in plan.warnings:
        print(f"crm: {ctx.text(WARNING.with_(text=ctx.text(warning)))}", file=sys.stderr)
    if ctx.json:
        ctx.print_json(_as_json(plan, ctx))
    else:
        _print_table(plan, ctx)
    return 0


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


def _rate(value: Decimal) -> str:
    return f"{value:.4f}"


def _as_json(plan: RepaymentPlan, ctx: CliContext) -> dict[str, Any]:
    return {
        "method": plan.method.value,
        "principal": _money(plan.amount),
        "annual_rate": _rate(plan.terms.annual_rate),
        "months": plan.terms.months,
        "fee": _money(plan.fee),
        "schedule": [
            {
                "period": row.period,
                "payment": _money(row.payment),
                "principal": _money(row.principal),
                "interest": _money(row.interest),
                "balance": _money(row.balance),
            }
            for row in plan.schedule
        ],
        "total_interest": _money(plan.total_interest),
        "total_repayment": _money(plan.total_repayment),
        "apr": _rate(plan.apr),
        "apr_compound": _rate(plan.apr_compound),
        "warnings": [ctx.text(w) for w in plan.warnings],
    }


def _width(text: str) -> int:
    """Columns on a terminal: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _right(text: str, width: int) -> str:
    return " " * max(0, width - _width(text)) + text


def _left(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _print_table(plan: RepaymentPlan, ctx: CliContext) -> None:
    ctx.print(
        ctx.text(
            HEADLINE.with_(
                method=ctx.text(plan.method.label),
                amount=f"{plan.amount:,.2f}",
                months=plan.terms.months,
                rate=_rate(plan.terms.annual_rate),
            )
        )
    )
    ctx.print()
    headers = [ctx.text(c) for c in _COLUMNS]
    cells = [
        [str(r.period), *(f"{v:,.2f}" for v in (r.payment, r.principal, r.interest, r.balance))]
        for r in plan.schedule
    ]
    widths = [max(_width(col[i]) for col in [headers, *cells]) for i in range(len(headers))]
    for line in [headers, *cells]:
        ctx.print("  ".join(_right(cell, w) for cell, w in zip(line, widths, strict=True)))
    ctx.print()
    totals: list[tuple[Msg, str]] = [
        (FEE, f"{plan.fee:,.2f}"),
        (TOTAL_INTEREST, f"{plan.total_interest:,.2f}"),
        (TOTAL_REPAYMENT, f"{plan.total_repayment:,.2f}"),
        (APR, f"{_rate(plan.apr)}%"),
        (APR_COMPOUND, f"{_rate(plan.apr_compound)}%"),
    ]
    labels = [ctx.text(label) for label, _ in totals]
    label_width = max(_width(label) for label in labels)
    value_width = max(_width(value) for _, value in totals)
    for label, (_, value) in zip(labels, totals, strict=True):
        ctx.print(f"{_left(label, label_width)}  {_right(value, value_width)}")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "calc",
        help="repayment schedule, totals and the true annual rate of a loan (no book needed)",
    )
    p.add_argument("--principal", required=True, metavar="AMOUNT", help="amount lent, in yuan")
    rate = p.add_mutually_exclusive_group(required=True)
    rate.add_argument("--rate", metavar="PERCENT", help="annual rate in percent, e.g. 4.35")
    rate.add_argument(
        "--monthly-rate", metavar="PERCENT", help="月息 in percent a month, e.g. 0.5 (= 6%% a year)"
    )
    p.add_argument("--months", required=True, metavar="N", help="term in months (1 to 360)")
    p.add_argument("--method", required=True, metavar=_METHODS, help="repayment method")
    p.add_argument(
        "--fee", default="0", metavar="AMOUNT", help="fee taken at disbursement (default 0)"
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_calc)

    # The loan book's commands (need, needs, loan, loans) live beside; imported here so the
    # command list stays one module per area.
    from crm.commands import loan_records

    loan_records.register(sub)
