"""What a committed write changed, as every listener (pages, pop-ups, the tray) hears it.

One :class:`Change` per committed write: the kinds of record it touched, the clients they
belong to (empty when the change is not about particular clients, or about too many to list),
and who started it, so a view can tell its own edit from an import or an undo.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Topic(StrEnum):
    """A kind of record a write can change. Listeners name the topics they show."""

    CLIENT = "client"
    NOTE = "note"
    INTERACTION = "interaction"
    PROMISE = "promise"
    RESOURCE = "resource"
    CADENCE = "cadence"  # keep-in-touch defaults
    REMINDER = "reminder"  # a reminder's state: done, snoozed, dismissed
    REMINDER_SETTINGS = "reminder_settings"
    GREETING_TEMPLATES = "greeting_templates"
    REFERRAL_THANKS = "referral_thanks"
    LOAN = "loan"  # a loan, its status history, the product list
    NEED = "need"  # the needs record
    LOAN_DOCUMENT = "loan_document"  # a loan application's papers, the checklists
    POST_LOAN_CHECK = "post_loan_check"  # 贷后 checks done, their schedule
    RISK = "risk"  # risk signals, their history; contact-field changes
    RELATED_PARTY = "related_party"
    TURNOVER = "turnover"  # monthly 流水
    BOOK = "book"  # the whole book replaced or refilled: restore, demo


class Initiator(StrEnum):
    """Who started the write."""

    USER = "user"  # a form, a button, a `crm` command
    UNDO = "undo"
    IMPORT = "import"
    DEMO = "demo"
    RESTORE = "restore"
    SYSTEM = "system"  # Prism on its own: the reminder check, a detected signal


@dataclass(frozen=True)
class Change:
    topics: frozenset[Topic]
    #: Client ids the change is about; empty: not about particular clients (settings,
    #: resources) or about the whole book (restore).
    client_ids: frozenset[int] = frozenset()
    initiator: Initiator = Initiator.USER

    def touches(self, topics: Iterable[Topic]) -> bool:
        return not self.topics.isdisjoint(topics) or Topic.BOOK in self.topics

    def about(self, client_id: int | None) -> bool:
        """True when the change may concern this client (an empty id set concerns everyone)."""
        return not self.client_ids or client_id in self.client_ids or Topic.BOOK in self.topics
