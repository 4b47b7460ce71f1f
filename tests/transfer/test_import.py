"""Import: encodings, header mapping, per-row report, duplicates, one transaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm.services.transfer.fields import suggest_mapping
from crm.services.transfer.import_ import ImportRefused, build_preview, commit
from crm.services.transfer.reader import FileRefused, read_table
from tests.helpers import draft

HEADER = "姓名,手机号码,身份证号,生日,单位,地址,备注,标签,性别,客户状态\n"
ROWS = (
    "张伟,138 1234 5678,11010519491231002X,1949-12-31,兴隆超市,北京,老客户介绍,"
    "VIP、老客户,男,在贷\n"
    "李娜,13900001111,,1985年3月8日,,,,,女,潜在客户\n"
    "王芳,12345,,1985-02-30,,,,,,\n"
)


def _en(_c: str, t: str) -> str:
    return t


def _write(tmp_path: Path, text: str, encoding: str, name: str = "in.csv") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le"]
)
def test_encodings_are_detected_never_mojibake(tmp_path, encoding) -> None:
    table = read_table(_write(tmp_path, HEADER + ROWS, encoding))
    assert table.headers[0] == "姓名"
    assert table.rows[0][0] == "张伟" and table.rows[1][0] == "李娜"


def test_unknown_encoding_is_refused(tmp_path) -> None:
    p = tmp_path / "latin.csv"
    p.write_bytes("name,notes\nCafé,crème brûlée\n".encode("cp1252"))
    with pytest.raises(FileRefused, match="encoding"):
        read_table(p)


def test_chinese_and_english_headers_map(tmp_path) -> None:
    zh = [
        "客户姓名",
        "手机",
        "电话",
        "身份证",
        "出生日期",
        "工作单位",
        "家庭住址",
        "备注",
        "标签",
        "微信号",
        "其他",
    ]
    assert suggest_mapping(zh, _en) == [
        "name", "phones", "phones", "id_number", "birthday", "business_name", "address",
        "notes", "tags", "wechat", None,
    ]  # fmt: skip
    en = ["Name", "Mobile", "ID Number", "Date of birth", "Company", "Notes", "Tags"]
    assert suggest_mapping(en, _en) == [
        "name", "phones", "id_number", "birthday", "business_name", "notes", "tags",
    ]  # fmt: skip


def test_preview_reports_each_bad_row_with_column_and_reason(book, clock, tmp_path) -> None:
    table = read_table(_write(tmp_path, HEADER + ROWS, "utf-8"))
    preview = build_preview(book, table, suggest_mapping(table.headers, _en), clock.today(), _en)
    assert [r.ok for r in preview.rows] == [True, True, False]
    report = preview.report(_en)
    assert {(row, column) for row, column, _ in report} == {(4, "手机号码"), (4, "生日")}
    ok = preview.rows[0].clean
    assert ok is not None and ok.gender == "male" and ok.status == "borrower"
    assert ok.tags == ("VIP", "老客户") and ok.phones[0].national == "13812345678"
    assert preview.rows[1].clean.birthday.year == 1985  # 1985年3月8日


def test_any_bad_row_imports_nothing_unless_skip_bad(book, clock, tmp_path) -> None:
    table = read_table(_write(tmp_path, HEADER + ROWS, "utf-8"))
    preview = build_preview(book, table, suggest_mapping(table.headers, _en), clock.today(), _en)
    with pytest.raises(ImportRefused):
        commit(book, preview, clock)
    assert book.reader().execute("SELECT count(*) FROM client").fetchone()[0] == 0
    summary = commit(book, preview, clock, skip_bad=True)
    assert (summary.added, summary.bad) == (2, 1)


@pytest.mark.parametrize("choice", ["skip", "update", "add"])
def test_duplicates_skip_update_or_add(book, clients, clock, tmp_path, choice) -> None:
    existing = clients.add(draft("张伟", phones=["13812345678"], address="旧地址", notes="旧备注"))
    text = "姓名,手机,地址,备注\n张伟,13812345678,新地址,\n赵六,13700000000,,\n"
    table = read_table(_write(tmp_path, text, "utf-8"))
    preview = build_preview(book, table, suggest_mapping(table.headers, _en), clock.today(), _en)
    assert [r.duplicate_of for r in preview.rows] == [existing, None]
    summary = commit(book, preview, clock, on_duplicate=choice)
    count = book.reader().execute("SELECT count(*) FROM client").fetchone()[0]
    got = clients.get(existing).draft
    if choice == "skip":
        assert (summary.added, summary.skipped, count) == (1, 1, 2)
        assert got.address == "旧地址"
    elif choice == "update":
        assert (summary.added, summary.updated, count) == (1, 1, 2)
        assert got.address == "新地址" and got.notes == "旧备注"  # empty cells keep old values
    else:
        assert (summary.added, count) == (2, 3)


def test_repeated_rows_in_one_file_are_duplicates(book, clock, tmp_path) -> None:
    text = "姓名,手机\n甲,13700000000\n乙,137 0000 0000\n"
    table = read_table(_write(tmp_path, text, "utf-8"))
    preview = build_preview(book, table, suggest_mapping(table.headers, _en), clock.today(), _en)
    assert preview.rows[1].duplicate_row == 2
    assert commit(book, preview, clock).added == 1


def test_without_a_name_column_is_refused(book, clock, tmp_path) -> None:
    table = read_table(_write(tmp_path, "手机\n13700000000\n", "utf-8"))
    with pytest.raises(ImportRefused):
        build_preview(book, table, suggest_mapping(table.headers, _en), clock.today(), _en)


def test_xlsx_numbers_and_dates_read_as_typed(book, clock, tmp_path) -> None:
    import datetime as dt

    import xlsxwriter

    p = tmp_path / "old.xlsx"
    wb = xlsxwriter.Workbook(str(p))
    ws = wb.add_worksheet()
    ws.write_row(0, 0, ["姓名", "手机", "生日", "回访周期"])
    ws.write_string(1, 0, "钱七")
    ws.write_number(1, 1, 13812345678)  # typed as a number in Excel
    ws.write_datetime(1, 2, dt.datetime(1980, 5, 6), wb.add_format({"num_format": "yyyy-mm-dd"}))
    ws.write_number(1, 3, 30)
    wb.close()
    table = read_table(p)
    preview = build_preview(book, table, suggest_mapping(table.headers, _en), clock.today(), _en)
    clean = preview.rows[0].clean
    assert clean is not None and clean.phones[0].national == "13812345678"
    assert clean.birthday.year == 1980 and clean.cadence_days == 30


def test_report_can_be_saved(book, clock, tmp_path) -> None:
    from crm.services.transfer.report import save_report

    table = read_table(_write(tmp_path, HEADER + ROWS, "utf-8"))
    preview = build_preview(book, table, suggest_mapping(table.headers, _en), clock.today(), _en)
    out = tmp_path / "report.csv"
    save_report(out, preview.report(_en), _en)
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "Row,Column,Problem" and "4,手机号码," in text
