"""Phone numbers: Chinese mobiles and landlines as people type them, and foreign numbers
given with their country code.

phonenumbers is imported here at module level and nowhere else, so callers that import this
module lazily keep its import cost off start-up.

Decisions: extensions are refused (put them in the notes) rather than silently dropped;
``is_mobile`` is True only for numbers phonenumbers knows are mobile, so North American numbers
(fixed line or mobile, undecidable) count as not mobile.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

from crm.domain.errors import FieldError
from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.domain.text import digits

_LETTERS = re.compile(r"[A-Za-z]+")
# What may separate digits: spaces, brackets, dots, and the dashes a Chinese IME produces.
_NOT_ALLOWED = re.compile(r"[^0-9\s().\-‐‑‒–—]")
_NON_DIGITS = re.compile(r"[^0-9]+")


@dataclass(frozen=True)
class Phone:
    e164: str  # "+8613812345678"
    national: str  # digits as dialled in China: "13812345678", "01012345678", "0016502530000"
    display: str  # "138 1234 5678", "010-1234 5678", "+1 650-253-0000"
    is_mobile: bool

    @property
    def canonical(self) -> str:
        return canonical(self.e164, self.national)


def canonical(e164: str, national: str) -> str:
    """THE form a number is written in wherever Prism shows or exports it in one piece
    (``crm list``, ``crm show``, exports): a Chinese number as dialled at home
    ("13812345678", "01065123456"), a foreign one in E.164 ("+447911123456"), never the
    "00" exit-prefix digits. Store queries restate it in SQL:
    ``CASE WHEN substr(e164, 1, 3) = '+86' THEN national ELSE e164 END``."""
    return national if e164.startswith("+86") else e164


def phone_digits(value: str) -> str:
    """Only the digits (full-width ones folded to ASCII), for search."""
    return digits(value)


def validate_phone(value: str, *, field: str = "phone") -> Phone:
    """A phone number as typed, checked and normalised, or FieldError saying what to fix."""
    # Each message is a literal QT_TRANSLATE_NOOP call so that lupdate can find it.
    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        raise FieldError(field, QT_TRANSLATE_NOOP("Validation", "Enter a phone number."))
    letters = _LETTERS.findall(text)
    if letters:
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP(
                "Validation",
                "A phone number cannot contain letters ({letters}): keep only the digits. "
                "Put an extension in the notes.",
            ).with_(letters=" ".join(letters)),
        )
    bad = sorted(set(_NOT_ALLOWED.findall(text[1:] if text[0] == "+" else text)))
    if bad:
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP(
                "Validation",
                "A phone number can only contain digits, spaces, dashes, brackets and a "
                "leading +: remove {chars}.",
            ).with_(chars=" ".join(bad)),
        )
    digits = phone_digits(text)
    international = text[0] == "+" or digits.startswith("00")
    body = digits[2:] if digits.startswith("00") else digits  # 00 is China's exit prefix
    if international and not body.startswith("86"):
        return _foreign(text, field)

    # A Chinese number: set +86 and the trunk 0 aside to see what was typed after them.
    rest = body[2:] if international else body
    trunk = rest.startswith("0")
    local = rest[1:] if trunk else rest
    looks_mobile = not trunk and local.startswith("1") and not local.startswith("10")
    if looks_mobile and len(local) != 11:
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP(
                "Validation", "A Chinese mobile number has 11 digits; you entered {count}."
            ).with_(count=len(local)),
        )
    if not looks_mobile and len(local) < 7:
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP(
                "Validation",
                "This phone number is too short: a mobile number has 11 digits, a landline 10 "
                "to 12 with its area code (e.g. 010-1234 5678).",
            ),
        )
    if not international and not trunk and not looks_mobile and len(local) <= 8:
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP(
                "Validation",
                "This landline number has no area code: add the area code in front, e.g. 010 "
                "for Beijing or 021 for Shanghai.",
            ),
        )
    try:
        number: phonenumbers.PhoneNumber | None = phonenumbers.parse(text, "CN")
    except NumberParseException:
        number = None
    if number is not None and phonenumbers.is_valid_number(number) and not number.extension:
        return _phone(number)
    if looks_mobile:
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP(
                "Validation",
                "This is not a valid Chinese mobile number: check the first three digits.",
            ),
        )
    if trunk or international:
        count = len(local) + 1
        if not 10 <= count <= 12:
            raise FieldError(
                field,
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "A landline number with its area code has 10 to 12 digits, e.g. "
                    "010-1234 5678; you entered {count}.",
                ).with_(count=count),
            )
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP(
                "Validation",
                "This is not a valid landline number: check the area code and the digits.",
            ),
        )
    raise FieldError(
        field,
        QT_TRANSLATE_NOOP("Validation", "This is not a valid phone number: check the digits."),
    )


def _foreign(text: str, field: str) -> Phone:
    try:
        number = phonenumbers.parse(text, "CN")
    except NumberParseException:
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP(
                "Validation",
                "This is not a valid international number: check the country code after + "
                "and the digits.",
            ),
        ) from None
    if not phonenumbers.is_valid_number(number) or number.extension:
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP(
                "Validation",
                "This is not a valid number for country code +{code}: check the digits.",
            ).with_(code=number.country_code),
        )
    return _phone(number)


def _phone(number: phonenumbers.PhoneNumber) -> Phone:
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    national = phone_digits(phonenumbers.format_out_of_country_calling_number(number, "CN"))
    kind = phonenumbers.number_type(number)
    if number.country_code == 86:
        display = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
        if display.startswith("0"):
            display = display.replace(" ", "-", 1)  # 010-1234 5678: the area code stands apart
    else:
        display = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    return Phone(e164, national, display, kind == PhoneNumberType.MOBILE)
