"""The client table and its phones and tags: the SQL behind ``ClientService``.

Writes come in bulk form only (``executemany``): a single add or edit is a batch of one, so
the dialog, ``crm add``, the import and the demo share every statement.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from crm.store.queries._sql import json_chunks

#: Every column of ``client``, in table order (tied to ``crm.domain.client.Client``).
CLIENT_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "kind",
    "gender",
    "birthday_calendar",
    "birth_year",
    "birth_month",
    "birth_day",
    "birth_leap",
    "wechat",
    "id_number",
    "business_name",
    "industry",
    "uscc",
    "address",
    "status",
    "notes",
    "name_pinyin",
    "name_compact",
    "name_initials",
    "search_text",
    "created_at",
    "updated_at",
    "archived_at",
    "form_of_address",
    "cadence_days",
    "last_contact_at",
    "referred_by_id",
    "source",
)
#: Every column of ``client_phone`` (tied to ``ClientPhone``).
CLIENT_PHONE_COLUMNS: tuple[str, ...] = ("id", "client_id", "position", "e164", "national", "label")
#: Every column of ``client_tag`` (tied to ``ClientTag``).
CLIENT_TAG_COLUMNS: tuple[str, ...] = ("client_id", "tag")

#: What the client write derives from the record (the name's pinyin, the search text), and
#: last contact, kept by the interactions: all the detail pane and the edit form do not read.
_NOT_DETAIL = frozenset(
    {"name_pinyin", "name_compact", "name_initials", "search_text", "last_contact_at"}
)
#: What the detail pane and the edit form read of one client: the rest, ``id`` first.
CLIENT_DETAIL_COLUMNS: tuple[str, ...] = tuple(c for c in CLIENT_COLUMNS if c not in _NOT_DETAIL)


def _columns(columns: Sequence[str]) -> str:
    unknown = set(columns) - set(CLIENT_COLUMNS)
    if unknown:
        raise ValueError(f"not columns of client: {sorted(unknown)}")
    return ", ".join(columns)


@cache
def _insert_sql(columns: tuple[str, ...]) -> str:
    return f"INSERT INTO client ({_columns(columns)}) VALUES ({', '.join('?' * len(columns))})"


@cache
def _update_sql(columns: tuple[str, ...]) -> str:
    _columns(columns)
    return f"UPDATE client SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?"


@cache
def _detail_sql() -> str:
    return (
        f"SELECT {_columns(CLIENT_DETAIL_COLUMNS)} FROM client "
        "WHERE id IN (SELECT value FROM json_each(?))"
    )


# -- writing --------------------------------------------------------------------------------


def next_id(conn: sqlite3.Connection) -> int:
    """The id the next insert gets. Inside one write transaction, n inserts take the n ids
    from here on, in order (INTEGER PRIMARY KEY without AUTOINCREMENT: max(id) + 1)."""
    return int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM client").fetchone()[0])


def insert_clients(
    conn: sqlite3.Connection, columns: tuple[str, ...], rows: Iterable[Sequence[object]]
) -> None:
    conn.executemany(_insert_sql(columns), rows)


def update_clients(
    conn: sqlite3.Connection, columns: tuple[str, ...], rows: Iterable[Sequence[object]]
) -> None:
    """Each row: the values of ``columns``, then the client id."""
    conn.executemany(_update_sql(columns), rows)


def status_and_referrer(
    conn: sqlite3.Connection, ids: Sequence[int]
) -> dict[int, tuple[str, int | None]]:
    """(status, referred_by_id) of each existing client among ``ids``."""
    out: dict[int, tuple[str, int | None]] = {}
    for chunk in json_chunks(ids):
        for cid, status, referrer in conn.execute(
            "SELECT id, status, referred_by_id FROM client "
            "WHERE id IN (SELECT value FROM json_each(?))",
            (chunk,),
        ):
            out[cid] = (status, referrer)
    return out


def delete_children(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    """Remove the phones and tags of these clients (before writing their new ones)."""
    for chunk in json_chunks(ids):
        conn.execute(
            "DELETE FROM client_phone WHERE client_id IN (SELECT value FROM json_each(?))",
            (chunk,),
        )
        conn.execute(
            "DELETE FROM client_tag WHERE client_id IN (SELECT value FROM json_each(?))", (chunk,)
        )


def insert_phones(conn: sqlite3.Connection, rows: Iterable[tuple[int, int, str, str]]) -> None:
    """Rows of (client_id, position, e164, national)."""
    conn.executemany(
        "INSERT INTO client_phone (client_id, position, e164, national) VALUES (?, ?, ?, ?)", rows
    )


def insert_tags(conn: sqlite3.Connection, rows: Iterable[tuple[int, str]]) -> None:
    """Rows of (client_id, tag); a tag repeated for one client is kept once."""
    conn.executemany("INSERT OR IGNORE INTO client_tag (client_id, tag) VALUES (?, ?)", rows)


def ids_archived(conn: sqlite3.Connection, ids: Sequence[int], archived: bool) -> list[int]:
    """Those of ``ids`` that are (``archived``) or are not archived now, in id order."""
    wanted = "archived_at IS NOT NULL" if archived else "archived_at IS NULL"
    out: list[int] = []
    for chunk in json_chunks(ids):
        out += [
            r[0]
            for r in conn.execute(
                f"SELECT id FROM client WHERE id IN (SELECT value FROM json_each(?)) AND {wanted}",
                (chunk,),
            )
        ]
    return sorted(out)


def set_archived_at(conn: sqlite3.Connection, ids: Sequence[int], stamp: str | None) -> None:
    conn.executemany("UPDATE client SET archived_at = ? WHERE id = ?", [(stamp, i) for i in ids])


def delete_clients(conn: sqlite3.Connection, ids: Sequence[int]) -> int:
    """Delete these client rows for good and, by ON DELETE CASCADE (foreign_keys is on for
    every connection), everything attached; returns how many rows went in all, the clients'
    own included. Only the trash's purge calls it."""
    before = conn.total_changes
    for chunk in json_chunks(ids):
        conn.execute("DELETE FROM client WHERE id IN (SELECT value FROM json_each(?))", (chunk,))
    return conn.total_changes - before


