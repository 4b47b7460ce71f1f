"""Starting Prism when the officer logs in: the Windows Run key, a macOS LaunchAgent, or an XDG
autostart entry on Linux. Machine-level, so the choice itself lives in the UI's QSettings.

Every function takes the paths it touches as arguments (defaults are the real ones), so tests
write into a temporary folder.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import sys
from collections.abc import Sequence
from pathlib import Path

from crm import files

APP_ID = "Prism"
LAUNCH_AGENT_LABEL = "local.prism.crm"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def command(data_dir: Path | None = None) -> list[str]:
    """How to start this Prism: the frozen program itself (an installed build), else the same
    interpreter running ``-m crm``; on the book in use (``data_dir``; None or the default
    folder needs no ``--data-dir``)."""
    if getattr(sys, "frozen", False):
        # On Windows the windowed Prism.exe, also when the console crm.exe turned this on.
        frozen = Path(sys.executable)
        gui = frozen.with_name("Prism.exe")
        return [
            str(gui if sys.platform == "win32" and gui.exists() else frozen),
            *data_dir_args(data_dir),
        ]
    exe = sys.executable
    if sys.platform == "win32":
        pythonw = Path(exe).with_name("pythonw.exe")
        if pythonw.exists():
            exe = str(pythonw)
    return [exe, "-m", "crm", *data_dir_args(data_dir)]


def data_dir_args(data_dir: Path | None) -> list[str]:
    """``--data-dir DIR`` for a book outside the default folder: start at login must open the
    book the officer turned it on for, not the default one."""
    if data_dir is None:
        return []
    from crm import config

    if config.is_default_data_dir(Path(data_dir)):
        return []
    return ["--data-dir", str(Path(data_dir).expanduser().resolve())]


def xdg_entry_path(config_home: Path | None = None) -> Path:
    base = config_home or Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "autostart" / "prism.desktop"


def launch_agent_path(home: Path | None = None) -> Path:
    return (home or Path.home()) / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"


#: Characters that make an Exec argument need quoting (Desktop Entry Specification, "The Exec
#: key"); inside the double quotes, these four take a backslash.
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_EXEC_ESCAPED = set('"`$\\')


def exec_line(cmd: Sequence[str]) -> str:
    """``cmd`` as a desktop entry's Exec value. Not shlex: the spec quotes with double quotes
    only (a single-quoted path with a space is two arguments to the session), ``%`` is a field
    code unless doubled, and the whole value is a string whose backslashes are escaped again."""
    out = []
    for arg in cmd:
        arg = arg.replace("%", "%%")
        if any(ch in _EXEC_RESERVED for ch in arg) or not arg:
            arg = '"' + "".join("\\" + ch if ch in _EXEC_ESCAPED else ch for ch in arg) + '"'
        out.append(arg)
    return " ".join(out).replace("\\", "\\\\")


def xdg_entry(cmd: Sequence[str]) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Prism\n"
        "Comment=Prism client book: reminders for birthdays and festivals\n"
        f"Exec={exec_line(cmd)}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def launch_agent(cmd: Sequence[str]) -> bytes:
    return plistlib.dumps(
        {"Label": LAUNCH_AGENT_LABEL, "ProgramArguments": list(cmd), "RunAtLoad": True}
    )


def _write(path: Path, data: bytes) -> None:
    # The autostart / LaunchAgents folder is the system's: created if missing, never chmodded.
    path.parent.mkdir(parents=True, exist_ok=True)
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
    data_dir: Path | None = None,
) -> None:
    """Turn start-at-login on or off, for the book in ``data_dir`` (the one in use). ``root``
    stands in for the home folder (macOS) or the XDG config folder (Linux) in tests."""
    cmd = list(cmd or command(data_dir))
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
