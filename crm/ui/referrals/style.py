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


LEGEND_SIZE = QT_TRANSLATE_NOOP("Referrals", "larger: brought more people")


def legend_html() -> str:
    """One coloured dot per status, the partners' and the archived colour, and what size means."""
    from crm.domain.enums import ClientKind, ClientStatus
    from crm.ui.clients.model import PARTNER_COLOUR, STATUS_COLOURS

    tr = QCoreApplication.translate
    entries = [(STATUS_COLOURS[s], s.label.render(tr)) for s in ClientStatus]
    entries.append((PARTNER_COLOUR, ClientKind.PARTNER.label.render(tr)))
    entries.append((ARCHIVED_COLOUR, ARCHIVED.render(tr)))
    dots = "&nbsp;&nbsp;".join(
        f'<span style="color:{colour}; font-size:15px;">●</span>&nbsp;{text}'
        for colour, text in entries
    )
    return f"{dots}&nbsp;&nbsp;&nbsp;<span style='color:#6b7280'>⬤ {LEGEND_SIZE.render(tr)}</span>"
