"""Related parties and turnover (流水): who stands beside a client (a spouse, a guarantor, a
partner ...), and their monthly turnover with its 6-month average, volatility and season.

A link goes from a client to another client, or to a person outside the book (a name). From
the borrower, a guarantor's own loans and open signals are visible; two clients guaranteeing
each other (互保) are spotted.
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from crm.domain.changes import Initiator, Topic
from crm.domain.clock import Clock, SystemClock
from crm.domain.errors import FieldError, ValidationErrors
from crm.domain.loan_form import to_fen
from crm.domain.loan_math import FEN, MAX_AMOUNT
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg
from crm.domain.related import PartyRole
from crm.domain.risk import TurnoverStats, month_key, turnover_stats
from crm.services import memory_base as mb
from crm.store.book import Book, sql_datetime
from crm.store.queries import risks as q

SELF_LINK = QT_TRANSLATE_NOOP("Related", "A client cannot be related to themselves.")
ALREADY_LINKED = QT_TRANSLATE_NOOP("Related", "{name} is already linked as {role}.")
NEED_OTHER = QT_TRANSLATE_NOOP("Related", "Name the other person.")
MONTH_SHAPE = QT_TRANSLATE_NOOP("Turnover", "{value!r} is not a month: use YYYY-MM (2026-10).")
MONTH_FUTURE = QT_TRANSLATE_NOOP(
    "Turnover", "{month} has not ended yet: turnover is recorded for past months."
)
AMOUNT_RANGE = QT_TRANSLATE_NOOP(
    "Turnover", "The turnover must be 0 or more (in yuan, at most 100,000,000, to the fen)."
)


def _refuse(field: str, message: Msg) -> ValidationErrors:
    return ValidationErrors([FieldError(field, message)])


@dataclass(frozen=True, slots=True)
class Party:
    id: int
    role: PartyRole
    other_client_id: int | None  # None: a person outside the book
    other_name: str
    note: str
    #: True when the link was made from the other side (the other is the borrower this
    #: client guarantees, or the spouse who named them).
    reverse: bool


def parse_month(text: str, today: dt.date) -> str:
    """'2026-10' (or 2026-1, 2026/10) as 'YYYY-MM'; refused when not a month or not ended."""
    cleaned = text.strip().replace("/", "-")
    try:
        year, month = (int(p) for p in cleaned.split("-"))
        if not (1900 < year < 2200 and 1 <= month <= 12):
            raise ValueError
    except ValueError:
        raise _refuse("month", MONTH_SHAPE.with_(value=text)) from None
    key = f"{year:04d}-{month:02d}"
    if key >= month_key(today):
        raise _refuse("month", MONTH_FUTURE.with_(month=key))
    return key


IMPORT_ROW = QT_TRANSLATE_NOOP(
    "Turnover", "Row {row} is not a month and an amount (e.g. 2026-10, 125000); nothing imported."
)
IMPORT_EMPTY = QT_TRANSLATE_NOOP("Turnover", "The file has no month and amount rows.")


def _month_amount(cells: Sequence[object]) -> tuple[str, Decimal] | None:
    """(month as typed, amount) from a row's first two cells: a month as 2026-10, 2026/10,
    2026年10月 or a date; an amount as a number or text with separators."""
    if len(cells) < 2:
        return None
    first, second = cells[0], cells[1]
    if isinstance(first, dt.date):
        month = f"{first.year:04d}-{first.month:02d}"
    else:
        text = str(first).strip().replace("年", "-").replace("月", "").replace("/", "-")
        parts = text.split("-")
        if len(parts) < 2 or not (parts[0].isdigit() and parts[1].isdigit()):
            return None
        month = f"{parts[0]}-{parts[1]}"
    try:
        amount = Decimal(str(second).replace(",", "").replace("，", "").strip())
    except ArithmeticError:
        return None
    return month, amount


class RelatedService:
    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()

    # -- related parties -------------------------------------------------------------------

    def relate(
        self,
        client_id: int,
        role: PartyRole | str,
        *,
        other_client_id: int | None = None,
        other_name: str = "",
        note: str = "",
        initiator: Initiator = Initiator.USER,
    ) -> int:
        """Link ``client_id`` to another client (or a named person outside the book) as
        ``role``: "B is A's guarantor" is ``relate(A, GUARANTOR, other_client_id=B)``."""
        role = PartyRole(role)
        if other_client_id is None and not other_name.strip():
            raise _refuse("other", NEED_OTHER)
        if other_client_id == client_id:
            raise _refuse("other", SELF_LINK)
        now = self.clock.now()
        with self.book.write() as conn:
            mb.require_client(conn, client_id)
            if other_client_id is not None:
                mb.require_client(conn, other_client_id)
                if q.party_exists(conn, client_id, other_client_id, role.value):
                    from crm.store.queries.loans import client_name

                    name = client_name(conn, other_client_id) or str(other_client_id)
                    raise _refuse("other", ALREADY_LINKED.with_(name=name, role=role.label))
            new_id = q.insert_party(
                conn,
                (
                    client_id,
                    other_client_id,
                    other_name.strip(),
                    role.value,
                    note.strip(),
                    sql_datetime(now),
                ),
            )
        ids = [client_id] + ([other_client_id] if other_client_id is not None else [])
        self.book.changes.publish(Topic.RELATED_PARTY, ids, initiator)
        return new_id

    def parties(self, client_id: int) -> builtins.list[Party]:
        out = []
        for pid, cid, other, _other_name, role, note, name, other_shown in q.parties_of(
            self.book.reader(), client_id
        ):
            reverse = cid != client_id
            out.append(
                Party(
                    pid,
                    PartyRole(role) if role in PartyRole._value2member_map_ else PartyRole.OTHER,
                    cid if reverse else other,
                    name if reverse else other_shown,
                    note,
                    reverse,
                )
            )
        return out

    def guarantors(self, client_id: int) -> builtins.list[int]:
        """Client ids who guarantee this client (their loans and signals matter here)."""
        return [
            p.other_client_id
            for p in self.parties(client_id)
            if p.role is PartyRole.GUARANTOR and not p.reverse and p.other_client_id is not None
        ]

    def mutual_guarantees(
        self, client_ids: Iterable[int] | None = None
    ) -> builtins.list[tuple[int, int]]:
        """(a, b) pairs guaranteeing each other (互保), a < b; only pairs touching
        ``client_ids`` when given."""
        pairs = [(int(a), int(b)) for a, b in q.guarantee_pairs(self.book.reader())]
        if client_ids is None:
            return pairs
        wanted = set(client_ids)
        return [p for p in pairs if p[0] in wanted or p[1] in wanted]

    # -- turnover --------------------------------------------------------------------------

    def record_turnover(
        self,
        client_id: int,
        months: Sequence[tuple[str, Decimal]],
        initiator: Initiator = Initiator.USER,
    ) -> builtins.list[str]:
        """Record monthly turnover (entered, or the rows of an imported sheet): every month
        checked first (a past month, an amount 0..100,000,000 to the fen), then one write.
        Returns the months as stored."""
        today = self.clock.today()
        rows = []
        for text, amount in months:
            month = parse_month(text, today)
            if not (
                amount.is_finite() and 0 <= amount <= MAX_AMOUNT and amount == amount.quantize(FEN)
            ):
                raise _refuse("amount", AMOUNT_RANGE)
            rows.append((client_id, month, to_fen(amount)))
        stamp = sql_datetime(self.clock.now())
        with self.book.write() as conn:
            mb.require_client(conn, client_id)
            q.upsert_turnover(conn, [(*r, stamp) for r in rows])
        self.book.changes.publish(Topic.TURNOVER, [client_id], initiator)
        return [r[1] for r in rows]

    def import_turnover(
        self, client_id: int, path: Path, initiator: Initiator = Initiator.IMPORT
    ) -> builtins.list[str]:
        """Record the months of an xlsx (or csv) of month / amount, read by the import's
        reader (its size and zip-bomb checks): every row checked first, one write. A header
        row is skipped; a row that is not a month and an amount is refused with its number,
        nothing written. Raises FileRefused (unreadable) or ValidationErrors."""
        from crm.services.transfer.reader import read_table

        table = read_table(Path(path))
        rows: list[Sequence[object]] = [table.headers, *table.rows]
        months: list[tuple[str, Decimal]] = []
        for n, row in enumerate(rows, start=1):
            cells = [c for c in row if c not in (None, "")]
            if not cells:
                continue
            parsed = _month_amount(cells)
            if parsed is None:
                if n == 1:
                    continue  # the header
                raise _refuse("file", IMPORT_ROW.with_(row=n))
            months.append(parsed)
        if not months:
            raise _refuse("file", IMPORT_EMPTY)
        return self.record_turnover(client_id, months, initiator)

    def turnover(self, client_id: int) -> builtins.list[tuple[str, Decimal]]:
        """(month, yuan) oldest first."""
        return [
            (m, Decimal(fen).scaleb(-2)) for m, fen in q.turnover_of(self.book.reader(), client_id)
        ]

    def turnover_stats(self, client_id: int) -> TurnoverStats:
        return turnover_stats(q.turnover_of(self.book.reader(), client_id))
