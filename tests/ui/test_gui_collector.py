"""Cyclic garbage is collected on the GUI thread, never on a task runner's thread."""

from __future__ import annotations

import gc
import threading


class _Cycle:
    """A reference cycle that notes the thread it is collected on."""

    seen: list[threading.Thread]

    def __init__(self, seen: list[threading.Thread]) -> None:
        self.seen = seen
        self.me = self

    def __del__(self) -> None:
        self.seen.append(threading.current_thread())


def test_cycles_die_on_the_gui_thread(qtbot, ui_ctx) -> None:
    assert not gc.isenabled()  # automatic collection would run on whichever thread allocates
    # Work left running by earlier tests may pause the collector around a big read, which
    # files every live object into the oldest generation (crm.services.collector): the cycle
    # below would then wait for a full collection. Start from a quiet process.
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10000)
    ui_ctx.runner.wait_for_all(10000)
    seen: list[threading.Thread] = []
    _Cycle(seen)

    kept: list[list[list[int]]] = []

    def allocate() -> int:
        # Past every threshold, and kept: the count the collector goes by is allocations less
        # deallocations.
        kept.append([[i] for i in range(50 * gc.get_threshold()[0])])
        return len(kept[0])

    task = ui_ctx.runner.run(allocate)
    assert task.wait(10)
    assert seen == []  # the worker's allocations collected nothing
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [threading.main_thread()]


def test_closing_the_context_gives_collection_back(qapp, book, clock, tmp_path) -> None:
    from PySide6.QtCore import QSettings

    from crm.services.facade import Services
    from crm.ui.context import UiContext

    was = gc.isenabled()
    ctx = UiContext.build(Services(book, clock), QSettings(str(tmp_path / "s.ini")))
    assert not gc.isenabled()
    ctx.close()
    assert gc.isenabled() == was
