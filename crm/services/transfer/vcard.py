"""vCard 3.0 (RFC 2426) cards for a phone's contacts: UTF-8, CRLF, lines folded at 75 octets."""

from __future__ import annotations

import datetime as dt

from crm.domain.masking import mask_phone
from crm.services.transfer import rows as R


def escape(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\n")
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


def card(r: tuple, unmasked: bool) -> str:
    from crm.domain.names import split_surname

    name = r[R.NAME]
    lines = ["BEGIN:VCARD", "VERSION:3.0"]
    if r[R.KIND] == "company":
        lines.append(f"N:{escape(name)};;;;")
    else:
        family, given = split_surname(name)
        lines.append(f"N:{escape(family)};{escape(given)};;;")
    lines.append(f"FN:{escape(name)}")
    if r[R.BUSINESS]:
        lines.append(f"ORG:{escape(r[R.BUSINESS])}")
    for phone in (r[R.PHONES] or "").split("\x1f"):
        if phone:
            shown = phone if unmasked else mask_phone(phone)
            kind = "CELL" if phone.startswith("1") and len(phone) == 11 else "VOICE"
            lines.append(f"TEL;TYPE={kind}:{escape(shown)}")
    if r[R.CAL] == "solar" and r[R.BY] and r[R.BM] and r[R.BD]:
        lines.append(f"BDAY:{dt.date(r[R.BY], r[R.BM], r[R.BD]).isoformat()}")
    if r[R.ADDRESS]:
        lines.append(f"ADR:;;{escape(r[R.ADDRESS])};;;;")
    if r[R.TAGS]:
        lines.append("CATEGORIES:" + ",".join(escape(t) for t in r[R.TAGS].split("\x1f")))
    if r[R.NOTES]:
        lines.append(f"NOTE:{escape(r[R.NOTES])}")
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines)
