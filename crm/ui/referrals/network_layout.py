"""Where each node of the network goes: radial trees, packed in rows, largest first. No Qt."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from crm.services.referral_network import Forest

RING = 60.0  # distance between generations
GAP = 60.0  # between trees
SPACING = 40.0  # between neighbours on a ring


@dataclass
class Layout:
    pos: dict[int, tuple[float, float]] = field(default_factory=dict)
    expanded: list[int] = field(default_factory=list)  # roots drawn as whole trees
    collapsed: list[int] = field(default_factory=list)  # roots drawn as one node each


def node_radius(brought: int) -> float:
    return 5.0 + 3.2 * math.sqrt(brought)


def radial(forest: Forest, root: int) -> tuple[dict[int, tuple[float, float]], float]:
    """Positions around (0, 0) and the tree's radius. Iterative; each subtree gets an angle
    in proportion to its leaves, so big branches get room."""
    order = forest.members(root)
    leaves: dict[int, int] = {}
    for node in reversed(order):
        kids = forest.children.get(node, ())
        leaves[node] = sum(leaves[k] for k in kids) if kids else 1
    depth = {root: 0}
    per_depth: dict[int, int] = {}
    for node in order[1:]:
        depth[node] = depth[forest.parent[node]] + 1
        per_depth[depth[node]] = per_depth.get(depth[node], 0) + 1
    # Each ring is one generation, wide enough for its people side by side (SPACING apart).
    ring = [0.0]
    for d in range(1, max(per_depth, default=0) + 1):
        ring.append(max(ring[-1] + RING, per_depth[d] * SPACING / (2 * math.pi)))
    pos = {root: (0.0, 0.0)}
    span = {root: (0.0, 2 * math.pi)}
    radius = node_radius(forest.brought.get(root, 0))
    for node in order:
        start, end = span[node]
        kids = forest.children.get(node, ())
        total = leaves[node] or 1
        a = start
        for k in kids:
            width = (end - start) * leaves[k] / total
            mid = a + width / 2
            r = ring[depth[k]]
            pos[k] = (r * math.cos(mid), r * math.sin(mid))
            span[k] = (a, a + width)
            radius = max(radius, r + node_radius(forest.brought.get(k, 0)))
            a += width
    return pos, radius


def root_of(forest: Forest, node: int) -> int:
    """The first referrer of the tree ``node`` is in."""
    seen = {node}
    while node in forest.parent:
        node = forest.parent[node]
        if node in seen:  # a circle would be a bug in the book; stop rather than spin
            break
        seen.add(node)
    return node


def layout(
    forest: Forest, node_budget: int = 1500, min_trees: int = 1, first: int | None = None
) -> Layout:
    """Whole trees, largest first, until ``node_budget`` nodes are drawn; the rest collapsed
    into their root, in a grid below. ``first``: a root whose tree is drawn whole, first."""
    out = Layout()
    used = 0
    roots = list(forest.roots)
    if first is not None and first in roots and forest.tree_size(first) >= 2:
        roots.remove(first)
        roots.insert(0, first)
    for i, root in enumerate(roots):
        size = forest.tree_size(root)
        if size < 2:
            break
        if i >= min_trees and used + size > node_budget:
            break
        out.expanded.append(root)
        used += size
    out.collapsed = [r for r in forest.roots if r not in set(out.expanded)]
    placed = [(root, *radial(forest, root)) for root in out.expanded]
    area = sum((2 * rad + GAP) ** 2 for _r, _p, rad in placed)
    row_width = max(math.sqrt(area) * 1.4, 600.0)
    x = y = 0.0
    row_height = 0.0
    for _root, pos, rad in placed:
        cell = 2 * rad + GAP
        if x > 0 and x + cell > row_width:
            x, y = 0.0, y + row_height
            row_height = 0.0
        cx, cy = x + rad, y + rad
        for node, (px, py) in pos.items():
            out.pos[node] = (cx + px, cy + py)
        x += cell
        row_height = max(row_height, cell)
    y += row_height + GAP
    x = 0.0
    cell = 34.0
    per_row = max(1, int(row_width // cell))
    for i, root in enumerate(out.collapsed):
        out.pos[root] = (x + (i % per_row) * cell, y + (i // per_row) * cell)
    return out