# -- reading --------------------------------------------------------------------------------


def details(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """:data:`CLIENT_DETAIL_COLUMNS` of each existing client among ``ids``, by name."""
    out: dict[int, dict[str, Any]] = {}
    for chunk in json_chunks(ids):
        for row in conn.execute(_detail_sql(), (chunk,)):
            out[row[0]] = dict(zip(CLIENT_DETAIL_COLUMNS, row, strict=True))
    return out


def phones(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, list[tuple[str, str]]]:
    """(e164, national) of each client's phones, in their order."""
    out: dict[int, list[tuple[str, str]]] = {}
    for chunk in json_chunks(ids):
        for cid, e164, national in conn.execute(
            "SELECT client_id, e164, national FROM client_phone "
            "WHERE client_id IN (SELECT value FROM json_each(?)) ORDER BY client_id, position",
            (chunk,),
        ):
            out.setdefault(cid, []).append((e164, national))
    return out


def tags(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, list[str]]:
    """Each client's tags, sorted."""
    out: dict[int, list[str]] = {}
    for chunk in json_chunks(ids):
        for cid, tag in conn.execute(
            "SELECT client_id, tag FROM client_tag "
            "WHERE client_id IN (SELECT value FROM json_each(?)) ORDER BY client_id, tag",
            (chunk,),
        ):
            out.setdefault(cid, []).append(tag)
    return out


def phone_owners(conn: sqlite3.Connection) -> dict[str, int]:
    """Every phone in the book (as dialled at home) and the client it belongs to."""
    return dict(conn.execute("SELECT national, client_id FROM client_phone"))


def id_number_owners(conn: sqlite3.Connection) -> dict[str, int]:
    """Every ID number in the book and its client."""
    return dict(conn.execute("SELECT id_number, id FROM client WHERE id_number IS NOT NULL"))


def exists(conn: sqlite3.Connection, client_id: int) -> bool:
    return conn.execute("SELECT 1 FROM client WHERE id = ?", (client_id,)).fetchone() is not None


def ids_named(conn: sqlite3.Connection, name: str) -> list[tuple[int, bool]]:
    """(id, archived) of the clients with exactly this name, active ones first, then by id."""
    return [
        (r[0], bool(r[1]))
        for r in conn.execute(
            "SELECT id, archived_at IS NOT NULL FROM client WHERE name = ? "
            "ORDER BY archived_at IS NOT NULL, id",
            (name,),
        )
    ]


def same_phone_or_id(
    conn: sqlite3.Connection, phones: Sequence[str], id_number: str | None, exclude: int | None
) -> list[tuple[int, str, bool]]:
    """(id, name, archived) of the clients, ``exclude`` aside, with one of these phones (as
    dialled at home) or this ID number, by id. Both columns are indexed: a few lookups."""
    import json

    return [
        (r[0], r[1], bool(r[2]))
        for r in conn.execute(
            "SELECT id, name, archived_at IS NOT NULL FROM client "
            "WHERE (id IN (SELECT client_id FROM client_phone "
            "WHERE national IN (SELECT value FROM json_each(?))) OR id_number = ?) "
            "AND id IS NOT ? ORDER BY id",
            (json.dumps(list(phones)), id_number, exclude),
        )
    ]
