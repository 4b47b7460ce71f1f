"""`crm notes/note/asked/log/promise/keep/due/promises/brief` in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crm.cli import main


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(tmp_path), "--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, capsys, "add", "--name", "张伟", "--phone", "13812345678")[0] == 0
    code, out, _ = run(
        tmp_path,
        capsys,
        "note",
        "张伟",
        "--text",
        "女儿明年六月高考",
        "--category",
        "family",
        "--date",
        "2027-06-18",
        "--ask",
    )
    assert code == 0
    note_id = int(out)
    code, out, _ = run(tmp_path, capsys, "notes", "张伟", "--json")
    notes = json.loads(out)
    assert notes[0]["text"] == "女儿明年六月高考" and notes[0]["ask_next_time"] is True
    assert notes[0]["date"] == "2027-06-18"
    code, out, _ = run(tmp_path, capsys, "notes", "1")
    assert "[ask next time]" in out

    code, out, _ = run(tmp_path, capsys, "promise", "张伟", "--text", "确认展期政策")
    promise_id, due = out.split()
    assert code == 0 and len(due) == 10
    code, out, _ = run(tmp_path, capsys, "promises", "--json")
    assert [p["id"] for p in json.loads(out)] == [int(promise_id)]
    code, out, _ = run(tmp_path, capsys, "promises", "--overdue", "--json")
    assert json.loads(out) == []

    code, out, _ = run(tmp_path, capsys, "brief", "张伟")
    assert "女儿明年六月高考 (2027-06-18)" in out and "确认展期政策" in out
    assert "Last contact: never" in out

    code, out, _ = run(
        tmp_path, capsys, "log", "张伟", "--channel", "visit", "--summary", "上门看了门店"
    )
    assert code == 0
    code, out, _ = run(tmp_path, capsys, "list", "--search", "门店", "--json")
    assert [c["name"] for c in json.loads(out)] == ["张伟"]

    code, out, _ = run(tmp_path, capsys, "asked", str(note_id), "--answer", "在冲刺")
    assert code == 0 and int(out) > note_id  # kept as a new note
    code, out, _ = run(tmp_path, capsys, "keep", promise_id, "--channel", "wechat")
    assert code == 0
    code, out, _ = run(tmp_path, capsys, "promises", "--json")
    assert json.loads(out) == []
    code, out, _ = run(tmp_path, capsys, "due", "--json")
    assert json.loads(out) == []  # just contacted


def test_cli_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(tmp_path, capsys, "add", "--name", "张伟")
    code, _out, err = run(tmp_path, capsys, "note", "李四", "--text", "x")
    assert code == 1 and "No client is named 李四" in err
    code, _out, err = run(tmp_path, capsys, "note", "1", "--text", "  ")
    assert code == 1 and err.startswith("crm: ")
    code, _out, err = run(tmp_path, capsys, "promise", "1", "--text", "x", "--due", "明天")
    assert code == 1 and "YYYY-MM-DD" in err
    code, _out, err = run(tmp_path, capsys, "keep", "99")
    assert code == 1 and "no promise with id 99" in err


def test_cli_due_lists_most_overdue_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from crm import config
    from crm.store.book import Book

    for name in ("甲", "乙"):
        run(tmp_path, capsys, "add", "--name", name)
    book = Book.open(config.book_path(tmp_path))
    with book.write() as conn:  # added long ago, never contacted
        conn.execute("UPDATE client SET created_at = '2020-01-01 09:00:00.000000' WHERE id = 2")
        conn.execute("UPDATE client SET created_at = '2021-01-01 09:00:00.000000' WHERE id = 1")
    book.close()
    run(tmp_path, capsys, "note", "乙", "--text", "问问新店", "--ask")
    code, out, _ = run(tmp_path, capsys, "due")
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[1] == "乙" and "问问新店" in lines[0]
    assert lines[1].split()[1] == "甲"
