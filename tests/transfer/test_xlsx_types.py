"""The xlsx writer (rustpy-xlsxwriter) read back with openpyxl: every cell as the typed rows
say, whatever the first row holds. The writer caches each column's type from its first
non-empty value, so these books put empty, text and typed values first in turn."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from crm.domain.client_form import Birthday, ClientDraft, clean_client
from crm.domain.enums import Calendar
from crm.services.transfer import rows as R
from crm.services.transfer.export import (
    COLUMN_WIDTHS,
    MAX_CELL_TEXT,
    ExportCancelled,
    ExportOptions,
    header_keys,
)
from crm.services.transfer.fields import DEFAULT_COLUMNS
from crm.services.transfer.service import TransferService
from tests.transfer.conftest import TODAY, awkward_drafts, insert_clean


def _en(_c: str, t: str) -> str:
    return t


def _drafts() -> list[ClientDraft]:
    """Empty optional fields first, then text where later rows have dates, then the full ones."""
    return [
        ClientDraft(name="空白"),
        ClientDraft(name="只有月日", birthday=Birthday(Calendar.SOLAR, 2, 29)),
        ClientDraft(name="农历", birthday=Birthday(Calendar.LUNAR, 8, 15, 1985)),
        *awkward_drafts(),
        ClientDraft(name="空白二"),
    ]


def _book(book, clock, drafts: list[ClientDraft]) -> list[int]:
    ids = insert_clean(book, [clean_client(d, TODAY) for d in drafts], clock)
    with book.write() as conn:  # a last contact on some rows only, never on the first
        conn.executemany(
            "UPDATE client SET last_contact_at = ? WHERE name = ?",
            [("2026-11-20 09:41:07", "只有月日"), ("2026-10-01 18:05:00", "欧阳娜娜")],
        )
    return ids


def _expected(book, ids: list[int], unmasked: bool) -> list[list[object]]:
    rows = R.typed_rows(book.reader(), ids, DEFAULT_COLUMNS, unmasked, _en)
    out = []
    for chunk in rows:
        for row in chunk:
            out.append(
                [
                    None
                    if v == ""
                    else dt.datetime.combine(v, dt.time())
                    if v.__class__ is dt.date
                    else v
                    for v in row
                ]
            )
    return out


@pytest.mark.parametrize("order", ["empty_first", "typed_first"])
@pytest.mark.parametrize("unmasked", [True, False])
def test_every_cell_as_typed_whatever_comes_first(
    book, clock, tmp_path: Path, order: str, unmasked: bool
) -> None:
    ids = _book(book, clock, _drafts())
    if order == "typed_first":  # the full client (a date, a number, a last contact) first
        full = book.reader().execute("SELECT id FROM client WHERE name = '欧阳娜娜'").fetchone()[0]
        ids = [full, *[i for i in ids[::-1] if i != full]]
    out = tmp_path / "x.xlsx"
    TransferService(book, clock).export(
        ids, out, ExportOptions(format="xlsx", unmasked=unmasked), _en
    )
    ws = openpyxl.load_workbook(out).active
    got = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert got == _expected(book, ids, unmasked)
    cells = [c for row in ws.iter_rows(min_row=2) for c in row if c.value is not None]
    assert not [c for c in cells if c.data_type == "f"]  # nothing is a live formula
    column = {key: i for i, key in enumerate(DEFAULT_COLUMNS)}
    for row in ws.iter_rows(min_row=2):
        for key in ("phones", "id_number", "wechat", "uscc"):
            assert row[column[key]].value is None or row[column[key]].data_type == "s"
        birthday, moment = row[column["birthday"]], row[column["last_contact"]]
        if isinstance(birthday.value, dt.datetime):
            assert birthday.number_format == "yyyy-mm-dd"
        if moment.value is not None:
            assert isinstance(moment.value, dt.datetime) and moment.number_format.startswith(
                "yyyy-mm-dd hh:mm"
            )
        assert row[column["created"]].number_format == "yyyy-mm-dd"
    by_name = {row[0]: row for row in got}
    assert by_name["欧阳娜娜"][column["last_contact"]] == dt.datetime(2026, 10, 1, 18, 5)
    assert by_name["只有月日"][column["birthday"]] == "02-29"  # text, in a column of dates


def test_header_frozen_styled_sized_and_filtered(book, clock, tmp_path: Path) -> None:
    ids = _book(book, clock, _drafts())
    out = tmp_path / "x.xlsx"
    TransferService(book, clock).export(ids, out, ExportOptions(format="xlsx"), _en)
    ws = openpyxl.load_workbook(out).active
    assert ws.freeze_panes == "A2"
    head = ws["A1"]
    assert head.font.b and head.fill.fgColor.rgb == "FFDBEAFE"
    assert head.border.bottom.style == "thin"
    assert (
        ws.auto_filter.ref == f"A1:{ws.cell(1, len(DEFAULT_COLUMNS)).column_letter}{len(ids) + 1}"
    )
    widths = [ws.column_dimensions[ws.cell(1, c + 1).column_letter].width for c in range(4)]
    assert widths == [pytest.approx(COLUMN_WIDTHS[k] + 0.71, abs=0.01) for k in DEFAULT_COLUMNS[:4]]


def test_no_clients_still_has_the_header(book, clock, tmp_path: Path) -> None:
    out = tmp_path / "empty.xlsx"
    TransferService(book, clock).export([], out, ExportOptions(format="xlsx", loans=True), _en)
    wb = openpyxl.load_workbook(out)
    ws, loans = wb["Clients"], wb["Loans"]
    assert [c.value for c in ws[1]][:2] == ["Name", "Kind"] and ws.max_row == 1
    assert [c.value for c in loans[1]][:2] == ["Client", "Product"] and loans.max_row == 1
    assert ws.freeze_panes == "A2" and loans.freeze_panes == "B2"


def test_text_longer_than_excel_allows_is_cut_not_refused(book, clock, tmp_path: Path) -> None:
    ids = _book(book, clock, [ClientDraft(name="长备注")])
    with book.write() as conn:
        conn.execute("UPDATE client SET notes = ? WHERE id = ?", ("备" * 40_000, ids[0]))
    out = tmp_path / "long.xlsx"
    TransferService(book, clock).export(ids, out, ExportOptions(format="xlsx"), _en)
    ws = openpyxl.load_workbook(out).active
    notes = [c.value for c in ws[2]][DEFAULT_COLUMNS.index("notes")]
    assert notes == "备" * MAX_CELL_TEXT


def test_cancel_in_a_later_chunk_leaves_no_file_and_no_temp(book, clock, tmp_path: Path) -> None:
    drafts = [ClientDraft(name=f"客户{i}") for i in range(R.CHUNK + 10)]
    ids = _book(book, clock, drafts)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < total  # the last chunk is built, then cancelled before the save

    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(ExportCancelled):
        TransferService(book, clock).export(
            ids, folder / "x.xlsx", ExportOptions(format="xlsx"), _en, progress
        )
    assert seen == [(R.CHUNK, len(ids)), (len(ids), len(ids))]
    assert list(folder.iterdir()) == []


def test_equal_titles_stay_two_columns() -> None:
    assert header_keys(["备注", "备注", "姓名", "备注"]) == ["备注", "备注 (2)", "姓名", "备注 (3)"]
