"""Tells whoever listens (the GUI, mostly) what a committed write changed.

Services publish after commit, once per write; the UI bridges this to a Qt signal. Owned by a
Book, so two books (tests) never hear each other.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from crm.domain.changes import Change, Initiator, Topic

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

    def publish(
        self,
        topics: Topic | Iterable[Topic],
        client_ids: Iterable[int] = (),
        initiator: Initiator = Initiator.USER,
    ) -> None:
        """Tell every listener; ``client_ids`` are always client ids (never record ids)."""
        kinds = frozenset([topics] if isinstance(topics, Topic) else topics)
        assert all(isinstance(t, Topic) for t in kinds), kinds
        change = Change(kinds, frozenset(client_ids), initiator)
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(change)
