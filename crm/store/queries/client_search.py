"""Finding clients: the SQL of the search box, the filters and the lazy list's pages.

Search runs over one lower-case column (``client.search_text``: name, pinyin, initials,
business, tags, phone digits, WeChat) so a keystroke is one scan, and ranks exact name, then
prefix (name, full pinyin, initials; the latter two served by indexes), then the rest.

From 2 characters it also finds clients by words in their notes, contacts and promises
through the ``client_memory_fts`` index (see crm.domain.grams): the FTS lookup runs once per
keystroke and the scan only checks each row's id against its result. Those matches rank after
every name/pinyin/phone match. Which filter means what is ``crm.services.client_query``'s.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from crm.domain.grams import match_query
from crm.domain.text import normalise_query

#: Columns the list can sort by, as SQL. Ties fall back to pinyin order, then id.
SORT_SQL = {
    "rank": "rank",
    "name": "c.name_pinyin",
    # Partners have no loan status: they sort together, after every status.
    "status": "CASE WHEN c.kind = 'partner' THEN '~' ELSE c.status END",
    "business": "c.business_name",
    "phone": "(SELECT national FROM client_phone p WHERE p.client_id = c.id "
    "ORDER BY position LIMIT 1)",
    "tags": "(SELECT min(tag) FROM client_tag t WHERE t.client_id = c.id)",
    "birthday": "c.birth_month * 100 + c.birth_day",
    "updated": "c.updated_at",
    "created": "c.created_at",
    "last_contact": "c.last_contact_at",
}

MIN_PHONE_DIGITS = 4
#: The status filter's value for referral partners (they have no loan status).
PARTNER_FILTER = "partner"

#: Clients whose notes, contacts or promises match, newest client first.
MEMORY_SQL = (
    "SELECT rowid FROM client_memory_fts WHERE client_memory_fts MATCH ? ORDER BY rowid DESC"
)
ARCHIVED_SQL = "SELECT id FROM client WHERE archived_at IS NOT NULL"

#: The list's columns of a client, in the order :func:`rows` returns them.
ROW_SQL = """
    SELECT c.id, c.name, c.kind, c.status,
           (SELECT CASE WHEN substr(e164, 1, 3) = '+86' THEN national ELSE e164 END
              FROM client_phone p WHERE p.client_id = c.id
             ORDER BY position LIMIT 1),  -- crm.domain.phones.canonical
           c.business_name,
           (SELECT group_concat(tag, '\x1f') FROM
             (SELECT tag FROM client_tag t WHERE t.client_id = c.id ORDER BY tag)),
           c.birthday_calendar, c.birth_year, c.birth_month, c.birth_day, c.birth_leap,
           c.id_number, c.updated_at, c.archived_at, c.last_contact_at
    FROM client c WHERE c.id IN ({marks})"""


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _short_digits(q: str) -> bool:
    return q.isdigit() and len(q) < MIN_PHONE_DIGITS


def memory_match(text: str) -> str | None:
    """The notes-index MATCH expression for the search text, or None (too short, few digits)."""
    q = normalise_query(text)
    if not q or _short_digits(q):
        return None
    return match_query(text)


def source(text: str) -> str:
    """The FROM clause for a search text.

    A text search scans the narrow covering index on (archived_at, search_text) and reads the
    table only for the rows that match (for their rank). Left to itself, the planner may walk
    another index starting with archived_at and read every row: ~120 ms instead of ~15 ms at
    100,000 clients, measured after later migrations added such indexes.
    """
    q = normalise_query(text)
    if q and not _short_digits(q):
        return "client c INDEXED BY ix_client_search"
    return "client c"


def where(
    text: str, status: str | None, tag: str | None, archived: bool, memory: bool = True
) -> tuple[str, dict[str, object], str]:
    """The WHERE clause, its named parameters, and the rank expression for a filter.

    ``memory``: also match words in notes, contacts and promises (ranked last).
    """
    clauses = ["c.archived_at IS NOT NULL" if archived else "c.archived_at IS NULL"]
    params: dict[str, object] = {}
    rank = "0"
    q = normalise_query(text)
    if q:
        esc = _like_escape(q)
        params.update(raw=text.strip(), q=q, prefix=f"{esc}%", contains=f"%{esc}%")
        words = memory_match(text) if memory else None
        if _short_digits(q):
            # Too few digits to mean a phone; only names and businesses with digits match.
            match = (
                "(c.name LIKE :contains ESCAPE '\\' OR c.business_name LIKE :contains ESCAPE '\\')"
            )
        else:
            match = "c.search_text LIKE :contains ESCAPE '\\'"
        if words is None:
            clauses.append(match)
            tail = "ELSE 2 END"
        else:
            # Notes, contacts and promises: one FTS lookup, then an id check per row.
            params["memory"] = words
            clauses.append(
                f"({match} OR c.id IN (SELECT rowid FROM client_memory_fts "
                "WHERE client_memory_fts MATCH :memory))"
            )
            tail = f"WHEN {match} THEN 2 ELSE 3 END"
        rank = (
            "CASE WHEN c.name = :raw OR c.name_compact = :q OR c.name_initials = :q THEN 0 "
            "WHEN c.name LIKE :prefix ESCAPE '\\' OR c.name_compact LIKE :prefix ESCAPE '\\' "
            f"OR c.name_initials LIKE :prefix ESCAPE '\\' THEN 1 {tail}"
        )
    if status == PARTNER_FILTER:
        clauses.append("c.kind = 'partner'")
    elif status:
        clauses.append("c.status = :status AND c.kind <> 'partner'")
        params["status"] = status
    if tag:
        clauses.append("c.id IN (SELECT client_id FROM client_tag WHERE tag = :tag)")
        params["tag"] = tag
    return " AND ".join(clauses), params, rank


def ranked_ids(
    conn: sqlite3.Connection,
    text: str,
    where_sql: str,
    params: dict[str, object],
    rank: str,
    order: str = "rank",
    descending: bool = False,
    limit: int | None = None,
) -> list[int]:
    """Ids matching ``where_sql`` (from :func:`where`), ordered by ``SORT_SQL[order]``, then
    pinyin, then id."""
    by = SORT_SQL[order]
    direction = "DESC" if descending else "ASC"
    tail = "" if order == "name" else ", c.name_pinyin"
    sql = (
        f"SELECT c.id, {rank} AS rank FROM {source(text)} WHERE {where_sql} "
        f"ORDER BY {by} {direction}{tail}, c.id"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [r[0] for r in conn.execute(sql, params)]


def memory_ids(conn: sqlite3.Connection, match: str) -> list[int]:
    """Clients whose notes, contacts or promises match, newest first (the FTS index only)."""
    return [r[0] for r in conn.execute(MEMORY_SQL, (match,))]


def archived_ids(conn: sqlite3.Connection) -> set[int]:
    return {r[0] for r in conn.execute(ARCHIVED_SQL)}


def count(conn: sqlite3.Connection, text: str, where_sql: str, params: dict[str, object]) -> int:
    sql = f"SELECT count(*) FROM {source(text)} WHERE {where_sql}"
    return int(conn.execute(sql, params).fetchone()[0])


def rows(conn: sqlite3.Connection, ids: Sequence[int]) -> list[tuple[Any, ...]]:
    """The list's columns (:data:`ROW_SQL`) of these clients, in no particular order."""
    if not ids:
        return []
    return conn.execute(ROW_SQL.format(marks=",".join("?" * len(ids))), list(ids)).fetchall()


def tags_in_use(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Tags on active clients, with how many carry each, most used first."""
    sql = (
        "SELECT t.tag, count(*) FROM client_tag t JOIN client c ON c.id = t.client_id "
        "WHERE c.archived_at IS NULL GROUP BY t.tag ORDER BY count(*) DESC, t.tag"
    )
    return [(r[0], r[1]) for r in conn.execute(sql)]
