"""Greetings: templates per occasion/language/tone, the form of address, the personal touch,
templates kept in the book, and "Sent" logging a contact and closing the reminder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from crm.domain.clock import FixedClock
from crm.services import greetings
from crm.services.greeting_texts import LANGS, TONES, default_template, template_occasions
from crm.services.greetings import GreetingService
from crm.services.reminders.engine import State, compute
from crm.services.reminders.sources import birthdays, festivals
from crm.store.book import Book


@pytest.mark.parametrize("occasion", template_occasions())
def test_every_default_template_fills_cleanly(occasion: str) -> None:
    who = greetings.Recipient(1, "张建国", None, "male", "person", ())
    for lang in LANGS:
        for tone in TONES:
            template = default_template(occasion, lang, tone)
            with_touch = greetings.compose(template, who, occasion, lang, "女儿考上了大学")
            without = greetings.compose(template, who, occasion, lang, None)
            for text in (with_touch, without):
                assert "{" not in text and "  " not in text, text
            assert ("张先生" if lang == "zh" else "张建国") in without


def test_form_of_address_and_fallbacks() -> None:
    def who(name: str, form: str | None, gender: str | None, kind: str = "person"):
        return greetings.Recipient(1, name, form, gender, kind, ())

    assert who("张建国", "张总", "male").address("zh") == "张总"
    assert who("李秀英", None, "female").address("zh") == "李女士"
    assert who("欧阳华", None, "male").address("zh") == "欧阳先生"
    assert who("王芳", None, None).address("zh") == "王芳"
    assert who("兴隆超市有限公司", None, None, "company").address("zh") == "兴隆超市有限公司"
    assert who("李秀英", None, "female").address("en") == "李秀英"


def test_the_personal_touch_comes_from_life_notes(
    book: Book, add_client: Callable[..., int], add_note: Callable[..., int]
) -> None:
    cid = add_client("李秀英", gender="female", form_of_address="李姐")
    add_note(cid, "儿子今年高考。")
    talk = add_note(cid, "店里准备开第二家分店")
    who = GreetingService(book).recipient(cid, prefer_note=talk)
    assert next(n.text for n in who.notes) == "店里准备开第二家分店"
    text = greetings.compose(
        default_template("birthday", "zh", "warm"), who, "birthday", "zh", who.notes[0].text
    )
    assert text.startswith("李姐，生日快乐！")
    assert "还记得您说过店里准备开第二家分店，盼一切顺利。" in text
    dropped = greetings.compose(
        default_template("birthday", "zh", "warm"), who, "birthday", "zh", None
    )
    assert "还记得" not in dropped


def test_edited_templates_live_in_the_book(book: Book) -> None:
    service = GreetingService(book)
    service.save_templates(
        {
            "birthday": {
                "zh": {
                    "warm": "{address}，生日快乐！{touch}{oops}",
                    "brief": default_template("birthday", "zh", "brief"),
                },
            }
        },
    )
    assert service.template("birthday", "zh", "warm") == "{address}，生日快乐！{touch}{oops}"
    assert service.overrides() == {
        "birthday": {"zh": {"warm": "{address}，生日快乐！{touch}{oops}"}}
    }
    who = greetings.Recipient(1, "王芳", "芳姐", None, "person", ())
    # Unknown placeholders stay as typed rather than failing.
    assert (
        greetings.compose(service.template("birthday", "zh", "warm"), who, "birthday", "zh", None)
        == "芳姐，生日快乐！{oops}"
    )
    assert service.template("birthday", "en", "warm") == default_template("birthday", "en", "warm")


def test_sent_logs_a_wechat_contact_and_closes_the_birthday(
    book: Book, add_client: Callable[..., int], clock: FixedClock
) -> None:
    pytest.importorskip("crm.services.interactions")
    cid = add_client("李秀英", "solar", 11, 29)
    (r,) = compute(book.reader(), clock.today(), sources=[birthdays])
    GreetingService(book, clock).record_sent(r.occurrence, cid, "李姐，生日快乐！")
    conn = book.reader()
    assert conn.execute(
        "SELECT channel, summary FROM interaction WHERE client_id = ?", (cid,)
    ).fetchall() == [("wechat", "李姐，生日快乐！")]
    last = conn.execute("SELECT last_contact_at FROM client WHERE id = ?", (cid,)).fetchone()[0]
    assert dt.datetime.fromisoformat(last) == clock.now()
    # The contact log's side effects came with its insert: the search document too.
    doc = conn.execute("SELECT count(*) FROM client_memory_fts WHERE rowid = ?", (cid,))
    assert doc.fetchone()[0] == 1
    (r,) = compute(conn, clock.today(), sources=[birthdays])
    assert r.state is State.DONE


def test_festival_greetings_tick_off_clients_and_respect_opt_out(
    book: Book, add_client: Callable[..., int], clock: FixedClock
) -> None:
    pytest.importorskip("crm.services.interactions")
    from crm.services.reminders.state import ReminderStates

    a = add_client("甲一", search_text="甲一")
    b = add_client("乙二", search_text="乙二")
    clock.set(dt.datetime(2027, 2, 4, 10, 0))
    occ = compute(book.reader(), clock.today(), sources=[festivals])[0].occurrence
    service = GreetingService(book, clock)
    service.record_sent(occ, a, "新春快乐")
    assert ReminderStates(book, clock).greeted(occ.key) == {a}
    assert service.greeted(occ.key) == {a}
    (r,) = [
        x for x in compute(book.reader(), clock.today(), sources=[festivals]) if x.key == occ.key
    ]
    assert r.state is State.PENDING  # a festival stays open until the officer is done
    service.set_festival_optout(b, True)
    assert [c.client_id for c in service.candidates()] == [a]
    assert service.festival_optout(b)
