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


# --- after the money goes out (issue 14): its own block, its own test -----------------------


def post_loan_block() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("After the money goes out")
    block = re.search(r"```sh\n(.*?)```", text[start:], re.S)
    assert block is not None
    return [line for line in block.group(1).splitlines() if line.startswith("crm ")]


def test_every_post_loan_command_in_the_readme_runs_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = post_loan_block()
    assert len(lines) >= 10
    for name in ("张伟", "李娜"):
        assert main(["--data-dir", str(tmp_path), "add", "--name", name]) == 0
    capsys.readouterr()
    outputs = []
    for line in lines:
        code = main(["--data-dir", str(tmp_path), "--lang", "en", *shlex.split(line)[1:]])
        out, err = capsys.readouterr()
        assert code == 0, f"{line}\n{err}"
        outputs.append(out)
    missing = outputs[lines.index("crm missing 张伟")]
    assert "营业执照" not in missing and "户口本" in missing
    assert json.loads(outputs[lines.index("crm risks --json")]) == []  # the one signal closed
    turnover = json.loads(outputs[-1])
    assert turnover["months"] == [{"month": "2026-10", "amount": "125000.00"}]
