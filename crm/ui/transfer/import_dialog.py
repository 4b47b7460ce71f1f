"""The import dialog: read the file, map its columns, preview every row, then import.

Reading, checking and importing run off the GUI thread behind a progress window with counts and
Cancel (:mod:`crm.ui.transfer.waiting`); ``load`` and ``check_rows`` wait for their answer in a
local event loop, so the window stays live while they keep their call-then-use shape."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm.ui.context import UiContext
from crm.ui.tasks import Task
from crm.ui.transfer.preview_model import PreviewModel
from crm.ui.transfer.waiting import ProgressRun, StepFailed, Work

if TYPE_CHECKING:
    from crm.services.transfer.import_ import ImportSummary, Preview
    from crm.services.transfer.reader import Cancelled, Progress, Table


class ImportDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table: Any = None  # reader.Table
        self.preview: Any = None  # import_.Preview
        self.summary: Any = None  # import_.ImportSummary
        self.job: Task | None = None  # the import, once started
        self.run: ProgressRun | None = None  # the step running now, if any
        self.setWindowTitle(self.tr("Import clients"))
        self.pages = QStackedWidget()

        # -- page 1: mapping
        mapping_page = QWidget()
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setObjectName("mappingTable")
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First value"), self.tr("Goes into")]
        )
        self.mapping_table.verticalHeader().setVisible(False)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.mapping_table.setColumnWidth(2, 200)
        self.check_button = QPushButton(self.tr("Check the rows"))
        self.check_button.clicked.connect(self.check_rows)
        m = QVBoxLayout(mapping_page)
        m.addWidget(self.file_label)
        m.addWidget(
            QLabel(self.tr("Choose where each column goes; columns set to (ignore) are skipped."))
        )
        m.addWidget(self.mapping_table, 1)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.check_button)
        m.addLayout(bar)

        # -- page 2: preview
        preview_page = QWidget()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.model = PreviewModel(self)
        self.view = QTableView()
        self.view.setObjectName("previewTable")
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((50, 150, 110, 150)):
            self.view.setColumnWidth(col, width)
        self.duplicates = QComboBox()
        self.duplicates.addItem(self.tr("Skip them"), "skip")
        self.duplicates.addItem(self.tr("Update the existing client"), "update")
        self.duplicates.addItem(self.tr("Add them anyway"), "add")
        self.skip_bad = QCheckBox(self.tr("Import the good rows, skip the ones with problems"))
        self.skip_bad.toggled.connect(self._update_buttons)
        self.save_report_button = QPushButton(self.tr("Save the report…"))
        self.save_report_button.clicked.connect(self._save_report)
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.run_import)
        p = QVBoxLayout(preview_page)
        p.addWidget(self.summary_label)
        p.addWidget(self.view, 1)
        dup_row = QHBoxLayout()
        self.dup_label = QLabel(self.tr("Clients already in the book (same phone or ID number):"))
        dup_row.addWidget(self.dup_label)
        dup_row.addWidget(self.duplicates)
        dup_row.addStretch(1)
        p.addLayout(dup_row)
        p.addWidget(self.skip_bad)
        bar2 = QHBoxLayout()
        bar2.addWidget(self.save_report_button)
        bar2.addStretch(1)
        bar2.addWidget(self.back_button)
        bar2.addWidget(self.import_button)
        p.addLayout(bar2)

        self.pages.addWidget(mapping_page)
        self.pages.addWidget(preview_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(860, 560)

    # -- step 1: read and map ------------------------------------------------------------------

    def load(self, path: Path) -> bool:
        """Read the file (refusing hostile ones with a reason) and show the mapping step.
        False when it was refused or the officer cancelled the reading."""
        from crm.services.transfer.fields import suggest_mapping
        from crm.services.transfer.reader import FileRefused, ImportCancelled

        def label(done: int, _total: int) -> str:
            return self.tr("Reading {file}… {n} rows so far").format(file=path.name, n=f"{done:,}")

        transfer = self.ctx.services.transfer

        def work(progress: Progress, cancelled: Cancelled) -> Table:
            return transfer.read_file(path, progress=progress, cancelled=cancelled)

        try:
            self.table = self._wait(self.tr("Reading the file"), label, work, FileRefused)
        except FileRefused as exc:
            self.warn(self.tr("Not imported"), exc.message.render(QCoreApplication.translate))
            return False
        except (ImportCancelled, StepFailed):
            return False
        self.file_label.setText(
            self.tr("{file}: {n} rows").format(file=path.name, n=f"{len(self.table.rows):,}")
        )
        mapping = suggest_mapping(self.table.headers, QCoreApplication.translate)
        self._fill_mapping(mapping)
        self.pages.setCurrentIndex(0)
        return True

    def _fill_mapping(self, mapping: list[str | None]) -> None:
        from crm.services.transfer.fields import FIELD_BY_KEY, IMPORTABLE
        from crm.services.transfer.parse import cell_text

        headers = self.table.headers
        first = self.table.rows[0] if self.table.rows else []
        self.mapping_table.setRowCount(len(headers))
        for i, h in enumerate(headers):
            self.mapping_table.setItem(i, 0, QTableWidgetItem(h or f"#{i + 1}"))
            sample = cell_text(first[i]) if i < len(first) else ""
            self.mapping_table.setItem(i, 1, QTableWidgetItem(sample[:60]))
            combo = QComboBox()
            combo.addItem(self.tr("(ignore)"), None)
            for key in IMPORTABLE:
                combo.addItem(FIELD_BY_KEY[key].label.render(QCoreApplication.translate), key)
            combo.setCurrentIndex(max(combo.findData(mapping[i]), 0))
            self.mapping_table.setCellWidget(i, 2, combo)

    def mapping(self) -> list[str | None]:
        out: list[str | None] = []
        for i in range(self.mapping_table.rowCount()):
            combo = self.mapping_table.cellWidget(i, 2)
            assert isinstance(combo, QComboBox)
            out.append(combo.currentData())
        return out

    def set_mapping(self, column: int, key: str | None) -> None:
        combo = self.mapping_table.cellWidget(column, 2)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(max(combo.findData(key), 0))

    # -- step 2: preview -----------------------------------------------------------------------

    def check_rows(self) -> None:
        """Check every row off the GUI thread, then show the preview; a cancel keeps the
        mapping step (and any earlier preview) as it was."""
        from crm.services.transfer.import_ import ImportCancelled, ImportRefused

        if self.run is not None and self.run.running:
            return
        transfer, table, mapping = self.ctx.services.transfer, self.table, self.mapping()

        def label(done: int, total: int) -> str:
            return self.tr("Checking the rows… {done} of {total}").format(
                done=f"{done:,}", total=f"{total:,}"
            )

        def work(progress: Progress, cancelled: Cancelled) -> Preview:
            return transfer.preview(table, mapping, QCoreApplication.translate, progress, cancelled)

        try:
            self.preview = self._wait(self.tr("Checking the rows"), label, work, ImportRefused)
        except ImportRefused as exc:
            self.warn(self.tr("Check the columns"), exc.message.render(QCoreApplication.translate))
            return
        except (ImportCancelled, StepFailed):
            return
        self.model.set_rows(self.preview.rows)
        rows, bad, dups = (
            len(self.preview.rows),
            len(self.preview.bad),
            len(self.preview.duplicates),
        )
        summary = self.tr(
            "{rows} rows: {ok} ready, {bad} with problems, {dups} already in the book or "
            "repeated in the file."
        ).format(rows=f"{rows:,}", ok=f"{rows - bad - dups:,}", bad=bad, dups=dups)
        left_out = self.left_out_text()
        self.summary_label.setText(f"{summary}\n{left_out}" if left_out else summary)
        self.skip_bad.setVisible(bad > 0)
        self.skip_bad.setChecked(False)
        self.save_report_button.setEnabled(bad > 0 or bool(left_out))
        self.dup_label.setVisible(dups > 0)
        self.duplicates.setVisible(dups > 0)
        self._update_buttons()
        self.pages.setCurrentIndex(1)

    def _wait(
        self,
        title: str,
        label: Callable[[int, int], str],
        work: Work,
        expected: type[BaseException],
    ) -> Any:
        self.run = ProgressRun(self, self.ctx.runner, title, label, work)
        self.pages.setEnabled(False)
        try:
            return self.run.wait((expected,))
        finally:
            self.pages.setEnabled(True)

    def reject(self) -> None:  # Esc while a step runs cancels the step, not the dialog
        if self.run is not None and self.run.running:
            self.run.cancel()
            return
        super().reject()

    def _update_buttons(self) -> None:
        bad = bool(self.preview and self.preview.bad)
        self.import_button.setEnabled(
            self.preview is not None and (not bad or self.skip_bad.isChecked())
        )

    def _save_report(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), str(Path.home() / "import-report.csv"), "CSV (*.csv)"
        )
        if path:
            self.save_report(Path(path))

    def save_report(self, path: Path) -> Task:
        """Written on the task runner (a report can hold a row per line of a big file)."""
        transfer, preview = self.ctx.services.transfer, self.preview
        return self.ctx.runner.run(
            lambda: transfer.save_report(path, preview, QCoreApplication.translate), owner=self
        )

    # -- step 3: import ------------------------------------------------------------------------

    def run_import(self) -> Task:
        preview, transfer = self.preview, self.ctx.services.transfer
        on_dup, skip_bad = str(self.duplicates.currentData()), self.skip_bad.isChecked()

        def work(progress: Progress, cancelled: Cancelled) -> ImportSummary:
            return transfer.commit(preview, on_dup, skip_bad, progress, cancelled)

        def label(done: int, total: int) -> str:
            if not total:
                return self.tr("Importing…")
            return self.tr("Importing… {done} of {total} clients").format(
                done=f"{done:,}", total=f"{total:,}"
            )

        self.import_button.setEnabled(False)
        self.pages.setEnabled(False)
        self.setCursor(Qt.CursorShape.WaitCursor)
        self.run = ProgressRun(self, self.ctx.runner, self.tr("Importing"), label, work)
        self.job = self.run.start(self._imported, self._failed)
        return self.job

    def left_out_text(self) -> str:
        """What of the file is not imported: columns mapped to (ignore), the other sheets."""
        if self.preview is None:
            return ""
        parts = []
        if self.preview.unmapped:
            parts.append(
                self.tr("Columns not imported: {columns}.").format(
                    columns=", ".join(self.preview.unmapped)
                )
            )
        if self.preview.other_sheets:
            parts.append(
                self.tr("Sheets not imported: {sheets} (only the first sheet is read).").format(
                    sheets=", ".join(self.preview.other_sheets)
                )
            )
        return " ".join(parts)

    def _imported(self, summary: object) -> None:
        self.unsetCursor()
        self.pages.setEnabled(True)
        self.summary = summary
        self.accept()

    def summary_text(self) -> str:
        s = self.summary
        return self.tr("Added {added}, updated {updated}, skipped {skipped}.").format(
            added=s.added, updated=s.updated, skipped=s.skipped + s.bad
        )

    def _failed(self, exc: BaseException) -> bool:
        """Handled here: a cancel, a refusal, a book error; anything else is a bug for the
        runner's failure path."""
        from crm.services.transfer.import_ import ImportCancelled, ImportRefused
        from crm.store.errors import BookError

        self.unsetCursor()
        self.pages.setEnabled(True)
        self._update_buttons()
        if isinstance(exc, ImportCancelled):
            return True  # rolled back: the book is as it was, the preview still here
        if isinstance(exc, ImportRefused | BookError):
            self.warn(self.tr("Not imported"), exc.message.render(QCoreApplication.translate))
            return True
        return False

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)
