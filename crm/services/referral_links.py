"""Walking referral links upward, and refusing a link that would close a circle.

``check_referrer`` runs inside the client write transaction (ClientService.add/update); the
read side (ReferralService) walks chains with the same ``chain_up``. The walk itself is a
recursive CTE in ``crm.store.queries.referrals``, so depth costs no Python recursion.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from crm.domain.errors import FieldError, ValidationErrors
from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.domain.referrals import cycle_error, display_name, self_referral_error
from crm.store.queries import referrals as q


@dataclass(frozen=True)
class Person:
    """One person in a chain or tree, as the referral views show them."""

    id: int
    name: str
    form_of_address: str | None
    status: str
    kind: str
    archived: bool

    @property
    def label(self) -> str:
        return display_name(self.name, self.form_of_address)


def person_from_row(row: tuple[Any, ...]) -> Person:
    """A person from a row in ``q.PERSON_COLUMNS`` order (``archived_at`` last)."""
    return Person(row[0], row[1], row[2], row[3], row[4], row[5] is not None)


def chain_up(conn: sqlite3.Connection, client_id: int) -> list[Person]:
    """The client, who brought them, who brought that one ... up to the root (first: client).

    Takes a connection: it runs in the client write transaction (``check_referrer``) as well
    as on a reader.
    """
    out: list[Person] = []
    seen: set[int] = set()
    for row in q.chain_rows(conn, client_id):
        if row[0] in seen:  # a circle from outside Prism: stop where it closes
            break
        seen.add(row[0])
        out.append(person_from_row(row))
    return out


def check_referrer(
    conn: sqlite3.Connection, client_id: int | None, referrer_id: int | None
) -> None:
    """Raise ValidationErrors when ``referrer_id`` cannot refer ``client_id`` (None: new client).

    Runs in the caller's write transaction, so no other write can slip a circle in between.
    """
    if referrer_id is None:
        return
    if client_id is not None and referrer_id == client_id:
        raise ValidationErrors([self_referral_error()])
    chain = chain_up(conn, referrer_id)
    if not chain:
        raise ValidationErrors(
            [
                FieldError(
                    "referred_by",
                    QT_TRANSLATE_NOOP("Referrals", "There is no client with id {id}.").with_(
                        id=referrer_id
                    ),
                )
            ]
        )
    if client_id is None:
        return
    ids = [p.id for p in chain]
    if client_id in ids:
        path = chain[: ids.index(client_id) + 1]
        raise ValidationErrors(
            [cycle_error(path[-1].label, path[0].label, [p.label for p in path])]
        )
