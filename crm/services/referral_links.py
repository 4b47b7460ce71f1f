"""Walking referral links upward, and refusing a link that would close a circle.

Used inside the client write transaction (``check_referrer``) and by the read side. Chains are
walked by a recursive CTE, so depth costs no Python recursion; ``MAX_DEPTH`` only guards
against a circle written by something other than Prism.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from crm.domain.errors import FieldError, ValidationErrors
from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.domain.referrals import cycle_error, display_name, self_referral_error

MAX_DEPTH = 100_000

PERSON_COLUMNS = "c.id, c.name, c.form_of_address, c.status, c.kind, c.archived_at IS NOT NULL"


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
    return Person(row[0], row[1], row[2], row[3], row[4], bool(row[5]))


_CHAIN_SQL = f"""
    WITH RECURSIVE up(id, depth) AS (
        SELECT ?, 0
        UNION ALL
        SELECT c.referred_by_id, up.depth + 1 FROM up JOIN client c ON c.id = up.id
        WHERE c.referred_by_id IS NOT NULL AND up.depth < {MAX_DEPTH}
    )
    SELECT {PERSON_COLUMNS}, up.depth FROM up JOIN client c ON c.id = up.id ORDER BY up.depth
"""


def chain_up(conn: sqlite3.Connection, client_id: int) -> list[Person]:
    """The client, who brought them, who brought that one ... up to the root (first: client)."""
    out: list[Person] = []
    seen: set[int] = set()
    for row in conn.execute(_CHAIN_SQL, (client_id,)):
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
