"""Python's cyclic garbage collector, run on the GUI thread only.

Left automatic, a collection starts on whichever thread happens to allocate. With reads on the
task runner's threads, it then found Python-owned Qt objects in reference cycles (a closed
dialog and its lambdas, a page's models) and destroyed them on a pool thread; Qt objects must
die on the thread they live on, and the process crashed now and then. So while the GUI runs,
automatic collection is off and this timer collects, on the GUI thread, by the same thresholds
the automatic collector uses (the pattern pyqtgraph's GarbageCollector made known).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start()

    def collect_if_due(self) -> None:
        t0, t1, t2 = self._thresholds
        c0, c1, c2 = gc.get_count()
        if c0 <= t0:
            return
        if c1 <= t1:
            gc.collect(0)
        elif c2 <= t2:
            gc.collect(1)
        else:
            gc.collect(2)

    def stop(self) -> None:
        """Back to automatic collection (the GUI is closing; tests build one per context)."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
