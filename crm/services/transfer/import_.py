"""Importing clients: preview every row with the add dialog's rules, then one transaction.

A row is checked with :func:`crm.domain.client_form.clean_client` (the same rules as the add
dialog and ``crm add``), then matched against the book: the same phone or ID number as an
existing client makes it a duplicate, for which the officer chooses skip, update or add.
A later row repeating an earlier row's phone or ID number is a duplicate of that row; it is
added only with "add" (there is nothing yet to update).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from crm.domain.changes import Initiator
from crm.domain.client_form import CleanClient, ClientDraft, clean_client
from crm.domain.clock import Clock
from crm.domain.errors import FieldError, ValidationErrors
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg, Translate
from crm.services.collector import collector_paused
from crm.services.transfer.fields import FIELD_BY_KEY
from crm.services.transfer.parse import RowParser
from crm.services.transfer.reader import Cancelled, ImportCancelled, Table
from crm.store.book import Book

ON_DUPLICATE = ("skip", "update", "add")
PREVIEW_CHUNK = 500  # rows checked between two progress reports / cancel checks
#: progress(done, total); raising from it rolls the whole import back
Progress = Callable[[int, int], None]

_FIELD_OF_ERROR = {"phone": "phones"}


class ImportRefused(Exception):
    def __init__(self, message: Msg) -> None:
        self.message = message
        super().__init__(message.render())


@dataclass
class PreviewRow:
    row: int  # the row number in the spreadsheet (the header is row 1)
    draft: ClientDraft
    clean: CleanClient | None
    problems: list[tuple[str, Msg]] = field(default_factory=list)  # (column, reason)
    duplicate_of: int | None = None  # an existing client with the same phone or ID number
    duplicate_row: int | None = None  # an earlier row of the file with the same

    @property
    def ok(self) -> bool:
        return self.clean is not None

    @property
    def duplicate(self) -> bool:
        return self.duplicate_of is not None or self.duplicate_row is not None


@dataclass
class Preview:
    headers: list[str]
    mapping: list[str | None]
    rows: list[PreviewRow]

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
    if "name" not in mapping:
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
        line = n + 2
        draft, errors = parser.draft(cells)
        clean = None
        try:
            clean = clean_client(draft, today)
        except ValidationErrors as exc:
            errors += exc.errors
        if errors:
            clean = None
        problems = [(_column_name(headers, mapping, _key(e)), e.message) for e in errors]
        pr = PreviewRow(line, draft, clean, problems)
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
        rows.append(pr)
    _tick(progress, cancelled, total, total)
    return Preview(list(headers), list(mapping), rows)


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
    from crm.services.clients import ClientService, SaveCancelled

    clients = ClientService(book, clock)
    # The clients the file updates, read in one go (one read each made 20,000 updates slow).
    existing = (
        clients.get_many([r.duplicate_of for r in preview.rows if r.ok and r.duplicate_of])
        if on_duplicate == "update"
        else {}
    )
    inserts: list[CleanClient] = []
    updates: list[tuple[int, CleanClient]] = []
    skipped = 0
    for n, r in enumerate(preview.rows):
        if cancelled is not None and n % PREVIEW_CHUNK == 0 and cancelled():
            raise ImportCancelled()
        if r.clean is None:
            continue
        if r.duplicate_of is not None and on_duplicate == "update":
            old = existing.get(r.duplicate_of) or clients.get(r.duplicate_of)  # or NotFound
            updates.append((r.duplicate_of, _merged(old.draft, clock, r, preview.mapping)))
        elif r.duplicate and on_duplicate != "add":
            skipped += 1
        else:
            inserts.append(r.clean)
    # The same write, with the same side effects (thank-you, search columns, phones and
    # tags, referrer check), as the add dialog and `crm edit`: one transaction, all or nothing.
    try:
        new_ids = clients.save_many(
            inserts, updates, initiator=Initiator.IMPORT, progress=progress, cancelled=cancelled
        )
    except SaveCancelled:
        raise ImportCancelled() from None
    return ImportSummary(len(inserts), len(updates), skipped, bad, tuple(new_ids))


def _merged(
    existing: ClientDraft, clock: Clock, row: PreviewRow, mapping: Sequence[str | None]
) -> CleanClient:
    """The existing client updated from the file: cells the file fills replace the book's
    values, empty cells keep them (nothing is lost), phones and tags are added to theirs."""
    assert row.duplicate_of is not None and row.clean is not None
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
