"""Running reads off the GUI thread and delivering only the newest answer.

Like Anki's operations: the widget asks, a pool thread queries SQLite (which releases the GIL),
and the result comes back as a signal. A newer request makes older answers obsolete.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, generation: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.generation = generation
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # handed to the GUI thread, which decides what to show
            outcome, value = self.relay.failed, exc
        else:
            outcome, value = self.relay.done, result
        # RuntimeError: the asking widget was closed meanwhile; nobody wants the answer.
        with contextlib.suppress(RuntimeError):
            outcome.emit(self.generation, value)


class LatestOnly(QObject):
    """Submit callables; ``finished`` fires with the result of the latest one only."""

    finished = Signal(object)
    error = Signal(object)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._generation = 0
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)

    def submit(self, fn: Callable[[], Any]) -> None:
        self._generation += 1
        self._pool.start(_Job(self._generation, fn, self._relay))

    @property
    def busy(self) -> bool:
        return self._pool.activeThreadCount() > 0

    def _on_done(self, generation: int, result: object) -> None:
        if generation == self._generation:
            self.finished.emit(result)

    def _on_failed(self, generation: int, exc: object) -> None:
        if generation == self._generation:
            self.error.emit(exc)
