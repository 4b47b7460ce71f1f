"""Names in the network without overlaps: the people who brought most are named first, each
name on the right of its node, else on its left, else not at all (the tooltip still names
them). Labels scale with the view, so one placement holds at every zoom."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

if TYPE_CHECKING:
    from crm.ui.referrals.network import NodeItem

CELL = 40.0  # the grid the taken rectangles are filed in, in scene units


class _Taken:
    """Rectangles already used, filed in a grid so each check looks at its neighbours only."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[QRectF]] = {}

    def _keys(self, rect: QRectF) -> Iterator[tuple[int, int]]:
        for gx in range(int(rect.left() // CELL), int(rect.right() // CELL) + 1):
            for gy in range(int(rect.top() // CELL), int(rect.bottom() // CELL) + 1):
                yield gx, gy

    def hits(self, rect: QRectF, ignore: QRectF) -> bool:
        return any(
            r != ignore and r.intersects(rect)
            for k in self._keys(rect)
            for r in self.cells.get(k, ())
        )

    def add(self, rect: QRectF) -> None:
        for k in self._keys(rect):
            self.cells.setdefault(k, []).append(rect)


def place_labels(nodes: Sequence[NodeItem]) -> None:
    taken = _Taken()
    for node in nodes:
        taken.add(node.sceneBoundingRect())
    ordered = sorted(nodes, key=lambda n: -n.rect().width())  # bigger node: brought more
    for node in ordered:
        label = node.label
        if label is None:
            continue
        r = node.rect().width() / 2
        size = label.boundingRect()
        own = node.sceneBoundingRect()
        for x in (r + 2, -r - 2 - size.width()):
            label.setPos(x, -size.height() / 2)
            rect = label.sceneBoundingRect().adjusted(1, 1, -1, -1)
            if not taken.hits(rect, ignore=own):  # its own node may touch it, no one else's
                taken.add(rect)
                label.setData(0, True)
                break
        else:
            label.setData(0, False)
            label.setVisible(False)
