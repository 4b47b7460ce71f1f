"""The `crm` command in-process: same services, human text or JSON, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from crm.cli import main


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(tmp_path), "--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_prints_id_and_list_finds_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        tmp_path,
        capsys,
        "add",
        "--name",
        "曾国藩",
        "--phone",
        "13812345678",
        "--lunar-birthday",
        "10-11",
        "--tag",
        "老客户",
    )
    assert code == 0
    new_id = int(out.strip())
    code, out, _ = run(tmp_path, capsys, "list", "--search", "zgf", "--json")
    assert code == 0
    data = json.loads(out)
    assert data[0]["id"] == new_id and data[0]["name"] == "曾国藩"
    assert data[0]["phone"] == "138****5678"  # masked unless asked
    assert data[0]["birthday"] == "lunar 10-11"
    _, out, _ = run(tmp_path, capsys, "list", "--search", "zgf", "--json", "--unmasked")
    assert json.loads(out)[0]["phone"] == "13812345678"


def test_bad_input_exits_1_with_reason_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(tmp_path, capsys, "add", "--name", "单雄信", "--phone", "123")
    assert code == 1 and out == ""
    assert err.startswith("crm: ") and "11 digits" in err and err.count("\n") == 1
    code, out, _ = run(tmp_path, capsys, "list", "--json")
    assert json.loads(out) == []
    code, _, err = run(tmp_path, capsys, "add", "--name", "甲", "--birthday", "1990/01/01")
    assert code == 1 and "YYYY-MM-DD" in err


def test_id_number_fills_birthday_and_gender(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        tmp_path, capsys, "add", "--name", "李娜", "--id-number", "11010519491231002X"
    )
    assert code == 0
    _, out, _ = run(tmp_path, capsys, "show", "李娜", "--json")
    data = json.loads(out)
    assert data["birthday"] == "1949-12-31"
    assert data["id_number"] == "110105********002X"


def test_edit_archive_restore_and_ambiguity(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(tmp_path, capsys, "add", "--name", "张伟")
    run(tmp_path, capsys, "add", "--name", "张伟")
    code, _, err = run(tmp_path, capsys, "edit", "张伟", "--status", "borrower")
    assert code == 1 and "use the id" in err
    assert run(tmp_path, capsys, "edit", "1", "--status", "borrower")[0] == 0
    assert run(tmp_path, capsys, "archive", "1")[0] == 0
    _, out, _ = run(tmp_path, capsys, "list", "--json")
    assert [c["id"] for c in json.loads(out)] == [2]
    _, out, _ = run(tmp_path, capsys, "list", "--archived", "--status", "borrower", "--json")
    assert [c["id"] for c in json.loads(out)] == [1]
    run(tmp_path, capsys, "restore", "1")
    _, out, _ = run(tmp_path, capsys, "list", "--status", "borrower", "--json")
    assert [c["id"] for c in json.loads(out)] == [1]


def test_demo_is_deterministic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for folder in (a, b):
        assert main(["--data-dir", str(folder), "demo", "--clients", "200", "--seed", "5"]) == 0
    capsys.readouterr()
    lists = []
    for folder in (a, b):
        main(["--data-dir", str(folder), "list", "--json", "--unmasked"])
        lists.append(json.loads(capsys.readouterr().out))
    assert lists[0] == lists[1] and len(lists[0]) == 200


def test_foreign_file_is_refused_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "prism.db").write_bytes(b"not a database at all" * 10)
    code, _, err = run(tmp_path, capsys, "list")
    assert code == 1 and "not a Prism book" in err and err.count("\n") == 1


def test_chinese_messages_follow_lang(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["--data-dir", str(tmp_path), "--lang", "zh_CN", "add", "--name", "甲", "--phone", "1"]
    )
    err = capsys.readouterr().err
    assert code == 1 and "手机" in err


def test_data_dir_from_environment(tmp_path: Path) -> None:
    env = {"PRISM_DATA_DIR": str(tmp_path), "PATH": "", "LANGUAGE": "en"}
    done = subprocess.run(
        [sys.executable, "-m", "crm", "add", "--name", "王芳"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "prism.db").exists()


def test_add_and_edit_load_no_orm(tmp_path: Path) -> None:
    """`crm add` writes through plain sqlite3: sqlmodel (~0.6 s) stays out of the command."""
    subprocess.run(
        [sys.executable, "-m", "crm", "--data-dir", str(tmp_path), "add", "--name", "甲"],
        check=True,
        capture_output=True,
    )  # the first open migrates the new book (Alembic); later commands do not
    code = (
        "import sys; from crm.cli import main;"
        f"main(['--data-dir', {str(tmp_path)!r}, 'add', '--name', '张三', '--tag', 'x']);"
        f"main(['--data-dir', {str(tmp_path)!r}, 'edit', '张三', '--status', 'borrower']);"
        "print('heavy:' + ','.join(m for m in ('sqlmodel', 'sqlalchemy') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "heavy:"
    assert done.stdout.splitlines()[:2] == ["2", "2"]
