"""Adding, editing, archiving and resolving clients (single-record work, through the ORM)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from crm.domain.changes import Topic
from crm.domain.client_form import Birthday, CleanClient, ClientDraft, clean_client
from crm.domain.clock import Clock, SystemClock
from crm.domain.enums import Calendar, ClientKind, ClientStatus, Gender
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg
from crm.domain.referrals import ReferralSource
from crm.services.referral_links import check_referrer
from crm.services.referral_thanks import note_status_change
from crm.store.book import Book, sql_datetime

if TYPE_CHECKING:
    from sqlmodel import Session

    from crm.domain.client import Client

# sqlmodel (~57 MB, ~0.6 s) and pypinyin (~56 MB, ~0.3 s) load on the first write, not when
# the GUI only reads: the list, search and the detail pane use plain SQL.


class ClientNotFound(LookupError):
    def __init__(self, message: Msg) -> None:
        self.message = message
        super().__init__(message.render())


@dataclass(frozen=True)
class PhoneInfo:
    e164: str
    national: str


@dataclass(frozen=True)
class ClientDetail:
    """Everything the detail pane and the edit form show of one client."""

    id: int
    draft: ClientDraft
    phones: tuple[PhoneInfo, ...]
    created_at: dt.datetime
    updated_at: dt.datetime
    archived_at: dt.datetime | None

    @property
    def name(self) -> str:
        return self.draft.name


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

    One mapping for the ORM path (add, edit) and the bulk paths (demo, import).
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


def _apply(client: Client, clean: CleanClient) -> None:
    for key, value in column_values(clean).items():
        setattr(client, key, value)


_GET_SQL = """
    SELECT name, kind, gender, birthday_calendar, birth_year, birth_month, birth_day,
           birth_leap, wechat, id_number, business_name, industry, uscc, address, status,
           notes, form_of_address, cadence_days, referred_by_id, source, created_at,
           updated_at, archived_at
    FROM client WHERE id = ?"""


def preload() -> None:
    """Import what the first save needs (call on a background thread when a form opens)."""
    import crm.domain.client
    import crm.domain.names  # noqa: F401


class ClientService:
    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()

    def validate(self, draft: ClientDraft) -> CleanClient:
        """Raise ValidationErrors listing every bad field, or return the clean record."""
        return clean_client(draft, self.clock.today())

    def add(self, draft: ClientDraft) -> int:
        clean = self.validate(draft)
        now = self.clock.now()
        from crm.domain.client import Client

        with self.book.session() as session:
            check_referrer(_raw(session), None, clean.referred_by_id)
            client = Client(name=clean.name, created_at=now, updated_at=now)
            _apply(client, clean)
            session.add(client)
            session.flush()
            assert client.id is not None
            _replace_children(session, client.id, clean)
            new_id = client.id
            note_status_change(_raw(session), new_id, clean.referred_by_id, None, clean.status, now)
        self.book.changes.publish(Topic.CLIENT, [new_id])
        return new_id

    def update(self, client_id: int, draft: ClientDraft) -> None:
        from crm.domain.client import Client

        clean = self.validate(draft)
        with self.book.session() as session:
            client = session.get(Client, client_id)
            if client is None:
                raise self._not_found(client_id)
            # In this transaction, so no other write can close a referral circle meanwhile.
            check_referrer(_raw(session), client_id, clean.referred_by_id)
            old_status = client.status
            _apply(client, clean)
            client.updated_at = self.clock.now()
            session.add(client)
            _replace_children(session, client_id, clean)
            note_status_change(
                _raw(session),
                client_id,
                clean.referred_by_id,
                old_status,
                clean.status,
                client.updated_at,
            )
        self.book.changes.publish(Topic.CLIENT, [client_id])

    def get(self, client_id: int) -> ClientDetail:
        """One client as the pane and the edit form show it: a plain read, no write lock."""
        conn = self.book.reader()
        row = conn.execute(_GET_SQL, (client_id,)).fetchone()
        if row is None:
            raise self._not_found(client_id)
        (
            name, kind, gender, calendar, year, month, day, leap, wechat, id_number,
            business_name, industry, uscc, address, status, notes, form_of_address,
            cadence_days, referred_by_id, source, created_at, updated_at, archived_at,
        ) = row  # fmt: skip
        phones = conn.execute(
            "SELECT e164, national FROM client_phone WHERE client_id = ? ORDER BY position",
            (client_id,),
        ).fetchall()
        tags = [
            r[0]
            for r in conn.execute(
                "SELECT tag FROM client_tag WHERE client_id = ? ORDER BY tag", (client_id,)
            )
        ]
        birthday = None
        if calendar and month and day:
            birthday = Birthday(Calendar(calendar), month, day, year, bool(leap))
        draft = ClientDraft(
            name=name,
            kind=ClientKind(kind),
            gender=Gender(gender) if gender else None,
            birthday=birthday,
            phones=[p[1] for p in phones],
            wechat=wechat or "",
            id_number=id_number or "",
            business_name=business_name or "",
            industry=industry or "",
            uscc=uscc or "",
            address=address or "",
            status=ClientStatus(status),
            tags=tags,
            notes=notes,
            form_of_address=form_of_address or "",
            cadence_days=cadence_days,
            referred_by_id=referred_by_id,
            source=ReferralSource(source) if source else None,
        )
        return ClientDetail(
            id=client_id,
            draft=draft,
            phones=tuple(PhoneInfo(e164, national) for e164, national in phones),
            created_at=dt.datetime.fromisoformat(created_at),
            updated_at=dt.datetime.fromisoformat(updated_at),
            archived_at=dt.datetime.fromisoformat(archived_at) if archived_at else None,
        )

    def archive(self, client_ids: Iterable[int]) -> list[int]:
        """Soft-delete: hidden from the book, kept with everything attached. Returns those hit."""
        return self._set_archived(client_ids, self.clock.now())

    def restore(self, client_ids: Iterable[int]) -> list[int]:
        return self._set_archived(client_ids, None)

    def _set_archived(self, client_ids: Iterable[int], when: dt.datetime | None) -> list[int]:
        ids = sorted(set(client_ids))
        if not ids:
            return []
        with self.book.write() as conn:
            marks = ",".join("?" * len(ids))
            wanted = "archived_at IS NULL" if when else "archived_at IS NOT NULL"
            hit = [
                r[0]
                for r in conn.execute(
                    f"SELECT id FROM client WHERE id IN ({marks}) AND {wanted}", ids
                )
            ]
            conn.executemany(
                "UPDATE client SET archived_at = ? WHERE id = ?",
                [(sql_datetime(when), i) for i in hit],
            )
        if hit:
            self.book.changes.publish(Topic.CLIENT, hit)
        return hit

    def resolve(self, ref: str) -> int:
        """A client id, or a name that matches exactly one client (archived ones last)."""
        ref = ref.strip()
        conn = self.book.reader()
        if ref.isdigit():
            if conn.execute("SELECT 1 FROM client WHERE id = ?", (int(ref),)).fetchone():
                return int(ref)
            raise self._not_found(int(ref))
        rows = conn.execute(
            "SELECT id FROM client WHERE name = ? ORDER BY archived_at IS NOT NULL, id", (ref,)
        ).fetchall()
        active = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM client WHERE name = ? AND archived_at IS NULL", (ref,)
            )
        ]
        if len(active) == 1:
            return int(active[0])
        if len(rows) == 1:
            return int(rows[0][0])
        if not rows:
            raise ClientNotFound(
                QT_TRANSLATE_NOOP("Clients", "No client is named {name}.").with_(name=ref)
            )
        raise ClientNotFound(
            QT_TRANSLATE_NOOP(
                "Clients", "{n} clients are named {name}; use the id instead: {ids}."
            ).with_(n=len(rows), name=ref, ids=", ".join(str(r[0]) for r in rows))
        )

    @staticmethod
    def _not_found(client_id: int) -> ClientNotFound:
        return ClientNotFound(
            QT_TRANSLATE_NOOP("Clients", "There is no client with id {id}.").with_(id=client_id)
        )


def _raw(session: Session) -> sqlite3.Connection:
    """The session's own sqlite3 connection: plain SQL inside the same transaction."""
    raw = session.connection().connection.dbapi_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def _replace_children(session: Session, client_id: int, clean: CleanClient) -> None:
    from sqlmodel import col, delete

    from crm.domain.client import ClientPhone, ClientTag

    session.exec(delete(ClientPhone).where(col(ClientPhone.client_id) == client_id))
    session.exec(delete(ClientTag).where(col(ClientTag.client_id) == client_id))
    for position, phone in enumerate(clean.phones):
        session.add(
            ClientPhone(
                client_id=client_id, position=position, e164=phone.e164, national=phone.national
            )
        )
    for tag in clean.tags:
        session.add(ClientTag(client_id=client_id, tag=tag))
