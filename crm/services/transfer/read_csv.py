"""Reading a csv the officer kept before Prism, without trusting it.

The encoding is named, never guessed (UTF-8 with or without BOM, UTF-16 with a BOM or by its
zero bytes, GB18030/GBK), and the file is read in bounded pieces: no line or field longer than
a limit sits in memory whole, a NUL character anywhere refuses the file, and the rows are kept
packed (:class:`crm.services.transfer.packed.Rows`) while the import runs.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path

from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.services.transfer.packed import Rows
from crm.services.transfer.reader import (
    CHUNK,
    FileRefused,
    Limits,
    Table,
    _Ticker,
    has_nul,
    split_header,
    too_long,
    too_many_rows,
)


def detect_encoding(path: Path) -> str:
    """UTF-8 (BOM or not), UTF-16 (BOM, or zero bytes in every other place), GB18030; else
    refuse. Decodes the whole file in pieces, so the answer is never a guess."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = head[:4000]
    if b"\x00" in sample:
        # UTF-16 without a BOM: ASCII characters leave their zero byte all on one side.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        guess = "utf-16-le" if even == 0 else "utf-16-be" if odd == 0 else None
        if guess and _decodes(path, guess):
            return guess
        raise _unknown_encoding()
    for encoding in ("utf-8", "gb18030"):
        if _decodes(path, encoding):
            return encoding
    raise _unknown_encoding()


def _unknown_encoding() -> FileRefused:
    return FileRefused(
        QT_TRANSLATE_NOOP(
            "Import",
            "The file's text encoding is not UTF-8, UTF-16 or GB18030 (GBK). Save it as "
            '"CSV UTF-8" in Excel and try again.',
        )
    )


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    odd = 0
    seen = 0
    try:
        with path.open("rb") as fh:
            while block := fh.read(CHUNK):
                text = decoder.decode(block)
                if encoding == "gb18030":
                    seen += len(text)
                    odd += sum(1 for ch in text if _unlikely(ch))
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    # GB18030 maps almost any bytes to something: insist the text looks like text.
    return encoding != "gb18030" or odd <= seen // 100


def _unlikely(ch: str) -> bool:
    o = ord(ch)
    return (0x80 <= o < 0x2000 and not 0xA0 <= o < 0x180) or 0xE000 <= o < 0xF900 or o > 0xFFFF


def _bounded_lines(fh: io.TextIOBase, limits: Limits) -> Iterator[str]:
    """Lines (newline kept) read in pieces; a line longer than the limit is refused."""
    pending = ""
    while True:
        block = fh.read(CHUNK)
        if not block:
            break
        if "\x00" in block:  # anywhere, not only in the first 4 KB the encoding sniff sees
            raise has_nul()
        pending += block
        start = 0
        while True:
            nl = pending.find("\n", start)
            if nl < 0:
                break
            yield pending[start : nl + 1]
            start = nl + 1
        pending = pending[start:]
        if len(pending) > limits.max_line_chars:
            raise _line_too_long(pending, limits)
    if pending:
        yield pending


def _line_too_long(pending: str, limits: Limits) -> FileRefused:
    """A line over the limit: too many columns when it holds that many separators (a file of
    a million columns is not one long cell), else a cell too long."""
    separators = max(pending.count(sep) for sep in ",\t;")
    if separators >= limits.max_columns:
        return FileRefused(
            QT_TRANSLATE_NOOP(
                "Import",
                "The file has more than {max} columns; at most {max} are read. Keep only the "
                "columns to import.",
            ).with_(max=limits.max_columns)
        )
    return too_long(limits)


def read_csv(path: Path, limits: Limits, tick: _Ticker, header_row: int | None = None) -> Table:
    encoding = detect_encoding(path)
    rows = Rows()
    widest = 0
    with path.open("r", encoding=encoding, newline="") as fh:
        # A title or comment line may come first: the delimiter is the one the busiest of
        # the first lines uses most.
        sample = [fh.readline(limits.max_line_chars) for _ in range(5)]
        fh.seek(0)
        delimiter = max(",\t;", key=lambda sep: max(line.count(sep) for line in sample))
        dialect = csv.excel
        reader = csv.reader(_bounded_lines(fh, limits), dialect, delimiter=delimiter)
        try:
            for row in reader:
                tick(len(rows))
                if len(rows) > limits.max_rows:
                    raise too_many_rows(limits)
                if any(len(c) > limits.max_field_chars for c in row):
                    raise too_long(limits)
                widest = max(widest, len(row))
                rows.append(row[: limits.max_columns + 1])
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise too_long(limits) from exc
            raise FileRefused(
                QT_TRANSLATE_NOOP(
                    "Import", "Line {line} of the file cannot be read: {reason}"
                ).with_(line=reader.line_num, reason=str(exc))
            ) from exc
    while rows and not any(str(c).strip() for c in rows[-1]):
        rows.pop()
    headers, body, first_row = split_header(rows, limits, widest, header_row)
    return Table(
        headers, body, "csv", encoding, apostrophes=not _bare_triggers(body), first_row=first_row
    )


def _bare_triggers(rows: Rows) -> bool:
    """Whether a cell starts with = + - @ unprotected (a ``="..."`` text literal aside)."""
    for row in rows:
        for c in row:
            if isinstance(c, str) and c[:1] in "=+-@" and c and not c.startswith('="'):
                return True
    return False
