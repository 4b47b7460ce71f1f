"""The layering and start-up rules, checked on the code itself.

Each rule lists every offender (file:line and what it found), so one run shows all the work.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CRM = ROOT / "crm"

# Layer -> the packages it must never import (and none of them may import PySide6).
LOWER = {
    "crm/domain": ("crm.store", "crm.services", "crm.ui", "crm.commands", "crm.cli"),
    "crm/store": ("crm.services", "crm.ui", "crm.commands", "crm.cli"),
    "crm/services": ("crm.ui", "crm.commands", "crm.cli"),
    "crm/commands": ("crm.ui",),
}
QT_FREE_FILES = ("crm/config.py", "crm/files.py", "crm/translations.py", "crm/cli.py")


# -- reading the code ----------------------------------------------------------------------


def _files(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> Iterator[tuple[int, str]]:
    """(line, dotted name) of everything a file imports, lazily or not: ``from a.b import c``
    gives ``a.b.c`` (so ``from crm import ui`` is ``crm.ui``); relative imports are resolved
    against the file's package."""
    package = _module_name(path)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                yield node.lineno, base if alias.name == "*" else f"{base}.{alias.name}"


def _under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def _where(path: Path, line: int) -> str:
    return f"{path.relative_to(ROOT)}:{line}"


def _report(rule: str, bad: list[str]) -> str:
    return f"{rule} ({len(bad)} offender(s)):\n  " + "\n  ".join(bad)


# -- layering ------------------------------------------------------------------------------


@pytest.mark.parametrize("layer", sorted(LOWER))
def test_lower_layers_never_import_qt_or_upward(layer: str) -> None:
    bad = [
        f"{_where(path, line)} imports {name}"
        for path in _files(layer)
        for line, name in sorted(set(imports(path)))
        if _under(name, ("PySide6", *LOWER[layer]))
    ]
    assert not bad, _report(f"{layer} imports Qt or a layer above it", bad)


@pytest.mark.parametrize("file", QT_FREE_FILES)
def test_cli_and_config_modules_never_import_qt_at_the_top(file: str) -> None:
    """crm.cli opens the GUI with a lazy import; nothing else in these files touches Qt."""
    path = ROOT / file
    top_level = [n for n in _tree(path).body if isinstance(n, (ast.Import, ast.ImportFrom))]
    bad = []
    for node in top_level:
        names = [a.name for a in node.names]
        module = node.module if isinstance(node, ast.ImportFrom) else ""
        if any(_under(n, ("PySide6", "crm.ui")) for n in [module or "", *names]):
            bad.append(f"{_where(path, node.lineno)} imports {module or names}")
    assert not bad, _report(f"{file} imports Qt", bad)


def test_no_orm_outside_domain_and_store() -> None:
    """sqlmodel/sqlalchemy (and alembic) belong to the schema and the store: services write
    with plain sqlite3 through crm/store/queries (migrations are part of the store)."""
    bad = [
        f"{_where(path, line)} imports {name}"
        for path in _files("crm")
        if not _under(_module_name(path), ("crm.domain", "crm.store"))
        for line, name in sorted(set(imports(path)))
        if _under(name, ("sqlmodel", "sqlalchemy", "alembic"))
    ]
    assert not bad, _report("ORM imported outside crm/domain and crm/store", bad)


# -- SQL lives in crm/store/queries --------------------------------------------------------

# A keyword followed by more text: a lone word ("update", an import mode) is not SQL.
SQL = re.compile(
    r"^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|DROP|PRAGMA|REPLACE)\b(?=\s|\()",
    re.IGNORECASE,
)


