"""The papers of a loan application: the checklist from the product's template, each item
received, missing or expired, and the "what is still missing" message for the client.

The checklist is the template: an item is missing until marked, so editing a template reaches
every open application. Marking an item and sending the message are the writes here; the
message, once sent, is logged as a contact through the interaction write path.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from crm.domain.changes import Initiator, Topic
from crm.domain.clock import Clock, SystemClock
from crm.domain.errors import FieldError, ValidationErrors
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg, Translate
from crm.domain.post_loan import (
    DEFAULT_TEMPLATES,
    FALLBACK_TEMPLATE,
    DocItem,
    DocState,
    doc_state,
    find_item,
    missing_message,
)
from crm.domain.relationship_enums import Channel
from crm.services import memory_base as mb
from crm.services.interactions import InteractionDraft, insert_interaction
from crm.services.loan_views import LOAN_NOT_FOUND, LoanRecordNotFound
from crm.store.book import Book, sql_date, sql_datetime, to_date
from crm.store.queries import post_loan as q
from crm.store.queries.loans import client_name
from crm.store.queries.settings import read_json, write_json

NO_LOAN = QT_TRANSLATE_NOOP("PostLoan", "{name} has no loan application yet.")
UNKNOWN_ITEM = QT_TRANSLATE_NOOP(
    "PostLoan", "{product} has no paper called {item!r}; its list: {items}."
)
TEMPLATE_EMPTY = QT_TRANSLATE_NOOP("PostLoan", "A product's checklist needs at least one paper.")
#: Loans the bank paid out: their papers were in, whether or not Prism kept the list.
_LENT = frozenset({"disbursed", "extended", "overdue", "repaid"})
#: The contact logged when the message went out: stored text, in the language of the
#: interface that logged it (the caller's ``translate``).
SENT_SUMMARY = QT_TRANSLATE_NOOP("PostLoan", "Sent the list of missing papers ({n}): {items}")
#: Between two papers of that list ("、" in Chinese).
ITEM_SEPARATOR = QT_TRANSLATE_NOOP("PostLoan", ", ")


@dataclass(frozen=True, slots=True)
class Checklist:
    loan_id: int
    client_id: int
    client_name: str
    address: str  # how the officer addresses them (称呼), or the name
    product: str
    items: tuple[DocItem, ...]

    @property
    def missing(self) -> tuple[DocItem, ...]:
        return tuple(i for i in self.items if i.state is not DocState.RECEIVED)

    def message(self, translate: Translate) -> str:
        """The message to send, rendered in the officer's language."""
        lines = missing_message(self.address, self.product, self.items)
        return "\n".join(
            line.render(translate) if isinstance(line, Msg) else line for line in lines
        )


def _refuse(field: str, message: Msg) -> ValidationErrors:
    return ValidationErrors([FieldError(field, message)])


