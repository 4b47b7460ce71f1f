"""Colours and labels the referral views share (Qt only)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.services.referral_links import Person
from crm.ui.clients.model import status_colour, status_label

ARCHIVED = QT_TRANSLATE_NOOP("Referrals", "Archived")
ARCHIVED_COLOUR = "#9ca3af"


def colour_of(p: Person) -> str:
    return ARCHIVED_COLOUR if p.archived else status_colour(p.kind, p.status)


def status_text(p: Person) -> str:
    """The status, or "Referral partner" for partners; "· Archived" when archived."""
    text = status_label(p.kind, p.status)
    if p.archived:
        text += " · " + ARCHIVED.render(QCoreApplication.translate)
    return text


def person_text(p: Person) -> str:
    return p.name if p.label == p.name else f"{p.name}（{p.label}）"
