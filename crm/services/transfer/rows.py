"""The exported list's rows, straight from SQL: one query per chunk of ids, no ORM objects.

Cells come out typed (str, int, date or None) for the writers; phones and ID numbers are masked
unless asked otherwise; enum values and lunar birthdays are written in the user's language.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from functools import partial

from crm.domain.masking import mask_id_number, mask_phone
from crm.domain.messages import Translate
from crm.services.transfer.fields import ENUMS, FIELD_BY_KEY, LEAP, LUNAR
from crm.store.book import Book

Cell = str | int | dt.date | None

PHONE_SEP = "; "
TAG_SEP = "、"
CHUNK = 5000

# Chinese numbers as dialled at home; foreign ones with their +country code.
ROW_SQL = """
SELECT c.id, c.name, c.kind, c.gender,
       (SELECT group_concat(CASE WHEN substr(e164, 1, 3) = '+86' THEN national ELSE e164 END,
                            char(31))
          FROM (SELECT e164, national FROM client_phone p WHERE p.client_id = c.id
                ORDER BY position)),
       c.id_number, c.birthday_calendar, c.birth_year, c.birth_month, c.birth_day, c.birth_leap,
       c.wechat, c.business_name, c.industry, c.uscc, c.address, c.status,
       (SELECT group_concat(tag, char(31))
          FROM (SELECT tag FROM client_tag t WHERE t.client_id = c.id ORDER BY tag)),
       c.notes, c.form_of_address, c.cadence_days, c.created_at
FROM json_each(?) j JOIN client c ON c.id = j.value
ORDER BY j.key
"""
(ID, NAME, KIND, GENDER, PHONES, ID_NUMBER, CAL, BY, BM, BD, LEAP_COL, WECHAT, BUSINESS,
 INDUSTRY, USCC, ADDRESS, STATUS, TAGS, NOTES, FORM, CADENCE, CREATED) = range(22)  # fmt: skip

_PLAIN = {
    "name": NAME,
    "wechat": WECHAT,
    "business_name": BUSINESS,
    "industry": INDUSTRY,
    "uscc": USCC,
    "address": ADDRESS,
    "notes": NOTES,
    "form_of_address": FORM,
    "cadence_days": CADENCE,
}


def raw_rows(book: Book, ids: Sequence[int], chunk: int = CHUNK) -> Iterator[list[tuple]]:
    """The row query's results, a chunk of ids at a time, in the order of ``ids``."""
    conn = book.reader()
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        yield conn.execute(ROW_SQL, (json.dumps(list(part)),)).fetchall()


def _plain(i: int, r: tuple) -> Cell:
    return r[i]


def _label(i: int, labels: dict[str, str], r: tuple) -> Cell:
    return labels.get(r[i], r[i])


def birthday_cell(r: tuple, translate: Translate) -> Cell:
    month, day = r[BM], r[BD]
    if not (month and day):
        return None
    year = r[BY]
    if r[CAL] == "lunar":
        leap = f"{LEAP.render(translate)} " if r[LEAP_COL] else ""
        ymd = f"{year:04d}-{month:02d}-{day:02d}" if year else f"{month:02d}-{day:02d}"
        return f"{LUNAR.render(translate)} {leap}{ymd}"
    if year:
        return dt.date(year, month, day)
    return f"{month:02d}-{day:02d}"


def converters(
    columns: Sequence[str], unmasked: bool, translate: Translate
) -> list[Callable[[tuple], Cell]]:
    """One function per chosen column, turning a raw row into that column's cell."""
    out: list[Callable[[tuple], Cell]] = []
    for key in columns:
        if key not in FIELD_BY_KEY:
            raise KeyError(key)
        if key in _PLAIN:
            i = _PLAIN[key]
            out.append(partial(_plain, i))
        elif key in ENUMS:
            labels = {m.value: m.label.render(translate) for m in ENUMS[key]}
            i = {"kind": KIND, "gender": GENDER, "status": STATUS}[key]
            out.append(partial(_label, i, labels))
        elif key == "phones":
            if unmasked:
                out.append(lambda r: r[PHONES].replace("\x1f", PHONE_SEP) if r[PHONES] else None)
            else:
                out.append(
                    lambda r: (
                        PHONE_SEP.join(mask_phone(p) for p in r[PHONES].split("\x1f"))
                        if r[PHONES]
                        else None
                    )
                )
        elif key == "id_number":
            if unmasked:
                out.append(lambda r: r[ID_NUMBER])
            else:
                out.append(lambda r: mask_id_number(r[ID_NUMBER]) if r[ID_NUMBER] else None)
        elif key == "tags":
            out.append(lambda r: r[TAGS].replace("\x1f", TAG_SEP) if r[TAGS] else None)
        elif key == "birthday":
            out.append(lambda r: birthday_cell(r, translate))
        elif key == "created":
            out.append(lambda r: dt.date.fromisoformat(r[CREATED][:10]))
    return out


def typed_rows(
    book: Book, ids: Sequence[int], columns: Sequence[str], unmasked: bool, translate: Translate
) -> Iterator[list[list[Cell]]]:
    """Chunks of rows of typed cells, in the order of ``ids``."""
    conv = converters(columns, unmasked, translate)
    for chunk in raw_rows(book, ids):
        yield [[f(r) for f in conv] for r in chunk]
