"""The id helpers every query module shares (crm/store/queries/_sql.py)."""

from __future__ import annotations

import json

from crm.store.book import Book
from crm.store.queries import clients, loans, referrals
from crm.store.queries._sql import MARKS_CHUNK, id_array, json_chunks, marked_chunks


def test_marked_chunks_slice_in_order_with_their_placeholders() -> None:
    ids = list(range(1, 2 * MARKS_CHUNK + 2))
    chunks = list(marked_chunks(ids))
    assert [len(part) for _m, part in chunks] == [MARKS_CHUNK, MARKS_CHUNK, 1]
    assert [i for _m, part in chunks for i in part] == ids
    assert all(marks.count("?") == len(part) for marks, part in chunks)
    assert list(marked_chunks([], 5)) == []
    assert list(marked_chunks([7, 8, 9], 2)) == [("?,?", [7, 8]), ("?", [9])]


def test_json_chunks_and_id_array() -> None:
    assert [json.loads(c) for c in json_chunks([1, 2, 3, 4, 5], 2)] == [[1, 2], [3, 4], [5]]
    assert id_array({3}) == "[3]"
    assert id_array([]) == "[]"


def test_many_ids_cross_chunk_boundaries(book: Book) -> None:
    """More ids than one statement takes, through each form: nothing lost or repeated."""
    n = 2 * MARKS_CHUNK + 5
    with book.write() as conn:
        first = clients.next_id(conn)
        clients.insert_clients(
            conn,
            ("name", "status", "created_at", "updated_at"),
            [
                (f"客户{i}", "prospect", "2026-01-01 00:00:00.000000", "2026-01-01 00:00:00.000000")
                for i in range(n)
            ],
        )
    ids = list(range(first, first + n))
    conn = book.reader()
    assert sorted(r[0] for r in referrals.person_rows(conn, ids)) == ids
    assert loans.existing_clients(conn, ids) == set(ids)
    assert sorted(clients.details(conn, ids)) == ids


def test_id_array_is_read_by_json_each_and_carries_only_numbers() -> None:
    import sqlite3

    import pytest

    conn = sqlite3.connect(":memory:")
    rows = conn.execute("SELECT value FROM json_each(?)", (id_array([3, 1, 20000]),)).fetchall()
    assert rows == [(3,), (1,), (20000,)]
    assert conn.execute("SELECT count(*) FROM json_each(?)", (id_array([]),)).fetchone() == (0,)
    with pytest.raises(ValueError):
        id_array(["1]; DROP TABLE client; --"])  # type: ignore[list-item]
