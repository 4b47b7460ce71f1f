"""The referrals area on the one shape (issue 9): SQL only in the store, one service built on
(book, clock), the thank-you through the contact log's own write, the demo's bulk forms."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from crm.domain.changes import Change, Topic
from crm.domain.enums import ClientKind, ClientStatus
from crm.domain.errors import ValidationErrors
from crm.domain.referrals import ReferralSource
from crm.services.clients import ClientService, set_statuses
from crm.services.facade import Services
from crm.services.referral_thanks import ReferralThanks
from crm.services.referrals import ReferralService
from crm.store.book import Book
from crm.store.queries import referrals as q
from tests.conftest import NOW
from tests.helpers import draft
from tests.referrals.conftest import insert_people

ROOT = Path(__file__).resolve().parents[2]
SERVICES = (
    "crm/services/referral_links.py",
    "crm/services/referral_network.py",
    "crm/services/referral_thanks.py",
    "crm/services/referrals.py",
    "crm/services/demo_referrals.py",
)
SQL = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|PRAGMA|CREATE|DROP)\b", re.IGNORECASE)


def _trio(clients: ClientService) -> tuple[int, int, int]:
    chen = clients.add(draft("陈建国", form_of_address="陈会长", kind=ClientKind.PARTNER))
    li = clients.add(draft("李明", form_of_address="李总", referred_by_id=chen))
    wang = clients.add(draft("王芳", form_of_address="王姐", referred_by_id=li))
    return chen, li, wang


@pytest.mark.parametrize("module", SERVICES)
def test_no_sql_strings_in_the_referral_services(module: str) -> None:
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
    found = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.match(node.value)
    ]
    assert not found, found


def test_column_lists_name_columns_of_their_tables(book: Book) -> None:
    def columns(table: str) -> set[str]:
        return {r[1] for r in book.reader().execute(f"PRAGMA table_info({table})")}

    assert set(q.PERSON_COLUMNS) <= columns("client")
    assert set(q.REFERRAL_THANKS_COLUMNS) <= columns("referral_thanks")
    assert set(q.REFERRAL_THANKS_READ_COLUMNS) <= columns("referral_thanks")


def test_facade_builds_both_services_on_book_and_clock(book: Book, clients: ClientService) -> None:
    services = Services(book, clients.clock)
    assert isinstance(services.referrals, ReferralService)
    assert isinstance(services.thanks, ReferralThanks)
    assert services.referrals.clock is services.thanks.clock is clients.clock


def test_forest_is_a_method(book: Book, clients: ClientService) -> None:
    chen, li, wang = _trio(clients)
    clients.add(draft("赵六"))  # in no tree
    forest = ReferralService(book).forest()
    assert forest.roots == [chen]
    assert forest.members(chen) == [chen, li, wang]
    assert (forest.brought[chen], forest.brought[li]) == (2, 1)
    assert forest.unlinked == 1


def test_lent_to_answers_from_the_loans(book: Book) -> None:
    from decimal import Decimal

    assert ReferralService(book).lent_to([1, 2]) == {1: Decimal("0.00"), 2: Decimal("0.00")}


def test_linked_under_sees_a_new_link_below_people_shown(
    book: Book, clients: ClientService
) -> None:
    chen, li, wang = _trio(clients)
    other = clients.add(draft("赵六"))
    service = ReferralService(book)
    assert service.referrers_of([li, wang, other]) == {chen, li}
    assert not service.linked_under([other], {chen, li, wang})
    d = clients.get(other).draft
    d.referred_by_id = wang
    clients.update(other, d)
    assert service.linked_under([other], {chen, li, wang})


def test_log_thanks_publishes_the_referrers_client_id(book: Book, clients: ClientService) -> None:
    _chen, li, wang = _trio(clients)
    d = clients.get(wang).draft
    d.status = ClientStatus.BORROWER
    clients.update(wang, d)
    heard: list[Change] = []
    book.changes.subscribe(heard.append)
    service = ReferralThanks(book, clients.clock)
    (due,) = service.open_for(li)
    service.log_thanks(due.id, "phone", "谢谢李总")
    (change,) = heard
    assert change.topics == {Topic.REFERRAL_THANKS, Topic.INTERACTION, Topic.CLIENT}
    assert change.client_ids == {li}  # the referrer, never the thank-you's own id


def test_log_thanks_keeps_the_contact_logs_rules(book: Book, clients: ClientService) -> None:
    """The thank-you is written by the contact log's own insert: its validation holds, and a
    refused one leaves the thank-you open."""
    _chen, li, wang = _trio(clients)
    d = clients.get(wang).draft
    d.status = ClientStatus.BORROWER
    clients.update(wang, d)
    service = ReferralThanks(book, clients.clock)
    (due,) = service.open_for(li)
    with pytest.raises(ValidationErrors):
        service.log_thanks(due.id, "wechat", "   ")
    assert [t.id for t in service.open_for(li)] == [due.id]
    interaction = service.log_thanks(due.id, "carrier pigeon", "谢谢")  # unknown: other
    row = book.reader().execute("SELECT channel FROM interaction WHERE id = ?", (interaction,))
    assert row.fetchone()[0] == "other"
    # The contact log's side effects: the referrer's last contact and search document.
    conn = book.reader()
    last = conn.execute("SELECT last_contact_at FROM client WHERE id = ?", (li,)).fetchone()[0]
    assert last is not None
    doc = conn.execute("SELECT count(*) FROM client_memory_fts WHERE rowid = ?", (li,))
    assert doc.fetchone()[0] == 1
    with pytest.raises(LookupError):
        service.log_thanks(999, "wechat", "谢谢")


def test_bulk_link_then_the_client_write_owes_thanks(book: Book) -> None:
    a, b, c = insert_people(book, [("甲", None), ("乙", None), ("丙", None)])
    with book.write() as conn:
        q.link_referrers(conn, [(a, ReferralSource.REFERRAL.value, b), (None, "walk_in", c)])
        # The demo's way to a thank-you owed: a status change through the client write.
        set_statuses(conn, {b: ClientStatus.BORROWER}, now=NOW)
    service = ReferralService(book)
    assert service.referrer_source(b) == (a, "referral")
    assert service.referrer_source(c) == (None, "walk_in")
    (due,) = ReferralThanks(book).open_for(a)
    assert (due.referred.id, due.became_borrower_on) == (b, NOW.date())


def test_demo_open_thanks_are_dated_over_recent_weeks(book: Book, clock) -> None:
    from crm.services.demo import fill_demo

    fill_demo(book, 600, seed=2, clock=clock)
    due = ReferralThanks(book).open_for()
    assert len(due) == 6
    days = sorted((NOW.date() - d.became_borrower_on).days for d in due)
    assert days == [1, 4, 7, 10, 13, 16]
    assert all(d.referred.status == ClientStatus.BORROWER for d in due)
    partners = book.reader().execute(
        "SELECT count(*) FROM client c JOIN client_tag t ON t.client_id = c.id "
        "WHERE c.kind = 'partner' AND t.tag = '合作伙伴'"
    )
    assert partners.fetchone()[0] >= 3
