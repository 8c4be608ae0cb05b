"""RDF exports: Turtle and N-Triples (all graphs merged), TriG, N-Quads and JSON-LD (graphs kept).

Written with pyoxigraph's streaming serialisers after a stable sort, so the same store always
gives byte-identical files. JSON-LD carries an inline ``@context``: readers never fetch one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.rdf import INTERNAL_GRAPHS, PREFIXES
from kg.store import Store, to_ox

Quad = tuple[Any, Any, Any, Any]

RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
}


def dataset_quads(store: Store, as_of: str | None = None) -> Iterator[Quad]:
    """Every quad of the store, or of the graphs visible ``as_of`` a date."""
    from kg.views import as_of_graphs

    graphs = as_of_graphs(store, as_of)
    if graphs is None:
        yield from (q for q in store.quads() if q[3] not in INTERNAL_GRAPHS)
        return
    present = store.graphs()
    for g in graphs:
        if g in present and g not in INTERNAL_GRAPHS:
            yield from store.quads(g)


def _key(term: Any) -> str:
    return "" if term is None else str(to_ox(term))


def sorted_quads(quads: Iterable[Quad]) -> list[Quad]:
    """Graph, then subject, predicate, object: groups Turtle/TriG blocks, fixes the order."""
    keyed = {(_key(g), _key(s), _key(p), _key(o)): (s, p, o, g) for s, p, o, g in quads}
    return [keyed[k] for k in sorted(keyed)]


def merged_triples(quads: Iterable[Quad]) -> list[tuple[Any, Any, Any]]:
    """The union of all graphs as one set of triples (a triple stated twice is written once)."""
    keyed = {(_key(s), _key(p), _key(o)): (s, p, o) for s, p, o, _g in quads}
    return [keyed[k] for k in sorted(keyed)]


def used_prefixes(quads: Iterable[tuple[Any, ...]]) -> dict[str, str]:
    iris = {str(t) for q in quads for t in q if isinstance(t, URIRef)}
    return {k: v for k, v in PREFIXES.items() if any(i.startswith(v) for i in iris)}


def write_rdf(store: Store, fmt: str, output: Path, as_of: str | None = None) -> int:
    """Write one of ttl/nt/trig/nquads/jsonld; returns the number of triples or quads written."""
    quads = list(dataset_quads(store, as_of))
    if fmt == "jsonld":
        items = sorted_quads(quads)
        doc = jsonld_document(items)
        output.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return len(items)
    rdf_format = RDF_FORMATS[fmt]
    if rdf_format.supports_datasets:
        items = sorted_quads(quads)
        ox_items: list[Any] = [
            ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g)) for s, p, o, g in items
        ]
    else:
        triples = merged_triples(quads)
        items = triples  # type: ignore[assignment]
        ox_items = [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples]
    prefixes = used_prefixes(quads) if fmt in ("ttl", "trig") else None
    with output.open("wb") as fh:
        ox.serialize(ox_items, fh, rdf_format, prefixes=prefixes)
    return len(items)


# --- JSON-LD ---------------------------------------------------------------------------------


def _compact(iri: str, prefixes: dict[str, str]) -> str:
    """prefix:local where a standard prefix fits (JSON-LD expands it from the inline context)."""
    best = max((k for k, v in prefixes.items() if iri.startswith(v)), key=lambda k: len(prefixes[k]),
               default=None)
    if best is None:
        return iri
    local = iri[len(prefixes[best]):]
    if local.startswith("//") or not local:
        return iri
    return f"{best}:{local}"


def _node_id(term: Any, prefixes: dict[str, str]) -> str:
    if isinstance(term, BNode):
        return f"_:{term}"
    return _compact(str(term), prefixes)


def _value(term: Any, prefixes: dict[str, str]) -> dict[str, str]:
    if isinstance(term, (URIRef, BNode)):
        return {"@id": _node_id(term, prefixes)}
    lit: Literal = term
    out = {"@value": str(lit)}
    if lit.language:
        out["@language"] = lit.language
    elif lit.datatype is not None and lit.datatype != XSD.string:
        out["@type"] = _compact(str(lit.datatype), prefixes)
    return out


def jsonld_document(quads: Iterable[Quad], prefixes: dict[str, str] | None = None) -> dict[str, Any]:
    """Expanded-style JSON-LD with compact IRIs and an inline ``@context`` of the prefixes used.

    Named graphs become ``{"@id": graph, "@graph": [...]}`` objects so provenance survives.
    """
    items = list(quads)
    prefixes = prefixes if prefixes is not None else used_prefixes(items)
    graphs: dict[Any, dict[Any, dict[str, Any]]] = {}
    for s, p, o, g in items:
        node = graphs.setdefault(g, {}).setdefault(s, {"@id": _node_id(s, prefixes)})
        if p == RDF.type and isinstance(o, (URIRef, BNode)):
            node.setdefault("@type", []).append(_node_id(o, prefixes))
        else:
            node.setdefault(_compact(str(p), prefixes), []).append(_value(o, prefixes))
    default = graphs.pop(None, {})
    top: list[dict[str, Any]] = list(default.values())
    for g, nodes in graphs.items():
        holder = default.get(g)  # a graph name also described in the default graph: one object
        if holder is None:
            holder = {"@id": _node_id(g, prefixes)}
            top.append(holder)
        holder["@graph"] = list(nodes.values())
    return {"@context": dict(prefixes), "@graph": top}
