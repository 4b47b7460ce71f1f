"""User-facing messages produced below the UI, translated at the edge (UI or CLI).

The domain and services cannot call Qt's ``tr()``, so they build a :class:`Msg` with
``QT_TRANSLATE_NOOP(context, text)``: pyside6-lupdate finds those calls by name and puts the
source text into the .ts file; the UI or CLI renders it with ``QCoreApplication.translate``.
Source texts are English and use ``{name}`` placeholders, filled after translation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

Translate = Callable[[str, str], str]


def _identity(_context: str, text: str) -> str:
    return text


_NO_PARAMS: Mapping[str, Any] = MappingProxyType({})


class Msg(NamedTuple):
    """A translatable text and its parameters (a tuple: thousands are built per reminder check)."""

    context: str
    text: str
    params: Mapping[str, Any] = _NO_PARAMS

    def with_(self, **params: Any) -> Msg:
        return Msg(self.context, self.text, MappingProxyType({**self.params, **params}))

    def render(self, translate: Translate = _identity) -> str:
        text = translate(self.context, self.text) or self.text
        return text.format(**self.params) if self.params else text

    def __str__(self) -> str:
        return self.render()


def QT_TRANSLATE_NOOP(context: str, text: str) -> Msg:
    return Msg(context, text)
