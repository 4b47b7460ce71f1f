"""Exported files opened back with openpyxl, csv and vobject: safe, masked, typed, atomic."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from crm.services.client_query import ClientFilter, ClientQuery
from crm.services.transfer.export import (
    ExportCancelled,
    ExportOptions,
    safe_text,
)
from crm.services.transfer.parse import cell_text
from crm.services.transfer.service import TransferService
from tests.transfer.conftest import insert_clean, many_clean


def _en(_c: str, t: str) -> str:
    return t


@pytest.fixture
def ids(book, clock) -> list[int]:
    insert_clean(book, many_clean(40), clock)
    return ClientQuery(book).ids(ClientFilter())


def test_xlsx_has_no_formulas_keeps_types_and_freezes_header(book, ids, tmp_path) -> None:
    import openpyxl

    out = tmp_path / "x.xlsx"
    TransferService(book).export(ids, out, ExportOptions(format="xlsx", unmasked=True), _en)
    ws = openpyxl.load_workbook(out).active
    assert ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    assert header[:4] == ["Name", "Kind", "Gender", "Phones"]
    cells = [c for row in ws.iter_rows(min_row=2) for c in row if c.value is not None]
    assert not [c for c in cells if c.data_type == "f"]  # nothing is a live formula
    values = {c.value for c in cells}
    assert "=cmd|' /C calc'!A0" in values and "=1+1" in values
    assert "+16502530000" in values  # a foreign phone stays text with its plus
    by_name = {row[0].value: row for row in ws.iter_rows(min_row=2)}
    birthday = by_name["欧阳娜娜"][header.index("Birthday")].value
    assert isinstance(birthday, dt.datetime) and birthday.date() == dt.date(1949, 12, 31)
    assert by_name["欧阳娜娜"][header.index("Keep in touch (days)")].value == 45  # a number


def test_csv_quotes_formula_starts_and_import_undoes_it(book, ids, tmp_path) -> None:
    out = tmp_path / "x.csv"
    TransferService(book).export(ids, out, ExportOptions(format="csv", unmasked=True), _en)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Chinese Excel opens it cleanly
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    flat = [c for r in rows[1:] for c in r]
    assert not [c for c in flat if c[:1] in ("=", "+", "-", "@")]
    assert "'=1+1" in flat and "'+16502530000" in flat and "''=已有撇号" in flat
    assert cell_text("'+16502530000", unquote=True) == "+16502530000"
    assert cell_text("''=已有撇号", unquote=True) == "'=已有撇号"
    assert cell_text("'plain", unquote=True) == "'plain"


@pytest.mark.parametrize("value", ["=1", "+86", "-", "@x", "\tx", "\rx", "'=x", "''+y", "'a", "a"])
def test_safe_text_round_trips(value: str) -> None:
    out = safe_text(value)
    assert out[:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert cell_text(out, unquote=True) == value


def test_masked_by_default(book, ids, tmp_path) -> None:
    out = tmp_path / "m.csv"
    TransferService(book).export(ids, out, ExportOptions(format="csv"), _en)
    text = out.read_text(encoding="utf-8-sig")
    assert "138****5678" in text and "110105********002X" in text
    assert "13812345678" not in text and "11010519491231002X" not in text


def test_gb18030_on_request(book, ids, tmp_path) -> None:
    out = tmp_path / "g.csv"
    TransferService(book).export(ids, out, ExportOptions(format="csv", encoding="gb18030"), _en)
    assert "欧阳娜娜" in out.read_bytes().decode("gb18030")


def test_vcard_reads_back_with_chinese_names(book, ids, tmp_path) -> None:
    import vobject

    out = tmp_path / "c.vcf"
    TransferService(book).export(ids, out, ExportOptions(format="vcf", unmasked=True), _en)
    cards = list(vobject.readComponents(out.read_text(encoding="utf-8")))
    assert len(cards) == len(ids)
    card = next(c for c in cards if c.fn.value == "欧阳娜娜")
    assert card.version.value == "3.0"
    assert card.n.value.family == "欧阳" and card.n.value.given == "娜娜"
    assert [t.value for t in card.contents["tel"]] == ["13812345678", "01065123456"]
    assert card.bday.value == "1949-12-31"
    assert card.org.value == ["兴隆超市"]
    assert "第二行" in card.note.value


def test_cancel_leaves_nothing_under_the_name(book, ids, tmp_path) -> None:
    out = tmp_path / "never.csv"
    with pytest.raises(ExportCancelled):
        TransferService(book).export(
            ids, out, ExportOptions(format="csv"), _en, lambda _d, _t: False
        )
    assert list(tmp_path.iterdir()) == [tmp_path / "prism.db"] or not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert not out.exists()


def test_columns_are_chosen(book, ids, tmp_path) -> None:
    out = tmp_path / "few.csv"
    TransferService(book).export(
        ids, out, ExportOptions(format="csv", columns=("name", "tags")), _en
    )
    assert next(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")))) == ["Name", "Tags"]


def test_filtered_list_only(book, ids, tmp_path) -> None:
    f = ClientFilter(text="欧阳娜娜")
    only = ClientQuery(book).ids(f)
    out = tmp_path / "one.csv"
    assert TransferService(book).export(only, out, ExportOptions(format="csv"), _en) == 1
    assert len(list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))) == 2


def test_existing_file_replaced_whole(book, ids, tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    out.write_text("old")
    TransferService(book).export(ids, out, ExportOptions(format="xlsx"), _en)
    assert out.read_bytes()[:2] == b"PK"
