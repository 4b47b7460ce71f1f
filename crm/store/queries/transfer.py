"""The SQL of lists in and out: the exported rows, and the csv and xlsx exports' cells computed
in SQLite.

The row query gives raw values (the vCard and csv-for-Excel writers format them); the csv and
xlsx queries give the final value of every cell, so 100,000 rows cost little more than the
query and go from the cursor to ``csv.writer.writerows`` or the xlsx writer without a Python
call per cell. Their masks restate the rules of :mod:`crm.domain.masking` in SQL, and the
csv's safe-text expression restates ``crm.services.transfer.export.safe_text`` (the OWASP
apostrophe before text starting with = + - @ tab or CR); ``tests/transfer/test_csv_sql.py``
holds them equal on many samples, ``tests/transfer/test_xlsx_same_cells.py`` the xlsx file
equal to one written from the typed rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from operator import itemgetter

from crm.store.queries._sql import id_array, json_chunks

#: The client columns the export reads, in the order of an exported row (then phones, tags).
CLIENT_COLUMNS = (
    "id", "name", "kind", "gender", "id_number", "birthday_calendar", "birth_year",
    "birth_month", "birth_day", "birth_leap", "wechat", "business_name", "industry", "uscc",
    "address", "status", "notes", "form_of_address", "cadence_days", "created_at",
    "updated_at", "last_contact_at", "referred_by_id", "source",
)  # fmt: skip

#: Where phones and tags sit in an exported row: after the client columns. Each is joined
#: with char(31); Chinese numbers as dialled at home, foreign ones with their +country code.
PHONES_AT = len(CLIENT_COLUMNS)
TAGS_AT = PHONES_AT + 1
#: The referrer's name (a client or referral partner, archived or not), after the tags.
REFERRER_AT = TAGS_AT + 1

_ROW_SQL = f"""
SELECT {", ".join(f"c.{column}" for column in CLIENT_COLUMNS)},
       (SELECT group_concat(CASE WHEN substr(e164, 1, 3) = '+86' THEN national ELSE e164 END,
                            char(31))
          FROM (SELECT e164, national FROM client_phone p WHERE p.client_id = c.id
                ORDER BY position)),
       (SELECT group_concat(tag, char(31))
          FROM (SELECT tag FROM client_tag t WHERE t.client_id = c.id ORDER BY tag)),
       r.name
