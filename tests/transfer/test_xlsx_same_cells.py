"""The xlsx export against a reference writer built from the typed rows, cell by cell.

The export computes its cells in SQL (dates as Excel serial numbers) for speed; the reference
here is the way it was written before: :func:`crm.services.transfer.rows.converters` (Python
dates, masks and labels) into rustpy-xlsxwriter with the same widths, formats and header. Both
files must hold the same cells (value, type, number format) and the same sheet XML, byte for
byte, on a demo book plus the awkward and edge-case clients (dates around Excel's 1900 leap
day, text past Excel's cell limit, foreign phones, lunar leap months, referrers).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest

from crm.domain.client_form import Birthday, ClientDraft, clean_client
from crm.domain.enums import Calendar
from crm.services.transfer import rows as R
from crm.services.transfer.export import (
    COLUMN_WIDTHS,
    MAX_CELL_TEXT,
    ExportOptions,
    header_format,
    header_keys,
    headers,
    number_formats,
)
from crm.services.transfer.fields import DEFAULT_COLUMNS
from crm.services.transfer.service import TransferService
from tests.transfer.conftest import TODAY, awkward_drafts, insert_clean

_DATE_FORMATS = {
    "birthday": "yyyy-mm-dd",
    "created": "yyyy-mm-dd",
    "last_contact": "yyyy-mm-dd hh:mm",
}


def _zh(_c: str, t: str) -> str:
    return {"Lunar": "农历", "leap": "闰", "Name": "姓名", "Borrower": "借款人"}.get(t, t)


def reference_xlsx(
    conn, ids: Sequence[int], path: Path, columns: Sequence[str], unmasked: bool, translate
) -> None:
    """The xlsx export as written from typed Python rows (the code before cells came from SQL)."""
    from rustpy_xlsxwriter import FastExcel

    keys = header_keys(headers(columns, translate))
    conv = R.converters(columns, unmasked, translate)

    def cut(v: R.Cell) -> R.Cell:
        return v[:MAX_CELL_TEXT] if isinstance(v, str) else v

    records = [
        dict(zip(keys, [cut(f(r)) for f in conv], strict=True))
        for chunk in R.raw_rows(conn, ids)
        for r in chunk
    ] or [dict.fromkeys(keys)]
    book = FastExcel(path).freeze(row=1, col=0)
    book.sheet(
        "Clients",
        records,
        column_widths=[float(COLUMN_WIDTHS.get(key, 12)) for key in columns],
        column_formats=number_formats(keys, [_DATE_FORMATS.get(key) for key in columns]),
        header_format=header_format(),
        autofilter=bool(ids),
    )
    book.save()


def _edge_drafts() -> list[ClientDraft]:
    return [
        ClientDraft(name="一九〇〇元旦", birthday=Birthday(Calendar.SOLAR, 1, 1, 1900)),
        ClientDraft(name="假闰日前", birthday=Birthday(Calendar.SOLAR, 2, 28, 1900)),
        ClientDraft(name="假闰日后", birthday=Birthday(Calendar.SOLAR, 3, 1, 1900)),
        ClientDraft(name="世纪末", birthday=Birthday(Calendar.SOLAR, 12, 31, 1999)),
        ClientDraft(name="闰年", birthday=Birthday(Calendar.SOLAR, 2, 29, 2000)),
        ClientDraft(name="外国号", phones=["+44 7911 123456", "+852 9123 4567", "021 6234 5678"]),
        ClientDraft(name="短号"),
    ]


def _book(book, clock) -> list[int]:
    from crm.services.demo import fill_demo

    demo = fill_demo(book, 300, seed=1, clock=clock)
    drafts = [*awkward_drafts(), *_edge_drafts()]
    extra = insert_clean(book, [clean_client(d, TODAY) for d in drafts], clock)
    with book.write() as conn:
        conn.executemany(
            "UPDATE client SET last_contact_at = ?, referred_by_id = ? WHERE id = ?",
            [
                ("2026-11-20 09:41:07.000000", demo[0], extra[0]),
                ("2026-10-01T18:05:59", demo[1], extra[1]),
                ("1900-02-28 23:59:00", None, extra[2]),
                ("2026-01-05", extra[0], extra[3]),
            ],
        )
        conn.execute("UPDATE client SET notes = ? WHERE id = ?", ("备" * 40_000, extra[4]))
        # Stored before today's rules (an old import): a short number and a short ID number.
        short = extra[-1]
        conn.execute("UPDATE client SET id_number = '1234567' WHERE id = ?", (short,))
        conn.executemany(
            "INSERT INTO client_phone (client_id, position, e164, national) VALUES (?, ?, ?, ?)",
            [(short, 0, "+8612345", "12345"), (short, 1, "+4479", "+4479")],
        )
        conn.execute("UPDATE client SET address = ? WHERE id = ?", ("址" * 32_767, extra[5]))
        conn.executemany(
            "INSERT INTO client_tag (client_id, tag) VALUES (?, ?)",
            [(extra[6], f"{i:05d}" + "签" * 300) for i in range(120)],
        )
    # Archived and listed clients alike; the name order of the list, then the new ones.
    order = [r[0] for r in book.reader().execute("SELECT id FROM client ORDER BY name_pinyin")]
    return order


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:  # docProps/core.xml holds the time of writing
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def _cells(path: Path) -> list[list[tuple[object, str, str]]]:
    ws = openpyxl.load_workbook(path).active
    return [[(c.value, c.data_type, c.number_format) for c in row] for row in ws.iter_rows()]


@pytest.mark.parametrize(
    "columns",
    [DEFAULT_COLUMNS, ("created", "birthday", "name", "phones", "last_contact", "id_number")],
    ids=["default", "reordered"],
)
@pytest.mark.parametrize("unmasked", [False, True], ids=["masked", "unmasked"])
def test_export_writes_the_cells_of_the_typed_rows(
    book, clock, tmp_path: Path, columns: tuple[str, ...], unmasked: bool
) -> None:
    ids = _book(book, clock)
    ours, ref = tmp_path / "ours.xlsx", tmp_path / "ref.xlsx"
    options = ExportOptions(format="xlsx", columns=columns, unmasked=unmasked)
    TransferService(book, clock).export(ids, ours, options, _zh)
    reference_xlsx(book.reader(), ids, ref, columns, unmasked, _zh)
    got, want = _cells(ours), _cells(ref)
    assert len(got) == len(ids) + 1
    for n, (g, w) in enumerate(zip(got, want, strict=True)):
        assert g == w, f"row {n + 1}"
    assert _members(ours) == _members(ref)


def test_dates_are_real_dates_around_excel_1900_leap_day(book, clock, tmp_path: Path) -> None:
    ids = insert_clean(book, [clean_client(d, TODAY) for d in _edge_drafts()[:5]], clock)
    out = tmp_path / "d.xlsx"
    options = ExportOptions(format="xlsx", columns=("name", "birthday"))
    TransferService(book, clock).export(ids, out, options, _zh)
    ws = openpyxl.load_workbook(out).active
    got = {r[0].value: r[1].value for r in ws.iter_rows(min_row=2)}
    assert got == {
        "一九〇〇元旦": dt.datetime(1900, 1, 1),
        "假闰日前": dt.datetime(1900, 2, 28),
        "假闰日后": dt.datetime(1900, 3, 1),
        "世纪末": dt.datetime(1999, 12, 31),
        "闰年": dt.datetime(2000, 2, 29),
    }


def test_empty_export_matches_too(book, clock, tmp_path: Path) -> None:
    ours, ref = tmp_path / "ours.xlsx", tmp_path / "ref.xlsx"
    TransferService(book, clock).export([], ours, ExportOptions(format="xlsx"), _zh)
    reference_xlsx(book.reader(), [], ref, DEFAULT_COLUMNS, False, _zh)
    assert _members(ours) == _members(ref)


def test_a_client_gone_since_the_list_was_made_is_left_out(book, clock, tmp_path: Path) -> None:
    ids = insert_clean(book, [clean_client(d, TODAY) for d in _edge_drafts()], clock)
    listed = [ids[3], 999_999, ids[0], ids[5]]  # not in id order, one id no longer there
    out = tmp_path / "gone.xlsx"
    TransferService(book, clock).export(listed, out, ExportOptions(format="xlsx"), _zh)
    ws = openpyxl.load_workbook(out).active
    assert [r[0].value for r in ws.iter_rows(min_row=2)] == ["世纪末", "一九〇〇元旦", "外国号"]
