"""The files officers really have import with nothing silently lost (issue 11, Imports):
Google and Outlook contact CSVs, a GBK csv with a title row, UTF-16, a multi-sheet xlsx with a
title row, a two-row header, Apple's Chinese vCards, lunar birthdays in words, masked exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm.cli import main
from crm.domain.enums import Calendar
from crm.services.transfer.fields import suggest_mapping
from crm.services.transfer.parse import RowParser
from crm.services.transfer.service import TransferService

FIXTURES = Path(__file__).parent / "fixtures"


def _en(_c: str, t: str) -> str:
    return t


def _preview(book, name: str, **kw):
    service = TransferService(book)
    table = service.read_file(FIXTURES / name, **kw)
    return table, service.preview(table, suggest_mapping(table.headers, _en), _en)


def _ok(preview) -> dict[str, list[str]]:
    assert not preview.report(_en), preview.report(_en)
    return {r.name: r.phones for r in preview.rows}


def test_google_contacts(book) -> None:
    _table, preview = _preview(book, "google_contacts.csv")
    got = _ok(preview)
    assert got == {
        "王小明": ["13812345678", "13912345678", "01065123456"],
        "Tom Smith": ["+447911123456"],
        "李娜": ["13712345678"],
    }
    wang = next(r for r in preview.rows if r.name == "王小明")
    assert wang.clean is not None and wang.clean.tags == ("商会",)
    assert wang.clean.business_name == "兴隆超市"
    tom = next(r for r in preview.rows if r.name == "Tom Smith")
    assert tom.clean is not None and tom.clean.birthday is not None
    assert (tom.clean.birthday.month, tom.clean.birthday.day) == (7, 4)
    assert "E-mail 1 - Value" in preview.unmapped and "Phone 1 - Label" in preview.unmapped


def test_outlook_id_is_not_the_id_number(book) -> None:
    table, preview = _preview(book, "outlook.csv")
    mapping = dict(zip(table.headers, preview.mapping, strict=True))
    assert mapping["ID"] is None
    assert mapping["Home Phone"] == mapping["Business Phone"] == "phones"
    got = _ok(preview)
    assert got == {"张伟": ["02165123456", "13812340001"], "刘芳": ["01065127777", "13812340002"]}
    zhang = next(r for r in preview.rows if r.name == "张伟")
    assert zhang.clean is not None and zhang.clean.id_number is None
    assert zhang.clean.birthday is not None and zhang.clean.birthday.year == 1985


def test_gbk_title_row_and_lunar_words(book) -> None:
    table, preview = _preview(book, "gbk_title_row.csv")
    assert table.encoding == "gb18030" and table.headers[:2] == ["姓名", "手机号码"]
    _ok(preview)
    assert [r.row for r in preview.rows] == [4, 5]  # the sheet's own row numbers
    qian = next(r for r in preview.rows if r.name == "钱多多")
    assert qian.clean is not None and qian.clean.birthday is not None
    b = qian.clean.birthday
    assert (b.calendar, b.year, b.month, b.day) == (Calendar.LUNAR, 1979, 12, 23)
    assert preview.unmapped == ["年龄", "邮箱"]


def test_utf16_tab_separated(book) -> None:
    _table, preview = _preview(book, "utf16.csv")
    assert _ok(preview) == {"孙丽": ["13822223333"], "周杰": ["+16502530000"]}


def test_multi_sheet_xlsx_with_title_and_group_rows(book) -> None:
    table, preview = _preview(book, "title_multi_sheet.xlsx")
    assert table.headers == ["姓名", "性别", "手机", "微信"] and table.other_sheets == ("贷款",)
    assert _ok(preview) == {"吴用": ["13855556666"], "花荣": ["13855557777"]}
    left = [c for _r, c, _t in preview.not_imported(_en)]
    assert left == ["贷款"]
    table, _ = _preview(book, "title_multi_sheet.xlsx", sheet="贷款")
    assert table.headers == ["姓名", "金额"] and table.other_sheets == ("客户",)


def test_two_row_header_and_header_row_override(book) -> None:
    table, preview = _preview(book, "two_row_header.xlsx")
    assert table.headers == ["姓名", "性别", "手机", "电话"]
    assert _ok(preview) == {"林冲": ["13866667777", "01065128888"]}
    table, _ = _preview(book, "two_row_header.xlsx", header_row=2)
    assert table.headers == ["姓名", "性别", "手机", "电话"] and len(table.rows) == 1


def test_apple_chinese_vcards(book) -> None:
    _table, preview = _preview(book, "apple_contacts.vcf")
    got = _ok(preview)
    assert got == {"王小明": ["13812345678", "13912345678", "01065123456"], "李娜": ["13712345678"]}
    wang = next(r for r in preview.rows if r.name == "王小明")
    assert wang.clean is not None and wang.clean.birthday is not None
    assert (wang.clean.birthday.year, wang.clean.birthday.month) == (None, 8)
    assert wang.clean.address == "中国北京北京人民路1号" and "爱喝茶" in wang.clean.notes
    assert "EMAIL" in preview.unmapped


def test_prism_vcard_round_trip(book, clock, tmp_path: Path) -> None:
    from crm.domain.client_form import ClientDraft
    from crm.services.clients import ClientService
    from crm.services.transfer.export import ExportOptions
    from crm.store.book import Book

    cid = ClientService(book, clock).add(
        ClientDraft(name="李 小龍", phones=["13812345678", "+44 7911 123456"], notes="a, b; c")
    )
    out = tmp_path / "c.vcf"
    TransferService(book).export([cid], out, ExportOptions(format="vcf", unmasked=True), _en)
    fresh = Book.open(tmp_path / "fresh.db")
    try:
        service = TransferService(fresh)
        table = service.read_file(out)
        preview = service.preview(table, suggest_mapping(table.headers, _en), _en)
        assert _ok(preview) == {"李 小龍": ["13812345678", "+447911123456"]}
        assert preview.rows[0].clean is not None and preview.rows[0].clean.notes == "a, b; c"
    finally:
        fresh.close()


def test_masked_export_is_explained(book) -> None:
    _table, preview = _preview(book, "masked_export.csv")
    reasons = [t for _r, _c, t in preview.report(_en)]
    assert len(reasons) == 2 and all("masked export" in t for t in reasons)


@pytest.mark.parametrize(
    ("text", "want"),
    [("农历八月十五", (None, 8, 15, False)), ("农历1985年八月十五", (1985, 8, 15, False)),
     ("阴历一九八五年闰四月初五", (1985, 4, 5, True)), ("农历正月初一", (None, 1, 1, False)),
     ("农历 冬月二十", (None, 11, 20, False))],
)  # fmt: skip
def test_lunar_birthday_words(text: str, want: tuple) -> None:
    b = RowParser(["birthday"], _en).birthday(text, text)
    assert b.calendar is Calendar.LUNAR and (b.year, b.month, b.day, b.leap) == want


def test_cli_reports_what_is_not_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "r.csv"
    src = str(FIXTURES / "title_multi_sheet.xlsx")
    code = main(["--data-dir", str(tmp_path), "--lang", "en", "import", src, "--dry-run",
                 "--report", str(report)])  # fmt: skip
    _out, err = capsys.readouterr()
    assert code == 0 and "Not imported" in err and "贷款" in err
    assert "This sheet is not imported" in report.read_text("utf-8-sig")
    src = str(FIXTURES / "gbk_title_row.csv")
    assert main(["--data-dir", str(tmp_path), "--lang", "en", "import", src, "--json"]) == 0
    assert '"年龄"' in capsys.readouterr().out
