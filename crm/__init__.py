"""Prism (棱镜): an offline client-relationship manager for bank loan officers.

``crm.__version__`` is read when first asked for, not at import: the one version lives in
pyproject.toml, and importlib.metadata alone costs 10-20 ms, which the GUI and `crm add` must
not pay at start-up. Where the version comes from, first found wins:

1. ``pyproject.toml`` beside the package: a source checkout (`uv run crm`), always current;
2. ``crm/_version.py``, written by packaging/build.py: the frozen build, which has no
   pyproject and no package metadata;
3. the installed distribution's metadata (a wheel).
"""

TYPE_CHECKING = False  # not typing's: importing crm imports nothing
if TYPE_CHECKING:
    from pathlib import Path

DISTRIBUTION = "prism-crm"


def __getattr__(name: str) -> str:
    if name == "__version__":
        found = read_version()
        globals()["__version__"] = found  # asked once, kept
        return found
    raise AttributeError(f"module 'crm' has no attribute {name!r}")


def read_version(checkout: "Path | None" = None) -> str:
    """The version of this Prism (see the module docstring). ``checkout`` stands in for the
    folder holding ``crm/`` in tests."""
    from pathlib import Path  # here, not at the top: importing crm stays free

    root = checkout or Path(__file__).resolve().parent.parent
    found = version_from_pyproject(root / "pyproject.toml")
    if found:
        return found
    try:
        from crm._version import version  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        pass
    else:
        return str(version)
    from importlib import metadata

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "0+unknown"


def version_from_pyproject(path: "Path") -> str | None:
    """``[project] version`` of Prism's own pyproject.toml, without tomllib (a regular
    expression over one small file: no import cost), or None if ``path`` is not Prism's."""
    import re

    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    project = re.search(r"^\[project\]\s*$(.*?)(?=^\[|\Z)", text, re.M | re.S)
    if project is None or not re.search(rf'^name\s*=\s*"{DISTRIBUTION}"', project.group(1), re.M):
        return None
    found = re.search(r'^version\s*=\s*"([^"]+)"', project.group(1), re.M)
    return found.group(1) if found else None
