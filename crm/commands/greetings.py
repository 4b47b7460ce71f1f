"""`crm greeting KEY`: the greeting for a reminder (a birthday, a festival, a life event),
drafted like the greeting composer does; ``--sent`` logs it as sent and closes the reminder.
`crm greetings --optout CLIENT` / `--optin`: festival greetings for one client."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from crm.commands.base import CliContext, CommandError, add_json_flag, say
from crm.domain.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from crm.services.greetings import Recipient

NOT_A_GREETING = QT_TRANSLATE_NOOP(
    "cli", "{key} is not an occasion for a greeting (promises, thank-yous and loans are not)."
)
WHICH_CLIENT = QT_TRANSLATE_NOOP("cli", "{key} is for many clients: say whom with --client CLIENT.")
NO_TOUCH = QT_TRANSLATE_NOOP("cli", "--touch {id}: that is not one of {client}'s notes.")
SENT = QT_TRANSLATE_NOOP("cli", "Logged the greeting to {client} as sent.")
OPTED_OUT = QT_TRANSLATE_NOOP("cli", "{client} gets no festival greetings now.")
OPTED_IN = QT_TRANSLATE_NOOP("cli", "{client} gets festival greetings again.")


def _greetable(occasion: str) -> bool:
    # As the Today view: a loan's reminder is a call about money, not an occasion to greet.
    return occasion not in ("promise", "thank_referrer") and not occasion.startswith("loan_")


def cmd_greeting(args: argparse.Namespace, ctx: CliContext) -> int:
    from crm.commands.reminder_actions import find_reminder
    from crm.services.greetings import compose

    occ = find_reminder(ctx, args.key).occurrence
    if not _greetable(occ.occasion):
        raise CommandError(NOT_A_GREETING.with_(key=args.key))
    services = ctx.services
    if args.client:
        client_id = services.clients.resolve(args.client)
    elif occ.client_id is not None:
        client_id = occ.client_id
    else:
        raise CommandError(WHICH_CLIENT.with_(key=args.key))
    greetings = services.greetings
    who = greetings.recipient(client_id, prefer_note=occ.ref_id)
    if args.text:
        text = args.text.strip()
    else:
        note = _touch(args.touch, who)
        template = greetings.template(occ.occasion, args.language, args.tone)
        text = compose(template, who, occ.occasion, args.language, note)
    if args.sent:
        greetings.record_sent(occ, client_id, text)
    if ctx.json:
        ctx.print_json({"key": occ.key, "client_id": client_id, "text": text, "sent": args.sent})
        return 0
    ctx.print(text)
    if args.sent:
        say(ctx, SENT.with_(client=who.name))
    return 0


def _touch(choice: str | None, who: Recipient) -> str | None:
    """The note to mention: the composer's default (the reminder's own, else the likeliest),
    ``none``, or a note id."""
    notes = who.notes
    if choice is None:
        return notes[0].text if notes else None
    if choice.strip().lower() == "none":
        return None
    for n in notes:
        if str(n.id) == choice.strip():
            return str(n.text)
    raise CommandError(NO_TOUCH.with_(id=choice, client=who.name))


def cmd_optout(args: argparse.Namespace, ctx: CliContext, opted_out: bool) -> int:
    services = ctx.services
    client_id = services.clients.resolve(args.client)
    services.greetings.set_festival_optout(client_id, opted_out)
    name = services.clients.get(client_id).name
    if ctx.json:
        ctx.print_json({"id": client_id, "festival_optout": opted_out})
    else:
        say(ctx, (OPTED_OUT if opted_out else OPTED_IN).with_(client=name))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("greeting", help="draft a reminder's greeting; --sent logs it as sent")
    p.add_argument("key", metavar="KEY", help="the reminder's key (crm reminders --keys)")
    p.add_argument("--client", metavar="CLIENT", help="whom to greet (festivals: required)")
    p.add_argument(
        "--language", choices=["zh", "en"], default="zh", help="of the greeting (default zh)"
    )
    p.add_argument("--tone", choices=["formal", "warm", "brief"], default="warm")
    p.add_argument("--touch", metavar="NOTE_ID", help="the life note to mention, or 'none'")
    p.add_argument("--text", help="the text you sent, if not the draft")
    p.add_argument("--sent", action="store_true", help="log it as sent and close the reminder")
    add_json_flag(p)
    p.set_defaults(handler=cmd_greeting)

    for name, opted_out, text in (
        ("no-greetings", True, "stop festival greetings for a client"),
        ("greetings-ok", False, "festival greetings for a client again"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("client", metavar="CLIENT", help="client id or unambiguous name")
        add_json_flag(p)
        p.set_defaults(handler=lambda a, c, x=opted_out: cmd_optout(a, c, x))
