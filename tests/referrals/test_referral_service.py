"""Referral rules and queries against real books: cycles, depth, tree counts, ranking, thanks."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crm.domain.clock import FixedClock
from crm.domain.enums import ClientKind, ClientStatus
from crm.domain.errors import ValidationErrors
from crm.domain.referrals import ReferralSource
from crm.services.clients import ClientService
from crm.services.referral_thanks import OCCASION, ReferralThanks, thanks_source
from crm.services.referrals import ReferralService, referral_totals
from crm.store.book import Book
from tests.conftest import NOW
from tests.helpers import draft
from tests.referrals.conftest import chain_of, insert_people


def _trio(clients: ClientService) -> tuple[int, int, int]:
    chen = clients.add(draft("陈建国", form_of_address="陈会长", kind=ClientKind.PARTNER))
    li = clients.add(draft("李明", form_of_address="李总", referred_by_id=chen))
    wang = clients.add(draft("王芳", form_of_address="王姐", referred_by_id=li))
    return chen, li, wang


def test_referred_client_gets_referral_source_and_round_trips(clients: ClientService) -> None:
    chen, li, _wang = _trio(clients)
    d = clients.get(li).draft
    assert d.referred_by_id == chen
    assert d.source is ReferralSource.REFERRAL
    assert clients.get(chen).draft.kind is ClientKind.PARTNER


def test_cycle_is_refused_naming_the_chain(clients: ClientService, book: Book) -> None:
    chen, _li, wang = _trio(clients)
    d = clients.get(chen).draft
    d.referred_by_id = wang
    with pytest.raises(ValidationErrors) as exc:
        clients.update(chen, d)
    err = exc.value.errors[0]
    assert err.field == "referred_by"
    assert "王姐 ← 李总 ← 陈会长" in err.message.render()
    row = book.reader().execute("SELECT referred_by_id FROM client WHERE id = ?", (chen,))
    assert row.fetchone()[0] is None  # nothing written


def test_self_referral_and_unknown_referrer_are_refused(clients: ClientService) -> None:
    me = clients.add(draft("张伟"))
    d = clients.get(me).draft
    d.referred_by_id = me
    with pytest.raises(ValidationErrors, match="themselves"):
        clients.update(me, d)
    with pytest.raises(ValidationErrors, match="no client with id 999"):
        clients.add(draft("李四", referred_by_id=999))


def test_depth_50_chain_reads_whole_and_refuses_closing_it(
    book: Book, clients: ClientService
) -> None:
    ids = chain_of(book, 50)
    q = ReferralService(book)
    chain = q.chain(ids[-1])
    assert [p.id for p in chain] == list(reversed(ids))
    root = clients.get(ids[0]).draft
    root.referred_by_id = ids[-1]
    with pytest.raises(ValidationErrors) as exc:
        clients.update(ids[0], root)
    assert exc.value.errors[0].message.render().count("←") == 50


def test_10000_descendants_counted_without_recursion_limits(book: Book) -> None:
    (root,) = insert_people(book, [("根", None)])
    # A broad top (100 direct), then 99 below each, half of them in a 2,000-deep chain.
    level1 = insert_people(book, [(f"一{i}", root) for i in range(100)])
    below = [(f"二{i}", level1[i % 100]) for i in range(7_899)]
    insert_people(book, below, status="borrower")
    deep = chain_of(book, 2_000)  # its root hangs under the first direct referral
    with book.write() as conn:
        conn.execute("UPDATE client SET referred_by_id = ? WHERE id = ?", (level1[0], deep[0]))
    tree = ReferralService(book).tree(root)
    assert tree is not None
    assert len(tree.nodes) == 100 + 7_899 + 2_001 == 10_000
    assert tree.direct == 100
    assert tree.indirect == 9_900
    sizes = tree.subtree_sizes()
    assert sizes[root] == 10_000
    assert sizes[deep[0]] == 2_000
    totals = ReferralService(book).totals()
    assert totals.total[root] == 10_000
    assert totals.borrowers_total[root] == 7_899


def test_totals_sum_levels_bottom_up() -> None:
    t = referral_totals([(2, 1, "borrower"), (3, 2, "prospect"), (4, 2, "former_borrower")])
    assert t.direct == {1: 1, 2: 2}
    assert t.total == {1: 3, 2: 2}
    assert t.borrowers_direct == {1: 1, 2: 1}
    assert t.borrowers_total == {1: 2, 2: 1}


def test_top_referrers_rank_direct_then_all_and_skip_archived(
    book: Book, clients: ClientService
) -> None:
    a, b, c = insert_people(book, [("甲", None), ("乙", None), ("丙", None)])
    a_kids = insert_people(book, [(f"甲{i}", a) for i in range(3)], status="borrower")
    insert_people(book, [(f"乙{i}", b) for i in range(3)])
    insert_people(book, [("甲孙", a_kids[0])])
    insert_people(book, [(f"丙{i}", c) for i in range(5)])
    clients.archive([c])
    top = ReferralService(book).top_referrers(3)
    assert [t.person.name for t in top] == ["甲", "乙", "甲0"]
    first = top[0]
    assert (first.direct, first.indirect, first.borrowers_direct) == (3, 1, 3)
    assert first.amount_lent == Decimal("0.00")  # their clients have no loans


def test_archiving_a_referrer_keeps_the_chain(book: Book, clients: ClientService) -> None:
    chen, li, wang = _trio(clients)
    clients.archive([li])
    chain = ReferralService(book).chain(wang)
    assert [p.id for p in chain] == [wang, li, chen]
    assert chain[1].archived
    tree = ReferralService(book).tree(chen)
    assert tree is not None and [n.person.id for n in tree.nodes] == [li, wang]


def test_becoming_a_borrower_owes_the_referrer_thanks(book: Book, clients: ClientService) -> None:
    chen, li, wang = _trio(clients)
    d = clients.get(wang).draft
    d.notes = "only a note"
    clients.update(wang, d)  # no status change: nothing owed
    assert list(thanks_source(book.reader(), NOW.date(), NOW.date())) == []
    d.status = ClientStatus.BORROWER
    clients.update(wang, d)
    d.notes = "still a borrower"
    clients.update(wang, d)  # staying a borrower owes nothing more
    (occ,) = thanks_source(book.reader(), NOW.date(), NOW.date())
    assert occ.occasion == OCCASION == "thank_referrer"
    assert (occ.client_id, occ.ref_id, occ.date) == (li, wang, NOW.date())
    assert "李总" in occ.title.render() and "王姐" in occ.title.render()
    # The thank-you is logged as a contact with the referrer and the reminder closes.
    service = ReferralThanks(book, clients.clock)
    (due,) = service.open_for(li)
    text = service.draft(due).render()
    assert "李总" in text and "王姐" in text
    interaction = service.log_thanks(due.id, "wechat", text)
    row = (
        book.reader()
        .execute("SELECT client_id, channel FROM interaction WHERE id = ?", (interaction,))
        .fetchone()
    )
    assert row == (li, "wechat")
    last = book.reader().execute("SELECT last_contact_at FROM client WHERE id = ?", (li,))
    assert last.fetchone()[0] is not None
    assert list(thanks_source(book.reader(), NOW.date(), NOW.date())) == []
    assert service.open_for() == []
    del chen


def test_new_borrower_added_with_a_referrer_owes_thanks(book: Book, clients: ClientService) -> None:
    chen = clients.add(draft("陈建国"))
    clients.add(draft("赵六", referred_by_id=chen, status=ClientStatus.BORROWER))
    occurrences = list(thanks_source(book.reader(), NOW.date(), NOW.date()))
    assert [o.client_id for o in occurrences] == [chen]


def test_thanks_source_is_in_the_default_reminder_sources() -> None:
    from crm.services.reminders.sources import default_sources

    assert thanks_source in default_sources()


def test_share_by_source_counts_active_clients_without_partners(
    book: Book, clients: ClientService
) -> None:
    chen, _li, _wang = _trio(clients)  # chen is a partner: not counted
    clients.add(draft("甲", source=ReferralSource.WALK_IN))
    clients.add(draft("乙", source=ReferralSource.WALK_IN))
    gone = clients.add(draft("丙", source=ReferralSource.EVENT))
    clients.add(draft("丁"))
    clients.archive([gone])
    shares = {s.source: s.clients for s in ReferralService(book).share_by_source()}
    assert shares == {ReferralSource.REFERRAL: 2, ReferralSource.WALK_IN: 2, None: 1}
    del chen


def test_demo_builds_trees_with_partners_and_depth(book: Book, clock: FixedClock) -> None:
    from crm.services.demo import fill_demo

    fill_demo(book, 1_000, seed=3, clock=clock)
    conn = book.reader()
    referred, partners = conn.execute(
        "SELECT sum(referred_by_id IS NOT NULL), sum(kind = 'partner') FROM client"
    ).fetchone()
    assert 250 <= referred <= 350
    assert partners >= 3
    top = ReferralService(book).top_referrers(1)[0]
    assert top.direct >= 10
    deepest = max(
        len(ReferralService(book).chain(i))
        for (i,) in conn.execute("SELECT id FROM client WHERE referred_by_id IS NOT NULL")
    )
    assert deepest >= 4
    assert ReferralThanks(book).open_for()
