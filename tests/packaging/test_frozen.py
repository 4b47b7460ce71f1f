"""The frozen Linux build, smoke-run: `uv run pytest -m packaging` (not in the default run).

Builds once with the README's own build command (run as written, from the checkout), unless
``PRISM_FROZEN`` names an existing build folder (``dist/Prism``) to test instead. Then runs the
frozen program as an officer would: --version, a demo book, the GUI offscreen to its first
painted page in Chinese, the loan schedule PDF in Chinese, the tarball's menu entry.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest

from crm.translations import read_ts

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds the Linux folder"),
]

ROOT = Path(__file__).resolve().parents[2]
SIZE_LIMIT_MB = 200


def readme_build_command() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Build") :]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None, "README's Build section has no sh block"
    lines = [ln.split("  #")[0].strip() for ln in block.group(1).splitlines()]
    return next(ln for ln in lines if "packaging/build.py" in ln)


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


@pytest.fixture(scope="session")
def frozen() -> Path:
    given = os.environ.get("PRISM_FROZEN")
    if given:
        return Path(given).resolve()
    if shutil.which("uv") is None:
        pytest.fail("uv is not on PATH: the README's build command needs it")
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    subprocess.run(shlex.split(readme_build_command()), cwd=ROOT, check=True, env=env)
    return ROOT / "dist" / "Prism"


def run(folder: Path, *args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANGUAGE="en")
    env.update(kw.pop("env", {}))  # type: ignore[arg-type]
    return subprocess.run(
        [str(folder / "prism"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env=env,
        **kw,  # type: ignore[arg-type]
    )


def folder_mb(folder: Path) -> float:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


def test_folder_is_small_and_holds_only_the_qt_used(frozen: Path) -> None:
    assert folder_mb(frozen) <= SIZE_LIMIT_MB
    libs = {p.name for p in frozen.rglob("libQt6*")}
    assert {"libQt6Core.so.6", "libQt6Gui.so.6", "libQt6Widgets.so.6"} <= libs
    unwanted = ("WebEngine", "Qml", "Quick", "3D", "Multimedia", "Pdf", "Designer")
    assert not [name for name in libs if any(u in name for u in unwanted)]
    internal = frozen / "_internal"
    qm = internal / "crm" / "_resources" / "translations" / "prism_zh_CN.qm"
    ts = qm.with_suffix(".ts")
    assert qm.exists() and ts.exists()  # the GUI reads the .qm, the commands the .ts
    assert qm.stat().st_mtime >= ts.stat().st_mtime  # else the GUI would try to compile it
    assert list((internal / "crm" / "store" / "migrations" / "versions").glob("0001_*.py"))


def test_version_is_pyprojects(frozen: Path) -> None:
    assert run(frozen, "--version").stdout.strip() == f"Prism {pyproject_version()}"


def test_demo_book_of_300_clients(frozen: Path, tmp_path: Path) -> None:
    run(frozen, "--data-dir", str(tmp_path), "demo", "--clients", "300")
    listed = run(frozen, "--data-dir", str(tmp_path), "list", "--json", "--limit", "1000")
    assert len(json.loads(listed.stdout)) == 300
    found = run(frozen, "--data-dir", str(tmp_path), "list", "--search", "zw", "--json")
    assert json.loads(found.stdout)  # pinyin initials: the pinyin data made it in


def test_commands_that_load_their_libraries_late(frozen: Path, tmp_path: Path) -> None:
    """Export (rustpy-xlsxwriter), import (python-calamine), the calendar (icalendar) and
    backups are imported on first use: the build must still hold them."""
    book = ["--data-dir", str(tmp_path / "book")]
    run(frozen, *book, "demo", "--clients", "50")
    xlsx = tmp_path / "list.xlsx"
    run(frozen, *book, "export", "--out", str(xlsx), "--unmasked")
    checked = run(frozen, *book, "import", str(xlsx), "--dry-run", "--on-duplicate", "skip")
    assert "50" in checked.stdout
    run(frozen, *book, "ics", "--out", str(tmp_path / "prism.ics"))
    assert (tmp_path / "prism.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    run(frozen, *book, "backup")
    run(frozen, *book, "check")


def test_gui_paints_its_first_page_in_chinese_and_writes_a_chinese_pdf(
    frozen: Path, tmp_path: Path
) -> None:
    book = tmp_path / "book"
    run(frozen, "--data-dir", str(book), "demo", "--clients", "300")
    report = tmp_path / "smoke.json"
    done = run(frozen, "--data-dir", str(book), "--lang", "zh_CN", env={"PRISM_SMOKE": str(report)})
    assert "ready" in done.stdout
    shown = json.loads(report.read_text(encoding="utf-8"))
    assert "error" not in shown, shown.get("error")
    zh = read_ts(ROOT / "resources" / "translations" / "prism_zh_CN.ts")
    assert zh[("MainWindow", "&File")] in shown["menus"]
    assert shown["qt_cancel"] == "取消"  # Qt's own translation shipped too
    assert shown["screenshot"] and Path(shown["screenshot"]).stat().st_size > 10_000
    assert shown["pdf_title"] == zh[("LoanCalculator", "Loan repayment schedule (estimate)")]
    if shown["pdf_font"] is None:
        pytest.skip("no Simplified Chinese font: apt-get install -y fonts-wqy-microhei")
    pdf = Path(shown["pdf"])
    assert pdf.read_bytes().startswith(b"%PDF")
    assert b"FontFile2" in pdf.read_bytes()  # the CJK font is embedded
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert shown["pdf_title"] in text


def test_tarball_installs_a_menu_entry_for_this_user(frozen: Path, tmp_path: Path) -> None:
    tarballs = sorted(frozen.parent.glob(f"prism-{pyproject_version()}-linux-*.tar.gz"))
    assert tarballs, "build.py wrote no tarball"
    with tarfile.open(tarballs[-1]) as tar:
        names = set(tar.getnames())
    assert {"Prism/prism", "Prism/prism.desktop", "Prism/install.sh"} <= names
    (tmp_path / "opt").mkdir()  # unpacked as the README tells the officer
    subprocess.run(["tar", "-xzf", str(tarballs[-1]), "-C", str(tmp_path / "opt")], check=True)
    home = tmp_path / "home"
    env = {"HOME": str(home), "PATH": os.environ["PATH"]}
    installer = tmp_path / "opt" / "Prism" / "install.sh"
    subprocess.run([str(installer)], check=True, env=env, capture_output=True)
    entry = home / ".local" / "share" / "applications" / "prism.desktop"
    text = entry.read_text(encoding="utf-8")
    assert f'Exec="{tmp_path / "opt" / "Prism" / "prism"}"' in text
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(entry)], check=True)
    crm = home / ".local" / "bin" / "crm"
    version = subprocess.run([str(crm), "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.strip() == f"Prism {pyproject_version()}"
    subprocess.run([str(installer), "--remove"], check=True, env=env, capture_output=True)
    assert not entry.exists() and not crm.exists()


def test_frozen_benchmark_runs_small(frozen: Path) -> None:
    """tests/perf/bench_frozen.py keeps working (its figures are not judged here)."""
    bench = [sys.executable, "tests/perf/bench_frozen.py", "--frozen", str(frozen)]
    done = subprocess.run(
        [*bench, "--clients", "300", "--runs", "1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for label in ("folder build size", "bare PySide6 window", "frozen Prism to first page"):
        assert label in done.stdout, done.stdout
