"""The client pane's Referrals tab: the chain upward, everyone they brought, thanks due."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from crm.domain.changes import Change, Topic
from crm.domain.referrals import NOT_RECORDED, ReferralSource
from crm.services.referral_thanks import ReferralThanks, ThanksDue
from crm.services.referrals import ReferralQuery
from crm.ui.context import UiContext
from crm.ui.referrals.style import ARCHIVED_COLOUR, colour_of
from crm.ui.referrals.tree_model import ClientIdRole, ReferralTreeModel

#: Trees up to this size open fully; larger ones open their first level only.
EXPAND_ALL_UP_TO = 200

_TOPICS = {Topic.CLIENT, Topic.REFERRAL_THANKS}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ReferralsTab(QWidget):
    def __init__(
        self,
        ctx: UiContext,
        open_client: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.open_client = open_client
        self.query = ReferralQuery(ctx.book)
        self.thanks = ReferralThanks(ctx.book, ctx.clock)
        self.client_id: int | None = None
        self._stale = True

        self.chain = QLabel()
        self.chain.setObjectName("referralChain")
        self.chain.setWordWrap(True)
        self.chain.setTextFormat(Qt.TextFormat.RichText)
        self.chain.linkActivated.connect(lambda link: self.open_client(int(link)))
        self.summary = QLabel()
        self.summary.setObjectName("referralSummary")
        self.summary.setStyleSheet("color: #374151;")
        self.thanks_box = QVBoxLayout()
        self.thanks_box.setSpacing(4)

        self.model = ReferralTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("referralTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.activated.connect(self._activated)
        hint = QLabel(self.tr("Double-click a person to open them. Grey: archived."))
        hint.setStyleSheet(f"color: {ARCHIVED_COLOUR};")

        layout = QVBoxLayout(self)
        layout.addWidget(self.chain)
        layout.addLayout(self.thanks_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)
        ctx.notifier.changed.connect(self._on_change)

    # -- feeding -------------------------------------------------------------------------------

    def set_client(self, client_id: int | None) -> None:
        self.client_id = client_id
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _on_change(self, change: Change) -> None:
        if change.touches(_TOPICS):
            self._stale = True
            if self.isVisible():
                self.reload()

    def reload(self) -> None:
        self._stale = False
        cid = self.client_id
        tree = self.query.tree(cid) if cid is not None else None
        self.model.set_tree(tree)
        self._clear_thanks()
        if cid is None or tree is None:
            self.chain.clear()
            self.summary.clear()
            return
        self._show_chain(cid)
        borrowed = sum(1 for n in tree.nodes if n.person.status in ("borrower", "former_borrower"))
        if tree.nodes:
            self.summary.setText(
                self.tr(
                    "Brought {direct} directly and {indirect} indirectly; "
                    "{borrowers} of them became borrowers."
                ).format(direct=tree.direct, indirect=tree.indirect, borrowers=borrowed)
            )
        else:
            self.summary.setText(self.tr("Has not referred anyone yet."))
        root = self.model.root_index()
        if len(tree.nodes) <= EXPAND_ALL_UP_TO:
            self.tree.expandAll()
        else:
            self.tree.expand(root)
        for due in self.thanks.open_for(cid):
            self._add_thanks(due)

    def _show_chain(self, client_id: int) -> None:
        chain = self.query.chain(client_id)
        if len(chain) > 1:
            parts = []
            for i, p in enumerate(chain):
                colour = colour_of(p) if p.archived else "#1d4ed8"
                name = _escape(p.label)
                if i == 0:
                    parts.append(f"<b>{name}</b>")
                else:
                    style = "text-decoration: line-through;" if p.archived else ""
                    parts.append(f'<a href="{p.id}" style="color: {colour}; {style}">{name}</a>')
            text = self.tr("Referred by: {chain}").format(chain=" ← ".join(parts))
        else:
            _ref, source = self.query.referrer_source(client_id)
            label = ReferralSource(source).label if source else NOT_RECORDED
            text = self.tr("Not referred by anyone in the book. Source: {source}").format(
                source=_escape(label.render(QCoreApplication.translate))
            )
        self.chain.setText(text)

    # -- thanks ----------------------------------------------------------------------------------

    def _clear_thanks(self) -> None:
        while self.thanks_box.count():
            item = self.thanks_box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()

    def _add_thanks(self, due: ThanksDue) -> None:
        frame = QFrame()
        frame.setObjectName("thanksDue")
        frame.setStyleSheet(
            "#thanksDue { background: #fef3c7; border: 1px solid #f59e0b; border-radius: 4px; }"
        )
        row = QHBoxLayout(frame)
        row.setContentsMargins(8, 4, 8, 4)
        text = QLabel(
            self.tr(
                "{client} became a borrower on {date}: thank {referrer} for the referral."
            ).format(
                client=due.referred.label,
                date=due.became_borrower_on.isoformat(),
                referrer=due.referrer.label,
            )
        )
        text.setWordWrap(True)
        button = QPushButton(self.tr("Thank…"))
        button.setObjectName("thankButton")
        button.clicked.connect(lambda _c=False, d=due: self.open_thanks(d))
        row.addWidget(text, 1)
        row.addWidget(button)
        self.thanks_box.addWidget(frame)

    def open_thanks(self, due: ThanksDue) -> None:
        from crm.ui.referrals.thanks_dialog import ThanksDialog

        ThanksDialog(self.thanks, due, self).exec()

    def _activated(self, index: QModelIndex) -> None:
        client_id = index.data(ClientIdRole)
        if client_id is not None and client_id != self.client_id:
            self.open_client(int(client_id))
