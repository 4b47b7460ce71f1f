"""Notes, contacts, promises, cadence, brief, timeline and resources through their services."""

from __future__ import annotations

import datetime as dt

import pytest

from crm.domain.errors import ValidationErrors
from crm.domain.relationship_enums import Channel, NoteCategory, TimelineKind
from crm.domain.workdays import add_working_days, default_promise_due
from crm.services.brief import BriefService, brief_text
from crm.services.cadence import DEFAULT_CADENCE, CadenceService, due_for_contact
from crm.services.interactions import InteractionDraft
from crm.services.notes import NoteDraft
from crm.services.resources import ResourceDraft, ResourceService
from crm.services.timeline import TimelineService
from tests.helpers import draft


def timeline(book, client_id: int, kinds=None):
    return TimelineService(book).for_client(client_id, kinds)


def _last_contact(book, cid: int) -> str | None:
    return (
        book.reader()
        .execute("SELECT last_contact_at FROM client WHERE id = ?", (cid,))
        .fetchone()[0]
    )


def test_working_days_skip_weekends() -> None:
    friday = dt.date(2026, 11, 27)
    assert add_working_days(friday, 1) == dt.date(2026, 11, 30)  # Monday
    assert default_promise_due(friday) == dt.date(2026, 12, 1)  # Tuesday
    assert default_promise_due(dt.date(2026, 11, 29)) == dt.date(2026, 12, 1)  # from Sunday
    assert default_promise_due(dt.date(2026, 11, 30)) == dt.date(2026, 12, 2)


def test_talking_point_lifecycle(clients, notes, interactions, clock) -> None:
    cid = clients.add(draft("张伟"))
    nid = notes.add(
        cid,
        NoteDraft(
            "女儿明年六月高考", NoteCategory.FAMILY, dt.date(2027, 6, 18), ask_next_time=True
        ),
    )
    notes.add(cid, NoteDraft("爱钓鱼"))
    assert [n.id for n in notes.talking_points(cid)] == [nid]
    assert notes.for_client(cid)[0].id == nid  # talking points first
    new_id = notes.mark_asked(nid, "考了620分", log_channel=Channel.PHONE)
    assert notes.talking_points(cid) == []
    asked = notes.get(nid)
    assert asked.answer == "考了620分" and asked.asked_at == clock.now()
    assert interactions.get(new_id).summary == "考了620分"
    # As a new note instead, flagged to ask again
    nid2 = notes.add(cid, NoteDraft("门店在装修", ask_next_time=True))
    note_id = notes.mark_asked(nid2, "下月开业", follow_up=True)
    assert [n.text for n in notes.talking_points(cid)] == ["下月开业"]
    assert notes.get(note_id).category is NoteCategory.OTHER


def test_note_validation_and_unknown_client(clients, notes) -> None:
    from crm.services.memory_base import RecordNotFound

    cid = clients.add(draft("张伟"))
    with pytest.raises(ValidationErrors):
        notes.add(cid, NoteDraft("   "))
    with pytest.raises(RecordNotFound):
        notes.add(999, NoteDraft("x"))


def test_last_contact_follows_log_delete_and_restore(
    book,
    clients,
    interactions,
    clock,
) -> None:
    cid = clients.add(draft("张伟"))
    assert _last_contact(book, cid) is None
    old = interactions.log(
        cid, InteractionDraft(Channel.VISIT, "上门", occurred_at=dt.datetime(2026, 11, 1, 10))
    )
    new = interactions.log(cid, InteractionDraft(Channel.PHONE, "电话"))
    assert _last_contact(book, cid).startswith("2026-11-29 09:30")
    interactions.delete(new)
    assert _last_contact(book, cid).startswith("2026-11-01 10:00")
    interactions.restore(new)
    assert _last_contact(book, cid).startswith("2026-11-29 09:30")
    interactions.delete(new)
    interactions.delete(old)
    assert _last_contact(book, cid) is None
    with pytest.raises(ValidationErrors):  # contacts happened; none in the future
        interactions.log(
            cid,
            InteractionDraft(Channel.PHONE, "x", occurred_at=clock.now() + dt.timedelta(days=2)),
        )


def test_promise_overdue_and_kept(book, clients, promises, interactions, clock) -> None:
    a = clients.add(draft("张伟"))
    b = clients.add(draft("李娜"))
    p1 = promises.make(a, "确认展期政策")
    assert promises.get(p1).due_date == dt.date(2026, 12, 1)  # Sunday + 2 working days
    p2 = promises.make(b, "发利率表", due=dt.date(2026, 11, 30))
    assert [p.id for p in promises.open_promises()] == [p2, p1]
    assert promises.open_promises(overdue_only=True) == []
    clock.advance(days=3)  # Wednesday 2 December
    late = promises.open_promises(overdue_only=True)
    assert [(p.id, p.days_late(clock.today())) for p in late] == [(p2, 2), (p1, 1)]
    iid = promises.keep(p1, InteractionDraft(Channel.WECHAT, "已回复"))
    assert [p.id for p in promises.open_promises()] == [p2]
    assert interactions.get(iid).client_id == a
    assert _last_contact(book, a) is not None
    kept = [e for e in timeline(book, a) if e.kind is TimelineKind.PROMISE_KEPT]
    assert kept and kept[0].text == "确认展期政策"


