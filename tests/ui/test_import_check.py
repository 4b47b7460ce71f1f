"""PySide6's after-import check, answered from the file's bytes: the same answers, quicker."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import crm.ui  # noqa: F401  # installs the quick check
from crm.ui.import_check import quick_check


def _pyside_feature() -> types.ModuleType:
    return sys.modules["shibokensupport.feature"]


def test_importing_the_ui_installs_the_quick_check() -> None:
    assert hasattr(_pyside_feature()._mod_uses_pyside, "original")


def test_the_quick_check_answers_as_pysides_own_for_modules_with_and_without_pyside() -> None:
    own = _pyside_feature()._mod_uses_pyside.original
    assert not hasattr(own, "original")
    quick = quick_check(own)
    modules = [
        sys.modules[name]
        for name in ("crm.ui.app", "crm.ui.sidebar", "crm.store.book", "crm.config", "json")
        if __import__(name)
    ]
    answers = [(m.__name__, quick(m), own(m)) for m in modules]
    assert [a for a in answers if a[1] != a[2]] == []
    assert {name for name, uses, _ in answers if uses} == {"crm.ui.app", "crm.ui.sidebar"}


def test_a_module_without_a_source_file_goes_to_pysides_own_check(tmp_path: Path) -> None:
    asked: list[str] = []

    def own(module: types.ModuleType) -> bool:
        asked.append(module.__name__)
        return False

    quick = quick_check(own)
    builtin = types.ModuleType("made_in_memory")
    gone = types.ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")  # a frozen build names files that are not there
    assert quick(builtin) is False and quick(gone) is False
    assert asked == ["made_in_memory", "gone"]
