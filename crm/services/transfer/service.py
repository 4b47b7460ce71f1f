"""Lists in and out: what the export dialog, the import dialog and `crm export/import` call.

Each step is one method; long ones take the progress (and cancel) callables of the module that
does the work, so the GUI can run them on its task runner behind a progress window:

- :meth:`TransferService.export`: ``progress(done, total) -> bool``, False cancels
  (:class:`~crm.services.transfer.export.ExportCancelled`; nothing is left under the name);
- :meth:`read_file`, :meth:`preview`, :meth:`commit`: ``progress(done, total)`` and
  ``cancelled() -> bool`` (:class:`~crm.services.transfer.reader.ImportCancelled`; reading and
  checking change nothing, and a cancelled commit is rolled back whole).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from crm.domain.clock import Clock, SystemClock
from crm.domain.messages import Translate
from crm.services.transfer.export import ExportOptions, write_export
from crm.services.transfer.export import Progress as ExportProgress
from crm.services.transfer.import_ import ImportSummary, Preview, build_preview, commit
from crm.services.transfer.import_ import Progress as ImportProgress
from crm.services.transfer.reader import Cancelled, Limits, Table, read_table
from crm.store.book import Book


class TransferService:
    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()

    # -- out -----------------------------------------------------------------------------------

    def export(
        self,
        ids: Sequence[int],
        path: Path,
        options: ExportOptions,
        translate: Translate,
        progress: ExportProgress | None = None,
        *,
        overwrite: bool = True,
    ) -> int:
        """Write these clients (in this order) to ``path``; returns how many were written.
        With ``options.loans`` an xlsx gets a second sheet of their loans (csv and vCard
        ignore it). Raises :class:`ExportError` for a bad format or column,
        :class:`ExportCancelled` when ``progress`` says stop, OSError when the file cannot
        be written. An existing ``path`` is replaced only with ``overwrite``; one that is not
        a regular file (a device, a FIFO) never is (:class:`ExportError`)."""
        loan_lines = None
        if options.loans and options.format == "xlsx":
            from crm.services.loans import LoanService

            loan_lines = LoanService(self.book, self.clock).for_clients
        return write_export(
            self.book.reader(),
            ids,
            Path(path),
            options,
            translate,
            progress,
            loan_lines,
            overwrite=overwrite,
        )

    # -- in ------------------------------------------------------------------------------------

    def read_file(
        self,
        path: Path,
        limits: Limits | None = None,
        progress: ImportProgress | None = None,
        cancelled: Cancelled | None = None,
        *,
        sheet: str | None = None,
        header_row: int | None = None,
    ) -> Table:
        """The file's header and rows; a hostile or unreadable file raises
        :class:`FileRefused` with the reason. ``sheet`` (name or 1-based number) and
        ``header_row`` (1-based) override the first sheet and the guessed header row."""
        from crm.services.transfer.vcard_read import is_vcard, read_vcards

        if is_vcard(Path(path)):
            return read_vcards(Path(path), limits or Limits())
        return read_table(
            Path(path), limits, progress, cancelled, sheet=sheet, header_row=header_row
        )

    def preview(
        self,
        table: Table,
        mapping: Sequence[str | None],
        translate: Translate,
        progress: ImportProgress | None = None,
        cancelled: Cancelled | None = None,
    ) -> Preview:
        """Every row checked with the add dialog's rules and matched against the book."""
        return build_preview(
            self.book, table, mapping, self.clock.today(), translate, progress, cancelled
        )

    def commit(
        self,
        preview: Preview,
        on_duplicate: str = "skip",
        skip_bad: bool = False,
        progress: ImportProgress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ImportSummary:
        """Import the accepted rows in one transaction (all or nothing); publishes one change."""
        return commit(
            self.book,
            preview,
            self.clock,
            on_duplicate,
            skip_bad,
            progress=progress,
            cancelled=cancelled,
        )

    def save_report(self, path: Path, preview: Preview, translate: Translate) -> None:
        """The preview's problems as a csv the officer can open beside the file."""
        from crm.services.transfer.report import save_report

        save_report(
            Path(path), preview.report(translate) + preview.not_imported(translate), translate
        )
