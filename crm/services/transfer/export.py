"""Writing a client list to xlsx, csv or vCard 3.0: safe cells, a temp file renamed into place.

Formula injection (OWASP): a text cell starting with = + - @ tab or CR is never a formula.
In xlsx every str is written as a string cell by rustpy-xlsxwriter (literal by construction:
it never turns text into a formula, number or link). In csv such a cell gets a leading
apostrophe, as OWASP advises; our import removes exactly that apostrophe again, so
``+8613...`` or ``-`` notes come back as they were. The csv and xlsx cells are computed by
SQLite (:func:`crm.store.queries.transfer.csv_query`, ``xlsx_query``), the other formats'
from typed rows (:mod:`crm.services.transfer.rows`).

An xlsx export with ``loans`` gets a second sheet, the clients' loans
(:mod:`crm.services.transfer.loan_sheet`); csv and vCard have no room for it and ignore it.
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, repeat
from pathlib import Path
from typing import TYPE_CHECKING

from crm.domain.messages import QT_TRANSLATE_NOOP, Msg, Translate
from crm.files import NotARegularFile, check_target, commit_temp, private_temp_beside
from crm.services.transfer import rows as R
from crm.services.transfer.fields import (
    DEFAULT_COLUMNS,
    ENUMS,
    FIELD_BY_KEY,
    FORMULA_TRIGGERS,
    LEAP,
    LUNAR,
)
from crm.store.queries import transfer as Q

if TYPE_CHECKING:
    from rustpy_xlsxwriter import Format

    from crm.services.transfer.loan_sheet import LoanLines

#: "excel-csv": a csv for Excel and LibreOffice Calc (crm.services.transfer.excel_csv).
FORMATS = ("xlsx", "csv", "excel-csv", "vcf")
CSV_ENCODINGS = ("utf-8-sig", "gb18030")
#: progress(done, total) -> False to cancel
Progress = Callable[[int, int], bool]

COLUMN_WIDTHS = {
    "name": 12, "kind": 10, "gender": 6, "phones": 16, "id_number": 21, "birthday": 16,
    "wechat": 14, "business_name": 24, "industry": 10, "uscc": 21, "address": 32,
    "status": 10, "tags": 20, "notes": 40, "form_of_address": 10, "cadence_days": 10,
    "created": 12, "referrer": 12, "source": 10, "last_contact": 17,
}  # fmt: skip


class ExportCancelled(Exception):
    """The user cancelled; nothing was written under the chosen name."""


class ExportError(Exception):
    def __init__(self, message: Msg) -> None:
        self.message = message
        super().__init__(message.render())


@dataclass(frozen=True)
class ExportOptions:
    format: str = "xlsx"
    columns: tuple[str, ...] = DEFAULT_COLUMNS
    unmasked: bool = False
    encoding: str = "utf-8-sig"  # csv only: UTF-8 with BOM (Excel-friendly) or gb18030
    sheet_title: str = "Clients"
    extra: dict[str, object] = field(default_factory=dict)
    #: xlsx only: a second sheet with the clients' loans (sensitive: off unless asked for)
    loans: bool = False


def safe_text(value: str) -> str:
    """A csv cell that spreadsheets will not run as a formula: a leading apostrophe before
    = + - @ tab CR. Text that already starts with apostrophes before one of those gets one more,
    so :func:`crm.services.transfer.parse.cell_text` can always remove exactly one."""
    if value and value.lstrip("'")[:1] in FORMULA_TRIGGERS and value.lstrip("'"):
        return "'" + value
    return value


def write_export(
    conn: sqlite3.Connection,
    ids: Sequence[int],
    path: Path,
    options: ExportOptions,
    translate: Translate,
    progress: Progress | None = None,
    loan_lines: LoanLines | None = None,
    *,
    overwrite: bool = True,
) -> int:
    """Write these clients (in this order) to ``path``; returns how many were written.

    ``conn`` is the reader of the calling service (``TransferService.export``), which also
    hands in ``loan_lines`` (``LoanService.for_clients``) for an xlsx with ``loans``. The xlsx
    export runs its queries on a helper thread while this one writes (one at a time, done
    before this returns), so ``conn`` must allow that, as ``Book.reader()``'s do."""
    if options.format not in FORMATS:
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "Transfer", "Unknown format {format}: use xlsx, csv, excel-csv or vcf."
            ).with_(format=options.format)
        )
    for key in options.columns:
        if key not in FIELD_BY_KEY or not FIELD_BY_KEY[key].exported:
            raise ExportError(
                QT_TRANSLATE_NOOP("Transfer", "Unknown column {column}.").with_(column=key)
            )
    path = Path(path)
    check_export_target(path, overwrite=overwrite)
    progress = progress or (lambda _d, _t: True)
    # An unpredictable 0600 temporary made exclusively beside the target (crm.files): a killed
    # export leaves no predictable ``.part`` to plant a link at, and start-up sweeps it away.
    with private_temp_beside(path) as part:
        if options.format == "xlsx":
            _write_xlsx(conn, ids, part, options, translate, progress, loan_lines)
        elif options.format == "excel-csv":
            from crm.services.transfer.excel_csv import write_excel_csv

            write_excel_csv(
                conn,
                ids,
                options.columns,
                options.unmasked,
                options.encoding if options.encoding in CSV_ENCODINGS else "utf-8-sig",
                part,
                translate,
                headers(options.columns, translate),
                lambda done: _tick(progress, done, len(ids)),
            )
        else:
            writer = _write_csv if options.format == "csv" else _write_vcf
            writer(conn, ids, part, options, translate, progress)
        commit_temp(part, path)
    return len(ids)


