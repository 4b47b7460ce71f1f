"""`crm loan show` and `crm loans`: a loan with its schedule and history, the loan book.

Money in ``--json`` is a string with two decimals, rates four (like `crm calc`).
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

from crm.commands.base import CliContext
from crm.commands.loan_records import (
    _client,
    _iso,
    _opt_money,
    _status,
    _whole,
)
from crm.commands.loans import (
    _COLUMNS,
    APR,
    APR_COMPOUND,
    FEE,
    TOTAL_INTEREST,
    TOTAL_REPAYMENT,
    _left,
    _money,
    _rate,
    _right,
    _width,
)
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg

if TYPE_CHECKING:
    from crm.services.loan_views import LoanDetail, LoanRow

LOAN_HEADLINE = QT_TRANSLATE_NOOP("cli", "Loan {id} · {client} · {product} · {status}")
NO_LOANS = QT_TRANSLATE_NOOP("cli", "No loans.")
_FIELDS = {
    "amount": QT_TRANSLATE_NOOP("cli", "Amount"),
    "rate": QT_TRANSLATE_NOOP("cli", "Rate"),
    "method": QT_TRANSLATE_NOOP("cli", "Method"),
    "term": QT_TRANSLATE_NOOP("cli", "Term"),
    "applied": QT_TRANSLATE_NOOP("cli", "Applied"),
    "disbursed": QT_TRANSLATE_NOOP("cli", "Disbursed"),
    "maturity": QT_TRANSLATE_NOOP("cli", "Maturity"),
    "day": QT_TRANSLATE_NOOP("cli", "Repayment day"),
    "auto_debit": QT_TRANSLATE_NOOP("cli", "Auto-debit"),
    "purpose": QT_TRANSLATE_NOOP("cli", "Purpose"),
    "guarantor": QT_TRANSLATE_NOOP("cli", "Guarantor"),
    "collateral": QT_TRANSLATE_NOOP("cli", "Collateral"),
    "renews": QT_TRANSLATE_NOOP("cli", "Renews loan"),
    "overdue": QT_TRANSLATE_NOOP("cli", "Overdue since"),
    "balance": QT_TRANSLATE_NOOP("cli", "Balance today"),
    "next": QT_TRANSLATE_NOOP("cli", "Next repayment"),
}
MONTHS = QT_TRANSLATE_NOOP("cli", "{n} months")
A_YEAR = QT_TRANSLATE_NOOP("cli", "{rate}% a year")
A_MONTH = QT_TRANSLATE_NOOP("cli", "{rate}% a month ({annual}% a year)")
YES, NO = QT_TRANSLATE_NOOP("cli", "yes"), QT_TRANSLATE_NOOP("cli", "no")
DUE = QT_TRANSLATE_NOOP("cli", "Due")
HISTORY = QT_TRANSLATE_NOOP("cli", "History")
IN_DAYS = QT_TRANSLATE_NOOP("cli", "{n} d")


def cmd_loan_show(args: argparse.Namespace, ctx: CliContext) -> int:
    loan_id = _whole("LOAN_ID", args.loan)
    assert loan_id is not None
    detail = ctx.services.loans.get(loan_id)
    if ctx.json:
        ctx.print_json(_detail_json(detail, ctx.clock.today()))
    else:
        _print_detail(detail, ctx)
    return 0


def _row_json(r: LoanRow, today: dt.date) -> dict[str, Any]:
    return {
        "id": r.id,
        "client_id": r.client_id,
        "client": r.client_name,
        "product": r.product,
        "amount": _money(r.amount),
        "annual_rate": _rate(r.annual_rate),
        "rate_quoted_as": r.rate_quoted_as,
        "quoted_rate": _rate(r.quoted_rate),
        "fee": _money(r.fee),
        "months": r.months,
        "method": r.method.value,
        "status": r.status.value,
        "applied_on": _iso(r.applied_on),
        "disbursed_on": _iso(r.disbursed_on),
        "repayment_day": r.repayment_day,
        "maturity_on": _iso(r.maturity_on),
        "days_to_maturity": r.days_to_maturity(today) if r.status.running else None,
        "auto_debit": r.auto_debit,
        "purpose": r.purpose,
        "guarantor": r.guarantor,
        "collateral": r.collateral,
        "renewal_of_id": r.renewal_of_id,
        "overdue_since": _iso(r.overdue_since),
        "overdue_amount": _opt_money(r.overdue_amount),
        "note": r.note,
    }


def _detail_json(d: LoanDetail, today: dt.date) -> dict[str, Any]:
    s = d.standing
    plan = d.plan
    dates: list[dt.date | None] = [*d.due_dates] or [None] * len(plan.schedule)
    return {
        **_row_json(d.row, today),
        "standing": {
            "balance": _money(s.balance),
            "periods_paid": s.periods_paid,
            "next_due": _iso(s.next_due),
            "next_payment": _opt_money(s.next_payment),
            "maturity": _iso(s.maturity),
            "days_to_maturity": s.days_to_maturity,
        },
        "schedule": [
            {
                "period": row.period,
                "due": _iso(due),
                "payment": _money(row.payment),
                "principal": _money(row.principal),
                "interest": _money(row.interest),
                "balance": _money(row.balance),
            }
            for row, due in zip(plan.schedule, dates, strict=True)
        ],
        "total_interest": _money(plan.total_interest),
        "total_repayment": _money(plan.total_repayment),
        "apr": _rate(plan.apr),
        "apr_compound": _rate(plan.apr_compound),
        "history": [
            {
                "status": e.status.value,
                "on": e.on.isoformat(),
                "maturity_on": _iso(e.maturity_on),
                "amount": _opt_money(e.amount),
                "note": e.note,
            }
            for e in d.history
        ],
        "renewed_by": list(d.renewed_by),
    }


def _print_detail(d: LoanDetail, ctx: CliContext) -> None:
    r, s, plan = d.row, d.standing, d.plan
    t = ctx.text
    ctx.print(
        t(
            LOAN_HEADLINE.with_(
                id=r.id, client=r.client_name, product=r.product, status=t(r.status.label)
            )
        )
    )
    if r.rate_quoted_as == "monthly":
        rate = A_MONTH.with_(rate=_rate(r.quoted_rate), annual=_rate(r.annual_rate))
    else:
        rate = A_YEAR.with_(rate=_rate(r.annual_rate))
    fields: list[tuple[Msg, str | None]] = [
        (_FIELDS["amount"], f"{r.amount:,.2f}"),
        (_FIELDS["rate"], t(rate)),
        (_FIELDS["method"], t(r.method.label)),
        (_FIELDS["term"], t(MONTHS.with_(n=r.months))),
        (FEE, f"{r.fee:,.2f}" if r.fee else None),
        (_FIELDS["applied"], _iso(r.applied_on)),
        (_FIELDS["disbursed"], _iso(r.disbursed_on)),
        (_FIELDS["maturity"], _iso(r.maturity_on)),
        (_FIELDS["day"], str(r.repayment_day) if r.repayment_day else None),
        (_FIELDS["auto_debit"], t(YES if r.auto_debit else NO)),
        (_FIELDS["purpose"], r.purpose or None),
        (_FIELDS["guarantor"], r.guarantor or None),
        (_FIELDS["collateral"], r.collateral or None),
        (_FIELDS["renews"], str(r.renewal_of_id) if r.renewal_of_id else None),
        (
            _FIELDS["overdue"],
            f"{r.overdue_since} ({r.overdue_amount:,.2f})"
            if r.overdue_since and r.overdue_amount is not None
            else _iso(r.overdue_since),
        ),
    ]
    if r.status.running:
        fields.append((_FIELDS["balance"], f"{s.balance:,.2f}"))
        if s.next_due and s.next_payment is not None:
            fields.append((_FIELDS["next"], f"{s.next_due}  {s.next_payment:,.2f}"))
    _print_pairs(ctx, [(t(label), value) for label, value in fields if value])
    ctx.print()
    headers = [t(DUE), *(t(c) for c in _COLUMNS)]
    dates = [d.isoformat() for d in d.due_dates] or [""] * len(plan.schedule)
    cells = [
        [due, str(row.period),
         *(f"{v:,.2f}" for v in (row.payment, row.principal, row.interest, row.balance))]
        for row, due in zip(plan.schedule, dates, strict=True)
    ]  # fmt: skip
    widths = [max(_width(col[i]) for col in [headers, *cells]) for i in range(len(headers))]
    for line in [headers, *cells]:
        ctx.print("  ".join(_right(cell, w) for cell, w in zip(line, widths, strict=True)))
    ctx.print()
    _print_pairs(
        ctx,
        [
            (t(TOTAL_INTEREST), f"{plan.total_interest:,.2f}"),
            (t(TOTAL_REPAYMENT), f"{plan.total_repayment:,.2f}"),
            (t(APR), f"{_rate(plan.apr)}%"),
            (t(APR_COMPOUND), f"{_rate(plan.apr_compound)}%"),
        ],
    )
    ctx.print()
    ctx.print(t(HISTORY))
    for e in d.history:
        extra = [x for x in (_iso(e.maturity_on), _opt_money(e.amount), e.note) if x]
        ctx.print("  ".join([e.on.isoformat(), t(e.status.label), *extra]))


def _print_pairs(ctx: CliContext, pairs: list[tuple[str, str]]) -> None:
    width = max((_width(label) for label, _ in pairs), default=0)
    for label, value in pairs:
        ctx.print(f"{_left(label, width)}  {value}")


def cmd_loans(args: argparse.Namespace, ctx: CliContext) -> int:
    services = ctx.services
    from crm.services.loan_views import LoanFilter

    f = LoanFilter(
        status=_status(args.status) if args.status else None,
        product=args.product,
        maturing_within_days=_whole("--maturing-within", args.maturing_within),
        client_id=_client(ctx, args.client) if args.client else None,
        limit=_whole("--limit", args.limit),
    )
    rows = services.loans.list(f)
    today = ctx.clock.today()
    if ctx.json:
        ctx.print_json([_row_json(r, today) for r in rows])
        return 0
    if not rows:
        ctx.print(ctx.text(NO_LOANS))
        return 0
    cells = []
    for r in rows:
        days = r.days_to_maturity(today) if r.status.running else None
        cells.append(
            [
                str(r.id),
                r.client_name,
                r.product,
                f"{r.amount:,.2f}",
                ctx.text(r.status.label),
                _iso(r.maturity_on) or "",
                ctx.text(IN_DAYS.with_(n=days)) if days is not None else "",
            ]
        )
    widths = [max(_width(row[i]) for row in cells) for i in range(len(cells[0]))]
    for row in cells:
        parts = [_right(row[0], widths[0]), _left(row[1], widths[1]), _left(row[2], widths[2]),
                 _right(row[3], widths[3]), _left(row[4], widths[4]), row[5],
                 _right(row[6], widths[6])]  # fmt: skip
        ctx.print("  ".join(parts).rstrip())
    return 0