def test_due_for_contact_order_cadence_and_reset(
    book,
    clients,
    interactions,
    clock,
) -> None:
    from crm.domain.enums import ClientStatus

    borrower = clients.add(draft("张伟", status=ClientStatus.BORROWER))  # 30 days
    applying = clients.add(draft("李娜", status=ClientStatus.APPLYING))  # 7 days
    own = clients.add(draft("王芳", cadence_days=3))
    conn = book.reader()
    assert due_for_contact(conn, clock.today()) == []
    later = clock.today() + dt.timedelta(days=8)
    due = due_for_contact(conn, later)
    assert [(d.client_id, d.days_overdue, d.cadence_days) for d in due] == [
        (own, 5, 3),
        (applying, 1, 7),
    ]
    assert due[0].due_date == clock.today() + dt.timedelta(days=3)
    clock.advance(days=8)
    interactions.log(own, InteractionDraft(Channel.PHONE, "问候"))  # resets the clock
    assert [d.client_id for d in due_for_contact(conn, clock.today())] == [applying]
    CadenceService(book, clock).save_defaults({**DEFAULT_CADENCE, "applying": 20})
    assert due_for_contact(conn, clock.today()) == []
    far = due_for_contact(conn, clock.today() + dt.timedelta(days=40))
    assert [d.client_id for d in far] == [own, applying, borrower]
    assert len(due_for_contact(conn, clock.today() + dt.timedelta(days=40), limit=1)) == 1
    clients.archive([borrower])
    assert borrower not in [
        d.client_id for d in due_for_contact(conn, clock.today() + dt.timedelta(days=40))
    ]


def test_cadence_defaults_are_a_book_setting(book, clock) -> None:
    """Kept through the book's settings module (one key, JSON), read back with the defaults
    filling what is missing, refused or unreadable."""
    from crm.services.cadence import SETTING_KEY
    from crm.store.queries import settings

    service = CadenceService(book, clock)
    assert service.defaults() == DEFAULT_CADENCE
    service.save_defaults({**DEFAULT_CADENCE, "borrower": 45, "declined": 99_999})
    assert settings.read_json(book.reader(), SETTING_KEY) == {
        **DEFAULT_CADENCE,
        "borrower": 45,
        "declined": 3650,  # clamped
    }
    with book.write() as conn:  # hand-edited: one bad value, one unknown status
        settings.write_json(conn, SETTING_KEY, {"borrower": "often", "prospect": 5, "x": 1})
    assert service.defaults() == {**DEFAULT_CADENCE, "prospect": 5}
    with book.write() as conn:
        conn.execute("UPDATE book_setting SET value = '{oops' WHERE key = ?", (SETTING_KEY,))
    assert service.defaults() == DEFAULT_CADENCE


def test_brief_and_its_text(book, clients, notes, interactions, promises, clock) -> None:
    from crm.domain.client_form import Birthday
    from crm.domain.enums import Calendar

    cid = clients.add(
        draft(
            "张伟",
            form_of_address="张总",
            tags=["老客户"],
            birthday=Birthday(Calendar.SOLAR, 12, 5, 1980),
        )
    )
    notes.add(cid, NoteDraft("女儿高考", event_date=dt.date(2026, 12, 20), ask_next_time=True))
    for day in range(1, 5):
        interactions.log(
            cid,
            InteractionDraft(
                Channel.PHONE, f"第{day}次", occurred_at=dt.datetime(2026, 11, day, 9)
            ),
        )
    promises.make(cid, "发材料清单", due=dt.date(2026, 11, 27))
    b = BriefService(book, clock).build(cid, clock.today())
    assert b.address_as == "张总"
    assert [i.summary for i in b.recent] == ["第4次", "第3次", "第2次"]
    assert [u.date for u in b.upcoming] == [dt.date(2026, 12, 5), dt.date(2026, 12, 20)]
    text = brief_text(b, clock.today(), lambda _c, s: s)
    assert text.startswith("Address as: 张总 (张伟)")
    assert "- 女儿高考 (2026-12-20)" in text
    assert "发材料清单 (2 days late)" in text
    assert "Last contact: 25 days ago" in text
    assert "2026-12-05 Birthday" in text


def test_archived_client_keeps_everything(book, clients, notes, promises) -> None:
    cid = clients.add(draft("张伟"))
    notes.add(cid, NoteDraft("爱钓鱼"))
    promises.make(cid, "回电话")
    clients.archive([cid])
    assert promises.open_promises() == []  # hidden from the lists
    assert [n.text for n in notes.for_client(cid)] == ["爱钓鱼"]  # but kept
    clients.restore([cid])
    assert len(promises.open_promises()) == 1


def test_resources_and_shares(book, clients, clock) -> None:
    service = ResourceService(book, clock)
    cid = clients.add(draft("张伟"))
    rid = service.add(ResourceDraft("老周装修队", "装修", "139", "靠谱"))
    with pytest.raises(ValidationErrors):
        service.add(ResourceDraft(" "))
    sid = service.share(rid, cid, note="门店翻新")
    assert [s.client_name for s in service.shares_of(rid)] == ["张伟"]
    assert [s.resource_name for s in service.shares_for_client(cid)] == ["老周装修队"]
    assert service.all()[0].times_shared == 1
    entry = timeline(book, cid, [TimelineKind.SHARE])[0]
    assert (entry.text, entry.ref_id) == ("老周装修队", sid)
    service.set_archived(rid, True)
    assert service.all() == [] and len(service.all(include_archived=True)) == 1


def test_timeline_newest_first_and_filtered(book, clients, notes, interactions) -> None:
    cid = clients.add(draft("张伟"))
    interactions.log(
        cid, InteractionDraft(Channel.VISIT, "上门", occurred_at=dt.datetime(2026, 10, 1, 9))
    )
    notes.add(cid, NoteDraft("爱钓鱼"))
    kinds = [e.kind for e in timeline(book, cid)]
    assert kinds == [TimelineKind.NOTE, TimelineKind.INTERACTION]
    only = timeline(book, cid, [TimelineKind.INTERACTION])
    assert [e.text for e in only] == ["上门"]
