"""The page bases this area brought onto the one shape: BookPage/ClientView reading through the
runner, LazyPage building on first show, PageHeader."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from crm.domain.changes import Change, Topic
from crm.ui.book_page import ClientView
from crm.ui.lazy_page import LazyPage
from crm.ui.page_header import PageHeader


class Probe(ClientView):
    topics = frozenset({Topic.NOTE})

    def __init__(self, ctx) -> None:
        super().__init__(ctx.notifier)
        self.runner = ctx.runner
        self.reads: list[int | None] = []
        self.shown: list[int | None] = []

    def reload(self) -> None:
        cid = self.client_id
        self.reads.append(cid)
        self.fetch(self.runner, lambda: cid, self.shown.append)


def test_client_view_reads_when_seen_and_only_for_its_client(qtbot, ui_ctx) -> None:
    view = Probe(ui_ctx)
    qtbot.addWidget(view)
    view.set_client(1)
    view.set_client(2)
    assert view.reads == []  # hidden: nothing read while the selection moves
    view.show()
    qtbot.waitUntil(lambda: view.shown == [2])
    view._on_change(Change(frozenset({Topic.NOTE}), frozenset({3})))
    view._on_change(Change(frozenset({Topic.PROMISE}), frozenset({2})))
    assert view.reads == [2]  # another client's note, or a topic it does not show
    view._on_change(Change(frozenset({Topic.NOTE}), frozenset({2})))
    view._on_change(Change(frozenset({Topic.BOOK})))
    assert len(view.reads) == 3  # shown: read at once
    qtbot.waitUntil(lambda: len(view.shown) >= 2)  # the newest answer always arrives
    assert view.shown[-1] == 2


def test_lazy_page_builds_on_first_show(qtbot) -> None:
    built: list[QLabel] = []

    def build() -> QLabel:
        built.append(QLabel("page"))
        return built[-1]

    lazy: LazyPage[QLabel] = LazyPage(build)
    qtbot.addWidget(lazy)
    assert not lazy.built and built == []
    lazy.show()
    assert lazy.built and lazy.page() is built[0] and len(built) == 1


def test_page_header(qtbot) -> None:
    button = QPushButton("Go")
    header = PageHeader("Due for contact", button, hint="")
    qtbot.addWidget(header)
    header.set_summary("3 clients are due.")
    header.show()
    assert header.title.text() == "Due for contact" and header.summary.text().startswith("3")
    assert button.parent() is header and header.hint.isHidden()
    with_hint = PageHeader("Resources", hint="People worth recommending.")
    qtbot.addWidget(with_hint)
    with_hint.show()
    assert with_hint.hint.isVisible()
