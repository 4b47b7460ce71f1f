"""`crm add/edit --referred-by`, `crm referrals CLIENT|--top|--sources|--thanks`, in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crm.cli import main


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(tmp_path), "--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _book(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, capsys, "add", "--name", "陈建国", "--kind", "partner")[0] == 0
    assert run(tmp_path, capsys, "add", "--name", "李明", "--referred-by", "陈建国")[0] == 0
    code, out, _ = run(
        tmp_path, capsys, "add", "--name", "王芳", "--referred-by", "2", "--status", "borrower"
    )
    assert (code, out.strip()) == (0, "3")


def test_edit_refuses_a_cycle_naming_the_chain(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _book(tmp_path, capsys)
    code, _out, err = run(tmp_path, capsys, "edit", "陈建国", "--referred-by", "王芳")
    assert code == 1
    assert "王芳 ← 李明 ← 陈建国" in err
    assert err.count("\n") == 1  # one line


def test_referrals_client_text_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _book(tmp_path, capsys)
    code, out, _ = run(tmp_path, capsys, "referrals", "陈建国")
    assert code == 0
    assert "Brought 1 directly and 1 indirectly." in out
    assert "└─ 李明 · Prospect" in out and "   └─ 王芳 · Borrower" in out
    code, out, _ = run(tmp_path, capsys, "referrals", "王芳", "--json")
    data = json.loads(out)
    assert data["chain_text"] == "王芳 ← 李明 ← 陈建国"
    assert (data["direct"], data["indirect"], data["source"]) == (0, 0, "referral")


def test_referred_by_none_clears_the_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _book(tmp_path, capsys)
    assert run(tmp_path, capsys, "edit", "李明", "--referred-by", "none")[0] == 0
    data = json.loads(run(tmp_path, capsys, "referrals", "王芳", "--json")[1])
    assert data["chain_text"] == "王芳 ← 李明"


def test_top_sources_and_thanks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _book(tmp_path, capsys)
    data = json.loads(run(tmp_path, capsys, "referrals", "--top", "5", "--json")[1])
    assert [(d["name"], d["direct"], d["indirect"]) for d in data] == [
        ("陈建国", 1, 1),
        ("李明", 1, 0),
    ]
    assert data[0]["borrowers_total"] == 1
    assert [d["amount_lent"] for d in data] == ["0.00", "0.00"]  # nobody has borrowed yet
    shares = json.loads(run(tmp_path, capsys, "referrals", "--sources", "--json")[1])
    assert shares == [{"source": "referral", "clients": 2, "share": 1.0}]
    thanks = json.loads(run(tmp_path, capsys, "referrals", "--thanks", "--json")[1])
    assert [(t["referrer"]["name"], t["client"]["name"]) for t in thanks] == [("李明", "王芳")]


def test_bad_usage_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(tmp_path, capsys, "referrals")
    assert code == 2 and "Give one of" in err  # usage: exit 2 (issue 11)
    code, _out, err = run(tmp_path, capsys, "referrals", "--top", "0")
    assert code == 2 and "--top" in err
    code, _out, err = run(tmp_path, capsys, "add", "--name", "甲", "--referred-by", "无此人")
    assert code == 1 and "无此人" in err


def test_amount_lent_is_what_the_clients_a_referrer_brought_borrowed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _book(tmp_path, capsys)
    for amount in ("300000", "50000.50"):
        code, _out, err = run(
            tmp_path, capsys, "loan", "add", "王芳", "--product", "经营贷", "--amount", amount,
            "--rate", "4.35", "--months", "12", "--method", "equal-instalment",
            "--status", "disbursed", "--disbursed", "2026-11-01",
        )  # fmt: skip
        assert code == 0, err
    data = json.loads(run(tmp_path, capsys, "referrals", "--top", "5", "--json")[1])
    lent = {d["name"]: d["amount_lent"] for d in data}
    assert lent == {"陈建国": "0.00", "李明": "350000.50"}  # 王芳 was brought by 李明
