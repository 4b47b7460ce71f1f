"""The README's loan commands, run exactly as written, in order, on a fresh book."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from crm.cli import main

ROOT = Path(__file__).resolve().parents[2]


def loan_block() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("Loans: the needs record")
    block = re.search(r"```sh\n(.*?)```", text[start:], re.S)
    assert block is not None
    return [line for line in block.group(1).splitlines() if line.startswith("crm ")]


def test_every_loan_command_in_the_readme_runs_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = loan_block()
    assert len(lines) >= 8
    assert main(["--data-dir", str(tmp_path), "add", "--name", "张伟"]) == 0
    capsys.readouterr()
    outputs = []
    for line in lines:
        args = shlex.split(line)[1:]
        code = main(["--data-dir", str(tmp_path), "--lang", "en", *args])
        out, err = capsys.readouterr()
        assert code == 0, f"{line}\n{err}"
        outputs.append(out)
    shown = json.loads(outputs[lines.index("crm loan show 1 --json")])
    assert shown["status"] == "extended"
    flat = json.loads(outputs[1])
    assert flat["schedule"][0]["interest"] == "500.00"  # 月息 0.5% on the original 100,000


def dashboard_block() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("### The dashboard and the self-review")
    block = re.search(r"```sh\n(.*?)```", text[start:], re.S)
    assert block is not None
    return [line for line in block.group(1).splitlines() if line.startswith("crm ")]


def test_the_dashboard_commands_in_the_readme_run_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = dashboard_block()
    assert [shlex.split(line)[1] for line in lines] == ["stats", "report"]
    book = tmp_path / "book"
    assert main(["--data-dir", str(book), "demo", "--clients", "60", "--seed", "1"]) == 0
    capsys.readouterr()
    monkeypatch.chdir(tmp_path)
    outputs = []
    for line in lines:
        code = main(["--data-dir", str(book), *shlex.split(line)[1:]])
        out, err = capsys.readouterr()
        assert code == 0, f"{line}\n{err}"
        outputs.append(out)
    stats = json.loads(outputs[0])
    assert stats["from"] == "2026-01-01" and len(stats["figures"]) == 15
    assert (tmp_path / "review.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "review.md").read_text(encoding="utf-8").startswith("# 述职报告")


def test_the_readme_defines_each_figure_as_its_tooltip_does() -> None:
    from crm.domain.stats_defs import FIGURES

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for f in FIGURES:
        assert f"- **{f.title.text}**: {f.definition.text}" in text
