"""Importing clients: preview every row with the add dialog's rules, then one transaction.

A row is checked with :func:`crm.domain.client_form.clean_client` (the same rules as the add
dialog and ``crm add``), then matched against the book: the same phone or ID number as an
existing client makes it a duplicate, for which the officer chooses skip, update or add.
A later row repeating an earlier row's phone or ID number is a duplicate of that row; it is
added only with "add" (there is nothing yet to update).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from crm.domain.changes import Initiator
from crm.domain.client_form import CleanClient, ClientDraft, clean_client
from crm.domain.clock import Clock
from crm.domain.errors import FieldError, ValidationErrors
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg, Translate
from crm.services.collector import collector_paused
from crm.services.transfer.fields import FIELD_BY_KEY, NAME_KEYS
from crm.services.transfer.parse import Extra, RowParser
from crm.services.transfer.reader import Cancelled, ImportCancelled, Table
from crm.store.book import Book, sql_datetime

ON_DUPLICATE = ("skip", "update", "add")
PREVIEW_CHUNK = 500  # rows checked between two progress reports / cancel checks
#: progress(done, total); raising from it rolls the whole import back
Progress = Callable[[int, int], None]

_FIELD_OF_ERROR = {"phone": "phones"}


class ImportRefused(Exception):
    def __init__(self, message: Msg) -> None:
        self.message = message
        super().__init__(message.render())


@dataclass(slots=True)  # one per row of the file: no __dict__ each
class PreviewRow:
    row: int  # the row number in the spreadsheet (the header is row 1)
    #: The row as read; let go (None) once the row is clean and adds a client, to keep 100,000
    #: rows in bounds: ``name`` and ``phones`` tell the row either way.
    draft: ClientDraft | None
    clean: CleanClient | None
    problems: list[tuple[str, Msg]] = field(default_factory=list)  # (column, reason)
    duplicate_of: int | None = None  # an existing client with the same phone or ID number
    duplicate_row: int | None = None  # an earlier row of the file with the same
    extra: Extra = field(default_factory=Extra)  # referrer, last contact, date added
    referrer_row: int | None = None  # the referrer is this row of the file
    referrer_id: int | None = None  # the referrer is this client of the book

    @property
    def ok(self) -> bool:
        return self.clean is not None

    @property
    def name(self) -> str:
        return self.clean.name if self.clean is not None else self.draft.name if self.draft else ""

    @property
    def phones(self) -> list[str]:
        """The row's phones: as Prism writes them once clean, else as the file has them."""
        if self.clean is not None:
            from crm.domain.phones import canonical

            return [canonical(p.e164, p.national) for p in self.clean.phones]
        return list(self.draft.phones) if self.draft else []

    @property
    def duplicate(self) -> bool:
        return self.duplicate_of is not None or self.duplicate_row is not None


@dataclass
class Preview:
    headers: list[str]
    mapping: list[str | None]
    rows: list[PreviewRow]
    other_sheets: tuple[str, ...] = ()  # sheets of the workbook that were not read
    header_row: int = 1

    @property
    def unmapped(self) -> list[str]:
        """Every column of the file that is not imported (nothing is dropped unsaid)."""
        return [
            h or f"#{i + 1}"
            for i, (h, k) in enumerate(zip(self.headers, self.mapping, strict=False))
            if not k
        ]

    def not_imported(self, translate: Translate) -> list[tuple[int, str, str]]:
        """(row, column or sheet, reason) for each column and sheet left out."""
        column = QT_TRANSLATE_NOOP("Import", "This column is not imported.").render(translate)
        sheet = QT_TRANSLATE_NOOP(
            "Import", "This sheet is not imported (choose it with --sheet, or in the dialog)."
        ).render(translate)
        return [(self.header_row, h, column) for h in self.unmapped] + [
            (0, name, sheet) for name in self.other_sheets
        ]

    @property
    def bad(self) -> list[PreviewRow]:
        return [r for r in self.rows if not r.ok]

    @property
    def duplicates(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.ok and r.duplicate]

    def report(self, translate: Translate) -> list[tuple[int, str, str]]:
        """(row, column, reason) for every problem, in file order."""
        return [
            (r.row, column, reason.render(translate))
            for r in self.rows
            for column, reason in r.problems
        ]


@dataclass(frozen=True)
class ImportSummary:
    added: int
    updated: int
    skipped: int
    bad: int
    ids: tuple[int, ...] = ()


def _column_name(headers: Sequence[str], mapping: Sequence[str | None], key: str) -> str:
    for h, k in zip(headers, mapping, strict=False):
        if k == key:
            return h
    f = FIELD_BY_KEY.get(key)
    return f.label.text if f else key


