"""The client pane's 贷后 tab: risk signals, the application's papers, post-loan checks,
related parties and turnover of the selected client, each with its few actions.

One read per client (:func:`crm.ui.post_loan.tab_data.read_tab`, through the runner); writes
are single small records, made on the spot, refused with a one-line reason.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm.domain.changes import Change, Topic
from crm.domain.post_loan import DocState
from crm.domain.risk import badge_text
from crm.ui.book_page import ClientView
from crm.ui.context import UiContext
from crm.ui.i18n import render
from crm.ui.post_loan.tab_data import TabData, read_tab
from crm.ui.post_loan.tab_widgets import GREY, RED, button, fill, table
from crm.ui.post_loan.turnover_chart import TurnoverChart
from crm.ui.tasks import LatestOnly


class ClientAfterLoanTab(ClientView):
    topics = frozenset(
        {
            Topic.RISK,
            Topic.LOAN,
            Topic.LOAN_DOCUMENT,
            Topic.POST_LOAN_CHECK,
            Topic.RELATED_PARTY,
            Topic.TURNOVER,
            Topic.CLIENT,
        }
    )

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx.notifier, parent)
        self.ctx = ctx
        self.data: TabData | None = None
        self.loader = LatestOnly(ctx.runner, self)
        self.loader.finished.connect(self._show)
        from crm.ui.post_loan.tab_actions import AfterLoanActions

        self.act = act = AfterLoanActions(self)

        self.badge = QLabel()
        self.badge.setObjectName("riskBadge")
        self.badge.setStyleSheet(f"color: {RED}; font-weight: bold;")

        # Risk signals
        self.signals, self.signal_model = table(
            [self.tr("▲"), self.tr("Signal"), self.tr("Opened"), self.tr("Note")],
            "riskTable",
            4,
            (1, 3),
        )
        signals = self._box(
            self.tr("Risk signals"),
            self.signals,
            [
                button(self.tr("Add signal…"), act.add_signal),
                button(self.tr("Close…"), act.close_signal),
                button(self.tr("No answer"), act.no_answer),
            ],
        )
        # Papers
        self.docs_title = QLabel()
        self.docs, self.doc_model = table(
            [self.tr("Paper"), self.tr("State"), self.tr("Date"), self.tr("Note")],
            "docTable",
            9,
            (0, 3),
        )
        papers = self._box(
            self.tr("Papers"),
            self.docs,
            [
                button(self.tr("Received"), lambda: act.mark(DocState.RECEIVED)),
                button(self.tr("Missing"), lambda: act.mark(DocState.MISSING)),
                button(self.tr("Expires…"), act.mark_expiry),
            ],
            head=self.docs_title,
            more=[
                button(self.tr("Copy the “still missing” message"), act.copy_missing),
                button(self.tr("Sent: log it"), act.log_sent),
            ],
        )
        # Checks
        self.checks, self.check_model = table(
            [self.tr("Due / done"), self.tr("Loan"), self.tr("Check"), self.tr("Findings")],
            "checkTable",
            6,
            (3,),
        )
        checks = self._box(
            self.tr("Post-loan checks (贷后)"),
            self.checks,
            [button(self.tr("Record check…"), act.record_check)],
        )
        # Related parties
        self.mutual = QLabel()
        self.mutual.setStyleSheet(f"color: {RED};")
        self.parties, self.party_model = table(
            [self.tr("Role"), self.tr("Who"), self.tr("Their loans and signals")],
            "partyTable",
            4,
            (1, 2),
        )
        parties = self._box(
            self.tr("Related parties"),
            self.parties,
            [button(self.tr("Add…"), act.relate)],
            head=self.mutual,
        )
        # Turnover
        self.chart = TurnoverChart()
        self.stats = QLabel()
        self.stats.setStyleSheet(GREY)
        turnover = self._box(
            self.tr("Turnover (流水)"),
            self.chart,
            [button(self.tr("Add month…"), act.add_turnover)],
            head=self.stats,
        )

        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.badge)
        for box in (signals, papers, checks, parties, turnover):
            column.addWidget(box)
        column.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # The pane is narrow: the tables elide rather than the tab scrolling sideways.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _box(
        self,
        title: str,
        content: QWidget,
        buttons: list[QToolButton],
        head: QLabel | None = None,
        more: list[QToolButton] | None = None,
    ) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        if head is not None:
            head.setWordWrap(True)
            layout.addWidget(head)
        layout.addWidget(content)
        for row in (buttons, more or []):
            bar = QHBoxLayout()
            bar.setSpacing(4)
            for b in row:
                bar.addWidget(b)
            bar.addStretch()
            layout.addLayout(bar)
        return box

    # -- reading ---------------------------------------------------------------------------

    def concerns(self, change: Change) -> bool:
        return change.touches(self.topics) and change.about(self.client_id)

    def reload(self) -> None:
        if self.client_id is None:
            return
        services, cid = self.ctx.services, self.client_id
        self.loader.submit(lambda: read_tab(services, cid))

    def _show(self, data: TabData) -> None:
        if data.client_id != self.client_id:
            return
        self.data = data
        today = self.ctx.clock.today()
        open_signals = [s for s in data.signals if s.open]
        worst = max((s.severity for s in open_signals), default=0)
        self.badge.setText(
            self.tr("{badge} {n} open risk signal(s)").format(
                badge=badge_text(worst * 1000), n=len(open_signals)
            )
            if open_signals
            else ""
        )
        self.badge.setVisible(bool(open_signals))
        fill(
            self.signals,
            self.signal_model,
            [
                [
                    "▲" * s.severity,
                    render(s.kind.label),
                    s.opened_on.isoformat(),
                    s.note if s.open else f"{s.closed_on} ✓ {s.close_note}",
                ]
                for s in data.signals
            ],
            [
                RED if s.open and s.severity >= 3 else (None if s.open else "grey")
                for s in data.signals
            ],
        )
        sheet = data.checklist
        if sheet is None:
            self.docs_title.setText(self.tr("No loan application yet."))
            fill(self.docs, self.doc_model, [], [])
        else:
            self.docs_title.setText(
                self.tr("Loan {id} · {product}: {n} missing").format(
                    id=sheet.loan_id, product=sheet.product, n=len(sheet.missing)
                )
            )
            fill(
                self.docs,
                self.doc_model,
                [
                    [
                        i.item,
                        render(i.state.label),
                        (i.expires_on or i.on_date or "") and str(i.expires_on or i.on_date),
                        i.note,
                    ]
                    for i in sheet.items
                ],
                [None if i.state is DocState.RECEIVED else RED for i in sheet.items],
            )
        rows: list[list[str]] = []
        colours: list[str | None] = []
        for d in data.due:
            late = d.late(today)
            text = self.tr("late since {date}") if late else self.tr("due {date}")
            rows.append(
                [text.format(date=d.due_on.isoformat()), f"#{d.loan_id}", render(d.kind.label), ""]
            )
            colours.append(RED if late else None)
        for c in data.checks[:10]:
            funds = {
                True: self.tr("funds as agreed"),
                False: self.tr("funds NOT as agreed"),
                None: "",
            }[c.funds_ok]
            rows.append(
                [
                    c.on.isoformat(),
                    f"#{c.loan_id}",
                    render(c.kind.label),
                    " · ".join(t for t in (funds, c.findings, c.evidence) if t),
                ]
            )
            colours.append(RED if c.funds_ok is False else "grey")
        fill(self.checks, self.check_model, rows, colours)
        self.mutual.setText(
            "\n".join(
                self.tr("Mutual guarantee (互保) with {name}").format(
                    name=data.names.get(b if a == data.client_id else a, "?")
                )
                for a, b in data.mutual
            )
        )
        self.mutual.setVisible(bool(data.mutual))
        views = {g.client_id: g for g in data.guarantors}
        party_rows = []
        for p in data.parties:
            g = views.get(p.other_client_id) if p.other_client_id and not p.reverse else None
            standing = ""
            if g is not None:
                standing = self.tr(
                    "{loans} running, {overdue} overdue, {signals} open signals"
                ).format(loans=g.running_loans, overdue=g.overdue_loans, signals=g.open_signals)
            role = render(p.role.label)
            if p.reverse:
                role = self.tr("{role} of").format(role=role)
            who = p.other_name + ("" if p.other_client_id else self.tr(" (not a client)"))
            party_rows.append([role, who, standing])
        fill(self.parties, self.party_model, party_rows, [None] * len(party_rows))
        stats = data.stats
        self.chart.set_data(data.turnover, stats.average6)
        parts = []
        if stats.average6 is not None:
            parts.append(
                self.tr("6-month average {amount}").format(amount=f"{stats.average6:,.0f}")
            )
        if stats.cv is not None:
            parts.append(self.tr("volatility (CV) {cv:.2f}").format(cv=stats.cv))
        if stats.drop is not None and stats.drop >= 0.3:
            parts.append(
                self.tr("{month} down {pct:.0%}").format(month=stats.latest_month, pct=stats.drop)
            )
        if stats.peak_months:
            parts.append(
                self.tr("busy months: {months}").format(
                    months=", ".join(str(m) for m in stats.peak_months)
                )
            )
        self.stats.setText(" · ".join(parts))
