"""Giving a little more (增值服务): resources worth recommending, and who got which, when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from crm.domain.changes import Topic
from crm.domain.clock import Clock, SystemClock
from crm.domain.errors import FieldError, ValidationErrors
from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.services.memory_base import (
    RecordNotFound,
    require_client,
    to_date,
    to_datetime,
)
from crm.store.book import Book, sql_datetime

MAX_FIELD = 200
_RESOURCE = QT_TRANSLATE_NOOP("Resources", "There is no resource with id {id}.")


@dataclass(frozen=True)
class ResourceDraft:
    name: str
    category: str = ""
    contact: str = ""
    note: str = ""


@dataclass(frozen=True)
class ResourceRow:
    id: int
    name: str
    category: str
    contact: str
    note: str
    archived_at: dt.datetime | None
    times_shared: int


@dataclass(frozen=True)
class ShareRow:
    id: int
    resource_id: int
    resource_name: str
    client_id: int
    client_name: str
    shared_on: dt.date
    note: str


def _clean(draft: ResourceDraft) -> ResourceDraft:
    name = draft.name.strip()
    errors = []
    if not name:
        errors.append(FieldError("name", QT_TRANSLATE_NOOP("Resources", "Give it a name.")))
    for field in ("name", "category", "contact"):
        value = getattr(draft, field).strip()
        if len(value) > MAX_FIELD:
            errors.append(
                FieldError(
                    field,
                    QT_TRANSLATE_NOOP("Resources", "Keep it under {max} characters.").with_(
                        max=MAX_FIELD
                    ),
                )
            )
    if errors:
        raise ValidationErrors(errors)
    return ResourceDraft(name, draft.category.strip(), draft.contact.strip(), draft.note.strip())


_SHARE_SELECT = (
    "SELECT s.id, s.resource_id, r.name, s.client_id, c.name, s.shared_on, s.note "
    "FROM resource_share s JOIN resource r ON r.id = s.resource_id "
    "JOIN client c ON c.id = s.client_id"
)


def _share(r: tuple) -> ShareRow:
    return ShareRow(r[0], r[1], r[2], r[3], r[4], to_date(r[5]) or dt.date.min, r[6])


class ResourceService:
    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()

    def add(self, draft: ResourceDraft) -> int:
        d = _clean(draft)
        with self.book.write() as conn:
            cur = conn.execute(
                "INSERT INTO resource (name, category, contact, note, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (d.name, d.category, d.contact, d.note, sql_datetime(self.clock.now())),
            )
        assert cur.lastrowid is not None
        self.book.changes.publish(Topic.RESOURCE, [])
        return cur.lastrowid

    def update(self, resource_id: int, draft: ResourceDraft) -> None:
        d = _clean(draft)
        with self.book.write() as conn:
            cur = conn.execute(
                "UPDATE resource SET name = ?, category = ?, contact = ?, note = ? WHERE id = ?",
                (d.name, d.category, d.contact, d.note, resource_id),
            )
            if cur.rowcount == 0:
                raise RecordNotFound(_RESOURCE.with_(id=resource_id))
        self.book.changes.publish(Topic.RESOURCE, [])

    def set_archived(self, resource_id: int, archived: bool) -> None:
        when = sql_datetime(self.clock.now()) if archived else None
        with self.book.write() as conn:
            conn.execute("UPDATE resource SET archived_at = ? WHERE id = ?", (when, resource_id))
        self.book.changes.publish(Topic.RESOURCE, [])

    def all(self, include_archived: bool = False) -> list[ResourceRow]:
        where = "" if include_archived else "WHERE r.archived_at IS NULL"
        sql = (
            "SELECT r.id, r.name, r.category, r.contact, r.note, r.archived_at, "
            "(SELECT count(*) FROM resource_share s WHERE s.resource_id = r.id) "
            f"FROM resource r {where} ORDER BY r.archived_at IS NOT NULL, r.category, r.name"
        )
        return [
            ResourceRow(r[0], r[1], r[2], r[3], r[4], to_datetime(r[5]), r[6])
            for r in self.book.reader().execute(sql)
        ]

    def share(
        self, resource_id: int, client_id: int, shared_on: dt.date | None = None, note: str = ""
    ) -> int:
        with self.book.write() as conn:
            require_client(conn, client_id)
            if (
                conn.execute("SELECT 1 FROM resource WHERE id = ?", (resource_id,)).fetchone()
                is None
            ):
                raise RecordNotFound(_RESOURCE.with_(id=resource_id))
            cur = conn.execute(
                "INSERT INTO resource_share (resource_id, client_id, shared_on, note, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (
                    resource_id,
                    client_id,
                    (shared_on or self.clock.today()).isoformat(),
                    note.strip(),
                    sql_datetime(self.clock.now()),
                ),
            )
        assert cur.lastrowid is not None
        self.book.changes.publish(Topic.RESOURCE, [client_id])
        return cur.lastrowid

    def unshare(self, share_id: int) -> None:
        with self.book.write() as conn:
            row = conn.execute(
                "SELECT client_id FROM resource_share WHERE id = ?", (share_id,)
            ).fetchone()
            conn.execute("DELETE FROM resource_share WHERE id = ?", (share_id,))
        self.book.changes.publish(Topic.RESOURCE, [row[0]] if row else [])

    def shares_for_client(self, client_id: int) -> list[ShareRow]:
        sql = f"{_SHARE_SELECT} WHERE s.client_id = ? ORDER BY s.shared_on DESC, s.id DESC"
        return [_share(r) for r in self.book.reader().execute(sql, (client_id,))]

    def shares_of(self, resource_id: int) -> list[ShareRow]:
        sql = f"{_SHARE_SELECT} WHERE s.resource_id = ? ORDER BY s.shared_on DESC, s.id DESC"
        return [_share(r) for r in self.book.reader().execute(sql, (resource_id,))]
