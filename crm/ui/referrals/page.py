"""The Referrals section: top referrers, where the book came from, and the network."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex
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

from crm.domain.changes import Topic
from crm.services.facade import Services
from crm.services.referral_network import Forest
from crm.services.referrals import SourceShare, TopReferrer
from crm.ui.book_page import BookPage
from crm.ui.context import UiContext
from crm.ui.referrals.network import NetworkView
from crm.ui.referrals.share_bars import ShareBars
from crm.ui.referrals.style import legend_html
from crm.ui.referrals.top_model import ClientIdRole, TopReferrersModel
from crm.ui.tasks import LatestOnly

NODE_BUDGET = 1500


def read_overview(services: Services, n: int) -> tuple[list[TopReferrer], list[SourceShare]]:
    """The first tab's reads (runs on a pool thread)."""
    return services.referrals.top_referrers(n), services.referrals.share_by_source()


class ReferralsPage(BookPage):
    # A referrer set or cleared, a status or name changed, a client archived: all CLIENT.
    topics = frozenset({Topic.CLIENT, Topic.RISK})  # risk: the network's badges

    def __init__(
        self,
        ctx: UiContext,
        open_client: Callable[[int], None],
        parent: QWidget | None = None,
        selected: Callable[[], int | None] = lambda: None,
    ) -> None:
        super().__init__(ctx.notifier, parent)
        self.ctx = ctx
        self.open_client = open_client
        #: the client selected in the client list: the network opens on their tree
        self.selected = selected
        self._budget = NODE_BUDGET
        self.overview_loader = LatestOnly(ctx.runner, self)
        self.overview_loader.finished.connect(self._show_overview)
        self.network_loader = LatestOnly(ctx.runner, self)
        self.network_loader.finished.connect(self._show_network)

        # Top referrers and sources.
        self.top_n = QSpinBox()
        self.top_n.setRange(5, 500)
        self.top_n.setValue(50)
        self.top_n.setPrefix(self.tr("Top "))
        self.top_n.valueChanged.connect(lambda _v: self._load_overview())
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
        self.focus_button = QPushButton(self.tr("Selected client's tree"))
        self.focus_button.clicked.connect(self.focus_selected)
        self.legend = QLabel(legend_html())
        self.legend.setObjectName("networkLegend")
        zoom_in = QPushButton("+")
        zoom_out = QPushButton("−")
        for b in (zoom_in, zoom_out):
            b.setFixedWidth(32)
        zoom_in.clicked.connect(lambda: self.network.zoom(1.25))
        zoom_out.clicked.connect(lambda: self.network.zoom(0.8))
        tools = QHBoxLayout()
        tools.addWidget(self.legend)
        tools.addStretch()
        tools.addWidget(self.focus_button)
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

    def reload(self) -> None:
        """The book changed (or the page is first shown): read the overview again, and the
        network when its tab is the one shown (else when it is next shown)."""
        self._network_stale = True
        self._load_overview()
        self._load_network_if_shown()

    def _load_overview(self) -> None:
        services, n = self.ctx.services, self.top_n.value()
        self.overview_loader.submit(lambda: read_overview(services, n))

    def _show_overview(self, answer: tuple[list[TopReferrer], list[SourceShare]]) -> None:
        top, shares = answer
        self.model.set_rows(top)
        self.lent_note.setVisible(not self.model.show_lent)
        self.bars.set_shares(shares)
        referral = next((s for s in shares if s.source and s.source.value == "referral"), None)
        total = sum(s.clients for s in shares)
        self.share_summary.setText(
            self.tr("{share} of the {n} active clients came by referral.").format(
                share=f"{referral.share if referral else 0:.0%}", n=f"{total:,}"
            )
        )

    def _load_network_if_shown(self) -> None:
        if self.tabs.currentIndex() != 1:
            return
        if self._network_stale:
            self.load_network()
        else:
            self.focus_selected()

    def focus_selected(self) -> None:
        """Frame the selected client's tree (drawn first if it was collapsed)."""
        client_id = self.selected()
        forest = self.network.forest
        if client_id is None or forest is None:
            return
        if not self.network.focus_client(client_id):
            self.network.set_forest(forest, self._budget, focus=client_id)

    def load_network(self) -> None:
        self._network_stale = False
        referrals, risks = self.ctx.services.referrals, self.ctx.services.risks
        # The badges of every client with a signal open (the small partial index alone).
        self.network_loader.submit(lambda: (referrals.forest(), risks.badges()))

    def _show_network(self, answer: tuple[Forest, dict[int, int]]) -> None:
        forest, self.network.badges = answer
        self.network.set_forest(forest, self._budget, focus=self.selected())
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
        forest = self.network.forest
        if forest is not None:  # the same book, more of it drawn: no need to read it again
            self._show_network((forest, self.network.badges))
        else:
            self.load_network()

    def _activated(self, index: QModelIndex) -> None:
        client_id = index.data(ClientIdRole)
        if client_id is not None:
            self.open_client(int(client_id))
