"""The Dashboard section: pick a period, read the figures off the GUI thread, chart the
selected figure's twelve months, list the clients behind a number, write the self-review."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm.domain import stats_defs
from crm.domain.changes import Topic
from crm.domain.stats import Figure, Period, Trend, month_of, quarter_of, year_of
from crm.services.stats import ClientRow
from crm.ui.book_page import BookPage
from crm.ui.context import UiContext
from crm.ui.dashboard.chart import TrendChart
from crm.ui.dashboard.tiles import FigureTile
from crm.ui.i18n import render

COLUMNS = 5
MONTH, QUARTER, YEAR, CUSTOM = range(4)


class DashboardPage(BookPage):
    # Every kind of record a figure counts.
    topics = frozenset(
        {
            Topic.CLIENT,
            Topic.INTERACTION,
            Topic.PROMISE,
            Topic.REMINDER,
            Topic.LOAN,
            Topic.CADENCE,
            Topic.REMINDER_SETTINGS,
            Topic.BOOK,
        }
    )

    def __init__(
        self,
        ctx: UiContext,
        open_client: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx.notifier, parent)
        self.ctx = ctx
        self.open_client = open_client
        self.figures: list[Figure] = []
        self.selected_key = stats_defs.REPEAT_BORROW.key
        self._trend_key = object()  # the chart's reads: newest only, apart from the tiles'

        self.period_box = QComboBox()
        self.period_box.setObjectName("period")
        for label in (
            self.tr("This month"),
            self.tr("This quarter"),
            self.tr("This year"),
            self.tr("Custom"),
        ):
            self.period_box.addItem(label)
        today = _qdate(ctx.clock.today())
        self.first = QDateEdit(QDate(today.year(), today.month(), 1))
        self.last = QDateEdit(today)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.dateChanged.connect(self._custom_changed)
        self.period_box.currentIndexChanged.connect(self._period_changed)
        self.report_button = QPushButton(self.tr("Self-review PDF…"))
        self.report_button.clicked.connect(self._ask_report)
        self.status = QLabel("")
        self.status.setStyleSheet("color: #6b7280;")

        bar = QHBoxLayout()
        heading = QLabel(self.tr("My numbers"))
        heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        bar.addWidget(heading)
        bar.addSpacing(16)
        bar.addWidget(self.period_box)
        bar.addWidget(self.first)
        bar.addWidget(QLabel("–"))
        bar.addWidget(self.last)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.report_button)

        self.tiles: dict[str, FigureTile] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        for i, definition in enumerate(stats_defs.FIGURES):
            tile = FigureTile(definition)
            tile.selected.connect(self.select)
            tile.clients_requested.connect(self.show_clients)
            self.tiles[definition.key] = tile
            grid.addWidget(tile, i // COLUMNS, i % COLUMNS)
        self.chart = TrendChart()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(bar)
        layout.addLayout(grid)
        layout.addWidget(self.chart, 1)
        self.tiles[self.selected_key].set_selected(True)

    # -- the period --------------------------------------------------------------------------

    def period(self) -> Period:
        today = self.ctx.clock.today()
        choice = self.period_box.currentIndex()
        if choice == MONTH:
            return month_of(today)
        if choice == QUARTER:
            return quarter_of(today)
        if choice == YEAR:
            return year_of(today)
        first, last = _day(self.first.date()), _day(self.last.date())
        return Period(min(first, last), max(first, last))

    def set_period(
        self, choice: int, first: dt.date | None = None, last: dt.date | None = None
    ) -> None:
        if first is not None and last is not None:
            self.first.setDate(_qdate(first))
            self.last.setDate(_qdate(last))
        self.period_box.setCurrentIndex(choice)

    def _period_changed(self, choice: int) -> None:
        custom = choice == CUSTOM
        for edit in (self.first, self.last):
            edit.setEnabled(custom)
        if not custom:
            p = self.period()
            for edit, day in ((self.first, p.start), (self.last, p.end)):
                edit.blockSignals(True)
                edit.setDate(_qdate(day))
                edit.blockSignals(False)
        self.mark_dirty()

    def _custom_changed(self) -> None:
        if self.period_box.currentIndex() == CUSTOM:
            self.mark_dirty()

    # -- reading -----------------------------------------------------------------------------

    def reload(self) -> None:
        period = self.period()
        stats = self.ctx.services.stats
        self.status.setText(self.tr("Counting…"))
        self.fetch(self.ctx.runner, lambda: stats.figures(period), self._show_figures)
        self._load_trend()

    def _show_figures(self, figures: list[Figure]) -> None:
        self.figures = figures
        for figure in figures:
            self.tiles[figure.key].show_figure(figure)
        p = self.period()
        self.status.setText(f"{p.start.isoformat()} – {p.end.isoformat()}")

    def select(self, key: str) -> None:
        self.tiles[self.selected_key].set_selected(False)
        self.selected_key = key
        self.tiles[key].set_selected(True)
        self._load_trend()

    def _load_trend(self) -> None:
        key, end = self.selected_key, self.period().end
        stats = self.ctx.services.stats
        definition = stats_defs.BY_KEY[key]
        self.chart.show_trend(None, definition.unit, render(definition.title))
        self.fetch(
            self.ctx.runner,
            lambda: stats.trends(end, [key])[0],
            self._show_trend,
            key=self._trend_key,
        )

    def _show_trend(self, trend: Trend) -> None:
        definition = stats_defs.BY_KEY[trend.key]
        title = self.tr("%1: twelve months").replace("%1", render(definition.title))
        self.chart.show_trend(trend, definition.unit, title)

    # -- the clients behind a number ---------------------------------------------------------

    def show_clients(self, key: str) -> None:
        period = self.period()
        stats = self.ctx.services.stats
        self.ctx.runner.run(
            lambda: stats.behind(key, period),
            lambda rows: self._open_clients(key, rows),
            owner=self,
        )

    def _open_clients(self, key: str, rows: list[ClientRow]) -> None:
        from crm.ui.dashboard.clients_dialog import ClientsBehindDialog

        definition = stats_defs.BY_KEY[key]
        self.clients_dialog = ClientsBehindDialog(
            render(definition.behind), rows, self.open_client, self
        )
        self.clients_dialog.show()

    # -- the self-review ---------------------------------------------------------------------

    def _ask_report(self) -> None:
        p = self.period()
        suggested = f"review-{p.start.isoformat()}-{p.end.isoformat()}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the self-review"), suggested, self.tr("PDF (*.pdf)")
        )
        if path:
            self.write_report(Path(path))

    def write_report(self, path: Path) -> None:
        """Gather and write the review off the GUI thread; say where it went."""
        from PySide6.QtCore import QCoreApplication

        from crm.ui.dashboard.report_pdf import write_review

        period = self.period()
        stats = self.ctx.services.stats
        self.report_button.setEnabled(False)
        self.status.setText(self.tr("Writing the self-review…"))

        def done(markdown: Path) -> None:
            self.report_button.setEnabled(True)
            self.status.setText(
                self.tr("Wrote %1 and %2").replace("%1", path.name).replace("%2", markdown.name)
            )

        def failed(exc: BaseException) -> bool:
            self.report_button.setEnabled(True)
            self.status.setText(
                self.tr("Could not write the self-review: %1").replace("%1", str(exc))
            )
            return isinstance(exc, OSError)

        self.ctx.runner.run(
            lambda: write_review(stats.review(period), path, QCoreApplication.translate),
            done,
            on_error=failed,
            owner=self,
        )


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())
