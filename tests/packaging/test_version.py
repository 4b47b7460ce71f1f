"""One version, from pyproject.toml: `crm --version`, About (crm.__version__) and the build."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import types
from pathlib import Path

import pytest

import crm

ROOT = Path(__file__).resolve().parents[2]


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def test_crm_version_prints_pyprojects_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "crm", "--version"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert done.stdout.strip() == f"Prism {pyproject_version()}"


def test_package_version_is_pyprojects() -> None:
    assert crm.__version__ == pyproject_version()
    assert crm.read_version() == pyproject_version()


def test_only_prisms_own_pyproject_counts(tmp_path: Path) -> None:
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "someone-else"\nversion = "9.9"\n', encoding="utf-8")
    assert crm.version_from_pyproject(other) is None
    ours = tmp_path / "ours.toml"
    ours.write_text(
        '[project]\nname = "prism-crm"\nversion = "2.3.4"\n\n[tool.x]\nversion = "0"\n',
        encoding="utf-8",
    )
    assert crm.version_from_pyproject(ours) == "2.3.4"
    assert crm.version_from_pyproject(tmp_path / "missing.toml") is None


def test_importing_crm_reads_no_version() -> None:
    """The version costs nothing until asked for: importing crm (as the GUI and every command
    do) neither reads pyproject nor imports importlib.metadata."""
    code = (
        "import sys, crm; "
        "assert '__version__' not in vars(crm); "
        "assert 'importlib.metadata' not in sys.modules, 'metadata imported'; "
        "import crm.cli; crm.cli.build_parser(); "
        "assert '__version__' not in vars(crm)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_without_pyproject_the_builds_version_module_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The frozen build has no pyproject.toml: build.py's crm/_version.py answers."""
    module = types.ModuleType("crm._version")
    module.version = "7.8.9"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "crm._version", module)
    assert crm.read_version(tmp_path) == "7.8.9"
