"""Turning one imported row's cells into a ClientDraft, field by field.

The cell parsing is lenient where people are (dates as 1985-03-08, 1985/3/8, 1985年3月8日,
19850308 or an Excel date; "男"/"male"; phones separated by ; , 、 / or new lines) and exact
where it matters: anything it cannot read becomes an error on that row, never a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from crm.domain.client_form import Birthday, ClientDraft
from crm.domain.enums import Calendar, ClientKind, ClientStatus, Gender
from crm.domain.errors import FieldError
from crm.domain.messages import QT_TRANSLATE_NOOP, Translate
from crm.domain.referrals import ReferralSource
from crm.services.transfer.fields import (
    FORMULA_TRIGGERS,
    LEAP,
    LUNAR,
    enum_lookup,
    normalise_header,
)
from crm.services.transfer.reader import Cell

_PHONE_SPLIT = re.compile(r"[;；,，、/\n|]+|\s*:::\s*")
#: Google Contacts puts several values in one cell as "a ::: b".
_MULTI = re.compile(r"\s*:::\s*")
#: Google's label every contact has; it says nothing about the client.
_SYSTEM_LABELS = frozenset({"* myContacts", "* starred"})
_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}  # fmt: skip
_CN_MONTHS = {"正": 1, "冬": 11, "腊": 12, "十一": 11, "十二": 12}
_LUNAR_TEXT = re.compile(
    r"^(?:(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*)?(闰)?\s*"
    r"(十一|十二|[正一二三四五六七八九十冬腊])\s*月\s*"
    r"(初[一二三四五六七八九十]|廿[一二三四五六七八九]|二十[一二三四五六七八九]?|"
    r"三十|十[一二三四五六七八九]?|[一二三四五六七八九])\s*日?$"
)
MASKED = QT_TRANSLATE_NOOP(
    "Import",
    "{value} is masked: this file is a masked export. Export it again with full numbers "
    '(--unmasked, or tick "unmasked" in the export dialog) and import that file.',
)
_DATE = re.compile(r"^(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
#: Outlook's month/day/year ("3/8/1985"); "0/0/00" is its empty birthday.
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_NO_DATE = frozenset({"0/0/00", "0/0/0000", "00/00/0000"})
_MOMENT = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[\sT]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$"
)
#: Columns that are not fields of the client form: they are settled when the row is imported.
EXTRA_KEYS = ("referrer", "last_contact", "created")


@dataclass(slots=True)  # one per row of the file: no __dict__ each
class Extra:
    """What a row says beyond the client form: who referred them (a name, resolved against
    the book and the file), when they were last in touch and when they were added."""

    referrer: str = ""
    last_contact: dt.datetime | None = None
    created: dt.datetime | None = None


def cell_text(value: Cell, unquote: bool = False, literal: bool = False) -> str:
    """A cell as the text the officer sees; ``unquote`` (csv) undoes the apostrophe that
    :func:`crm.services.transfer.export.safe_text` adds, ``literal`` (csv) the ``="..."`` of
    :func:`crm.services.transfer.excel_csv.excel_text` (Excel's own way to keep text text)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if literal and text[:2] == '="':
        from crm.services.transfer.excel_csv import unwrap

        inner = unwrap(text)
        if inner is not None:
            return inner
    if (
        unquote
        and text[:1] == "'"
        and text.lstrip("'")[:1] in FORMULA_TRIGGERS
        and text.lstrip("'")
    ):
        return text[1:]  # the apostrophe export.safe_text added
    return text


class RowParser:
    """Builds drafts from rows under one column mapping."""

    def __init__(
        self,
        mapping: Sequence[str | None],
        translate: Translate,
        unquote: bool = False,
        literal: bool = False,
    ) -> None:
        self.mapping = list(mapping)
        self.unquote = unquote
        self.literal = literal
        self.enums = {k: enum_lookup(k, translate) for k in ("kind", "gender", "status", "source")}
        self.lunar_words = {"农历", "阴历", "lunar", normalise_header(LUNAR.render(translate))}
        self.leap_words = {"闰", "leap", normalise_header(LEAP.render(translate))}

    def draft(self, row: Sequence[Cell]) -> tuple[ClientDraft, list[FieldError], Extra]:
        d = ClientDraft()
        extra = Extra()
        errors: list[FieldError] = []
        phones: list[str] = []
        tags: list[str] = []
        given = family = ""
        for i, key in enumerate(self.mapping):
            if key is None or i >= len(row):
                continue
            raw = row[i]
            text = cell_text(raw, self.unquote, self.literal).strip()
            if key == "phones":
                found = [p.strip() for p in _PHONE_SPLIT.split(text) if p.strip()]
                masked = [p for p in found if "*" in p]
                if masked:
                    errors.append(FieldError("phones", MASKED.with_(value=masked[0])))
                phones += [p for p in found if "*" not in p]
                continue
            if key == "tags":
                tags += [
                    t.removeprefix("* ")
                    for t in _MULTI.split(text)
                    if t.strip() and t.strip() not in _SYSTEM_LABELS
                ]
                continue
            if key == "given_name":
                given = " ".join(_MULTI.split(text)[0].split())
                continue
            if key == "family_name":
                family = " ".join(_MULTI.split(text)[0].split())
                continue
            if not text or (key == "birthday" and text in _NO_DATE):
                continue
            try:
                if key in EXTRA_KEYS:
                    self._extra(extra, key, raw, text)
                else:
                    self._set(d, key, raw, text)
            except FieldError as exc:
                errors.append(exc)
        d.phones = phones
        d.tags = tags
        if not d.name.strip() and (given or family):
            d.name = joined_name(family, given)
        return d, errors, extra

    def _extra(self, extra: Extra, key: str, raw: Cell, text: str) -> None:
        if key == "referrer":
            extra.referrer = " ".join(text.split())
        elif key == "last_contact":
            extra.last_contact = moment(key, raw, text)
        else:
            extra.created = moment(key, raw, text)

    def _set(self, d: ClientDraft, key: str, raw: Cell, text: str) -> None:
        if key in ("kind", "gender", "status", "source"):
            value = self.enums[key].get(normalise_header(text))
            if value is None:
                raise FieldError(
                    key,
                    QT_TRANSLATE_NOOP("Import", "{value} is not a known value here.").with_(
                        value=text
                    ),
                )
            if key == "kind":
                d.kind = ClientKind(value)
            elif key == "gender":
                d.gender = Gender(value)
            elif key == "source":
                d.source = ReferralSource(value)
            else:
                d.status = ClientStatus(value)
        elif key == "birthday":
            d.birthday = self.birthday(raw, text)
        elif key == "id_number" and "*" in text:
            raise FieldError(key, MASKED.with_(value=text))
        elif key == "cadence_days":
            try:
                number = float(text)
            except ValueError:
                number = -1.0
            if not number.is_integer() or number < 0:
                raise FieldError(
                    key,
                    QT_TRANSLATE_NOOP("Import", "{value} is not a whole number of days.").with_(
                        value=text
                    ),
                )
            d.cadence_days = int(number)
        else:
            setattr(d, key, text)

    def birthday(self, raw: Cell, text: str) -> Birthday:
        if isinstance(raw, dt.datetime):
            raw = raw.date()
        if isinstance(raw, dt.date):
            return Birthday(Calendar.SOLAR, raw.month, raw.day, raw.year)
        calendar, leap = Calendar.SOLAR, False
        rest = text.strip()
        low = rest.lower()
        for word in sorted(self.lunar_words, key=len, reverse=True):
            if word and low.startswith(word):
                calendar, rest = Calendar.LUNAR, rest[len(word) :].strip()
                break
        low = rest.lower()
        for word in sorted(self.leap_words, key=len, reverse=True):
            if word and low.startswith(word) and calendar is Calendar.LUNAR:
                leap, rest = True, rest[len(word) :].strip()
                break
        spoken = _LUNAR_TEXT.match(rest) if calendar is Calendar.LUNAR else None
        if spoken:
            return _spoken_lunar(spoken, leap)
        us = _US_DATE.match(rest)
        if us:
            return Birthday(calendar, int(us[1]), int(us[2]), int(us[3]), leap)
        rest = rest.removeprefix("--")  # vCard and Google: --MM-DD, a birthday without a year
        m = _DATE.match(rest) or _COMPACT_DATE.match(rest)
        if not m:
            raise FieldError(
                "birthday",
                QT_TRANSLATE_NOOP(
                    "Import", "{value} is not a date (write 1985-03-08, 03-08 or 农历 1985-03-08)."
                ).with_(value=text),
            )
        year, month, day = m.groups()
        return Birthday(calendar, int(month), int(day), int(year) if year else None, leap)


def moment(key: str, raw: Cell, text: str) -> dt.datetime:
    """A date, or a date and time, as a spreadsheet or Prism's export writes it."""
    if isinstance(raw, dt.datetime):
        return raw.replace(microsecond=0)
    if isinstance(raw, dt.date):
        return dt.datetime(raw.year, raw.month, raw.day)
    m = _MOMENT.match(text.strip())
    if m:
        y, mo, d, h, mi, sec = (int(g) if g else 0 for g in m.groups())
        try:
            return dt.datetime(y, mo, d, h, mi, sec)
        except ValueError:
            pass
    raise FieldError(
        key,
        QT_TRANSLATE_NOOP(
            "Import", "{value} is not a date (write 2026-11-29, or 2026-11-29 14:30)."
        ).with_(value=text),
    )


def joined_name(family: str, given: str) -> str:
    """A name from a contact file's parts: 王 + 小明 is 王小明, John + Smith is John Smith."""
    if not family or not given:
        return family or given
    if not (family + given).isascii():
        return family + given
    return f"{given} {family}"


def _cn_number(text: str) -> int:
    """一 … 三十, 初五, 廿三: the day or month of a lunar date written in words."""
    text = text.removeprefix("初").replace("廿", "二十")
    if text in _CN_MONTHS:
        return _CN_MONTHS[text]
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    return _CN_DIGITS[text]


def _spoken_lunar(m: re.Match[str], leap: bool) -> Birthday:
    """农历八月十五, 农历1985年八月十五, 农历一九八五年闰四月初五, 农历腊月廿三."""
    year_text, leap_word, month_text, day_text = m.groups()
    year = None
    if year_text:
        year = (
            int(year_text)
            if year_text.isdigit()
            else int("".join(str(_CN_DIGITS[c]) for c in year_text))
        )
    month = _CN_MONTHS.get(month_text) or _cn_number(month_text)
    return Birthday(Calendar.LUNAR, month, _cn_number(day_text), year, leap or bool(leap_word))
