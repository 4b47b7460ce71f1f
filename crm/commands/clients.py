"""`crm add`, `crm edit`, `crm list`, `crm show`, `crm archive`, `crm restore`."""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING, Any

from crm.commands.base import CliContext, CommandError, add_json_flag
from crm.domain.client_form import Birthday, ClientDraft
from crm.domain.enums import Calendar, ClientKind, ClientStatus, Gender
from crm.domain.errors import ValidationErrors
from crm.domain.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    # Building the parser (every command, `crm --version`) imports no services: handlers do.
    from crm.services.client_query import ClientRow


_DATE = re.compile(r"^(?:(\d{4})-)?(\d{1,2})-(\d{1,2})$")


def _birthday(value: str, calendar: Calendar, leap: bool) -> Birthday:
    m = _DATE.match(value.strip())
    if not m:
        raise CommandError(
            QT_TRANSLATE_NOOP(
                "cli", "Birthday {value!r} is not YYYY-MM-DD or MM-DD (for example 1985-03-08)."
            ).with_(value=value)
        )
    year, month, day = m.groups()
    return Birthday(calendar, int(month), int(day), int(year) if year else None, leap)


def _client_options(p: argparse.ArgumentParser, *, editing: bool) -> None:
    p.add_argument("--name", required=not editing, help="full name (required)")
    p.add_argument("--kind", choices=[k.value for k in ClientKind])
    p.add_argument("--gender", choices=[g.value for g in Gender])
    p.add_argument("--phone", action="append", help="a phone number; repeat for more")
    p.add_argument("--wechat")
    p.add_argument("--id-number", help="18-character resident ID number")
    p.add_argument("--birthday", help="solar birthday, YYYY-MM-DD or MM-DD")
    p.add_argument("--lunar-birthday", help="lunar birthday, [YYYY-]MM-DD")
    p.add_argument("--leap", action="store_true", help="the lunar birthday is in a leap month")
    p.add_argument("--company", help="business or shop name")
    p.add_argument("--industry")
    p.add_argument("--uscc", help="unified social credit code")
    p.add_argument("--address")
    p.add_argument("--status", choices=[s.value for s in ClientStatus])
    p.add_argument("--tag", action="append", help="a tag; repeat for more")
    p.add_argument("--notes")
    from crm.commands.referrals import add_referral_options

    add_referral_options(p, editing=editing)


def _apply_args(draft: ClientDraft, args: argparse.Namespace, ctx: CliContext) -> None:
    simple = {
        "name": args.name,
        "wechat": args.wechat,
        "id_number": args.id_number,
        "business_name": args.company,
        "industry": args.industry,
        "uscc": args.uscc,
        "address": args.address,
        "notes": args.notes,
    }
    for key, value in simple.items():
        if value is not None:
            setattr(draft, key, value)
    if args.kind:
        draft.kind = ClientKind(args.kind)
    if args.gender:
        draft.gender = Gender(args.gender)
    if args.status:
        draft.status = ClientStatus(args.status)
    if args.phone is not None:
        draft.phones = list(args.phone)
    if args.tag is not None:
        draft.tags = list(args.tag)
    if args.birthday and args.lunar_birthday:
        raise CommandError(
            QT_TRANSLATE_NOOP("cli", "Give either --birthday or --lunar-birthday, not both.")
        )
    if args.leap and not args.lunar_birthday:
        raise CommandError(QT_TRANSLATE_NOOP("cli", "--leap goes with --lunar-birthday."))
    if args.birthday:
        draft.birthday = _birthday(args.birthday, Calendar.SOLAR, False)
    elif args.lunar_birthday:
        draft.birthday = _birthday(args.lunar_birthday, Calendar.LUNAR, args.leap)
    if (args.id_number and draft.birthday is None) or (args.id_number and draft.gender is None):
        _offer_from_id(draft, ctx)
    from crm.commands.referrals import apply_referral_args

    apply_referral_args(draft, args, ctx)


def _offer_from_id(draft: ClientDraft, ctx: CliContext) -> None:
    """Take birthday and gender from a valid ID number when they were not given."""
    from crm.domain.errors import FieldError
    from crm.domain.identity import id_number_facts, validate_id_number

    try:
        facts = id_number_facts(validate_id_number(draft.id_number, ctx.clock.today()))
    except FieldError:
        return  # clean_client reports it with the other errors
    if draft.birthday is None:
        b = facts.birthday
        draft.birthday = Birthday(Calendar.SOLAR, b.month, b.day, b.year)
    if draft.gender is None and draft.kind is not ClientKind.COMPANY:
        draft.gender = Gender(facts.gender)


