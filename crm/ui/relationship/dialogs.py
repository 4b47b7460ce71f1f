"""Small forms: a life note, a contact, a promise, a talking point's answer, a shared resource.

Each dialog is handed a ``save`` callable (a service call); Save runs it and closes, or shows
the refusal under the form and keeps everything typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crm.domain.errors import ValidationErrors
from crm.domain.relationship_enums import Channel, NoteCategory
from crm.services.interactions import InteractionDraft
from crm.services.notes import NoteDraft, NoteRow
from crm.services.resources import ResourceDraft, ResourceRow
from crm.store.errors import BookError
from crm.ui.i18n import render


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def _date_edit(value: dt.date) -> QDateEdit:
    edit = QDateEdit(_qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _choices(options: Iterable[Channel] | Iterable[NoteCategory]) -> QComboBox:
    """A drop-down of an enum's members by their labels; ``currentData()`` is the value."""
    box = QComboBox()
    for option in options:
        box.addItem(render(option.label), option.value)
    return box


class OptionalDate(QWidget):
    """A date that may be left out: a check box beside a date field."""

    def __init__(self, label: str, default: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.edit = _date_edit(default)
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit)
        row.addStretch()

    def value(self) -> dt.date | None:
        return _pydate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, value: dt.date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(_qdate(value))


