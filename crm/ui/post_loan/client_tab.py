"""The client pane's 贷后 tab: risk signals, the application's papers, post-loan checks,
related parties and turnover of the selected client, each with its few actions.

One read per client (:func:`crm.ui.post_loan.tab_data.read_tab`, through the runner); writes
are single small records, made on the spot, refused with a one-line reason.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QScrollArea,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm.domain.changes import Change, Topic
from crm.domain.errors import ValidationErrors
from crm.domain.loan_form import render as render_nested
from crm.domain.post_loan import DocState
from crm.services.risks import badge_text
from crm.ui.book_page import ClientView
from crm.ui.context import UiContext
from crm.ui.i18n import render
from crm.ui.post_loan.tab_data import TabData, read_tab
from crm.ui.post_loan.turnover_chart import TurnoverChart
from crm.ui.tables import read_only_table
from crm.ui.tasks import LatestOnly

_RED = "#b91c1c"
_GREY = "color: #6b7280;"
_ROW = 24


def _button(text: str, slot: Callable[[], object]) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.clicked.connect(lambda: slot())
    return button


def _table(
    columns: list[str], name: str, rows: int, stretch: tuple[int, ...]
) -> tuple[QTableView, QStandardItemModel]:
    """A small list; the ``stretch`` columns share the width left by the others, which take
    what their contents need."""
    model = QStandardItemModel(0, len(columns))
    model.setHorizontalHeaderLabels(columns)
    table = read_only_table(model, name=name, row_height=_ROW)
    header = table.horizontalHeader()
    header.setMinimumSectionSize(30)
    for col in range(len(columns)):
        if col in stretch:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
    table.setProperty("fit_columns", [c for c in range(len(columns)) if c not in stretch])
    table.setProperty("max_rows", rows)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    _fit(table, 0)
    return table, model


def _fit(table: QTableView, rows: int) -> None:
    """As tall as its rows (one empty row at least, its maximum at most): the tab stacks five
    lists in a narrow pane, and an empty one should not take a screenful."""
    shown = max(1, min(rows, int(table.property("max_rows"))))
    table.setFixedHeight(_ROW + 6 + _ROW * shown)


def _fill(
    table: QTableView, model: QStandardItemModel, rows: list[list[str]], colours: list[str | None]
) -> None:
    model.removeRows(0, model.rowCount())
    for row, colour in zip(rows, colours, strict=True):
        items = [QStandardItem(text) for text in row]
        for item, text in zip(items, row, strict=True):
            item.setToolTip(text)  # the pane is narrow: the whole text on hover
            if colour:
                item.setForeground(Qt.GlobalColor.red if colour == _RED else Qt.GlobalColor.gray)
        model.appendRow(items)
    _fit(table, len(rows))
    # Sized once the rows are in (a resize-to-contents mode lost to the stretched columns).
    for col in table.property("fit_columns"):
        table.resizeColumnToContents(col)


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

        self.badge = QLabel()
        self.badge.setObjectName("riskBadge")
        self.badge.setStyleSheet(f"color: {_RED}; font-weight: bold;")

        # Risk signals
        self.signals, self.signal_model = _table(
            [self.tr("▲"), self.tr("Signal"), self.tr("Opened"), self.tr("Note")],
            "riskTable",
            4,
            (1, 3),
        )
        signals = self._box(
            self.tr("Risk signals"),
            self.signals,
            [
                _button(self.tr("Add signal…"), self.add_signal),
                _button(self.tr("Close…"), self.close_signal),
                _button(self.tr("No answer"), self.no_answer),
            ],
        )
        # Papers
        self.docs_title = QLabel()
        self.docs, self.doc_model = _table(
            [self.tr("Paper"), self.tr("State"), self.tr("Date"), self.tr("Note")],
            "docTable",
            9,
            (0, 3),
        )
        papers = self._box(
            self.tr("Papers"),
            self.docs,
            [
                _button(self.tr("Received"), lambda: self.mark(DocState.RECEIVED)),
                _button(self.tr("Missing"), lambda: self.mark(DocState.MISSING)),
                _button(self.tr("Expires…"), self.mark_expiry),
            ],
            head=self.docs_title,
            more=[
                _button(self.tr("Copy the “still missing” message"), self.copy_missing),
                _button(self.tr("Sent: log it"), self.log_sent),
            ],
        )
        # Checks
        self.checks, self.check_model = _table(
            [self.tr("Due / done"), self.tr("Loan"), self.tr("Check"), self.tr("Findings")],
            "checkTable",
            6,
            (3,),
        )
        checks = self._box(
            self.tr("Post-loan checks (贷后)"),
            self.checks,
            [_button(self.tr("Record check…"), self.record_check)],
        )
        # Related parties
        self.mutual = QLabel()
        self.mutual.setStyleSheet(f"color: {_RED};")
        self.parties, self.party_model = _table(
            [self.tr("Role"), self.tr("Who"), self.tr("Their loans and signals")],
            "partyTable",
            4,
            (1, 2),
        )
        parties = self._box(
            self.tr("Related parties"),
            self.parties,
            [_button(self.tr("Add…"), self.relate)],
            head=self.mutual,
        )
        # Turnover
        self.chart = TurnoverChart()
        self.stats = QLabel()
        self.stats.setStyleSheet(_GREY)
        turnover = self._box(
            self.tr("Turnover (流水)"),
            self.chart,
            [_button(self.tr("Add month…"), self.add_turnover)],
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
        _fill(
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
                _RED if s.open and s.severity >= 3 else (None if s.open else "grey")
                for s in data.signals
            ],
        )
        sheet = data.checklist
        if sheet is None:
            self.docs_title.setText(self.tr("No loan application yet."))
            _fill(self.docs, self.doc_model, [], [])
        else:
            self.docs_title.setText(
                self.tr("Loan {id} · {product}: {n} missing").format(
                    id=sheet.loan_id, product=sheet.product, n=len(sheet.missing)
                )
            )
            _fill(
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
                [None if i.state is DocState.RECEIVED else _RED for i in sheet.items],
            )
        rows: list[list[str]] = []
        colours: list[str | None] = []
        for d in data.due:
            late = d.late(today)
            text = self.tr("late since {date}") if late else self.tr("due {date}")
            rows.append(
                [text.format(date=d.due_on.isoformat()), f"#{d.loan_id}", render(d.kind.label), ""]
            )
            colours.append(_RED if late else None)
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
            colours.append(_RED if c.funds_ok is False else "grey")
        _fill(self.checks, self.check_model, rows, colours)
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
        _fill(self.parties, self.party_model, party_rows, [None] * len(party_rows))
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

    # -- writing ---------------------------------------------------------------------------

    def _try(self, write: Callable[[], object]) -> bool:
        try:
            write()
        except (ValidationErrors, LookupError) as exc:
            if isinstance(exc, ValidationErrors):
                text = "\n".join(
                    render_nested(e.message, lambda c, t: render_msg(c, t)) for e in exc.errors
                )
            else:
                found = getattr(exc, "message", None)
                text = render(found) if found is not None else str(exc)
            QMessageBox.warning(self, self.tr("Not saved"), text)
            return False
        return True

    def add_signal(self) -> None:
        from crm.ui.post_loan.dialogs import SignalDialog

        if self.client_id is None:
            return
        dialog = SignalDialog(self)
        if dialog.exec():
            kind, note = dialog.value()
            cid = self.client_id
            self._try(lambda: self.ctx.services.risks.add(cid, kind, note=note))

    def _selected(self, table: QTableView) -> int:
        rows = table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def close_signal(self) -> None:
        row = self._selected(self.signals)
        if self.data is None or row < 0 or not self.data.signals[row].open:
            return
        signal = self.data.signals[row]
        note, ok = QInputDialog.getText(
            self, self.tr("Close the signal"), self.tr("Why is it closed?")
        )
        if ok:
            self._try(lambda: self.ctx.services.risks.close(signal.id, note))

    def no_answer(self) -> None:
        if self.client_id is not None:
            cid = self.client_id
            self._try(lambda: self.ctx.services.risks.log_no_answer(cid))

    def mark(self, state: DocState, expires: dt.date | None = None) -> None:
        row = self._selected(self.docs)
        if self.data is None or self.data.checklist is None or row < 0:
            return
        sheet = self.data.checklist
        item = sheet.items[row].item
        self._try(
            lambda: self.ctx.services.checklists.mark(
                sheet.loan_id, item, state, expires_on=expires
            )
        )

    def mark_expiry(self) -> None:
        text, ok = QInputDialog.getText(
            self, self.tr("Valid until"), self.tr("Expiry date (YYYY-MM-DD)")
        )
        if not ok:
            return
        try:
            day = dt.date.fromisoformat(text.strip())
        except ValueError:
            QMessageBox.warning(self, self.tr("Not saved"), self.tr("That is not a date."))
            return
        self.mark(DocState.RECEIVED, day)

    def copy_missing(self) -> None:
        if self.data is not None and self.data.checklist is not None:
            text = self.data.checklist.message(render_msg)
            QGuiApplication.clipboard().setText(text)

    def log_sent(self) -> None:
        if self.data is not None and self.data.checklist is not None:
            loan_id = self.data.checklist.loan_id
            self._try(lambda: self.ctx.services.checklists.log_sent(loan_id))

    def record_check(self) -> None:
        from crm.ui.post_loan.dialogs import CheckDialog

        if self.data is None:
            return
        loans = sorted({d.loan_id for d in self.data.due})
        if not loans:
            QMessageBox.information(
                self, self.tr("Post-loan checks"), self.tr("No disbursed loan to check.")
            )
            return
        dialog = CheckDialog([(i, f"#{i}") for i in loans], self.ctx.clock.today(), self)
        if dialog.exec():
            v = dialog.value()
            self._try(
                lambda: self.ctx.services.post_loan.check_in(
                    v.loan_id,
                    v.kind,
                    on=v.on,
                    funds_ok=v.funds_ok,
                    findings=v.findings,
                    evidence=v.evidence,
                )
            )

    def relate(self) -> None:
        from crm.ui.post_loan.dialogs import RelateDialog

        if self.client_id is None:
            return
        dialog = RelateDialog([], self)
        if dialog.exec():
            role, other, name, note = dialog.value()
            cid = self.client_id
            related = self.ctx.services.related
            clients = self.ctx.services.clients

            def write() -> None:
                other_id = other
                other_name = name
                if other_id is None and name:
                    with contextlib.suppress(LookupError):  # not a client: a name
                        other_id, other_name = clients.resolve(name), ""
                related.relate(
                    cid, role, other_client_id=other_id, other_name=other_name, note=note
                )

            self._try(write)

    def add_turnover(self) -> None:
        from crm.ui.post_loan.dialogs import TurnoverDialog

        if self.client_id is None:
            return
        last = self.ctx.clock.today().replace(day=1) - dt.timedelta(days=1)
        dialog = TurnoverDialog(f"{last.year:04d}-{last.month:02d}", self)
        if dialog.exec():
            month, amount = dialog.value()
            cid = self.client_id
            services = self.ctx.services

            def write() -> None:
                services.related.record_turnover(cid, [(month, Decimal(amount))])

            if self._try(write):
                self.ctx.runner.run(
                    lambda: services.risks.detect([cid]), lambda _ids: None, owner=self
                )


def render_msg(context: str, text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text)
