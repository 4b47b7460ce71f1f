"""What the detail pane, the edit form and `crm show` read of one client."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from crm.domain.client_form import ClientDraft


@dataclass(frozen=True)
class PhoneInfo:
    e164: str
    national: str

    @property
    def shown(self) -> str:  # the one form people see (crm.domain.phones.canonical)
        from crm.domain.phones import canonical

        return canonical(self.e164, self.national)


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
