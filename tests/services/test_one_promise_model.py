"""One promise model: a dated next step is a promise, Done keeps it, logging a contact closes
the keep-in-touch reminder, answering a talking point closes its follow-up, and Today, My
promises, Due, the brief, ``crm promises`` and the ICS agree after every step."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from crm import cli
from crm.domain.clock import FixedClock
from crm.domain.errors import ValidationErrors
from crm.domain.relationship_enums import Channel
from crm.services.facade import Services
from crm.services.interactions import InteractionDraft
from crm.services.notes import NoteDraft
from crm.services.reminders.engine import Bucket, State
from crm.store.book import Book, sql_datetime

# The CLI reads the system clock: the services here read the same day.
NOW = dt.datetime.now().replace(microsecond=0)
TODAY = NOW.date()


@pytest.fixture
def world(tmp_path: Path):
    book = Book.open(tmp_path / "prism.db")
    services = Services(book, FixedClock(NOW))
    yield tmp_path, book, services
    book.close()


def _client(book: Book, services: Services, name: str, last_contact_days: int | None) -> int:
    from crm.domain.client_form import ClientDraft

    cid = services.clients.add(ClientDraft(name=name))
    old = sql_datetime(NOW - dt.timedelta(days=400))
    last = (
        sql_datetime(NOW - dt.timedelta(days=last_contact_days))
        if last_contact_days is not None
        else None
    )
    with book.write() as conn:  # history the test brings: a client known for a while
        conn.execute(
            "UPDATE client SET created_at = ?, last_contact_at = ? WHERE id = ?", (old, last, cid)
        )
    return cid


def _cli(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert cli.main(["--data-dir", str(folder), "--lang", "en", *args]) == 0
    return capsys.readouterr().out


def _views(folder: Path, services: Services, client_id: int, capsys) -> dict[str, object]:
    """What each place says: open promise ids, and whether the client is due for contact."""
    reminders = services.reminders.compute(TODAY)
    open_today = {
        r.occurrence.ref_id
        for r in reminders
        if r.occurrence.occasion == "promise" and not r.closed
    }
    ics_path = folder / "out.ics"
    services.reminders.export_ics(ics_path, lambda m: m.text)
    ics = ics_path.read_text(encoding="utf-8")
    brief = services.brief.build(client_id, TODAY)
    cli_promises = json.loads(_cli(folder, capsys, "promises", "--json"))
    cli_due = json.loads(_cli(folder, capsys, "due", "--json"))
    due_today = [
        r
        for r in reminders
        if r.occurrence.occasion == "contact_due"
        and r.occurrence.client_id == client_id
        and r.bucket(TODAY) in (Bucket.OVERDUE, Bucket.TODAY)
    ]
    return {
        "today": open_today,
        "my_promises": {p.id for p in services.promises.open_promises()},
        "brief": {p.id for p in brief.promises},
        "cli": {p["id"] for p in cli_promises},
        "ics": {
            int(line.split("-")[1]) for line in ics.splitlines() if line.startswith("UID:promise-")
        },
        "due_page": client_id in {d.client_id for d in services.cadence.due_for_contact(TODAY)},
        "due_cli": client_id in {d["id"] for d in cli_due},
        "today_due": bool(due_today),
    }


def _agree(views: dict[str, object], promises: set[int], due: bool) -> None:
    for name in ("today", "my_promises", "brief", "cli", "ics"):
        assert views[name] == promises, name
    for name in ("due_page", "due_cli", "today_due"):
        assert views[name] is due, name


def test_every_view_agrees_at_every_step(world, capsys) -> None:
    folder, book, services = world
    cid = _client(book, services, "王芳", last_contact_days=60)  # a prospect: every 14 days
    _agree(_views(folder, services, cid, capsys), set(), due=True)

    # 1. A call with a dated next step: the next step is a promise, and the client was
    # contacted, so the keep-in-touch reminder closes.
    step_due = TODAY + dt.timedelta(days=3)
    services.interactions.log(
        cid,
        InteractionDraft(Channel.PHONE, "聊了续贷", next_step="发材料清单", next_step_due=step_due),
    )
    [promise] = services.promises.open_promises()
    assert (promise.text, promise.due_date, promise.client_id) == ("发材料清单", step_due, cid)
    _agree(_views(folder, services, cid, capsys), {promise.id}, due=False)

    # 2. Done on the promise's reminder in Today keeps the promise (as `crm keep` does).
    [occ] = [
        r.occurrence for r in services.reminders.compute(TODAY) if r.occurrence.ref_id == promise.id
    ]
    services.reminders.done(occ)
    assert services.promises.get(promise.id).kept_at is not None
    _agree(_views(folder, services, cid, capsys), set(), due=False)

    # 3. A second promise, kept from the CLI: the same write as Today's Done.
    second = services.promises.make(cid, "问展期政策", TODAY)
    _agree(_views(folder, services, cid, capsys), {second}, due=False)
    _cli(folder, capsys, "keep", str(second), "--channel", "wechat")
    _agree(_views(folder, services, cid, capsys), set(), due=False)


def test_keeping_from_today_logs_the_contact_given(world) -> None:
    _folder, book, services = world
    cid = _client(book, services, "李娜", last_contact_days=2)
    pid = services.promises.make(cid, "确认利率", TODAY)
    [occ] = [r.occurrence for r in services.reminders.compute(TODAY) if r.occurrence.ref_id == pid]
    contact = services.reminders.done(occ, InteractionDraft(Channel.WECHAT, "利率已告知"))
    assert contact is not None
    assert services.interactions.get(contact).summary == "利率已告知"
    assert services.promises.get(pid).kept_at is not None


def test_a_promise_reminder_marked_done_before_still_shows_while_open(world) -> None:
    """Books from before Done kept the promise hold "done" states for open promises."""
    _folder, book, services = world
    cid = _client(book, services, "张伟", last_contact_days=2)
    pid = services.promises.make(cid, "回电", TODAY)
    [occ] = [r.occurrence for r in services.reminders.compute(TODAY) if r.occurrence.ref_id == pid]
    services.reminders.states.done(occ)  # the old Done: a remembered state only
    [r] = [r for r in services.reminders.compute(TODAY) if r.occurrence.ref_id == pid]
    assert r.state is State.PENDING and not r.closed
    with pytest.raises(ValueError):
        services.reminders.dismiss(occ)


def test_a_next_step_date_needs_its_words(world) -> None:
    _folder, book, services = world
    cid = _client(book, services, "赵敏", last_contact_days=2)
    with pytest.raises(ValidationErrors):
        services.interactions.log(cid, InteractionDraft(Channel.PHONE, "聊了", next_step_due=TODAY))
    # Without a date, a next step stays a line of the contact log.
    services.interactions.log(cid, InteractionDraft(Channel.PHONE, "聊了", next_step="再联系"))
    assert services.promises.open_promises() == []


def test_cli_log_with_next_due_makes_a_promise(world, capsys) -> None:
    folder, book, services = world
    _client(book, services, "孙丽", last_contact_days=2)
    due = (TODAY + dt.timedelta(days=5)).isoformat()
    _cli(folder, capsys, "log", "孙丽", "--channel", "phone", "--summary", "问了")
    _cli(
        folder,
        capsys,
        "log",
        "孙丽",
        "--channel",
        "visit",
        "--summary",
        "看了店",
        "--next",
        "送合同",
        "--next-due",
        due,
    )
    [p] = json.loads(_cli(folder, capsys, "promises", "--json"))
    assert (p["text"], p["due_date"], p["client"]) == ("送合同", due, "孙丽")


def test_logging_a_contact_closes_keep_in_touch(world) -> None:
    _folder, book, services = world
    cid = _client(book, services, "周杰", last_contact_days=40)

    def keep_in_touch() -> list:
        return [
            r
            for r in services.reminders.compute(TODAY)
            if r.occurrence.occasion == "contact_due"
            and r.occurrence.client_id == cid
            and r.bucket(TODAY) is not Bucket.UPCOMING
            and not r.closed
        ]

    assert keep_in_touch()
    services.interactions.log(cid, InteractionDraft(Channel.PHONE, "问候"))
    assert keep_in_touch() == []


def test_done_on_keep_in_touch_with_a_contact_logs_it(world) -> None:
    _folder, book, services = world
    cid = _client(book, services, "吴敏", last_contact_days=40)
    [occ] = [
        r.occurrence
        for r in services.reminders.compute(TODAY)
        if r.occurrence.occasion == "contact_due" and r.occurrence.client_id == cid
    ]
    services.reminders.done(occ, InteractionDraft(Channel.PHONE, "问候了"))
    assert cid not in {d.client_id for d in services.cadence.due_for_contact(TODAY)}


def test_answering_a_talking_point_closes_its_follow_up(world, capsys) -> None:
    folder, book, services = world
    cid = _client(book, services, "郑爽", last_contact_days=2)
    yesterday = TODAY - dt.timedelta(days=1)
    note = services.notes.add(cid, NoteDraft("女儿婚礼", event_date=yesterday, ask_next_time=True))

    def follow_ups() -> list:
        return [
            r
            for r in services.reminders.compute(TODAY)
            if r.key.startswith(f"life_note_after:{note}:") and not r.closed
        ]

    assert follow_ups()
    _cli(folder, capsys, "asked", str(note), "--answer", "办得很热闹", "--channel", "phone")
    assert follow_ups() == []
    ics_path = folder / "out.ics"
    services.reminders.export_ics(ics_path, lambda m: m.text)
    assert f"life_note_after-{note}-" not in ics_path.read_text(encoding="utf-8")


def test_deleting_a_contact_takes_its_promise_along_and_undo_brings_it_back(world) -> None:
    _folder, book, services = world
    cid = _client(book, services, "钱进", last_contact_days=2)
    due = TODAY + dt.timedelta(days=2)
    contact = services.interactions.log(
        cid, InteractionDraft(Channel.PHONE, "聊了", next_step="回电", next_step_due=due)
    )
    other = services.promises.make(cid, "别的承诺", due)
    services.interactions.delete(contact)
    assert [p.id for p in services.promises.open_promises()] == [other]
    services.interactions.restore(contact)
    assert {p.text for p in services.promises.open_promises()} == {"回电", "别的承诺"}


def test_due_is_ranked_and_counts_as_today(world) -> None:
    from crm.domain.enums import ClientStatus

    _folder, book, services = world
    # Cadences: prospect 14 days, borrower 30, applying 7.
    prospect = _client(book, services, "前景", last_contact_days=60)  # 46 days late / 14
    borrower = _client(book, services, "借款", last_contact_days=40)  # 10 days late / 30
    applying = _client(book, services, "申请", last_contact_days=10)  # 3 days late / 7
    late_borrower = _client(book, services, "老借", last_contact_days=90)  # 60 late / 30
    never = _client(book, services, "从未", last_contact_days=None)
    with book.write() as conn:
        for cid, status in (
            (borrower, ClientStatus.BORROWER),
            (late_borrower, ClientStatus.BORROWER),
            (applying, ClientStatus.APPLYING),
        ):
            conn.execute("UPDATE client SET status = ? WHERE id = ?", (status.value, cid))
    ranked = services.cadence.ranked_due(TODAY)
    # Borrowers and applicants first, by lateness for their cadence: 60/30, 3/7, 10/30.
    assert [d.client_id for d in ranked.contacted] == [late_borrower, applying, borrower, prospect]
    assert ranked.contacted[0].status is ClientStatus.BORROWER
    assert [d.client_id for d in ranked.never] == [never]
    assert ranked.total == services.cadence.count_due(TODAY) == 5
    assert services.reminders.contact_due_count(TODAY) == 5
    today = services.reminders.today()
    assert today.contact_due.overdue + today.contact_due.today == 5
    limited = services.cadence.ranked_due(TODAY, limit=2)
    assert len(limited.contacted) == 2 and limited.contacted_total == 4
    _client(book, services, "今天到", last_contact_days=14)  # a prospect due today
    assert services.cadence.count_due_split(TODAY) == (5, 1)
    assert services.reminders.today().contact_due.today == 1
