"""The bulk forms (the demo's path) write what the single path writes: the same rows, search
documents and last contacts; and the one interaction insert other services call keeps both."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crm.domain.clock import FixedClock
from crm.domain.errors import ValidationErrors
from crm.domain.grams import index_text
from crm.domain.relationship_enums import Channel, NoteCategory
from crm.domain.workdays import default_promise_due
from crm.services.clients import ClientService
from crm.services.interactions import (
    InteractionDraft,
    InteractionService,
    insert_interaction,
    insert_interactions,
)
from crm.services.memory_base import Touched, refresh_last_contacts, refresh_memory
from crm.services.notes import NoteDraft, NoteService, insert_notes
from crm.services.promises import PromiseDraft, PromiseService, insert_promises
from crm.store.book import Book
from tests.conftest import NOW
from tests.helpers import draft

NOTES = [
    NoteDraft("女儿明年六月高考", NoteCategory.FAMILY, dt.date(2027, 6, 18), ask_next_time=True),
    NoteDraft("爱钓鱼，周末常去水库", NoteCategory.INTERESTS),
]
CONTACTS = [
    InteractionDraft(Channel.VISIT, "上门看了新装修的门店", dt.datetime(2026, 11, 2, 10)),
    InteractionDraft(Channel.PHONE, "电话回访", next_step="发装修贷资料"),
]
PROMISES = ["确认展期政策", "把材料清单发微信"]


def _snapshot(book: Book) -> dict[str, list[tuple]]:
    """What a client's relationship memory leaves in the book, ids left out."""
    conn = book.reader()
    return {
        "notes": conn.execute(
            "SELECT client_id, category, text, event_date, ask_next_time, created_at, updated_at "
            "FROM life_note ORDER BY id"
        ).fetchall(),
        "contacts": conn.execute(
            "SELECT client_id, occurred_at, channel, summary, next_step, next_step_due, "
            "created_at FROM interaction ORDER BY id"
        ).fetchall(),
        "promises": conn.execute(
            "SELECT client_id, text, made_at, due_date, created_at, kept_at FROM promise "
            "ORDER BY id"
        ).fetchall(),
        "last_contact": conn.execute(
            "SELECT id, last_contact_at FROM client ORDER BY id"
        ).fetchall(),
        "documents": conn.execute(
            "SELECT rowid, grams FROM client_memory_fts ORDER BY rowid"
        ).fetchall(),
    }


def _book_with_clients(path: Path, clock: FixedClock) -> tuple[Book, list[int]]:
    book = Book.open(path)
    clients = ClientService(book, clock)
    return book, [clients.add(draft(name)) for name in ("张伟", "李娜", "王芳")]


def test_bulk_forms_write_what_the_single_path_writes(tmp_path: Path, clock: FixedClock) -> None:
    single, ids = _book_with_clients(tmp_path / "single.db", clock)
    bulk, same_ids = _book_with_clients(tmp_path / "bulk.db", clock)
    assert ids == same_ids
    try:
        a, b, _c = ids  # the third client gets nothing: no document, no last contact
        notes, contacts = NoteService(single, clock), InteractionService(single, clock)
        promises = PromiseService(single, clock)
        for cid in (a, b):
            for note in NOTES:
                notes.add(cid, note)
            for contact in CONTACTS:
                contacts.log(cid, contact)
            for text in PROMISES:
                promises.make(cid, text)

        now = clock.now()
        touched = Touched()
        with bulk.write() as conn:
            insert_notes(conn, [(cid, note, now) for cid in (a, b) for note in NOTES], touched)
            insert_interactions(conn, [(cid, c, now) for cid in (a, b) for c in CONTACTS], touched)
            insert_promises(
                conn, [(cid, PromiseDraft(t), now) for cid in (a, b) for t in PROMISES], touched
            )
            assert touched.apply(conn) == {a, b}  # last contact moved for both
        # Interleaved per client in the single book, grouped by kind in the bulk one: compare
        # the rows as sets, and the documents and last contacts exactly.
        one, many = _snapshot(single), _snapshot(bulk)
        for kind in ("notes", "contacts", "promises"):
            assert sorted(one[kind]) == sorted(many[kind]), kind
        assert one["last_contact"] == many["last_contact"]
        assert one["documents"] == many["documents"]
        assert [cid for cid, _g in many["documents"]] == [a, b]
    finally:
        single.close()
        bulk.close()


