"""The committed ontology matches data/schema.yaml, documents every term and maps to the W3C,
schema.org and Wikidata vocabularies; ``regwatch ontology --check`` notices a stale file."""

from __future__ import annotations

import pytest
from graph_fixtures import ENTITIES, build_store
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.cli import main
from kg.commands.ontology import ONTOLOGY_PATH
from kg.rdf import ONTOLOGY_GRAPH, WD, entity_iri, ontology_graph
from kg.schema import RW, SCHEMA

WDT = "http://www.wikidata.org/prop/direct/"


@pytest.fixture(scope="module")
def committed() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


def test_committed_file_is_the_generated_graph(committed):
    assert isomorphic(committed, ontology_graph())


def test_classes_and_predicates_are_documented(committed):
    for cls in ("Company", "Regulator", "Government", "Person", "Product", "Article"):
        node = RW[cls]
        assert (node, RDF.type, OWL.Class) in committed
        assert committed.value(node, RDFS.label) and committed.value(node, RDFS.comment)
    predicates = set(committed.subjects(RDF.type, OWL.ObjectProperty)) & {RW[p] for p in SCHEMA.predicates}
    assert len(predicates) == 6
    for node in predicates | {RW[a] for a in SCHEMA.attributes}:
        assert committed.value(node, RDFS.label), node
        assert committed.value(node, RDFS.comment), node
        assert committed.value(node, RDFS.isDefinedBy)


def test_mappings_to_standard_vocabularies(committed):
    def targets(node):
        return {str(o) for p in (RDFS.subPropertyOf, OWL.equivalentProperty, SKOS.closeMatch,
                                 RDFS.subClassOf) for o in committed.objects(node, p)}

    assert WDT + "P1951" in targets(RW.invests_in)
    assert WDT + "P127" in targets(RW.acquires)
    assert {WDT + "P749", "http://www.w3.org/ns/org#subOrganizationOf"} <= targets(RW.subsidiary_of)
    assert "http://www.w3.org/ns/org#FormalOrganization" in targets(RW.Company)
    assert "http://www.w3.org/ns/prov#Entity" in targets(RW.Article)
    assert "http://www.w3.org/ns/prov#value" in targets(RW.evidence)
    assert any(t.startswith("https://schema.org/") for t in targets(RW.Person))
    assert (RW.partners_with, RDF.type, OWL.SymmetricProperty) in committed


def test_entities_link_to_wikidata_and_the_store_carries_the_ontology():
    store = build_store()
    rows = store.select("SELECT ?e ?w WHERE { ?e owl:sameAs ?w }")
    same = {(r["e"], r["w"]) for r in rows}
    for e in ENTITIES.values():
        if e.qid:
            assert (entity_iri(e.id), WD[e.qid]) in same
    assert entity_iri("amazon-web-services") == URIRef("https://w3id.org/regwatch/id/amazon-web-services")
    assert ONTOLOGY_GRAPH in store.graphs()


def test_cli_check_and_write(tmp_path, capsys):
    assert main(["ontology", "--check"]) == 0
    out = tmp_path / "onto.ttl"
    assert main(["ontology", "--output", str(out)]) == 0
    assert isomorphic(Graph().parse(out, format="turtle"), ontology_graph())
    assert main(["ontology", "--check", "--output", str(out)]) == 0
    # a stale file: one label changed
    stale = out.read_text().replace('"invests in"@en', '"puts money in"@en')
    assert stale != out.read_text()
    out.write_text(stale)
    capsys.readouterr()
    assert main(["ontology", "--check", "--output", str(out)]) == 1
    assert "out of date" in capsys.readouterr().err
    out.write_text("this is not turtle {")
    assert main(["ontology", "--check", "--output", str(out)]) == 1
    assert main(["ontology", "--check", "--output", str(tmp_path / "missing.ttl")]) == 1