def check_export_target(path: Path, *, overwrite: bool) -> None:
    """Refuse a device, FIFO or folder as the target, and an existing file unless
    ``overwrite`` (the GUI's file picker has asked; the CLI needs ``--force``)."""
    try:
        check_target(path, overwrite=overwrite)
    except NotARegularFile:
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "Transfer", "{file} is not a regular file; choose a file name to export to."
            ).with_(file=str(path))
        ) from None
    except FileExistsError:
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "Transfer", "{file} already exists; add --force to replace it."
            ).with_(file=str(path))
        ) from None


def _tick(progress: Progress, done: int, total: int) -> None:
    if not progress(done, total):
        raise ExportCancelled()


def headers(columns: Sequence[str], translate: Translate) -> list[str]:
    return [FIELD_BY_KEY[k].label.render(translate) for k in columns]


def _write_csv(
    conn: sqlite3.Connection,
    ids: Sequence[int],
    part: Path,
    options: ExportOptions,
    translate: Translate,
    progress: Progress,
) -> None:
    encoding = options.encoding if options.encoding in CSV_ENCODINGS else "utf-8-sig"
    query = Q.csv_query(
        options.columns,
        options.unmasked,
        _labels(options.columns, translate),
        LUNAR.render(translate),
        LEAP.render(translate),
    )
    done = 0
    with part.open("w", encoding=encoding, newline="", errors="strict") as fh:
        out = csv.writer(fh)
        out.writerow(headers(options.columns, translate))
        for start in range(0, len(ids), R.CHUNK):
            chunk = ids[start : start + R.CHUNK]
            out.writerows(Q.csv_cells(conn, query, chunk))
            done += len(chunk)
            _tick(progress, done, len(ids))


