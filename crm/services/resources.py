"""Giving a little more (增值服务): resources worth recommending, and who got which, when."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from crm.domain.changes import Topic
from crm.domain.errors import FieldError, ValidationErrors
from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.services.memory_base import (
    RecordNotFound,
    RelationshipService,
    require_client,
)
from crm.store.book import sql_datetime, to_date, to_datetime
from crm.store.queries import resources as q

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


def _share(r: tuple) -> ShareRow:
    return ShareRow(r[0], r[1], r[2], r[3], r[4], to_date(r[5]) or dt.date.min, r[6])


def insert_resource(conn: sqlite3.Connection, draft: ResourceDraft, at: dt.datetime) -> int:
    """Validate and add one resource in the caller's transaction (the service's, the demo's)."""
    d = _clean(draft)
    return q.insert_resource(conn, d.name, d.category, d.contact, d.note, sql_datetime(at))


def _share_values(
    resource_id: int, client_id: int, shared_on: dt.date, note: str, at: dt.datetime
) -> q.ShareValues:
    return (resource_id, client_id, shared_on.isoformat(), note.strip(), sql_datetime(at))


def insert_shares(
    conn: sqlite3.Connection,
    shares: Iterable[tuple[int, int, dt.date, str]],
    at: dt.datetime,
) -> None:
    """The bulk form of :meth:`ResourceService.share`, inside the caller's transaction (the
    demo's): (resource id, client id, shared on, note) each, recorded at ``at``."""
    q.insert_shares(conn, [_share_values(*share, at) for share in shares])


class ResourceService(RelationshipService):
    def add(self, draft: ResourceDraft) -> int:
        _clean(draft)  # refuse before taking the write lock
        with self.book.write() as conn:
            new_id = insert_resource(conn, draft, self.clock.now())
        self.book.changes.publish(Topic.RESOURCE, [])
        return new_id

    def update(self, resource_id: int, draft: ResourceDraft) -> None:
        d = _clean(draft)
        with self.book.write() as conn:
            if not q.update_resource(conn, resource_id, d.name, d.category, d.contact, d.note):
                raise RecordNotFound(_RESOURCE.with_(id=resource_id))
        self.book.changes.publish(Topic.RESOURCE, [])

    def set_archived(self, resource_id: int, archived: bool) -> None:
        when = sql_datetime(self.clock.now()) if archived else None
        with self.book.write() as conn:
            q.set_archived(conn, resource_id, when)
        self.book.changes.publish(Topic.RESOURCE, [])

    def all(self, include_archived: bool = False) -> list[ResourceRow]:
        return [
            ResourceRow(r[0], r[1], r[2], r[3], r[4], to_datetime(r[5]), r[6])
            for r in q.resources(self.book.reader(), include_archived)
        ]

    def share(
        self, resource_id: int, client_id: int, shared_on: dt.date | None = None, note: str = ""
    ) -> int:
        values = _share_values(
            resource_id, client_id, shared_on or self.clock.today(), note, self.clock.now()
        )
        with self.book.write() as conn:
            require_client(conn, client_id)
            if not q.exists(conn, resource_id):
                raise RecordNotFound(_RESOURCE.with_(id=resource_id))
            new_id = q.insert_share(conn, values)
        self.book.changes.publish(Topic.RESOURCE, [client_id])
        return new_id

    def unshare(self, share_id: int) -> None:
        with self.book.write() as conn:
            client_id = q.share_owner(conn, share_id)
            q.delete_share(conn, share_id)
        self.book.changes.publish(Topic.RESOURCE, [client_id] if client_id is not None else [])

    def shares_for_client(self, client_id: int) -> list[ShareRow]:
        return [_share(r) for r in q.shares_for_client(self.book.reader(), client_id)]

    def shares_of(self, resource_id: int) -> list[ShareRow]:
        return [_share(r) for r in q.shares_of(self.book.reader(), resource_id)]
