"""The sidebar: one entry per section, each with its icon and, where there is work waiting,
a count badge (今日 24, 我的承诺 13).

今日 is the Today page's own number (its ``loaded`` signal): computing the reminders is the
costly read, and doing it once for the page and again for the badge doubled it after every
change. The other counts are read in ONE place, :func:`read_counts`, through the task runner, a
moment after the book changes (many writes in a row cost one read).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from crm import config

if TYPE_CHECKING:
    from crm.domain.changes import Change
    from crm.services.facade import Services
    from crm.ui.context import UiContext
    from crm.ui.reminders.install import RemindersUi
    from crm.ui.sidebar_badges import BadgeDelegate

KeyRole = Qt.ItemDataRole.UserRole
BadgeRole = Qt.ItemDataRole.UserRole + 1


def icon(name: str) -> QIcon:
    """An icon from ``resources/icons`` (or ``resources/`` for the app's own), empty if absent."""
    base = config.resources_dir()
    for path in (base / "icons" / f"{name}.svg", base / f"{name}.svg"):
        if path.exists():
            return QIcon(str(path))
    return QIcon()


def read_counts(services: Services) -> dict[str, int]:
    """The badges read here, by section key: open promises. Runs on the task runner."""
    return {"promises": services.promises.count_open()}


class Sidebar(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setFixedWidth(160)
        self.setIconSize(QSize(18, 18))
        self._badges: BadgeDelegate | None = None  # see set_badge
        self.setStyleSheet(
            "#sidebar { border: none; background: #f3f4f6; font-size: 14px; outline: 0; }"
            "#sidebar::item { padding: 8px 10px; }"
            "#sidebar::item:selected { background: #dbeafe; color: #1e3a8a; }"
        )

    def make_item(self, key: str, title: str) -> QListWidgetItem:
        item = QListWidgetItem(icon(key), title)
        item.setData(KeyRole, key)
        return item

    def set_badge(self, key: str, count: int) -> None:
        if count and self._badges is None:
            # Drawn by Qt's own delegate until a count comes (after the first paint): the
            # Python one would make the painter's and style options' types at start-up.
            from crm.ui.sidebar_badges import BadgeDelegate

            self._badges = BadgeDelegate(self)
            self.setItemDelegate(self._badges)
        for row in range(self.count()):
            item = self.item(row)
            if item.data(KeyRole) == key:
                item.setData(BadgeRole, count)
                item.setToolTip(f"{item.text()}: {count}" if count else "")

    def badge(self, key: str) -> int:
        for row in range(self.count()):
            item = self.item(row)
            if item.data(KeyRole) == key:
                return int(item.data(BadgeRole) or 0)
        return 0


class SidebarCounts:
    """Keeps the badges in step with the book: a read after start-up, then after changes.

    ``today`` is the Today area: its page's every load sets 今日. A shown page reloads itself
    after a change; a hidden one is asked to (after the first load, which it starts on its own)."""

    def __init__(
        self, ctx: UiContext, sidebar: Sidebar, today: RemindersUi, delay_ms: int = 400
    ) -> None:
        self.ctx, self.sidebar, self.today = ctx, sidebar, today
        self._today_stale = False
        self._timer = QTimer(sidebar, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.refresh)
        ctx.notifier.changed.connect(self._changed)
        today.loaded.connect(lambda n: sidebar.set_badge("today", n))

    def _changed(self, _change: Change) -> None:
        self._today_stale = True
        self._timer.start()

    def refresh(self) -> None:
        services = self.ctx.services
        self.ctx.runner.run(
            lambda: read_counts(services), self._apply, owner=self.sidebar, latest=self
        )
        if self._today_stale:
            self.today.refresh_hidden()
        self._today_stale = False

    def _apply(self, counts: dict[str, int]) -> None:
        for key, n in counts.items():
            self.sidebar.set_badge(key, n)
