"""What a client form holds, and the rules that turn typed text into a clean record.

One set of rules for the add dialog, ``crm add`` and (later) import, so a value refused in one
place is refused in all of them, with the same message.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from crm.domain.enums import Calendar, ClientKind, ClientStatus, Gender
from crm.domain.errors import FieldError, ValidationErrors
from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.domain.referrals import ReferralSource, effective_source

MAX_NAME = 60
MAX_TEXT = 200
MAX_NOTES = 20_000
MAX_TAG = 20


@dataclass(frozen=True)
class Birthday:
    calendar: Calendar
    month: int
    day: int
    year: int | None = None
    leap: bool = False  # lunar leap month only


@dataclass
class ClientDraft:
    """A client as typed: free text where the officer types, enums where they pick."""

    name: str = ""
    kind: ClientKind = ClientKind.PERSON
    gender: Gender | None = None
    birthday: Birthday | None = None
    phones: list[str] = field(default_factory=list)
    wechat: str = ""
    id_number: str = ""
    business_name: str = ""
    industry: str = ""
    uscc: str = ""
    address: str = ""
    status: ClientStatus = ClientStatus.PROSPECT
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    form_of_address: str = ""
    cadence_days: int | None = None
    referred_by_id: int | None = None  # a client or referral partner; cycles refused on save
    source: ReferralSource | None = None


@dataclass(frozen=True)
class CleanPhone:
    e164: str
    national: str


@dataclass(frozen=True)
class CleanClient:
    name: str
    kind: ClientKind
    gender: Gender | None
    birthday: Birthday | None
    phones: tuple[CleanPhone, ...]
    wechat: str | None
    id_number: str | None
    business_name: str | None
    industry: str | None
    uscc: str | None
    address: str | None
    status: ClientStatus
    tags: tuple[str, ...]
    notes: str
    form_of_address: str | None = None
    cadence_days: int | None = None
    referred_by_id: int | None = None
    source: ReferralSource | None = None


_SPACES = re.compile(r"\s+")


def _text(value: str) -> str | None:
    value = _SPACES.sub(" ", value or "").strip()
    return value or None


def clean_tags(tags: list[str]) -> tuple[str, ...]:
    """Trimmed, de-duplicated, order kept; commas and Chinese commas split too."""
    seen: dict[str, None] = {}
    for raw in tags:
        for part in re.split(r"[,，、;；]", raw):
            tag = _SPACES.sub(" ", part).strip()
            if tag:
                seen.setdefault(tag[:MAX_TAG], None)
    return tuple(seen)


def check_birthday(b: Birthday, today: dt.date) -> None:
    """Raise a FieldError naming what is wrong with a birthday as entered."""
    if not 1 <= b.month <= 12:
        raise FieldError(
            "birthday",
            QT_TRANSLATE_NOOP("Validation", "The month must be 1 to 12, not {month}.").with_(
                month=b.month
            ),
        )
    if b.year is not None and not 1900 <= b.year <= today.year:
        raise FieldError(
            "birthday",
            QT_TRANSLATE_NOOP(
                "Validation", "The birth year must be between 1900 and {this_year}."
            ).with_(this_year=today.year),
        )
    if b.calendar is Calendar.SOLAR:
        if b.leap:
            raise FieldError(
                "birthday",
                QT_TRANSLATE_NOOP("Validation", "Only a lunar birthday can be in a leap month."),
            )
        try:
            date = dt.date(b.year or 2000, b.month, b.day)  # 2000: Feb 29 is fine without a year
        except ValueError:
            raise FieldError(
                "birthday",
                QT_TRANSLATE_NOOP(
                    "Validation", "There is no day {day} in month {month}. Check the date."
                ).with_(month=b.month, day=b.day),
            ) from None
        if b.year is not None and date > today:
            raise FieldError(
                "birthday",
                QT_TRANSLATE_NOOP("Validation", "The birthday {date} is in the future.").with_(
                    date=date.isoformat()
                ),
            )
        return
    if not 1 <= b.day <= 30:
        raise FieldError(
            "birthday",
            QT_TRANSLATE_NOOP("Validation", "A lunar day must be 1 to 30, not {day}.").with_(
                day=b.day
            ),
        )
    if b.year is not None:
        from crm.domain.lunar import lunar_to_solar

        try:
            lunar_to_solar(b.year, b.month, b.day, b.leap)
        except ValueError:
            raise FieldError(
                "birthday",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "The lunar year {year} has no such day. Check the month, day and leap flag.",
                ).with_(year=b.year),
            ) from None


def clean_client(draft: ClientDraft, today: dt.date) -> CleanClient:
    """Check every field, report all problems at once, or return the clean record."""
    from crm.domain.identity import validate_id_number, validate_uscc
    from crm.domain.phones import validate_phone

    errors: list[FieldError] = []
    name = _text(draft.name)
    if name is None:
        errors.append(
            FieldError(
                "name", QT_TRANSLATE_NOOP("Validation", "Enter the client's name; it is required.")
            )
        )
    elif len(name) > MAX_NAME:
        errors.append(
            FieldError(
                "name",
                QT_TRANSLATE_NOOP(
                    "Validation", "The name is {n} characters long; shorten it to {max} or fewer."
                ).with_(n=len(name), max=MAX_NAME),
            )
        )
    phones: list[CleanPhone] = []
    for raw in draft.phones:
        if not raw.strip():
            continue
        try:
            phone = validate_phone(raw)
        except FieldError as exc:
            errors.append(exc)
            continue
        if all(p.national != phone.national for p in phones):
            phones.append(CleanPhone(phone.e164, phone.national))
    id_number = None
    if draft.id_number.strip():
        try:
            id_number = validate_id_number(draft.id_number, today)
        except FieldError as exc:
            errors.append(exc)
    uscc = None
    if draft.uscc.strip():
        try:
            uscc = validate_uscc(draft.uscc)
        except FieldError as exc:
            errors.append(exc)
    if draft.birthday is not None:
        try:
            check_birthday(draft.birthday, today)
        except FieldError as exc:
            errors.append(exc)
    long_fields = {
        "wechat": draft.wechat,
        "business_name": draft.business_name,
        "industry": draft.industry,
        "address": draft.address,
    }
    for field_name, value in long_fields.items():
        if len(value) > MAX_TEXT:
            errors.append(
                FieldError(
                    field_name,
                    QT_TRANSLATE_NOOP(
                        "Validation", "This is {n} characters long; shorten it to {max} or fewer."
                    ).with_(n=len(value), max=MAX_TEXT),
                )
            )
    if draft.cadence_days is not None and not 1 <= draft.cadence_days <= 3650:
        errors.append(
            FieldError(
                "cadence_days",
                QT_TRANSLATE_NOOP(
                    "Validation", "Keep in touch every 1 to 3650 days, not {n}."
                ).with_(n=draft.cadence_days),
            )
        )
    if len(draft.form_of_address) > MAX_NAME:
        errors.append(
            FieldError(
                "form_of_address",
                QT_TRANSLATE_NOOP(
                    "Validation", "This is {n} characters long; shorten it to {max} or fewer."
                ).with_(n=len(draft.form_of_address), max=MAX_NAME),
            )
        )
    if len(draft.notes) > MAX_NOTES:
        errors.append(
            FieldError(
                "notes",
                QT_TRANSLATE_NOOP(
                    "Validation", "The notes are {n} characters long; keep them under {max}."
                ).with_(n=len(draft.notes), max=MAX_NOTES),
            )
        )
    if errors:
        raise ValidationErrors(errors)
    assert name is not None
    return CleanClient(
        name=name,
        kind=draft.kind,
        gender=draft.gender,
        birthday=draft.birthday,
        phones=tuple(phones),
        wechat=_text(draft.wechat),
        id_number=id_number,
        business_name=_text(draft.business_name),
        industry=_text(draft.industry),
        uscc=uscc,
        address=_text(draft.address),
        status=draft.status,
        tags=clean_tags(draft.tags),
        notes=draft.notes.strip(),
        form_of_address=_text(draft.form_of_address),
        cadence_days=draft.cadence_days,
        referred_by_id=draft.referred_by_id,
        source=effective_source(draft.source, draft.referred_by_id),
    )