def _save(ctx: CliContext, draft: ClientDraft, client_id: int | None) -> int:
    service = ctx.services.clients
    try:
        if client_id is None:
            return service.add(draft)
        service.update(client_id, draft)
        return client_id
    except ValidationErrors as exc:
        lines = "; ".join(ctx.text(e.message) for e in exc.errors)
        raise CommandError(lines) from None


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    draft = ClientDraft()
    _apply_args(draft, args, ctx)
    new_id = _save(ctx, draft, None)
    if ctx.json:
        ctx.print_json({"id": new_id, "name": draft.name})
    else:
        ctx.print(str(new_id))
    return 0


def cmd_edit(args: argparse.Namespace, ctx: CliContext) -> int:
    service = ctx.services.clients
    client_id = service.resolve(args.client)
    draft = service.get(client_id).draft
    _apply_args(draft, args, ctx)
    _save(ctx, draft, client_id)
    ctx.print_json({"id": client_id}) if ctx.json else ctx.print(str(client_id))
    return 0


def row_json(row: ClientRow, unmasked: bool = False) -> dict[str, Any]:
    from crm.domain.masking import mask_id_number, mask_phone

    return {
        "id": row.id,
        "name": row.name,
        "kind": row.kind,
        "status": row.status,
        "phone": (row.phone if unmasked else mask_phone(row.phone)) if row.phone else None,
        "business_name": row.business_name,
        "tags": list(row.tags),
        "birthday": birthday_text(row),
        "id_number": (row.id_number if unmasked else mask_id_number(row.id_number))
        if row.id_number
        else None,
        "archived": row.archived_at is not None,
    }


def birthday_text(row: ClientRow) -> str | None:
    if not (row.birth_month and row.birth_day):
        return None
    year = f"{row.birth_year:04d}-" if row.birth_year else ""
    text = f"{year}{row.birth_month:02d}-{row.birth_day:02d}"
    if row.birthday_calendar == Calendar.LUNAR:
        return f"lunar {'leap ' if row.birth_leap else ''}{text}"
    return text


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from crm.services.client_query import ClientFilter

    f = ClientFilter(
        text=args.search or "", status=args.status, tag=args.tag, archived=args.archived
    )
    rows = ctx.services.client_query.search(f, limit=args.limit)
    data = [row_json(r, unmasked=args.unmasked) for r in rows]
    if ctx.json:
        ctx.print_json(data)
        return 0
    for d in data:
        status = ctx.text(ClientStatus(d["status"]).label)
        cols = [
            str(d["id"]).rjust(6),
            d["name"],
            status,
            d["phone"] or "",
            d["business_name"] or "",
        ]
        ctx.print("  ".join(c for c in cols if c is not None).rstrip())
    return 0


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    s = ctx.services
    client_id = s.clients.resolve(args.client)
    row = s.client_query.rows([client_id])[client_id]
    data = row_json(row, unmasked=args.unmasked)
    data["festival_optout"] = s.greetings.festival_optout(client_id)
    if ctx.json:
        ctx.print_json(data)
    else:
        for key, value in data.items():
            if value not in (None, [], ""):
                ctx.print(f"{key}: {value}")
    return 0


def _archive(args: argparse.Namespace, ctx: CliContext, restore: bool) -> int:
    service = ctx.services.clients
    ids = [service.resolve(ref) for ref in args.clients]
    hit = service.restore(ids) if restore else service.archive(ids)
    ctx.print_json({"changed": hit}) if ctx.json else ctx.print(" ".join(map(str, hit)))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("add", help="add one client and print its id")
    _client_options(p, editing=False)
    add_json_flag(p)
    p.set_defaults(handler=cmd_add)

    p = sub.add_parser("edit", help="change fields of one client")
    p.add_argument("client", help="client id or unambiguous name")
    _client_options(p, editing=True)
    add_json_flag(p)
    p.set_defaults(handler=cmd_edit)

    p = sub.add_parser("list", help="list or search clients")
    p.add_argument("--search", "-s", help="name, pinyin, initials, 4+ phone digits, shop, tag")
    p.add_argument("--status", choices=[s.value for s in ClientStatus])
    p.add_argument("--tag")
    p.add_argument("--archived", action="store_true", help="list the archive instead")
    p.add_argument("--limit", type=int)
    p.add_argument("--unmasked", action="store_true", help="show full phone and ID numbers")
    add_json_flag(p)
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("show", help="show one client")
    p.add_argument("client", help="client id or unambiguous name")
    p.add_argument("--unmasked", action="store_true")
    add_json_flag(p)
    p.set_defaults(handler=cmd_show)

    for name, restore in (("archive", False), ("restore", True)):
        p = sub.add_parser(name, help=f"{name} clients (archive is undoable)")
        p.add_argument("clients", nargs="+", help="client ids or unambiguous names")
        add_json_flag(p)
        p.set_defaults(handler=lambda a, c, r=restore: _archive(a, c, r))
