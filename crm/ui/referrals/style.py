"""Colours and labels the referral views share (Qt only)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from crm.domain.enums import ClientKind, ClientStatus
from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.services.referral_links import Person
from crm.ui.clients.model import STATUS_COLOURS

ARCHIVED = QT_TRANSLATE_NOOP("Referrals", "Archived")
PARTNER_COLOUR = "#7c3aed"
ARCHIVED_COLOUR = "#9ca3af"


def colour_of(p: Person) -> str:
    if p.archived:
        return ARCHIVED_COLOUR
    if p.kind == ClientKind.PARTNER:
        return PARTNER_COLOUR
    try:
        return STATUS_COLOURS.get(ClientStatus(p.status), "#374151")
    except ValueError:
        return "#374151"


def status_text(p: Person) -> str:
    """The status, or "Referral partner" for partners; "· Archived" when archived."""
    tr = QCoreApplication.translate
    if p.kind == ClientKind.PARTNER:
        text = ClientKind.PARTNER.label.render(tr)
    else:
        try:
            text = ClientStatus(p.status).label.render(tr)
        except ValueError:
            text = p.status
    if p.archived:
        text += " · " + ARCHIVED.render(tr)
    return text


def person_text(p: Person) -> str:
    return p.name if p.label == p.name else f"{p.name}（{p.label}）"
