"""Referral vocabulary and pure rules: where a client came from, how a chain reads."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from crm.domain.errors import FieldError
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg

#: How a chain reads, nearest first: "王姐 ← 李总 ← 陈会长" (王姐 was brought by 李总 ...).
CHAIN_ARROW = " ← "


class ReferralSource(StrEnum):
    WALK_IN = "walk_in"
    BRANCH = "branch"
    PHONE = "phone"
    EVENT = "event"
    ONLINE = "online"
    OTHER = "other"
    #: Referred: by the client in ``referred_by_id``, or by someone not in the book.
    REFERRAL = "referral"

    @property
    def label(self) -> Msg:
        return _SOURCE_LABELS[self]


_SOURCE_LABELS = {
    ReferralSource.WALK_IN: QT_TRANSLATE_NOOP("Enum", "Walk-in"),
    ReferralSource.BRANCH: QT_TRANSLATE_NOOP("Enum", "Branch"),
    ReferralSource.PHONE: QT_TRANSLATE_NOOP("Enum", "Phone"),
    ReferralSource.EVENT: QT_TRANSLATE_NOOP("Enum", "Event"),
    ReferralSource.ONLINE: QT_TRANSLATE_NOOP("Enum", "Online"),
    ReferralSource.OTHER: QT_TRANSLATE_NOOP("Enum", "Other"),
    ReferralSource.REFERRAL: QT_TRANSLATE_NOOP("Enum", "Referral"),
}

NOT_RECORDED = QT_TRANSLATE_NOOP("Enum", "Not recorded")


def display_name(name: str, form_of_address: str | None) -> str:
    """How a person appears in a chain: the way the officer addresses them, else the name."""
    return form_of_address or name


def chain_text(names: Sequence[str]) -> str:
    return CHAIN_ARROW.join(names)


def effective_source(
    source: ReferralSource | None, referred_by_id: int | None
) -> ReferralSource | None:
    """A client with a referrer came by referral, whatever was picked before."""
    return ReferralSource.REFERRAL if referred_by_id is not None else source


def cycle_error(client: str, referrer: str, chain: Sequence[str]) -> FieldError:
    """``chain`` runs from the chosen referrer up to ``client``: who brought whom already."""
    return FieldError(
        "referred_by",
        QT_TRANSLATE_NOOP(
            "Referrals",
            "{referrer} cannot have referred {client}: {client} is already above them in "
            "the chain {chain}.",
        ).with_(client=client, referrer=referrer, chain=chain_text(chain)),
    )


def self_referral_error() -> FieldError:
    return FieldError(
        "referred_by",
        QT_TRANSLATE_NOOP("Referrals", "A client cannot be referred by themselves."),
    )
