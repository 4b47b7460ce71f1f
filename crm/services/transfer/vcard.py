"""vCard 3.0 (RFC 2426) cards for a phone's contacts: UTF-8, CRLF, lines folded at 75 octets.

What readers need, tried with vobject, khard and abook:

- ``UID`` (khard ignores a card without one), stable across exports of the same client, so a
  phone or khard updates a contact instead of adding a second; ``REV`` is the last change;
- every phone, typed: a mobile ``TYPE=CELL,VOICE``, a landline ``HOME,VOICE`` for a person and
  ``WORK,VOICE`` for a business (abook keeps a landline only with HOME or WORK);
- text escaped as RFC 2426 says (backslash, comma, semicolon, newline), in every component;
- ``N`` split at the space the officer typed (``李 小龍``), else after the surname.

A vCard goes to a phone, where a masked number cannot be dialled: callers export it unmasked
unless asked (``crm export`` says so on stderr; the export dialog ticks "unmasked" for it).
ID numbers are never written to a vCard.
"""

from __future__ import annotations

import datetime as dt
import uuid

from crm.domain.masking import mask_phone
from crm.services.transfer import rows as R

#: Namespace of Prism's vCard UIDs: uuid5(NAMESPACE, "<client id>/<created at>").
NAMESPACE = uuid.UUID("6f1f5b8e-4a4e-5c2b-9a51-7b0c1d2e3f40")


def escape(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Split a content line into 75-octet pieces without cutting a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line + "\r\n"
    pieces: list[str] = []
    current: list[str] = []
    size, limit = 0, 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, 74  # continuation lines start with a space
        current.append(ch)
        size += n
    pieces.append("".join(current))
    return "\r\n ".join(pieces) + "\r\n"


def card_uid(client_id: int, created_at: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{client_id}/{created_at}')}"


def name_parts(name: str) -> tuple[str, str]:
    """(family, given) for ``N``: split at a typed space (``李 小龍``, ``John Smith``: the
    last word is the family name of a Latin name), else after a Chinese surname."""
    from crm.domain.names import split_surname

    name = " ".join(name.split())
    if " " in name:
        first, _, rest = name.partition(" ")
        if first and not first[0].isascii():
            return first, rest  # Chinese order: family first
        head, _, last = name.rpartition(" ")
        return last, head
    family, given = split_surname(name)
    return family.strip(), given.strip()


def _is_mobile(phone: str) -> bool:
    if phone.startswith("+"):
        from crm.domain.errors import FieldError
        from crm.domain.phones import validate_phone

        try:
            return validate_phone(phone).is_mobile
        except FieldError:
            return False
    return len(phone) == 11 and phone.startswith("1")


def card(r: tuple, unmasked: bool) -> str:
    name = r[R.NAME]
    business = r[R.KIND] != "person"
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"UID:{card_uid(r[R.ID], r[R.CREATED])}"]
    if r[R.KIND] == "company":
        lines.append(f"N:{escape(name)};;;;")
    else:
        family, given = name_parts(name)
        lines.append(f"N:{escape(family)};{escape(given)};;;")
    lines.append(f"FN:{escape(name)}")
    if r[R.FORM]:
        lines.append(f"NICKNAME:{escape(r[R.FORM])}")
    if r[R.BUSINESS]:
        lines.append(f"ORG:{escape(r[R.BUSINESS])}")
    for phone in (r[R.PHONES] or "").split("\x1f"):
        if phone:
            shown = phone if unmasked else mask_phone(phone)
            kind = "CELL" if _is_mobile(phone) else "WORK" if business else "HOME"
            lines.append(f"TEL;TYPE={kind},VOICE:{escape(shown)}")
    if r[R.CAL] == "solar" and r[R.BY] and r[R.BM] and r[R.BD]:
        lines.append(f"BDAY:{dt.date(r[R.BY], r[R.BM], r[R.BD]).isoformat()}")
    if r[R.ADDRESS]:
        lines.append(f"ADR;TYPE={'WORK' if business else 'HOME'}:;;{escape(r[R.ADDRESS])};;;;")
    if r[R.TAGS]:
        lines.append("CATEGORIES:" + ",".join(escape(t) for t in r[R.TAGS].split("\x1f")))
    if r[R.NOTES]:
        lines.append(f"NOTE:{escape(r[R.NOTES])}")
    if r[R.UPDATED]:
        lines.append(f"REV:{str(r[R.UPDATED])[:19].replace(' ', 'T')}")
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines)
