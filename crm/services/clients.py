"""Adding, editing, archiving and resolving clients: the one write path for a client.

Every writer (the dialog, ``crm add``/``crm edit``, the import, undo, the demo) goes through
:func:`write_clients`, so each side effect of saving a client lives in one place:
the derived search columns, phones and tags, the referrer circle check and the thank-you owed
when a referred client becomes a borrower. A single add or edit is a batch of one.

Plain sqlite3 through ``crm.store.queries.clients``: no ORM, so ``crm add`` never loads
sqlmodel, and pypinyin loads on the first save, not when the GUI only reads.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from crm.domain.changes import Initiator, Topic
from crm.domain.client_form import Birthday, CleanClient, ClientDraft, clean_client
from crm.domain.clock import Clock, SystemClock
from crm.domain.enums import Calendar, ClientKind, ClientStatus, Gender
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg
from crm.domain.referrals import ReferralSource
from crm.services.client_detail import ClientDetail, PhoneInfo
from crm.services.contact_history import note_contact_changes
from crm.services.referral_links import check_referrer
from crm.services.referral_thanks import note_status_change
from crm.store.book import Book, sql_datetime, to_datetime
from crm.store.queries import clients as q

#: progress(done, total) after each chunk written
Progress = Callable[[int, int], None]
#: asked between chunks; True rolls the whole batch back (:class:`SaveCancelled`)
Cancelled = Callable[[], bool]
#: Clients written between two progress reports / cancel checks.
CHUNK = 2000


class ClientNotFound(LookupError):
    def __init__(self, message: Msg) -> None:
        self.message = message
        super().__init__(message.render())


class SaveCancelled(Exception):
    """The caller's ``cancelled()`` said stop; nothing was written."""


@dataclass
class Written:
    """What :func:`write_clients` did, for the caller's one publish."""

    new_ids: list[int]
    client_ids: set[int] = field(default_factory=set)
    topics: set[Topic] = field(default_factory=lambda: {Topic.CLIENT})


def search_text(clean: CleanClient) -> str:
    """The one lower-case column the search box scans with LIKE '%q%'."""
    personal = clean.kind is not ClientKind.COMPANY
    from crm.domain.names import name_pinyin

    names = name_pinyin(clean.name, personal=personal)
    parts = [clean.name, names.compact, names.initials]
    if clean.business_name:
        biz = name_pinyin(clean.business_name, personal=False)
        parts += [clean.business_name, biz.compact, biz.initials]
    parts += clean.tags
    parts += [p.national for p in clean.phones]
    if clean.wechat:
        parts.append(clean.wechat)
    return "\n".join(parts).lower()


def column_values(clean: CleanClient) -> dict[str, object]:
    """The client table's columns for a clean record, derived search columns included.

    Its keys are columns of ``client`` (``CLIENT_COLUMNS``), always the same ones in the same
    order, so a batch is one ``executemany``.
    """
    from crm.domain.names import name_pinyin

    names = name_pinyin(clean.name, personal=clean.kind is not ClientKind.COMPANY)
    b = clean.birthday
    return {
        "name": clean.name,
        "kind": clean.kind.value,
        "gender": clean.gender.value if clean.gender else None,
        "birthday_calendar": b.calendar.value if b else None,
        "birth_year": b.year if b else None,
        "birth_month": b.month if b else None,
        "birth_day": b.day if b else None,
        "birth_leap": bool(b and b.leap),
        "wechat": clean.wechat,
        "id_number": clean.id_number,
        "business_name": clean.business_name,
        "industry": clean.industry,
        "uscc": clean.uscc,
        "address": clean.address,
        "status": clean.status.value,
        "notes": clean.notes,
        "form_of_address": clean.form_of_address,
        "cadence_days": clean.cadence_days,
        "referred_by_id": clean.referred_by_id,
        "source": clean.source.value if clean.source else None,
        "name_pinyin": names.spaced,
        "name_compact": names.compact,
        "name_initials": names.initials,
        "search_text": search_text(clean),
    }


#: The columns a save writes: :func:`column_values` and the two stamps.
_STAMPS = ("created_at", "updated_at")


def preload() -> None:
    """Import what the first save needs (call off the GUI thread when a form opens)."""
    import crm.domain.identity
    import crm.domain.names
    import crm.domain.phones  # noqa: F401


