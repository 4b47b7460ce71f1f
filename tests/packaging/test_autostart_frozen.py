"""Start at login from an installed (frozen) Prism points at the program itself."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

from crm.services import autostart


def test_frozen_prism_starts_itself(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    exe = tmp_path / "Prism" / "prism"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    assert autostart.command()[0] == str(exe)
    assert "-m" not in autostart.command()
    autostart.set_enabled(True, platform="linux", root=tmp_path)
    entry = autostart.xdg_entry_path(tmp_path).read_text(encoding="utf-8")
    exec_line = next(ln for ln in entry.splitlines() if ln.startswith("Exec="))
    assert shlex.split(exec_line.removeprefix("Exec="))[0] == str(exe)


def test_frozen_windows_console_crm_exe_starts_the_windowed_prism(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "Prism"
    folder.mkdir()
    (folder / "Prism.exe").write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "crm.exe"))
    monkeypatch.setattr(sys, "platform", "win32")
    assert autostart.command()[0] == str(folder / "Prism.exe")


def test_from_source_it_is_the_interpreter_running_crm(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert autostart.command()[-2:] == ["-m", "crm"]