FROM json_each(?) j JOIN client c ON c.id = j.value
LEFT JOIN client r ON r.id = c.referred_by_id
ORDER BY j.key
"""


def export_rows(conn: sqlite3.Connection, ids: Sequence[int], chunk: int) -> Iterator[list[tuple]]:
    """The exported rows, ``chunk`` ids at a time, in the order of ``ids``."""
    for part in json_chunks(ids, chunk):
        yield conn.execute(_ROW_SQL, (part,)).fetchall()


# -- the csv export's cells -------------------------------------------------------------------

_TRIGGERS = "('=', '+', '-', '@', char(9), char(13))"
_FIRST = "('=', '+', '-', '@', char(9), char(13), '''')"


def safe(expr: str) -> str:
    """SQL for export.safe_text(expr); the common case costs one substr."""
    return (
        f"CASE WHEN substr({expr}, 1, 1) NOT IN {_FIRST} THEN {expr} "
        f"WHEN substr(ltrim({expr}, ''''), 1, 1) IN {_TRIGGERS} "
        f"THEN '''' || {expr} ELSE {expr} END"
    )


def _stars(n: str) -> str:
    return f"replace(hex(zeroblob({n})), '00', '*')"


def mask_digits(d: str) -> str:
    """SQL for masking.mask_phone on a string of digits ``d``."""
    n = f"length({d})"
    tail = f"(CASE WHEN {n} >= 10 THEN 4 WHEN {n} >= 8 THEN 3 ELSE 2 END)"
    head = f"max(0, min(3, {n} - {tail} - 3))"
    return (
        f"CASE WHEN {n} < 5 THEN {_stars(n)} "
        f"WHEN {n} = 11 AND substr({d}, 1, 1) = '1' "
        f"THEN substr({d}, 1, 3) || '****' || substr({d}, -4) "
        f"ELSE substr({d}, 1, {head}) || {_stars(f'{n} - {head} - {tail}')} "
        f"|| substr({d}, -{tail}) END"
    )


def mask_id(v: str) -> str:
    """SQL for masking.mask_id_number on a stored (already clean) ID number."""
    n = f"length({v})"
    keep = f"(CASE WHEN {n} >= 8 THEN 2 WHEN {n} >= 4 THEN 1 ELSE 0 END)"
    return (
        f"CASE WHEN {v} IS NULL THEN NULL "
        f"WHEN {n} = 18 THEN substr({v}, 1, 6) || '********' || substr({v}, -4) "
        f"WHEN {keep} = 0 THEN {_stars(n)} "
        f"ELSE substr({v}, 1, {keep}) || {_stars(f'{n} - 2 * {keep}')} || substr({v}, -{keep}) END"
    )


_HOME = "substr(e164, 1, 3) = '+86'"


def _phones(unmasked: bool) -> str:
    """One correlated subquery per row (wrapping it in safe() would run it twice)."""
    if not unmasked:  # a masked phone starts with a digit or a star: never a formula
        general = mask_digits(f"(CASE WHEN {_HOME} THEN national ELSE substr(e164, 2) END)")
        shown = (  # a Chinese mobile, nearly every phone, takes the short way
            "CASE WHEN substr(e164, 1, 4) = '+861' AND length(national) = 11 "
            f"THEN substr(national, 1, 3) || '****' || substr(national, -4) ELSE {general} END"
        )
        return (
            f"(SELECT group_concat({shown}, '; ') FROM (SELECT e164, national FROM client_phone p "
            "WHERE p.client_id = c.id ORDER BY position))"
        )
    # Only a foreign number is shown with its leading +; the cell starts with the first phone
    # (SQLite gives the bare column ``e164`` from the row holding min(position)).
    return (
        "(SELECT CASE WHEN substr(first, 1, 3) <> '+86' THEN '''' ELSE '' END || cell FROM "
        f"(SELECT min(position), e164 AS first, group_concat(CASE WHEN {_HOME} THEN national "
        "ELSE e164 END, '; ') AS cell FROM (SELECT position, e164, national FROM client_phone p "
        "WHERE p.client_id = c.id ORDER BY position)))"
    )


# The cell starts with the smallest tag, so that one decides the apostrophe (as safe_text).
_TAGS = (
    f"(SELECT CASE WHEN substr(ltrim(min(tag), ''''), 1, 1) IN {_TRIGGERS} THEN '''' "
    "ELSE '' END || group_concat(tag, '、') FROM (SELECT tag FROM client_tag t "
    "WHERE t.client_id = c.id ORDER BY tag))"
)

_BIRTHDAY = (
    "CASE WHEN c.birth_month IS NULL OR c.birth_day IS NULL THEN NULL "
    "ELSE CASE WHEN c.birthday_calendar = 'lunar' "
    "THEN :lunar || ' ' || CASE WHEN c.birth_leap THEN :leap || ' ' ELSE '' END ELSE '' END "
    "|| CASE WHEN c.birth_year THEN c.birth_year || '-' ELSE '' END "
    "|| substr('0' || c.birth_month, -2) || '-' || substr('0' || c.birth_day, -2) END"
)


def _labels(key: str, labels: Mapping[str, str], params: dict[str, object]) -> str:
    """CASE giving an enum column's stored value in words (``params`` gets the words)."""
    whens = []
    for n, (value, label) in enumerate(labels.items()):
        name = f"{key}_{n}"
        params[name] = label
        params[f"{name}_v"] = value
        whens.append(f"WHEN :{name}_v THEN :{name}")
    return f"CASE c.{key} {' '.join(whens)} ELSE c.{key} END"


#: The clients of the JSON array ``:ids``, each beside its referrer (most have none).
_CLIENTS_OF_IDS = (
    "json_each(:ids) j JOIN client c ON c.id = j.value "
    "LEFT JOIN client r ON r.id = c.referred_by_id"
)


def _cells(
    columns: Sequence[str],
    labels: Mapping[str, Mapping[str, str]],
    params: dict[str, object],
    cell: Callable[[str], str],
) -> str:
    """The SELECT list of both exports: an enum column in words, any other as ``cell`` says."""
    return ", ".join(_labels(k, labels[k], params) if k in labels else cell(k) for k in columns)


