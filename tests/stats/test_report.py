"""`crm report`: the PDF holds the figures `crm stats --json` prints; the Markdown beside it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.stats.test_stats_cli import run  # noqa: F401 - the fixture

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")


def _pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_report_holds_the_figures_crm_stats_prints(run, tmp_path: Path, lang: str) -> None:  # noqa: F811
    period = ("--from", "2026-11-01", "--to", "2026-11-30")
    code, out, _ = run("--lang", lang, "stats", *period, "--json")
    assert code == 0
    figures = json.loads(out)["figures"]
    pdf = tmp_path / "review.pdf"
    code, out, err = run("report", *period, "--out", str(pdf), "--lang", lang)
    assert code == 0, err
    text = _pdf_text(pdf)
    flat = "".join(text.split())
    for f in figures:
        assert "".join(f["title"].split()) in flat, f["title"]
        assert f["text"] in text, (f["key"], f["text"])
        if f["counted"]:
            assert "".join(f["counted"].split()) in flat, (f["key"], f["counted"])
    pages = re.findall(r"^(\d+)\s*/\s*(\d+)$", text, re.MULTILINE)  # the page numbers
    assert pages and pages[0][0] == "1" and pages[-1][0] == pages[-1][1]
    markdown = (tmp_path / "review.md").read_text(encoding="utf-8")
    for f in figures:
        assert f"| {f['title']} | {f['text']} |" in markdown
    assert "甲" in text  # a highlight from the book: A kept a promise


def test_report_refuses_to_write_over_a_folder(run, tmp_path: Path) -> None:  # noqa: F811
    target = tmp_path / "folder.pdf"
    target.mkdir()
    code, _, err = run("report", "--out", str(target))
    assert code == 1
    assert err.startswith("crm: ")
