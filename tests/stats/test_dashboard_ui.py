"""The dashboard on the known book: tiles, tooltips, the chart, the clients behind a number."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crm.domain import stats_defs as d
from crm.domain.stats import value_text
from crm.services.stats import ClientRow
from crm.ui.dashboard.clients_dialog import ClientsBehindModel
from crm.ui.dashboard.page import CUSTOM, YEAR, DashboardPage
from tests.stats.conftest import KnownBook


@pytest.fixture
def page(qtbot, ui_ctx, known: KnownBook):
    opened: list[int] = []
    p = DashboardPage(ui_ctx, opened.append)
    p.opened = opened  # type: ignore[attr-defined]
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    qtbot.waitUntil(lambda: bool(p.figures), timeout=10000)
    return p


def test_tiles_show_the_months_figures_with_their_definitions(page: DashboardPage) -> None:
    tile = page.tiles["repeat_borrow"]
    assert tile.value.text() == "50.0%"
    assert tile.counted.text() == "1 / 2"
    assert "had a loan disbursed before the period began" in tile.toolTip()
    risk = page.tiles["risk_signals"]
    assert risk.value.text() == "0"
    assert risk.counted.text() == "Opened in the period 0, Closed in the period 0"
    assert risk.link.isVisibleTo(page)
    checks = page.tiles["post_loan_checks"]
    assert (checks.value.text(), checks.counted.text()) == ("0.0%", "0 / 2")
    shown = {k: t.value.text() for k, t in page.tiles.items()}
    assert shown == {f.key: value_text(f) for f in page.figures}


def test_selecting_a_tile_charts_its_twelve_months(qtbot, page: DashboardPage) -> None:
    page.select("promises_kept")
    qtbot.waitUntil(
        lambda: page.chart.trend is not None and page.chart.trend.key == "promises_kept"
    )
    trend = page.chart.trend
    assert trend is not None and len(trend.values) == 12
    assert trend.values[-1] is not None and float(trend.values[-1]) == pytest.approx(1 / 3)
    assert page.tiles["promises_kept"].property("selected") == "true"
    assert page.tiles["repeat_borrow"].property("selected") == "false"


def test_the_clients_behind_a_number_open_from_their_list(
    qtbot, page: DashboardPage, known: KnownBook
) -> None:
    page.show_clients("contact_coverage")
    qtbot.waitUntil(lambda: getattr(page, "clients_dialog", None) is not None)
    dialog = page.clients_dialog
    assert [r.id for r in dialog.model.rows] == [known.c]
    dialog.table.doubleClicked.emit(dialog.model.index(0, 0))
    assert page.opened == [known.c]  # type: ignore[attr-defined]
    dialog.close()


def test_a_custom_period_is_counted_again(qtbot, page: DashboardPage) -> None:
    page.set_period(CUSTOM, dt.date(2026, 11, 1), dt.date(2026, 11, 9))
    # Only A's loan (5 November) was disbursed by the 9th: A borrowed before.
    qtbot.waitUntil(lambda: page.tiles["repeat_borrow"].counted.text() == "1 / 1")
    page.set_period(YEAR)
    qtbot.waitUntil(lambda: page.status.text().startswith("2026-01-01"))


def test_the_self_review_is_written_from_the_dashboard(
    qtbot, page: DashboardPage, tmp_path: Path
) -> None:
    target = tmp_path / "review.pdf"
    page.write_report(target)
    qtbot.waitUntil(lambda: page.report_button.isEnabled(), timeout=20000)
    assert target.read_bytes().startswith(b"%PDF")
    assert "review.md" in page.status.text()
    assert (tmp_path / "review.md").read_text(encoding="utf-8").startswith("# Self-review")


def test_the_dashboard_is_a_section_of_the_main_window(main_window) -> None:
    assert isinstance(main_window.show_section("dashboard"), DashboardPage)


def test_clients_behind_model(qtmodeltester) -> None:
    model = ClientsBehindModel(
        [ClientRow(1, "甲", "borrower"), ClientRow(2, "乙", "no-such-status")]
    )
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "Borrower"
    assert model.index(1, 1).data() == "no-such-status"
    assert model.client_id(1) == 2


def test_every_figure_has_a_tile(page: DashboardPage) -> None:
    assert list(page.tiles) == [f.key for f in d.FIGURES]


def test_the_dashboard_follows_the_book(qtbot, page: DashboardPage, known: KnownBook) -> None:
    """A loan disbursed today (a second repeat borrower): the tile counts it again."""
    from decimal import Decimal

    from crm.domain.loan_form import LoanDraft
    from crm.domain.loan_status import LoanStatus

    draft = LoanDraft(product="经营贷", amount=Decimal("50000"), rate=Decimal("4.35"), months=12)
    draft.status = LoanStatus.DISBURSED
    draft.disbursed_on = dt.date(2026, 11, 29)
    known.services.loans.add(known.c, draft)  # C borrowed in June: a repeat borrower
    qtbot.waitUntil(lambda: page.tiles["repeat_borrow"].counted.text() == "2 / 3")
