"""A form's problems shown without moving anything: each wrong field tinted with the reason in
its tooltip, and one status line of fixed height saying it in words."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFocusEvent, QPalette
from PySide6.QtWidgets import QLabel, QWidget

# A pale red behind a field whose input the rules refuse (the error text's red, faded).
INVALID_BASE = QColor("#fde8e8")
_MARKED = "invalid"


def mark_invalid(widget: QWidget, problem: str) -> None:
    """Tint ``widget`` (and the inputs inside it) when ``problem`` is set, undo it when ""."""
    marked = bool(widget.property(_MARKED))
    if marked == bool(problem) and widget.toolTip() == problem:
        return
    if problem and not marked:
        widget.setProperty("_plain_palette", QPalette(widget.palette()))
        palette = QPalette(widget.palette())
        palette.setColor(QPalette.ColorRole.Base, INVALID_BASE)
        widget.setPalette(palette)
    elif not problem and marked:
        plain = widget.property("_plain_palette")
        widget.setPalette(plain if isinstance(plain, QPalette) else QPalette())
    widget.setProperty(_MARKED, bool(problem))
    widget.setToolTip(problem)


class FormStatus(QLabel):
    """One line of fixed height under a form that says what is wrong: the problem of the
    field typed in last (or entered) when it has one, else the first; every problem in its
    tooltip. It marks the fields too. Nothing is inserted into the form, so no field moves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formStatus")
        self.setWordWrap(True)
        self.setStyleSheet("color: #b91c1c;")
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 4)
        # the field widget behind each key the rules can complain about
        self.fields: dict[str, QWidget] = {}
        # each field's label, to name it in the line
        self.labels: dict[str, str] = {}
        # what is wrong with each shown field now
        self.problems: dict[str, str] = {}
        # the field typed in or entered last
        self.current: str | None = None

    def add_field(self, key: str, label: str, widget: QWidget) -> None:
        self.fields[key] = widget
        self.labels[key] = label.rstrip(" *")

    def watch_focus(self, widgets: Iterable[QWidget]) -> None:
        for widget in widgets:
            widget.installEventFilter(self)

    def show_problems(self, problems: dict[str, str]) -> None:
        self.problems = {k: problems[k] for k in self.fields if k in problems}
        for key, widget in self.fields.items():
            mark_invalid(widget, self.problems.get(key, ""))
        self.refresh()

    def refresh(self) -> None:
        if not self.problems:
            self.clear()
            self.setToolTip("")
            return
        key = self.current if self.current in self.problems else next(iter(self.problems))
        # worded with the dialog's strings
        text = QCoreApplication.translate("ClientDialog", "{field}: {problem}").format(
            field=self.labels[key], problem=self.problems[key]
        )
        others = len(self.problems) - 1
        if others:
            text += " " + QCoreApplication.translate("ClientDialog", "(and {n} more)").format(
                n=others
            )
        self.setText(text)
        self.setToolTip("\n".join(f"{self.labels[k]}: {v}" for k, v in self.problems.items()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QFocusEvent)
            and event.type() == QEvent.Type.FocusIn
            # the window coming back forward is not the officer moving to a field
            and event.reason() != Qt.FocusReason.ActiveWindowFocusReason
        ):
            self.current = next((k for k, w in self.fields.items() if w is watched), None)
            self.refresh()
        return super().eventFilter(watched, event)
