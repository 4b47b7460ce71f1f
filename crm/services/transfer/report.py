"""The import's problem report as a csv the officer can open in Excel beside the file."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import BinaryIO

from crm.domain.messages import QT_TRANSLATE_NOOP, Translate
from crm.files import write_private
from crm.services.transfer.export import safe_text


def save_report(path: Path, report: list[tuple[int, str, str]], translate: Translate) -> None:
    """Written whole or not at all, 0600, through an unpredictable temporary (crm.files)."""

    def write(raw: BinaryIO) -> None:
        fh = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        out = csv.writer(fh)
        out.writerow(
            [
                QT_TRANSLATE_NOOP("Import", "Row").render(translate),
                QT_TRANSLATE_NOOP("Import", "Column").render(translate),
                QT_TRANSLATE_NOOP("Import", "Problem").render(translate),
            ]
        )
        out.writerows((row, safe_text(col), safe_text(reason)) for row, col, reason in report)
        fh.flush()
        fh.detach()  # the caller closes the file

    write_private(Path(path), write)
