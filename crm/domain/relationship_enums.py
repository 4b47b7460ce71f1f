"""Closed vocabularies of relationship memory. Values are stored; labels are translated.

Kept apart from the tables (crm.domain.relationship) so widgets can show labels without
importing SQLModel on the GUI's start-up path.
"""

from __future__ import annotations

from enum import StrEnum

from crm.domain.messages import QT_TRANSLATE_NOOP, Msg


class NoteCategory(StrEnum):
    FAMILY = "family"
    BUSINESS = "business"
    HEALTH = "health"
    INTERESTS = "interests"
    OTHER = "other"

    @property
    def label(self) -> Msg:
        return _CATEGORY_LABELS[self]


class Channel(StrEnum):
    PHONE = "phone"
    WECHAT = "wechat"
    VISIT = "visit"
    BRANCH = "branch"
    OTHER = "other"

    @property
    def label(self) -> Msg:
        return _CHANNEL_LABELS[self]


class TimelineKind(StrEnum):
    NOTE = "note"
    INTERACTION = "interaction"
    PROMISE_MADE = "promise_made"
    PROMISE_KEPT = "promise_kept"
    SHARE = "share"

    @property
    def label(self) -> Msg:
        return _KIND_LABELS[self]


_CATEGORY_LABELS = {
    NoteCategory.FAMILY: QT_TRANSLATE_NOOP("Enum", "Family"),
    NoteCategory.BUSINESS: QT_TRANSLATE_NOOP("Enum", "Business"),
    NoteCategory.HEALTH: QT_TRANSLATE_NOOP("Enum", "Health"),
    NoteCategory.INTERESTS: QT_TRANSLATE_NOOP("Enum", "Interests"),
    NoteCategory.OTHER: QT_TRANSLATE_NOOP("Enum", "Other"),
}
_CHANNEL_LABELS = {
    Channel.PHONE: QT_TRANSLATE_NOOP("Enum", "Phone"),
    Channel.WECHAT: QT_TRANSLATE_NOOP("Enum", "WeChat"),
    Channel.VISIT: QT_TRANSLATE_NOOP("Enum", "Visit"),
    Channel.BRANCH: QT_TRANSLATE_NOOP("Enum", "Branch meeting"),
    Channel.OTHER: QT_TRANSLATE_NOOP("Enum", "Other"),
}
_KIND_LABELS = {
    TimelineKind.NOTE: QT_TRANSLATE_NOOP("Enum", "Note"),
    TimelineKind.INTERACTION: QT_TRANSLATE_NOOP("Enum", "Contact"),
    TimelineKind.PROMISE_MADE: QT_TRANSLATE_NOOP("Enum", "Promise made"),
    TimelineKind.PROMISE_KEPT: QT_TRANSLATE_NOOP("Enum", "Promise kept"),
    TimelineKind.SHARE: QT_TRANSLATE_NOOP("Enum", "Resource shared"),
}
