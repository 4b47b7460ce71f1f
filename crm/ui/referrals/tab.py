"""The client pane's Referrals tab: the chain upward, everyone they brought, thanks due."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
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
from crm.services.facade import Services
from crm.services.referral_links import Person
from crm.services.referral_thanks import ThanksDue
from crm.services.referrals import ReferralTree
from crm.ui.book_page import BookPage
from crm.ui.context import UiContext
from crm.ui.referrals.style import ARCHIVED_COLOUR, colour_of
from crm.ui.referrals.tree_model import ClientIdRole, ReferralTreeModel
from crm.ui.tasks import LatestOnly

#: Trees up to this size open fully; larger ones open their first level only.
EXPAND_ALL_UP_TO = 200


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True)
class TabData:
    """What the tab shows of one client, read in one go on a pool thread."""

    client_id: int
    tree: ReferralTree | None
    chain: list[Person]
    source: str | None
    thanks: list[ThanksDue]

    @property
    def shown(self) -> frozenset[int]:
        """Every client whose change can alter the tab (the tree and the chain)."""
        if self.tree is None:
            return frozenset({self.client_id})
        ids = {self.client_id, *(p.id for p in self.chain)}
        ids.update(n.person.id for n in self.tree.nodes)
        return frozenset(ids)


def read_tab(services: Services, client_id: int) -> TabData:
    """The tab's reads for one client (runs on a pool thread)."""
    tree = services.referrals.tree(client_id)
    if tree is None:
        return TabData(client_id, None, [], None, [])
    chain = services.referrals.chain(client_id)
    source = services.referrals.referrer_source(client_id)[1] if len(chain) <= 1 else None
    return TabData(client_id, tree, chain, source, services.thanks.open_for(client_id))


class ReferralsTab(BookPage):
    topics = frozenset({Topic.CLIENT, Topic.REFERRAL_THANKS})

    def __init__(
        self,
        ctx: UiContext,
        open_client: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx.notifier, parent)
        self.ctx = ctx
        self.open_client = open_client
        self.client_id: int | None = None
        # Clients shown by the last answer (the client, their chain and tree).
        self._shown: frozenset[int] = frozenset()
        self.loader = LatestOnly(ctx.runner, self)
        self.loader.finished.connect(self._show)

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

    # -- feeding -------------------------------------------------------------------------------

    def set_client(self, client_id: int | None) -> None:
        if client_id == self.client_id:
            return  # a refresh of the same client: concerns() already saw what changed
        self.client_id = client_id
        self._shown = frozenset()
        self.mark_dirty()

    def concerns(self, change: Change) -> bool:
        """Changes to anyone shown. A client not shown matters only when they were just
        linked under someone shown (their referrer changed), which the change does not say:
        a hidden tab simply reloads when next shown; a visible one asks off the GUI thread."""
        if not change.touches(self.topics):
            return False
        if self.client_id is None:
            return False
        if not change.client_ids or Topic.BOOK in change.topics or not self.isVisible():
            return True
        if self.loader.busy:  # the answer on its way may predate this change
            return True
        if not change.client_ids.isdisjoint(self._shown):
            return True
        if Topic.CLIENT in change.topics:
            referrals, shown, ids = self.ctx.services.referrals, self._shown, change.client_ids
            self.ctx.runner.run(
                lambda: referrals.linked_under(ids, shown),
                lambda linked: self.mark_dirty() if linked else None,
                owner=self,
            )
        return False

    def reload(self) -> None:
        cid = self.client_id
        if cid is None:
            self._show(None)
            return
        services = self.ctx.services
        self.loader.submit(lambda: read_tab(services, cid))

    def _show(self, data: TabData | None) -> None:
        if data is not None and data.client_id != self.client_id:
            return  # an answer for the client shown before
        tree = data.tree if data is not None else None
        self.model.set_tree(tree)
        self._clear_thanks()
        if data is None or tree is None:
            self._shown = frozenset()
            self.chain.clear()
            self.summary.clear()
            return
        self._shown = data.shown
        self._show_chain(data)
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
        for due in data.thanks:
            self._add_thanks(due)

    def _show_chain(self, data: TabData) -> None:
        chain = data.chain
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
            source = data.source
            label = ReferralSource(source).label if source else NOT_RECORDED
            text = self.tr("Not referred by anyone in the book. Source: {source}").format(
                source=_escape(label.render(QCoreApplication.translate))
            )
        self.chain.setText(text)

    # -- thanks ----------------------------------------------------------------------------------

    def _clear_thanks(self) -> None:
        while self.thanks_box.count():
            item = self.thanks_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

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

        ThanksDialog(self.ctx.services.thanks, due, self).exec()

    def _activated(self, index: QModelIndex) -> None:
        client_id = index.data(ClientIdRole)
        if client_id is not None and client_id != self.client_id:
            self.open_client(int(client_id))