def _docstrings(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = body[0] if body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _messages(tree: ast.Module) -> set[int]:
    """Text the user sees: QT_TRANSLATE_NOOP(context, text) and Msg(context, text)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in ("QT_TRANSLATE_NOOP", "Msg", "tr"):
                found.update(id(a) for a in node.args)
    return found


def sql_strings(path: Path) -> Iterator[tuple[int, str]]:
    """String constants that start like SQL, f-strings' literal parts included; docstrings
    and user-visible message texts ("Delete {name}?") are prose, not SQL."""
    tree = _tree(path)
    prose = _docstrings(tree) | _messages(tree)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in prose
            and SQL.match(node.value)
        ):
            yield node.lineno, " ".join(node.value.split())[:60]


def test_no_sql_in_services() -> None:
    bad = [
        f"{_where(path, line)}: {text!r}"
        for path in _files("crm/services")
        for line, text in sql_strings(path)
    ]
    assert not bad, _report("SQL in crm/services (move it to crm/store/queries/<area>.py)", bad)


# -- the UI talks to services, through one task runner ---------------------------------------

BOOK_METHODS = {"reader", "write", "session", "connect"}
THREADING = ("threading.Thread", "QThreadPool", "QThread", "ThreadPoolExecutor")


def _receiver_is_book(node: ast.expr) -> bool:
    text = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
    return "book" in text.lower()


def ui_book_use(path: Path) -> Iterator[tuple[int, str]]:
    for node in ast.walk(_tree(path)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in BOOK_METHODS
            and _receiver_is_book(node.func.value)
        ):
            yield node.lineno, f"{ast.unparse(node.func)}()"
        elif isinstance(node, ast.Attribute) and node.attr == "book":
            yield node.lineno, ast.unparse(node)


def ui_store_imports(path: Path) -> Iterator[tuple[int, str]]:
    for line, name in imports(path):
        if _under(name, ("crm.store",)) and not _under(name, ("crm.store.errors",)):
            yield line, f"imports {name}"


def ui_threads(path: Path) -> Iterator[tuple[int, str]]:
    if path == CRM / "ui" / "tasks.py":
        return
    for line, name in sorted(set(imports(path))):
        if name in ("threading.Thread", "concurrent.futures.ThreadPoolExecutor") or name.endswith(
            (".QThreadPool", ".QThread")
        ):
            yield line, f"imports {name}"
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Attribute) and ast.unparse(node).endswith(THREADING):
            yield node.lineno, ast.unparse(node)
        elif isinstance(node, ast.Name) and node.id in ("QThreadPool", "QThread"):
            yield node.lineno, node.id


UI_RULES: dict[str, tuple[str, Callable[[Path], Iterator[tuple[int, str]]]]] = {
    "book": ("crm/ui touches the book (call ctx.services.<area> through ctx.runner)", ui_book_use),
    "store": ("crm/ui imports crm.store other than crm.store.errors", ui_store_imports),
    "threads": (
        "crm/ui starts threads outside crm/ui/tasks.py (use ctx.runner / LatestOnly)",
        ui_threads,
    ),
}


@pytest.mark.parametrize("rule", sorted(UI_RULES))
def test_ui_rules(rule: str) -> None:
    title, find = UI_RULES[rule]
    bad = [
        f"{_where(path, line)}: {what}"
        for path in _files("crm/ui")
        for line, what in sorted(set(find(path)))
    ]
    assert not bad, _report(title, bad)


# -- start-up ------------------------------------------------------------------------------


def _loaded_after(code: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return [m for m in done.stdout.strip().split(",") if m]


HEAVY = ("PySide6", "sqlmodel", "sqlalchemy", "alembic", "pypinyin", "phonenumbers", "stdnum")
HEAVY += ("lunar_python", "crm.services", "crm.store", "crm.ui")


def _module_level_imports(path: Path) -> Iterator[tuple[int, str]]:
    """Imports that run when the module is imported (not in functions, not TYPE_CHECKING)."""
    for node in _tree(path).body:
        if isinstance(node, ast.Import):
            yield from ((node.lineno, a.name) for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield from ((node.lineno, f"{node.module}.{a.name}") for a in node.names)


def test_building_the_cli_parser_imports_no_services() -> None:
    """`crm --version` and every command build the whole parser: command modules import
    services, the store and heavy libraries inside their handlers, not at module level."""
    bad = [
        f"{_where(path, line)} imports {name} at module level"
        for path in [ROOT / "crm/cli.py", *_files("crm/commands")]
        for line, name in _module_level_imports(path)
        if _under(name, HEAVY)
    ]
    loaded = _loaded_after(
        "import sys, crm.cli; crm.cli.build_parser();"
        f"heavy = {HEAVY!r};"
        "print(','.join(sorted(m for m in sys.modules if m.startswith(heavy))))"
    )
    bad += [f"building the parser loads {m}" for m in loaded if _under(m, HEAVY)]
    assert not bad, _report("the CLI parser imports services or heavy libraries", bad)


def test_gui_start_path_defers_heavy_imports() -> None:
    """sqlmodel (~0.6 s), pypinyin (~0.3 s) and the validators load after the first paint."""
    loaded = _loaded_after(
        "import sys, crm.ui.app, crm.ui.main_window;"
        "heavy = [m for m in ('sqlmodel', 'sqlalchemy', 'pypinyin', 'phonenumbers', 'stdnum',"
        " 'lunar_python', 'alembic') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    assert loaded == []


@pytest.mark.slow
def test_pyside6_survives_many_none_returning_calls(tmp_path: Path) -> None:
    """PySide6 6.12.0 on Python 3.11 aborts (none_dealloc) after a few thousand calls that
    return None; pyproject keeps 3.11 on 6.11. This makes 20,000 such calls in a child."""
    script = tmp_path / "calls.py"
    script.write_text(
        "from PySide6.QtWidgets import QApplication, QProgressBar\n"
        "app = QApplication([])\n"
        "bar = QProgressBar()\n"
        "bar.setRange(0, 20000)\n"
        "for i in range(20000):\n"
        "    bar.setValue(i)\n"
        "    app.processEvents()\n"
        "    bar.repaint()\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        check=False,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"


def test_reading_the_book_loads_neither_orm_nor_pinyin(tmp_path: Path) -> None:
    """Open, search and select in the GUI: sqlmodel (~57 MB) and pypinyin (~56 MB) stay out
    until the first save, which keeps the app under its memory target at 100,000 clients."""
    data = tmp_path / "book"
    subprocess.run(
        [sys.executable, "-m", "crm", "--data-dir", str(data), "demo", "--clients", "50"],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    code = f"""
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from crm.domain.clock import SystemClock
from crm.services.facade import Services
from crm.ui.app import build_window, open_settings, warm_imports
from crm.ui.context import UiContext
data = Path({str(data)!r})
w = build_window(UiContext.build(Services.open(data, SystemClock()), open_settings(data)))
w.show()
warm_imports()
w.show_section("clients")
w.clients.search.setText("a")
end = time.perf_counter() + 1.5
while time.perf_counter() < end:
    app.processEvents()
w.clients.table.selectRow(0)
app.processEvents()
assert w.clients.pane.client_id is not None
print(",".join(m for m in ("sqlmodel", "sqlalchemy", "pypinyin") if m in sys.modules))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == ""
