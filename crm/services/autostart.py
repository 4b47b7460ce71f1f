"""Starting Prism when the officer logs in: the Windows Run key, a macOS LaunchAgent, or an XDG
autostart entry on Linux. Machine-level, so the choice itself lives in the UI's QSettings.

Every function takes the paths it touches as arguments (defaults are the real ones), so tests
write into a temporary folder.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

from crm import files

APP_ID = "Prism"
LAUNCH_AGENT_LABEL = "local.prism.crm"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def command() -> list[str]:
    """How to start this Prism: the same interpreter running ``-m crm``."""
    exe = sys.executable
    if sys.platform == "win32":
        pythonw = Path(exe).with_name("pythonw.exe")
        if pythonw.exists():
            exe = str(pythonw)
    return [exe, "-m", "crm"]


def xdg_entry_path(config_home: Path | None = None) -> Path:
    base = config_home or Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "autostart" / "prism.desktop"


def launch_agent_path(home: Path | None = None) -> Path:
    return (home or Path.home()) / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"


def xdg_entry(cmd: Sequence[str]) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Prism\n"
        "Comment=Prism client book: reminders for birthdays and festivals\n"
        f"Exec={shlex.join(cmd)}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def launch_agent(cmd: Sequence[str]) -> bytes:
    return plistlib.dumps(
        {"Label": LAUNCH_AGENT_LABEL, "ProgramArguments": list(cmd), "RunAtLoad": True}
    )


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)  # ~/.config/autostart: the desktop's own
    files.write_private_bytes(path, data)


def is_enabled(platform: str = sys.platform, root: Path | None = None) -> bool:
    if platform == "win32":  # pragma: no cover - Windows only
        return _windows_is_enabled()
    if platform == "darwin":
        return launch_agent_path(root).exists()
    return xdg_entry_path(root).exists()


def set_enabled(
    enabled: bool,
    platform: str = sys.platform,
    root: Path | None = None,
    cmd: Sequence[str] | None = None,
) -> None:
    """Turn start-at-login on or off. ``root`` stands in for the home folder (macOS) or the
    XDG config folder (Linux) in tests."""
    cmd = list(cmd or command())
    if platform == "win32":  # pragma: no cover - Windows only
        _windows_set(enabled, cmd)
        return
    path = launch_agent_path(root) if platform == "darwin" else xdg_entry_path(root)
    if not enabled:
        path.unlink(missing_ok=True)
        return
    data = launch_agent(cmd) if platform == "darwin" else xdg_entry(cmd).encode()
    _write(path, data)


def _windows_is_enabled() -> bool:  # pragma: no cover - Windows only
    if sys.platform == "win32":
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                winreg.QueryValueEx(key, APP_ID)
            return True
        except OSError:
            return False
    return False


def _windows_set(enabled: bool, cmd: Sequence[str]) -> None:  # pragma: no cover - Windows only
    if sys.platform == "win32":
        import subprocess
        import winreg

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            if enabled:
                winreg.SetValueEx(key, APP_ID, 0, winreg.REG_SZ, subprocess.list2cmdline(cmd))
            else:
                with contextlib.suppress(FileNotFoundError):
                    winreg.DeleteValue(key, APP_ID)
