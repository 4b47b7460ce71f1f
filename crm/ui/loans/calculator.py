"""The loan calculator window: a walk-in's question answered without a client or the book.

Inputs on the left, results on the right, recalculated on every keystroke (all five methods
for 360 months take ~10 ms, so on the GUI thread). A field the calculator refuses says why
under itself and keeps its text; the results then say what to fix instead of showing
figures. Above 36% a year it still calculates, with the legal ceiling in a warning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from crm.domain.errors import ValidationErrors
from crm.domain.loan_enums import RepaymentMethod
from crm.domain.loan_math import LoanTerms, RepaymentPlan, compare_methods
from crm.services.loan_documents import ScheduleLabels
from crm.ui.context import UiContext
from crm.ui.i18n import render
from crm.ui.loans import texts as T
from crm.ui.loans.form import LoanForm
from crm.ui.loans.results import ResultsPanel

Writer = Callable[[RepaymentPlan, Path, ScheduleLabels], None]
_SETTINGS = "loans/calculator/"
_GENERAL = ""  # a problem of the inputs together, shown in the results only
_OK_STYLE = "color: #065f46;"
_ERROR_STYLE = "color: #b91c1c;"


class CalculatorWindow(QWidget):
    def __init__(self, ctx: UiContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.plan: RepaymentPlan | None = None
        self.plans: dict[RepaymentMethod, RepaymentPlan] = {}
        self.setWindowTitle(self.tr("Loan calculator"))

        self.form = LoanForm()
        self.copy_button = QPushButton(self.tr("Copy summary"))
        self.copy_button.setToolTip(self.tr("A plain-text summary to paste into WeChat"))
        self.pdf_button = QPushButton(self.tr("Print / save as PDF…"))
        self.pdf_button.setToolTip(self.tr("The full schedule as a PDF to print or send"))
        self.xlsx_button = QPushButton(self.tr("Export to Excel…"))
        self.xlsx_button.setToolTip(self.tr("The inputs, totals and full schedule as a workbook"))
        self.copy_button.clicked.connect(self.copy_summary)
        self.pdf_button.clicked.connect(self._ask_pdf)
        self.xlsx_button.clicked.connect(self._ask_xlsx)
        QShortcut(QKeySequence.StandardKey.Print, self, self._ask_pdf)
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.notice.setVisible(False)
        self.notice.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))

        left_box = QWidget()
        left = QVBoxLayout(left_box)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.form)
        left.addSpacing(8)
        for button in (self.copy_button, self.pdf_button, self.xlsx_button):
            left.addWidget(button)
        left.addWidget(self.notice)
        left.addStretch(1)
        about = QLabel(
            self.tr(
                "The annual rate (PBOC) is what the loan costs a year with the fee counted, as "
                "lenders must show it since 2021: the monthly internal rate of return × 12. "
                "Compare offers by it, not by the quoted rate or the 月息."
            )
        )
        about.setWordWrap(True)
        about.setStyleSheet("color: #6b7280;")
        left.addWidget(about)
        left_box.setFixedWidth(410)

        self.results = ResultsPanel()
        self.results.compare_view.clicked.connect(
            lambda index: self.form.choose(self.results.compare.method_at(index.row()))
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(14)
        layout.addWidget(left_box)
        layout.addWidget(self.results, 1)

        self._restore_choices()
        self.form.changed.connect(self.recalculate)
        self.form.method.currentIndexChanged.connect(self._remember_choices)
        self.form.unit.idToggled.connect(self._remember_choices)
        self.recalculate()

    def set_terms(self, terms: LoanTerms) -> None:
        self.form.set_terms(terms)

    # -- calculating ----------------------------------------------------------------------

    def recalculate(self) -> None:
        terms, blank = self.form.terms()
        problems: dict[str, str] = {}
        try:
            plans = compare_methods(terms, allow_high_rate=True)
        except ValidationErrors as exc:
            plans = {}
            for error in exc.errors:
                problems.setdefault(error.field, render(error.message))
        except ArithmeticError:
            # Beyond the domain's 34 digits: a fee within fen of the amount (the compounded
            # rate of what the client receives overflows) or a rate like 1e-40 (the instalment
            # divides by zero). Said in the results, not crashed.
            plans = {}
            problems[_GENERAL] = self.tr(
                "The calculator cannot work these figures out: the fee leaves the client "
                "almost nothing, or the rate is too small. Check them."
            )
        for key in blank:  # a blank field is not wrong, only not typed yet
            problems.pop(key, None)
        self.plans = {} if blank else plans
        self.plan = self.plans.get(terms.method)
        warnings = [render(w) for w in self.plan.warnings] if self.plan is not None else []
        self.form.show_problems(problems, terms.annual_rate, warnings)
        for button in (self.copy_button, self.pdf_button, self.xlsx_button):
            button.setEnabled(self.plan is not None)
        if self.plan is not None:
            self.results.show_plans(self.plans, terms.method)
        elif problems:
            names = self.form.field_names()
            lines = [self.tr("To see the figures, fix these:")]
            lines += [
                self.tr("{field}: {reason}").format(field=names[key], reason=reason)
                if key in names
                else reason
                for key, reason in problems.items()
            ]
            self.results.clear(lines, error=True)
        else:
            self.results.clear([self._what_to_type(blank)], error=False)

    def _what_to_type(self, blank: list[str]) -> str:
        if blank == ["amount"]:
            return self.tr("Type the amount to see the schedule.")
        if blank == ["rate"]:
            return self.tr("Type the rate to see the schedule.")
        return self.tr("Type the amount and the rate to see the schedule.")

    # -- copy, PDF, xlsx ------------------------------------------------------------------

    def copy_summary(self) -> None:
        if self.plan is None:
            return
        QGuiApplication.clipboard().setText(T.summary_text(self.plan))
        self._notify(self.tr("Copied: paste it into WeChat or a message."))

    def save_pdf(self, path: Path) -> bool:
        from crm.ui.loans.schedule_print import write_schedule_pdf

        return self._write(path, write_schedule_pdf)

    def save_xlsx(self, path: Path) -> bool:
        from crm.services.loan_documents import write_schedule_xlsx

        return self._write(path, write_schedule_xlsx)

    def _today(self) -> dt.date:
        return self.ctx.clock.today() if self.ctx is not None else dt.date.today()

    def _write(self, path: Path, writer: Writer) -> bool:
        """Write the document; a failure (a full disk, the file open elsewhere) is said under
        the buttons, and the window keeps everything as it was."""
        if self.plan is None:
            return False
        try:
            writer(self.plan, path, T.document_labels(self.plan, self._today()))
        except OSError as exc:
            reason = exc.strerror or str(exc)
            self._notify(self.tr("Not saved: {reason}").format(reason=escape(reason)), True)
            return False
        link = QUrl.fromLocalFile(str(path)).toString()
        self._notify(
            self.tr('Saved {name}. <a href="{link}">Open it</a>').format(
                name=escape(path.name), link=escape(link)
            )
        )
        return True

    def _ask_pdf(self) -> None:
        path = self._ask_path(self.tr("Save the schedule as PDF"), "pdf", self.tr("PDF (*.pdf)"))
        if path is not None:
            self.save_pdf(path)

    def _ask_xlsx(self) -> None:
        path = self._ask_path(
            self.tr("Export the schedule to Excel"), "xlsx", self.tr("Excel workbook (*.xlsx)")
        )
        if path is not None:
            self.save_xlsx(path)

    def _ask_path(self, title: str, suffix: str, filter_: str) -> Path | None:
        if self.plan is None:
            return None
        folder = self._setting("folder", str(Path.home()))
        amount = f"{self.plan.amount.normalize():f}"  # 300000, 1234.5: no separators in a name
        name = f"{render(T.SHEET)} {amount} {T.months(self.plan.terms.months)}"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, title, str(Path(folder) / f"{name}.{suffix}"), filter_
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != f".{suffix}":
            path = path.with_name(f"{path.name}.{suffix}")
        self._set_setting("folder", str(path.parent))
        return path

    def _notify(self, text: str, error: bool = False) -> None:
        self.notice.setStyleSheet(_ERROR_STYLE if error else _OK_STYLE)
        self.notice.setText(text)
        self.notice.setVisible(True)

    # -- remembered choices (with a context only: a bare calculator remembers nothing) ----

    def _settings(self) -> QSettings | None:
        return self.ctx.settings if self.ctx is not None else None

    def _setting(self, key: str, default: str) -> str:
        settings = self._settings()
        value = settings.value(_SETTINGS + key) if settings is not None else None
        return str(value) if value else default

    def _set_setting(self, key: str, value: str) -> None:
        settings = self._settings()
        if settings is not None:
            settings.setValue(_SETTINGS + key, value)

    def _restore_choices(self) -> None:
        if self._setting("unit", "annual") == "monthly":
            self.form.monthly_unit.setChecked(True)
        method = self._setting("method", "")
        if method in {m.value for m in RepaymentMethod}:
            self.form.choose(RepaymentMethod(method))

    def _remember_choices(self, *_args: object) -> None:
        self._set_setting("unit", "monthly" if self.form.monthly() else "annual")
        self._set_setting("method", self.form.selected_method().value)


def open_calculator(
    parent: QWidget | None, ctx: UiContext | None = None, terms: LoanTerms | None = None
) -> CalculatorWindow:
    """Show the calculator (one per parent window, keeping what was typed), optionally filled
    with a loan's terms, and bring it to the front."""
    window = parent.findChild(CalculatorWindow) if parent is not None else None
    if window is None:
        window = CalculatorWindow(ctx, parent)
        screen = window.screen().availableGeometry()
        window.resize(min(1280, screen.width() - 40), min(720, screen.height() - 60))
    if terms is not None:
        window.set_terms(terms)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
