"""The referral network of the whole book: nodes sized by how many they brought, status colours.

Readable at thousands of clients: the largest trees are drawn whole (up to a node budget), the
rest collapse into their root, shown as one node with the size of its tree; "Show more trees"
raises the budget. Wheel zooms around the cursor, drag pans, a click opens the client.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPainterPath, QPen, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from crm.domain.risk_badge import badge_text
from crm.services.referral_links import Person
from crm.services.referral_network import Forest
from crm.ui.referrals.network_labels import place_labels
from crm.ui.referrals.network_layout import Layout, layout, node_radius, root_of
from crm.ui.referrals.style import ARCHIVED_COLOUR, colour_of, status_text

#: Leaves' names appear once zoomed in this far (referrers' names always show).
LEAF_LABELS_FROM = 1.3


class NodeItem(QGraphicsEllipseItem):
    def __init__(self, person: Person, brought: int, collapsed: bool, x: float, y: float):
        r = node_radius(brought) if not collapsed else min(14.0, node_radius(brought))
        super().__init__(-r, -r, 2 * r, 2 * r)
        self.client_id = person.id
        self.person = person
        self.setPos(x, y)
        colour = QColor(colour_of(person))
        fill = QColor(colour)
        if person.archived:
            fill = QColor("#e5e7eb")
        self.setBrush(QBrush(fill))
        pen = QPen(colour.darker(130), 1.5)
        if person.archived:
            pen.setStyle(Qt.PenStyle.DashLine)
        if collapsed:
            pen = QPen(QColor("#111827"), 2.0)
        self.setPen(pen)
        self.setZValue(2)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.label: QGraphicsSimpleTextItem | None = None


class NetworkView(QGraphicsView):
    client_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referralNetwork")
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QBrush(QColor("#fafafa")))
        self.nodes: dict[int, NodeItem] = {}
        #: Client id -> risk badge level (crm.domain.risk_badge) of those with a signal open.
        self.badges: dict[int, int] = {}
        # The forest drawn (None before the first): "Show more trees" draws more of it.
        self.forest: Forest | None = None
        self.layout_info = Layout()
        self._leaf_labels: list[QGraphicsSimpleTextItem] = []
        self._press: QPointF | None = None
        self._first_tree: list[int] = []
        self._focus_ring: QGraphicsEllipseItem | None = None

    # -- building ------------------------------------------------------------------------------

    def set_forest(self, forest: Forest, node_budget: int = 1500, focus: int | None = None) -> None:
        """Draw ``forest``; ``focus``: a client whose tree is drawn first and framed."""
        scene = self.scene()
        scene.clear()
        self.nodes.clear()
        self._leaf_labels.clear()
        self._focus_ring = None
        self.forest = forest
        root = root_of(forest, focus) if focus is not None and focus in forest.people else None
        info = layout(forest, node_budget, first=root)
        self.layout_info = info
        edges = QPainterPath()
        expanded = [n for root in info.expanded for n in forest.members(root)]
        self._first_tree = forest.members(info.expanded[0]) if info.expanded else []
        for node in expanded:
            par = forest.parent.get(node)
            if par is not None and par in info.pos:
                edges.moveTo(*info.pos[par])
                edges.lineTo(*info.pos[node])
        path = QGraphicsPathItem(edges)
        path.setPen(QPen(QColor("#cbd5e1"), 1.0))
        path.setZValue(1)
        scene.addItem(path)
        collapsed = set(info.collapsed)
        for node in [*expanded, *info.collapsed]:
            person = forest.people[node]
            brought = forest.brought.get(node, 0)
            item = NodeItem(person, brought, node in collapsed, *info.pos[node])
            item.setToolTip(self._tooltip(person, brought, node in collapsed))
            scene.addItem(item)
            self.nodes[node] = item
            badge = badge_text(self.badges.get(node, 0))
            name = f"{badge} {person.label}" if badge else person.label
            if brought or node in collapsed:
                text = name if node not in collapsed else f"{name} +{brought}"
                self._label(item, text, leaf=False)
            else:
                self._label(item, name, leaf=True)
        place_labels(list(self.nodes.values()))
        rect = scene.itemsBoundingRect().adjusted(-40, -40, 40, 40)
        scene.setSceneRect(rect)
        if focus is not None and focus in self.nodes:
            self.focus_client(focus)
        else:
            self.fit_largest()

    def focus_client(self, client_id: int) -> bool:
        """Frame the tree this client is in and ring them; False when they are not drawn."""
        item = self.nodes.get(client_id)
        if item is None or self.forest is None:
            return False
        rect = QRectF()
        for node in self.forest.members(root_of(self.forest, client_id)):
            if node in self.nodes:
                rect = rect.united(self.nodes[node].sceneBoundingRect())
        self.fitInView(rect.adjusted(-80, -80, 80, 80), Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m11() > 2.5:  # a small tree: not blown up to fill the view
            self.zoom(2.5 / self.transform().m11())
        self._zoomed()
        if self._focus_ring is not None:
            self.scene().removeItem(self._focus_ring)
        r = item.rect().width() / 2 + 5
        ring = QGraphicsEllipseItem(-r, -r, 2 * r, 2 * r)
        ring.setPos(item.pos())
        ring.setPen(QPen(QColor("#f59e0b"), 3.0))
        ring.setZValue(1.5)  # under the nodes and their names, over the lines
        self.scene().addItem(ring)
        self._focus_ring = ring
        self.centerOn(item)
        return True

    def _label(self, item: NodeItem, text: str, leaf: bool) -> None:
        label = QGraphicsSimpleTextItem(text, item)
        r = item.rect().width() / 2
        label.setPos(r + 2, -8)
        label.setBrush(QBrush(QColor(ARCHIVED_COLOUR if item.person.archived else "#111827")))
        item.label = label
        if leaf:
            self._leaf_labels.append(label)
            label.setVisible(self.transform().m11() >= LEAF_LABELS_FROM)

    def _tooltip(self, p: Person, brought: int, collapsed: bool) -> str:
        text = f"{p.name} · {status_text(p)}"
        if brought:
            text += "\n" + self.tr("Brought {n} (all levels)").format(n=brought)
        if collapsed:
            text += "\n" + self.tr("Tree collapsed: use Show more trees")
        if level := self.badges.get(p.id, 0):
            text += "\n" + self.tr("{badge} Risk signals open: {n}").format(
                badge=badge_text(level), n=level % 1000
            )
        return text

    def fit_largest(self) -> None:
        """Frame the largest tree (or everything, when nothing is expanded)."""
        rect = QRectF()
        for node in self._first_tree:
            rect = rect.united(self.nodes[node].sceneBoundingRect())
        if rect.isEmpty():
            rect = self.scene().sceneRect()
        self.fitInView(rect.adjusted(-60, -60, 60, 60), Qt.AspectRatioMode.KeepAspectRatio)
        self._zoomed()

    # -- zoom, pan, click ----------------------------------------------------------------------

    def zoom(self, factor: float) -> None:
        current = self.transform().m11()
        factor = max(0.02 / current, min(factor, 8.0 / current))
        self.scale(factor, factor)
        self._zoomed()

    def _zoomed(self) -> None:
        show = self.transform().m11() >= LEAF_LABELS_FROM
        for label in self._leaf_labels:
            label.setVisible(show and label.data(0) is not False)  # False: no room for it

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom(1.0015 ** event.angleDelta().y())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        event.accept()
        press, self._press = self._press, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if (event.position() - press).manhattanLength() > 4:
            return  # a drag (pan), not a click
        item = self.itemAt(event.position().toPoint())
        while item is not None and not isinstance(item, NodeItem):
            item = item.parentItem()
        if isinstance(item, NodeItem):
            self.client_clicked.emit(item.client_id)
