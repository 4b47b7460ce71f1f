"""The main search finds clients by words in their notes, contacts and promises."""

from __future__ import annotations

import datetime as dt

import pytest

from crm.domain.grams import index_text, match_query
from crm.domain.relationship_enums import Channel
from crm.services.client_query import ClientFilter, ClientQuery
from crm.services.interactions import InteractionDraft
from crm.services.notes import NoteDraft
from tests.helpers import draft


def test_grams_split_chinese_into_bigrams_and_keep_words() -> None:
    assert index_text(["女儿高考。iPhone15坏了"]) == "女儿 儿高 高考 ǂ iphone15 ǂ 坏了"
    assert match_query("高考") == '"高考"'
    assert match_query("明年六月") == '"明年 年六 六月"'
    assert match_query("iph") == '"iph"*'
    assert match_query("高") is None and match_query(" ") is None
    assert match_query('"高考" OR x*') == '"高考" AND "or"* AND "x"*'  # no FTS syntax gets in


@pytest.fixture
def book_with_notes(book, clients, notes, interactions, promises):
    ids = {
        "张伟": clients.add(draft("张伟")),
        "李娜": clients.add(draft("李娜")),
        "王芳": clients.add(draft("王芳")),
        "高考明": clients.add(draft("高考明")),  # a name containing the word
    }
    notes.add(ids["张伟"], NoteDraft("女儿明年六月高考，想考师范"))
    interactions.log(
        ids["李娜"],
        InteractionDraft(Channel.VISIT, "看了新装修的门店", next_step="发装修贷资料"),
    )
    promises.make(ids["王芳"], "确认展期政策")
    return ids


def _names(book, text: str, **kw: object) -> list[str]:
    rows = ClientQuery(book).search(ClientFilter(text=text, **kw))  # type: ignore[arg-type]
    return [r.name for r in rows]


def test_search_finds_notes_contacts_and_promises(book, book_with_notes) -> None:
    assert _names(book, "高考") == ["高考明", "张伟"]  # name matches rank first
    assert _names(book, "六月高考") == ["张伟"]  # a phrase, exactly
    assert _names(book, "高考六月") == []
    assert _names(book, "装修") == ["李娜"]
    assert _names(book, "装修贷") == ["李娜"]  # the next step too
    assert _names(book, "展期") == ["王芳"]
    assert _names(book, "师范 女儿") == ["张伟"]  # words in any order
    assert _names(book, "考") == ["高考明"]  # one character: names only


def test_deleted_and_archived_are_not_found(book, book_with_notes, clients, notes) -> None:
    zhang = book_with_notes["张伟"]
    note = notes.for_client(zhang)[0]
    notes.delete(note.id)
    assert _names(book, "师范") == []
    notes.restore(note.id)
    assert _names(book, "师范") == ["张伟"]
    clients.archive([zhang])
    assert _names(book, "师范") == []
    assert _names(book, "师范", archived=True) == ["张伟"]


def test_sorted_and_filtered_searches_still_see_notes(book, book_with_notes) -> None:
    query = ClientQuery(book)
    ids = query.ids(ClientFilter(text="高考"), sort="name", descending=True)
    assert set(ids) == {book_with_notes["张伟"], book_with_notes["高考明"]}
    assert query.ids(ClientFilter(text="高考", status="prospect")) == [
        book_with_notes["高考明"],
        book_with_notes["张伟"],
    ]
    assert query.count(ClientFilter(text="高考")) == 2


def test_last_contact_column_sorts(book, clients, interactions) -> None:
    a = clients.add(draft("张伟"))
    b = clients.add(draft("李娜"))
    c = clients.add(draft("王芳"))
    interactions.log(a, InteractionDraft(Channel.PHONE, "x", dt.datetime(2026, 11, 20, 9)))
    interactions.log(b, InteractionDraft(Channel.PHONE, "y", dt.datetime(2026, 10, 20, 9)))
    query = ClientQuery(book)
    assert query.ids(ClientFilter(), sort="last_contact") == [c, b, a]  # never first
    assert query.rows([a])[a].last_contact_at == dt.datetime(2026, 11, 20, 9)


@pytest.mark.perf
def test_bench_relationship_smoke(tmp_path) -> None:
    from tests.perf.bench_relationship import run

    r = run(300, runs=1, folder=tmp_path)
    built, results = r["built"], r["results"]
    assert built["notes"] == 900 and built["contacts"] == 1500  # type: ignore[index]
    assert results["2 hanzi note word"]["hits"] > 0  # type: ignore[index]
