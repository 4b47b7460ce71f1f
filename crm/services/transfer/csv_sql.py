"""The csv export's cells computed by SQLite, so 100,000 rows cost little more than the query.

Each chosen column becomes one SQL expression giving the final text: masked phones and ID
numbers (the rules of crm.domain.masking, restated in SQL; a test holds them equal on many
samples), enum labels and lunar words in the user's language (bound parameters), and the
OWASP apostrophe before text starting with = + - @ tab or CR (see export.safe_text).
The rows then go from the cursor to ``csv.writer.writerows`` without a Python loop.
"""

from __future__ import annotations

from collections.abc import Sequence

from crm.domain.messages import Translate
from crm.services.transfer.fields import ENUMS, LEAP, LUNAR

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


def csv_query(
    columns: Sequence[str], unmasked: bool, translate: Translate
) -> tuple[str, dict[str, object]]:
    """SELECT giving the csv cells of the clients whose ids are the JSON array ``:ids``."""
    params: dict[str, object] = {
        "lunar": LUNAR.render(translate),
        "leap": LEAP.render(translate),
    }
    exprs = []
    for key in columns:
        if key in ENUMS:
            whens = []
            for m in ENUMS[key]:
                name = f"{key}_{m.value}"
                params[name] = m.label.render(translate)
                whens.append(f"WHEN '{m.value}' THEN :{name}")
            exprs.append(f"CASE c.{key} {' '.join(whens)} ELSE c.{key} END")
        elif key == "phones":
            exprs.append(_phones(unmasked))
        elif key == "id_number":
            exprs.append(safe("c.id_number") if unmasked else mask_id("c.id_number"))
        elif key == "tags":
            exprs.append(_TAGS)
        elif key == "birthday":
            exprs.append(_BIRTHDAY)
        elif key == "created":
            exprs.append("substr(c.created_at, 1, 10)")
        elif key == "cadence_days":
            exprs.append("c.cadence_days")
        else:
            exprs.append(safe(f"c.{key}"))
    sql = (
        f"SELECT {', '.join(exprs)} FROM json_each(:ids) j JOIN client c ON c.id = j.value "
        "ORDER BY j.key"
    )
    return sql, params
