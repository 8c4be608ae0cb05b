"""The store: idempotent article graphs, provenance in RDF, term round trips, derived views."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD
from sample_graph import sample_extractions

from kg.load import write_extraction
from kg.rdf import (
    ONTOLOGY_GRAPH,
    PREFIXES,
    SPARQL_PREFIXES,
    article_iri,
    extraction_triples,
    ontology_graph,
)
from kg.store import OxigraphStore, QuerySyntaxError, StoreError, from_ox, to_ox
from kg.views import edges, entities, relations, to_networkx


@pytest.fixture()
def store() -> OxigraphStore:
    s = OxigraphStore(None)
    for ex in sample_extractions():
        write_extraction(s, ex)
    return s


def test_term_round_trip() -> None:
    for term in (
        URIRef("https://w3id.org/regwatch/id/amazon"),
        Literal("plain"),
        Literal("Anthropic", lang="en"),
        Literal("2024-01-25", datatype=XSD.date),
        Literal(Decimal("0.85"), datatype=XSD.decimal),
        BNode("b1"),
    ):
        assert from_ox(to_ox(term)) == term


def test_rewriting_an_article_is_idempotent(store: OxigraphStore) -> None:
    before = len(store)
    for ex in sample_extractions():
        write_extraction(store, ex)
    assert len(store) == before
    g = Graph()
    for s, p, o, _ in store.quads(article_iri("s1")):
        g.add((s, p, o))
    expected = Graph()
    for t in extraction_triples(sample_extractions()[0]):
        expected.add(t)
    assert isomorphic(g, expected)


def test_article_graph_holds_plain_triple_and_provenance(store: OxigraphStore) -> None:
    rows = store.select(
        """SELECT ?g ?ev ?start ?conf ?date WHERE { GRAPH ?g {
             rwid:amazon rw:invests_in rwid:anthropic .
             ?a rdf:subject rwid:amazon ; rdf:predicate rw:invests_in ; rdf:object rwid:anthropic ;
                prov:wasDerivedFrom ?g ; rw:evidence ?ev ; rw:char_start ?start ;
                rw:confidence ?conf ; rw:date ?date } } ORDER BY ?date"""
    )
    assert [str(r["g"]) for r in rows] == [str(article_iri("s1")), str(article_iri("s3"))]
    assert str(rows[0]["ev"]) == "Amazon will invest $4 billion in Anthropic."
    assert int(rows[0]["start"]) == 0 and float(rows[0]["conf"]) == 0.9
    assert store.article_hashes()[str(article_iri("s2"))] == sample_extractions()[1].article.content_hash


def test_ontology_is_loaded_once(store: OxigraphStore) -> None:
    n = sum(1 for _ in store.quads(ONTOLOGY_GRAPH))
    assert n == len(ontology_graph())
    store.ensure_ontology()
    assert sum(1 for _ in store.quads(ONTOLOGY_GRAPH)) == n


def test_views(store: OxigraphStore) -> None:
    ents = {e.id: e for e in entities(store)}
    assert ents["amazon"].mentions == 3 and ents["amazon"].qid == "Q3884"
    assert ents["amazon-web-services"].parent == "amazon" and "AWS" in ents["amazon-web-services"].aliases
    assert ents["trainium"].type == "product"
    rels = relations(store)
    assert len(rels) == 6
    inv = [r for r in rels if (r.subject_id, r.predicate, r.object_id) == ("amazon", "invests_in", "anthropic")]
    assert [r.date for r in inv] == ["2023-09-25", "2024-03-27"]
    assert inv[0].attributes["amount_usd"] == 4e9 and inv[0].subject == "Amazon"
    edge = next(e for e in edges(rels) if e.subject_id == "amazon" and e.predicate == "invests_in")
    assert (edge.weight, edge.first_seen, edge.last_seen, edge.confidence) == (2, "2023-09-25", "2024-03-27", 0.95)
    g = to_networkx(store)
    assert g.has_edge("federal-trade-commission", "anthropic", key="regulates")
    assert g.nodes["amazon"]["label"] == "Amazon"


def test_as_of_restricts_to_earlier_articles(store: OxigraphStore) -> None:
    rels = relations(store, as_of="2023-12-31")
    assert {r.article for r in rels} == {"s1"}
    assert "federal-trade-commission" not in {e.id for e in entities(store, as_of="2023-12-31")}


def test_store_persists_on_disk(tmp_path: Path) -> None:
    s = OxigraphStore(tmp_path / "st")
    write_extraction(s, sample_extractions()[0])
    n = len(s)
    s.close()
    del s
    again = OxigraphStore(tmp_path / "st")
    assert len(again) == n and not again.is_empty()


def test_query_errors_are_one_line(store: OxigraphStore) -> None:
    with pytest.raises(QuerySyntaxError) as err:
        store.query("SELECT ?x WHERE { ?x ")
    assert "\n" not in str(err.value)
    with pytest.raises(StoreError):
        store.select("ASK { ?s ?p ?o }")


def test_select_rows_match_solutions_cell_by_cell(store: OxigraphStore) -> None:
    """Rows are read positionally: each cell must still land under its own variable, with None
    for unbound ones and every kind of term (IRI, blank node, typed/plain/language literal)."""
    text = """
        SELECT ?nothing ?a ?start ?ev ?b ?lang ?plain WHERE {
          GRAPH ?g { ?a a rw:Assertion ; rw:char_start ?start ; rw:evidence ?ev }
          OPTIONAL { ?a rw:no_such_property ?nothing }
          { SELECT ?b WHERE { ?b owl:unionOf ?list } ORDER BY ?b LIMIT 1 }
          BIND(STRLANG("x", "en") AS ?lang) BIND("plain" AS ?plain)
        } ORDER BY ?start ?a"""
    rows = store.select(text)
    assert rows.vars == ["nothing", "a", "start", "ev", "b", "lang", "plain"]
    raw = list(store.raw().query(SPARQL_PREFIXES + text, use_default_graph_as_union=True))
    assert len(rows) == len(raw) > 3
    for row, sol in zip(rows, raw, strict=True):
        assert list(row) == rows.vars
        assert row == {v: from_ox(sol[v]) for v in rows.vars}
        assert row["nothing"] is None and isinstance(row["b"], BNode)
        assert isinstance(row["a"], URIRef) and row["start"].datatype == XSD.integer
        assert row["lang"] == Literal("x", lang="en") and row["plain"] == Literal("plain")


def test_execute_reads_rows_up_to_the_cap(store: OxigraphStore) -> None:
    text = "SELECT ?a ?s WHERE { ?a rw:char_start ?s } ORDER BY ?s ?a"
    full, cut = store.execute(text, prefixes=PREFIXES)
    assert not cut and len(full) > 3
    head, cut = store.execute(text, prefixes=PREFIXES, limit=3)
    assert cut and head.rows == full.rows[:3]
    same, cut = store.execute(text, prefixes=PREFIXES, limit=len(full))
    assert not cut and same.rows == full.rows
