"""Finding clients: the search box, the filters, the lazy list's pages. Plain SQL, no ORM.

The SQL, and how the search ranks, is ``crm.store.queries.client_search``'s; this module keeps
what a filter means and the list's row shape. Search results past the name/pinyin/phone
matches come from the notes index (words in notes, contacts and promises), ranked last.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from crm.domain.text import normalise_query
from crm.store.book import Book, to_datetime
from crm.store.queries import client_search as q
from crm.store.queries.client_search import (
    ARCHIVED_SQL,
    MEMORY_SQL,
    MIN_PHONE_DIGITS,
    PARTNER_FILTER,
    SORT_SQL,
)

# Re-exported for the benchmarks, which time the same SQL raw.
__all__ = [
    "ARCHIVED_SQL",
    "MEMORY_SQL",
    "MIN_PHONE_DIGITS",
    "PARTNER_FILTER",
    "SORT_SQL",
    "ClientFilter",
    "ClientQuery",
    "ClientRow",
    "memory_match",
]


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


def memory_match(f: ClientFilter) -> str | None:
    """The notes-index MATCH expression for the filter's text, or None (too short, few digits)."""
    return q.memory_match(f.text)


def _source(f: ClientFilter) -> str:
    """The FROM clause for a filter (see ``client_search.source``: the search index)."""
    return q.source(f.text)


def _where(f: ClientFilter, memory: bool = True) -> tuple[str, dict[str, object], str]:
    """The WHERE clause, its named parameters, and the rank expression for the filter."""
    return q.where(f.text, f.status, f.tag, f.archived, memory)


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
        return q.ranked_ids(self._conn(), f.text, where, params, rank, sort, descending, limit)

    def _ranked_with_memory(self, f: ClientFilter, memory: str, limit: int | None) -> list[int]:
        """The search box's usual case, in three cheap reads instead of one costly one.

        Name/pinyin/phone matches in rank order (the client book's own query), then clients
        found only by their notes, newest first, straight from the FTS index: no table row is
        read or sorted for them, so a common word (装修, matching a third of the book) costs
        about what the name search does.
        """
        conn = self._conn()
        where, params, rank = _where(f, memory=False)
        ids = q.ranked_ids(conn, f.text, where, params, rank)
        found = q.memory_ids(conn, memory)
        if found:
            seen = set(ids)
            archived = q.archived_ids(conn)
            ids += [i for i in found if (i in archived) == f.archived and i not in seen]
        return ids if limit is None else ids[: max(int(limit), 0)]

    def count(self, f: ClientFilter) -> int:
        where, params, _rank = _where(f)
        return q.count(self._conn(), f.text, where, params)

    def rows(self, ids: Sequence[int]) -> dict[int, ClientRow]:
        """The list's columns for these clients (one page at a time)."""
        out: dict[int, ClientRow] = {}
        for r in q.rows(self._conn(), ids):
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
                updated_at=dt.datetime.fromisoformat(r[13]),
                archived_at=to_datetime(r[14]),
                last_contact_at=to_datetime(r[15]),
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
        return q.tags_in_use(self._conn())

    def same_phone_or_id(
        self, phones: Sequence[str], id_number: str | None, exclude: int | None = None
    ) -> list[tuple[int, str, bool]]:
        """(id, name, archived) of the clients, ``exclude`` aside, with one of these phones
        (as dialled at home) or this ID number: the duplicate check of `crm add`."""
        from crm.store.queries import clients as client_q

        return client_q.same_phone_or_id(self._conn(), phones, id_number or None, exclude)
