"""The SQL of referrals: who referred whom (``client.referred_by_id``, ``client.source``) and
the thank-yous owed (``referral_thanks``).

Chains and trees are walked by recursive CTEs (indexed on ``referred_by_id``), so depth costs
no Python recursion; ``MAX_DEPTH`` only guards against a circle written by something other than
Prism. The rules (what closes a circle, when a thank-you is owed) live in the services.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from crm.store.queries._sql import marked_chunks

MAX_DEPTH = 100_000

Row = tuple[Any, ...]

#: The client columns a referral view shows of a person, in ``Person`` order (a subset of the
#: ``client`` table; ``archived_at`` is read as "archived" when not NULL).
PERSON_COLUMNS = ("id", "name", "form_of_address", "status", "kind", "archived_at")
#: The tables the column lists above and below belong to (tests/store/test_schema.py ties them).
TABLE = {"PERSON_COLUMNS": "client"}
#: The ``referral_thanks`` columns written when a thank-you becomes owed.
REFERRAL_THANKS_COLUMNS = ("referrer_id", "referred_id", "became_borrower_on", "created_at")
#: The ``referral_thanks`` columns a thank-you is read with, before its two people.
REFERRAL_THANKS_READ_COLUMNS = ("id", "became_borrower_on", "thanked_at")


def _person(alias: str) -> str:
    return ", ".join(f"{alias}.{c}" for c in PERSON_COLUMNS)


# -- people, chains, trees ---------------------------------------------------------------------

_CHAIN_SQL = f"""
    WITH RECURSIVE up(id, depth) AS (
        SELECT ?, 0
        UNION ALL
        SELECT c.referred_by_id, up.depth + 1 FROM up JOIN client c ON c.id = up.id
        WHERE c.referred_by_id IS NOT NULL AND up.depth < {MAX_DEPTH}
    )
    SELECT {_person("c")}, up.depth FROM up JOIN client c ON c.id = up.id ORDER BY up.depth
"""

_TREE_SQL = f"""
    WITH RECURSIVE down(id, parent, depth) AS (
        SELECT id, referred_by_id, 1 FROM client WHERE referred_by_id = :root
        UNION ALL
        SELECT c.id, c.referred_by_id, d.depth + 1 FROM down d
        JOIN client c ON c.referred_by_id = d.id
        WHERE d.depth < {MAX_DEPTH} AND c.id != :root
    )
    SELECT {_person("c")}, d.parent, d.depth FROM down d JOIN client c ON c.id = d.id
    ORDER BY d.depth, c.name_pinyin, c.id
