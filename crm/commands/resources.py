"""`crm resources` and `crm resource add|edit|archive|unarchive|share|unshare`: resources worth
recommending (增值服务) and who got which, through ResourceService like the Resources page."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from crm.commands.base import (
    CliContext,
    CommandError,
    UsageProblem,
    add_json_flag,
    add_limit_flag,
    parse_date,
    print_limited,
    say,
)
from crm.domain.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from crm.services.resources import ResourceRow, ShareRow

NO_RESOURCES = QT_TRANSLATE_NOOP("cli", "No resources yet: crm resource add --name NAME adds one.")
NO_SHARES = QT_TRANSLATE_NOOP("cli", "Nothing shared yet.")
NO_RESOURCE = QT_TRANSLATE_NOOP("cli", "There is no resource with id {id}.")
SHARED_TIMES = QT_TRANSLATE_NOOP("cli", "times shared: {n}")
ARCHIVED = QT_TRANSLATE_NOOP("cli", "archived")
RESOURCE_ARCHIVED = QT_TRANSLATE_NOOP("cli", "Archived resource {id} ({name}).")
RESOURCE_BACK = QT_TRANSLATE_NOOP("cli", "Resource {id} ({name}) is back in the list.")
SHARES_OF_WHAT = QT_TRANSLATE_NOOP("cli", "Give a RESOURCE_ID or --client CLIENT, not both.")
UNSHARED = QT_TRANSLATE_NOOP("cli", "Removed share {id}.")


def _resource(ctx: CliContext, resource_id: int) -> ResourceRow:
    for r in ctx.services.resources.all(include_archived=True):
        if r.id == resource_id:
            return r
    raise CommandError(NO_RESOURCE.with_(id=resource_id))


def _resource_json(r: ResourceRow) -> dict[str, Any]:
    return {
        "id": r.id,
        "name": r.name,
        "category": r.category,
        "contact": r.contact,
        "note": r.note,
        "archived": r.archived_at is not None,
        "times_shared": r.times_shared,
    }


def _share_json(s: ShareRow) -> dict[str, Any]:
    return {
        "id": s.id,
        "resource_id": s.resource_id,
        "resource": s.resource_name,
        "client_id": s.client_id,
        "client": s.client_name,
        "shared_on": s.shared_on.isoformat(),
        "note": s.note,
    }


def cmd_resources(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = ctx.services.resources.all(include_archived=args.all)
    if ctx.json:
        ctx.print_json([_resource_json(r) for r in rows[: args.limit]])
        return 0
    if not rows:
        say(ctx, NO_RESOURCES)
        return 0
    lines = []
    for r in rows:
        parts = [str(r.id).rjust(5), r.name, r.category, r.contact]
        parts.append(ctx.text(SHARED_TIMES.with_(n=r.times_shared)))
        if r.archived_at is not None:
            parts.append(ctx.text(ARCHIVED))
        lines.append("  ".join(p for p in parts if p))
    print_limited(ctx, lines, args.limit)
    return 0


def _draft_args(args: argparse.Namespace, base: ResourceRow | None) -> Any:
    from crm.services.resources import ResourceDraft

    def pick(value: str | None, old: str) -> str:
        return old if value is None else value

    return ResourceDraft(
        name=pick(args.name, base.name if base else ""),
        category=pick(args.category, base.category if base else ""),
        contact=pick(args.contact, base.contact if base else ""),
        note=pick(args.note, base.note if base else ""),
    )


def _id(ctx: CliContext, new_id: int) -> int:
    ctx.print_json({"id": new_id}) if ctx.json else ctx.print(str(new_id))
    return 0


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    return _id(ctx, ctx.services.resources.add(_draft_args(args, None)))


def cmd_edit(args: argparse.Namespace, ctx: CliContext) -> int:
    base = _resource(ctx, args.resource)
    ctx.services.resources.update(args.resource, _draft_args(args, base))
    return _id(ctx, args.resource)


def _archive(args: argparse.Namespace, ctx: CliContext, archived: bool) -> int:
    r = _resource(ctx, args.resource)
    ctx.services.resources.set_archived(r.id, archived)
    if ctx.json:
        ctx.print_json({"id": r.id, "archived": archived})
    else:
        say(ctx, (RESOURCE_ARCHIVED if archived else RESOURCE_BACK).with_(id=r.id, name=r.name))
    return 0


def cmd_share(args: argparse.Namespace, ctx: CliContext) -> int:
    services = ctx.services
    client_id = services.clients.resolve(args.client)
    on = parse_date("--on", args.on)
    return _id(ctx, services.resources.share(args.resource, client_id, on, args.note or ""))


def cmd_unshare(args: argparse.Namespace, ctx: CliContext) -> int:
    ctx.services.resources.unshare(args.share)
    ctx.print_json({"removed": args.share}) if ctx.json else say(ctx, UNSHARED.with_(id=args.share))
    return 0


def cmd_shares(args: argparse.Namespace, ctx: CliContext) -> int:
    services = ctx.services
    if (args.client is None) == (args.resource is None):
        raise UsageProblem(SHARES_OF_WHAT)
    if args.client:
        shares = services.resources.shares_for_client(services.clients.resolve(args.client))
    else:
        shares = services.resources.shares_of(_resource(ctx, args.resource).id)
    if ctx.json:
        ctx.print_json([_share_json(s) for s in shares[: args.limit]])
        return 0
    if not shares:
        say(ctx, NO_SHARES)
        return 0
    lines = [
        "  ".join(
            p
            for p in (
                str(s.id).rjust(5),
                s.shared_on.isoformat(),
                s.resource_name,
                s.client_name,
                s.note,
            )
            if p
        )
        for s in shares
    ]
    print_limited(ctx, lines, args.limit)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("resources", help="resources worth recommending, most shared first")
    p.add_argument("--all", action="store_true", help="archived ones too")
    add_limit_flag(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_resources)

    res = sub.add_parser("resource", help="add, edit, archive or share a resource")
    steps = res.add_subparsers(dest="resource_command", metavar="ACTION", required=True)
    for name, handler in (("add", cmd_add), ("edit", cmd_edit)):
        p = steps.add_parser(name, help=f"{name} a resource (a contact, a service, a product)")
        if name == "edit":
            p.add_argument("resource", type=int, metavar="RESOURCE_ID")
        p.add_argument("--name", required=name == "add", help="e.g. 王律师, 记账代理")
        p.add_argument("--category", help="e.g. 法律, 财税")
        p.add_argument("--contact", help="phone or WeChat")
        p.add_argument("--note")
        add_json_flag(p)
        p.set_defaults(handler=handler)
    for name, archived in (("archive", True), ("unarchive", False)):
        p = steps.add_parser(name, help=f"{name} a resource")
        p.add_argument("resource", type=int, metavar="RESOURCE_ID")
        add_json_flag(p)
        p.set_defaults(handler=lambda a, c, x=archived: _archive(a, c, x))
    p = steps.add_parser("share", help="record that a client got this resource")
    p.add_argument("resource", type=int, metavar="RESOURCE_ID")
    p.add_argument("client", metavar="CLIENT", help="client id or unambiguous name")
    p.add_argument("--on", metavar="DATE", help="default today")
    p.add_argument("--note")
    add_json_flag(p)
    p.set_defaults(handler=cmd_share)
    p = steps.add_parser("unshare", help="remove a recorded share")
    p.add_argument("share", type=int, metavar="SHARE_ID")
    add_json_flag(p)
    p.set_defaults(handler=cmd_unshare)
    p = steps.add_parser("shares", help="who got a resource, or what a client got")
    p.add_argument("resource", type=int, nargs="?", metavar="RESOURCE_ID")
    p.add_argument("--client", metavar="CLIENT", help="what this client got instead")
    add_limit_flag(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_shares)
