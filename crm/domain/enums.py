"""Closed vocabularies of the client book. Values are stored; labels are translated."""

from __future__ import annotations

from enum import StrEnum

from crm.domain.messages import QT_TRANSLATE_NOOP, Msg


class ClientKind(StrEnum):
    PERSON = "person"
    SOLE_PROPRIETOR = "sole_proprietor"
    COMPANY = "company"
    #: A referral partner: someone who brings clients but does not borrow (an estate agent,
    #: an accountant, a market association head). Same book, same search as clients.
    PARTNER = "partner"

    @property
    def label(self) -> Msg:
        return _KIND_LABELS[self]


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"

    @property
    def label(self) -> Msg:
        return _GENDER_LABELS[self]


class ClientStatus(StrEnum):
    PROSPECT = "prospect"
    APPLYING = "applying"
    BORROWER = "borrower"
    FORMER_BORROWER = "former_borrower"
    DECLINED = "declined"

    @property
    def label(self) -> Msg:
        return _STATUS_LABELS[self]


class Calendar(StrEnum):
    SOLAR = "solar"
    LUNAR = "lunar"


_KIND_LABELS = {
    ClientKind.PERSON: QT_TRANSLATE_NOOP("Enum", "Person"),
    ClientKind.SOLE_PROPRIETOR: QT_TRANSLATE_NOOP("Enum", "Sole proprietor"),
    ClientKind.COMPANY: QT_TRANSLATE_NOOP("Enum", "Company"),
    ClientKind.PARTNER: QT_TRANSLATE_NOOP("Enum", "Referral partner"),
}
_GENDER_LABELS = {
    Gender.MALE: QT_TRANSLATE_NOOP("Enum", "Male"),
    Gender.FEMALE: QT_TRANSLATE_NOOP("Enum", "Female"),
}
_STATUS_LABELS = {
    ClientStatus.PROSPECT: QT_TRANSLATE_NOOP("Enum", "Prospect"),
    ClientStatus.APPLYING: QT_TRANSLATE_NOOP("Enum", "Applying"),
    ClientStatus.BORROWER: QT_TRANSLATE_NOOP("Enum", "Borrower"),
    ClientStatus.FORMER_BORROWER: QT_TRANSLATE_NOOP("Enum", "Former borrower"),
    ClientStatus.DECLINED: QT_TRANSLATE_NOOP("Enum", "Declined"),
}