def test_demo_leaves_what_a_rebuild_would(book: Book, clock: FixedClock) -> None:
    """After the demo, rebuilding every client's document and last contact the single way
    changes nothing, and each document is index_text of the client's live texts."""
    from crm.services.demo import fill_demo

    ids = fill_demo(book, 150, seed=5, clock=clock)
    before = _snapshot(book)
    assert before["documents"] and any(lc for _id, lc in before["last_contact"])
    with book.write() as conn:
        assert refresh_last_contacts(conn, ids) == set()
        refresh_memory(conn, ids)
    assert _snapshot(book) == before
    conn = book.reader()
    cid = ids[0]
    texts = [r[0] for r in conn.execute("SELECT text FROM life_note WHERE client_id = ?", (cid,))]
    texts += [
        t
        for r in conn.execute(
            "SELECT summary, next_step FROM interaction WHERE client_id = ? ORDER BY id", (cid,)
        )
        for t in r
        if t
    ]
    texts += [r[0] for r in conn.execute("SELECT text FROM promise WHERE client_id = ?", (cid,))]
    assert dict(before["documents"])[cid] == index_text(texts)


def test_insert_interaction_keeps_last_contact_and_search_in_a_callers_transaction(
    book: Book, clients: ClientService, clock: FixedClock
) -> None:
    """The shape the referral thank-you and the sent greeting rely on."""
    cid = clients.add(draft("张伟"))
    with book.write() as conn:
        new_id = insert_interaction(
            conn, cid, InteractionDraft(Channel.WECHAT, "生日快乐，张总！"), clock.now()
        )
    conn = book.reader()
    assert conn.execute("SELECT client_id FROM interaction WHERE id = ?", (new_id,)).fetchone()
    last = conn.execute("SELECT last_contact_at FROM client WHERE id = ?", (cid,)).fetchone()[0]
    assert dt.datetime.fromisoformat(last) == NOW
    found = conn.execute(
        "SELECT rowid FROM client_memory_fts WHERE client_memory_fts MATCH ?", ('"生日 日快 快乐"',)
    ).fetchall()
    assert found == [(cid,)]


def test_bulk_forms_refuse_like_the_single_path(book: Book, clients: ClientService, clock) -> None:
    cid = clients.add(draft("张伟"))
    touched = Touched()
    with pytest.raises(ValidationErrors), book.write() as conn:
        insert_notes(conn, [(cid, NoteDraft("ok"), clock.now())], touched)
        insert_notes(conn, [(cid, NoteDraft("   "), clock.now())], touched)
    future = InteractionDraft(Channel.PHONE, "x", clock.now() + dt.timedelta(days=1))
    with pytest.raises(ValidationErrors), book.write() as conn:
        insert_interactions(conn, [(cid, future, clock.now())], Touched())
    assert book.reader().execute("SELECT count(*) FROM life_note").fetchone() == (0,)


def test_a_kept_promise_from_history(book: Book, clients: ClientService, clock) -> None:
    cid = clients.add(draft("张伟"))
    made = clock.now() - dt.timedelta(days=3)
    touched = Touched()
    with book.write() as conn:
        insert_promises(
            conn,
            [(cid, PromiseDraft("回电话", kept_at=made + dt.timedelta(hours=2)), made)],
            touched,
        )
        touched.apply(conn)
    assert PromiseService(book, clock).open_promises() == []  # kept
    made_at, due, kept = (
        book.reader().execute("SELECT made_at, due_date, kept_at FROM promise").fetchone()
    )
    assert dt.datetime.fromisoformat(made_at) == made
    assert due == default_promise_due(made.date()).isoformat()
    assert dt.datetime.fromisoformat(kept) == made + dt.timedelta(hours=2)
