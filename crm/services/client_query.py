"""Finding clients: the search box, the filters, the lazy list's pages. Plain SQL, no ORM.

Search runs over one lower-case column (``client.search_text``: name, pinyin, initials,
business, tags, phone digits, WeChat) so a keystroke is one scan, and ranks exact name, then
prefix (name, full pinyin, initials; the latter two served by indexes), then the rest.

From 2 characters it also finds clients by words in their notes, contacts and promises
(女儿高考 finds the client whose note says so) through the ``client_memory_fts`` index
(see crm.domain.grams): the FTS lookup runs once per keystroke and the scan only checks each
row's id against its result. Those matches rank after every name/pinyin/phone match.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from crm.domain.grams import match_query
from crm.domain.text import normalise_query
from crm.store.book import Book

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
#: ``ClientFilter.status`` for referral partners, who show no loan status (the list's Status
#: column says "Referral partner"); a loan status filter leaves partners out.
PARTNER_FILTER = "partner"


@dataclass(frozen=True)
class ClientFilter:
    text: str = ""
    status: str | None = None
    tag: str | None = None
    archived: bool = False  # False: the active book; True: the archive only


@dataclass(frozen=True)
class ClientRow:
    id: int
    name: str
    kind: str
    status: str
    phone: str | None
    business_name: str | None
    tags: tuple[str, ...]
    birthday_calendar: str | None
    birth_year: int | None
    birth_month: int | None
    birth_day: int | None
    birth_leap: bool
    id_number: str | None
    updated_at: dt.datetime
    archived_at: dt.datetime | None
    last_contact_at: dt.datetime | None = None


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def memory_match(f: ClientFilter) -> str | None:
    """The notes-index MATCH expression for the filter's text, or None (too short, few digits)."""
    q = normalise_query(f.text)
    if not q or (q.isdigit() and len(q) < MIN_PHONE_DIGITS):
        return None
    return match_query(f.text)


#: Clients whose notes, contacts or promises match, newest client first.
MEMORY_SQL = (
    "SELECT rowid FROM client_memory_fts WHERE client_memory_fts MATCH ? ORDER BY rowid DESC"
)
ARCHIVED_SQL = "SELECT id FROM client WHERE archived_at IS NOT NULL"


def _source(f: ClientFilter) -> str:
    """The FROM clause for a filter.

    A text search scans the narrow covering index on (archived_at, search_text) and reads the
    table only for the rows that match (for their rank). Left to itself, the planner may walk
    another index starting with archived_at and read every row: ~120 ms instead of ~15 ms at
    100,000 clients, measured after later migrations added such indexes.
    """
    q = normalise_query(f.text)
    if q and not (q.isdigit() and len(q) < MIN_PHONE_DIGITS):
        return "client c INDEXED BY ix_client_search"
    return "client c"


def _where(f: ClientFilter, memory: bool = True) -> tuple[str, dict[str, object], str]:
    """The WHERE clause, its named parameters, and the rank expression for the filter's text.

    ``memory``: also match words in notes, contacts and promises (ranked last).
    """
    clauses = ["c.archived_at IS NOT NULL" if f.archived else "c.archived_at IS NULL"]
    params: dict[str, object] = {}
    rank = "0"
    q = normalise_query(f.text)
    if q:
        esc = _like_escape(q)
        params.update(raw=f.text.strip(), q=q, prefix=f"{esc}%", contains=f"%{esc}%")
        short_digits = q.isdigit() and len(q) < MIN_PHONE_DIGITS
        words = memory_match(f) if memory else None
        if short_digits:
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
    if f.status == PARTNER_FILTER:
        clauses.append("c.kind = 'partner'")
    elif f.status:
        clauses.append("c.status = :status AND c.kind <> 'partner'")
        params["status"] = f.status
    if f.tag:
        clauses.append("c.id IN (SELECT client_id FROM client_tag WHERE tag = :tag)")
        params["tag"] = f.tag
    return " AND ".join(clauses), params, rank


