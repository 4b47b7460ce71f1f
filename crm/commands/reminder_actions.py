"""`crm reminder done|dismiss|snooze|reopen KEY` and `crm thanked THANKS_ID`: what the Today
view's buttons and the thank-you dialog do, through the same services.

KEY is a reminder's key as `crm reminders --keys` (or ``--json``) shows it, e.g.
``birthday:12:2026-12-03``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import re
from typing import TYPE_CHECKING

from crm.commands.base import CliContext, CommandError, add_json_flag, say
from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.domain.relationship_enums import Channel

if TYPE_CHECKING:
    from crm.services.reminders.engine import Reminder

NO_REMINDER = QT_TRANSLATE_NOOP(
    "cli",
    "No reminder {key} is open now or coming up; crm reminders --keys lists them with their keys.",
)
DONE = QT_TRANSLATE_NOOP("cli", "Done: {title}.")
DISMISSED = QT_TRANSLATE_NOOP("cli", "Dismissed: {title}.")
REOPENED = QT_TRANSLATE_NOOP("cli", "Open again: {title}.")
SNOOZED = QT_TRANSLATE_NOOP("cli", "Snoozed until {until}: {title}.")
BAD_UNTIL = QT_TRANSLATE_NOOP(
    "cli", "--until {value!r}: give a time to come, 'YYYY-MM-DD HH:MM' (for example {example})."
)
NO_THANKS = QT_TRANSLATE_NOOP(
    "cli", "There is no open thank-you {id}; crm referrals --thanks lists them."
)
THANKED = QT_TRANSLATE_NOOP("cli", "Thanked {referrer} for {client}; logged as contact {contact}.")

#: How far ahead a key's date may be and still be found (the reminders' own horizon).
MAX_DAYS = 366


def find_reminder(ctx: CliContext, key: str) -> Reminder:
    """The reminder with this key among those overdue, showing today, or up to its date."""
    today = ctx.clock.today()
    days = 7
    dated = re.search(r"(\d{4}-\d{2}-\d{2})$", key)
    if dated:
        with contextlib.suppress(ValueError):
            days = min(MAX_DAYS, max(days, (dt.date.fromisoformat(dated.group(1)) - today).days))
    try:
        found = ctx.services.reminders.compute(today, days)
    except ValueError as exc:  # a date outside 1901-2099
        raise CommandError(str(exc)) from None
    for r in found:
        if r.key == key:
            return r
    raise CommandError(NO_REMINDER.with_(key=key))


def _until(ctx: CliContext, value: str) -> dt.datetime:
    example = (ctx.clock.now() + dt.timedelta(days=1)).strftime("%Y-%m-%d 09:00")
    try:
        until = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(BAD_UNTIL.with_(value=value, example=example)) from None
    if until <= ctx.clock.now():
        raise CommandError(BAD_UNTIL.with_(value=value, example=example))
    return until


def cmd_reminder(args: argparse.Namespace, ctx: CliContext) -> int:
    r = find_reminder(ctx, args.key)
    occ = r.occurrence
    service = ctx.services.reminders
    until = None
    if args.reminder_command == "done":
        service.done(occ)
        message = DONE
    elif args.reminder_command == "dismiss":
        service.dismiss(occ)
        message = DISMISSED
    elif args.reminder_command == "reopen":
        service.reopen(occ)
        message = REOPENED
    else:
        if args.until:
            until = _until(ctx, args.until)
            service.snooze(occ, until)
        else:
            until = service.snooze_until_tomorrow(occ)
        message = SNOOZED
    if ctx.json:
        done = {"key": occ.key, "action": args.reminder_command}
        ctx.print_json({**done, "until": until.isoformat(" ") if until else None})
        return 0
    at = until.strftime("%Y-%m-%d %H:%M") if until else ""
    say(ctx, message.with_(title=ctx.text(occ.title), until=at))
    return 0


def cmd_thanked(args: argparse.Namespace, ctx: CliContext) -> int:
    thanks = ctx.services.thanks
    due = thanks.get(args.thanks)
    if due is None or due.thanked_at is not None:
        raise CommandError(NO_THANKS.with_(id=args.thanks))
    summary = args.summary or ctx.text(thanks.draft(due))
    contact = thanks.log_thanks(args.thanks, args.channel, summary)
    if ctx.json:
        ctx.print_json({"id": args.thanks, "interaction": contact})
        return 0
    say(ctx, THANKED.with_(referrer=due.referrer.label, client=due.referred.label, contact=contact))
    return 0


def register_actions(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    rem = sub.add_parser("reminder", help="mark a reminder done, dismissed or snoozed")
    steps = rem.add_subparsers(dest="reminder_command", metavar="ACTION", required=True)
    for name, text in (
        ("done", "mark it done"),
        ("dismiss", "dismiss it (not needed this time)"),
        ("snooze", "hide it until later (default: tomorrow morning)"),
        ("reopen", "undo done, dismiss or snooze"),
    ):
        p = steps.add_parser(name, help=text)
        p.add_argument("key", metavar="KEY", help="as crm reminders --keys shows it")
        if name == "snooze":
            p.add_argument("--until", metavar="'YYYY-MM-DD HH:MM'")
        add_json_flag(p)
        p.set_defaults(handler=cmd_reminder)

    p = sub.add_parser("thanked", help="log the thank-you to a referrer (crm referrals --thanks)")
    p.add_argument("thanks", type=int, metavar="THANKS_ID")
    p.add_argument("--channel", choices=[c.value for c in Channel], default="wechat")
    p.add_argument("--summary", help="what you said (default: the suggested thank-you text)")
    add_json_flag(p)
    p.set_defaults(handler=cmd_thanked)
