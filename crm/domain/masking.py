"""Masking ID numbers and phones for the screen and exports.

Kept apart from the validators (which import phonenumbers and stdnum) because every list row
uses these, including on the GUI's start-up path.
"""

from __future__ import annotations

import re

from crm.domain.text import digits, fold

_NON_ID = re.compile(r"[\s-]")


def mask_phone(national_or_display: str) -> str:
    """A Chinese mobile as 138****5678; others keep the first 3 and the last 2 to 4 digits,
    with at least 3 stars between."""
    d = digits(national_or_display)
    if national_or_display.strip().startswith("+86"):
        d = d[2:]
    n = len(d)
    if n < 5:
        return "*" * n
    if n == 11 and d.startswith("1"):
        return f"{d[:3]}****{d[-4:]}"
    tail = 4 if n >= 10 else 3 if n >= 8 else 2
    head = max(0, min(3, n - tail - 3))
    return f"{d[:head]}{'*' * (n - head - tail)}{d[-tail:]}"


def mask_id_number(value: str) -> str:
    """18 characters keep the region (6) and the last 4; anything else keeps at most the first
    and last 2, so a mistyped number never shows much of the real one."""
    v = _NON_ID.sub("", fold(value)).upper()
    n = len(v)
    if n == 18:
        return f"{v[:6]}{'*' * 8}{v[-4:]}"
    keep = 2 if n >= 8 else 1 if n >= 4 else 0
    if keep == 0:
        return "*" * n
    return f"{v[:keep]}{'*' * (n - 2 * keep)}{v[-keep:]}"
