"""Text folding shared by search, validation and masking. Cheap to import (GUI start-up)."""

from __future__ import annotations

import re
import unicodedata

_NON_DIGITS = re.compile(r"[^0-9]+")
_QUERY_DROP = re.compile(r"[\s'’‘]+")


def fold(value: str) -> str:
    """NFKC: full-width letters and digits (ＡＢ１) as ASCII, as Chinese IMEs often type them."""
    return unicodedata.normalize("NFKC", value)


def digits(value: str) -> str:
    """Only the digits, full-width ones folded."""
    return _NON_DIGITS.sub("", fold(value))


def normalise_query(q: str) -> str:
    """Search text as typed, in the form of ``NamePinyin.compact``: "Xi'an " -> "xian"."""
    return _QUERY_DROP.sub("", fold(q).lower())
