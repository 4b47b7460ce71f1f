"""`crm need`, `needs`, `loan add`, `loan status`: the needs record and loan writes; the
parser of every loan-book command (`loan show` and `loans` print from :mod:`loan_show`).

Registered by :func:`crm.commands.loans.register`, beside `crm calc`. CLIENT is an id or a
name that matches one client (ClientService.resolve). Bad input ends in one line, exit 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

from crm.commands.base import CliContext, CommandError, add_json_flag, parse_date
from crm.commands.loans import (
    _method,
    _money,
    _months,
    _number,
)
from crm.domain.errors import ValidationErrors
from crm.domain.loan_enums import RepaymentMethod
from crm.domain.loan_form import LoanDraft, NeedDraft, render
from crm.domain.loan_status import LoanStatus
from crm.domain.messages import QT_TRANSLATE_NOOP

T = TypeVar("T")

_STATUSES = "|".join(s.value for s in LoanStatus)
NOT_WHOLE = QT_TRANSLATE_NOOP("cli", "{option} {value!r} is not a whole number.")
UNKNOWN_STATUS = QT_TRANSLATE_NOOP("cli", "Unknown status {value!r}: use one of {choices}.")
OTHER_CLIENTS_LOAN = QT_TRANSLATE_NOOP("cli", "Loan {id} is not one of {client}'s loans.")
STATUS_NOW = QT_TRANSLATE_NOOP("cli", "Loan {id} is now {status} ({date}).")
NO_NEEDS = QT_TRANSLATE_NOOP("cli", "No needs recorded.")


def _client(ctx: CliContext, ref: str) -> int:
    return ctx.services.clients.resolve(ref)


def _date(option: str, value: str | None) -> dt.date | None:
    return parse_date(option, value)


def _whole(option: str, value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        raise CommandError(NOT_WHOLE.with_(option=option, value=value)) from None


def _status(value: str) -> LoanStatus:
    try:
        return LoanStatus(value)
    except ValueError:
        raise CommandError(
            UNKNOWN_STATUS.with_(value=value, choices=", ".join(LoanStatus))
        ) from None


def _saving(ctx: CliContext, call: Callable[[], T]) -> T:
    try:
        return call()
    except ValidationErrors as exc:
        raise CommandError(
            "; ".join(render(e.message, ctx.translate) for e in exc.errors)
        ) from None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _opt_money(value: Decimal | None) -> str | None:
    return _money(value) if value is not None else None


# --- the needs record ---------------------------------------------------------------------


def cmd_need(args: argparse.Namespace, ctx: CliContext) -> int:
    client_id = _client(ctx, args.client)
    draft = NeedDraft(
        purpose=args.purpose,
        real_need=args.real_need or "",
        amount=_number("--amount", args.amount) if args.amount is not None else None,
        timing=args.when or "",
        concerns=args.concerns or "",
        products=args.products or "",
        recorded_on=_date("--on", args.on),
    )
    new_id = _saving(ctx, lambda: ctx.services.needs.add(client_id, draft))
    ctx.print_json({"id": new_id}) if ctx.json else ctx.print(str(new_id))
    return 0


def cmd_needs(args: argparse.Namespace, ctx: CliContext) -> int:
    needs = ctx.services.needs.for_client(_client(ctx, args.client))
    if ctx.json:
        ctx.print_json(
            [
                {
                    "id": n.id,
                    "recorded_on": n.recorded_on.isoformat(),
                    "purpose": n.purpose,
                    "real_need": n.real_need,
                    "amount": _opt_money(n.amount),
                    "timing": n.timing,
                    "concerns": n.concerns,
                    "products": n.products,
                }
                for n in needs
            ]
        )
        return 0
    if not needs:
        ctx.print(ctx.text(NO_NEEDS))
    for n in needs:
        parts = [str(n.id).rjust(6), n.recorded_on.isoformat(), n.purpose]
        if n.real_need:
            parts.append(f"→ {n.real_need}")
        if n.amount is not None:
            parts.append(f"{n.amount:,.2f}")
        parts += [t for t in (n.timing, n.products, n.concerns) if t]
        ctx.print("  ".join(parts))
    return 0


# --- loans --------------------------------------------------------------------------------


def cmd_loan_add(args: argparse.Namespace, ctx: CliContext) -> int:
    services = ctx.services
    client_id = _client(ctx, args.client)
    monthly = args.rate is None
    draft = LoanDraft(
        product=args.product,
        amount=_number("--amount", args.amount),
        rate=_number("--monthly-rate", args.monthly_rate)
        if monthly
        else _number("--rate", args.rate),
        rate_quoted_as="monthly" if monthly else "annual",
        months=_months(args.months),
        method=_method(args.method),
        fee=_number("--fee", args.fee),
        status=_status(args.status),
        applied_on=_date("--applied", args.applied),
        disbursed_on=_date("--disbursed", args.disbursed),
        repayment_day=_whole("--repayment-day", args.repayment_day),
        maturity_on=_date("--maturity", args.maturity),
        auto_debit=args.auto_debit,
        purpose=args.purpose or "",
        guarantor=args.guarantor or "",
        collateral=args.collateral or "",
        note=args.note or "",
        status_on=_date("--on", args.on),
    )
    renews = _whole("--renews", args.renews)
    if renews is None:
        new_id = _saving(ctx, lambda: services.loans.add(client_id, draft))
    else:
        old = services.loans.get(renews)
        if old.client_id != client_id:
            raise CommandError(OTHER_CLIENTS_LOAN.with_(id=renews, client=args.client))
        new_id = _saving(ctx, lambda: services.loans.renew(renews, draft))
    ctx.print_json({"id": new_id}) if ctx.json else ctx.print(str(new_id))
    return 0


def cmd_loan_status(args: argparse.Namespace, ctx: CliContext) -> int:
    loans = ctx.services.loans
    loan_id = _whole("LOAN_ID", args.loan)
    assert loan_id is not None
    to = _status(args.to)
    on = _date("--on", args.on) or ctx.clock.today()
    amount = _number("--amount", args.amount) if args.amount is not None else None
    maturity = _date("--maturity", args.maturity)
    _saving(
        ctx,
        lambda: loans.change_status(
            loan_id, to, on, maturity=maturity, amount=amount, note=args.note or ""
        ),
    )
    if ctx.json:
        row = loans.get(loan_id).row
        ctx.print_json(
            {
                "id": loan_id,
                "status": row.status.value,
                "on": on.isoformat(),
                "maturity_on": _iso(row.maturity_on),
            }
        )
    else:
        ctx.print(
            ctx.text(STATUS_NOW.with_(id=loan_id, status=ctx.text(to.label), date=on.isoformat()))
        )
    return 0


# --- the parser ---------------------------------------------------------------------------


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from crm.commands import loan_show  # it imports this module's helpers

    p = sub.add_parser("need", help="record what a client needs (the needs record)")
    p.add_argument("client", metavar="CLIENT", help="client id or name")
    p.add_argument("--purpose", required=True, help="what the client says the money is for")
    p.add_argument("--real-need", help="the need behind it")
    p.add_argument("--amount", metavar="YUAN", help="amount asked about")
    p.add_argument("--when", metavar="TEXT", help='timing, e.g. 2027-03 or "春节后"')
    p.add_argument("--concerns", help="what worries the client")
    p.add_argument("--products", help="products talked about")
    p.add_argument("--on", metavar="DATE", help="date heard (default today)")
    add_json_flag(p)
    p.set_defaults(handler=cmd_need)

    p = sub.add_parser("needs", help="a client's needs records, newest first")
    p.add_argument("client", metavar="CLIENT", help="client id or name")
    add_json_flag(p)
    p.set_defaults(handler=cmd_needs)

    loan = sub.add_parser("loan", help="add a loan, move its status, show it")
    steps = loan.add_subparsers(dest="loan_command", metavar="ACTION", required=True)
    p = steps.add_parser("add", help="record a client's loan")
    p.add_argument("client", metavar="CLIENT", help="client id or name")
    p.add_argument("--product", required=True, help="e.g. 经营贷, 消费贷, 抵押贷, 信用贷")
    p.add_argument("--amount", required=True, metavar="YUAN", help="amount lent")
    rate = p.add_mutually_exclusive_group(required=True)
    rate.add_argument("--rate", metavar="PERCENT", help="annual rate in percent, e.g. 4.35")
    rate.add_argument("--monthly-rate", metavar="PERCENT", help="月息 in percent a month")
    p.add_argument("--months", required=True, metavar="N", help="term in months (1 to 360)")
    p.add_argument(
        "--method", required=True, metavar="|".join(RepaymentMethod), help="repayment method"
    )
    p.add_argument("--fee", default="0", metavar="YUAN", help="fee taken at disbursement")
    p.add_argument("--status", default="applied", metavar=_STATUSES, help="default applied")
    p.add_argument("--on", metavar="DATE", help="date of that status (default: see README)")
    p.add_argument("--applied", metavar="DATE", help="application date")
    p.add_argument("--disbursed", metavar="DATE", help="disbursement date")
    p.add_argument("--repayment-day", metavar="1-31", help="day of month (default: as disbursed)")
    p.add_argument("--maturity", metavar="DATE", help="default: disbursement + months")
    p.add_argument("--auto-debit", action=argparse.BooleanOptionalAction, default=True)
    p.add_argument("--purpose")
    p.add_argument("--guarantor")
    p.add_argument("--collateral")
    p.add_argument("--renews", metavar="LOAN_ID", help="this loan renews that one (续贷)")
    p.add_argument("--note")
    add_json_flag(p)
    p.set_defaults(handler=cmd_loan_add)

    p = steps.add_parser("status", help="move a loan to its next status, dated")
    p.add_argument("loan", metavar="LOAN_ID")
    p.add_argument("--to", required=True, metavar=_STATUSES)
    p.add_argument("--on", metavar="DATE", help="default today")
    p.add_argument("--maturity", metavar="DATE", help="an extension's new maturity")
    p.add_argument("--amount", metavar="YUAN", help="the amount overdue")
    p.add_argument("--note")
    add_json_flag(p)
    p.set_defaults(handler=cmd_loan_status)

    p = steps.add_parser("show", help="a loan with its schedule and history")
    p.add_argument("loan", metavar="LOAN_ID")
    add_json_flag(p)
    p.set_defaults(handler=loan_show.cmd_loan_show)

    p = sub.add_parser("loans", help="the loan book, by maturity")
    p.add_argument("--client", metavar="CLIENT", help="one client's loans")
    p.add_argument("--status", metavar=_STATUSES)
    p.add_argument("--product")
    p.add_argument("--maturing-within", metavar="DAYS", help="running loans maturing soon")
    p.add_argument("--limit", metavar="N")
    add_json_flag(p)
    p.set_defaults(handler=loan_show.cmd_loans)
