"""Settings tabs for reminders (festivals, lead times, loans, pop-ups, quiet hours, tray, start
at login) and greeting templates. Book-level choices go to the book; machine-level to QSettings.

Each tab reads the book through the task runner and stays disabled until its answer is in
(a tab saved before then leaves the book as it was)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from crm.domain.festivals import NAMES, Festival
from crm.services import autostart
from crm.services.greeting_texts import default_template, template_occasions
from crm.services.greetings import GreetingService, Templates
from crm.services.reminders.service import ReminderService
from crm.services.reminders.settings import MAX_REPAYMENT_LEAD, ReminderSettings
from crm.ui.reminders.tray import CLOSE_TO_TRAY_KEY, START_AT_LOGIN_KEY, close_to_tray
from crm.ui.tasks import TaskRunner


def _qtime(t: dt.time) -> QTime:
    return QTime(t.hour, t.minute)


def _time(edit: QTimeEdit) -> dt.time:
    t = edit.time()
    return dt.time(t.hour(), t.minute())


class RemindersSettingsPage(QWidget):
    #: The book's settings are in the widgets.
    ready = Signal()

    def __init__(
        self,
        reminders: ReminderService,
        runner: TaskRunner,
        prefs: QSettings,
        parent: QWidget | None = None,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.reminders = reminders
        self.prefs = prefs
        self.data_dir = data_dir  # the book in use: start at login opens this one
        self.title = self.tr("Reminders")
        self.loaded: ReminderSettings | None = None
        s = ReminderSettings()  # shown (disabled) until the book's arrive
        tr = QCoreApplication.translate

        festivals = QGroupBox(self.tr("Festivals I send greetings for"))
        grid = QGridLayout(festivals)
        self.festival_boxes: dict[Festival, QCheckBox] = {}
        for i, f in enumerate(Festival):
            box = QCheckBox(NAMES[f].render(tr))
            box.setChecked(f in s.festivals)
            self.festival_boxes[f] = box
            grid.addWidget(box, i // 4, i % 4)

        self.lead: dict[str, QSpinBox] = {}
        leads = QGroupBox(self.tr("Show reminders this many days ahead"))
        lead_form = QFormLayout(leads)
        for kind, label in (
            ("birthday", self.tr("Birthdays")),
            ("festival", self.tr("Festivals")),
            ("promise", self.tr("Promises")),
            ("life_note", self.tr("Dates in notes")),
        ):
            spin = QSpinBox()
            spin.setRange(0, 30)
            spin.setValue(s.lead_days.get(kind, 0))
            spin.setSuffix(self.tr(" days"))
            self.lead[kind] = spin
            lead_form.addRow(label, spin)

        loans = QGroupBox(self.tr("Loans"))
        loan_form = QFormLayout(loans)
        loan_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.repayment_lead = QSpinBox()
        self.repayment_lead.setRange(0, MAX_REPAYMENT_LEAD)
        self.repayment_lead.setSuffix(self.tr(" days before, and on the day"))
        self.repayment_lead.setSpecialValueText(self.tr("On the day"))
        self.repayment_lead.setValue(s.lead_days.get("loan_repayment", 0))
        loan_form.addRow(self.tr("Repayment reminders"), self.repayment_lead)
        self.remind_auto_debit = QCheckBox(self.tr("Remind for loans paid by auto-debit too"))
        self.remind_auto_debit.setChecked(s.remind_auto_debit)
        loan_form.addRow(self.remind_auto_debit)
        loan_note = QLabel(
            self.tr(
                "Maturities remind 30 and 7 days ahead (time to talk about a renewal or an "
                "extension); overdue loans every day until they are cleared."
            )
        )
        loan_note.setWordWrap(True)
        loan_note.setStyleSheet("color: #4b5563;")
        loan_form.addRow(loan_note)

        popups = QGroupBox(self.tr("Pop-ups"))
        pop_form = QFormLayout(popups)
        self.notify_at = QTimeEdit(_qtime(s.notify_at))
        self.notify_at.setDisplayFormat("HH:mm")
        pop_form.addRow(self.tr("Pop up a day's reminders from"), self.notify_at)
        self.quiet = QCheckBox(self.tr("Quiet hours: no pop-ups from"))
        self.quiet.setChecked(s.quiet_enabled)
        self.quiet_start = QTimeEdit(_qtime(s.quiet_start))
        self.quiet_start.setDisplayFormat("HH:mm")
        self.quiet_end = QTimeEdit(_qtime(s.quiet_end))
        self.quiet_end.setDisplayFormat("HH:mm")
        quiet_row = QHBoxLayout()
        quiet_row.addWidget(self.quiet)
        quiet_row.addWidget(self.quiet_start)
        quiet_row.addWidget(QLabel(self.tr("to")))
        quiet_row.addWidget(self.quiet_end)
        quiet_row.addStretch(1)
        pop_form.addRow(quiet_row)
        self.close_to_tray = QCheckBox(
            self.tr("Closing the window keeps Prism running in the tray")
        )
        self.close_to_tray.setChecked(close_to_tray(prefs))
        pop_form.addRow(self.close_to_tray)
        self.start_at_login = QCheckBox(self.tr("Start Prism when I log in"))
        self._login_was = autostart.is_enabled()
        self.start_at_login.setChecked(self._login_was)
        pop_form.addRow(self.start_at_login)

        layout = QVBoxLayout(self)
        layout.addWidget(festivals)
        row = QHBoxLayout()
        row.addWidget(leads)
        row.addWidget(popups, 1)
        layout.addLayout(row)
        layout.addWidget(loans)
        layout.addStretch(1)
        self._book_parts = (festivals, leads, loans, self.notify_at, self.quiet)
        self._quiet_parts = (self.quiet_start, self.quiet_end)
        for w in (*self._book_parts, *self._quiet_parts):
            w.setEnabled(False)
        runner.run(reminders.settings, self._fill, owner=self)

    def _fill(self, s: ReminderSettings) -> None:
        for f, box in self.festival_boxes.items():
            box.setChecked(f in s.festivals)
        for kind, spin in self.lead.items():
            spin.setValue(s.lead_days.get(kind, 0))
        self.repayment_lead.setValue(s.lead_days.get("loan_repayment", 0))
        self.remind_auto_debit.setChecked(s.remind_auto_debit)
        self.notify_at.setTime(_qtime(s.notify_at))
        self.quiet.setChecked(s.quiet_enabled)
        self.quiet_start.setTime(_qtime(s.quiet_start))
        self.quiet_end.setTime(_qtime(s.quiet_end))
        for w in (*self._book_parts, *self._quiet_parts):
            w.setEnabled(True)
        self.loaded = s
        self.ready.emit()

    def settings(self) -> ReminderSettings:
        """The settings as edited; what this tab does not show (other lead times, the
        keep-in-touch limit) stays as the book had it."""
        current = self.loaded or ReminderSettings()
        lead = dict(current.lead_days)
        lead.update({k: spin.value() for k, spin in self.lead.items()})
        lead["loan_repayment"] = self.repayment_lead.value()
        return replace(
            current,
            remind_auto_debit=self.remind_auto_debit.isChecked(),
            festivals=frozenset(f for f, box in self.festival_boxes.items() if box.isChecked()),
            lead_days=lead,
            notify_at=_time(self.notify_at),
            quiet_enabled=self.quiet.isChecked(),
            quiet_start=_time(self.quiet_start),
            quiet_end=_time(self.quiet_end),
        )

    def save(self) -> None:
        if self.loaded is not None:
            self.reminders.save_settings(self.settings())
        self.prefs.setValue(CLOSE_TO_TRAY_KEY, self.close_to_tray.isChecked())
        wanted = self.start_at_login.isChecked()
        self.prefs.setValue(START_AT_LOGIN_KEY, wanted)
        if wanted != self._login_was:  # only touch the system when the officer changed it
            autostart.set_enabled(wanted, data_dir=self.data_dir)
            self._login_was = wanted


class GreetingTemplatesPage(QWidget):
    """Edit the greeting templates per occasion, language and tone; blank or reset = ours."""

    #: The book's templates are in.
    ready = Signal()

    def __init__(
        self, greetings: GreetingService, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.greetings = greetings
        self.title = self.tr("Greetings")
        self.overrides: Templates = {}
        self.loaded = False
        tr = QCoreApplication.translate
        self.occasion = QComboBox()
        for occ in template_occasions():
            if occ in Festival._value2member_map_:
                label = NAMES[Festival(occ)].render(tr)
            else:
                label = {
                    "birthday": self.tr("Birthday"),
                    "life_note": self.tr("Something from my notes"),
                    "contact_due": self.tr("Keeping in touch"),
                }[occ]
            self.occasion.addItem(label, occ)
        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.tone = QComboBox()
        self.tone.addItem(self.tr("Formal"), "formal")
        self.tone.addItem(self.tr("Warm"), "warm")
        self.tone.addItem(self.tr("Brief"), "brief")
        self.text = QPlainTextEdit()
        reset = QPushButton(self.tr("Reset to Prism's text"))
        reset.clicked.connect(self.reset)
        help_label = QLabel(
            self.tr(
                "Placeholders: {address} how you address them (张总), {name} full name, "
                "{occasion} the occasion, {touch} one sentence from their notes."
            )
        )
        help_label.setWordWrap(True)
        pickers = QHBoxLayout()
        for w in (self.occasion, self.language, self.tone):
            pickers.addWidget(w)
        pickers.addStretch(1)
        pickers.addWidget(reset)
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addWidget(self.text, 1)
        layout.addWidget(help_label)
        self._current = self._selection()
        self._load()
        for box in (self.occasion, self.language, self.tone):
            box.currentIndexChanged.connect(self._switch)
        self.setEnabled(False)
        runner.run(greetings.overrides, self._loaded, owner=self)

    def _loaded(self, overrides: Templates) -> None:
        self.overrides = overrides
        self.loaded = True
        self._load()
        self.setEnabled(True)
        self.ready.emit()

    def _selection(self) -> tuple[str, str, str]:
        return (
            str(self.occasion.currentData()),
            str(self.language.currentData()),
            str(self.tone.currentData()),
        )

    def _store(self) -> None:
        occ, lang, tone = self._current
        self.overrides.setdefault(occ, {}).setdefault(lang, {})[tone] = self.text.toPlainText()

    def _load(self) -> None:
        occ, lang, tone = self._current
        custom = self.overrides.get(occ, {}).get(lang, {}).get(tone)
        self.text.setPlainText(custom or default_template(occ, lang, tone))

    def _switch(self) -> None:
        self._store()
        self._current = self._selection()
        self._load()

    def reset(self) -> None:
        occ, lang, tone = self._current
        self.text.setPlainText(default_template(occ, lang, tone))

    def save(self) -> None:
        if not self.loaded:
            return
        self._store()
        self.greetings.save_templates(self.overrides)


def reminder_settings_pages(
    reminders: ReminderService,
    greetings: GreetingService,
    runner: TaskRunner,
    prefs: QSettings,
    data_dir: Path | None = None,
) -> list[tuple[str, QWidget]]:
    reminder_page = RemindersSettingsPage(reminders, runner, prefs, data_dir=data_dir)
    templates = GreetingTemplatesPage(greetings, runner)
    return [(reminder_page.title, reminder_page), (templates.title, templates)]
