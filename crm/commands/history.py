"""`crm history CLIENT`: everything recorded about a client, newest first (the History tab)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from crm.commands.base import CliContext, add_json_flag, add_limit_flag, print_limited, say
from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.domain.relationship_enums import Channel, NoteCategory, TimelineKind

if TYPE_CHECKING:
    from crm.services.timeline import TimelineEntry

NO_HISTORY = QT_TRANSLATE_NOOP("cli", "Nothing recorded about {client} yet.")
NEXT = QT_TRANSLATE_NOOP("cli", "next: {step}")
DUE = QT_TRANSLATE_NOOP("cli", "due {date}")

#: What each kind's two-part detail holds (the store joins them with \x1f), for --json.
_PARTS = {
    TimelineKind.NOTE: ("date", "answer"),
    TimelineKind.INTERACTION: ("next_step", "next_step_due"),
    TimelineKind.PROMISE_MADE: ("due",),
    TimelineKind.PROMISE_KEPT: ("due",),
    TimelineKind.SHARE: ("note",),
}


def _details(e: TimelineEntry) -> dict[str, str | None]:
    values = e.detail.split("\x1f")
    return {k: (values[i] if i < len(values) else "") or None for i, k in enumerate(_PARTS[e.kind])}


def _what(e: TimelineEntry, ctx: CliContext) -> str:
    """The entry's text with its details, as the History tab shows it."""
    d = _details(e)
    text = e.text
    if e.kind is TimelineKind.NOTE:
        text += f" ({d['date']})" if d["date"] else ""
        text += f" → {d['answer']}" if d["answer"] else ""
    elif e.kind is TimelineKind.INTERACTION and d["next_step"]:
        text += " · " + ctx.text(NEXT.with_(step=d["next_step"]))
        text += f" ({d['next_step_due']})" if d["next_step_due"] else ""
    elif e.kind in (TimelineKind.PROMISE_MADE, TimelineKind.PROMISE_KEPT) and d["due"]:
        text += " · " + ctx.text(DUE.with_(date=d["due"]))
    elif e.kind is TimelineKind.SHARE and d["note"]:
        text += f" · {d['note']}"
    return text


def _label(kind: TimelineKind, label: str, ctx: CliContext) -> str:
    """The entry's channel or note category in words; a shared resource's name as it is."""
    if kind is TimelineKind.INTERACTION and label in Channel._value2member_map_:
        return ctx.text(Channel(label).label)
    if kind is TimelineKind.NOTE and label in NoteCategory._value2member_map_:
        return ctx.text(NoteCategory(label).label)
    return label


def cmd_history(args: argparse.Namespace, ctx: CliContext) -> int:
    services = ctx.services
    client_id = services.clients.resolve(args.client)
    kinds = [TimelineKind(k) for k in args.kind] if args.kind else None
    entries = services.timeline.for_client(client_id, kinds)
    if ctx.json:
        ctx.print_json(
            [
                {
                    "when": e.when.isoformat(" "),
                    "kind": e.kind.value,
                    "text": e.text,
                    "label": e.label,
                    **_details(e),
                    "id": e.ref_id,
                }
                for e in entries[: args.limit]
            ]
        )
        return 0
    if not entries:
        say(ctx, NO_HISTORY.with_(client=services.clients.get(client_id).name))
        return 0
    lines = []
    for e in entries:
        what = ctx.text(e.kind.label)
        label = _label(e.kind, e.label, ctx)
        if label:
            what += f" · {label}"
        when = f"{e.when:%Y-%m-%d}" if e.kind is TimelineKind.SHARE else f"{e.when:%Y-%m-%d %H:%M}"
        lines.append(f"{when}  {what}  {_what(e, ctx)}")
    print_limited(ctx, lines, args.limit)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("history", help="everything recorded about a client, newest first")
    p.add_argument("client", help="client id or unambiguous name")
    p.add_argument(
        "--kind",
        action="append",
        choices=[k.value for k in TimelineKind],
        help="only this kind of entry; repeat for more",
    )
    add_limit_flag(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_history)
