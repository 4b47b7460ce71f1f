"""`crm` says what it did and what it found (issue 11), and does what only the GUI could:
称呼 and cadence, resources, greetings, thank-yous, reminders done/snoozed, a client's history."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from crm.cli import main
from crm.services.facade import Services


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(tmp_path), "--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def ok(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code, out, err = run(tmp_path, capsys, *args)
    assert code == 0, err
    return out


def test_empty_results_say_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ok(tmp_path, capsys, "add", "--name", "张伟")
    assert ok(tmp_path, capsys, "list", "--search", "nobody") == "No clients match.\n"
    assert ok(tmp_path, capsys, "due") == "Nobody is due for contact.\n"
    assert ok(tmp_path, capsys, "promises") == "No open promises.\n"
    assert ok(tmp_path, capsys, "promises", "--overdue") == "No late promises.\n"
    assert ok(tmp_path, capsys, "notes", "张伟") == "No notes about 张伟 yet.\n"
    assert ok(tmp_path, capsys, "history", "张伟") == "Nothing recorded about 张伟 yet.\n"
    assert "No thank-yous waiting" in ok(tmp_path, capsys, "referrals", "--thanks")
    assert "No resources yet" in ok(tmp_path, capsys, "resources")
    assert json.loads(ok(tmp_path, capsys, "due", "--json")) == []  # JSON stays JSON


def test_writes_say_what_they_did(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ok(tmp_path, capsys, "add", "--name", "张伟")
    ok(tmp_path, capsys, "add", "--name", "李娜")
    out = ok(tmp_path, capsys, "archive", "1", "李娜")
    assert out.startswith("Archived 张伟 (id 1), 李娜 (id 2).")
    assert ok(tmp_path, capsys, "archive", "1") == "Already archived: 张伟 (id 1).\n"
    assert json.loads(ok(tmp_path, capsys, "restore", "1", "--json"))["names"] == ["张伟"]
    promise = ok(tmp_path, capsys, "promise", "张伟", "--text", "确认展期政策").split()[0]
    out = ok(tmp_path, capsys, "keep", promise)
    assert out.startswith(f"Kept promise {promise} to 张伟 (确认展期政策); logged as contact")


def test_limits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ok(tmp_path, capsys, "add", "--name", "张伟")
    for n in range(5):
        ok(tmp_path, capsys, "note", "张伟", "--text", f"note {n}")
        ok(tmp_path, capsys, "promise", "张伟", "--text", f"promise {n}")
    out = ok(tmp_path, capsys, "notes", "张伟", "--limit", "2")
    assert out.count("note ") == 2 and "… and 3 more" in out
    assert len(json.loads(ok(tmp_path, capsys, "promises", "--limit", "3", "--json"))) == 3
    assert ok(tmp_path, capsys, "history", "1", "--limit", "4").count("\n") == 5
    assert len(json.loads(ok(tmp_path, capsys, "history", "1", "--json"))) == 10


def test_reminders_show_each_section_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    today = dt.date.today()
    ok(tmp_path, capsys, "add", "--name", "张伟", "--birthday", f"{today + dt.timedelta(4):%m-%d}")
    note_day = today.isoformat()  # Today holds what is dated today (birthdays come later)
    ok(tmp_path, capsys, "note", "张伟", "--text", "女儿婚礼", "--date", note_day)
    ok(tmp_path, capsys, "add", "--name", "李娜", "--birthday", f"{today + dt.timedelta(5):%m-%d}")
    services = Services.open(tmp_path)
    settings = services.reminders.settings()
    leads = {**settings.lead_days, "birthday": 6}  # shown now, under the day they fall on
    services.reminders.save_settings(dataclasses.replace(settings, lead_days=leads))
    services.close()
    out = ok(tmp_path, capsys, "reminders")
    headers = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert headers == ["Today", "Next 7 days"], out
    out = ok(tmp_path, capsys, "reminders", "--limit", "1", "--keys")
    assert out.count("  20") == 1 and "… and 3 more" in out and "[life_note:1:" in out


def test_address_as_and_cadence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ok(tmp_path, capsys, "add", "--name", "王建国")
    ok(tmp_path, capsys, "edit", "王建国", "--address-as", "王总", "--cadence", "20")
    shown = json.loads(ok(tmp_path, capsys, "show", "1", "--json"))
    assert shown["address_as"] == "王总" and shown["cadence_days"] == 20
    ok(tmp_path, capsys, "edit", "1", "--cadence", "default")
    shown = json.loads(ok(tmp_path, capsys, "show", "1", "--json"))
    assert shown["cadence_days"] is None and shown["cadence_effective"] > 0
    code, _, err = run(tmp_path, capsys, "edit", "1", "--cadence", "often")
    assert code == 1 and "--cadence 'often'" in err
    ok(tmp_path, capsys, "no-greetings", "王建国")
    assert json.loads(ok(tmp_path, capsys, "show", "1", "--json"))["festival_optout"] is True
    assert "no (opted out)" in ok(tmp_path, capsys, "show", "1")
    ok(tmp_path, capsys, "greetings-ok", "1")
    assert json.loads(ok(tmp_path, capsys, "show", "1", "--json"))["festival_optout"] is False


def test_resources(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ok(tmp_path, capsys, "add", "--name", "张伟")
    rid = ok(tmp_path, capsys, "resource", "add", "--name", "王律师", "--category", "法律").strip()
    share = ok(tmp_path, capsys, "resource", "share", rid, "张伟", "--note", "合同审查").strip()
    assert "王律师  法律  times shared: 1" in ok(tmp_path, capsys, "resources")
    assert "合同审查" in ok(tmp_path, capsys, "resource", "shares", "--client", "张伟")
    assert "Resource shared" in ok(tmp_path, capsys, "history", "张伟")
    ok(tmp_path, capsys, "resource", "edit", rid, "--contact", "13900001111")
    data = json.loads(ok(tmp_path, capsys, "resources", "--json"))
    assert data[0]["contact"] == "13900001111" and data[0]["name"] == "王律师"
    assert ok(tmp_path, capsys, "resource", "unshare", share) == f"Removed share {share}.\n"
    assert "Archived resource" in ok(tmp_path, capsys, "resource", "archive", rid)
    assert "No resources yet" in ok(tmp_path, capsys, "resources")
    assert "archived" in ok(tmp_path, capsys, "resources", "--all")
    code, _, err = run(tmp_path, capsys, "resource", "edit", "99", "--name", "x")
    assert code == 1 and "There is no resource with id 99." in err


def test_reminder_actions_greeting_and_history(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    ok(tmp_path, capsys, "add", "--name", "王建国", "--gender", "male",
       "--birthday", f"1975-{tomorrow:%m-%d}")  # fmt: skip
    key = f"birthday:1:{tomorrow.isoformat()}"
    assert key in ok(tmp_path, capsys, "reminders", "--keys")
    draft = ok(tmp_path, capsys, "greeting", key)
    assert draft.startswith("王先生") and "生日" in draft
    assert ok(tmp_path, capsys, "reminder", "snooze", key).startswith("Snoozed until ")
    assert "snoozed until" in ok(tmp_path, capsys, "reminders")
    assert ok(tmp_path, capsys, "reminder", "done", key) == "Done: 王建国's birthday.\n"
    assert "王建国" not in ok(tmp_path, capsys, "reminders")
    ok(tmp_path, capsys, "reminder", "reopen", key)
    out = ok(tmp_path, capsys, "greeting", key, "--language", "en", "--tone", "brief", "--sent")
    assert "Happy birthday" in out and "Logged the greeting to 王建国 as sent." in out
    assert "Contact · WeChat  Happy birthday" in ok(tmp_path, capsys, "history", "王建国")
    code, _, err = run(tmp_path, capsys, "reminder", "done", "birthday:9:2026-01-01")
    assert code == 1 and "crm reminders --keys" in err
    code, _, err = run(tmp_path, capsys, "reminder", "snooze", key, "--until", "2001-01-01 09:00")
    assert code == 1 and "give a time to come" in err


def test_thanked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ok(tmp_path, capsys, "add", "--name", "陈会长")
    ok(tmp_path, capsys, "add", "--name", "刘霞", "--referred-by", "陈会长")
    ok(tmp_path, capsys, "edit", "刘霞", "--status", "borrower")
    due = json.loads(ok(tmp_path, capsys, "referrals", "--thanks", "--json"))
    assert len(due) == 1
    out = ok(tmp_path, capsys, "thanked", str(due[0]["id"]), "--channel", "phone")
    assert out.startswith("Thanked 陈会长 for 刘霞; logged as contact")
    assert "No thank-yous waiting" in ok(tmp_path, capsys, "referrals", "--thanks")
    assert "Contact · Phone" in ok(tmp_path, capsys, "history", "陈会长")
    code, _, err = run(tmp_path, capsys, "thanked", str(due[0]["id"]))
    assert code == 1 and "no open thank-you" in err


def test_referral_tree_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ok(tmp_path, capsys, "add", "--name", "陈会长", "--kind", "partner")
    for name in ("刘霞", "何哥", "夏叔"):
        ok(tmp_path, capsys, "add", "--name", name, "--referred-by", "陈会长")
    out = ok(tmp_path, capsys, "referrals", "陈会长", "--limit", "2")
    assert out.count("─ ") == 2 and "… and 1 more" in out
    assert ok(tmp_path, capsys, "referrals", "陈会长").count("─ ") == 3
