"""Reading a spreadsheet the officer kept before Prism, without trusting it.

Limits that protect the laptop, each refused with a reason before the memory is spent:
the file's size; for xlsx (a zip of XML) the declared uncompressed size, the compression
ratio of each part (zip bombs), any DOCTYPE/ENTITY (billion laughs, external entities), and a
check that each part really is the size it declares; for csv an encoding we can name (UTF-8
with or without BOM, UTF-16 with BOM or by its zero bytes, GB18030/GBK) and no line or field
longer than a limit (read in bounded pieces, so a 50 MB field never sits in memory whole).
"""

from __future__ import annotations

import contextlib
import ctypes
import stat
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crm.domain.messages import QT_TRANSLATE_NOOP, Msg
from crm.services.collector import collector_paused
from crm.services.transfer.packed import Cell, Rows

__all__ = ["Cell", "FileRefused", "ImportCancelled", "Limits", "Rows", "Table", "read_table"]

CHUNK = 64 * 1024
# rows between two progress reports / cancel checks while reading
ROW_CHUNK = 1000
# progress(rows read so far, 0): the total is not known until the end
Progress = Callable[[int, int], None]
# asked between chunks of rows; True stops the work with :class:`ImportCancelled`
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 100 * 1024 * 1024
    max_rows: int = 200_000
    max_columns: int = 200
    max_unpacked_bytes: int = 600 * 1024 * 1024  # all parts of an xlsx, as declared
    max_ratio: int = 200  # uncompressed / compressed, per part above ratio_floor
    ratio_floor: int = 1024 * 1024
    max_members: int = 5_000
    max_line_chars: int = 1024 * 1024
    max_field_chars: int = 100_000  # notes may hold 20,000


class ImportCancelled(Exception):
    """The officer cancelled reading, checking or importing; nothing was changed."""


class _Ticker:
    """Reports progress and checks for a cancel every ``ROW_CHUNK`` rows."""

    def __init__(self, progress: Progress | None, cancelled: Cancelled | None) -> None:
        self.progress = progress
        self.cancelled = cancelled

    def __call__(self, n: int) -> None:
        if n % ROW_CHUNK:
            return
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled()
        if self.progress is not None:
            self.progress(n, 0)


class FileRefused(Exception):
    """The file cannot be read safely or sensibly; ``message`` says why."""

    def __init__(self, message: Msg) -> None:
        self.message = message
        super().__init__(message.render())


@dataclass
class Table:
    headers: list[str]
    rows: Rows
    kind: str  # "xlsx" or "csv"
    encoding: str | None = None  # csv only
    #: csv only: a leading apostrophe before = + - @ is Prism's protection, to be removed.
    #: False when some cell starts with one of those bare: the file was saved by a program
    #: (a spreadsheet) that writes text as it is, so an apostrophe there is the client's own.
    apostrophes: bool = True
    #: The sheet's row number (1-based) of the first row below the header.
    first_row: int = 2
    #: xlsx: the sheet read, and every other sheet of the workbook (not imported).
    sheet: str = ""
    other_sheets: tuple[str, ...] = ()


def read_table(
    path: Path,
    limits: Limits | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
) -> Table:
    """The file's header and rows. ``progress`` hears how many rows were read every
    ``ROW_CHUNK`` rows; when ``cancelled()`` says so, :class:`ImportCancelled` is raised.
    ``sheet`` (a name or a 1-based number) picks an xlsx sheet, else the first; the header is
    the row ``header_row`` (1-based), else the row that names the most known fields."""
    with collector_paused():
        return _read_table(
            Path(path), limits or Limits(), _Ticker(progress, cancelled), sheet, header_row
        )


