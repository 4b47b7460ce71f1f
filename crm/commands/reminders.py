"""`crm reminders` (what is due) and `crm ics` (an iCalendar file of what is coming)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crm.commands.base import MORE, CliContext, CommandError, add_json_flag, add_limit_flag
from crm.domain.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from crm.services.reminders.engine import Reminder

_BUCKETS = {
    "overdue": QT_TRANSLATE_NOOP("cli", "Overdue"),
    "today": QT_TRANSLATE_NOOP("cli", "Today"),
    "upcoming": QT_TRANSLATE_NOOP("cli", "Next {days} days"),
    "closed": QT_TRANSLATE_NOOP("cli", "Done or dismissed"),
}


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _days(value: str) -> int:
    n = int(value)
    if not 0 <= n <= 366:
        raise argparse.ArgumentTypeError("--days must be 0..366")
    return n


def _reminders(ctx: CliContext, on: dt.date | None, days: int) -> list[Reminder]:
    try:
        return ctx.services.reminders.compute(on or ctx.clock.today(), days)
    except ValueError as exc:  # a date outside 1901-2099
        raise CommandError(str(exc)) from None


def cmd_reminders(args: argparse.Namespace, ctx: CliContext) -> int:
    from crm.services.reminders.engine import Bucket

    today = args.on or ctx.clock.today()
    found = [r for r in _reminders(ctx, today, args.days) if args.all or not r.closed]
    # One group per bucket, in the Today view's order (by date within): a reminder that
    # shows early (a birthday's lead days) sorts by date among the next days' ones.
    order = {b: i for i, b in enumerate(Bucket)}
    reminders = sorted(found, key=lambda r: order[r.bucket(today)])[: args.limit]
    if ctx.json:
        items: list[dict[str, Any]] = []
        for r in reminders:
            occ = r.occurrence
            items.append(
                {
                    "date": occ.date.isoformat(),
                    "occasion": occ.occasion,
                    "title": ctx.text(occ.title),
                    "client_id": occ.client_id,
                    "detail": ctx.text(occ.detail) if occ.detail else None,
                    "shows_from": r.shows_from.isoformat(),
                    "group": r.bucket(today).value,
                    "state": r.state.value,
                    "snoozed_until": r.snoozed_until.isoformat() if r.snoozed_until else None,
                    "key": occ.key,
                }
            )
        ctx.print_json(items)
        return 0
    if not reminders:
        ctx.print(ctx.text(QT_TRANSLATE_NOOP("cli", "Nothing due.")))
        return 0
    current = None
    for r in reminders:
        bucket = r.bucket(today).value
        if bucket != current:
            if current is not None:
                ctx.print()
            ctx.print(ctx.text(_BUCKETS[bucket].with_(days=args.days)))
            current = bucket
        occ = r.occurrence
        line = f"  {occ.date.isoformat()}  {ctx.text(occ.title)}"
        if occ.detail:
            line += f" · {ctx.text(occ.detail)}"
        if r.snoozed_at(ctx.clock.now()) and r.snoozed_until:
            line += " · " + ctx.text(
                QT_TRANSLATE_NOOP("cli", "snoozed until {until}").with_(
                    until=r.snoozed_until.strftime("%Y-%m-%d %H:%M")
                )
            )
        if args.keys:
            line += f"  [{occ.key}]"
        ctx.print(line)
    if len(found) > len(reminders):
        ctx.print()
        ctx.print(ctx.text(MORE.with_(n=len(found) - len(reminders))))
    return 0


def cmd_ics(args: argparse.Namespace, ctx: CliContext) -> int:
    out = Path(args.out).expanduser()
    if not out.parent.is_dir():
        raise CommandError(
            QT_TRANSLATE_NOOP("cli", "There is no folder {folder}.").with_(folder=str(out.parent))
        )
    try:
        n = ctx.services.reminders.export_ics(out, ctx.text, args.days)
    except ValueError as exc:  # a date outside 1901-2099
        raise CommandError(str(exc)) from None
    if ctx.json:
        ctx.print_json({"events": n, "out": str(out)})
    else:
        ctx.print(
            ctx.text(
                QT_TRANSLATE_NOOP("cli", "Wrote {n} events to {path}.").with_(n=n, path=str(out))
            )
        )
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this area's subcommands to `crm`."""
    p = sub.add_parser("reminders", help="birthdays, festivals, promises ... that are due")
    p.add_argument("--on", type=_date, help="from this date (YYYY-MM-DD; default today)")
    p.add_argument("--days", type=_days, default=7, help="how many days ahead (default 7)")
    p.add_argument("--all", action="store_true", help="include done and dismissed ones")
    p.add_argument(
        "--keys", action="store_true", help="show each one's KEY (for crm reminder, crm greeting)"
    )
    add_limit_flag(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_reminders)

    from crm.commands.reminder_actions import register_actions

    register_actions(sub)

    p = sub.add_parser("ics", help="write upcoming reminders to an iCalendar (.ics) file")
    p.add_argument("--out", required=True, help="the .ics file to write")
    p.add_argument("--days", type=_days, default=30, help="how many days ahead (default 30)")
    add_json_flag(p)
    p.set_defaults(handler=cmd_ics)
