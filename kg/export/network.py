"""Network exports for Gephi and spreadsheets: GraphML, GEXF and a nodes/edges CSV pair.

Built from :func:`kg.views.to_networkx` so reviewers' judgements (applied in the views) shape
the exported network exactly as they shape the app's.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import networkx as nx

from kg.schema import ATTRIBUTES
from kg.store import Store

NODE_COLUMNS = ["id", "label", "type", "qid", "mentions"]
EDGE_COLUMNS = ["source", "target", "predicate", "weight", "confidence", "first_seen", "last_seen"]


def network(store: Store, as_of: str | None = None) -> nx.MultiDiGraph:
    """The views' graph, with each edge's stated attributes (amounts, stakes...) added."""
    from kg.views import edges, relations, to_networkx

    g = to_networkx(store, as_of)
    by_key = {(e.subject_id, e.predicate, e.object_id): e for e in edges(relations(store, as_of))}
    for s, o, key, data in g.edges(keys=True, data=True):
        edge = by_key.get((s, data.get("predicate", key), o))
        if edge is None:
            continue
        for name in ATTRIBUTES:
            value = edge.attribute(name)
            if value is not None:
                data[name] = _scalar(value)
    return g


def _scalar(value: Any) -> Any:
    """GraphML/GEXF take str, int, float and bool only."""
    if isinstance(value, (bool, int, float, str)):
        return value
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)


def _clean(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy without None values (the GraphML/GEXF writers reject them)."""
    out = nx.MultiDiGraph()
    for n, data in g.nodes(data=True):
        out.add_node(n, **{k: _scalar(v) for k, v in data.items() if v is not None})
    for s, o, key, data in g.edges(keys=True, data=True):
        out.add_edge(s, o, key=key, **{k: _scalar(v) for k, v in data.items() if v is not None})
    return out


def write_graphml(store: Store, output: Path, as_of: str | None = None) -> int:
    g = _clean(network(store, as_of))
    nx.write_graphml(g, output, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return g.number_of_edges()


def write_gexf(store: Store, output: Path, as_of: str | None = None) -> int:
    g = _clean(network(store, as_of))
    for _s, _o, key, data in g.edges(keys=True, data=True):
        data.setdefault("label", key)
    nx.write_gexf(g, output, encoding="utf-8", prettyprint=True)
    return g.number_of_edges()


def write_csv(store: Store, output: Path, as_of: str | None = None) -> int:
    """``output`` is a directory; it gets ``nodes.csv`` and ``edges.csv`` (Gephi can import both)."""
    g = network(store, as_of)
    output.mkdir(parents=True, exist_ok=True)
    with (output / "nodes.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(NODE_COLUMNS)
        for n, data in sorted(g.nodes(data=True)):
            w.writerow([n, *(_cell(data.get(c)) for c in NODE_COLUMNS[1:])])
    columns = EDGE_COLUMNS + list(ATTRIBUTES)
    with (output / "edges.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(columns)
        rows = sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1]))
        for s, o, key, data in rows:
            values = {"source": s, "target": o, "predicate": data.get("predicate", key), **data}
            w.writerow([_cell(values.get(c)) for c in columns])
    return g.number_of_edges()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) >= 1:
        return str(int(value))  # 4000000000, not 4000000000.0, for spreadsheets
    return str(value)
