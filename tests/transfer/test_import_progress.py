"""A big import through the dialog: the window stays live, shows counts, and can be cancelled."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QTimer

from tests.helpers import draft

ROWS = 20_000


def _big_csv(tmp_path: Path, n: int = ROWS) -> Path:
    p = tmp_path / "big.csv"
    lines = ["姓名,手机,生日,备注,标签"]
    lines += [
        f"客户{i},139{i:08d},1980-{1 + i % 12:02d}-{1 + i % 28:02d},第{i}位,VIP、老客户"
        for i in range(n)
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


class Heartbeat:
    """A 10 ms timer on the GUI thread; the longest gap between beats is how long it froze."""

    def __init__(self, on_beat=None) -> None:
        self.beats: list[float] = []
        self.on_beat = on_beat
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        self.beats.append(time.perf_counter())
        if self.on_beat is not None:
            self.on_beat()

    def __enter__(self) -> Heartbeat:
        self.beats.append(time.perf_counter())
        self.timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.timer.stop()
        self.beats.append(time.perf_counter())

    @property
    def max_gap(self) -> float:
        return max(b - a for a, b in zip(self.beats, self.beats[1:], strict=False))


def _count(book) -> int:
    return book.reader().execute("SELECT count(*) FROM client").fetchone()[0]


def test_big_preview_keeps_the_window_live_and_shows_counts(qtbot, ui_ctx, tmp_path) -> None:
    from crm.ui.transfer.import_dialog import ImportDialog

    dialog = ImportDialog(ui_ctx)
    qtbot.addWidget(dialog)
    labels: set[str] = set()

    def watch() -> None:
        if dialog.run is not None and dialog.run.running:
            labels.add(dialog.run.window.label.text())

    path = _big_csv(tmp_path)
    with Heartbeat(watch) as reading:
        assert dialog.load(path)
    dialog.show()
    with Heartbeat(watch) as checking:
        dialog.check_rows()
    print(
        f"\nmax GUI gap: reading {reading.max_gap * 1000:.0f} ms, "
        f"checking {ROWS:,} rows {checking.max_gap * 1000:.0f} ms "
        f"over {checking.beats[-1] - checking.beats[0]:.2f} s"
    )
    assert dialog.model.rowCount() == ROWS and dialog.pages.currentIndex() == 1
    assert len(dialog.preview.bad) == 0 and dialog.import_button.isEnabled()
    # Checking 20,000 rows takes seconds; the GUI thread never stalls for anything near that.
    assert checking.max_gap < 0.5, checking.max_gap
    assert len(checking.beats) > 20
    assert any(f"of {ROWS:,}" in t for t in labels), labels  # "Checking the rows… n of 20,000"


def test_cancelling_the_check_keeps_the_mapping_step(qtbot, ui_ctx, clients, tmp_path) -> None:
    from crm.ui.transfer.import_dialog import ImportDialog

    clients.add(draft("老张", phones=["13812345678"]))
    dialog = ImportDialog(ui_ctx)
    qtbot.addWidget(dialog)
    assert dialog.load(_big_csv(tmp_path))
    dialog.show()

    def press_escape_once_rows_are_counted() -> None:
        if dialog.run is not None and dialog.run.running and dialog.run.done > 0:
            dialog.reject()  # Esc: cancels the check, does not close the dialog

    with Heartbeat(press_escape_once_rows_are_counted):
        dialog.check_rows()
    assert dialog.run is not None and dialog.run.cancelled
    assert dialog.preview is None and dialog.model.rowCount() == 0
    assert dialog.pages.currentIndex() == 0 and dialog.isVisible()
    assert dialog.pages.isEnabled() and dialog.check_button.isEnabled()
    assert _count(clients.book) == 1


def test_cancelling_the_import_rolls_everything_back(qtbot, ui_ctx, clients, tmp_path) -> None:
    from crm.ui.transfer.import_dialog import ImportDialog

    clients.add(draft("老张", phones=["13812345678"]))
    dialog = ImportDialog(ui_ctx)
    qtbot.addWidget(dialog)
    assert dialog.load(_big_csv(tmp_path))
    dialog.check_rows()
    job = dialog.run_import()
    run = dialog.run
    assert run is not None
    job.progress.connect(lambda done, _total: run.cancel())  # after the first 2,000 rows
    qtbot.waitUntil(lambda: not run.running, timeout=30_000)
    assert run.cancelled and dialog.summary is None and dialog.result() == 0
    assert _count(clients.book) == 1
    assert dialog.import_button.isEnabled() and dialog.pages.currentIndex() == 1
    # and the same preview still imports, with progress up to the total
    seen: list[tuple[int, int]] = []
    with Heartbeat() as importing, qtbot.waitSignal(dialog.accepted, timeout=30_000):
        job = dialog.run_import()
        job.progress.connect(lambda done, total: seen.append((done, total)))
    print(f"\nmax GUI gap: importing {ROWS:,} rows {importing.max_gap * 1000:.0f} ms")
    assert dialog.summary.added == ROWS and _count(clients.book) == ROWS + 1
    assert seen[-1] == (ROWS, ROWS)
    assert importing.max_gap < 0.5, importing.max_gap
