"""Safekeeping tables (migration 0005): the log of permanent deletions.

"Delete permanently" (a client's request to be forgotten) leaves only this trace: when, how many
clients, how many records went with them; no names, numbers or ids. Written with plain SQL by
crm.services.trash; this class is the schema declared once, compared with a migrated book by
``tests/store/test_schema.py``.
"""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from crm.domain.types import LocalDateTime


class DeletionLog(SQLModel, table=True):
    __tablename__ = "deletion_log"

    id: int | None = Field(default=None, primary_key=True)
    deleted_at: LocalDateTime
    clients: int
    records: int
