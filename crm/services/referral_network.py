"""The whole book's referral forest, for the network view: who is in a tree, largest first.

Pure: :func:`build_forest` turns the linked people into trees; ``ReferralService.forest``
reads them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from crm.services.referral_links import Person, person_from_row


@dataclass
class Forest:
    people: dict[int, Person] = field(default_factory=dict)
    parent: dict[int, int] = field(default_factory=dict)
    children: dict[int, list[int]] = field(default_factory=dict)
    #: Everyone below each person, all levels (0 for those who brought no one).
    brought: dict[int, int] = field(default_factory=dict)
    #: Tree roots (people nobody in the book referred), largest tree first.
    roots: list[int] = field(default_factory=list)
    #: Clients in no tree at all (neither referred nor referring).
    unlinked: int = 0

    def tree_size(self, root: int) -> int:
        return self.brought.get(root, 0) + 1

    def members(self, root: int) -> list[int]:
        """The tree under ``root`` in breadth-first order (iterative)."""
        out = [root]
        i = 0
        while i < len(out):
            out.extend(self.children.get(out[i], ()))
            i += 1
        return out


def build_forest(linked: Iterable[tuple[Any, ...]], active_clients: int) -> Forest:
    """The forest of ``linked`` rows (a person row, then the referrer id), with
    ``active_clients`` the number of active clients in the book (for ``unlinked``)."""
    f = Forest()
    for row in linked:
        f.people[row[0]] = person_from_row(row)
        if row[6] is not None:
            f.parent[row[0]] = row[6]
    for child, par in list(f.parent.items()):
        if par not in f.people:  # a dangling link written from outside Prism
            del f.parent[child]
            continue
        f.children.setdefault(par, []).append(child)
    for kids in f.children.values():
        kids.sort(key=lambda k: f.people[k].name)
    pending = {p: len(k) for p, k in f.children.items()}
    stack = [p for p in f.people if p not in f.children]
    f.brought = dict.fromkeys(f.people, 0)
    while stack:  # leaves first, so every subtree is summed before its parent
        node = stack.pop()
        if node not in f.parent:
            continue
        par = f.parent[node]
        f.brought[par] += f.brought[node] + 1
        pending[par] -= 1
        if pending[par] == 0:
            stack.append(par)
    f.roots = sorted(
        (p for p in f.people if p not in f.parent),
        key=lambda r: (-f.brought[r], f.people[r].name, r),
    )
    f.unlinked = max(0, active_clients - sum(1 for p in f.people.values() if not p.archived))
    return f
