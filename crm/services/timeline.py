"""One client's history, newest first: notes, contacts, promises made and kept, resources shared."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from crm.domain.relationship_enums import TimelineKind
from crm.services.memory_base import RelationshipService
from crm.store.queries import relationship as q


@dataclass(frozen=True)
class TimelineEntry:
    when: dt.datetime
    kind: TimelineKind
    text: str
    #: channel (interactions), category (notes), resource name (shares), "" otherwise
    label: str
    detail: str
    #: the note, interaction, promise or share id (for delete/undo)
    ref_id: int


class TimelineService(RelationshipService):
    def for_client(
        self, client_id: int, kinds: Iterable[TimelineKind] | None = None
    ) -> list[TimelineEntry]:
        """Everything (or only ``kinds``) recorded about a client, newest first."""
        wanted = list(kinds) if kinds is not None else list(TimelineKind)
        return [
            TimelineEntry(
                when=dt.datetime.fromisoformat(when),
                kind=TimelineKind(kind),
                text=text,
                label=label or "",
                detail=detail or "",
                ref_id=ref,
            )
            for when, kind, text, label, detail, ref in q.timeline(
                self.book.reader(), client_id, wanted
            )
        ]
