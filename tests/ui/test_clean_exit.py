"""A clean exit leaves the book alone, with no -wal beside it: the next start would take a
-wal for a crash and check the whole book first (~7 s at 100,000 clients, every start)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from crm.store.book import Book

ROOT = Path(__file__).resolve().parents[2]

SESSION = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
import gc
from crm.cli import main
from crm.ui.main_window import MainWindow
from tests.helpers import draft

def work():
    try:
        session()
    except BaseException:
        import traceback
        traceback.print_exc()
        app.exit(3)  # fail now, not at the test's timeout

def session():
    # the main window by type: a reminder pop-up may be the first visible top-level
    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    assert gc.isenabled(), "`crm` starts with the collector off: on again after the first paint"
    window.ctx.services.clients.add(draft("王芳"))  # a write: the -wal holds frames
    page = window.show_section("clients")
    page.search.setText("王")  # a read on a pool thread: its own connection
    def wait():
        if page.searcher.busy or window.ctx.runner.busy:
            QTimer.singleShot(20, wait)
        else:
            app.quit()
    wait()

QTimer.singleShot(1500, work)  # after the first paint and its follow-up reads
sys.exit(main(["--data-dir", sys.argv[1], "--lang", "en"]))  # as `crm` starts it
"""


def test_a_clean_exit_leaves_no_wal_beside_the_book(tmp_path: Path) -> None:
    book = Book.open(tmp_path / "prism.db")
    from crm.services.demo import fill_demo

    fill_demo(book, 300, seed=3)
    book.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run(
        [sys.executable, "-c", SESSION, str(tmp_path)], check=True, cwd=ROOT, env=env, timeout=120
    )
    assert not (tmp_path / "prism.db-wal").exists()


def test_closing_with_idle_workers_closes_their_connections(tmp_path: Path) -> None:
    book = Book.open(tmp_path / "prism.db")
    book.connect().close()
    done = threading.Event()
    hold = threading.Event()

    def worker() -> None:  # a pool thread: reads, then stays alive, idle
        book.reader().execute("SELECT count(*) FROM client").fetchone()
        done.set()
        hold.wait(10)

    thread = threading.Thread(target=worker)
    thread.start()
    done.wait(10)
    assert (tmp_path / "prism.db-wal").exists()  # while the worker's connection is open
    book.close(workers_idle=True)
    try:
        assert not (tmp_path / "prism.db-wal").exists()
    finally:
        hold.set()
        thread.join()
