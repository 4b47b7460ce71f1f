"""Related parties: the roles a link between two people can have."""

from __future__ import annotations

from enum import StrEnum

from crm.domain.messages import QT_TRANSLATE_NOOP, Msg


class PartyRole(StrEnum):
    SPOUSE = "spouse"
    GUARANTOR = "guarantor"  # 担保人: the other guarantees this client's loans
    PARTNER = "partner"
    FAMILY = "family"
    OTHER = "other"

    @property
    def label(self) -> Msg:
        return _LABELS[self]


_LABELS = {
    PartyRole.SPOUSE: QT_TRANSLATE_NOOP("Related", "Spouse"),
    PartyRole.GUARANTOR: QT_TRANSLATE_NOOP("Related", "Guarantor"),
    PartyRole.PARTNER: QT_TRANSLATE_NOOP("Related", "Business partner"),
    PartyRole.FAMILY: QT_TRANSLATE_NOOP("Related", "Family member"),
    PartyRole.OTHER: QT_TRANSLATE_NOOP("Related", "Other"),
}
