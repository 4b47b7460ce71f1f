"""Start at login opens the book it was turned on for (issue 11): ``--data-dir`` in the Exec
line, quoted as the Desktop Entry Specification says, and passed by the settings page."""

from __future__ import annotations

import plistlib
import sys
from pathlib import Path

import pytest

from crm.services import autostart


def exec_args(line: str) -> list[str]:
    """Split an Exec value the way a desktop session does (the spec's rules, after the
    string-level unescaping of backslashes)."""
    value = line.replace("\\\\", "\\")
    args, current, quoted, i, started = [], "", False, 0, False
    while i < len(value):
        ch = value[i]
        if quoted and ch == "\\":
            current += value[i + 1]
            i += 2
            continue
        if ch == '"':
            quoted, started = not quoted, True
        elif ch == " " and not quoted:
            if started:
                args.append(current)
            current, started = "", False
        else:
            current, started = current + ch, True
        i += 1
    if started:
        args.append(current)
    return [a.replace("%%", "%") for a in args]


def test_command_carries_the_data_dir(tmp_path: Path) -> None:
    folder = tmp_path / "My Book"
    assert autostart.command()[-2:] == ["-m", "crm"]
    assert autostart.command(folder)[-4:] == ["-m", "crm", "--data-dir", str(folder.resolve())]


def test_xdg_exec_line_keeps_the_data_dir_as_one_argument(tmp_path: Path) -> None:
    folder = tmp_path / "客户 簿 100%" / 'a "b" $c'
    autostart.set_enabled(True, "linux", tmp_path, data_dir=folder)
    text = (tmp_path / "autostart" / "prism.desktop").read_text()
    line = next(x for x in text.splitlines() if x.startswith("Exec="))[len("Exec=") :]
    assert exec_args(line) == [sys.executable, "-m", "crm", "--data-dir", str(folder.resolve())]
    cmd = ["/opt/py/bin/python", "-m", "crm"]
    assert autostart.exec_line(cmd) == "/opt/py/bin/python -m crm"  # plain stays plain


def test_launch_agent_carries_the_data_dir(tmp_path: Path) -> None:
    folder = tmp_path / "book"
    autostart.set_enabled(True, "darwin", tmp_path, data_dir=folder)
    plist = plistlib.loads(autostart.launch_agent_path(tmp_path).read_bytes())
    assert plist["ProgramArguments"][-2:] == ["--data-dir", str(folder.resolve())]


def test_settings_page_passes_the_book_in_use(
    qtbot, ui_ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crm.ui.settings_pages import settings_pages

    calls: list[tuple[bool, Path | None]] = []
    monkeypatch.setattr(autostart, "is_enabled", lambda *a, **k: False)
    monkeypatch.setattr(
        autostart, "set_enabled", lambda on, *a, data_dir=None, **k: calls.append((on, data_dir))
    )
    pages = dict(settings_pages(ui_ctx))
    for built in pages.values():  # every page, not only the one used: each reads the book on
        qtbot.addWidget(built)  # the runner, and an orphan deleted mid-read crashed a later test
    page = next(p for p in pages.values() if hasattr(p, "start_at_login"))
    qtbot.waitUntil(lambda: page.loaded is not None, timeout=5000)
    page.start_at_login.setChecked(True)
    page.save()
    assert calls == [(True, ui_ctx.services.book_path.parent)]
    qtbot.waitUntil(lambda: not ui_ctx.runner.busy, timeout=5000)
