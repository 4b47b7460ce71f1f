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
    seen: list[threading.Thread] = []
    _Cycle(seen)

    kept: list[list[list[int]]] = []

    def allocate() -> int:
        junk = [[i] for i in range(50 * gc.get_threshold()[0])]  # past every threshold
        # Kept until the timer looks: freed, they would no longer count, and whether the
        # count still crossed the threshold would depend on what ran before this test.
        kept.append(junk)
        return len(junk)

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
