"""Write extractions into the store: one named graph per article, replaced atomically."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import URIRef

from kg.labels import graph_entities, refresh_labels
from kg.model import Entity, Extraction
from kg.rdf import (
    ENTITIES_GRAPH,
    Triple,
    article_iri,
    entity_iri,
    entity_triples,
    extraction_triples,
)
from kg.store import Store


@dataclass
class LoadSummary:
    """Counts for the one-line summary at the end of an ingest."""

    ingested: int = 0
    unchanged: int = 0
    skipped: int = 0
    entities: int = 0
    relations: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.ingested} articles ingested, {self.unchanged} unchanged, {self.skipped} skipped; "
            f"{self.entities} entities, {self.relations} relations"
        )


def write_extraction(store: Store, ex: Extraction) -> None:
    """Replace the article's graph with what was extracted now (idempotent by construction)."""
    from kg.curation import curate_extraction_triples, load_curation

    # Reviews survive re-ingest: rejected edges get no plain triple, corrected ones their new one.
    triples = curate_extraction_triples(extraction_triples(ex), ex.facts, load_curation(store))
    replace_describing(store, article_iri(ex.article.id), triples, ex.entities)


def write_reference_entities(store: Store, entities: list[Entity]) -> None:
    """Gazetteer entities (labels, QIDs, parents) go to a shared reference graph."""
    triples = [t for e in entities for t in entity_triples(e)]
    replace_describing(store, ENTITIES_GRAPH, triples, entities)


def replace_describing(
    store: Store, graph: URIRef, triples: Iterable[Triple], entities: Iterable[Entity]
) -> None:
    """Replace a graph that labels entities, then re-derive those entities' canonical labels:
    the ones it names now and the ones its old version named (they may have lost a vote)."""
    before = graph_entities(store, graph)
    store.replace_graph(graph, triples)
    refresh_labels(store, before | {entity_iri(e.id) for e in entities})
