"""One GUI per book: a second Prism on the same folder asks the first to come forward."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from crm.ui.single_instance import SingleInstance

ROOT = Path(__file__).resolve().parents[2]
SECOND = """
import sys
from PySide6.QtCore import QCoreApplication
from crm.ui.single_instance import SingleInstance, ask_owner_to_raise
app = QCoreApplication([])
folder = __import__("pathlib").Path(sys.argv[1])
if SingleInstance(folder).acquire():
    print("acquired")
else:
    print("raised" if ask_owner_to_raise(folder, 5000) else "no answer")
"""


def test_second_instance_raises_the_first(qtbot, tmp_path: Path) -> None:
    owner = SingleInstance(tmp_path)
    assert owner.acquire()
    owner.listen()
    try:
        with qtbot.waitSignal(owner.raise_requested, timeout=10000):
            second = subprocess.Popen(
                [sys.executable, "-c", SECOND, str(tmp_path)],
                stdout=subprocess.PIPE,
                text=True,
                cwd=ROOT,
            )
        out, _ = second.communicate(timeout=10)
        assert out.strip() == "raised"
    finally:
        owner.release()


def test_a_newcomer_waits_for_an_owner_still_starting(qtbot, tmp_path: Path) -> None:
    """The owner listens only after its first paint; a newcomer meanwhile keeps knocking."""
    from PySide6.QtCore import QTimer

    owner = SingleInstance(tmp_path)
    assert owner.acquire()
    try:
        second = subprocess.Popen(
            [sys.executable, "-c", SECOND, str(tmp_path)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        with qtbot.waitSignal(owner.raise_requested, timeout=10000):
            QTimer.singleShot(700, owner.listen)
        out, _ = second.communicate(timeout=10)
        assert out.strip() == "raised"
    finally:
        owner.release()


def test_lock_of_a_dead_owner_is_taken_over(qapp, tmp_path: Path) -> None:
    first = subprocess.run(
        [sys.executable, "-c", SECOND, str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert first.stdout.strip() == "acquired"  # and it exited without releasing
    again = SingleInstance(tmp_path)
    assert again.acquire()
    again.release()


def test_language_choice_is_saved_and_asks_for_a_rebuild(qtbot, main_window, monkeypatch) -> None:
    from PySide6.QtWidgets import QDialog

    from crm.ui.i18n import SETTING_KEY
    from crm.ui.settings_dialog import SettingsDialog

    def choose_chinese(self: SettingsDialog) -> int:
        box = self.general.language_box
        box.setCurrentIndex(box.findData("zh_CN"))
        self.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", choose_chinese)
    with qtbot.waitSignal(main_window.language_change_requested) as signal:
        main_window.open_settings()
    assert signal.args == ["zh_CN"]
    assert main_window.ctx.settings.value(SETTING_KEY) == "zh_CN"
