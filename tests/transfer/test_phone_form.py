"""One form of a phone number everywhere (issue 11): a foreign number in E.164, a Chinese one as
dialled at home, in `crm list`, `crm show` and every export."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm.cli import main
from crm.domain.phones import canonical, validate_phone


def test_canonical() -> None:
    assert validate_phone("+44 7911 123456").canonical == "+447911123456"
    assert validate_phone("0044 7911 123456").canonical == "+447911123456"
    assert validate_phone("010-6512 3456").canonical == "01065123456"
    assert validate_phone("+86 138 1234 5678").canonical == "13812345678"
    assert canonical("+8613812345678", "13812345678") == "13812345678"


def test_list_show_and_exports_agree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def run(*args: str) -> str:
        assert main(["--data-dir", str(tmp_path), "--lang", "en", *args]) == 0
        return capsys.readouterr().out

    run("add", "--name", "Tom", "--phone", "0044 7911 123456", "--phone", "010-6512 3456")
    listed = run("list", "--unmasked")
    shown = run("show", "Tom", "--unmasked")
    for fmt in ("csv", "excel-csv", "vcf"):
        run("export", "--unmasked", "--format", fmt, "--out", str(tmp_path / f"x.{fmt}"))
    for text in (
        listed,
        shown,
        (tmp_path / "x.csv").read_text("utf-8-sig"),
        (tmp_path / "x.excel-csv").read_text("utf-8-sig"),
        (tmp_path / "x.vcf").read_text(),
    ):
        assert "+447911123456" in text and "00447911123456" not in text
