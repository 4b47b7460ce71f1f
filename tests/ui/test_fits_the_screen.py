"""The main window on a 1366×768 laptop (issue 10 defects): the first window fits the free
screen with its frame, later starts keep the size left; the list shows the last contact; the
pane leaves the list the width while nobody is selected."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from crm.ui.clients.model import COL_BUSINESS, COL_LAST_CONTACT, COL_UPDATED
from crm.ui.main_window import FRAME_ALLOWANCE, first_geometry
from tests.helpers import draft


def test_first_geometry_fits_a_laptop_with_a_taskbar() -> None:
    available = QRect(0, 0, 1366, 728)  # 768 minus a 40-pixel taskbar
    rect = first_geometry(available)
    framed = rect.adjusted(
        -FRAME_ALLOWANCE[0] // 2, -(FRAME_ALLOWANCE[1] - FRAME_ALLOWANCE[0] // 2), 0, 0
    ).adjusted(0, 0, FRAME_ALLOWANCE[0] // 2, FRAME_ALLOWANCE[0] // 2)
    assert available.contains(framed), (rect, framed)
    assert rect.width() == 1200  # wide enough for list and pane
    big = first_geometry(QRect(0, 0, 2560, 1400))
    assert (big.width(), big.height()) == (1200, 760)


def test_first_window_fits_the_screen_and_is_remembered(main_window) -> None:
    window = main_window
    available = QApplication.primaryScreen().availableGeometry()
    assert available.contains(window.frameGeometry()), (available, window.frameGeometry())
    window.resize(700, 500)
    window.save_layout()
    window.resize(900, 600)
    window.restore_layout()  # as the next start does
    assert (window.width(), window.height()) == (700, 500)


def test_list_shows_last_contact_not_updated(main_window) -> None:
    header = main_window.clients.header
    assert header.isSectionHidden(COL_UPDATED)
    assert not header.isSectionHidden(COL_LAST_CONTACT)
    assert header.visualIndex(COL_LAST_CONTACT) == header.visualIndex(COL_BUSINESS) + 1


def test_pane_leaves_the_list_the_width_until_someone_is_selected(
    qtbot, clients, main_window
) -> None:
    clients.add(draft("王芳"))
    page = main_window.clients
    main_window.show_section("clients")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert not page.pane.isVisible()
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.pane.shown_id is not None)
    assert page.pane.isVisible()
    page.search.setText("nobody")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert not page.pane.isVisible()


def test_sidebar_has_icons_and_count_badges(qtbot, clients, main_window) -> None:
    import datetime as dt

    cid = clients.add(draft("王芳"))
    main_window.ctx.services.promises.make(cid, "回复展期政策", dt.date(2026, 11, 30))
    main_window.counts.refresh()
    qtbot.waitUntil(lambda: main_window.sidebar.badge("promises") == 1)
    for row in range(main_window.sidebar.count()):
        assert not main_window.sidebar.item(row).icon().isNull()
    assert not main_window.windowIcon().isNull()


def test_an_empty_list_says_what_to_do(qtbot, clients, main_window) -> None:
    page = main_window.clients
    main_window.show_section("clients")
    hint = page.empty_hint
    qtbot.waitUntil(hint.isVisible)
    assert "Ctrl+N" in hint.text() and "Import" in hint.text()
    clients.add(draft("王芳"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert not hint.isVisible()
    page.search.setText("nobody")
    qtbot.waitUntil(hint.isVisible)
    assert "Clear the search" in hint.text()


def test_todays_actions_all_show_beside_the_brief_in_both_languages(qtbot, ui_ctx) -> None:
    """At 1366 pixels the six actions fit beside the reminder's brief, none behind the » menu,
    and the snooze menu's arrow has room of its own (it covered 醒 of 稍后提醒)."""
    from crm.ui.app import build_window
    from crm.ui.i18n import install_translators, remove_translators

    for language in ("zh_CN", "en"):
        translators = install_translators(language)
        try:
            window = build_window(ui_ctx)
            qtbot.addWidget(window)
            window.resize(1366 - FRAME_ALLOWANCE[0], 728 - FRAME_ALLOWANCE[1])
            window.show()
            window.show_section("today")
            page = window.reminders.page
            qtbot.waitUntil(lambda p=page: p.side.isVisible())
            buttons = [
                page.log_button, page.promise_button, page.greet_button,
                page.snooze_button, page.done_button, page.open_button,
            ]  # fmt: skip
            qtbot.waitUntil(lambda b=buttons: all(w.isVisible() for w in b))
            snooze = page.snooze_button
            assert snooze.width() > snooze.sizeHint().width(), language
            window.close()
        finally:
            remove_translators(translators)
