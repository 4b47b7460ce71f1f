"""`crm show`: every field of one client, labelled in the interface language (or ``--json``).

Also :func:`row_json`, the JSON of a client list row (`crm list --json`).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from crm.commands.base import CliContext, add_json_flag
from crm.domain.enums import Calendar, ClientKind, ClientStatus
from crm.domain.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    # Building the parser (every command, `crm --version`) imports no services: handlers do.
    from crm.services.client_query import ClientRow
    from crm.services.clients import ClientDetail

_LABELS = {
    "address_as": QT_TRANSLATE_NOOP("cli", "Address as"),
    "kind": QT_TRANSLATE_NOOP("cli", "Kind"),
    "status": QT_TRANSLATE_NOOP("cli", "Status"),
    "gender": QT_TRANSLATE_NOOP("cli", "Gender"),
    "phones": QT_TRANSLATE_NOOP("cli", "Phone"),
    "wechat": QT_TRANSLATE_NOOP("cli", "WeChat"),
    "id_number": QT_TRANSLATE_NOOP("cli", "ID number"),
    "birthday": QT_TRANSLATE_NOOP("cli", "Birthday"),
    "business_name": QT_TRANSLATE_NOOP("cli", "Business"),
    "industry": QT_TRANSLATE_NOOP("cli", "Industry"),
    "uscc": QT_TRANSLATE_NOOP("cli", "USCC"),
    "address": QT_TRANSLATE_NOOP("cli", "Address"),
    "tags": QT_TRANSLATE_NOOP("cli", "Tags"),
    "referred_by": QT_TRANSLATE_NOOP("cli", "Referred by"),
    "source": QT_TRANSLATE_NOOP("cli", "Source"),
    "cadence": QT_TRANSLATE_NOOP("cli", "Keep in touch"),
    "last_contact": QT_TRANSLATE_NOOP("cli", "Last contact"),
    "festival": QT_TRANSLATE_NOOP("cli", "Festival greetings"),
    "notes": QT_TRANSLATE_NOOP("cli", "Notes"),
    "added": QT_TRANSLATE_NOOP("cli", "Added"),
    "updated": QT_TRANSLATE_NOOP("cli", "Updated"),
    "archived": QT_TRANSLATE_NOOP("cli", "Archived"),
}
LUNAR = QT_TRANSLATE_NOOP("cli", "lunar {date}")
EVERY = QT_TRANSLATE_NOOP("cli", "every {n} days")
EVERY_BY_STATUS = QT_TRANSLATE_NOOP("cli", "every {n} days (the default for the status)")
NEVER = QT_TRANSLATE_NOOP("cli", "never")
YES = QT_TRANSLATE_NOOP("cli", "yes")
OPTED_OUT = QT_TRANSLATE_NOOP("cli", "no (opted out)")
WHO = QT_TRANSLATE_NOOP("cli", "{name} (id {id})")


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


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    s = ctx.services
    client_id = s.clients.resolve(args.client)
    detail = s.clients.get(client_id)
    row = s.client_query.rows([client_id])[client_id]
    data = show_json(ctx, detail, row, args.unmasked)
    if ctx.json:
        ctx.print_json(data)
    else:
        _print(ctx, detail, data)
    return 0


def show_json(
    ctx: CliContext, detail: ClientDetail, row: ClientRow, unmasked: bool
) -> dict[str, Any]:
    """Every field: the list row's keys (as `crm list --json`), then the rest of the record."""
    from crm.domain.masking import mask_phone

    s = ctx.services
    d = detail.draft
    referrer = s.clients.get(d.referred_by_id).name if d.referred_by_id else None
    return {
        **row_json(row, unmasked),
        "phones": [p.shown if unmasked else mask_phone(p.shown) for p in detail.phones],
        "address_as": d.form_of_address or None,
        "gender": d.gender.value if d.gender else None,
        "wechat": d.wechat or None,
        "industry": d.industry or None,
        "uscc": d.uscc or None,
        "address": d.address or None,
        "referred_by": d.referred_by_id,
        "referred_by_name": referrer,
        "source": d.source.value if d.source else None,
        "cadence_days": d.cadence_days,
        "cadence_effective": s.cadence.cadence_of(detail.id),
        "last_contact_at": row.last_contact_at.isoformat(" ") if row.last_contact_at else None,
        "festival_optout": s.greetings.festival_optout(detail.id),
        "notes": d.notes or None,
        "created_at": detail.created_at.isoformat(" "),
        "updated_at": detail.updated_at.isoformat(" "),
        "archived_at": detail.archived_at.isoformat(" ") if detail.archived_at else None,
    }


def _birthday(ctx: CliContext, detail: ClientDetail) -> str | None:
    b = detail.draft.birthday
    if b is None:
        return None
    if b.calendar is Calendar.SOLAR:
        return f"{b.year}-{b.month:02d}-{b.day:02d}" if b.year else f"{b.month:02d}-{b.day:02d}"
    from crm.domain.lunar import format_lunar

    text = ctx.text(LUNAR.with_(date=format_lunar(b.month, b.day, b.leap)))
    return f"{b.year} {text}" if b.year else text


def _print(ctx: CliContext, detail: ClientDetail, data: dict[str, Any]) -> None:
    from crm.commands.loans import _left, _width
    from crm.domain.referrals import ReferralSource

    t = ctx.text
    d = detail.draft
    kind_or_status = (
        d.kind.label if d.kind is ClientKind.PARTNER else ClientStatus(data["status"]).label
    )
    cadence = EVERY if d.cadence_days else EVERY_BY_STATUS
    last = data["last_contact_at"]
    fields: list[tuple[str, str | None]] = [
        ("address_as", data["address_as"]),
        ("kind", t(d.kind.label)),
        ("status", t(kind_or_status)),
        ("gender", t(d.gender.label) if d.gender else None),
        *(("phones", phone) for phone in data["phones"]),
        ("wechat", data["wechat"]),
        ("id_number", data["id_number"]),
        ("birthday", _birthday(ctx, detail)),
        ("business_name", data["business_name"]),
        ("industry", data["industry"]),
        ("uscc", data["uscc"]),
        ("address", data["address"]),
        ("tags", ", ".join(data["tags"])),
        (
            "referred_by",
            t(WHO.with_(name=data["referred_by_name"], id=d.referred_by_id))
            if d.referred_by_id
            else None,
        ),
        ("source", t(ReferralSource(data["source"]).label) if data["source"] else None),
        ("cadence", t(cadence.with_(n=data["cadence_effective"]))),
        ("last_contact", last[:16] if last else t(NEVER)),
        ("festival", t(OPTED_OUT if data["festival_optout"] else YES)),
        ("notes", data["notes"]),
        ("added", data["created_at"][:10]),
        ("updated", data["updated_at"][:10]),
        ("archived", data["archived_at"][:10] if data["archived_at"] else None),
    ]
    shown = [(t(_LABELS[key]), value) for key, value in fields if value]
    ctx.print(t(WHO.with_(name=d.name, id=detail.id)))
    width = max(_width(label) for label, _ in shown)
    for label, value in shown:
        lines = str(value).splitlines() or [""]
        ctx.print(f"  {_left(label, width)}  {lines[0]}")
        for more in lines[1:]:  # notes on several lines stay under the value column
            ctx.print(f"  {' ' * width}  {more}")


def register_show(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("show", help="every field of one client")
    p.add_argument("client", help="client id or unambiguous name")
    p.add_argument("--unmasked", action="store_true", help="show full phone and ID numbers")
    add_json_flag(p)
    p.set_defaults(handler=cmd_show)
