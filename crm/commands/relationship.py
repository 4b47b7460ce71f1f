"""`crm notes`, `note`, `log`, `promise`, `keep`, `due`, `promises`, `brief`: relationship memory.

CLIENT is an id or a name that matches one client (ClientService.resolve).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Callable
from typing import Any, TypeVar

from crm.commands.base import (
    NO_SUCH_DATE,
    CliContext,
    CommandError,
    UsageProblem,
    add_json_flag,
    add_limit_flag,
    parse_date,
    print_limited,
    say,
)
from crm.domain.errors import ValidationErrors
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg
from crm.domain.relationship_enums import Channel, NoteCategory

T = TypeVar("T")


def _resolve(ctx: CliContext, ref: str) -> int:
    return ctx.services.clients.resolve(ref)


NO_NOTES = QT_TRANSLATE_NOOP("cli", "No notes about {client} yet.")
NONE_DUE = QT_TRANSLATE_NOOP("cli", "Nobody is due for contact.")
NO_PROMISES = QT_TRANSLATE_NOOP("cli", "No open promises.")
NO_LATE_PROMISES = QT_TRANSLATE_NOOP("cli", "No late promises.")
KEPT = QT_TRANSLATE_NOOP(
    "cli", "Kept promise {id} to {client} ({promise}); logged as contact {contact}."
)
_BAD_TIME = QT_TRANSLATE_NOOP(
    "cli", "Time {value!r} is not 'YYYY-MM-DD HH:MM' (for example 2026-11-28 15:30)."
)


def _parsed(value: str | None, parse: Callable[[str], T], bad: Msg) -> T | None:
    """``value`` (an option, maybe not given) parsed, or the command ends saying ``bad``."""
    if value is None:
        return None
    try:
        return parse(value.strip())
    except ValueError:
        raise CommandError(bad.with_(value=value)) from None


def _date(option: str, value: str | None) -> dt.date | None:
    return parse_date(option, value)


_TIME_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}([ T]\d{1,2}:\d{2}(:\d{2})?)?")


def _when(value: str | None) -> dt.datetime | None:
    if value is not None and _TIME_SHAPE.fullmatch(value.strip()):
        try:
            dt.datetime.fromisoformat(value.strip())
        except ValueError:  # shaped right, but 2027-02-30 or 25:00
            raise CommandError(NO_SUCH_DATE.with_(option="--when", value=value)) from None
    return _parsed(value, dt.datetime.fromisoformat, _BAD_TIME)


def _saving(ctx: CliContext, call: Callable[[], T]) -> T:
    try:
        return call()
    except ValidationErrors as exc:
        raise CommandError("; ".join(ctx.text(e.message) for e in exc.errors)) from None


def _done(ctx: CliContext, new_id: int, **extra: Any) -> int:
    ctx.print_json({"id": new_id, **extra}) if ctx.json else ctx.print(str(new_id))
    return 0


def cmd_notes(args: argparse.Namespace, ctx: CliContext) -> int:
    client_id = _resolve(ctx, args.client)
    notes = ctx.services.notes.for_client(client_id)
    if ctx.json:
        ctx.print_json(
            [
                {
                    "id": n.id,
                    "category": n.category.value,
                    "text": n.text,
                    "date": n.event_date.isoformat() if n.event_date else None,
                    "ask_next_time": n.is_talking_point,
                    "asked_at": n.asked_at.isoformat(" ") if n.asked_at else None,
                    "answer": n.answer,
                    "created_at": n.created_at.isoformat(" "),
                }
                for n in notes[: args.limit]
            ]
        )
        return 0
    if not notes:
        name = ctx.services.clients.get(client_id).name
        say(ctx, NO_NOTES.with_(client=name))
        return 0
    ask = ctx.text(QT_TRANSLATE_NOOP("cli", "ask next time"))
    lines = []
    for n in notes:
        parts = [str(n.id).rjust(6), ctx.text(n.category.label), n.text]
        if n.event_date:
            parts.append(f"({n.event_date.isoformat()})")
        if n.is_talking_point:
            parts.append(f"[{ask}]")
        if n.answer:
            parts.append(f"→ {n.answer}")
        lines.append("  ".join(parts))
    print_limited(ctx, lines, args.limit)
    return 0


def cmd_note(args: argparse.Namespace, ctx: CliContext) -> int:
    from crm.services.notes import NoteDraft

    client_id = _resolve(ctx, args.client)
    draft = NoteDraft(
        text=args.text,
        category=NoteCategory(args.category),
        event_date=_date("--date", args.date),
        ask_next_time=args.ask,
    )
    return _done(ctx, _saving(ctx, lambda: ctx.services.notes.add(client_id, draft)))


def cmd_asked(args: argparse.Namespace, ctx: CliContext) -> int:
    channel = Channel(args.channel) if args.channel else None
    new_id = _saving(
        ctx,
        lambda: ctx.services.notes.mark_asked(args.note, args.answer or "", log_channel=channel),
    )
    ctx.print_json({"note": args.note, "recorded": new_id}) if ctx.json else ctx.print(
        str(new_id or "")
    )
    return 0


SUMMARY_NEEDED = QT_TRANSLATE_NOOP("cli", "Say what was said with --summary.")
NO_ANSWER_NOW = QT_TRANSLATE_NOOP(
    "cli", "--outcome no-answer logs the call now; --when, --next and --next-due need an answer."
)


def cmd_log(args: argparse.Namespace, ctx: CliContext) -> int:
    from crm.services.interactions import InteractionDraft

    client_id = _resolve(ctx, args.client)
    if args.outcome == "no-answer":
        if args.when or args.next or args.next_due:
            raise UsageProblem(NO_ANSWER_NOW)
        risks, channel, note = ctx.services.risks, Channel(args.channel), args.summary or ""
        return _done(
            ctx,
            _saving(
                ctx,
                lambda: risks.log_no_answer(client_id, channel, note, translate=ctx.translate),
            ),
        )
    if not args.summary:
        raise UsageProblem(SUMMARY_NEEDED)
    draft = InteractionDraft(
        channel=Channel(args.channel),
        summary=args.summary,
        occurred_at=_when(args.when),
        next_step=args.next or "",
        next_step_due=_date("--next-due", args.next_due),
    )
    return _done(ctx, _saving(ctx, lambda: ctx.services.interactions.log(client_id, draft)))


def cmd_promise(args: argparse.Namespace, ctx: CliContext) -> int:
    client_id = _resolve(ctx, args.client)
    service = ctx.services.promises
    due = _date("--due", args.due) or service.default_due()
    new_id = _saving(ctx, lambda: service.make(client_id, args.text, due))
    if ctx.json:
        ctx.print_json({"id": new_id, "due": due.isoformat()})
    else:
        ctx.print(f"{new_id}  {due.isoformat()}")
    return 0


def cmd_keep(args: argparse.Namespace, ctx: CliContext) -> int:
    from crm.services.interactions import InteractionDraft

    service = ctx.services.promises
    promise = service.get(args.promise)
    summary = args.summary or ctx.text(
        QT_TRANSLATE_NOOP("cli", "Done: {promise}").with_(promise=promise.text)
    )
    draft = InteractionDraft(channel=Channel(args.channel), summary=summary)
    interaction = _saving(ctx, lambda: service.keep(args.promise, draft))
    if ctx.json:
        ctx.print_json({"id": interaction, "promise": args.promise, "client_id": promise.client_id})
        return 0
    line = KEPT.with_(
        id=args.promise, client=promise.client_name, promise=promise.text, contact=interaction
    )
    say(ctx, line)
    return 0


def cmd_due(args: argparse.Namespace, ctx: CliContext) -> int:
    services = ctx.services
    rows = services.cadence.due_for_contact(limit=args.limit)
    points = services.notes.talking_points_by_client([r.client_id for r in rows])
    if ctx.json:
        ctx.print_json(
            [
                {
                    "id": r.client_id,
                    "name": r.name,
                    "last_contact_at": r.last_contact_at.isoformat(" ")
                    if r.last_contact_at
                    else None,
                    "cadence_days": r.cadence_days,
                    "due_date": r.due_date.isoformat(),
                    "days_overdue": r.days_overdue,
                    "talking_points": points.get(r.client_id, []),
                }
                for r in rows
            ]
        )
        return 0
    if not rows:
        say(ctx, NONE_DUE)
    for r in rows:
        late = ctx.text(QT_TRANSLATE_NOOP("cli", "{n} days overdue").with_(n=r.days_overdue))
        line = f"{str(r.client_id).rjust(6)}  {r.name}  {late}"
        if points.get(r.client_id):
            line += "  · " + "；".join(points[r.client_id])
        ctx.print(line)
    return 0


def cmd_promises(args: argparse.Namespace, ctx: CliContext) -> int:
    today = ctx.clock.today()
    rows = ctx.services.promises.open_promises(overdue_only=args.overdue)
    if ctx.json:
        ctx.print_json(
            [
                {
                    "id": p.id,
                    "client_id": p.client_id,
                    "client": p.client_name,
                    "text": p.text,
                    "made_at": p.made_at.isoformat(" "),
                    "due_date": p.due_date.isoformat(),
                    "days_late": p.days_late(today),
                }
                for p in rows[: args.limit]
            ]
        )
        return 0
    if not rows:
        say(ctx, NO_LATE_PROMISES if args.overdue else NO_PROMISES)
        return 0
    lines = []
    for p in rows:
        late = p.days_late(today)
        mark = ctx.text(QT_TRANSLATE_NOOP("cli", "{n} days late").with_(n=late)) if late else ""
        cols = [str(p.id).rjust(6), p.due_date.isoformat(), p.client_name, p.text, mark]
        lines.append("  ".join(cols).rstrip())
    print_limited(ctx, lines, args.limit)
    return 0


def cmd_brief(args: argparse.Namespace, ctx: CliContext) -> int:
    from crm.services.brief import brief_text

    brief = ctx.services.brief.build(_resolve(ctx, args.client), ctx.clock.today())
    ctx.print(brief_text(brief, ctx.clock.today(), ctx.translate))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this area's subcommands to `crm`."""
    p = sub.add_parser("notes", help="a client's life notes, talking points first")
    p.add_argument("client", help="client id or unambiguous name")
    add_limit_flag(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_notes)

    p = sub.add_parser("note", help="add a life note to a client")
    p.add_argument("client", help="client id or unambiguous name")
    p.add_argument("--text", required=True)
    p.add_argument("--category", choices=[c.value for c in NoteCategory], default="other")
    p.add_argument("--date", help="date of the event, YYYY-MM-DD")
    p.add_argument("--ask", action="store_true", help="ask about it next time (talking point)")
    add_json_flag(p)
    p.set_defaults(handler=cmd_note)

    p = sub.add_parser("asked", help="close a talking point with the client's answer")
    p.add_argument("note", type=int, help="note id")
    p.add_argument("--answer", help="what the client said")
    p.add_argument(
        "--channel",
        choices=[c.value for c in Channel],
        help="log the answer as a contact by this channel (else it becomes a new note)",
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_asked)

    p = sub.add_parser("log", help="log a contact (call, WeChat, visit ...)")
    p.add_argument("client", help="client id or unambiguous name")
    p.add_argument("--channel", choices=[c.value for c in Channel], required=True)
    p.add_argument("--summary", help="what was said (optional with --outcome no-answer)")
    p.add_argument(
        "--outcome",
        choices=["answered", "no-answer"],
        default="answered",
        help="no-answer: the call went unanswered (counts towards the silent-borrower signal)",
    )
    p.add_argument("--when", help="'YYYY-MM-DD HH:MM' (default: now)")
    p.add_argument("--next", help="what to do next")
    p.add_argument("--next-due", help="by when, YYYY-MM-DD")
    add_json_flag(p)
    p.set_defaults(handler=cmd_log)

    p = sub.add_parser("promise", help="record a promise to a client (due in 2 working days)")
    p.add_argument("client", help="client id or unambiguous name")
    p.add_argument("--text", required=True)
    p.add_argument("--due", help="YYYY-MM-DD (default: 2 working days from today)")
    add_json_flag(p)
    p.set_defaults(handler=cmd_promise)

    p = sub.add_parser("keep", help="mark a promise kept; logs the contact that kept it")
    p.add_argument("promise", type=int, help="promise id")
    p.add_argument("--channel", choices=[c.value for c in Channel], default="phone")
    p.add_argument("--summary", help="what you told the client")
    add_json_flag(p)
    p.set_defaults(handler=cmd_keep)

    p = sub.add_parser("due", help="clients due for contact, most overdue first")
    add_limit_flag(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_due)

    p = sub.add_parser("promises", help="open promises, overdue first")
    p.add_argument("--overdue", action="store_true", help="only the late ones")
    add_limit_flag(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_promises)

    p = sub.add_parser("brief", help="the pre-contact brief of a client, as text")
    p.add_argument("client", help="client id or unambiguous name")
    p.set_defaults(handler=cmd_brief)