def _csv_cell(key: str, unmasked: bool) -> str:
    """A csv cell: text made safe for a spreadsheet (an apostrophe before a formula's start)."""
    special = {
        "phones": _phones(unmasked),
        "id_number": safe("c.id_number") if unmasked else mask_id("c.id_number"),
        "tags": _TAGS,
        "birthday": _BIRTHDAY,
        "created": "substr(c.created_at, 1, 10)",
        "last_contact": "substr(c.last_contact_at, 1, 16)",
        "referrer": safe("r.name"),
        "cadence_days": "c.cadence_days",
    }
    return special[key] if key in special else safe(f"c.{key}")


def csv_query(
    columns: Sequence[str],
    unmasked: bool,
    labels: Mapping[str, Mapping[str, str]],
    lunar: str,
    leap: str,
) -> tuple[str, dict[str, object]]:
    """SELECT giving the csv cells of the clients whose ids are the JSON array ``:ids``.

    ``columns`` are export field keys; ``labels`` gives, for each enum column, its stored
    values' words in the user's language; ``lunar`` and ``leap`` the birthday words."""
    params: dict[str, object] = {"lunar": lunar, "leap": leap}
    cells = _cells(columns, labels, params, lambda key: _csv_cell(key, unmasked))
    return f"SELECT {cells} FROM {_CLIENTS_OF_IDS} ORDER BY j.key", params


def csv_cells(
    conn: sqlite3.Connection, query: tuple[str, dict[str, object]], ids: Sequence[int]
) -> sqlite3.Cursor:
    """The cells of :func:`csv_query` for these clients, in the order of ``ids``."""
    sql, params = query
    return conn.execute(sql, {**params, "ids": id_array(ids)})


# -- the xlsx export's cells ------------------------------------------------------------------
# Text as stored (rustpy-xlsxwriter writes every str literally: no apostrophes), cut to Excel's
# limit of a cell; dates as Excel serial numbers, which the sheet's column formats show as
# dates: the very numbers rust_xlsxwriter makes of a Python date or datetime (days since
# 1899-12-31, counting Excel's false 1900-02-29, plus the time as a fraction of the day), so
# the file is the one the typed rows wrote, without a Python object per date.

#: Excel's limit for one cell; xlsxwriter cut longer text, rustpy-xlsxwriter refuses it.
MAX_CELL_TEXT = 32_767
#: julianday() of 1899-12-30: Excel's serial day 0 for every date from 1900-03-01 on.
_EXCEL_EPOCH = 2415018.5


def _cut(expr: str) -> str:
    return f"substr({expr}, 1, {MAX_CELL_TEXT})"


def excel_day(date: str, before_march_1900: str) -> str:
    """SQL for the Excel serial day of the ISO date text ``date``; Excel's false leap day
    puts the days before 1900-03-01 one earlier (``before_march_1900``: SQL telling them)."""
    return f"(CAST(julianday({date}) - {_EXCEL_EPOCH} AS INTEGER) - ({before_march_1900}))"


def excel_moment(stored: str) -> str:
    """SQL for the Excel serial date-time of a stored local date-time, to the minute."""
    day = excel_day(f"substr({stored}, 1, 10)", f"{stored} < '1900-03'")
    minutes = (
        f"(CAST(substr({stored}, 12, 2) AS INTEGER) * 3600 "
        f"+ CAST(substr({stored}, 15, 2) AS INTEGER) * 60)"
    )
    return f"({day} + {minutes} / 86400.0)"


_YMD = "printf('%04d-%02d-%02d', c.birth_year, c.birth_month, c.birth_day)"
_MD = "printf('%02d-%02d', c.birth_month, c.birth_day)"
# A solar birthday with its year is a date; without one, or lunar, it is text (as rows.py).
_XLSX_BIRTHDAY = (
    "CASE WHEN c.birth_month AND c.birth_day THEN CASE "
    "WHEN c.birthday_calendar = 'lunar' THEN :lunar || ' ' "
    "|| CASE WHEN c.birth_leap THEN :leap || ' ' ELSE '' END "
    f"|| CASE WHEN c.birth_year THEN {_YMD} ELSE {_MD} END "
    f"WHEN c.birth_year THEN {excel_day(_YMD, 'c.birth_year = 1900 AND c.birth_month < 3')} "
    f"ELSE {_MD} END END"
)
_HOME_OR_E164 = "CASE WHEN substr(e164, 1, 3) = '+86' THEN national ELSE e164 END"


