"""The export dialog: which clients, which columns, which format, masked or not, and (xlsx
only) a second sheet of their loans."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crm.domain.messages import QT_TRANSLATE_NOOP, Msg
from crm.ui.context import UiContext
from crm.ui.tasks import Task

if TYPE_CHECKING:
    from crm.services.transfer.export import ExportOptions

FORMATS: tuple[tuple[str, str | Msg], ...] = (
    ("xlsx", "Excel (.xlsx)"),
    ("csv", "CSV (.csv)"),
    # phone and ID numbers kept as text when a spreadsheet opens it (crm...excel_csv)
    ("excel-csv", QT_TRANSLATE_NOOP("ExportDialog", "CSV for Excel and Calc (.csv)")),
    ("vcf", "vCard (.vcf)"),
)
#: The file name's ending of each format.
SUFFIX = {"xlsx": "xlsx", "csv": "csv", "excel-csv": "csv", "vcf": "vcf"}


class ExportDialog(QDialog):
    exported = Signal(str)  # the path written

    def __init__(
        self,
        ctx: UiContext,
        list_ids: Sequence[int],
        selected_ids: Sequence[int],
        parent: QWidget | None = None,
    ) -> None:
        from crm.services.transfer.fields import FIELDS

        super().__init__(parent)
        self.ctx = ctx
        self.list_ids = list(list_ids)
        self.selected = list(selected_ids)
        self.job: Task | None = None
        self.setWindowTitle(self.tr("Export clients"))

        self.scope_list = QRadioButton(
            self.tr("The current list, with its search and filters ({n} clients)").format(
                n=f"{len(self.list_ids):,}"
            )
        )
        self.scope_selected = QRadioButton(
            self.tr("The selected clients ({n})").format(n=len(self.selected))
        )
        self.scope_selected.setEnabled(bool(self.selected))
        (self.scope_selected if len(self.selected) > 1 else self.scope_list).setChecked(True)

        self.format = QComboBox()
        for key, label in FORMATS:
            shown = label if isinstance(label, str) else label.render(QCoreApplication.translate)
            self.format.addItem(shown, key)
        self.encoding = QComboBox()
        self.encoding.addItem(self.tr("UTF-8 (opens cleanly in Excel)"), "utf-8-sig")
        self.encoding.addItem(self.tr("GB18030 (older software)"), "gb18030")
        self.columns = QListWidget()
        self.columns.setObjectName("exportColumns")
        for f in (f for f in FIELDS if f.exported):
            item = QListWidgetItem(f.label.render(QCoreApplication.translate))
            item.setData(Qt.ItemDataRole.UserRole, f.key)
            item.setCheckState(Qt.CheckState.Checked)
            self.columns.addItem(item)
        self.columns.setMinimumHeight(220)
        self.loans = QCheckBox(self.tr("Their loans, on a second sheet (Excel only)"))
        self.loans.setObjectName("exportLoans")
        self.loans.setToolTip(
            self.tr(
                "Product, amount, rate, term, method, status, disbursement, maturity, balance "
                "and next repayment of each loan of the exported clients."
            )
        )
        self.unmasked = QCheckBox(self.tr("Full phone and ID numbers (unmasked)"))
        self.unmasked.toggled.connect(self._confirm_unmasked)
        self._unmasked_confirmed = False
        self._was_vcf = False
        self._unmasked_before_vcf = False

        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        self.encoding_label = QLabel(self.tr("CSV encoding:"))
        form.addRow(self.encoding_label, self.encoding)
        self.format.currentIndexChanged.connect(self._format_changed)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        buttons.accepted.connect(self._choose_file)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Which clients:")))
        layout.addWidget(self.scope_list)
        layout.addWidget(self.scope_selected)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Columns:")))
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.columns, 1)
        layout.addWidget(self.loans)
        self.hint = hint = QLabel()
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #6b7280;")
        layout.addWidget(self.unmasked)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self._format_changed()
        self.resize(520, 560)

    # -- choices -------------------------------------------------------------------------------

    def _format_changed(self) -> None:
        is_csv = self.format.currentData() in ("csv", "excel-csv")
        self.encoding.setVisible(is_csv)
        self.encoding_label.setVisible(is_csv)
        self.columns.setEnabled(self.format.currentData() != "vcf")
        self.loans.setEnabled(self.format.currentData() == "xlsx")
        # A vCard goes to a phone, where a masked number cannot be dialled: full phones by
        # default (it holds no ID numbers), said in the hint; the other formats keep the choice.
        vcf = self.format.currentData() == "vcf"
        if vcf != self._was_vcf:
            self._was_vcf = vcf
            self.unmasked.blockSignals(True)
            if vcf:
                self._unmasked_before_vcf = self.unmasked.isChecked()
                self.unmasked.setChecked(True)
            else:
                self.unmasked.setChecked(self._unmasked_before_vcf)
            self.unmasked.blockSignals(False)
        self.hint.setText(
            self.tr(
                "A vCard is for your phone's contacts: its phone numbers are in full (it holds "
                "no ID numbers). Untick the box to mask them."
            )
            if vcf
            else self.tr(
                "Phone and ID numbers are masked (138****5678) unless you ask for them in full."
            )
        )

    def _confirm_unmasked(self, on: bool) -> None:
        if not on or self._unmasked_confirmed:
            return
        answer = self.ask(
            self.tr("Export full numbers?"),
            self.tr(
                "The file will hold full ID numbers and phone numbers. Anyone who gets the "
                "file can read them. Export them in full?"
            ),
        )
        if answer:
            self._unmasked_confirmed = True
        else:
            self.unmasked.setChecked(False)

    def ask(self, title: str, text: str) -> bool:
        """A yes/no question (tests replace this)."""
        reply = QMessageBox.question(self, title, text)
        return reply == QMessageBox.StandardButton.Yes

    def chosen_ids(self) -> list[int]:
        return self.selected if self.scope_selected.isChecked() else self.list_ids

    def chosen_columns(self) -> tuple[str, ...]:
        return tuple(
            str(self.columns.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.columns.count())
            if self.columns.item(i).checkState() == Qt.CheckState.Checked
        )

    def options(self) -> ExportOptions:
        from crm.services.transfer.export import ExportOptions

        return ExportOptions(
            format=str(self.format.currentData()),
            columns=self.chosen_columns() or ("name",),
            unmasked=self.unmasked.isChecked(),
            encoding=str(self.encoding.currentData()),
            sheet_title=self.tr("Clients"),
            loans=self.loans.isChecked() and self.loans.isEnabled(),
        )

    def _choose_file(self) -> None:
        fmt = SUFFIX[str(self.format.currentData())]
        name = self.tr("clients") + f"-{self.ctx.clock.today():%Y%m%d}.{fmt}"
        start = str(Path.home() / name)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), start, f"{fmt.upper()} (*.{fmt})"
        )
        if path:
            if not path.lower().endswith(f".{fmt}"):
                path += f".{fmt}"
            self.export_to(Path(path))

    # -- running -------------------------------------------------------------------------------

    def export_to(self, path: Path) -> Task:
        """Write the file on the task runner, with a cancellable progress dialog."""
        ids, options, transfer = self.chosen_ids(), self.options(), self.ctx.services.transfer

        progress = QProgressDialog(self.tr("Exporting…"), self.tr("Cancel"), 0, len(ids), self)
        progress.setWindowTitle(self.tr("Export clients"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        self.progress = progress
        job = self.ctx.runner.run_with_progress(
            lambda report: transfer.export(ids, path, options, QCoreApplication.translate, report),
            lambda n: self._done(path, n),
            on_error=self._failed,
            owner=self,
        )
        job.progress.connect(lambda done, _total: progress.setValue(done))
        progress.canceled.connect(job.cancel)
        self.job = job
        return job

    def _done(self, path: Path, n: int) -> None:
        self.progress.reset()
        self.exported.emit(str(path))
        self.done_message = self.tr("Exported {n} clients to {file}.").format(
            n=f"{n:,}", file=str(path)
        )
        self.accept()

    def _failed(self, exc: BaseException) -> bool:
        """Handled here: a cancel, a bad choice, a file that cannot be written; anything else
        goes to the runner's failure path."""
        from crm.services.transfer.export import ExportCancelled, ExportError

        self.progress.reset()
        if isinstance(exc, ExportCancelled):
            return True
        if isinstance(exc, ExportError):
            text = exc.message.render(QCoreApplication.translate)
        elif isinstance(exc, OSError):
            text = f"{exc.filename or ''} {exc.strerror or exc}"
        else:
            return False
        QMessageBox.warning(self, self.tr("Not exported"), text)
        return True
