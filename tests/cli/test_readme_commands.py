"""The README's loan commands, run exactly as written, in order, on a fresh book."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from crm.cli import main

ROOT = Path(__file__).resolve().parents[2]


def readme_block(after: str) -> list[str]:
    """The `crm` lines of the README's first ```sh block after ``after`` (a line ending in
    a backslash joined to the next)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text[text.index(after) :], re.S)
    assert block is not None
    lines = block.group(1).replace("\\\n", " ").splitlines()
    return [line for line in lines if line.startswith("crm ")]


def test_every_loan_command_in_the_readme_runs_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = readme_block("Loans: the needs record")
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


def cli_blocks() -> list[str]:
    """The commands of the README's `crm` section before the loans, one per line; a line's
    ``  /  `` alternatives each a command of its own, ``[optional]`` parts included."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### The `crm` command") : text.index("Loans: the needs record")]
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", section, re.S):
        for line in block.splitlines():
            line = " ".join(shlex.split(line, comments=True))
            for part in re.split(r"\s+/\s+", line):
                if part.startswith("crm "):
                    commands.append(re.sub(r"\[([^\]]*)\]", r"\1", part))
    return commands


#: What the README's placeholders stand for, filled from earlier commands' output.
PLACEHOLDERS = ("CLIENT...", "CLIENT", "NOTE_ID", "PROMISE_ID", "THANKS_ID", "RESOURCE_ID",
                "SHARE_ID", "KEY")  # fmt: skip


def test_every_client_command_in_the_readme_runs_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # `crm ics --out prism.ics` writes here
    lines = cli_blocks()
    assert len(lines) >= 40
    data = tmp_path / "book"
    filled: dict[str, str] = {"CLIENT": "曾国藩", "CLIENT...": "曾国藩"}

    def crm(*args: str) -> str:
        code = main(["--data-dir", str(data), "--lang", "en", *args])
        out, err = capsys.readouterr()
        assert code == 0, f"{args}\n{err}"
        return out

    for line in lines:
        args = shlex.split(line)[1:]
        if "KEY" in args and "KEY" not in filled:
            found = json.loads(crm("reminders", "--days", "30", "--json"))
            filled["KEY"] = next(
                r["key"] for r in found if r["client_id"] and r["occasion"] == "contact_due"
            )
        if "THANKS_ID" in args and "THANKS_ID" not in filled:
            filled["THANKS_ID"] = str(json.loads(crm("referrals", "--thanks", "--json"))[0]["id"])
        missing = [a for a in args if a in PLACEHOLDERS and a not in filled]
        assert not missing, f"{line}: nothing yet stands for {missing}"
        out = crm(*(filled.get(a, a) for a in args))
        if args[:1] == ["note"]:
            filled["NOTE_ID"] = out.strip()
        elif args[:1] == ["promise"]:
            filled["PROMISE_ID"] = out.split()[0]
        elif args[:2] == ["resource", "add"]:
            filled["RESOURCE_ID"] = out.strip()
        elif args[:2] == ["resource", "share"]:
            filled["SHARE_ID"] = out.strip()
    assert (tmp_path / "prism.ics").exists()
    shown = json.loads(crm("show", "曾国藩", "--json"))
    assert shown["tags"] == ["商会"] and shown["address_as"] == "曾总"
    assert shown["cadence_days"] == 30 and shown["status"] == "borrower"


def test_the_dashboard_commands_in_the_readme_run_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = readme_block("### The dashboard and the self-review")
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


# --- after the money goes out (issue 14): its own block, its own test -----------------------


def test_every_post_loan_command_in_the_readme_runs_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = readme_block("After the money goes out")
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


# --- lists in and out: every form the README shows ------------------------------------------


def _forms(line: str) -> list[list[str]]:
    """A line's command with every optional part, once per alternative of each a|b|c choice
    (the first alternative elsewhere); ``  /  `` separates commands."""
    out = []
    for part in re.split(r"\s+/\s+", line.strip()):
        words = shlex.split(re.sub(r"\[([^\]]*)\]", r"\1", part))[1:]
        choices = [i for i, w in enumerate(words) if "|" in w and not w.startswith("-")]
        variants = [words]
        for i in choices:
            variants = [[*v[:i], alt, *v[i + 1 :]] for v in variants for alt in words[i].split("|")]
        out.extend(variants)
    return out


def test_every_transfer_command_in_the_readme_runs_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = readme_block("Client lists in and out")
    assert [shlex.split(line)[1] for line in lines] == ["export", "import", "backup"]
    monkeypatch.chdir(tmp_path)
    book = tmp_path / "book"
    assert main(["--data-dir", str(book), "demo", "--clients", "30", "--seed", "1"]) == 0
    capsys.readouterr()

    def crm(args: list[str]) -> None:
        code = main(["--data-dir", str(book), *args])
        out, err = capsys.readouterr()
        assert code == 0, f"{args}\n{out}\n{err}"

    tag = json.loads(_run_json(book, capsys, "list", "--json"))[0]["tags"]
    for form in _forms(lines[0]):  # export: each format, Q/S/T filled with what the book has
        filled = {"Q": "", "S": "borrower", "T": tag[0] if tag else ""}
        args = [filled.get(a, a) for a in form]
        crm(args)
    assert (tmp_path / "list.xlsx").is_file()
    # The file the import line names, with the columns its --mapping names.
    from openpyxl import Workbook

    sheet = (workbook := Workbook()).active
    assert sheet is not None
    sheet.append(["客户名单（旧表）"])  # a title row: the header is row 2 (--header-row 2)
    sheet.append(["姓名", "手机号", "备用"])
    sheet.append(["欧阳修", "13912345678", "x"])
    workbook.save(tmp_path / "old.xlsx")
    for form in _forms(lines[1]):
        crm(form)
    backup, restore, check = _forms(lines[2])
    crm([*backup[:1], "--out", str(tmp_path / "copy.db")])
    crm([restore[0], "--backup", str(tmp_path / "copy.db")])
    crm(check)


def _run_json(book: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["--data-dir", str(book), *args]) == 0
    return capsys.readouterr().out


def test_every_protect_command_in_the_readme_runs_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from crm.store import crypto

    lines = readme_block("### Protecting the book")
    assert lines == ["crm protect", "crm list", "crm unprotect"]
    assert main(["--data-dir", str(tmp_path), "add", "--name", "张伟"]) == 0
    monkeypatch.setenv("PRISM_PASSPHRASE", "一二三 four five")
    outputs = []
    try:
        for line in lines:
            crypto._keys.clear()  # each command as its own process: the key from the variable
            code = main(["--data-dir", str(tmp_path), "--lang", "en", *shlex.split(line)[1:]])
            out, err = capsys.readouterr()
            assert code == 0, f"{line}\n{err}"
            outputs.append(out)
    finally:
        crypto._keys.clear()
    assert "cannot be recovered" in outputs[0]
    assert "张伟" in outputs[1]
    assert (tmp_path / "prism.db").read_bytes().startswith(b"SQLite format 3\x00")
