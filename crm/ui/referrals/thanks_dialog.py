"""Saying thank you to a referrer: a draft to copy, then logged as a contact."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm.services.referral_thanks import ReferralThanks, ThanksDue
from crm.store.errors import BookError

CHANNELS = ("wechat", "phone", "visit", "other")


class ThanksDialog(QDialog):
    def __init__(self, service: ReferralThanks, due: ThanksDue, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.due = due
        self.interaction_id: int | None = None
        self.setWindowTitle(self.tr("Thank {referrer}").format(referrer=due.referrer.label))
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr("{client}, whom {referrer} referred, became a borrower on {date}.").format(
                client=due.referred.label,
                referrer=due.referrer.label,
                date=due.became_borrower_on.isoformat(),
            )
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(service.draft(due).render(QCoreApplication.translate))
        self.text.setObjectName("thanksText")
        self.copy_button = QPushButton(self.tr("Copy text"))
        self.copy_button.clicked.connect(self._copy)
        self.channel = QComboBox()
        labels = {
            "wechat": self.tr("WeChat"),
            "phone": self.tr("Phone"),
            "visit": self.tr("Visit"),
            "other": self.tr("Other"),
        }
        for key in CHANNELS:
            self.channel.addItem(labels[key], key)
        form = QFormLayout()
        form.addRow(self.tr("Sent by"), self.channel)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.log_button = buttons.addButton(
            self.tr("Log as thanked"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.log)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.copy_button)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _copy(self) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(self.text.toPlainText())

    def log(self) -> None:
        summary = self.tr("Thanked for referring {client}: {text}").format(
            client=self.due.referred.label, text=self.text.toPlainText().strip()
        )
        try:
            self.interaction_id = self.service.log_thanks(
                self.due.id, str(self.channel.currentData()), summary[:2000]
            )
        except BookError as exc:
            QMessageBox.warning(
                self, self.tr("Not saved"), exc.message.render(QCoreApplication.translate)
            )
            return
        self.accept()
