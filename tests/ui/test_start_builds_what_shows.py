"""Start-up builds what the first paint shows, and no more: the client list. The Today page,
the client pane and the empty-list hint are built when first needed (issue 9: cold start)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel

from crm.ui.clients.model import COL_NAME
from tests.helpers import draft

ROOT = Path(__file__).resolve().parents[2]

START = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
app = QApplication([])
from pathlib import Path
from crm.domain.clock import SystemClock
from crm.services.facade import Services
from crm.ui.app import build_window, open_settings
from crm.ui.context import UiContext
folder = Path(sys.argv[1])
services = Services.open(folder, SystemClock())
from tests.helpers import draft
services.clients.add(draft("王芳"))
window = build_window(UiContext.build(services, open_settings(folder)))
window.show()
app.processEvents()
print(",".join(m for m in ("crm.ui.reminders.today_page", "crm.ui.clients.detail",
    "crm.ui.transfer.safekeeping") if m in sys.modules))
print(window.reminders.built, window.clients.pane_slot.built, window.clients._empty_hint)
os._exit(0)
"""


def test_first_paint_builds_neither_today_nor_the_pane(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", START, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
    )
    modules, built = done.stdout.split("\n")[:2]
    assert modules == ""
    assert built == "False False None"


def test_the_pane_is_built_when_a_client_is_selected(qtbot, clients, main_window) -> None:
    page = main_window.clients
    main_window.show_section("clients")
    cid = clients.add(draft("王芳"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert not page.pane_slot.built and not page.pane_slot.isVisible()
    page.table.selectionModel().setCurrentIndex(
        page.model.index(0, COL_NAME),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert page.pane_slot.built and page.pane.isVisible()
    qtbot.waitUntil(lambda: page.pane.shown_id == cid)
    # The tabs the areas added before the pane existed are all there, in their order.
    titles = [page.pane.tabs.tabText(i) for i in range(page.pane.tabs.count())]
    assert titles[1:] == ["Brief", "Notes", "History", "Loans", "After the loan", "Referrals"]


def test_today_is_built_for_its_first_load(qtbot, main_window) -> None:
    ui = main_window.reminders
    with qtbot.waitSignal(ui.loaded, timeout=5000):
        pass  # the load after the first paint builds the page
    assert ui.built