_XLSX_PHONES = (
    f"(SELECT group_concat({_HOME_OR_E164}, '; ') FROM (SELECT e164, national "
    "FROM client_phone p WHERE p.client_id = c.id ORDER BY position))"
)
_XLSX_TAGS = (
    "(SELECT group_concat(tag, '、') FROM (SELECT tag FROM client_tag t "
    "WHERE t.client_id = c.id ORDER BY tag))"
)


def _xlsx_cell(key: str, unmasked: bool) -> str:
    """An xlsx cell: text as stored, cut to a cell's limit; dates as Excel serial numbers."""
    special = {
        # a masked phone never needs the csv's apostrophe
        "phones": _cut(_XLSX_PHONES if unmasked else _phones(False)),
        "id_number": _cut("c.id_number") if unmasked else mask_id("c.id_number"),
        "tags": _cut(_XLSX_TAGS),
        "birthday": _XLSX_BIRTHDAY,
        "created": excel_day("substr(c.created_at, 1, 10)", "c.created_at < '1900-03'"),
        "last_contact": excel_moment("c.last_contact_at"),
        "referrer": _cut("r.name"),
        "cadence_days": "c.cadence_days",
    }
    return special[key] if key in special else _cut(f"c.{key}")


def xlsx_query(
    columns: Sequence[str],
    unmasked: bool,
    labels: Mapping[str, Mapping[str, str]],
    lunar: str,
    leap: str,
) -> tuple[str, dict[str, object]]:
    """SELECT giving the xlsx cells (text, whole numbers, Excel serial dates) of the clients
    whose ids are the JSON array ``:ids``, each row ending with the client's id, in id order
    (:func:`xlsx_cells`); the arguments are :func:`csv_query`'s."""
    params: dict[str, object] = {"lunar": lunar, "leap": leap}
    cells = _cells(columns, labels, params, lambda key: _xlsx_cell(key, unmasked))
    # Sorting makes SQLite compute every row at the first step, with the GIL let go: the
    # export's read-ahead thread then runs it beside the writer (services.transfer.rows).
    return f"SELECT {cells}, c.id FROM {_CLIENTS_OF_IDS} ORDER BY c.id", params


def xlsx_cells(
    conn: sqlite3.Connection, query: tuple[str, dict[str, object]], ids: Sequence[int]
) -> dict[int, tuple]:
    """The rows of :func:`xlsx_query` for these clients by client id (each row ends with its
    id). SQLite reads them in id order, where neighbouring clients, phones and tags share
    pages: at 100,000 clients a quarter faster than in the list's (name) order, so the caller
    puts them back in its own order."""
    sql, params = query
    rows = conn.execute(sql, {**params, "ids": id_array(sorted(ids))}).fetchall()
    return dict(zip(map(itemgetter(-1), rows), rows, strict=True))


# -- the import's referrers and dates ---------------------------------------------------------


def ids_by_name(conn: sqlite3.Connection, names: Sequence[str]) -> dict[str, list[int]]:
    """Every client (archived too) bearing one of these exact names, active ones first."""
    import json

    out: dict[str, list[int]] = {}
    unique = sorted(set(names))
    for start in range(0, len(unique), 5000):
        part = json.dumps(unique[start : start + 5000], ensure_ascii=False)
        for name, cid in conn.execute(
            "SELECT c.name, c.id FROM json_each(?) j JOIN client c ON c.name = j.value "
            "ORDER BY c.archived_at IS NOT NULL, c.id",
            (part,),
        ):
            out.setdefault(name, []).append(cid)
    return out


def last_contacts(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, str | None]:
    """Each client's stored last contact (the import keeps the later of it and the file's)."""
    out: dict[int, str | None] = {}
    for part in json_chunks(ids, 5000):
        out.update(
            conn.execute(
                "SELECT c.id, c.last_contact_at FROM json_each(?) j "
                "JOIN client c ON c.id = j.value",
                (part,),
            ).fetchall()
        )
    return out
