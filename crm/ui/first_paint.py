"""Work that waits for the main window's first paint.

Start-up shows the client list first; the Today load, the badges, warm-up imports, pop-ups and
the day's first backup come after it. A fixed delay from the window's construction was the
stand-in for "after the first paint", and on a slow or busy laptop (a paint later than the
delay) that work ran first and held the GIL while the officer waited for the window. Now it
waits for the window's first Expose, which Qt handles by painting the whole window; if none
comes (a window started minimised, or never shown), it runs anyway after :data:`FALLBACK_MS`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QWidget

#: After the first paint, work waits this long more: the officer's first look and keystroke
#: go before it.
AFTER_FIRST_PAINT_MS = 100
#: No paint this long after the window was made: run the waiting work all the same.
FALLBACK_MS = 3_000


class FirstPaint(QObject):
    """Runs queued work a moment after ``window``'s first paint (see the module)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._waiting: list[tuple[int, Callable[[], object]]] = []
        self.done = False
        # The native window exists once the window shows: then its first Expose is watched.
        window.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._painted)

    def later(self, work: Callable[[], object], delay_ms: int = AFTER_FIRST_PAINT_MS) -> None:
        """Run ``work`` ``delay_ms`` after the first paint (from now, if that was already)."""
        if self.done:
            QTimer.singleShot(delay_ms, self, work)
        else:
            self._waiting.append((delay_ms, work))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Show:
            self._window.removeEventFilter(self)
            handle = self._window.windowHandle()
            if handle is not None and not self.done:
                handle.installEventFilter(self)
        elif (
            event.type() == QEvent.Type.Expose
            and isinstance(watched, QWindow)
            and watched.isExposed()
        ):
            watched.removeEventFilter(self)
            # Queued behind the paint that this expose makes.
            QTimer.singleShot(0, self, self._painted)
        return False

    def _painted(self) -> None:
        if self.done:
            return
        self.done = True
        for delay_ms, work in self._waiting:
            QTimer.singleShot(delay_ms, self, work)
        self._waiting.clear()
