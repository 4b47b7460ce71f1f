"""The "CSV for Excel and Calc" flavour: opened and saved by LibreOffice Calc, it imports back
unchanged, and nothing of a client's text is ever a live formula (issue 11, Exports: CSV)."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from crm.services.client_query import ClientFilter, ClientQuery
from crm.services.transfer.excel_csv import excel_text, unwrap
from crm.services.transfer.export import ExportOptions
from crm.services.transfer.fields import FIELD_BY_KEY, IMPORTABLE, suggest_mapping
from crm.services.transfer.parse import cell_text
from crm.services.transfer.service import TransferService
from crm.store.book import Book
from tests.transfer.conftest import insert_clean, many_clean, signature

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _en(_c: str, t: str) -> str:
    return t


@pytest.mark.parametrize(
    "value",
    ["01012345678", "11010519491231002X", "110105194912310021", "+447911123456", "=1+1",
     "-", "@x", "'=x", "1985-03-08", "03-08", "5%", "1,234", "1e5", "TRUE", 'a"b', "张三"],
)  # fmt: skip
def test_excel_text_round_trips_and_is_never_a_live_formula(value: str) -> None:
    out = excel_text(value)
    assert cell_text(out, literal=True) == value
    if out.startswith("="):  # only a constant text literal, quotes doubled
        assert unwrap(out) == value and out.startswith('="') and out.endswith('"')


def _export(book: Book, path: Path, fmt: str) -> None:
    ids = ClientQuery(book).ids(ClientFilter())
    columns = tuple(k for k in IMPORTABLE if FIELD_BY_KEY[k].exported)
    TransferService(book).export(
        ids, path, ExportOptions(format=fmt, columns=columns, unmasked=True), _en
    )


def _import(book: Book, path: Path) -> None:
    service = TransferService(book)
    table = service.read_file(path)
    preview = service.preview(table, suggest_mapping(table.headers, _en), _en)
    assert not preview.report(_en), preview.report(_en)[:5]
    service.commit(preview, on_duplicate="add")


def test_excel_csv_keeps_numbers_as_text_for_prism_too(book, clock, tmp_path: Path) -> None:
    insert_clean(book, many_clean(60), clock)
    out = tmp_path / "x.csv"
    _export(book, out, "excel-csv")
    flat = [c for r in csv.reader(io.StringIO(out.read_text("utf-8-sig"))) for c in r]
    assert '="+16502530000"' in flat and "11010519491231002X" in flat
    assert [c for c in flat if re.fullmatch(r'="1\d{10}"', c)]  # a mobile, kept text
    assert [c for c in flat if re.fullmatch(r'="\d{18}"', c)]  # an ID number, kept text
    assert "=\"=cmd|' /C calc'!A0\"" in flat
    assert not [c for c in flat if c and (c[0] in "+-@" or (c[0] == "=" and c[:2] != '="'))]
    again = Book.open(tmp_path / "again.db")
    try:
        _import(again, out)
        assert signature(again) == signature(book)
    finally:
        again.close()


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_calc_opens_and_saves_it_and_it_imports_back_unchanged(book, clock, tmp_path: Path) -> None:
    insert_clean(book, many_clean(60), clock)
    out = tmp_path / "list.csv"
    _export(book, out, "excel-csv")
    saved = tmp_path / "calc"
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "csv", "--outdir", str(saved), str(out)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    text = (saved / "list.csv").read_text("utf-8-sig")
    assert "13812345678" in text and "11010519491231002X" in text and "E+017" not in text
    assert "'" + "13812345678" not in text  # no visible apostrophe
    again = Book.open(tmp_path / "again.db")
    try:
        _import(again, saved / "list.csv")
        assert signature(again) == signature(book)
    finally:
        again.close()


def test_report_soffice_presence() -> None:
    """Say in the test log whether the Calc round trip ran (it skips without soffice)."""
    print("soffice:", SOFFICE or "absent: the LibreOffice round trip was skipped")
