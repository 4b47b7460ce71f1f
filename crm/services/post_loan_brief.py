"""What the pre-contact brief says of the after-the-loan area: open risk signals, checks due
within a week or late, papers still missing, related parties (a guarantor's own standing,
mutual guarantees). Read by :class:`crm.services.brief.BriefService`, rendered by
:func:`after_loan_sections` for the brief's text and its tab."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass

from crm.domain.changes import Topic
from crm.domain.clock import Clock
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg
from crm.domain.post_loan import DueCheck
from crm.services.related import Party
from crm.services.risks import SignalRow
from crm.store.book import Book

#: What the brief's after-the-loan lines are made of: a brief view follows these too.
AFTER_LOAN_TOPICS = frozenset(
    {Topic.RISK, Topic.POST_LOAN_CHECK, Topic.LOAN_DOCUMENT, Topic.RELATED_PARTY}
)
#: Checks due this many days ahead are listed (late ones always).
CHECKS_AHEAD = 7


@dataclass(frozen=True)
class AfterLoan:
    signals: tuple[SignalRow, ...] = ()  # open ones, worst first
    checks: tuple[DueCheck, ...] = ()
    missing: tuple[str, ...] = ()  # papers of the application in progress
    missing_loan: int | None = None
    parties: tuple[Party, ...] = ()
    guarantor_notes: tuple[str, ...] = ()  # guarantors with an overdue loan or open signal
    mutual: tuple[str, ...] = ()  # names guaranteeing each other with the client


def after_loan_of(book: Book, clock: Clock, client_id: int) -> AfterLoan:
    from crm.services.facade import Services

    services = Services(book, clock)
    today = clock.today()
    signals = sorted(
        (s for s in services.risks.for_client(client_id) if s.open),
        key=lambda s: (-s.severity, s.opened_on),
    )
    ahead = today + dt.timedelta(days=CHECKS_AHEAD)
    checks = [d for d in services.post_loan.due_for_client(client_id) if d.due_on <= ahead]
    missing: tuple[str, ...] = ()
    loan_id = None
    with contextlib.suppress(LookupError):  # no loan: no papers
        loan_id = services.checklists.loan_for(client_id)
        missing = tuple(i.item for i in services.checklists.checklist(loan_id).missing)
    parties = services.related.parties(client_id)
    names = {p.other_client_id: p.other_name for p in parties if p.other_client_id}
    notes = []
    for gid in services.related.guarantors(client_id):
        overdue = sum(1 for r in services.loans.for_client(gid) if r.status.value == "overdue")
        open_signals = sum(1 for s in services.risks.for_client(gid) if s.open)
        if overdue or open_signals:
            notes.append(names.get(gid, str(gid)))
    mutual = tuple(
        names.get(b if a == client_id else a, "?")
        for a, b in services.related.mutual_guarantees([client_id])
    )
    return AfterLoan(
        tuple(signals), tuple(checks), missing, loan_id, tuple(parties), tuple(notes), mutual
    )


_SIGNALS = QT_TRANSLATE_NOOP("Brief", "Risk signals:")
_CHECKS = QT_TRANSLATE_NOOP("Brief", "Post-loan checks:")
_PAPERS = QT_TRANSLATE_NOOP("Brief", "Papers still missing (loan {id}):")
_PARTIES = QT_TRANSLATE_NOOP("Brief", "Related parties:")
_LATE = QT_TRANSLATE_NOOP("Brief", "{check} late since {date}")
_DUE = QT_TRANSLATE_NOOP("Brief", "{check} due {date}")
_THEIR_ROLE = QT_TRANSLATE_NOOP("Brief", "{name} (you are their {role})")
_MUTUAL = QT_TRANSLATE_NOOP("Brief", "Mutual guarantee (互保) with {name}")
_GUARANTOR_WATCH = QT_TRANSLATE_NOOP("Brief", "Guarantor {name} has overdue loans or signals")


def after_loan_sections(
    a: AfterLoan | None, today: dt.date
) -> list[tuple[Msg, list[tuple[Msg, bool]]]]:
    """(heading, [(line, serious)]) of each section with something to say; lines are
    messages (nested labels rendered with :func:`crm.domain.loan_form.render`)."""
    if a is None:
        return []
    out: list[tuple[Msg, list[tuple[Msg, bool]]]] = []
    if a.signals:
        lines = []
        for s in a.signals:
            text = Msg("Brief", "{mark} {kind} ({date}) {note}").with_(
                mark="▲" * s.severity,
                kind=s.kind.label,
                date=s.opened_on.isoformat(),
                note=s.note,
            )
            lines.append((text, s.severity >= 3))
        out.append((_SIGNALS, lines))
    if a.checks:
        out.append(
            (
                _CHECKS,
                [
                    (
                        (_LATE if d.late(today) else _DUE).with_(
                            check=d.kind.label, date=d.due_on.isoformat()
                        ),
                        d.late(today),
                    )
                    for d in a.checks
                ],
            )
        )
    if a.missing:
        out.append(
            (_PAPERS.with_(id=a.missing_loan), [(Msg("Brief", item), False) for item in a.missing])
        )
    party_lines: list[tuple[Msg, bool]] = []
    for p in a.parties:
        role = p.role.label
        party_lines.append(
            (Msg("Brief", "{role}: {name}").with_(role=role, name=p.other_name), False)
            if not p.reverse
            else (_THEIR_ROLE.with_(role=role, name=p.other_name), False)
        )
    party_lines += [(_GUARANTOR_WATCH.with_(name=n), True) for n in a.guarantor_notes]
    party_lines += [(_MUTUAL.with_(name=n), True) for n in a.mutual]
    if party_lines:
        out.append((_PARTIES, party_lines))
    return out
