"""Tells whoever listens (the GUI, mostly) what a committed write changed.

Services publish after commit; the UI bridges this to a Qt signal. Owned by a Book, so two
books (tests) never hear each other.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

#: Topics in use: "client", and whatever later record kinds add ("note", "interaction", ...).


@dataclass(frozen=True)
class Change:
    topic: str
    ids: frozenset[int] = frozenset()


Listener = Callable[[Change], None]


class ChangeBus:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, topic: str, ids: Iterable[int] = ()) -> None:
        change = Change(topic, frozenset(ids))
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(change)
