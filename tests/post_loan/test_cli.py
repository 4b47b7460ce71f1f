"""`crm docs/doc/missing/check-in/risk/risks/relate/turnover` in-process: output, and bad input
refused in one line with nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crm.cli import main
from crm.store.book import Book


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(tmp_path), "--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def ok(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code, out, err = run(tmp_path, capsys, *args)
    assert code == 0, err
    return out


def refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    before = _counts(tmp_path)
    code, out, err = run(tmp_path, capsys, *args)
    assert code == 1 and out == "" and err.startswith("crm: ") and err.count("\n") == 1, err
    assert _counts(tmp_path) == before
    return err


def _counts(tmp_path: Path) -> tuple[int, ...]:
    book = Book.open(tmp_path / "prism.db")
    try:
        conn = book.reader()
        return tuple(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in (
                "loan_document",
                "post_loan_check",
                "risk_signal",
                "related_party",
                "turnover",
                "interaction",
            )
        )
    finally:
        book.close()


LOAN = ("--amount", "300000", "--rate", "4.35", "--months", "12", "--method", "equal-instalment")


@pytest.fixture
def booked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    ok(tmp_path, capsys, "add", "--name", "张伟")
    ok(tmp_path, capsys, "add", "--name", "李娜")
    ok(tmp_path, capsys, "loan", "add", "张伟", "--product", "消费贷", *LOAN)
    return tmp_path


def test_docs_doc_missing(booked: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ok(booked, capsys, "doc", "张伟", "身份证", "--received")
    ok(booked, capsys, "doc", "张伟", "收入证明", "--expires", "2020-01-01")
    shown = json.loads(ok(booked, capsys, "docs", "张伟", "--json"))
    states = {i["item"]: i["state"] for i in shown["items"]}
    assert states == {
        "身份证": "received",
        "收入证明": "expired",
        "近6个月工资流水": "missing",
        "用途证明": "missing",
    }
    out = ok(booked, capsys, "missing", "张伟", "--sent")
    assert "1. 收入证明" in out and "Logged as a contact" in out


def test_unknown_item_refused_with_the_list(booked: Path, capsys) -> None:
    err = refused(booked, capsys, "doc", "张伟", "营业执照", "--received")
    assert "身份证、收入证明" in err
    refused(booked, capsys, "doc", "张伟", "身份证")  # no mark said
    refused(booked, capsys, "docs", "李娜")  # no loan


def test_check_in_on_a_loan_not_disbursed_refused(booked: Path, capsys) -> None:
    err = refused(booked, capsys, "check-in", "1", "--kind", "visit", "--note", "x")
    assert "not disbursed" in err
    refused(booked, capsys, "check-in", "1", "--kind", "walk", "--note", "x")


def test_risk_risks_relate_turnover(booked: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        ok(booked, capsys, "risk", "张伟", "--add", "经营下滑", "--note", "客流少了").strip() == "1"
    )
    shown = json.loads(ok(booked, capsys, "risks", "--json"))
    assert [s["kind"] for s in shown] == ["business-down"]
    ok(booked, capsys, "risk", "张伟", "--close", "1", "--note", "恢复了")
    ok(booked, capsys, "relate", "张伟", "李娜", "--as", "guarantor")
    ok(booked, capsys, "turnover", "张伟", "--month", "2026-10", "--amount", "125000")
    data = json.loads(ok(booked, capsys, "turnover", "张伟", "--json"))
    assert data["months"] == [{"month": "2026-10", "amount": "125000.00"}]


def test_risk_bad_input_refused(booked: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "经营下滑" in refused(booked, capsys, "risk", "张伟", "--add", "打牌")
    refused(booked, capsys, "risk", "张伟", "--close", "9", "--note", "x")
    refused(booked, capsys, "relate", "张伟", "张伟", "--as", "spouse")
    refused(booked, capsys, "relate", "张伟", "李娜", "--as", "boss")
    refused(booked, capsys, "turnover", "张伟", "--month", "2099-01", "--amount", "1")
    refused(booked, capsys, "turnover", "张伟", "--month", "2026-01", "--amount", "-5")


def test_turnover_import(booked: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = booked / "流水.csv"
    sheet.write_text("月份,金额\n2026-09,100000\n2026-10,110000\n", encoding="utf-8")
    ok(booked, capsys, "turnover", "张伟", "--import", str(sheet))
    data = json.loads(ok(booked, capsys, "turnover", "张伟", "--json"))
    assert [m["month"] for m in data["months"]] == ["2026-09", "2026-10"]
    sheet.write_text("月份,金额\n2026-09,100000\nsoon,1\n", encoding="utf-8")
    assert "Row 3" in refused(booked, capsys, "turnover", "李娜", "--import", str(sheet))
    refused(booked, capsys, "turnover", "李娜", "--import", str(booked / "none.xlsx"))


def test_log_outcome_no_answer(booked: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new_id = ok(booked, capsys, "log", "张伟", "--channel", "phone", "--outcome", "no-answer")
    code, out, _ = run(
        booked,
        capsys,
        "--lang",
        "zh_CN",
        "log",
        "李娜",
        "--channel",
        "phone",
        "--outcome",
        "no-answer",
        "--json",
    )
    assert code == 0
    zh_id = json.loads(out)["id"]
    book = Book.open(booked / "prism.db")
    try:
        conn = book.reader()
        rows = conn.execute(
            "SELECT i.id, i.summary, o.outcome FROM interaction i "
            "JOIN contact_outcome o ON o.interaction_id = i.id ORDER BY i.id"
        ).fetchall()
    finally:
        book.close()
    assert rows == [(int(new_id), "No answer", "no_answer"), (zh_id, "未接通", "no_answer")]


def test_log_outcome_refusals(booked: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for args in (
        ("log", "张伟", "--channel", "phone"),  # answered needs a summary
        ("log", "张伟", "--channel", "phone", "--outcome", "no-answer", "--next", "再打"),
    ):
        before = _counts(booked)
        code, out, err = run(booked, capsys, *args)
        assert code == 2 and out == "" and err.count("\n") == 1, err
        assert _counts(booked) == before