"""


def chain_rows(conn: sqlite3.Connection, client_id: int) -> sqlite3.Cursor:
    """Person rows plus depth: the client (depth 0), who brought them, ... up to the root.

    A circle written from outside Prism repeats ids; the caller stops where it closes.
    """
    return conn.execute(_CHAIN_SQL, (client_id,))


def tree_rows(conn: sqlite3.Connection, root_id: int) -> sqlite3.Cursor:
    """Person rows plus (parent id, depth) of everyone below ``root_id``, breadth-first."""
    return conn.execute(_TREE_SQL, {"root": root_id})


def person_row(conn: sqlite3.Connection, client_id: int) -> Row | None:
    row: Row | None = conn.execute(
        f"SELECT {_person('c')} FROM client c WHERE c.id = ?", (client_id,)
    ).fetchone()
    return row


def person_rows(conn: sqlite3.Connection, client_ids: Sequence[int]) -> list[Row]:
    """Person rows of these clients (any order; unknown ids are left out)."""
    out: list[Row] = []
    for marks, part in marked_chunks(client_ids):
        out += conn.execute(f"SELECT {_person('c')} FROM client c WHERE c.id IN ({marks})", part)
    return out


def referrer_and_source(conn: sqlite3.Connection, client_id: int) -> tuple[int | None, str | None]:
    row = conn.execute(
        "SELECT referred_by_id, source FROM client WHERE id = ?", (client_id,)
    ).fetchone()
    return (row[0], row[1]) if row else (None, None)


def referrers_of(conn: sqlite3.Connection, client_ids: Sequence[int]) -> set[int]:
    """Who referred these clients (those referred by nobody add nothing)."""
    out: set[int] = set()
    for marks, part in marked_chunks(client_ids):
        out.update(
            r[0]
            for r in conn.execute(
                f"SELECT DISTINCT referred_by_id FROM client WHERE id IN ({marks}) "
                "AND referred_by_id IS NOT NULL",
                part,
            )
        )
    return out


def links(conn: sqlite3.Connection) -> sqlite3.Cursor:
    """Every referral link as (client id, referrer id, client status): a covering index scan."""
    return conn.execute(
        "SELECT id, referred_by_id, status FROM client WHERE referred_by_id IS NOT NULL"
    )


def source_counts(conn: sqlite3.Connection, leave_out_kind: str) -> list[tuple[str | None, int]]:
    """Active clients of every kind but ``leave_out_kind`` by how they came: 'referral' when
    someone in the book referred them, else their recorded source (None: not recorded)."""
    return conn.execute(
        "SELECT CASE WHEN referred_by_id IS NOT NULL THEN 'referral' ELSE source END AS s, "
        "count(*) FROM client WHERE archived_at IS NULL AND kind != ? GROUP BY s",
        (leave_out_kind,),
    ).fetchall()


def linked_rows(conn: sqlite3.Connection) -> sqlite3.Cursor:
    """Person rows plus referrer id of everyone in a referral tree (referred, or referring)."""
    return conn.execute(
        f"SELECT {_person('c')}, c.referred_by_id FROM client c "
        "WHERE c.referred_by_id IS NOT NULL OR c.id IN "
        "(SELECT referred_by_id FROM client WHERE referred_by_id IS NOT NULL)"
    )


def active_client_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM client WHERE archived_at IS NULL").fetchone()[0])


def link_referrers(
    conn: sqlite3.Connection, links: Iterable[tuple[int | None, str | None, int]]
) -> None:
    """The bulk form of the referrer link: set (referred_by_id, source) of many clients.

    The per-client form is the client write (``write_clients``), which checks each referrer
    with ``check_referrer`` and records a thank-you when a referred client becomes a borrower;
    this form does neither, so its one caller (the demo) links only referrers it knows close
    no circle. It is the one writer of client columns outside ``crm.store.queries.clients``
    (tests/services/test_one_client_write.py names it). Pass rows sorted by client id: the
    table's pages are then visited once each (random order is ~10x slower).
    """
    conn.executemany("UPDATE client SET referred_by_id = ?, source = ? WHERE id = ?", links)


# -- thank-yous --------------------------------------------------------------------------------

_THANKS_READ = ", ".join(f"t.{c}" for c in REFERRAL_THANKS_READ_COLUMNS)
_THANKS_SQL = f"""
    SELECT {_THANKS_READ}, {_person("r")}, {_person("c")}
    FROM referral_thanks t
    JOIN client r ON r.id = t.referrer_id
    JOIN client c ON c.id = t.referred_id
"""
_INSERT_THANKS_SQL = (
    f"INSERT INTO referral_thanks ({', '.join(REFERRAL_THANKS_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(REFERRAL_THANKS_COLUMNS))})"
)


def insert_thanks(
    conn: sqlite3.Connection, referrer_id: int, referred_id: int, day: str, created_at: str
) -> int:
    """One thank-you owed; returns its id."""
    cur = conn.execute(_INSERT_THANKS_SQL, (referrer_id, referred_id, day, created_at))
    assert cur.lastrowid is not None
    return cur.lastrowid


def thanks_rows(
    conn: sqlite3.Connection,
    *,
    open_only: bool = False,
    referrer_id: int | None = None,
    referrer_active: bool = False,
    until: str | None = None,
) -> sqlite3.Cursor:
    """Thank-you rows (the three read columns, then referrer and referred as person rows),
    oldest first: only those not yet given, of one referrer, of active referrers, or owed on
    or before ``until`` (an ISO date), as asked."""
    where: list[str] = []
    params: list[object] = []
    if open_only:
        where.append("t.thanked_at IS NULL")
    if referrer_id is not None:
        where.append("t.referrer_id = ?")
        params.append(referrer_id)
    if referrer_active:
        where.append("r.archived_at IS NULL")
    if until is not None:
        where.append("t.became_borrower_on <= ?")
        params.append(until)
    sql = _THANKS_SQL + (" WHERE " + " AND ".join(where) if where else "")
    return conn.execute(sql + " ORDER BY t.became_borrower_on, t.id", params)


def thanks_row(conn: sqlite3.Connection, thanks_id: int) -> Row | None:
    row: Row | None = conn.execute(_THANKS_SQL + " WHERE t.id = ?", (thanks_id,)).fetchone()
    return row


def thanks_referrer(conn: sqlite3.Connection, thanks_id: int) -> int | None:
    row = conn.execute(
        "SELECT referrer_id FROM referral_thanks WHERE id = ?", (thanks_id,)
    ).fetchone()
    return int(row[0]) if row else None


def close_thanks(
    conn: sqlite3.Connection, thanks_id: int, thanked_at: str, interaction_id: int
) -> None:
    conn.execute(
        "UPDATE referral_thanks SET thanked_at = ?, interaction_id = ? WHERE id = ?",
        (thanked_at, interaction_id, thanks_id),
    )
