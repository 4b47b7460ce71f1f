"""Building a page never shows a window of its own: a widget made visible before it has a
parent (``setVisible(True)`` on a parentless button) is a top-level window for a moment, which
the desktop shows as a flash and which takes the keyboard from the main window. The Today
page's buttons did that when it was built after the first paint: the officer's Ctrl+F and
typing went nowhere until they clicked the window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from crm.ui.main_window import MainWindow


class _WindowsShown(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(obj, QWidget)
            and obj.isWindow()
            and not isinstance(obj, MainWindow)
        ):
            text = obj.text() if hasattr(obj, "text") else obj.objectName()
            self.shown.append(f"{type(obj).__name__} {text!r}")
        return False


def test_building_every_section_shows_no_window_and_keeps_the_keyboard(qtbot, ui_ctx) -> None:
    from crm.ui.app import build_window

    app = QApplication.instance()
    assert app is not None
    spy = _WindowsShown()
    app.installEventFilter(spy)
    try:
        window = build_window(ui_ctx)
        qtbot.addWidget(window)
        loads: list[int] = []
        window.reminders.loaded.connect(loads.append)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: bool(loads))  # Today built (after the first paint) and loaded
        for key in list(window._sections):
            window.show_section(key)
            qtbot.wait(20)
        window.show_section("clients")
        qtbot.wait(50)
    finally:
        app.removeEventFilter(spy)
    assert spy.shown == [], "\n".join(spy.shown)
    assert QApplication.activeWindow() is window


def test_a_loan_form_with_its_context_line_shows_only_itself(qtbot, ui_ctx) -> None:
    import datetime as dt

    from crm.ui.loans.loan_dialog import LoanDialog

    app = QApplication.instance()
    assert app is not None
    spy = _WindowsShown()
    app.installEventFilter(spy)
    try:
        dialog = LoanDialog(
            mode="new",
            products=["经营贷"],
            today=dt.date(2026, 11, 30),
            save=lambda _d: None,
            validate=ui_ctx.services.loans.validate,
            context="王芳 · 经营贷",
        )
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
    finally:
        app.removeEventFilter(spy)
    assert [shown for shown in spy.shown if not shown.startswith("LoanDialog ")] == []
