"""Identity numbers: the resident ID (GB 11643) and the unified social credit code (GB 32100).

Decisions:
- Only the 18-character ID is accepted. First-generation 15-digit cards stopped being valid
  on 1 January 2013; the same person's 18-digit number is what the bank files need.
- The region code (digits 1-6) is not checked against a list. stdnum's ``ric.validate`` does,
  and also requires the county to have existed in the birth year, which refuses real people:
  someone born in 1960 who registered in Wanzhou (500101, created 1997) or Hainan (46…, 1988).
  Residence permits for Hong Kong, Macau and Taiwan residents (81/82/83…) use the same format.
  The check digit already catches nearly every typo, so we use stdnum for that alone.
- stdnum accepts any calendar date; we refuse a birth date after today or before 1900.
- For the credit code we use stdnum's check character but not ``uscc.validate``, which wants
  the first 8 characters to be digits: the registering-authority code (character 1) may be a
  letter, e.g. N for rural collective economic organisations, A for military units.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Literal, NamedTuple

from crm.domain.errors import FieldError
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg

# GB 32100 leaves out I, O, S, V and Z, which are easily confused with 1, 0, 5, U and 2.
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_SEPARATORS = re.compile(r"[\s\-]+")
_ID_CHARS = re.compile(r"[0-9]{17}[0-9X]")


def _compact(value: str) -> str:
    # NFKC turns full-width digits and letters typed with a Chinese IME into ASCII.
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", value)).upper()


def validate_id_number(value: str, today: dt.date, *, field: str = "id_number") -> str:
    """The 18-character resident ID number, upper-case X, or FieldError saying what to fix."""

    def error(msg: Msg) -> FieldError:
        return FieldError(field, msg)

    number = _compact(value)
    if not number:
        raise error(QT_TRANSLATE_NOOP("Validation", "Enter the 18-character ID number."))
    if re.fullmatch(r"[0-9X]*", number) is None or "X" in number[:-1]:
        raise error(
            QT_TRANSLATE_NOOP(
                "Validation",
                "The ID number can only contain digits, with X allowed as the last character.",
            )
        )
    if len(number) == 15:
        raise error(
            QT_TRANSLATE_NOOP(
                "Validation",
                "This is a first-generation 15-digit ID number; those cards stopped being valid "
                "in 2013. Enter the 18-digit number from the client's current ID card.",
            )
        )
    if len(number) != 18:
        raise error(
            QT_TRANSLATE_NOOP(
                "Validation", "The ID number must be 18 characters; you entered {count}."
            ).with_(count=len(number))
        )
    assert _ID_CHARS.fullmatch(number)
    digits = number[6:14]
    try:
        birthday = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise error(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Characters 7 to 14 of the ID number ({digits}) should be the birth date as "
                "YYYYMMDD but are not a real date: check those digits.",
            ).with_(digits=digits)
        ) from None
    if birthday > today:
        raise error(
            QT_TRANSLATE_NOOP(
                "Validation",
                "The birth date in the ID number ({date}, characters 7 to 14) is in the future: "
                "check those digits.",
            ).with_(date=birthday.isoformat())
        )
    if birthday.year < 1900:
        raise error(
            QT_TRANSLATE_NOOP(
                "Validation",
                "The birth date in the ID number ({date}, characters 7 to 14) is before 1900: "
                "check those digits.",
            ).with_(date=birthday.isoformat())
        )
    from stdnum.cn import ric  # here: stdnum loads ssl and pydoc (~19 ms a command)

    if number[-1] != ric.calc_check_digit(number):
        raise error(
            QT_TRANSLATE_NOOP(
                "Validation",
                "The last character of the ID number does not match the others: check the "
                "digits, one of them is probably mistyped.",
            )
        )
    return number


class IdFacts(NamedTuple):
    birthday: dt.date
    gender: Literal["male", "female"]
    region_code: str  # digits 1-6: where the number was first issued, not necessarily birth


def id_number_facts(id18: str) -> IdFacts:
    """What an 18-character ID number states. Expects a number from validate_id_number;
    raises ValueError if it is not shaped like one."""
    if _ID_CHARS.fullmatch(id18) is None:
        raise ValueError(f"not an 18-character ID number: {id18!r}")
    birthday = dt.date(int(id18[6:10]), int(id18[10:12]), int(id18[12:14]))
    gender: Literal["male", "female"] = "male" if int(id18[16]) % 2 else "female"
    return IdFacts(birthday, gender, id18[:6])


def validate_uscc(value: str, *, field: str = "uscc") -> str:
    """The 18-character unified social credit code, upper case, or FieldError."""

    def error(msg: Msg) -> FieldError:
        return FieldError(field, msg)

    code = _compact(value)
    if not code:
        raise error(
            QT_TRANSLATE_NOOP("Validation", "Enter the 18-character unified social credit code.")
        )
    if len(code) != 18:
        raise error(
            QT_TRANSLATE_NOOP(
                "Validation",
                "The unified social credit code must be 18 characters; you entered {count}.",
            ).with_(count=len(code))
        )
    bad = sorted({ch for ch in code if ch not in _USCC_ALPHABET})
    if bad:
        raise error(
            QT_TRANSLATE_NOOP(
                "Validation",
                "The unified social credit code cannot contain {chars}: it uses digits and "
                "capital letters except I, O, S, V and Z.",
            ).with_(chars=" ".join(bad))
        )
    if re.fullmatch(r"[0-9]{6}", code[2:8]) is None:
        raise error(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Characters 3 to 8 of the unified social credit code are the region code and "
                "must be digits.",
            )
        )
    from stdnum.cn import uscc

    if code[-1] != uscc.calc_check_digit(code):
        raise error(
            QT_TRANSLATE_NOOP(
                "Validation",
                "The last character of the unified social credit code does not match the "
                "others: check the characters, one of them is probably mistyped.",
            )
        )
    return code
