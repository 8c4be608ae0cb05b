"""Circularity: loops where invested money comes back as purchases (the cloud-for-equity loop).

Money edges: ``A invests_in B`` (or acquires) moves money A -> B; ``A supplies B`` moves money
B -> A (the customer pays). A loop of money edges that includes at least one investment and at
least one purchase is a circular structure; loops are bounded in length and in number.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any

from kg.analysis import rollup as ru
from kg.analysis.config import Config, gc_paused, load_config
from kg.analysis.patterns import evidence_list
from kg.model import content_hash
from kg.views import EntityRow, RelationRow

INVEST, PAY = "invests", "pays"
INVEST_PREDICATES = ("invests_in", "acquires")


@dataclass
class Step:
    """One hop of money in a loop, with the relations (and sentences) that move it."""

    source: str
    target: str
    kinds: list[str]
    text: str
    evidence: list[dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        return {
            "from": self.source,
            "to": self.target,
            "kinds": self.kinds,
            "text": self.text,
            "evidence": self.evidence,
        }


@dataclass
class Cycle:
    id: str
    nodes: list[str]
    labels: list[str]
    steps: list[Step]
    description: str

    @property
    def length(self) -> int:
        return len(self.nodes)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "length": self.length,
            "nodes": self.nodes,
            "labels": self.labels,
            "description": self.description,
            "steps": [s.as_dict() for s in self.steps],
        }


MoneyGraph = dict[str, dict[str, dict[str, list[RelationRow]]]]


def money_graph(links: list[ru.Link]) -> MoneyGraph:
    """u -> v -> kind -> rows: who sends money to whom, and why."""
    g: MoneyGraph = {}
    for lk in links:
        if lk.predicate in INVEST_PREDICATES:
            u, v, kind = lk.subject, lk.object, INVEST
        elif lk.predicate == "supplies":
            u, v, kind = lk.object, lk.subject, PAY
        else:
            continue
        g.setdefault(u, {}).setdefault(v, {}).setdefault(kind, []).append(lk.row)
    return g


def _reverse_dist(
    g: MoneyGraph,
    rev: dict[str, list[str]],
    start: str,
    limit: int,
    allowed: dict[str, int],
    floor: int,
) -> dict[str, int]:
    """Hops from each node back to ``start`` (up to ``limit``), through nodes ranked above ``floor``."""
    dist = {start: 0}
    queue = deque([start])
    while queue:
        v = queue.popleft()
        if dist[v] >= limit:
            continue
        for u in rev.get(v, ()):
            if u not in dist and allowed.get(u, -1) > floor:
                dist[u] = dist[v] + 1
                queue.append(u)
    return dist


def valid(kinds: list[set[str]]) -> bool:
    """A loop needs an investment and a purchase on different steps (or on one step each)."""
    inv = [i for i, k in enumerate(kinds) if INVEST in k]
    pay = [i for i, k in enumerate(kinds) if PAY in k]
    return bool(inv and pay) and not (inv == pay and len(inv) == 1)


def enumerate_cycles(
    g: MoneyGraph, max_length: int, max_cycles: int
) -> tuple[list[list[str]], bool]:
    """Simple cycles of 2..max_length nodes, each once (from its smallest node); (cycles, truncated)."""
    nodes = sorted(set(g) | {v for nb in g.values() for v in nb})
    rank = {n: i for i, n in enumerate(nodes)}
    rev: dict[str, list[str]] = {}
    for u, nb in g.items():
        for v in nb:
            rev.setdefault(v, []).append(u)
    found: list[list[str]] = []
    for start in nodes:
        if start not in g or start not in rev:
            continue
        r0 = rank[start]
        dist = _reverse_dist(g, rev, start, max_length - 1, rank, r0 - 1)
        path = [start]
        # iterative DFS: stack of (node, iterator over successors)
        stack = [iter(sorted(g.get(start, {})))]
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                stack.pop()
                path.pop() if len(path) > 1 else None
                continue
            if nxt == start:
                if len(path) >= 2:
                    kinds = [set(g[path[i]][path[(i + 1) % len(path)]]) for i in range(len(path))]
                    if valid(kinds):
                        found.append(list(path))
                        if len(found) >= max_cycles:
                            return found, True
                continue
            if rank[nxt] <= r0 or nxt in path:
                continue
            remaining = max_length - len(path)  # nodes we may still add, then close
            if remaining <= 0 or dist.get(nxt, max_length) > remaining:
                continue
            path.append(nxt)
            stack.append(iter(sorted(g.get(nxt, {}))))
    return found, False


def _step(u: str, v: str, g: MoneyGraph, names: dict[str, str]) -> Step:
    by_kind = g[u][v]
    texts = []
    if INVEST in by_kind:
        texts.append(f"{names.get(u, u)} invests in {names.get(v, v)}")
    if PAY in by_kind:
        texts.append(f"{names.get(u, u)} buys from {names.get(v, v)}")
    rows = [r for kind in sorted(by_kind) for r in by_kind[kind]]
    evidence, _ = evidence_list(rows, limit=5)
    return Step(u, v, sorted(by_kind), " and ".join(texts), evidence)


def find_cycles(
    rows: list[RelationRow],
    entities: list[EntityRow],
    rollup: bool = True,
    config: Config | None = None,
    max_length: int | None = None,
    max_cycles: int | None = None,
) -> tuple[list[Cycle], bool]:
    """Money loops with evidence for each hop, shortest first; (cycles, truncated)."""
    with gc_paused():
        return _find_cycles(rows, entities, rollup, config or load_config(), max_length, max_cycles)


def _find_cycles(
    rows: list[RelationRow],
    entities: list[EntityRow],
    rollup: bool,
    config: Config,
    max_length: int | None,
    max_cycles: int | None,
) -> tuple[list[Cycle], bool]:
    spec = config.get("cycles", {})
    max_length = int(max_length or spec.get("max_length", 4))
    max_cycles = int(max_cycles or spec.get("max_cycles", 200))
    mapping = ru.resolver(entities, rows, rollup)
    names = ru.labels(entities, rows)
    g = money_graph(ru.links(rows, mapping))
    raw, truncated = enumerate_cycles(g, max(2, max_length), max(1, max_cycles))
    out = []
    for nodes in raw:
        steps = [_step(nodes[i], nodes[(i + 1) % len(nodes)], g, names) for i in range(len(nodes))]
        out.append(
            Cycle(
                id=content_hash("cycle", *nodes)[:16],
                nodes=nodes,
                labels=[names.get(n, n) for n in nodes],
                steps=steps,
                description="; ".join(s.text for s in steps),
            )
        )
    out.sort(key=lambda c: (c.length, -sum(len(s.evidence) for s in c.steps), c.nodes))
    return out, truncated
