"""`crm add`, `crm edit`, `crm list`, `crm show`, `crm archive`, `crm restore`."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from crm.commands.base import (
    NO_SUCH_DATE,
    CliContext,
    CommandError,
    UsageProblem,
    add_json_flag,
    add_limit_flag,
    say,
)
from crm.domain.client_form import Birthday, CleanClient, ClientDraft
from crm.domain.enums import Calendar, ClientKind, ClientStatus, Gender
from crm.domain.errors import ValidationErrors
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg

_DATE = re.compile(r"^(?:(\d{4})-)?(\d{1,2})-(\d{1,2})$")

LUNAR_YEARS = QT_TRANSLATE_NOOP(
    "cli",
    "{option} {value}: the lunar calendar covers 1901–2099; give a year in that range, "
    "or leave the year out (MM-DD).",
)
DUPLICATE = QT_TRANSLATE_NOOP(
    "cli",
    "Same phone or ID number as {who}. Nothing was added: look with crm show ID, "
    "or add --allow-duplicate to add a second client anyway.",
)
DUPLICATE_WARNING = QT_TRANSLATE_NOOP("cli", "warning: same phone or ID number as {who}.")
WHO = QT_TRANSLATE_NOOP("cli", "{name} (id {id})")
WHO_ARCHIVED = QT_TRANSLATE_NOOP("cli", "{name} (id {id}, archived)")
BAD_CADENCE = QT_TRANSLATE_NOOP(
    "cli", "--cadence {value!r}: give a number of days (1 to 3650), or 'default'."
)
ARCHIVED = QT_TRANSLATE_NOOP("cli", "Archived {who}. crm restore CLIENT brings them back.")
RESTORED = QT_TRANSLATE_NOOP("cli", "Restored {who}.")
NOT_ARCHIVED = QT_TRANSLATE_NOOP("cli", "Not archived, nothing to restore: {who}.")
ALREADY_ARCHIVED = QT_TRANSLATE_NOOP("cli", "Already archived: {who}.")
NO_CLIENTS = QT_TRANSLATE_NOOP("cli", "No clients match.")
NO_SUCH_BACKUP = QT_TRANSLATE_NOOP(
    "cli",
    "There is no backup file {file}. Give the path of a backup (crm check names the newest "
    "good one); to restore an archived client, give its id or name.",
)
RESTORE_WHAT = QT_TRANSLATE_NOOP(
    "cli",
    "{problem} crm restore CLIENT... brings back archived clients (crm list --archived lists "
    "them); crm restore --backup FILE restores the book from a backup.",
)
RESTORE_NOTHING = QT_TRANSLATE_NOOP(
    "cli", "Give the archived clients to restore, or --backup FILE to restore the book."
)


def _birthday(option: str, value: str, calendar: Calendar, leap: bool) -> Birthday:
    m = _DATE.match(value.strip())
    if not m:
        raise CommandError(
            QT_TRANSLATE_NOOP(
                "cli", "Birthday {value!r} is not YYYY-MM-DD or MM-DD (for example 1985-03-08)."
            ).with_(value=value)
        )
    year, month, day = (int(x) if x else None for x in m.groups())
    assert month is not None and day is not None
    if calendar is Calendar.SOLAR:
        try:  # 2000: February 29 is a birthday when no year is given
            dt.date(year or 2000, month, day)
        except ValueError:
            raise CommandError(NO_SUCH_DATE.with_(option=option, value=value)) from None
    elif year is not None and not 1901 <= year <= 2099:
        raise CommandError(LUNAR_YEARS.with_(option=option, value=value))
    return Birthday(calendar, month, day, year, leap)


def _client_options(p: argparse.ArgumentParser, *, editing: bool) -> None:
    p.add_argument("--name", required=not editing, help="full name (required)")
    p.add_argument("--kind", choices=[k.value for k in ClientKind])
    p.add_argument("--gender", choices=[g.value for g in Gender])
    p.add_argument(
        "--phone",
        action="append",
        help="a phone number; repeat for more" + (" (replaces the phones)" if editing else ""),
    )
    p.add_argument("--wechat")
    p.add_argument("--id-number", help="18-character resident ID number")
    p.add_argument("--birthday", help="solar birthday, YYYY-MM-DD or MM-DD")
    p.add_argument("--lunar-birthday", help="lunar birthday, [YYYY-]MM-DD (years 1901-2099)")
    p.add_argument("--leap", action="store_true", help="the lunar birthday is in a leap month")
    p.add_argument("--company", help="business or shop name")
    p.add_argument("--industry")
    p.add_argument("--uscc", help="unified social credit code")
    p.add_argument("--address")
    p.add_argument("--status", choices=[s.value for s in ClientStatus])
    p.add_argument("--tag", action="append", help="add a tag; repeat for more")
    if editing:
        p.add_argument("--untag", action="append", metavar="TAG", help="remove a tag")
    p.add_argument("--set-tags", metavar="A,B", help="replace all tags ('' clears them)")
    p.add_argument("--notes")
    p.add_argument("--address-as", metavar="称呼", help="how you address them, e.g. 王总")
    p.add_argument(
        "--cadence", metavar="DAYS", help="keep in touch every DAYS days ('default': by status)"
    )
    if not editing:
        p.add_argument(
            "--allow-duplicate",
            action="store_true",
            help="add even if a client has the same phone or ID number",
        )
    from crm.commands.referrals import add_referral_options

    add_referral_options(p, editing=editing)


def _cadence(value: str) -> int | None:
    if value.strip().lower() in ("default", "none", ""):
        return None
    try:
        return int(value)
    except ValueError:
        raise CommandError(BAD_CADENCE.with_(value=value)) from None


def _tags(draft: ClientDraft, args: argparse.Namespace) -> None:
    if args.set_tags is not None:
        draft.tags = [t.strip() for t in args.set_tags.split(",") if t.strip()]
    for tag in args.tag or ():
        if tag not in draft.tags:
            draft.tags.append(tag)
    gone = set(getattr(args, "untag", None) or ())
    draft.tags = [t for t in draft.tags if t not in gone]


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
        "form_of_address": args.address_as,
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
    if args.cadence is not None:
        draft.cadence_days = _cadence(args.cadence)
    _tags(draft, args)
    if args.birthday and args.lunar_birthday:
        raise UsageProblem(
            QT_TRANSLATE_NOOP("cli", "Give either --birthday or --lunar-birthday, not both.")
        )
    if args.leap and not args.lunar_birthday:
        raise UsageProblem(QT_TRANSLATE_NOOP("cli", "--leap goes with --lunar-birthday."))
    if args.birthday:
        draft.birthday = _birthday("--birthday", args.birthday, Calendar.SOLAR, False)
    elif args.lunar_birthday:
        draft.birthday = _birthday(
            "--lunar-birthday", args.lunar_birthday, Calendar.LUNAR, args.leap
        )
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


def who(ctx: CliContext, people: Iterable[tuple[int, str, bool]]) -> str:
    """``张伟 (id 3), 李四 (id 5, archived)``."""
    return ", ".join(
        ctx.text((WHO_ARCHIVED if archived else WHO).with_(name=name, id=cid))
        for cid, name, archived in people
    )


def _duplicates(
    ctx: CliContext, clean: CleanClient, exclude: int | None = None
) -> list[tuple[int, str, bool]]:
    phones = [p.national for p in clean.phones]
    return ctx.services.client_query.same_phone_or_id(phones, clean.id_number, exclude)


def _errors(ctx: CliContext, exc: ValidationErrors) -> CommandError:
    return CommandError("; ".join(ctx.text(e.message) for e in exc.errors))


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    draft = ClientDraft()
    _apply_args(draft, args, ctx)
    service = ctx.services.clients
    try:
        dups = _duplicates(ctx, service.validate(draft))
        if dups and not args.allow_duplicate:
            raise CommandError(DUPLICATE.with_(who=who(ctx, dups)))
        new_id = service.add(draft)
    except ValidationErrors as exc:
        raise _errors(ctx, exc) from None
    if dups:
        print(f"crm: {ctx.text(DUPLICATE_WARNING.with_(who=who(ctx, dups)))}", file=sys.stderr)
    if ctx.json:
        ctx.print_json({"id": new_id, "name": draft.name, "duplicates": [d[0] for d in dups]})
    else:
        ctx.print(str(new_id))
    return 0


def cmd_edit(args: argparse.Namespace, ctx: CliContext) -> int:
    service = ctx.services.clients
    client_id = service.resolve(args.client)
    draft = service.get(client_id).draft
    _apply_args(draft, args, ctx)
    try:
        clean = service.validate(draft)
        # A changed phone or ID number that another client has: said, not refused (the
        # officer is correcting a record that exists either way).
        dups = _duplicates(ctx, clean, client_id) if args.phone or args.id_number else []
        service.update(client_id, draft)
    except ValidationErrors as exc:
        raise _errors(ctx, exc) from None
    if dups:
        print(f"crm: {ctx.text(DUPLICATE_WARNING.with_(who=who(ctx, dups)))}", file=sys.stderr)
    ctx.print_json({"id": client_id}) if ctx.json else ctx.print(str(client_id))
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from crm.commands.client_show import row_json
    from crm.services.client_query import ClientFilter

    f = ClientFilter(
        text=args.search or "", status=args.status, tag=args.tag, archived=args.archived
    )
    rows = ctx.services.client_query.search(f, limit=args.limit)
    data = [row_json(r, unmasked=args.unmasked) for r in rows]
    if ctx.json:
        ctx.print_json(data)
        return 0
    if not data:
        say(ctx, NO_CLIENTS)
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


def cmd_archive(args: argparse.Namespace, ctx: CliContext) -> int:
    service = ctx.services.clients
    ids = [service.resolve(ref) for ref in args.clients]
    hit = service.archive(ids)
    names = _names(ctx, ids)
    if ctx.json:
        ctx.print_json({"changed": hit, "names": [names[i] for i in hit]})
        return 0
    if hit:
        say(ctx, ARCHIVED.with_(who=who(ctx, [(i, names[i], False) for i in hit])))
    skipped = [i for i in dict.fromkeys(ids) if i not in hit]
    if skipped:
        say(ctx, ALREADY_ARCHIVED.with_(who=who(ctx, [(i, names[i], False) for i in skipped])))
    return 0


def cmd_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    """`crm restore CLIENT...` (archived clients) or `crm restore --backup FILE` (the book).

    crm.commands.transfer sends a single argument that is an existing file to the backup
    restore before this runs; anything else here is a client, unless it looks like a file."""
    if args.backup:
        if args.clients:
            raise UsageProblem(RESTORE_NOTHING)
        from crm.commands.transfer import cmd_restore_book

        source = Path(args.backup).expanduser()
        if not source.is_file():
            raise CommandError(NO_SUCH_BACKUP.with_(file=args.backup))
        return cmd_restore_book(args, ctx, source)
    if not args.clients:
        raise UsageProblem(RESTORE_NOTHING)
    service = ctx.services.clients
    ids = []
    for ref in args.clients:
        try:
            ids.append(service.resolve(ref))
        except LookupError as exc:  # ClientNotFound
            if _looks_like_a_file(ref):
                raise CommandError(NO_SUCH_BACKUP.with_(file=ref)) from None
            problem = getattr(exc, "message", None)
            text = ctx.text(problem) if isinstance(problem, Msg) else str(exc)
            raise CommandError(RESTORE_WHAT.with_(problem=text)) from None
    hit = service.restore(ids)
    names = _names(ctx, ids)
    if ctx.json:
        ctx.print_json({"changed": hit, "names": [names[i] for i in hit]})
        return 0
    if hit:
        say(ctx, RESTORED.with_(who=who(ctx, [(i, names[i], False) for i in hit])))
    skipped = [i for i in dict.fromkeys(ids) if i not in hit]
    if skipped:
        say(ctx, NOT_ARCHIVED.with_(who=who(ctx, [(i, names[i], False) for i in skipped])))
    return 0


def _looks_like_a_file(ref: str) -> bool:
    return "/" in ref or "\\" in ref or Path(ref).suffix.lower() in (".db", ".sqlite", ".bak")


def _names(ctx: CliContext, ids: list[int]) -> dict[int, str]:
    return {cid: d.name for cid, d in ctx.services.clients.get_many(ids).items()}


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
    add_limit_flag(p)
    p.add_argument("--unmasked", action="store_true", help="show full phone and ID numbers")
    add_json_flag(p)
    p.set_defaults(handler=cmd_list)

    from crm.commands.client_show import register_show

    register_show(sub)

    p = sub.add_parser("archive", help="archive clients (crm restore brings them back)")
    p.add_argument("clients", nargs="+", help="client ids or unambiguous names")
    add_json_flag(p)
    p.set_defaults(handler=cmd_archive)

    p = sub.add_parser(
        "restore",
        help="restore archived clients, or the book from a backup (--backup FILE)",
        description="crm restore CLIENT...: bring back archived clients. "
        "crm restore --backup FILE: replace the book with a backup.",
    )
    p.add_argument("clients", nargs="*", metavar="CLIENT", help="archived client ids or names")
    p.add_argument("--backup", metavar="FILE", help="restore the whole book from this backup")
    add_json_flag(p)
    p.set_defaults(handler=cmd_restore)