def build_preview(
    book: Book,
    table: Table,
    mapping: Sequence[str | None],
    today: dt.date,
    translate: Translate,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Preview:
    """Every row checked and matched. ``progress(done, total)`` every ``PREVIEW_CHUNK`` rows;
    when ``cancelled()`` says so, :class:`ImportCancelled` is raised."""
    if not NAME_KEYS & set(mapping):
        raise ImportRefused(
            QT_TRANSLATE_NOOP("Import", "No column is mapped to the name; choose which one it is.")
        )
    with collector_paused():
        return _build(book, table, mapping, today, translate, progress, cancelled)


def _build(
    book: Book,
    table: Table,
    mapping: Sequence[str | None],
    today: dt.date,
    translate: Translate,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> Preview:
    csv = table.kind == "csv"
    parser = RowParser(mapping, translate, unquote=csv and table.apostrophes, literal=csv)
    from crm.store.queries import clients as q

    conn = book.reader()
    phone_owner = q.phone_owners(conn)
    id_owner = q.id_number_owners(conn)
    seen_phone: dict[str, int] = {}
    seen_id: dict[str, int] = {}
    rows: list[PreviewRow] = []
    headers = table.headers
    total = len(table.rows)
    for n, cells in enumerate(table.rows):
        if n % PREVIEW_CHUNK == 0:
            _tick(progress, cancelled, n, total)
        if not any(c not in (None, "") and str(c).strip() for c in cells):
            continue  # blank line
        line = n + table.first_row
        draft, errors, extra = parser.draft(cells)
        clean = None
        try:
            clean = clean_client(draft, today)
        except ValidationErrors as exc:
            errors += exc.errors
        if errors:
            clean = None
        problems = [(_column_name(headers, mapping, _key(e)), e.message) for e in errors]
        pr = PreviewRow(line, draft, clean, problems, extra=extra)
        if clean is not None:
            for p in clean.phones:
                pr.duplicate_of = pr.duplicate_of or phone_owner.get(p.national)
                pr.duplicate_row = pr.duplicate_row or seen_phone.get(p.national)
            if clean.id_number:
                pr.duplicate_of = pr.duplicate_of or id_owner.get(clean.id_number)
                pr.duplicate_row = pr.duplicate_row or seen_id.get(clean.id_number)
            if pr.duplicate_of is not None:
                pr.duplicate_row = None
            for p in clean.phones:
                seen_phone.setdefault(p.national, line)
            if clean.id_number:
                seen_id.setdefault(clean.id_number, line)
        if pr.clean is not None and pr.duplicate_of is None:
            pr.draft = None  # only an update merges the file's cells into a client (_merged)
        rows.append(pr)
    from crm.services.transfer.referrers import resolve

    resolve(conn, rows, _column_name(headers, mapping, "referrer"))
    _tick(progress, cancelled, total, total)
    return Preview(
        list(headers), list(mapping), rows, table.other_sheets, max(table.first_row - 1, 1)
    )


def _tick(progress: Progress | None, cancelled: Cancelled | None, done: int, total: int) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled()
    if progress is not None:
        progress(done, total)


def _key(error: FieldError) -> str:
    return _FIELD_OF_ERROR.get(error.field, error.field)


def commit(
    book: Book,
    preview: Preview,
    clock: Clock,
    on_duplicate: str = "skip",
    skip_bad: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportSummary:
    """Add (and update) the accepted rows in ONE transaction: all of them, or nothing.

    ``progress(done, total)`` after each chunk of rows written; ``cancelled()`` is asked
    between chunks, and saying so rolls everything back (:class:`ImportCancelled`)."""
    if on_duplicate not in ON_DUPLICATE:
        raise ValueError(on_duplicate)
    bad = len(preview.bad)
    if bad and not skip_bad:
        raise ImportRefused(
            QT_TRANSLATE_NOOP(
                "Import",
                "{n} row(s) have problems, so nothing was imported. Fix them, or "
                "import only the good rows.",
            ).with_(n=bad)
        )
    with collector_paused():
        return _commit(book, preview, clock, on_duplicate, bad, progress, cancelled)


def _commit(
    book: Book,
    preview: Preview,
    clock: Clock,
    on_duplicate: str,
    bad: int,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> ImportSummary:
    from crm.services.clients import ClientService, SaveCancelled, write_clients
    from crm.store.queries import clients as cq

    clients = ClientService(book, clock)
    # The clients the file updates, read in one go (one read each made 20,000 updates slow).
    existing = (
        clients.get_many([r.duplicate_of for r in preview.rows if r.ok and r.duplicate_of])
        if on_duplicate == "update"
        else {}
    )
    inserts: list[PreviewRow] = []
    updates: list[PreviewRow] = []
    skipped = 0
    for n, r in enumerate(preview.rows):
        if cancelled is not None and n % PREVIEW_CHUNK == 0 and cancelled():
            raise ImportCancelled()
        if r.clean is None:
            continue
        if r.duplicate_of is not None and on_duplicate == "update":
            updates.append(r)
        elif r.duplicate and on_duplicate != "add":
            skipped += 1
        else:
            inserts.append(r)
    now = clock.now()
    # The same write, with the same side effects (thank-you, search columns, phones and
    # tags, referrer check), as the add dialog and `crm edit`: one transaction, all or nothing.
    try:
        with book.write() as conn:
            # Inside one write transaction the n inserts take the n ids from next_id on, in
            # order: a referrer row of the file is known by its id before anything is written.
            first = cq.next_id(conn)
            ids = {r.row: first + k for k, r in enumerate(inserts)}
            for r in preview.rows:
                if r.duplicate_of is not None:
                    ids.setdefault(r.row, r.duplicate_of)
            for r in preview.rows:
                if r.duplicate_row is not None and r.row not in ids:
                    ids[r.row] = ids.get(r.duplicate_row, 0)
            adds = [_linked(r, r.clean, ids) for r in inserts if r.clean is not None]
            changed = [
                (
                    r.duplicate_of,
                    _linked(r, _merged(_old(existing, clients, r), clock, r, preview.mapping), ids),
                )
                for r in updates
                if r.duplicate_of is not None
            ]
            written = write_clients(
                conn,
                adds,
                changed,
                now=now,
                created=[r.extra.created or now for r in inserts],
                progress=progress,
                cancelled=cancelled,
            )
            _keep_last_contacts(conn, [*inserts, *updates], ids)
    except SaveCancelled:
        raise ImportCancelled() from None
    if written.client_ids:
        book.changes.publish(written.topics, written.client_ids, Initiator.IMPORT)
    return ImportSummary(len(adds), len(changed), skipped, bad, tuple(written.new_ids))


def _keep_last_contacts(
    conn: sqlite3.Connection, rows: Sequence[PreviewRow], ids: dict[int, int]
) -> None:
    """The file's last contact where it is later than the book's, through the one writer of
    that column (interactions keep it; a newer interaction moves it on as usual)."""
    from crm.store.queries import relationship as R
    from crm.store.queries import transfer as Q

    wanted = {
        ids[r.row]: sql_datetime(r.extra.last_contact)
        for r in rows
        if r.extra.last_contact is not None and ids.get(r.row)
    }
    if not wanted:
        return
    stored = Q.last_contacts(conn, sorted(wanted))
    later = [
        (when, cid)
        for cid, when in wanted.items()
        if stored.get(cid) is None or str(stored[cid]) < when
    ]
    R.set_last_contacts(conn, later)


def _old(existing: dict, clients: object, r: PreviewRow) -> ClientDraft:
    assert r.duplicate_of is not None
    old = existing.get(r.duplicate_of) or clients.get(r.duplicate_of)  # type: ignore[attr-defined]
    return old.draft


def _linked(r: PreviewRow, clean: CleanClient, ids: dict[int, int]) -> CleanClient:
    """The row's client with the referrer it names (a source of "referral" with it)."""
    from crm.domain.referrals import ReferralSource

    ref = r.referrer_id if r.referrer_row is None else ids.get(r.referrer_row)
    if not ref:
        return clean
    return replace(clean, referred_by_id=ref, source=ReferralSource.REFERRAL)


def _merged(
    existing: ClientDraft, clock: Clock, row: PreviewRow, mapping: Sequence[str | None]
) -> CleanClient:
    """The existing client updated from the file: cells the file fills replace the book's
    values, empty cells keep them (nothing is lost), phones and tags are added to theirs."""
    assert row.duplicate_of is not None and row.clean is not None and row.draft is not None
    existing = replace(existing)  # two rows may update one client: each starts from the book
    blank = ClientDraft()
    for key in {k for k in mapping if k}:
        new = getattr(row.draft, key, None)
        if key in ("phones", "tags"):
            old = getattr(existing, key)
            assert isinstance(new, list)
            setattr(existing, key, old + [v for v in new if v not in old])
        elif hasattr(existing, key) and new != getattr(blank, key):
            setattr(existing, key, new)
    try:
        return clean_client(existing, clock.today())
    except ValidationErrors:
        return row.clean
