"""`crm risk`, `risks`, `relate`, `turnover`: risk signals, related parties, monthly 流水.

CLIENT and OTHER are ids or names that match one client; OTHER that matches none is a person
outside the book (named). Bad input ends in one line, exit 1, nothing written.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from crm.commands.base import CliContext, CommandError, add_json_flag
from crm.commands.loan_records import _saving, _whole
from crm.domain.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from crm.services.risks import SignalRow

UNKNOWN_RISK = QT_TRANSLATE_NOOP("cli", "Unknown signal {value!r}: use one of {choices}.")
ADD_OR_CLOSE = QT_TRANSLATE_NOOP("cli", "Say --add KIND or --close SIGNAL_ID (with --note).")
UNKNOWN_ROLE = QT_TRANSLATE_NOOP("cli", "Unknown role {value!r}: use one of {choices}.")
NO_RISKS = QT_TRANSLATE_NOOP("cli", "No open risk signals.")
CLOSED = QT_TRANSLATE_NOOP("cli", "Signal {id} closed.")
MONTH_AND_AMOUNT = QT_TRANSLATE_NOOP("cli", "--month and --amount go together.")
AVERAGE6 = QT_TRANSLATE_NOOP("cli", "6-month average")
VOLATILITY = QT_TRANSLATE_NOOP("cli", "Volatility (CV)")
PEAKS = QT_TRANSLATE_NOOP("cli", "Busy months")


def _risk_line(ctx: CliContext, s: SignalRow) -> str:
    state = s.closed_on.isoformat() if s.closed_on else ""
    parts = [
        str(s.id).rjust(5),
        "▲" * s.severity,
        s.opened_on.isoformat(),
        s.client_name,
        ctx.text(s.kind.label),
        s.note,
    ]
    if state:
        parts += [f"→ {state}", s.close_note]
    return "  ".join(p for p in parts if p)


def _signal_json(s: SignalRow) -> dict[str, object]:
    return {
        "id": s.id,
        "client_id": s.client_id,
        "client": s.client_name,
        "kind": s.kind.value,
        "severity": s.severity,
        "detected": s.detected,
        "opened_on": s.opened_on.isoformat(),
        "note": s.note,
        "closed_on": s.closed_on.isoformat() if s.closed_on else None,
        "close_note": s.close_note,
        "history": [
            {"action": e.action, "note": e.note, "at": e.at.isoformat()} for e in s.history
        ],
    }


def cmd_risk(args: argparse.Namespace, ctx: CliContext) -> int:
    from crm.domain.risk import CHINESE_NAMES, MANUAL_KINDS, parse_kind

    risks = ctx.services.risks
    client_id = ctx.services.clients.resolve(args.client)
    if args.add is not None and args.close is not None:
        raise CommandError(ADD_OR_CLOSE)
    if args.add is not None:
        kind = parse_kind(args.add)
        if kind is None or kind not in MANUAL_KINDS:
            names = [n for n in CHINESE_NAMES if "/" not in n and n != "被执行"]
            raise CommandError(UNKNOWN_RISK.with_(value=args.add, choices="、".join(names)))
        new_id = _saving(ctx, lambda: risks.add(client_id, kind, note=args.note or ""))
        ctx.print_json({"id": new_id}) if ctx.json else ctx.print(str(new_id))
        return 0
    if args.close is not None:
        signal_id = _whole("--close", args.close)
        assert signal_id is not None
        _saving(ctx, lambda: risks.close(signal_id, args.note or "", client_id=client_id))
        ctx.print_json({"id": signal_id}) if ctx.json else ctx.print(
            ctx.text(CLOSED.with_(id=signal_id))
        )
        return 0
    rows = risks.for_client(client_id)
    if ctx.json:
        ctx.print_json([_signal_json(s) for s in rows])
    for s in rows if not ctx.json else ():
        ctx.print(_risk_line(ctx, s))
    return 0


def cmd_risks(args: argparse.Namespace, ctx: CliContext) -> int:
    risks = ctx.services.risks
    if not args.no_detect:
        risks.detect()
    rows = risks.open()
    if ctx.json:
        ctx.print_json([_signal_json(s) for s in rows])
        return 0
    if not rows:
        ctx.print(ctx.text(NO_RISKS))
    for s in rows:
        ctx.print(_risk_line(ctx, s))
    return 0


def cmd_relate(args: argparse.Namespace, ctx: CliContext) -> int:
    from crm.domain.related import PartyRole
    from crm.services.clients import ClientNotFound

    try:
        role = PartyRole(args.role)
    except ValueError:
        raise CommandError(
            UNKNOWN_ROLE.with_(value=args.role, choices=", ".join(PartyRole))
        ) from None
    services = ctx.services
    client_id = services.clients.resolve(args.client)
    try:
        other: int | None = services.clients.resolve(args.other)
        name = ""
    except ClientNotFound:
        if args.other.strip().isdigit():
            raise
        other, name = None, args.other
    related = services.related
    new_id = _saving(
        ctx,
        lambda: related.relate(
            client_id, role, other_client_id=other, other_name=name, note=args.note or ""
        ),
    )
    ctx.print_json({"id": new_id}) if ctx.json else ctx.print(str(new_id))
    return 0


def cmd_turnover(args: argparse.Namespace, ctx: CliContext) -> int:
    from crm.commands.loans import _number

    services = ctx.services
    client_id = services.clients.resolve(args.client)
    if (args.month is None) != (args.amount is None):
        raise CommandError(MONTH_AND_AMOUNT)
    if args.import_file is not None:
        from pathlib import Path

        from crm.services.transfer.reader import FileRefused

        related = services.related
        try:
            _saving(ctx, lambda: related.import_turnover(client_id, Path(args.import_file)))
        except FileRefused as exc:
            raise CommandError(exc.message) from None
        services.risks.detect([client_id])
    if args.month is not None:
        amount = _number("--amount", args.amount)
        related = services.related
        _saving(ctx, lambda: related.record_turnover(client_id, [(args.month, amount)]))
        services.risks.detect([client_id])
    months = services.related.turnover(client_id)
    stats = services.related.turnover_stats(client_id)
    if ctx.json:
        ctx.print_json(
            {
                "months": [{"month": m, "amount": f"{a:.2f}"} for m, a in months],
                "average_6": f"{stats.average6:.2f}" if stats.average6 is not None else None,
                "cv": round(stats.cv, 4) if stats.cv is not None else None,
                "drop": round(stats.drop, 4) if stats.drop is not None else None,
                "peak_months": list(stats.peak_months),
            }
        )
        return 0
    for m, a in months:
        ctx.print(f"{m}  {a:>14,.2f}")
    if stats.average6 is not None:
        ctx.print(f"{ctx.text(AVERAGE6)}: {stats.average6:,.2f}")
    if stats.cv is not None:
        ctx.print(f"{ctx.text(VOLATILITY)}: {stats.cv:.2f}")
    if stats.peak_months:
        ctx.print(f"{ctx.text(PEAKS)}: {', '.join(str(m) for m in stats.peak_months)}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("risk", help="a client's risk signals; add one, or close one with a note")
    p.add_argument("client", metavar="CLIENT", help="client id or name")
    p.add_argument("--add", metavar="KIND", help="经营下滑, 联系方式变更, 涉诉, 申请延期 ...")
    p.add_argument("--close", metavar="SIGNAL_ID")
    p.add_argument("--note")
    add_json_flag(p)
    p.set_defaults(handler=cmd_risk)

    p = sub.add_parser("risks", help="every open risk signal, worst first (detects new ones)")
    p.add_argument("--no-detect", action="store_true", help="list only, detect nothing")
    add_json_flag(p)
    p.set_defaults(handler=cmd_risks)

    p = sub.add_parser("relate", help="link a client to a spouse, guarantor, partner ...")
    p.add_argument("client", metavar="CLIENT", help="client id or name")
    p.add_argument("other", metavar="OTHER", help="client id or name, or a person's name")
    p.add_argument(
        "--as", dest="role", required=True, metavar="spouse|guarantor|partner|family|other"
    )
    p.add_argument("--note")
    add_json_flag(p)
    p.set_defaults(handler=cmd_relate)

    p = sub.add_parser("turnover", help="a client's monthly turnover (流水); record a month")
    p.add_argument("client", metavar="CLIENT", help="client id or name")
    p.add_argument("--month", metavar="YYYY-MM")
    p.add_argument("--amount", metavar="YUAN")
    p.add_argument("--import", dest="import_file", metavar="FILE", help="xlsx/csv of month, amount")
    add_json_flag(p)
    p.set_defaults(handler=cmd_turnover)
