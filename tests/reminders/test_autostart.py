"""Start at login: XDG autostart on Linux and a LaunchAgent on macOS, into a temp folder."""

from __future__ import annotations

import plistlib
from pathlib import Path

from crm.services import autostart


def test_xdg_autostart_entry(tmp_path: Path) -> None:
    cmd = ["/opt/py/bin/python", "-m", "crm"]
    assert not autostart.is_enabled("linux", tmp_path)
    autostart.set_enabled(True, "linux", tmp_path, cmd)
    entry = tmp_path / "autostart" / "prism.desktop"
    text = entry.read_text()
    assert "[Desktop Entry]" in text and "Exec=/opt/py/bin/python -m crm" in text
    assert autostart.is_enabled("linux", tmp_path)
    autostart.set_enabled(False, "linux", tmp_path, cmd)
    assert not entry.exists() and not autostart.is_enabled("linux", tmp_path)


def test_macos_launch_agent(tmp_path: Path) -> None:
    cmd = ["/Applications/Prism/python", "-m", "crm"]
    autostart.set_enabled(True, "darwin", tmp_path, cmd)
    plist = plistlib.loads(autostart.launch_agent_path(tmp_path).read_bytes())
    assert plist == {
        "Label": autostart.LAUNCH_AGENT_LABEL,
        "ProgramArguments": cmd,
        "RunAtLoad": True,
    }
    autostart.set_enabled(False, "darwin", tmp_path, cmd)
    assert not autostart.is_enabled("darwin", tmp_path)
