"""The SQL of the self-review's highlights: referral chains, renewals, promises kept."""

from __future__ import annotations

import sqlite3
from typing import Any

Row = tuple[Any, ...]

# From every referrer at the top of a chain, down the referred_by links (ix_client_referred_by):
# how deep each chain goes, how many people it holds, and how many joined in the period.
_CHAINS = (
    "WITH RECURSIVE chain(id, depth, root, created_at) AS ("
    "SELECT c.id, 0, c.id, c.created_at FROM client c WHERE c.referred_by_id IS NULL "
    "AND EXISTS (SELECT 1 FROM client k WHERE k.referred_by_id = c.id) "
    "UNION ALL SELECT k.id, chain.depth + 1, chain.root, k.created_at FROM client k "
    "JOIN chain ON k.referred_by_id = chain.id WHERE chain.depth < 200) "
    "SELECT r.id, r.name, max(chain.depth), count(*) - 1, "
    "sum(chain.depth > 0 AND chain.created_at >= :first "
    "AND chain.created_at < date(:last, '+1 day')) "
    "FROM chain JOIN client r ON r.id = chain.root GROUP BY chain.root "
    "ORDER BY max(chain.depth) DESC, count(*) DESC, r.id LIMIT :limit"
)


def longest_chains(conn: sqlite3.Connection, first: str, last: str, limit: int) -> list[Row]:
    """(root id, root name, depth, people referred down the chain, of them added in the
    period) of the deepest referral chains."""
    return conn.execute(_CHAINS, {"first": first, "last": last, "limit": limit}).fetchall()


def renewals(conn: sqlite3.Connection, first: str, last: str, limit: int) -> tuple[int, list[Row]]:
    """(loans disbursed in the period that renew an earlier one, the newest ``limit`` as
    (client id, name, product, amount_fen, disbursed_on))."""
    where = (
        "FROM loan l JOIN client c ON c.id = l.client_id WHERE l.deleted_at IS NULL "
        "AND l.renewal_of_id IS NOT NULL AND l.disbursed_on BETWEEN ? AND ?"
    )
    count = conn.execute(f"SELECT count(*) {where}", (first, last)).fetchone()[0]
    rows = conn.execute(
        f"SELECT c.id, c.name, l.product, l.amount_fen, l.disbursed_on {where} "
        "ORDER BY l.disbursed_on DESC, l.id DESC LIMIT ?",
        (first, last, limit),
    ).fetchall()
    return int(count), rows


def promises_kept(
    conn: sqlite3.Connection, first: str, last: str, limit: int
) -> tuple[int, int, list[Row]]:
    """(promises kept in the period, of them on time, the newest ``limit`` as (client id,
    name, text, due_date, kept day))."""
    where = (
        "FROM promise p JOIN client c ON c.id = p.client_id WHERE p.deleted_at IS NULL "
        "AND p.kept_at >= ? AND p.kept_at < date(?, '+1 day')"
    )
    kept, on_time = conn.execute(
        f"SELECT count(*), coalesce(sum(substr(p.kept_at, 1, 10) <= p.due_date), 0) {where}",
        (first, last),
    ).fetchone()
    rows = conn.execute(
        f"SELECT c.id, c.name, p.text, p.due_date, substr(p.kept_at, 1, 10) {where} "
        "ORDER BY p.kept_at DESC, p.id DESC LIMIT ?",
        (first, last, limit),
    ).fetchall()
    return int(kept), int(on_time), rows
