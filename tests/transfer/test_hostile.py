"""Hostile files, made here for real, are refused with a reason and bounded memory."""

from __future__ import annotations

import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from crm.services.transfer.reader import FileRefused, Limits, read_table


def _xlsx(path: Path) -> Path:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet()
    ws.write_row(0, 0, ["姓名", "手机"])
    ws.write_row(1, 0, ["张三", "13812345678"])
    wb.close()
    return path


def _replace_member(src: Path, dest: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, data if info.filename == name else zin.read(info))
    return dest


def test_a_real_xlsx_reads(tmp_path) -> None:
    assert read_table(_xlsx(tmp_path / "ok.xlsx")).rows == [["张三", "13812345678"]]


def test_zip_bomb_by_ratio(tmp_path) -> None:
    ok = _xlsx(tmp_path / "ok.xlsx")
    bomb = _replace_member(
        ok, tmp_path / "bomb.xlsx", "xl/worksheets/sheet1.xml", b"<a>" + b" " * 60_000_000 + b"</a>"
    )
    assert bomb.stat().st_size < 1_000_000
    with pytest.raises(FileRefused, match="zip bomb"):
        read_table(bomb)


def test_zip_bomb_by_declared_size(tmp_path) -> None:
    """A member whose headers claim 4 GB: refused from the directory, nothing unpacked."""
    bomb = _xlsx(tmp_path / "declared.xlsx")
    data = bytearray(bomb.read_bytes())
    at = data.find(b"PK\x01\x02")  # central directory: uncompressed size at offset 24
    while at >= 0:
        struct.pack_into("<I", data, at + 24, 0xFFFFFFF0)
        at = data.find(b"PK\x01\x02", at + 4)
    bomb.write_bytes(bytes(data))
    tracemalloc.start()
    with pytest.raises(FileRefused):
        read_table(bomb)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 20_000_000


def test_billion_laughs_inside_an_xlsx(tmp_path) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
            for i in range(1, 10)
        )
        + b']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<si><t>&lol9;</t></si></sst>"
    )
    ok = _xlsx(tmp_path / "ok.xlsx")
    evil = _replace_member(ok, tmp_path / "laughs.xlsx", "xl/sharedStrings.xml", laughs)
    with pytest.raises(FileRefused, match="entity"):
        read_table(evil)


def test_huge_single_csv_field_is_refused_with_bounded_memory(tmp_path) -> None:
    p = tmp_path / "huge.csv"
    with p.open("wb") as fh:
        fh.write("姓名,备注\n张三,".encode())
        block = b"x" * 1_000_000
        for _ in range(50):  # one 50 MB field
            fh.write(block)
        fh.write(b"\n")
    tracemalloc.start()
    with pytest.raises(FileRefused, match="longer than"):
        read_table(p)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 20_000_000  # never the whole 50 MB


def test_huge_quoted_field_across_lines_is_refused(tmp_path) -> None:
    p = tmp_path / "lines.csv"
    p.write_text('姓名,备注\n张三,"' + ("很长的一行\n" * 40_000) + '"\n', encoding="utf-8")
    with pytest.raises(FileRefused, match="longer than"):
        read_table(p)


def test_oversized_file_is_refused_before_reading(tmp_path) -> None:
    p = tmp_path / "big.csv"
    p.write_bytes(b"name\n" + b"a\n" * 600_000)
    with pytest.raises(FileRefused, match="MB"):
        read_table(p, Limits(max_file_bytes=1024 * 1024))


def test_too_many_rows(tmp_path) -> None:
    p = tmp_path / "rows.csv"
    p.write_text("name\n" + "a\n" * 50, encoding="utf-8")
    with pytest.raises(FileRefused, match="rows"):
        read_table(p, Limits(max_rows=10))


def test_binary_and_old_excel_are_refused(tmp_path) -> None:
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(FileRefused, match="xls"):
        read_table(xls)
    junk = tmp_path / "junk.csv"
    junk.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(FileRefused):
        read_table(junk)


def test_damaged_zip_is_refused(tmp_path) -> None:
    p = tmp_path / "broken.xlsx"
    p.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(FileRefused):
        read_table(p)
