"""One canonical label per entity, kept in the labels graph (``kg.rdf.LABELS_GRAPH``).

Article graphs state each entity's label as that article gave it, so a query that wants one
name per entity must pick an article first (SAMPLE + one lookup per row: most of the cost of
``facts-as-of`` at 1M triples). The labels graph holds the name the app shows instead: the label
most article graphs give (the gazetteer's counts 1000 votes), ties to the greater string. It is
derived from the other graphs and refreshed whenever they change (``kg.load``), never edited.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from kg.rdf import ENTITIES_GRAPH, ENTITY_PREFIX, LABELS_GRAPH
from kg.store import Store

REFERENCE_VOTES = 1000  # a gazetteer name outweighs any number of article spellings in practice
VALUES_CHUNK = 500  # entity IRIs per query: keeps remote requests well under URL/body limits


def pick_label(votes: dict[str, int]) -> str:
    """The label with most votes; ties go to the greater string, so the choice is stable."""
    return max(votes, key=lambda label: (votes[label], label))


def _chunks(iris: list[URIRef]) -> list[list[URIRef]]:
    return [iris[i : i + VALUES_CHUNK] for i in range(0, len(iris), VALUES_CHUNK)]


def _values(iris: Iterable[URIRef]) -> str:
    return "VALUES ?e { " + " ".join(f"<{iri}>" for iri in iris) + " }"


def _label_votes(store: Store, iris: list[URIRef] | None) -> dict[URIRef, dict[str, int]]:
    """Entity IRI -> {label: votes}: one per graph stating it, the gazetteer's counting 1000.

    Counted inside the store (a GROUP BY returns one row per spelling, not one per article):
    a hub entity is labelled in thousands of article graphs.
    """
    chunks: list[list[URIRef] | None] = [None] if iris is None else [*_chunks(iris)]
    votes: dict[URIRef, dict[str, int]] = {}
    for chunk in chunks:
        values = "" if chunk is None else _values(chunk)
        counted = store.select(
            f"SELECT ?e ?label (COUNT(?g) AS ?n) WHERE {{ {values} GRAPH ?g {{ ?e rdfs:label ?label }} "
            f'FILTER(?g != <{LABELS_GRAPH}> && STRSTARTS(STR(?e), "{ENTITY_PREFIX}")) }} GROUP BY ?e ?label'
        )
        reference = store.select(
            f"SELECT ?e ?label WHERE {{ {values} GRAPH <{ENTITIES_GRAPH}> {{ ?e rdfs:label ?label }} }}"
        )
        for r in counted:
            by_label = votes.setdefault(URIRef(str(r["e"])), {})
            by_label[str(r["label"])] = by_label.get(str(r["label"]), 0) + int(r["n"])
        for r in reference:  # already counted once above
            by_label = votes.setdefault(URIRef(str(r["e"])), {})
            by_label[str(r["label"])] = by_label.get(str(r["label"]), 0) + REFERENCE_VOTES - 1
    return votes


def _stored(store: Store, iris: list[URIRef]) -> dict[URIRef, set[Literal]]:
    out: dict[URIRef, set[Literal]] = {}
    for chunk in _chunks(iris):
        rows = store.select(
            f"SELECT ?e ?label WHERE {{ {_values(chunk)} "
            f"GRAPH <{LABELS_GRAPH}> {{ ?e rdfs:label ?label }} }}"
        )
        for r in rows:
            out.setdefault(URIRef(str(r["e"])), set()).add(r["label"])
    return out


def refresh_labels(store: Store, entities: Iterable[URIRef] | None = None) -> int:
    """Recompute the canonical label of ``entities`` (every entity when None); returns how
    many labels changed. Call it after writing graphs that mention those entities."""
    if entities is None:
        votes = _label_votes(store, None)
        triples = [(e, RDFS.label, Literal(pick_label(v))) for e, v in sorted(votes.items())]
        store.replace_graph(LABELS_GRAPH, triples)
        return len(triples)
    iris = sorted(set(entities))
    if not iris:
        return 0
    votes = _label_votes(store, iris)
    stored = _stored(store, iris)
    stale, fresh = [], []
    for e in iris:
        want = {Literal(pick_label(votes[e]))} if e in votes else set()
        have = stored.get(e, set())
        stale += [(e, RDFS.label, lit) for lit in have - want]
        fresh += [(e, RDFS.label, lit) for lit in want - have]
    if stale:
        store.remove_triples(LABELS_GRAPH, stale)
    if fresh:
        store.add_triples(LABELS_GRAPH, fresh)
    return len(fresh) + len(stale)


def graph_entities(store: Store, graph: URIRef) -> set[URIRef]:
    """The entities a graph describes (typed and labelled there): whose label it can change."""
    rows = store.select(
        f"SELECT DISTINCT ?e WHERE {{ GRAPH <{graph}> {{ ?e a ?cls ; rdfs:label ?label }} "
        f'FILTER(STRSTARTS(STR(?e), "{ENTITY_PREFIX}")) }}'
    )
    return {URIRef(str(r["e"])) for r in rows}


def ensure_labels(store: Store) -> None:
    """Stores written before the labels graph existed get it built once, on open."""
    if not store.has_graph(LABELS_GRAPH) and not store.is_empty():
        refresh_labels(store)
