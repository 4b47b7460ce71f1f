"""Exports carry referrer, source, last contact and date added; the import reads them back, so a
round trip keeps the referral chains (issue 11)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crm.domain.client_form import ClientDraft
from crm.domain.referrals import ReferralSource
from crm.services.client_query import ClientFilter, ClientQuery
from crm.services.clients import ClientService
from crm.services.transfer.export import ExportOptions
from crm.services.transfer.fields import suggest_mapping
from crm.services.transfer.service import TransferService
from crm.store.book import Book


def _en(_c: str, t: str) -> str:
    return t


CHAIN_SQL = """
SELECT c.name, r.name, c.source, substr(c.last_contact_at, 1, 16), substr(c.created_at, 1, 10)
FROM client c LEFT JOIN client r ON r.id = c.referred_by_id ORDER BY c.name
"""


@pytest.fixture
def chain(book, clock) -> Book:
    clients = ClientService(book, clock)
    a = clients.add(ClientDraft(name="老王", phones=["13811110000"], source=ReferralSource.EVENT))
    b = clients.add(ClientDraft(name="小李", phones=["13811110001"], referred_by_id=a))
    clients.add(ClientDraft(name="张三", phones=["13811110002"], referred_by_id=b))
    clients.add(ClientDraft(name="赵六", phones=["13811110003"], referred_by_id=a))
    with book.write() as conn:
        conn.execute("UPDATE client SET last_contact_at = '2026-10-01 09:30:00' WHERE id = ?", (b,))
        conn.execute("UPDATE client SET created_at = '2025-03-04 08:00:00' WHERE id = ?", (a,))
    return book


def _import(book: Book, path: Path) -> None:
    service = TransferService(book)
    table = service.read_file(path)
    preview = service.preview(table, suggest_mapping(table.headers, _en), _en)
    assert not preview.report(_en), preview.report(_en)
    service.commit(preview)


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "excel-csv"])
def test_round_trip_keeps_referral_chains_and_dates(chain: Book, tmp_path: Path, fmt: str) -> None:
    ids = ClientQuery(chain).ids(ClientFilter())
    out = tmp_path / f"list.{fmt}"
    TransferService(chain).export(ids, out, ExportOptions(format=fmt, unmasked=True), _en)
    fresh = Book.open(tmp_path / "fresh.db")
    try:
        _import(fresh, out)
        got = fresh.reader().execute(CHAIN_SQL).fetchall()
    finally:
        fresh.close()
    want = chain.reader().execute(CHAIN_SQL).fetchall()
    assert got == want
    assert ("小李", "老王", "referral", "2026-10-01 09:30", got[1][4]) in got
    assert ("老王", None, "event", None, "2025-03-04") in got


def test_headers_are_exported(chain: Book, tmp_path: Path) -> None:
    ids = ClientQuery(chain).ids(ClientFilter())
    out = tmp_path / "list.csv"
    TransferService(chain).export(ids, out, ExportOptions(format="csv"), _en)
    header = out.read_text("utf-8-sig").splitlines()[0]
    for label in ("Referred by", "Source", "Last contact", "Added on"):
        assert label in header


def test_unknown_ambiguous_self_and_circular_referrers_are_problems(book, tmp_path: Path) -> None:
    ClientService(book).add(ClientDraft(name="重名"))
    ClientService(book).add(ClientDraft(name="重名"))
    src = tmp_path / "in.csv"
    src.write_text(
        "姓名,介绍人\n甲,查无此人\n乙,重名\n丙,丙\n丁,戊\n戊,丁\n己,甲\n", encoding="utf-8"
    )
    service = TransferService(book)
    preview = service.preview(service.read_file(src), ["name", "referrer"], _en)
    problems = {row: reason for row, _col, reason in preview.report(_en)}
    assert "neither in the book nor in the file" in problems[2]
    assert "Several clients are named" in problems[3]
    assert "cannot refer themselves" in problems[4]
    assert "circle" in problems[5] and "circle" in problems[6]
    assert "(row 2) has problems" in problems[7]  # 己 ← 甲, a row that cannot be imported


def test_last_contact_and_date_added_parse() -> None:
    from crm.services.transfer.parse import moment

    assert moment("x", None, "2026-11-29 14:30") == dt.datetime(2026, 11, 29, 14, 30)
    assert moment("x", None, "2026/1/2") == dt.datetime(2026, 1, 2)
    with pytest.raises(Exception, match="not a date"):
        moment("x", None, "昨天")
