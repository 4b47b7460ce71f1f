"""The `crm` command keeps its word at the edges (issue 11): options anywhere, one-line errors
with the right exit code, dates that do not exist, duplicates, tags, `restore`'s two senses."""

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


def usage(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """The one stderr line of a usage error (exit 2)."""
    with pytest.raises(SystemExit) as done:
        main(list(args))
    out, err = capsys.readouterr()
    assert done.value.code == 2 and out == ""
    assert err.count("\n") == 1, err
    return err


def test_data_dir_and_lang_after_the_subcommand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["add", "--data-dir", str(tmp_path), "--name", "王芳", "--lang", "en"]) == 0
    assert capsys.readouterr().out.strip() == "1"
    assert (tmp_path / "prism.db").exists()
    assert main(["list", "--json", "--data-dir", str(tmp_path)]) == 0
    assert [c["name"] for c in json.loads(capsys.readouterr().out)] == ["王芳"]
    # nested subcommands too, and --json before the subcommand
    assert main(["--json", "loans", "--data-dir", str(tmp_path)]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["loan", "show", "9", "--data-dir", str(tmp_path), "--lang", "en"]) == 1
    assert "no loan with id 9" in capsys.readouterr().err


def test_usage_errors_are_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    err = usage(capsys, "add", "--nme", "张伟")
    assert err == "crm add: unknown option --nme; did you mean --name? (see crm add --help)\n"
    err = usage(capsys, "add")
    assert err.startswith("crm add: the following arguments are required: --name")
    assert "unknown command 'lst'; did you mean list?" in usage(capsys, "lst")
    assert usage(capsys, "list", "extra").startswith("crm list: unexpected argument 'extra'")
    assert usage(capsys, "list", "--limit", "0").startswith("crm list: argument --limit")
    assert usage(capsys, "loan", "add", "1").startswith("crm loan add: the following")


def test_days_that_do_not_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(tmp_path, capsys, "add", "--name", "甲", "--birthday", "2027-02-30")
    assert code == 1 and "--birthday 2027-02-30: that date does not exist." in err
    code, _, err = run(tmp_path, capsys, "add", "--name", "甲", "--birthday", "02-30")
    assert code == 1 and "does not exist" in err
    code, _, err = run(tmp_path, capsys, "add", "--name", "甲", "--lunar-birthday", "1900-01-01")
    assert code == 1 and "covers 1901–2099" in err and err.count("\n") == 1
    assert run(tmp_path, capsys, "add", "--name", "甲", "--birthday", "02-29")[0] == 0
    code, _, err = run(tmp_path, capsys, "promise", "甲", "--text", "回电", "--due", "2027-02-30")
    assert code == 1 and "--due 2027-02-30: that date does not exist." in err
    code, _, err = run(tmp_path, capsys, "note", "甲", "--text", "x", "--date", "2027-13-01")
    assert code == 1 and "does not exist" in err


