"""A step of the import run on the task runner, behind a modal window with counts and Cancel.

The work gets ``progress(done, total)`` and ``cancelled()`` (plain callables, so the services
stay Qt-free); a total of 0 means "not known yet" and shows a busy bar. ``wait()`` spins a
local event loop until the work is done, so callers keep a simple "call, then use the result"
shape while the window still repaints, timers run and Cancel answers.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from crm.ui.tasks import Task, TaskRunner

#: the window appears only for work that takes longer than this (ms): no flash for small files
SHOW_AFTER_MS = 300
#: While the worker runs Python, the GUI thread waits up to the interpreter's switch interval
#: (5 ms) each time it needs the GIL, and showing or repainting a window needs it a dozen
#: times or more: 60-80 ms stalls. 1 ms while a step runs keeps them under ~25 ms.
SWITCH_INTERVAL_S = 0.001

Work = Callable[[Callable[[int, int], Any], Callable[[], bool]], Any]


class ProgressWindow(QDialog):
    """A label with counts, a bar and Cancel. Closing it (Esc, the title bar) cancels too."""

    cancel_requested = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transferProgress")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.label = QLabel()
        self.label.setMinimumWidth(360)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)

    def set_progress(self, text: str, done: int, total: int) -> None:
        self.label.setText(text)
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)  # busy: the total is not known yet

    def reject(self) -> None:  # Cancel, Esc or the close button: ask the work to stop
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setEnabled(False)
        self.cancel_requested.emit()


class StepFailed(Exception):
    """The step failed in a way its caller does not handle; the runner's failure path (the
    book-error dialog) has shown it. Callers treat it like a cancel."""


class ProgressRun(QObject):
    """Runs ``work(progress, cancelled)`` on the task runner; ``label(done, total)`` is the
    window's text. ``on_done``/``on_error`` are called on the GUI thread after the window
    closed; an error ``on_error`` does not take (returns False) goes to the runner's one
    failure path."""

    def __init__(
        self,
        parent: QWidget,
        runner: TaskRunner,
        title: str,
        label: Callable[[int, int], str],
        work: Work,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.label = label
        self.work = work
        self.window = ProgressWindow(title, parent)
        self.window.set_progress(label(0, 0), 0, 0)
        # Set from the GUI thread, read by the work between chunks.
        self._cancel = threading.Event()
        self.window.cancel_requested.connect(self._cancel.set)
        self.task: Task | None = None
        self.done = 0
        self.total = 0
        self.running = False
        self._switch_interval = sys.getswitchinterval()
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self._show)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self.window.reject()

    def start(
        self,
        on_done: Callable[[Any], object],
        on_error: Callable[[BaseException], bool],
    ) -> Task:
        self.running = True
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._switch_interval, SWITCH_INTERVAL_S))
        self._show_timer.start(SHOW_AFTER_MS)
        cancelled = self._cancel.is_set

        def finished(value: object) -> None:
            self._close()
            on_done(value)

        def failed(exc: BaseException) -> bool:
            self._close()
            return on_error(exc)

        self.task = self.runner.run_with_progress(
            lambda report: self.work(report, cancelled), finished, on_error=failed, owner=self
        )
        self.task.progress.connect(self._progress)
        return self.task

    def wait(self, expected: tuple[type[BaseException], ...] = ()) -> Any:
        """Start, and return the work's result once it is done, raising what it raised when
        that is one of ``expected`` (anything else goes to the runner's failure path, and
        :class:`StepFailed` is raised).

        If the officer cancelled, :class:`ImportCancelled` is raised even when the work
        managed to finish first: reading and checking change nothing, so nothing is lost."""
        from crm.services.transfer.reader import ImportCancelled

        expected = (*expected, ImportCancelled)
        outcome: list[tuple[bool, object]] = []
        loop = QEventLoop(self)

        def ended(ok: bool, value: object) -> None:
            outcome.append((ok, value))
            loop.quit()

        def failed(exc: BaseException) -> bool:
            handled = isinstance(exc, expected)
            ended(False, exc if handled else StepFailed())
            return handled

        self.start(lambda value: ended(True, value), failed)
        if not outcome:
            loop.exec()
        ok, value = outcome[0]
        if not ok:
            assert isinstance(value, BaseException)
            raise value
        if self.cancelled:
            raise ImportCancelled()
        return value

    def _show(self) -> None:
        if self.running:
            self.window.show()

    def _progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        self.window.set_progress(self.label(done, total), done, total)

    def _close(self) -> None:
        self.running = False
        sys.setswitchinterval(self._switch_interval)
        self._show_timer.stop()
        self.window.hide()
        self.window.deleteLater()
