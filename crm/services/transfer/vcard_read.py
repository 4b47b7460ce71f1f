"""Reading a vCard file (Prism's own, a phone's or Apple's contacts) as a table to import.

Each card is a row; the properties Prism keeps become columns named like Prism's own export
(Name, Phones, Birthday, ...), so the usual mapping and checks apply. Every other property
(EMAIL, URL, X-...) becomes a column of its own, left unmapped, so the preview and the report
say it is not imported instead of dropping it unseen.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.services.transfer.packed import Rows
from crm.services.transfer.reader import FileRefused, Limits, Table, has_nul, too_many_rows

KEPT = ("Name", "Family name", "Given name", "Phones", "Birthday", "Business", "Address",
        "Notes", "Tags", "Form of address")  # fmt: skip
_SKIP = {"VERSION", "UID", "REV", "PRODID", "N", "FN", "TEL", "BDAY", "ORG", "ADR", "NOTE",
         "CATEGORIES", "NICKNAME", "PHOTO", "BEGIN", "END"}  # fmt: skip
APPLE_NO_YEAR = "1604-"  # Apple's year for a birthday without one (X-APPLE-OMIT-YEAR)


def is_vcard(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(64)
    except OSError:
        return False
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")):
        if head.startswith(bom):
            head = head[len(bom) :].decode(enc, "ignore").encode()
    return head.lstrip().upper().startswith(b"BEGIN:VCARD")


def _text(path: Path, limits: Limits) -> str:
    if path.stat().st_size > limits.max_file_bytes:
        raise FileRefused(
            QT_TRANSLATE_NOOP(
                "Import", "The file is {size} MB; files over {max} MB are not imported."
            ).with_(
                size=path.stat().st_size // (1024 * 1024),
                max=limits.max_file_bytes // (1024 * 1024),
            )
        )
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "utf-16", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise FileRefused(QT_TRANSLATE_NOOP("Import", "The vCard file's text cannot be read."))
    if "\x00" in text:
        raise has_nul()
    return text


def _birthday(value: object) -> str:
    text = str(value).strip()
    if text.startswith(APPLE_NO_YEAR):
        text = text[len(APPLE_NO_YEAR) :]
    if text.startswith("--"):
        text = text[2:]
        if len(text) == 4 and text.isdigit():
            text = f"{text[:2]}-{text[2:]}"
    return text[:10] if len(text) > 10 and text[4:5] == "-" else text


def _address(value: object) -> str:
    parts = [
        str(getattr(value, a, "") or "").strip()
        for a in ("country", "region", "city", "street", "extended")
    ]
    parts = [p for p in parts if p]
    joined = "".join(parts)
    return joined if not joined.isascii() else ", ".join(reversed(parts))


def read_vcards(path: Path, limits: Limits) -> Table:
    import vobject

    text = _text(path, limits)
    extra: list[str] = []
    records: list[dict[str, str]] = []
    try:
        for card in vobject.readComponents(text, ignoreUnreadable=True):
            if len(records) >= limits.max_rows:
                raise too_many_rows(limits)
            rec: dict[str, str] = {}
            c = card.contents
            if "fn" in c:
                rec["Name"] = str(c["fn"][0].value)
            if "n" in c:
                n = c["n"][0].value
                rec["Family name"] = str(getattr(n, "family", "") or "")
                rec["Given name"] = str(getattr(n, "given", "") or "")
            rec["Phones"] = "; ".join(str(t.value) for t in c.get("tel", []))
            if "bday" in c:
                rec["Birthday"] = _birthday(c["bday"][0].value)
            if "org" in c:
                org = c["org"][0].value
                rec["Business"] = " ".join(org) if isinstance(org, list) else str(org)
            if "adr" in c:
                rec["Address"] = _address(c["adr"][0].value)
            if "note" in c:
                rec["Notes"] = str(c["note"][0].value)
            if "categories" in c:
                rec["Tags"] = "、".join(str(v) for v in c["categories"][0].value)
            if "nickname" in c:
                rec["Form of address"] = str(c["nickname"][0].value)
            for key, props in c.items():
                name = key.upper()
                if name in _SKIP:
                    continue
                if name not in extra:
                    extra.append(name)
                rec[name] = "; ".join(str(p.value) for p in props)[: limits.max_field_chars]
            records.append(rec)
    except FileRefused:
        raise
    except Exception as exc:  # vobject's parse errors have many types
        raise FileRefused(
            QT_TRANSLATE_NOOP("Import", "This vCard file cannot be read: {reason}").with_(
                reason=str(exc)[:200]
            )
        ) from exc
    if not records:
        raise FileRefused(QT_TRANSLATE_NOOP("Import", "The file is empty."))
    headers = [*KEPT, *extra][: limits.max_columns]
    rows = Rows([rec.get(h, "") for h in headers] for rec in records)
    return Table(headers, rows, "vcf")