class FormDialog(QDialog):
    """A form with Save/Cancel; Save calls ``save(self.value())`` and reports refusals."""

    def __init__(self, title: str, save: Callable[[Any], object], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self._save = save
        self.result_value: object = None
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color: #b91c1c;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # Enter writes a new line in the text boxes: Ctrl+Enter saves from anywhere.
        save_keys = QAction(self)
        save_keys.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        save_keys.triggered.connect(self.accept)
        self.addAction(save_keys)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip(
            self.tr("Save (Ctrl+Enter)")
        )

    def showEvent(self, event: QShowEvent) -> None:
        # The text boxes take Ctrl+Enter as a key of their own: hear it before they do.
        for box in self.findChildren(QPlainTextEdit):
            box.installEventFilter(self)
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept()
                return True
        return super().eventFilter(watched, event)

    def value(self) -> Any:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.result_value = self._save(self.value())
        except ValidationErrors as exc:
            self._show_error("\n".join(render(e.message) for e in exc.errors))
            return
        except (BookError, LookupError) as exc:
            self._show_error(render(exc.message) if hasattr(exc, "message") else str(exc))
            return
        super().accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


def _text_box(placeholder: str, height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


class NoteDialog(FormDialog):
    def __init__(
        self,
        save: Callable[[NoteDraft], object],
        today: dt.date,
        note: NoteRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Life note") if note is None else self.tr("Edit note"), save, parent
        )
        self.category = _choices(NoteCategory)
        self.text = _text_box(self.tr("What they told you, e.g. 女儿明年六月高考"))
        self.date = OptionalDate(self.tr("On a date"), today)
        self.ask = QCheckBox(self.tr("Ask about it next time (talking point)"))
        self.form.addRow(self.tr("Category"), self.category)
        self.form.addRow(self.tr("Note"), self.text)
        self.form.addRow(self.tr("Date"), self.date)
        self.form.addRow("", self.ask)
        if note is not None:
            self.category.setCurrentIndex(max(self.category.findData(note.category.value), 0))
            self.text.setPlainText(note.text)
            self.date.set_value(note.event_date)
            self.ask.setChecked(note.ask_next_time and note.asked_at is None)
        self.text.setFocus()

    def value(self) -> NoteDraft:
        return NoteDraft(
            text=self.text.toPlainText(),
            category=NoteCategory(self.category.currentData()),
            event_date=self.date.value(),
            ask_next_time=self.ask.isChecked(),
        )


class InteractionDialog(FormDialog):
    """Log a contact: when, how, what was said, and what to do next."""

    def __init__(
        self,
        save: Callable[[InteractionDraft], object],
        now: dt.datetime,
        title: str | None = None,
        summary: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title or self.tr("Log contact"), save, parent)
        self.channel = _choices(Channel)
        self.when = QDateTimeEdit(QDateTime(_qdate(now.date()), QTime(now.hour, now.minute)))
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.summary = _text_box(self.tr("What you talked about"))
        self.summary.setPlainText(summary)
        self.next_step = QLineEdit()
        self.next_step.setPlaceholderText(self.tr("Optional: what to do next"))
        self.next_due = OptionalDate(self.tr("By"), now.date() + dt.timedelta(days=7))
        self.form.addRow(self.tr("Channel"), self.channel)
        self.form.addRow(self.tr("When"), self.when)
        self.form.addRow(self.tr("Summary"), self.summary)
        self.form.addRow(self.tr("Next step"), self.next_step)
        self.form.addRow("", self.next_due)
        self.summary.setFocus()

    def value(self) -> InteractionDraft:
        q = self.when.dateTime()
        d, t = q.date(), q.time()
        return InteractionDraft(
            channel=Channel(self.channel.currentData()),
            summary=self.summary.toPlainText(),
            occurred_at=dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()),
            next_step=self.next_step.text(),
            next_step_due=self.next_due.value(),
        )


class PromiseDialog(FormDialog):
    def __init__(
        self,
        save: Callable[[tuple[str, dt.date]], object],
        default_due: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Make a promise"), save, parent)
        self.text = _text_box(self.tr("What you promised, e.g. 问清楚展期政策再回复"))
        self.due = _date_edit(default_due)
        hint = QLabel(self.tr("Default: two working days (weekends skipped, holidays not)."))
        hint.setStyleSheet("color: #6b7280;")
        self.form.addRow(self.tr("Promise"), self.text)
        self.form.addRow(self.tr("Due"), self.due)
        self.form.addRow("", hint)
        self.text.setFocus()

    def value(self) -> tuple[str, dt.date]:
        return self.text.toPlainText(), _pydate(self.due.date())


class AskedDialog(FormDialog):
    """Close a talking point: what did the client answer, and where should it go?"""

    def __init__(
        self,
        save: Callable[[tuple[str, Channel | None, bool]], object],
        note: NoteRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Mark asked"), save, parent)
        question = QLabel(note.text)
        question.setWordWrap(True)
        question.setStyleSheet("font-weight: 600;")
        self.answer = _text_box(self.tr("What they said, e.g. 考了620分，去了浙大"))
        self.as_contact = QRadioButton(self.tr("Log it as a contact by"))
        self.as_note = QRadioButton(self.tr("Keep it as a new note"))
        self.as_contact.setChecked(True)
        self.channel = _choices(Channel)
        self.as_contact.toggled.connect(self.channel.setEnabled)
        self.follow_up = QCheckBox(self.tr("Ask about it again next time"))
        contact_row = QHBoxLayout()
        contact_row.addWidget(self.as_contact)
        contact_row.addWidget(self.channel)
        contact_row.addStretch()
        self.form.addRow(self.tr("Talking point"), question)
        self.form.addRow(self.tr("Answer"), self.answer)
        self.form.addRow("", contact_row)
        self.form.addRow("", self.as_note)
        self.form.addRow("", self.follow_up)
        self.answer.setFocus()

    def value(self) -> tuple[str, Channel | None, bool]:
        channel = Channel(self.channel.currentData()) if self.as_contact.isChecked() else None
        return self.answer.toPlainText(), channel, self.follow_up.isChecked()


class ResourceDialog(FormDialog):
    def __init__(
        self,
        save: Callable[[ResourceDraft], object],
        resource: ResourceRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("New resource") if resource is None else self.tr("Edit resource")
        super().__init__(title, save, parent)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 老周装修队, 王会计"))
        self.category = QLineEdit()
        self.category.setPlaceholderText(self.tr("e.g. 装修, 财税, 政策, 产品"))
        self.contact = QLineEdit()
        self.note = _text_box(self.tr("Why you recommend it"), 60)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Category"), self.category)
        self.form.addRow(self.tr("Contact"), self.contact)
        self.form.addRow(self.tr("Note"), self.note)
        if resource is not None:
            self.name.setText(resource.name)
            self.category.setText(resource.category)
            self.contact.setText(resource.contact)
            self.note.setPlainText(resource.note)

    def value(self) -> ResourceDraft:
        return ResourceDraft(
            self.name.text(), self.category.text(), self.contact.text(), self.note.toPlainText()
        )


class ShareDialog(FormDialog):
    """Record that a resource was given to this client."""

    def __init__(
        self,
        save: Callable[[tuple[int, dt.date, str]], object],
        resources: list[ResourceRow],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Share a resource"), save, parent)
        self.resource = QComboBox()
        for r in resources:
            label = f"{r.name}（{r.category}）" if r.category else r.name
            self.resource.addItem(label, r.id)
        self.date = _date_edit(today)
        self.note = QLineEdit()
        self.form.addRow(self.tr("Resource"), self.resource)
        self.form.addRow(self.tr("Shared on"), self.date)
        self.form.addRow(self.tr("Note"), self.note)
        if not resources:
            self._show_error(self.tr("Add resources first, under Resources in the sidebar."))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)

    def value(self) -> tuple[int, dt.date, str]:
        return int(self.resource.currentData()), _pydate(self.date.date()), self.note.text()
