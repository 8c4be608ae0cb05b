"""Ownership roll-up: units and products count as the group that controls them.

Regulators judge a deal at group level (AWS's cloud credits are Amazon's money), so analysis
maps every entity to its ultimate parent first: gazetteer parent (products -> maker), else a stated
``subsidiary_of``, else the acquirer in a stated, unhedged ``acquires`` (GitHub -> Microsoft). A
group head the gazetteer knows as independent moves only on two articles' word or a reviewer's.
``rollup=False`` keeps units separate but still resolves products to their maker, since a product
cannot invest or buy.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import NamedTuple

from kg.views import EntityRow, RelationRow

SUBSIDIARY = "subsidiary_of"


class Link(NamedTuple):
    """A relation row with its endpoints mapped to analysis ids (the row keeps the original text)."""

    subject: str
    predicate: str
    object: str
    row: RelationRow


def _vote(
    rows: Iterable[RelationRow], pick: Callable[[RelationRow], tuple[str, str] | None]
) -> dict[str, str]:
    """child -> the parent stated most often (ties: the most recently stated, then by id)."""
    votes: dict[str, Counter[str]] = {}
    latest: dict[tuple[str, str], str] = {}
    for r in rows:
        edge = pick(r)
        if edge is None or edge[0] == edge[1]:
            continue
        votes.setdefault(edge[0], Counter())[edge[1]] += 1
        latest[edge] = max(latest.get(edge, ""), r.date or "")
    return {c: max(v, key=lambda p: (v[p], latest[(c, p)], p)) for c, v in votes.items()}


def _subsidiary(r: RelationRow) -> tuple[str, str] | None:
    return (r.subject_id, r.object_id) if r.predicate == SUBSIDIARY else None


def _acquired(r: RelationRow) -> tuple[str, str] | None:
    """A stated, unhedged acquisition makes the target part of the acquirer's group."""
    if r.predicate == "acquires" and not r.attributes.get("hedged"):
        return (r.object_id, r.subject_id)
    return None


def _corroborated(rows: list[RelationRow], known: set[str]) -> list[RelationRow]:
    """Ownership statements about an independent group head the gazetteer knows (the parent or
    maker of other entities) need two articles or a reviewer's acceptance: one misread sentence
    ("OpenAI ... subsidiary of Alphabet") would otherwise fold a whole group into another and
    change every concentration figure."""
    articles: dict[tuple[str, str, str], set[str]] = {}
    for r in rows:
        articles.setdefault((r.subject_id, r.predicate, r.object_id), set()).add(r.article)
    out = []
    for r in rows:
        child = r.object_id if r.predicate == "acquires" else r.subject_id
        if child in known and not r.review and len(articles[(r.subject_id, r.predicate, r.object_id)]) < 2:
            continue
        out.append(r)
    return out


def parent_map(
    entities: Iterable[EntityRow], rows: Iterable[RelationRow], acquisitions: bool = True
) -> dict[str, str]:
    """Immediate parent of each id: gazetteer parent/maker, else stated subsidiary_of, else acquirer."""
    entities = list(entities)
    heads = {e.parent for e in entities if e.parent}  # parents and makers in the reference data
    independent = {e.id for e in entities if e.reference and not e.parent and e.id in heads}
    rows = _corroborated([r for r in rows if r.predicate in {SUBSIDIARY, "acquires"}], independent)
    parents = _vote(rows, _acquired) if acquisitions else {}
    parents.update(_vote(rows, _subsidiary))
    for e in entities:
        if e.parent and e.parent != e.id:
            parents[e.id] = e.parent
    return parents


def _root(node: str, parents: dict[str, str], follow: set[str] | None) -> str:
    """Follow parents to the top; ``follow`` limits which ids may be passed through (products)."""
    seen = {node}
    while node in parents and (follow is None or node in follow):
        nxt = parents[node]
        if nxt in seen:  # a cycle in stated ownership: stop where it closes
            break
        seen.add(nxt)
        node = nxt
    return node


def resolver(
    entities: Iterable[EntityRow],
    rows: Iterable[RelationRow],
    rollup: bool = True,
    acquisitions: bool = True,
) -> dict[str, str]:
    """Entity id -> analysis id for every id in the entities and rows.

    With ``rollup`` units follow gazetteer parents, stated ``subsidiary_of`` edges and (if
    ``acquisitions``) unhedged ``acquires`` edges to the top; without it only products move.
    """
    entities = list(entities)
    rows = list(rows)
    parents = parent_map(entities, rows, acquisitions and rollup)
    products = {e.id for e in entities if e.type == "product"}
    ids = {e.id for e in entities} | {r.subject_id for r in rows} | {r.object_id for r in rows}
    follow = None if rollup else products
    return {i: _root(i, parents, follow) for i in ids}


def links(
    rows: Iterable[RelationRow], mapping: dict[str, str], keep_self: bool = False
) -> list[Link]:
    """Rows as links between analysis ids; ownership edges and (by default) self-links dropped."""
    out = []
    for r in rows:
        if r.predicate == SUBSIDIARY:
            continue
        s = mapping.get(r.subject_id, r.subject_id)
        o = mapping.get(r.object_id, r.object_id)
        if s == o and not keep_self:
            continue
        out.append(Link(s, r.predicate, o, r))
    return out


def members(mapping: dict[str, str]) -> dict[str, list[str]]:
    """Analysis id -> the original ids rolled into it (itself included), for explanations."""
    out: dict[str, set[str]] = {}
    for i, root in mapping.items():
        out.setdefault(root, {root}).add(i)
    return {k: sorted(v) for k, v in out.items()}


def labels(entities: Iterable[EntityRow], rows: Iterable[RelationRow]) -> dict[str, str]:
    """Id -> display label, from entities first and relation rows for ids without an entity row."""
    out: dict[str, str] = {}
    for r in rows:
        out.setdefault(r.subject_id, r.subject)
        out.setdefault(r.object_id, r.object)
    out.update({e.id: e.label for e in entities})
    return out


def types(entities: Iterable[EntityRow]) -> dict[str, str]:
    return {e.id: e.type for e in entities}
