"""`crm reminders --json` and `crm ics`, in-process, parsed back."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from crm import cli
from crm.domain import lunar
from crm.store.book import Book, sql_datetime


@pytest.fixture
def cli_book(tmp_path: Path) -> Path:
    book = Book.open(tmp_path / "prism.db")
    stamp = sql_datetime(dt.datetime(2026, 1, 1))
    with book.write() as conn:
        for name, cal, m, d in (("李娜", "solar", 12, 1), ("曾国藩", "lunar", 10, 21)):
            conn.execute(
                "INSERT INTO client (name, birthday_calendar, birth_month, birth_day, created_at, "
                "updated_at, last_contact_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (name, cal, m, d, stamp, stamp, sql_datetime(dt.datetime(2026, 11, 28))),
            )
    book.close()
    return tmp_path


def test_reminders_json(cli_book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--data-dir", str(cli_book), "reminders", "--on", "2026-11-29", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    by_title = {i["title"]: i for i in items}
    li = by_title["李娜's birthday"]
    assert li["date"] == "2026-12-01" and li["occasion"] == "birthday" and li["client_id"] == 1
    assert li["group"] == "upcoming"
    # 曾国藩: lunar 十月廿一 of 2026 is 2026-11-29 (today).
    zeng = by_title["曾国藩's birthday"]
    assert zeng["date"] == lunar.lunar_to_solar(2026, 10, 21).isoformat() == "2026-11-29"
    assert zeng["group"] == "today"
    assert all({"date", "occasion", "title", "client_id"} <= set(i) for i in items)


def test_reminders_json_festival_once_in_chinese(
    cli_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--data-dir", str(cli_book), "--lang", "zh_CN", "reminders", "--on", "2027-02-03"]
    assert cli.main([*args, "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    festivals = [i for i in items if i["client_id"] is None]
    assert [(i["occasion"], i["title"]) for i in festivals] == [
        ("new_years_eve", "除夕"),
        ("spring_festival", "春节"),
    ]
    assert cli.main(args) == 0
    assert "除夕" in capsys.readouterr().out


def test_ics_parses_back_with_stable_uids(
    cli_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from icalendar import Calendar

    out = cli_book / "prism.ics"
    args = ["--data-dir", str(cli_book), "ics", "--out", str(out), "--days", "60"]
    assert cli.main(args) == 0
    assert "Wrote" in capsys.readouterr().out
    cal = Calendar.from_ical(out.read_bytes())
    events = list(cal.walk("VEVENT"))
    assert events
    for e in events:
        start, end = e.decoded("dtstart"), e.decoded("dtend")
        assert type(start) is dt.date and end - start == dt.timedelta(days=1)
        assert str(e["uid"]).endswith("@prism.local")
    uids = [str(e["uid"]) for e in events]
    assert len(uids) == len(set(uids))
    assert cal["version"] == "2.0" and "PRODID" in cal
    assert cli.main(args) == 0
    again = [str(e["uid"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
    assert again == uids
    assert not list(cli_book.glob(".prism.ics.*"))  # no temp file left behind


def test_bad_date_is_a_usage_error(cli_book: Path) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--data-dir", str(cli_book), "reminders", "--on", "tomorrow"])
