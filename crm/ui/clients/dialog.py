"""Adding or editing a client, with inline validation.

Every change re-runs the same rules as ``crm add`` (crm.domain.client_form); a bad field says
what is wrong under itself and Save stays off. Nothing typed is ever cleared: a refused save
(bad input, a locked or full disk) leaves the form as it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm.domain.client_form import Birthday, ClientDraft
from crm.domain.enums import Calendar, ClientKind, ClientStatus, Gender
from crm.domain.errors import FieldError, ValidationErrors
from crm.domain.referrals import ReferralSource
from crm.services.clients import preload
from crm.store.errors import BookError
from crm.ui.clients.birthday_edit import BirthdayEdit
from crm.ui.clients.form_status import FormStatus
from crm.ui.clients.guarded import GuardedDialog
from crm.ui.clients.naming import show_client
from crm.ui.i18n import render
from crm.ui.tasks import LatestOnly

if TYPE_CHECKING:
    from crm.services.clients import ClientDetail
    from crm.ui.context import UiContext

_PHONE_SPLIT = re.compile(r"[,;，；、/]")


class ClientDialog(GuardedDialog):
    """A new client (``detail`` None), or the client ``detail`` was read from, to edit."""

    def __init__(
        self,
        ctx: UiContext,
        detail: ClientDetail | None = None,
        known_tags: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = ctx.services.clients
        self.client_id = detail.id if detail is not None else None
        self.saved_id: int | None = None
        self._touched: set[str] = set()
        # Why the chosen referrer cannot refer this client, as last checked off the GUI
        # thread (the save checks again, in its transaction).
        self._referral_errors: list[FieldError] = []
        self._referral_check = LatestOnly(ctx.runner, self)
        self._referral_check.finished.connect(self._referral_checked)
        self.setWindowTitle(self.tr("New client") if detail is None else self.tr("Edit client"))
        # The first save needs pypinyin and the validators (~0.5 s to import): load them while
        # the officer types, off the GUI thread.
        ctx.runner.run(preload)
        self.setMinimumWidth(560)

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Full name, e.g. 张伟"))
        self.form_of_address = QLineEdit()
        self.form_of_address.setPlaceholderText(self.tr("How you address them, e.g. 张总, 李姐"))
        self.cadence = QSpinBox()
        self.cadence.setRange(0, 3650)
        self.cadence.setSpecialValueText(self.tr("Default for the status"))
        self.cadence.setSuffix(self.tr(" days"))
        from crm.ui.referrals.picker import ReferrerPicker

        self.referred_by = ReferrerPicker(ctx.services, ctx.runner)
        self.source = QComboBox()
        self.source.addItem(self.tr("Not recorded"), None)
        for src in ReferralSource:
            self.source.addItem(render(src.label), src.value)
        self.kind = QComboBox()
        for k in ClientKind:
            self.kind.addItem(render(k.label), k.value)
        self.gender = QComboBox()
        self.gender.addItem(self.tr("Not given"), None)
        for g in Gender:
            self.gender.addItem(render(g.label), g.value)
        self.status = QComboBox()
        for s in ClientStatus:
            self.status.addItem(render(s.label), s.value)
        self.birthday = BirthdayEdit()
        self.phones = QLineEdit()
        self.phones.setPlaceholderText(self.tr("13812345678, 010-12345678 (separate with commas)"))
        self.wechat = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText(self.tr("18-character resident ID number"))
        self.from_id = QPushButton(self.tr("Use birthday and gender from the ID number"))
        self.from_id.setFlat(True)
        self.from_id.setVisible(False)
        self.from_id.clicked.connect(self._take_from_id)
        self.business_name = QLineEdit()
        self.industry = QLineEdit()
        self.uscc = QLineEdit()
        self.uscc.setPlaceholderText(self.tr("18-character unified social credit code"))
        self.address = QLineEdit()
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. 老客户, 经营贷"))
        if known_tags:
            completer = QCompleter(known_tags, self.tags)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.tags.setCompleter(completer)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(70)

        self.status_line = FormStatus()
        self.fields = self.status_line.fields
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        def row(label: str, widget: QWidget, key: str | None = None) -> None:
            form.addRow(label, widget)
            if key:
                self.status_line.add_field(key, label, widget)

        # The offer to take birthday and gender from the ID number stands beside the gender,
        # its room kept while hidden: showing it moves no field.
        gender_row = QHBoxLayout()
        gender_row.setContentsMargins(0, 0, 0, 0)
        gender_row.addWidget(self.gender)
        gender_row.addWidget(self.from_id, 1)
        keep = self.from_id.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.from_id.setSizePolicy(keep)
        gender_box = QWidget()
        gender_box.setLayout(gender_row)

        row(self.tr("Name *"), self.name, "name")
        row(self.tr("Address as"), self.form_of_address, "form_of_address")
        row(self.tr("Kind"), self.kind)
        row(self.tr("Status"), self.status)
        row(self.tr("Phones"), self.phones, "phone")
        row(self.tr("WeChat"), self.wechat, "wechat")
        row(self.tr("ID number"), self.id_number, "id_number")
        row(self.tr("Gender"), gender_box)
        row(self.tr("Birthday"), self.birthday, "birthday")
        row(self.tr("Business name"), self.business_name, "business_name")
        row(self.tr("Industry"), self.industry, "industry")
        row(self.tr("Credit code"), self.uscc, "uscc")
        row(self.tr("Address"), self.address, "address")
        row(self.tr("Tags"), self.tags)
        row(self.tr("Keep in touch every"), self.cadence, "cadence_days")
        row(self.tr("Referred by"), self.referred_by, "referred_by")
        row(self.tr("Came through"), self.source)
        row(self.tr("Notes"), self.notes, "notes")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.cancel)
        # The status line above the buttons says what is wrong: an error never inserts a row,
        # so no field moves under the pointer while the officer types.
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status_line)
        layout.addWidget(self.buttons)

        if detail is not None:
            self._load(detail)
            show_client(self, detail.draft.name)
        self._validate_timer = QTimer(self, singleShot=True, interval=120)
        self._validate_timer.timeout.connect(self.validate)
        edits: dict[str, QLineEdit] = {
            "name": self.name,
            "form_of_address": self.form_of_address,
            "phone": self.phones,
            "wechat": self.wechat,
            "id_number": self.id_number,
            "business_name": self.business_name,
            "industry": self.industry,
            "uscc": self.uscc,
            "address": self.address,
            "tags": self.tags,
        }
        for key, edit in edits.items():
            edit.textEdited.connect(lambda _t, k=key: self._edited(k))
        self.notes.textChanged.connect(lambda: self._edited("notes"))
        self.birthday.changed.connect(lambda: self._edited("birthday"))
        self.cadence.valueChanged.connect(lambda _v: self._edited("cadence_days"))
        self.referred_by.changed.connect(lambda _v: self._referrer_changed())
        self.source.currentIndexChanged.connect(lambda _i: self._validate_timer.start())
        for combo in (self.kind, self.gender, self.status):
            combo.currentIndexChanged.connect(lambda _i: self._validate_timer.start())
        self.kind.currentIndexChanged.connect(self._sync_kind)
        self._sync_kind()
        self.validate()
        self._initial = self.draft()
        # entering a field brings its problem, if any, into the status line
        self.status_line.watch_focus([*edits.values(), self.notes])

    # -- reading and writing the form ----------------------------------------------------------

    def _load(self, detail: ClientDetail) -> None:
        d = detail.draft
        self.name.setText(d.name)
        self.kind.setCurrentIndex(self.kind.findData(d.kind.value))
        self.gender.setCurrentIndex(self.gender.findData(d.gender.value if d.gender else None))
        self.status.setCurrentIndex(self.status.findData(d.status.value))
        self.birthday.set_value(d.birthday)
        self.phones.setText(", ".join(d.phones))
        self.wechat.setText(d.wechat)
        self.id_number.setText(d.id_number)
        self.business_name.setText(d.business_name)
        self.industry.setText(d.industry)
        self.uscc.setText(d.uscc)
        self.address.setText(d.address)
        self.tags.setText(", ".join(d.tags))
        self.notes.setPlainText(d.notes)
        self.form_of_address.setText(d.form_of_address)
        self.cadence.setValue(d.cadence_days or 0)
        self.referred_by.set_client(d.referred_by_id)
        self.source.setCurrentIndex(
            max(0, self.source.findData(d.source.value if d.source else None))
        )
        self._touched.update(self.fields)

    def draft(self) -> ClientDraft:
        gender = self.gender.currentData()
        return ClientDraft(
            name=self.name.text(),
            kind=ClientKind(self.kind.currentData()),
            gender=Gender(gender) if gender else None,
            birthday=self.birthday.value(),
            phones=[p for p in _PHONE_SPLIT.split(self.phones.text()) if p.strip()],
            wechat=self.wechat.text(),
            id_number=self.id_number.text(),
            business_name=self.business_name.text(),
            industry=self.industry.text(),
            uscc=self.uscc.text(),
            address=self.address.text(),
            status=ClientStatus(self.status.currentData()),
            tags=[self.tags.text()],
            notes=self.notes.toPlainText(),
            form_of_address=self.form_of_address.text(),
            cadence_days=self.cadence.value() or None,
            referred_by_id=self.referred_by.client_id(),
            source=ReferralSource(self.source.currentData()) if self.source.currentData() else None,
        )

    # -- validation ----------------------------------------------------------------------------

    def _edited(self, key: str) -> None:
        self._touched.add(key)
        self.status_line.current = key
        self._validate_timer.start()

    def _sync_kind(self) -> None:
        business = self.kind.currentData() != ClientKind.PERSON.value
        for w in (self.business_name, self.industry, self.uscc):
            w.setEnabled(business or bool(w.text()))

    def validate(self) -> list[FieldError]:
        """Mark each touched field that is wrong and say why in the status line; Save is on
        only when all is well."""
        try:
            self.service.validate(self.draft())
            problems: list[FieldError] = []
        except ValidationErrors as exc:
            problems = list(exc.errors)
        problems += self._referral_errors
        by_field: dict[str, list[str]] = {}
        for p in problems:
            by_field.setdefault(p.field, []).append(render(p.message))
        self.status_line.show_problems(
            {k: " ".join(v) for k, v in by_field.items() if k in self._touched}
        )
        self.save_button.setEnabled(not problems)
        self._offer_from_id()
        return problems

    @property
    def problems(self) -> dict[str, str]:
        """What is wrong with each touched field now."""
        return self.status_line.problems

    def field_error(self, key: str) -> str:
        """What is wrong with this field now, as the dialog says it ("" when nothing)."""
        return self.status_line.problems.get(key, "")

    def changed(self) -> bool:
        """Whether anything was typed or chosen since the form opened."""
        return self.draft() != self._initial

    def _referrer_changed(self) -> None:
        referrer = self.referred_by.client_id()
        if referrer is not None:
            self.source.setCurrentIndex(self.source.findData(ReferralSource.REFERRAL.value))
        self.source.setEnabled(referrer is None)
        self._referral_errors = []
        if referrer is not None:
            # A referrer that would close a circle, said as soon as it is picked.
            referrals, client_id = self.ctx.services.referrals, self.client_id
            self._referral_check.submit(lambda: referrals.problems(client_id, referrer))
        self._edited("referred_by")

    def _referral_checked(self, problems: object) -> None:
        assert isinstance(problems, list)
        self._referral_errors = problems
        self.validate()

    def _id_facts(self) -> tuple[Birthday, Gender] | None:
        from crm.domain.identity import id_number_facts, validate_id_number

        if not self.id_number.text().strip():
            return None
        try:
            facts = id_number_facts(
                validate_id_number(self.id_number.text(), self.ctx.clock.today())
            )
        except FieldError:
            return None
        b = facts.birthday
        return Birthday(Calendar.SOLAR, b.month, b.day, b.year), Gender(facts.gender)

    def _offer_from_id(self) -> None:
        facts = self._id_facts()
        differs = facts is not None and (
            self.birthday.value() != facts[0] or self.gender.currentData() != facts[1].value
        )
        self.from_id.setVisible(differs)

    def _take_from_id(self) -> None:
        facts = self._id_facts()
        if facts is None:
            return
        self.birthday.set_value(facts[0])
        self.gender.setCurrentIndex(self.gender.findData(facts[1].value))
        self.validate()

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        self._touched.update(self.fields)
        if self.validate():
            return
        try:
            if self.client_id is None:
                self.saved_id = self.service.add(self.draft())
            else:
                self.service.update(self.client_id, self.draft())
                self.saved_id = self.client_id
        except ValidationErrors as exc:
            # Only the save's own check can know (a circle closed meanwhile, or before the
            # picker's check came back): show what it found under the referrer.
            self._referral_errors = [e for e in exc.errors if e.field == "referred_by"]
            self.validate()
            return
        except BookError as exc:
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("{reason}\n\nYour input is still in the form.").format(
                    reason=render(exc.message)
                ),
            )
            return
        self.accept()