class ChecklistService:
    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()

    # -- templates -------------------------------------------------------------------------

    def templates(self) -> dict[str, list[dict[str, str]]]:
        """Product -> its checklist ({item, how} each): the defaults, with the officer's
        edits over them."""
        stored = read_json(self.book.reader(), q.TEMPLATES_KEY)
        return _merged_templates(stored)

    def template(self, product: str) -> list[dict[str, str]]:
        return self.templates().get(product, FALLBACK_TEMPLATE)

    def save_template(self, product: str, items: Sequence[Mapping[str, str]]) -> None:
        """Replace one product's checklist (items trimmed, without repeats, in order)."""
        clean: dict[str, str] = {}
        for entry in items:
            name = entry.get("item", "").strip()
            if name and name not in clean:
                clean[name] = entry.get("how", "").strip()
        if not clean:
            raise _refuse("items", TEMPLATE_EMPTY)
        with self.book.write() as conn:
            stored = read_json(conn, q.TEMPLATES_KEY)
            stored = stored if isinstance(stored, dict) else {}
            stored[product.strip()] = [{"item": k, "how": v} for k, v in clean.items()]
            write_json(conn, q.TEMPLATES_KEY, stored)
        self.book.changes.publish(Topic.LOAN_DOCUMENT)

    # -- reads -----------------------------------------------------------------------------

    def loan_for(self, client_id: int) -> int:
        """The loan a client's papers are about: the application in progress, else the newest
        loan. Raises LoanRecordNotFound when the client has none."""
        conn = self.book.reader()
        mb.require_client(conn, client_id)
        found = q.open_application_of(conn, client_id)
        if found is None:
            name = _client_name(conn, client_id)
            raise LoanRecordNotFound(NO_LOAN.with_(name=name))
        return int(found[0])

    def checklist(self, loan_id: int) -> Checklist:
        conn = self.book.reader()
        head = q.loan_head(conn, loan_id)
        if head is None:
            raise LoanRecordNotFound(LOAN_NOT_FOUND.with_(id=loan_id))
        client_id, product, status, _disbursed, name, address = head
        lent = status in _LENT
        marks = {r[0]: r for r in q.documents_of(conn, loan_id)}
        template = _merged_templates(read_json(conn, q.TEMPLATES_KEY)).get(
            product, FALLBACK_TEMPLATE
        )
        today = self.clock.today()
        items = []
        for entry in template:
            mark = marks.get(entry["item"])
            received = to_date(mark[2]) if mark else None
            expires = to_date(mark[3]) if mark else None
            state = doc_state(mark[1] if mark else None, expires, today, lent=lent)
            items.append(
                DocItem(
                    entry["item"],
                    entry.get("how", ""),
                    state,
                    received,
                    expires,
                    mark[4] if mark else "",
                )
            )
        return Checklist(loan_id, client_id, name, address or name, product, tuple(items))

    # -- writes ----------------------------------------------------------------------------

    def mark(
        self,
        loan_id: int,
        item: str,
        state: DocState,
        *,
        on: dt.date | None = None,
        expires_on: dt.date | None = None,
        note: str | None = None,
        initiator: Initiator = Initiator.USER,
    ) -> str:
        """Mark one item of the loan's checklist received (on ``on``, default today, expiring
        ``expires_on`` if it does) or missing. An item not on the product's list is refused
        with the list. Returns the item as the template spells it."""
        state = DocState(state)
        if state is DocState.EXPIRED:  # an expired paper is one received that expired
            state = DocState.RECEIVED
        now = self.clock.now()
        on = on or now.date()
        with self.book.write() as conn:
            head = q.loan_head(conn, loan_id)
            if head is None:
                raise LoanRecordNotFound(LOAN_NOT_FOUND.with_(id=loan_id))
            client_id, product = head[0], head[1]
            template = _merged_templates(read_json(conn, q.TEMPLATES_KEY)).get(
                product, FALLBACK_TEMPLATE
            )
            name = find_item(template, item)
            if name is None:
                items = "、".join(e["item"] for e in template)
                raise _refuse(
                    "item", UNKNOWN_ITEM.with_(product=product, item=item.strip(), items=items)
                )
            old = {r[0]: r for r in q.documents_of(conn, loan_id)}.get(name)
            keep_note = old[4] if old else ""
            received = on if state is DocState.RECEIVED else None
            q.upsert_document(
                conn,
                (
                    loan_id,
                    name,
                    state.value,
                    sql_date(received),
                    sql_date(expires_on) if state is DocState.RECEIVED else None,
                    keep_note if note is None else note.strip(),
                    sql_datetime(now),
                ),
            )
        self.book.changes.publish(Topic.LOAN_DOCUMENT, [client_id], initiator)
        return name

    def log_sent(
        self, loan_id: int, channel: Channel = Channel.WECHAT, translate: Translate | None = None
    ) -> int:
        """The officer sent the "what is still missing" message: logged as a contact (the
        one interaction write path keeps the last contact), worded in the caller's language
        (``translate``). Returns the contact's id."""
        checklist = self.checklist(loan_id)
        missing = checklist.missing
        tr = [translate] if translate else []
        items = ITEM_SEPARATOR.render(*tr).join(i.item for i in missing)
        summary = SENT_SUMMARY.with_(n=len(missing), items=items).render(*tr)
        touched = mb.Touched()
        with self.book.write() as conn:
            new_id = insert_interaction(
                conn,
                checklist.client_id,
                InteractionDraft(channel=channel, summary=summary),
                self.clock.now(),
                touched,
            )
            moved = touched.apply(conn)
        topics = {Topic.INTERACTION} | ({Topic.CLIENT} if moved else set())
        self.book.changes.publish(topics, [checklist.client_id])
        return new_id


def _client_name(conn: sqlite3.Connection, client_id: int) -> str:
    return client_name(conn, client_id) or str(client_id)


def _merged_templates(stored: object) -> dict[str, list[dict[str, str]]]:
    out = {k: list(v) for k, v in DEFAULT_TEMPLATES.items()}
    if isinstance(stored, dict):
        for product, items in stored.items():
            if isinstance(items, list) and all(isinstance(i, dict) and "item" in i for i in items):
                out[str(product)] = [
                    {"item": str(i["item"]), "how": str(i.get("how", ""))} for i in items
                ]
    return out
