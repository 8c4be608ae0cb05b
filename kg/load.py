"""Write extractions into the store: one named graph per article, replaced atomically."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.labels import graph_entities, refresh_labels
from kg.model import Entity, Extraction
from kg.rdf import ENTITIES_GRAPH, article_iri, entity_iri, entity_triples, extraction_triples
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

    graph = article_iri(ex.article.id)
    # Reviews survive re-ingest: rejected edges get no plain triple, corrected ones their new one.
    triples = curate_extraction_triples(extraction_triples(ex), ex.facts, load_curation(store))
    before = graph_entities(store, graph)  # entities the old version named may lose a vote
    store.replace_graph(graph, triples)
    refresh_labels(store, before | {entity_iri(e.id) for e in ex.entities})


def write_reference_entities(store: Store, entities: list[Entity]) -> None:
    """Gazetteer entities (labels, QIDs, parents) go to a shared reference graph."""
    triples = [t for e in entities for t in entity_triples(e)]
    before = graph_entities(store, ENTITIES_GRAPH)
    store.replace_graph(ENTITIES_GRAPH, triples)
    refresh_labels(store, before | {entity_iri(e.id) for e in entities})
