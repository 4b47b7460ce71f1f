"""Builders for referral tests: linked clients inserted in bulk (plain SQL, fast)."""

from __future__ import annotations

from crm.store.book import Book, sql_datetime
from tests.conftest import NOW


def insert_people(
    book: Book, links: list[tuple[str, int | None]], status: str = "prospect"
) -> list[int]:
    """Insert clients named as given, each referred by the id given (None: nobody)."""
    stamp = sql_datetime(NOW)
    with book.write() as conn:
        first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM client").fetchone()[0]
        conn.executemany(
            "INSERT INTO client (id, name, status, referred_by_id, source, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (first + i, name, status, ref, "referral" if ref else "walk_in", stamp, stamp)
                for i, (name, ref) in enumerate(links)
            ],
        )
    return list(range(first, first + len(links)))


def chain_of(book: Book, depth: int) -> list[int]:
    """Client 0 is the root; client k was referred by client k-1."""
    first = book.reader().execute("SELECT coalesce(max(id), 0) + 1 FROM client").fetchone()[0]
    links = [(f"链{k}", first + k - 1 if k else None) for k in range(depth + 1)]
    return insert_people(book, links)