def _read_table(
    path: Path, limits: Limits, tick: _Ticker, sheet: str | None, header_row: int | None
) -> Table:
    try:
        st = path.stat()
        # A FIFO, a device or a folder is never opened: reading a FIFO waits forever.
        if not stat.S_ISREG(st.st_mode):
            raise FileRefused(
                QT_TRANSLATE_NOOP(
                    "Import", "{path} is not a regular file (a pipe, a device or a folder)."
                ).with_(path=str(path))
            )
        size = st.st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise FileRefused(
            QT_TRANSLATE_NOOP("Import", "Cannot read {path}: {reason}").with_(
                path=str(path), reason=exc.strerror or str(exc)
            )
        ) from exc
    if size > limits.max_file_bytes:
        raise FileRefused(
            QT_TRANSLATE_NOOP(
                "Import", "The file is {size} MB; files over {max} MB are not imported."
            ).with_(size=size // (1024 * 1024), max=limits.max_file_bytes // (1024 * 1024))
        )
    if head.startswith(b"PK\x03\x04") or path.suffix.lower() in (".xlsx", ".xlsm"):
        table = _read_xlsx(path, limits, tick, sheet, header_row)
    elif head.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileRefused(
            QT_TRANSLATE_NOOP(
                "Import", "This is an old Excel (.xls) file. Save it as .xlsx in Excel first."
            )
        )
    else:
        from crm.services.transfer.read_csv import read_csv

        table = read_csv(path, limits, tick, header_row)
    return table


def too_many_rows(limits: Limits) -> FileRefused:
    return FileRefused(
        QT_TRANSLATE_NOOP(
            "Import", "The file has more than {max} rows; split it into smaller files."
        ).with_(max=limits.max_rows)
    )


def split_header(
    rows: Rows, limits: Limits, widest: int = 0, header_row: int | None = None
) -> tuple[list[str], Rows, int]:
    """The header, the rows below it and the sheet's row number of the first of them.
    ``widest`` is the most cells a row had before the reader cut it at ``max_columns + 1``,
    so the refusal names the real count (:mod:`crm.services.transfer.header` finds the row)."""
    from crm.services.transfer.header import find_header, header_cells

    if not rows:
        raise FileRefused(QT_TRANSLATE_NOOP("Import", "The file is empty."))
    if widest > limits.max_columns:
        raise too_many_columns(widest, limits)
    place = find_header(rows, header_row)
    if place.index >= len(rows):
        raise FileRefused(
            QT_TRANSLATE_NOOP("Import", "The file has no row {n}.").with_(n=place.index + 1)
        )
    headers = [("" if h is None else str(h)).strip() for h in header_cells(rows, place)]
    if len(headers) > limits.max_columns:
        raise too_many_columns(len(headers), limits)
    return headers, rows[place.body_start :], place.body_start + 1


def too_many_columns(n: int, limits: Limits) -> FileRefused:
    return FileRefused(
        QT_TRANSLATE_NOOP("Import", "The file has {n} columns; at most {max} are read.").with_(
            n=f"{n:,}", max=limits.max_columns
        )
    )


def too_long(limits: Limits) -> FileRefused:
    return FileRefused(
        QT_TRANSLATE_NOOP(
            "Import", "A cell of the file is longer than {max} characters; it was not read."
        ).with_(max=f"{limits.max_field_chars:,}")
    )


def has_nul() -> FileRefused:
    return FileRefused(
        QT_TRANSLATE_NOOP(
            "Import",
            "The file contains NUL characters, so it is not a spreadsheet's text; it was not "
            "read. Save it again as CSV UTF-8 or .xlsx.",
        )
    )


# -- xlsx --------------------------------------------------------------------------------------


def check_xlsx(path: Path, limits: Limits) -> None:
    """Refuse zip bombs and XML entity tricks before any XML parser sees the file."""
    bomb = QT_TRANSLATE_NOOP(
        "Import", "The file unpacks to far more than it holds (a zip bomb?); it was not read."
    )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > limits.max_members:
                raise FileRefused(bomb)
            if sum(i.file_size for i in infos) > limits.max_unpacked_bytes:
                raise FileRefused(bomb)
            for info in infos:
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > limits.ratio_floor and ratio > limits.max_ratio:
                    raise FileRefused(bomb)
            for info in infos:
                if info.filename.endswith((".xml", ".rels", ".vml")):
                    _scan_xml(zf, info, limits)
    except zipfile.BadZipFile as exc:
        raise FileRefused(
            QT_TRANSLATE_NOOP("Import", "This is not a valid .xlsx file (the zip is damaged).")
        ) from exc


def _scan_xml(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits) -> None:
    """Stream one part: no DOCTYPE, and no more bytes than declared (zipfile stops there and
    checks the CRC, so a part lying about its size fails)."""
    tail = b""
    total = 0
    try:
        with zf.open(info) as fh:
            while True:
                block = fh.read(CHUNK)
                if not block:
                    break
                total += len(block)
                window = (tail + block).upper()
                if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                    raise FileRefused(
                        QT_TRANSLATE_NOOP(
                            "Import",
                            "The file contains XML entity declarations (an attack on XML "
                            "readers); it was not read.",
                        )
                    )
                tail = block[-16:]
    except (zipfile.BadZipFile, OSError, EOFError) as exc:  # CRC or size mismatch
        raise FileRefused(
            QT_TRANSLATE_NOOP("Import", "This is not a valid .xlsx file (the zip is damaged).")
        ) from exc
    if total > limits.max_unpacked_bytes:
        raise FileRefused(
            QT_TRANSLATE_NOOP(
                "Import",
                "The file unpacks to far more than it holds (a zip bomb?); it was not read.",
            )
        )


def _read_xlsx(
    path: Path, limits: Limits, tick: _Ticker, wanted: str | None, header_row: int | None
) -> Table:
    from python_calamine import CalamineWorkbook

    check_xlsx(path, limits)
    try:
        wb = CalamineWorkbook.from_path(str(path))
        sheet = None
        try:
            names = list(wb.sheet_names)
            name = _pick_sheet(names, wanted)
            sheet = wb.get_sheet_by_name(name)
            rows = Rows(typed=True)
            widest = 0
            for row in sheet.iter_rows():
                tick(len(rows))
                if len(rows) > limits.max_rows:
                    raise too_many_rows(limits)
                widest = max(widest, len(row))
                cells = row[: limits.max_columns + 1]
                for c in cells:
                    if isinstance(c, str) and c:
                        if len(c) > limits.max_field_chars:
                            raise too_long(limits)
                        if "\x00" in c:
                            raise has_nul()
                rows.append(cells)
        finally:
            wb.close()
            sheet = None  # the loaded sheet: drop it before handing its memory back
            _give_back_memory()
    except (FileRefused, ImportCancelled):
        raise
    except Exception as exc:  # calamine raises its own error types for broken files
        raise FileRefused(
            QT_TRANSLATE_NOOP("Import", "This .xlsx file cannot be read: {reason}").with_(
                reason=str(exc)[:200]
            )
        ) from exc
    while rows and all(c in (None, "") for c in rows[-1]):
        rows.pop()
    headers, body, first = split_header(rows, limits, widest, header_row)
    others = tuple(n for n in names if n != name)
    return Table(headers, body, "xlsx", first_row=first, sheet=name, other_sheets=others)


def _give_back_memory() -> None:
    """Return the sheet calamine held (freed in its own heap) to the system: Python's objects
    live in their own arenas and would not reuse it, so the import's peak would carry it."""
    if sys.platform.startswith("linux"):
        # Another C library (musl) has no malloc_trim: the memory is reused later instead.
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)


def _pick_sheet(names: list[str], wanted: str | None) -> str:
    if wanted is None:
        return names[0]
    if wanted in names:
        return wanted
    if wanted.isdigit() and 1 <= int(wanted) <= len(names):
        return names[int(wanted) - 1]
    raise FileRefused(
        QT_TRANSLATE_NOOP(
            "Import", "The workbook has no sheet {sheet}; its sheets: {names}."
        ).with_(sheet=wanted, names=", ".join(names))
    )
