"""The one way work leaves the GUI thread.

Like Anki's operations: a widget asks the runner to call a service on a pool thread (SQLite
releases the GIL while it works), and the answer comes back on the GUI thread as a call to the
widget's callback. Every read goes this way, and every write that can take more than ~50 ms at
100,000 clients (archive many, import, export, backup, restore, demo).

- ``latest=KEY``: a newer task with the same key makes older answers obsolete (search as you
  type); only the newest answer is delivered.
- ``owner``: when that widget is gone by the time the answer comes, nobody is called.
- One failure path: an exception the caller's ``on_error`` does not take (returns False, or no
  ``on_error``) goes to :attr:`TaskRunner.failed`, which the app turns into the book-error
  dialog.
- ``run_with_progress``: long jobs get ``report(done, total) -> bool`` (False once cancelled)
  and a :class:`Task` to watch and cancel.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

T = TypeVar("T")
Report = Callable[[int, int], bool]
OnError = Callable[[BaseException], bool]


class Task(QObject):
    """One piece of work on the pool; its signals arrive on the GUI thread."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._done = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the work has ended (tests, shutdown); True when it has."""
        return self._done.wait(timeout)

    def report(self, done: int, total: int) -> bool:
        """Called by the work, on the pool thread."""
        with contextlib.suppress(RuntimeError):  # the task's receiver was deleted
            self.progress.emit(done, total)
        return not self._cancel.is_set()


class _Runnable(QRunnable):
    def __init__(self, task: Task, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.task = task
        self.fn = fn

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # handed to the GUI thread, which decides what to show
            outcome, value = self.task.failed, exc
        else:
            outcome, value = self.task.finished, result
        self.task._done.set()
        # RuntimeError: the task object was deleted meanwhile; nobody wants the answer.
        with contextlib.suppress(RuntimeError):
            outcome.emit(value)


class TaskRunner(QObject):
    """Runs callables on a thread pool and delivers their answers on the GUI thread."""

    #: An exception nobody handled: the app shows the book-error dialog.
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self._latest: dict[int, Task] = {}

    def run(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], object] | None = None,
        *,
        on_error: OnError | None = None,
        owner: QObject | None = None,
        latest: object | None = None,
    ) -> Task:
        """Call ``fn()`` on the pool, then ``on_done(result)`` on the GUI thread."""
        return self._start(lambda _task: fn(), on_done, on_error, owner, latest)

    def run_with_progress(
        self,
        fn: Callable[[Report], T],
        on_done: Callable[[T], object] | None = None,
        *,
        on_error: OnError | None = None,
        owner: QObject | None = None,
    ) -> Task:
        """Call ``fn(report)`` on the pool; watch ``Task.progress``, stop with ``Task.cancel``."""
        return self._start(lambda task: fn(task.report), on_done, on_error, owner, None)

    def _start(
        self,
        body: Callable[[Task], Any],
        on_done: Callable[[Any], object] | None,
        on_error: OnError | None,
        owner: QObject | None,
        latest: object | None,
    ) -> Task:
        task = Task(self)
        key = id(latest) if latest is not None else None
        if key is not None:
            self._latest[key] = task

        def wanted() -> bool:
            if owner is not None and not shiboken6.isValid(owner):
                return False
            return key is None or self._latest.get(key) is task

        def finished(result: object) -> None:
            current = wanted()
            self._forget(key, task)
            if current and on_done is not None:
                on_done(result)

        def failed(exc: object) -> None:
            current = wanted()
            self._forget(key, task)
            if not current:
                return
            assert isinstance(exc, BaseException)
            if on_error is not None and on_error(exc):
                return
            self.failed.emit(exc)

        task.finished.connect(finished)
        task.failed.connect(failed)
        self.pool.start(_Runnable(task, lambda: body(task)))
        return task

    def _forget(self, key: int | None, task: Task) -> None:
        if key is not None and self._latest.get(key) is task:
            del self._latest[key]
        task.deleteLater()

    @property
    def busy(self) -> bool:
        return self.pool.activeThreadCount() > 0

    def wait_for_all(self, msecs: int = 5000) -> bool:
        """Shutdown: let running work end before the book closes."""
        return self.pool.waitForDone(msecs)


class LatestOnly(QObject):
    """A page's channel for answers where only the newest counts (search as you type, the
    minute check): ``submit`` runs through the runner, ``finished`` fires for the latest."""

    finished = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._pending = 0

    def submit(self, fn: Callable[[], Any]) -> None:
        self._pending += 1
        self.runner.run(fn, self._deliver, on_error=self._settle, owner=self, latest=self)

    def _deliver(self, result: object) -> None:
        self._pending = 0
        self.finished.emit(result)

    def _settle(self, _exc: BaseException) -> bool:
        self._pending = 0
        return False  # not handled here: the runner's one failure path shows it

    @property
    def busy(self) -> bool:
        """An answer is still to come."""
        return self._pending > 0