class ClientService:
    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()

    def validate(self, draft: ClientDraft) -> CleanClient:
        """Raise ValidationErrors listing every bad field, or return the clean record."""
        return clean_client(draft, self.clock.today())

    # -- writing ---------------------------------------------------------------------------

    def add(self, draft: ClientDraft, initiator: Initiator = Initiator.USER) -> int:
        return self.save_many([self.validate(draft)], [], initiator=initiator)[0]

    def update(
        self, client_id: int, draft: ClientDraft, initiator: Initiator = Initiator.USER
    ) -> None:
        self.save_many([], [(client_id, self.validate(draft))], initiator=initiator)

    def save_many(
        self,
        adds: Sequence[CleanClient],
        updates: Sequence[tuple[int, CleanClient]],
        *,
        initiator: Initiator,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> list[int]:
        """Add ``adds`` and overwrite ``updates`` in ONE transaction: all, or nothing.

        Returns the new clients' ids, in the order of ``adds``. Raises ValidationErrors (a
        referrer circle, an unknown referrer), ClientNotFound (an update's id), or
        :class:`SaveCancelled` when ``cancelled()`` says so between chunks.
        """
        for clean in (*adds[:64], *(c for _, c in updates[:64])):  # outside the write lock:
            search_text(clean)  # a process's first save loads pinyin (~0.25 s); names cache
        with self.book.write() as conn:
            written = write_clients(
                conn, adds, updates, now=self.clock.now(), progress=progress, cancelled=cancelled
            )
        if written.client_ids:
            self.book.changes.publish(written.topics, written.client_ids, initiator)
        return written.new_ids

    def archive(
        self, client_ids: Iterable[int], initiator: Initiator = Initiator.USER
    ) -> list[int]:
        """Soft-delete: hidden from the book, kept with everything attached. Returns those hit."""
        return self._set_archived(client_ids, self.clock.now(), initiator)

    def restore(
        self, client_ids: Iterable[int], initiator: Initiator = Initiator.USER
    ) -> list[int]:
        return self._set_archived(client_ids, None, initiator)

    def _set_archived(
        self, client_ids: Iterable[int], when: dt.datetime | None, initiator: Initiator
    ) -> list[int]:
        ids = sorted(set(client_ids))
        if not ids:
            return []
        with self.book.write() as conn:
            hit = q.ids_archived(conn, ids, archived=when is None)
            q.set_archived_at(conn, hit, sql_datetime(when))
        if hit:
            self.book.changes.publish(Topic.CLIENT, hit, initiator)
        return hit

    # -- reading ---------------------------------------------------------------------------

    def get(self, client_id: int) -> ClientDetail:
        """One client as the pane and the edit form show it: a plain read, no write lock."""
        found = self.get_many([client_id])
        if client_id not in found:
            raise _not_found(client_id)
        return found[client_id]

    def get_many(self, client_ids: Sequence[int]) -> dict[int, ClientDetail]:
        """:meth:`get` for many clients at once (the import's merge); missing ids are left out."""
        return read_details(self.book.reader(), client_ids)

    def resolve(self, ref: str) -> int:
        """A client id, or a name that matches exactly one client (archived ones last)."""
        ref = ref.strip()
        conn = self.book.reader()
        if ref.isdigit():
            if q.exists(conn, int(ref)):
                return int(ref)
            raise _not_found(int(ref))
        rows = q.ids_named(conn, ref)
        active = [cid for cid, archived in rows if not archived]
        if len(active) == 1:
            return active[0]
        if len(rows) == 1:
            return rows[0][0]
        if not rows:
            raise ClientNotFound(
                QT_TRANSLATE_NOOP("Clients", "No client is named {name}.").with_(name=ref)
            )
        raise ClientNotFound(
            QT_TRANSLATE_NOOP(
                "Clients", "{n} clients are named {name}; use the id instead: {ids}."
            ).with_(n=len(rows), name=ref, ids=", ".join(str(cid) for cid, _ in rows))
        )


def write_clients(
    conn: sqlite3.Connection,
    adds: Sequence[CleanClient],
    updates: Sequence[tuple[int, CleanClient]],
    *,
    now: dt.datetime,
    created: Sequence[dt.datetime] | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Written:
    """THE client write: :meth:`ClientService.save_many`'s body, inside the caller's write
    transaction (``conn``): no commit, no publish (the caller publishes ``Written``).
    The demo calls it inside its own transaction, ``created`` giving each added client
    its own creation time; demo steps may call it to rewrite demo clients."""
    # One update per client: the last one wins, as it would have row by row.
    updates = list({cid: clean for cid, clean in updates}.items())
    old = q.status_and_referrer(conn, [cid for cid, _ in updates])
    for cid, _clean in updates:
        if cid not in old:
            raise _not_found(cid)
    total = len(adds) + len(updates)
    done = 0

    def tick() -> None:
        if progress is not None:
            progress(done, total)
        if cancelled is not None and cancelled():
            raise SaveCancelled()

    stamp = sql_datetime(now)
    new_ids: list[int] = []
    if adds:
        first = q.next_id(conn)
        new_ids = list(range(first, first + len(adds)))
        columns = (*column_values(adds[0]), *_STAMPS)
        for start in range(0, len(adds), CHUNK):
            if start:
                tick()
            new = adds[start : start + CHUNK]
            rows = []
            for n, clean in enumerate(new, start):
                at = stamp if created is None else sql_datetime(created[n])
                rows.append((*column_values(clean).values(), at, at))
            q.insert_clients(conn, columns, rows)
            done += len(new)
    note_contact_changes(conn, updates, now)  # the risk rule's history (post-loan)
    if updates:
        columns = (*column_values(updates[0][1]), "updated_at")
        for start in range(0, len(updates), CHUNK):
            if done:
                tick()
            changed = updates[start : start + CHUNK]
            q.update_clients(
                conn,
                columns,
                [(*column_values(clean).values(), stamp, cid) for cid, clean in changed],
            )
            done += len(changed)
        q.delete_children(conn, [cid for cid, _ in updates])
    pairs = [*zip(new_ids, adds, strict=True), *updates]
    q.insert_phones(
        conn,
        [(cid, pos, p.e164, p.national) for cid, c in pairs for pos, p in enumerate(c.phones)],
    )
    q.insert_tags(conn, [(cid, t) for cid, c in pairs for t in c.tags])
    written = Written(new_ids, {cid for cid, _ in pairs})
    # After the rows are written, so a circle closed by two records of one batch is seen
    # too; for one record this is the same check, and message, as before the write.
    for cid, c in pairs:
        ref = c.referred_by_id
        if ref is not None and (cid not in old or old[cid][1] != ref):
            check_referrer(conn, cid, ref)
    for cid, c in pairs:
        before = old[cid][0] if cid in old else None
        if note_status_change(conn, cid, c.referred_by_id, before, c.status, now) is not None:
            written.topics.add(Topic.REFERRAL_THANKS)
            assert c.referred_by_id is not None
            written.client_ids.add(c.referred_by_id)
    tick()  # the last moment a cancel can still roll everything back
    return written


def read_details(conn: sqlite3.Connection, client_ids: Sequence[int]) -> dict[int, ClientDetail]:
    """Clients as the form holds them, read on ``conn`` (a reader, or a write in progress)."""
    rows = q.details(conn, client_ids)
    phones = q.phones(conn, list(rows))
    tags = q.tags(conn, list(rows))
    return {cid: _detail(r, phones.get(cid, []), tags.get(cid, [])) for cid, r in rows.items()}


def set_statuses(
    conn: sqlite3.Connection, statuses: dict[int, ClientStatus], *, now: dt.datetime
) -> Written:
    """Clients' statuses changed by another record's rules (a loan disbursed makes a borrower),
    through THE client write, inside the caller's transaction: each client is read as it
    stands in this transaction and written back with the new status, so every side effect of a
    status change (the referrer's thank-you ...) happens as if the officer had edited it."""
    details = read_details(conn, list(statuses))
    updates = []
    for cid, detail in details.items():
        detail.draft.status = statuses[cid]
        updates.append((cid, clean_client(detail.draft, now.date())))
    return write_clients(conn, [], updates, now=now)


def _not_found(client_id: int) -> ClientNotFound:
    return ClientNotFound(
        QT_TRANSLATE_NOOP("Clients", "There is no client with id {id}.").with_(id=client_id)
    )


def _detail(r: dict[str, Any], phones: list[tuple[str, str]], tags: list[str]) -> ClientDetail:
    birthday = None
    if r["birthday_calendar"] and r["birth_month"] and r["birth_day"]:
        birthday = Birthday(
            Calendar(r["birthday_calendar"]),
            r["birth_month"],
            r["birth_day"],
            r["birth_year"],
            bool(r["birth_leap"]),
        )
    from crm.domain.phones import canonical  # here: phonenumbers stays off start-up

    draft = ClientDraft(
        name=r["name"],
        kind=ClientKind(r["kind"]),
        gender=Gender(r["gender"]) if r["gender"] else None,
        birthday=birthday,
        phones=[canonical(e164, national) for e164, national in phones],
        wechat=r["wechat"] or "",
        id_number=r["id_number"] or "",
        business_name=r["business_name"] or "",
        industry=r["industry"] or "",
        uscc=r["uscc"] or "",
        address=r["address"] or "",
        status=ClientStatus(r["status"]),
        tags=tags,
        notes=r["notes"],
        form_of_address=r["form_of_address"] or "",
        cadence_days=r["cadence_days"],
        referred_by_id=r["referred_by_id"],
        source=ReferralSource(r["source"]) if r["source"] else None,
    )
    return ClientDetail(
        id=r["id"],
        draft=draft,
        phones=tuple(PhoneInfo(e164, national) for e164, national in phones),
        created_at=dt.datetime.fromisoformat(r["created_at"]),
        updated_at=dt.datetime.fromisoformat(r["updated_at"]),
        archived_at=to_datetime(r["archived_at"]),
    )
