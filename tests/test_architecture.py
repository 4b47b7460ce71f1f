"""The layering and start-up rules, checked on the code itself."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT_FREE = ("crm/domain", "crm/store", "crm/services")
LOWER = {
    "crm/domain": ("crm.store", "crm.services", "crm.ui", "crm.commands", "crm.cli"),
    "crm/store": ("crm.services", "crm.ui", "crm.commands", "crm.cli"),
    "crm/services": ("crm.ui", "crm.commands", "crm.cli"),
}


def imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", QT_FREE)
def test_lower_layers_never_import_qt_or_upward(layer: str) -> None:
    bad = []
    for path in sorted((ROOT / layer).rglob("*.py")):
        for name in imports(path):
            if name.startswith("PySide6") or name.startswith(LOWER[layer]):
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not bad, "\n".join(bad)


def test_gui_start_path_defers_heavy_imports() -> None:
    """sqlmodel (~0.6 s), pypinyin (~0.3 s) and the validators load after the first paint."""
    code = (
        "import sys, crm.ui.app, crm.ui.main_window;"
        "heavy = [m for m in ('sqlmodel', 'sqlalchemy', 'pypinyin', 'phonenumbers', 'stdnum',"
        " 'lunar_python', 'alembic') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == ""


@pytest.mark.slow
def test_pyside6_survives_many_none_returning_calls(tmp_path: Path) -> None:
    """PySide6 6.12.0 on Python 3.11 aborts (none_dealloc) after a few thousand calls that
    return None; pyproject keeps 3.11 on 6.11. This makes 20,000 such calls in a child."""
    script = tmp_path / "calls.py"
    script.write_text(
        "from PySide6.QtWidgets import QApplication, QProgressBar\n"
        "app = QApplication([])\n"
        "bar = QProgressBar()\n"
        "bar.setRange(0, 20000)\n"
        "for i in range(20000):\n"
        "    bar.setValue(i)\n"
        "    app.processEvents()\n"
        "    bar.repaint()\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        check=False,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"


def test_reading_the_book_loads_neither_orm_nor_pinyin(tmp_path: Path) -> None:
    """Open, search and select in the GUI: sqlmodel (~57 MB) and pypinyin (~56 MB) stay out
    until the first save, which keeps the app under its memory target at 100,000 clients."""
    data = tmp_path / "book"
    subprocess.run(
        [sys.executable, "-m", "crm", "--data-dir", str(data), "demo", "--clients", "50"],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    code = f"""
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from crm import config
from crm.domain.clock import SystemClock
from crm.store.book import Book
from crm.ui.app import _warm_imports, build_window, open_settings
from crm.ui.context import UiContext
data = Path({str(data)!r})
book = Book.open(config.book_path(data))
w = build_window(UiContext.build(book, SystemClock(), open_settings(data)))
w.show()
_warm_imports()
w.show_section("clients")
w.clients.search.setText("a")
end = time.perf_counter() + 1.5
while time.perf_counter() < end:
    app.processEvents()
w.clients.table.selectRow(0)
app.processEvents()
assert w.clients.pane.client_id is not None
print(",".join(m for m in ("sqlmodel", "sqlalchemy", "pypinyin") if m in sys.modules))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == ""
