"""Small builders shared by tests (fixtures live in conftest.py)."""

from __future__ import annotations

from crm.domain.client_form import ClientDraft


def draft(name: str = "张伟", **fields: object) -> ClientDraft:
    """A client form as typed, for tests: ``draft("曾国藩", phones=["13812345678"])``."""
    d = ClientDraft(name=name)
    for key, value in fields.items():
        setattr(d, key, value)
    return d


def type_text(widget: object, text: str) -> None:
    """Type any text, Chinese included, as key presses carrying that text (like an IME commit).

    ``qtbot.keyClicks`` maps characters to key codes and aborts on non-ASCII ones.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)  # type: ignore[arg-type]


def run_benchmark_small(script: str, *args: str) -> str:
    """Run ``tests/perf/<script>`` small, as its smoke test does (the script keeps working;
    figures not judged): its output, once it ended well."""
    import subprocess
    import sys
    from pathlib import Path

    done = subprocess.run(
        [sys.executable, f"tests/perf/{script}", *args],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout
