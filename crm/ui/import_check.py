"""A quicker answer to the question PySide6 asks of every module imported after it.

PySide6 wraps ``__import__`` to support its opt-in ``from __feature__ import ...`` and, after
each import, asks whether the new module uses PySide6 (PYSIDE-2029). It answers by reading the
module's source through ``inspect.getsource`` (linecache, tokenize) and looking for the text
"PySide6". About 90 modules arrive after PySide6 on the way to Prism's first paint, and that
reading cost ~11 ms of the ~400 ms start (napari#8584 measured the same tax). Reading the file's
bytes answers the same question in a fraction of the time; anything else (no ``.py`` file, a
frozen build) still goes to PySide's own check. Should a PySide release rename the function, this
does nothing and start-up is only as slow as before.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

MARKER = b"PySide6"


def quicken() -> None:
    """Replace PySide's source check with a byte search of the module's file (once)."""
    import PySide6.QtCore  # noqa: F401  # PySide6's support modules exist once Qt is loaded

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or hasattr(original, "original"):
        return
    feature._mod_uses_pyside = quick_check(original)  # type: ignore[attr-defined]


def quick_check(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return MARKER in source.read()
            except OSError:
                pass
        return original(module)

    uses_pyside.original = original  # type: ignore[attr-defined]  # marks it installed
    return uses_pyside
