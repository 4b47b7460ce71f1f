"""The greeting composer: a template for the occasion, in Chinese or English, in one of three
tones, with one personal touch from the client's life notes that the officer picks or drops.
"Copy" puts it on the clipboard for WeChat or SMS; "Sent" logs it and closes the reminder.

For a festival (one reminder for the whole book) the officer picks whom to greet from a list;
each greeting sent is ticked off there.

The client, the list and the templates are read through the task runner; composing is pure, so
switching language, tone or touch needs no read.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm.services.greetings import (
    AFTER,
    Candidate,
    Recipient,
    Templates,
    compose,
    pick_template,
)
from crm.services.reminders.occurrence import Occurrence
from crm.ui.clients.naming import show_client
from crm.ui.context import UiContext
from crm.ui.tasks import LatestOnly

TONES = ("formal", "warm", "brief")
LANG_KEY = "greetings/language"
TONE_KEY = "greetings/tone"


class GreetingDialog(QDialog):
    def __init__(self, ctx: UiContext, occ: Occurrence, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.greetings = ctx.services.greetings
        self.occ = occ
        self.recipient: Recipient | None = None
        self.templates: Templates | None = None
        #: The picker row to select when the list next arrives (after a greeting is sent).
        self._pick_row: int | None = 0
        self.setWindowTitle(
            self.tr("Greeting: {what}").format(
                what=occ.title.render(_translate),
            )
        )
        self.setMinimumSize(640, 420)

        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.tone = QComboBox()
        self.tone.addItem(self.tr("Formal"), "formal")
        self.tone.addItem(self.tr("Warm"), "warm")
        self.tone.addItem(self.tr("Brief"), "brief")
        s = ctx.settings
        self.language.setCurrentIndex(max(self.language.findData(s.value(LANG_KEY, "zh")), 0))
        self.tone.setCurrentIndex(max(self.tone.findData(s.value(TONE_KEY, "warm")), 0))
        self.touch = QComboBox()
        self.touch.setMinimumContentsLength(24)
        self.text = QPlainTextEdit()
        self.text.setStyleSheet("font-size: 14px;")
        self.status = QLabel()
        self.status.setStyleSheet("color: #047857;")
        self.optout = QCheckBox(self.tr("No festival greetings for this client"))
        self.optout.setVisible(occ.client_id is None)
        self.optout.toggled.connect(self._optout_toggled)

        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Tone"), self.tone)
        form.addRow(self.tr("Personal touch"), self.touch)

        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self.copy)
        self.sent_button = QPushButton(self.tr("Sent"))
        self.sent_button.setToolTip(
            self.tr("Log this greeting as a WeChat contact and mark the reminder done")
        )
        self.sent_button.clicked.connect(self.mark_sent)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.sent_button)
        buttons.addWidget(close)

        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.text, 1)
        right.addWidget(self.optout)
        right.addLayout(buttons)

        layout = QHBoxLayout(self)
        self.picker: QListWidget | None = None
        if occ.client_id is None:
            left = QVBoxLayout()
            left.addWidget(QLabel(self.tr("Whom to greet")))
            self.filter = QLineEdit()
            self.filter.setPlaceholderText(self.tr("Search clients"))
            self.filter.textChanged.connect(self._load_candidates)
            left.addWidget(self.filter)
            self.picker = QListWidget()
            self.picker.setFixedWidth(200)
            self.picker.currentItemChanged.connect(self._picked)
            left.addWidget(self.picker, 1)
            layout.addLayout(left)
        layout.addLayout(right, 1)

        self.language.currentIndexChanged.connect(self._template_changed)
        self.tone.currentIndexChanged.connect(self._template_changed)
        self.touch.currentIndexChanged.connect(self.recompose)
        # Picking quickly through the list: only the last client picked counts.
        self.client_loader = LatestOnly(ctx.runner, self)
        self.client_loader.finished.connect(self._client_loaded)
        self.candidate_loader = LatestOnly(ctx.runner, self)
        self.candidate_loader.finished.connect(self._candidates_loaded)
        ctx.runner.run(self.greetings.overrides, self._templates_loaded, owner=self)
        if occ.client_id is not None:
            self.set_client(occ.client_id)
        else:
            self._load_candidates()
        self._update_buttons()

    # -- whom -------------------------------------------------------------------------------

    def _load_candidates(self) -> None:
        service, text, key = self.greetings, self.filter.text(), self.occ.key
        self.candidate_loader.submit(lambda: (service.candidates(text), service.greeted(key)))

    def _candidates_loaded(self, result: object) -> None:
        assert self.picker is not None
        candidates, greeted = cast(tuple[list[Candidate], set[int]], result)
        self.picker.blockSignals(True)
        self.picker.clear()
        for c in candidates:
            item = QListWidgetItem(("✓ " if c.client_id in greeted else "") + c.name)
            item.setData(Qt.ItemDataRole.UserRole, c.client_id)
            self.picker.addItem(item)
        self.picker.blockSignals(False)
        row, self._pick_row = self._pick_row, None
        if row is not None and self.picker.count():
            self.picker.setCurrentRow(min(row, self.picker.count() - 1))

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.set_client(int(item.data(Qt.ItemDataRole.UserRole)))

    def set_client(self, client_id: int) -> None:
        # Nothing can be sent until this client's details are in.
        self.recipient = None
        self._update_buttons()
        service, prefer = self.greetings, self.occ.ref_id
        self.client_loader.submit(
            lambda: (
                service.recipient(client_id, prefer_note=prefer),
                service.festival_optout(client_id),
            )
        )

    def _client_loaded(self, result: object) -> None:
        self.recipient, opted_out = cast(tuple[Recipient, bool], result)
        show_client(self, self.recipient.name)
        self.touch.blockSignals(True)
        self.touch.clear()
        self.touch.addItem(self.tr("No personal touch"), None)
        for note in self.recipient.notes:
            self.touch.addItem(note.text[:40], note.text)
        # A note the reminder is about is the touch; otherwise offer the likeliest one.
        self.touch.setCurrentIndex(1 if self.recipient.notes else 0)
        self.touch.blockSignals(False)
        self.optout.blockSignals(True)
        self.optout.setChecked(opted_out)
        self.optout.blockSignals(False)
        self.recompose()
        self._update_buttons()

    # -- text -------------------------------------------------------------------------------

    def _template_changed(self) -> None:
        self.ctx.settings.setValue(LANG_KEY, self.language.currentData())
        self.ctx.settings.setValue(TONE_KEY, self.tone.currentData())
        self.recompose()

    def _templates_loaded(self, templates: Templates) -> None:
        self.templates = templates
        self.recompose()

    def recompose(self) -> None:
        if self.recipient is None or self.templates is None:
            return  # composed when both the client and the templates are in
        lang = str(self.language.currentData())
        tone = str(self.tone.currentData())
        # The day after a note's date is its own occasion (it asks how it went); its key
        # says so, while ``occasion`` is the note's.
        kind = self.occ.key.split(":", 1)[0]
        occasion = kind if kind == AFTER else self.occ.occasion
        template = pick_template(self.templates, occasion, lang, tone)
        note = self.touch.currentData()
        self.text.setPlainText(compose(template, self.recipient, occasion, lang, note))
        self.status.clear()

    def _update_buttons(self) -> None:
        ok = self.recipient is not None
        self.copy_button.setEnabled(ok)
        self.sent_button.setEnabled(ok)

    # -- actions ----------------------------------------------------------------------------

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
        self.status.setText(self.tr("Copied. Paste it into WeChat or a text message."))

    def mark_sent(self) -> None:
        if self.recipient is None or not self.text.toPlainText().strip():
            return
        self.greetings.record_sent(
            self.occ, self.recipient.client_id, self.text.toPlainText().strip()
        )
        if self.occ.client_id is not None:
            self.accept()
            return
        self.status.setText(self.tr("Logged as sent to {name}.").format(name=self.recipient.name))
        row = self.picker.currentRow() if self.picker else -1
        # On to the next client once the list (with this one ticked) is back.
        self._pick_row = row + 1 if row >= 0 else None
        self._load_candidates()

    def _optout_toggled(self, checked: bool) -> None:
        if self.recipient is not None:
            self.greetings.set_festival_optout(self.recipient.client_id, checked)


def _translate(context: str, text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text)