def test_restore_says_which_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(tmp_path, capsys, "add", "--name", "张三")
    code, _, err = run(tmp_path, capsys, "restore", "nope.db")
    assert code == 1 and "There is no backup file nope.db" in err and "No client" not in err
    code, _, err = run(tmp_path, capsys, "restore", "李四")
    assert code == 1 and "No client is named 李四" in err and "--backup FILE" in err
    code, _, err = run(tmp_path, capsys, "restore", "--backup", str(tmp_path / "gone.db"))
    assert code == 1 and "There is no backup file" in err
    code, out, _ = run(tmp_path, capsys, "restore", "张三")
    assert code == 0 and out == "Not archived, nothing to restore: 张三 (id 1).\n"
    code, out, _ = run(tmp_path, capsys, "archive", "张三")
    assert code == 0 and out.startswith("Archived 张三 (id 1).")
    code, out, _ = run(tmp_path, capsys, "restore", "1")
    assert code == 0 and out == "Restored 张三 (id 1).\n"
    backup = tmp_path / "copy.db"
    assert run(tmp_path, capsys, "backup", "--out", str(backup))[0] == 0
    code, out, _ = run(tmp_path, capsys, "restore", "--backup", str(backup))
    assert code == 0 and "Restored the book from" in out


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    main(["--data-dir", str(tmp_path), "demo", "--clients", "600"])
    # `crm list | head -1`: the reader closes the pipe after one line
    done = subprocess.run(
        f"{sys.executable} -m crm --data-dir {tmp_path} list | head -1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stderr == "" and done.stdout.count("\n") == 1


def test_duplicates_are_refused_unless_allowed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(tmp_path, capsys, "add", "--name", "张伟", "--phone", "13812345678")
    run(tmp_path, capsys, "add", "--name", "李娜", "--id-number", "11010519491231002X")
    code, out, err = run(tmp_path, capsys, "add", "--name", "张卫", "--phone", "138 1234 5678")
    assert code == 1 and out == "" and "Same phone or ID number as 张伟 (id 1)" in err
    assert "--allow-duplicate" in err and err.count("\n") == 1
    code, _, err = run(tmp_path, capsys, "add", "--name", "x", "--id-number", "11010519491231002x")
    assert code == 1 and "李娜 (id 2)" in err
    code, out, err = run(
        tmp_path, capsys, "add", "--name", "张卫", "--phone", "13812345678", "--allow-duplicate"
    )
    assert code == 0 and out == "3\n" and "warning: same phone or ID number as 张伟" in err
    code, out, _ = run(tmp_path, capsys, "list", "--json")
    assert len(json.loads(out)) == 3


def test_tag_adds_untag_removes_set_tags_replaces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def tags() -> list[str]:
        return json.loads(run(tmp_path, capsys, "show", "1", "--json")[1])["tags"]

    run(tmp_path, capsys, "add", "--name", "张伟", "--tag", "商会")
    assert run(tmp_path, capsys, "edit", "1", "--tag", "老客户")[0] == 0
    assert tags() == ["商会", "老客户"]
    run(tmp_path, capsys, "edit", "1", "--untag", "商会", "--tag", "经营贷")
    assert tags() == ["经营贷", "老客户"]
    run(tmp_path, capsys, "edit", "1", "--set-tags", "a,b")
    assert tags() == ["a", "b"]
    run(tmp_path, capsys, "edit", "1", "--set-tags", "")
    assert tags() == []


def test_show_prints_every_field_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(tmp_path, capsys, "add", "--name", "陈会长", "--kind", "partner")
    run(
        tmp_path, capsys, "add", "--name", "王建国", "--kind", "sole_proprietor",
        "--gender", "male", "--phone", "13812345678", "--phone", "13987654321",
        "--wechat", "wjg1975", "--uscc", "91110000600037341L", "--company", "建国五金",
        "--industry", "五金批发", "--address", "杭州市上城区", "--tag", "商会",
        "--tag", "老客户", "--referred-by", "陈会长", "--address-as", "王总",
        "--cadence", "45",
    )  # fmt: skip
    code, out, _ = run(tmp_path, capsys, "show", "王建国")
    assert code == 0
    for text in ("王总", "Sole proprietor", "Male", "138****5678", "139****4321", "wjg1975",
                 "91110000600037341L", "五金批发", "杭州市上城区", "商会, 老客户",
                 "陈会长 (id 1)", "every 45 days", "Festival greetings  yes"):  # fmt: skip
        assert text in out, text
    assert "['" not in out and "False" not in out and "festival_optout" not in out
    data = json.loads(run(tmp_path, capsys, "show", "2", "--json")[1])
    assert data["wechat"] == "wjg1975" and data["referred_by"] == 1
    assert data["cadence_days"] == 45 and data["festival_optout"] is False
    main(["--data-dir", str(tmp_path), "--lang", "zh_CN", "show", "2"])
    out = capsys.readouterr().out
    assert "微信" in out and "个体工商户" in out and "男" in out


def test_options_that_do_not_go_together_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(tmp_path, capsys, "add", "--name", "甲", "--leap")
    assert code == 2 and out == ""
    assert err == "crm add: --leap goes with --lunar-birthday. (see crm add --help)\n"
    code, _, err = run(tmp_path, capsys, "referrals")
    assert code == 2 and err.startswith("crm referrals: Give one of")
    code, _, err = run(tmp_path, capsys, "restore")
    assert code == 2 and "--backup FILE" in err
    assert run(tmp_path, capsys, "referrals", "--top", "5")[1].startswith("Nobody in the book")
