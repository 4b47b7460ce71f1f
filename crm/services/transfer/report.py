"""The import's problem report as a csv the officer can open in Excel beside the file."""

from __future__ import annotations

import csv
import os
from pathlib import Path

from crm.domain.messages import QT_TRANSLATE_NOOP, Translate
from crm.services.transfer.export import safe_text


def save_report(path: Path, report: list[tuple[int, str, str]], translate: Translate) -> None:
    part = path.with_name(f".{path.name}.part")
    try:
        with part.open("w", encoding="utf-8-sig", newline="") as fh:
            out = csv.writer(fh)
            out.writerow(
                [
                    QT_TRANSLATE_NOOP("Import", "Row").render(translate),
                    QT_TRANSLATE_NOOP("Import", "Column").render(translate),
                    QT_TRANSLATE_NOOP("Import", "Problem").render(translate),
                ]
            )
            out.writerows((row, safe_text(col), safe_text(reason)) for row, col, reason in report)
        os.replace(part, path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
