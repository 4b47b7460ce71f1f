"""Start-up work waits for the main window's first paint, not for a fixed delay from its
construction (which a slow laptop's paint outlasted: the work then ran before it)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow

from crm.ui import first_paint
from crm.ui.first_paint import FirstPaint


class _Window(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.first_paint = FirstPaint(self)


def _spin(ms: int) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.005)


def test_work_waits_for_the_first_paint(qtbot) -> None:
    window = _Window()
    qtbot.addWidget(window)
    ran: list[str] = []
    window.first_paint.later(lambda: ran.append("later"), delay_ms=0)
    _spin(400)  # longer than the old fixed delay: still nothing, the window has not painted
    assert ran == []
    window.show()
    qtbot.waitUntil(lambda: ran == ["later"], timeout=2000)
    window.first_paint.later(lambda: ran.append("after"), delay_ms=0)  # already painted
    qtbot.waitUntil(lambda: ran == ["later", "after"], timeout=2000)


def test_a_window_never_painted_runs_its_work_all_the_same(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(first_paint, "FALLBACK_MS", 200)
    window = _Window()
    qtbot.addWidget(window)
    ran: list[int] = []
    window.first_paint.later(lambda: ran.append(1), delay_ms=0)
    qtbot.waitUntil(lambda: ran == [1], timeout=2000)


@pytest.mark.parametrize("shown", [False, True])
def test_today_loads_after_the_first_paint(qtbot, ui_ctx, shown: bool) -> None:
    from crm.ui.app import build_window

    window = build_window(ui_ctx)
    qtbot.addWidget(window)
    _spin(400)
    assert not window.reminders.built  # Today: not before the list is on screen
    if shown:
        window.show()
    # Shown: a moment after its paint; never shown: after the fallback.
    with qtbot.waitSignal(window.reminders.loaded, timeout=first_paint.FALLBACK_MS + 3000):
        pass
    assert window.reminders.built
