"""The Referrals section: top referrers, where the book came from, and the network."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm.domain.changes import Change, Topic
from crm.services.referral_network import load_forest
from crm.services.referrals import ReferralQuery
from crm.ui.context import UiContext
from crm.ui.referrals.network import NetworkView
from crm.ui.referrals.share_bars import ShareBars
from crm.ui.referrals.top_model import ClientIdRole, TopReferrersModel

NODE_BUDGET = 1500


class ReferralsPage(QWidget):
    def __init__(
        self, ctx: UiContext, open_client: Callable[[int], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.open_client = open_client
        self.query = ReferralQuery(ctx.book)
        self._stale = True
        self._budget = NODE_BUDGET

        # Top referrers and sources.
        self.top_n = QSpinBox()
        self.top_n.setRange(5, 500)
        self.top_n.setValue(50)
        self.top_n.setPrefix(self.tr("Top "))
        self.top_n.valueChanged.connect(lambda _v: self.reload())
        self.model = TopReferrersModel(self)
        self.table = QTableView()
        self.table.setObjectName("topReferrers")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._activated)
        self.lent_note = QLabel(
            self.tr("Amount lent appears here once loans are recorded in Prism.")
        )
        self.lent_note.setStyleSheet("color: #6b7280;")
        self.lent_note.setWordWrap(True)
        top_box = QGroupBox(self.tr("Top referrers"))
        top_layout = QVBoxLayout(top_box)
        bar = QHBoxLayout()
        ranked = QLabel(self.tr("Ranked by clients brought directly, then in all."))
        ranked.setWordWrap(True)
        bar.addWidget(ranked, 1)
        bar.addStretch()
        bar.addWidget(self.top_n)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.lent_note)

        self.bars = ShareBars()
        self.share_summary = QLabel()
        self.share_summary.setObjectName("shareSummary")
        self.share_summary.setWordWrap(True)
        share_box = QGroupBox(self.tr("Where the book came from"))
        share_layout = QVBoxLayout(share_box)
        share_layout.addWidget(self.share_summary)
        share_layout.addWidget(self.bars)
        share_layout.addStretch()

        overview = QWidget()
        o = QHBoxLayout(overview)
        o.addWidget(top_box, 3)
        o.addWidget(share_box, 2)

        # The network.
        self.network = NetworkView()
        self.network.client_clicked.connect(self.open_client)
        self.network_info = QLabel()
        self.network_info.setObjectName("networkInfo")
        self.network_info.setWordWrap(True)
        more = QPushButton(self.tr("Show more trees"))
        more.clicked.connect(self.show_more)
        fit = QPushButton(self.tr("Fit largest tree"))
        fit.clicked.connect(self.network.fit_largest)
        zoom_in = QPushButton("+")
        zoom_out = QPushButton("−")
        for b in (zoom_in, zoom_out):
            b.setFixedWidth(32)
        zoom_in.clicked.connect(lambda: self.network.zoom(1.25))
        zoom_out.clicked.connect(lambda: self.network.zoom(0.8))
        tools = QHBoxLayout()
        tools.addStretch()
        tools.addWidget(zoom_out)
        tools.addWidget(zoom_in)
        tools.addWidget(fit)
        tools.addWidget(more)
        net_page = QWidget()
        n = QVBoxLayout(net_page)
        n.addWidget(self.network_info)
        n.addLayout(tools)
        n.addWidget(self.network, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(overview, self.tr("Top referrers and sources"))
        self.tabs.addTab(net_page, self.tr("Network"))
        self.tabs.currentChanged.connect(lambda _i: self._load_network_if_shown())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self._network_stale = True
        ctx.notifier.changed.connect(self._on_change)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _on_change(self, change: Change) -> None:
        if change.touches({Topic.CLIENT}):
            self._stale = True
            self._network_stale = True
            if self.isVisible():
                self.reload()

    def reload(self) -> None:
        self._stale = False
        self.model.set_rows(self.query.top_referrers(self.top_n.value()))
        self.lent_note.setVisible(not self.model.show_lent)
        shares = self.query.share_by_source()
        self.bars.set_shares(shares)
        referral = next((s for s in shares if s.source and s.source.value == "referral"), None)
        total = sum(s.clients for s in shares)
        self.share_summary.setText(
            self.tr("{share} of the {n} active clients came by referral.").format(
                share=f"{referral.share if referral else 0:.0%}", n=f"{total:,}"
            )
        )
        self._load_network_if_shown()

    def _load_network_if_shown(self) -> None:
        if self.tabs.currentIndex() == 1 and self._network_stale:
            self.load_network()

    def load_network(self) -> None:
        self._network_stale = False
        forest = load_forest(self.ctx.book)
        self.network.set_forest(forest, self._budget)
        info = self.network.layout_info
        drawn = sum(forest.tree_size(r) for r in info.expanded)
        self.network_info.setText(
            self.tr(
                "{trees} referral trees, largest first: {shown} drawn whole ({drawn} people), "
                "{collapsed} collapsed into their first referrer (+N). "
                "{unlinked} clients have no referral link. Click a person to open them."
            ).format(
                trees=len(forest.roots),
                shown=len(info.expanded),
                drawn=drawn,
                collapsed=len(info.collapsed),
                unlinked=f"{forest.unlinked:,}",
            )
        )

    def show_more(self) -> None:
        self._budget *= 2
        self.load_network()

    def _activated(self, index: QModelIndex) -> None:
        client_id = index.data(ClientIdRole)
        if client_id is not None:
            self.open_client(int(client_id))