class ClientQuery:
    def __init__(self, book: Book) -> None:
        self.book = book

    def _conn(self) -> sqlite3.Connection:
        return self.book.reader()

    def ids(
        self,
        f: ClientFilter,
        sort: str = "rank",
        descending: bool = False,
        limit: int | None = None,
    ) -> list[int]:
        """Ids of the matching clients, in display order."""
        if sort == "rank" and not normalise_query(f.text):
            sort = "name"  # nothing to rank: pinyin order, straight from the list index
        memory = memory_match(f)
        if memory is not None and sort == "rank" and not (f.status or f.tag):
            return self._ranked_with_memory(f, memory, limit)
        where, params, rank = _where(f)
        order = SORT_SQL[sort]
        direction = "DESC" if descending else "ASC"
        tail = "" if sort == "name" else ", c.name_pinyin"
        sql = (
            f"SELECT c.id, {rank} AS rank FROM {_source(f)} WHERE {where} "
            f"ORDER BY {order} {direction}{tail}, c.id"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [r[0] for r in self._conn().execute(sql, params)]

    def _ranked_with_memory(self, f: ClientFilter, memory: str, limit: int | None) -> list[int]:
        """The search box's usual case, in three cheap reads instead of one costly one.

        Name/pinyin/phone matches in rank order (the client book's own query), then clients
        found only by their notes, newest first, straight from the FTS index: no table row is
        read or sorted for them, so a common word (装修, matching a third of the book) costs
        about what the name search does.
        """
        conn = self._conn()
        where, params, rank = _where(f, memory=False)
        sql = (
            f"SELECT c.id, {rank} AS rank FROM {_source(f)} WHERE {where} "
            "ORDER BY rank, c.name_pinyin, c.id"
        )
        ids = [r[0] for r in conn.execute(sql, params)]
        found = [r[0] for r in conn.execute(MEMORY_SQL, (memory,))]
        if found:
            seen = set(ids)
            archived = {r[0] for r in conn.execute(ARCHIVED_SQL)}
            ids += [i for i in found if (i in archived) == f.archived and i not in seen]
        return ids if limit is None else ids[: max(int(limit), 0)]

    def count(self, f: ClientFilter) -> int:
        where, params, _rank = _where(f)
        sql = f"SELECT count(*) FROM {_source(f)} WHERE {where}"
        return int(self._conn().execute(sql, params).fetchone()[0])

    def rows(self, ids: Sequence[int]) -> dict[int, ClientRow]:
        """The list's columns for these clients (one page at a time)."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        sql = f"""
            SELECT c.id, c.name, c.kind, c.status,
                   (SELECT national FROM client_phone p WHERE p.client_id = c.id
                     ORDER BY position LIMIT 1),
                   c.business_name,
                   (SELECT group_concat(tag, '\x1f') FROM
                     (SELECT tag FROM client_tag t WHERE t.client_id = c.id ORDER BY tag)),
                   c.birthday_calendar, c.birth_year, c.birth_month, c.birth_day, c.birth_leap,
                   c.id_number, c.updated_at, c.archived_at, c.last_contact_at
            FROM client c WHERE c.id IN ({marks})"""
        out: dict[int, ClientRow] = {}
        for r in self._conn().execute(sql, list(ids)):
            out[r[0]] = ClientRow(
                id=r[0],
                name=r[1],
                kind=r[2],
                status=r[3],
                phone=r[4],
                business_name=r[5],
                tags=tuple(r[6].split("\x1f")) if r[6] else (),
                birthday_calendar=r[7],
                birth_year=r[8],
                birth_month=r[9],
                birth_day=r[10],
                birth_leap=bool(r[11]),
                id_number=r[12],
                updated_at=_dt(r[13]),
                archived_at=_dt(r[14]) if r[14] else None,
                last_contact_at=_dt(r[15]) if r[15] else None,
            )
        return out

    def search(self, f: ClientFilter, limit: int | None = None) -> list[ClientRow]:
        """Matching clients, ranked, with their list columns (the CLI's `crm list`)."""
        ids = self.ids(f, limit=limit)
        rows = self.rows(ids) if len(ids) < 900 else self._rows_chunked(ids)
        return [rows[i] for i in ids if i in rows]

    def _rows_chunked(self, ids: Sequence[int]) -> dict[int, ClientRow]:
        out: dict[int, ClientRow] = {}
        for start in range(0, len(ids), 900):
            out.update(self.rows(ids[start : start + 900]))
        return out

    def tags(self) -> list[tuple[str, int]]:
        """Tags in use on active clients, with how many carry each, most used first."""
        sql = (
            "SELECT t.tag, count(*) FROM client_tag t JOIN client c ON c.id = t.client_id "
            "WHERE c.archived_at IS NULL GROUP BY t.tag ORDER BY count(*) DESC, t.tag"
        )
        return [(r[0], r[1]) for r in self._conn().execute(sql)]


def _dt(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)
