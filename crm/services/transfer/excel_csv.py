"""The "CSV for Excel and Calc" flavour: a csv a spreadsheet opens without changing a value.

A spreadsheet opening a plain csv turns ``01012345678`` into 1012345678, an 18-digit ID number
into 3.10104200405214E+017 and ``+447911123456`` into a number; the OWASP apostrophe that keeps
``=1+1`` from running stays visible. Here every text cell a spreadsheet would read as something
else (a formula trigger = + - @ tab CR first, or a number, date, percent or TRUE/FALSE) is
written as a constant text formula ``="..."`` (quotes doubled): Excel and LibreOffice show the
text exactly, and nothing of the client's text is ever evaluated, since it sits inside a string
literal. A cell over 255 characters (the longest string literal Excel takes) falls back to the
apostrophe. Prism's import reads both back (:func:`crm.services.transfer.parse.cell_text`).

Plain ``csv`` stays as it was, for programs: apostrophes only, no formulas at all.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from crm.domain.messages import Translate
from crm.services.transfer import rows as R
from crm.services.transfer.fields import FORMULA_TRIGGERS

#: Text a spreadsheet converts on opening: numbers in any dress, dates, times, percents.
_NUMBERISH = re.compile(r"[\s\d.,:/%+\-()eE$¥€£']*\d[\s\d.,:/%+\-()eE$¥€£']*")
_BOOLEAN = frozenset({"true", "false"})
MAX_LITERAL = 255


def excel_text(value: str) -> str:
    """One text cell, shown unchanged by Excel and LibreOffice Calc."""
    if not value:
        return value
    risky = (
        value[0] in FORMULA_TRIGGERS
        or value[0] == "'"
        or _NUMBERISH.fullmatch(value) is not None
        or value.lower() in _BOOLEAN
    )
    if not risky:
        return value
    if len(value) <= MAX_LITERAL and "\n" not in value and "\r" not in value:
        return '="' + value.replace('"', '""') + '"'
    from crm.services.transfer.export import safe_text

    return safe_text(value)


def unwrap(text: str) -> str | None:
    """The text of a ``="..."`` cell, or None when ``text`` is not one."""
    if len(text) >= 3 and text.startswith('="') and text.endswith('"'):
        inner = text[2:-1]
        if '"' not in inner.replace('""', ""):
            return inner.replace('""', '"')
    return None


def _cell(value: R.Cell) -> object:
    if value is None:
        return ""
    if isinstance(value, int):
        return value  # a real number (keep-in-touch days): the spreadsheet may have it
    if isinstance(value, dt.datetime):
        return excel_text(value.isoformat(" ", "minutes"))
    if isinstance(value, dt.date):
        return excel_text(value.isoformat())
    return excel_text(str(value))


def write_excel_csv(
    conn: sqlite3.Connection,
    ids: Sequence[int],
    columns: Sequence[str],
    unmasked: bool,
    encoding: str,
    part: Path,
    translate: Translate,
    header: list[str],
    tick: object,
) -> None:
    """Write the rows of ``ids`` to ``part``; ``tick(done)`` after each chunk."""
    conv = R.converters(columns, unmasked, translate)
    done = 0
    with part.open("w", encoding=encoding, newline="", errors="strict") as fh:
        out = csv.writer(fh)
        out.writerow(header)
        for chunk in R.raw_rows(conn, ids):
            out.writerows([_cell(f(r)) for f in conv] for r in chunk)
            done += len(chunk)
            tick(done)  # type: ignore[operator]