def _write_xlsx(
    conn: sqlite3.Connection,
    ids: Sequence[int],
    part: Path,
    options: ExportOptions,
    translate: Translate,
    progress: Progress,
    loan_lines: LoanLines | None = None,
) -> None:
    """rustpy-xlsxwriter (Rust; writes about 9x faster than xlsxwriter here): every str is a
    string cell (never a formula, a number or a link), int/float numbers. SQLite computes every
    cell (:func:`crm.store.queries.transfer.xlsx_query`: masks, labels, text cut to Excel's
    limit, dates as Excel serial numbers that the column formats show as dates), so a row goes
    from the cursor into the writer's dict without a Python call per cell. The writer caches
    each column's type from its first non-empty value and falls back to a full check on a
    mismatch, so the birthday column may mix text and dates."""
    from rustpy_xlsxwriter import FastExcel

    total = len(ids)
    # With the Loans sheet each sheet is half of the way: the progress counts clients, twice.
    share = 2 if options.loans and loan_lines is not None else 1
    keys = header_keys(headers(options.columns, translate))
    query = Q.xlsx_query(
        options.columns,
        options.unmasked,
        _labels(options.columns, translate),
        LUNAR.render(translate),
        LEAP.render(translate),
    )

    def chunks() -> Generator[Iterator[dict[str, object]], None, None]:
        # The writer pulls the rows chunk by chunk: progress per chunk, and a cancel raises out
        # of the writer's save before the file is committed. Within a chunk, C iterators put
        # the rows in the list's order (a client gone since the list was made is left out) and
        # make each a record; zip stops at the last key, leaving out the id that ends a row.
        # The next chunk's query runs on another core meanwhile (R.read_ahead); a cancel or
        # an error closes it, which waits for its thread (the reader is then free again).
        done = 0
        with closing(R.read_ahead(partial(Q.xlsx_cells, conn, query), ids)) as parts:
            for part_ids, by_id in parts:
                yield map(dict, map(zip, repeat(keys), filter(None, map(by_id.get, part_ids))))
                done += len(part_ids)
                _tick(progress, done // share, total)
        if not ids:
            yield iter([dict.fromkeys(keys)])  # the header comes from the first record's keys

    records = chunks()
    try:
        book = FastExcel(part).freeze(row=1, col=0)
        book.sheet(
            options.sheet_title[:31] or "Clients",
            chain.from_iterable(records),
            column_widths=[float(COLUMN_WIDTHS.get(key, 12)) for key in options.columns],
            column_formats=number_formats(
                keys, [_DATE_FORMATS.get(key) for key in options.columns]
            ),
            header_format=header_format(),
            autofilter=bool(ids),
        )
        if share == 2 and loan_lines is not None:
            from crm.services.transfer.loan_sheet import add_loan_sheet

            def tick(done: int) -> None:
                _tick(progress, (total + done) // 2, total)

            add_loan_sheet(book, ids, loan_lines, translate, tick)
        book.save()
    finally:
        records.close()  # a writer that failed mid-sheet left the read-ahead waiting


def _labels(columns: Sequence[str], translate: Translate) -> dict[str, dict[str, str]]:
    """Each chosen enum column's stored values in words of the user's language."""
    return {
        key: {m.value: m.label.render(translate) for m in ENUMS[key]}
        for key in columns
        if key in ENUMS
    }


#: Excel's limit for one cell (the xlsx query cuts longer text).
MAX_CELL_TEXT = Q.MAX_CELL_TEXT
_DATE_FORMATS = {"birthday": "yyyy-mm-dd", "created": "yyyy-mm-dd",
                 "last_contact": "yyyy-mm-dd hh:mm"}  # fmt: skip


def header_keys(titles: Sequence[str]) -> list[str]:
    """The header texts as record keys: the writer takes the header from a record's keys,
    so two equal titles (never expected) get a numbered second instead of merging."""
    keys: list[str] = []
    for title in titles:
        key, n = title, 1
        while key in keys:
            n += 1
            key = f"{title} ({n})"
        keys.append(key)
    return keys


def header_format() -> Format:
    """Bold on light blue with a line below, as the xlsx exports have always had."""
    from rustpy_xlsxwriter import Format

    return Format().set_bold().set_background_color("#DBEAFE").set_border_bottom("thin")


def number_formats(keys: Sequence[str], patterns: Sequence[str | None]) -> dict[str, Format]:
    """Excel number formats by column (header key), for the columns that have one."""
    from rustpy_xlsxwriter import Format

    return {
        key: Format().set_num_format(pattern)
        for key, pattern in zip(keys, patterns, strict=True)
        if pattern
    }


def _write_vcf(
    conn: sqlite3.Connection,
    ids: Sequence[int],
    part: Path,
    options: ExportOptions,
    translate: Translate,
    progress: Progress,
) -> None:
    from crm.services.transfer.vcard import card

    done = 0
    with part.open("w", encoding="utf-8", newline="") as fh:
        for chunk in R.raw_rows(conn, ids):
            fh.writelines(card(r, options.unmasked) for r in chunk)
            done += len(chunk)
            _tick(progress, done, len(ids))
