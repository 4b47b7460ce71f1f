"""Must hold: 10,000 clients out to xlsx and csv and back into an empty book, every field equal."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm.domain.clock import FixedClock
from crm.services.client_query import ClientFilter, ClientQuery
from crm.services.transfer.export import ExportOptions
from crm.services.transfer.fields import suggest_mapping
from crm.services.transfer.import_ import build_preview, commit
from crm.services.transfer.reader import read_table
from crm.services.transfer.service import TransferService
from crm.store.book import Book
from tests.transfer.conftest import insert_clean, many_clean, signature


def _en(_c: str, t: str) -> str:
    return t


def _round_trip(book: Book, clock: FixedClock, tmp_path: Path, fmt: str, n: int) -> None:
    insert_clean(book, many_clean(n), clock)
    ids = ClientQuery(book).ids(ClientFilter())
    out = tmp_path / f"list.{fmt}"
    TransferService(book).export(ids, out, ExportOptions(format=fmt, unmasked=True), _en)
    table = read_table(out)
    mapping = suggest_mapping(table.headers, _en)
    empty = Book.open(tmp_path / "empty" / "prism.db")
    try:
        preview = build_preview(empty, table, mapping, clock.today(), _en)
        assert preview.report(_en) == []
        assert not preview.duplicates or all(r.duplicate_row for r in preview.duplicates)
        summary = commit(empty, preview, clock, on_duplicate="add")
        assert summary.added == n
        assert signature(empty) == signature(book)
    finally:
        empty.close()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_small_keeps_every_awkward_value(book, clock, tmp_path, fmt) -> None:
    _round_trip(book, clock, tmp_path, fmt, 300)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_10000(book, clock, tmp_path, fmt) -> None:
    _round_trip(book, clock, tmp_path, fmt, 10_000)
