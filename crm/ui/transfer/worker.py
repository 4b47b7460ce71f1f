"""Running one long job (export, import, backup) off the GUI thread, with progress."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class Job(QObject):
    """Runs ``fn(report)`` on a thread; ``report(done, total)`` returns False once cancelled.

    Signals arrive on the GUI thread (the Job lives there; emits from the worker are queued).
    """

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(
        self, fn: Callable[[Callable[[int, int], bool]], Any], parent: QObject | None = None
    ):
        super().__init__(parent)
        self._fn = fn
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="prism-job", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _report(self, done: int, total: int) -> bool:
        self.progress.emit(done, total)
        return not self._cancel.is_set()

    def _run(self) -> None:
        try:
            result = self._fn(self._report)
        except BaseException as exc:  # shown by the dialog that started the job
            self.failed.emit(exc)
        else:
            self.finished.emit(result)
