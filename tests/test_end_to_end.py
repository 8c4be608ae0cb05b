"""The whole path on the bundled corpus: articles -> entities and relations with evidence -> RDF
store -> SPARQL -> every export format, each read back by an independent reader."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from kg.export import FORMATS, export
from kg.rdf import ENTITY_PREFIX, article_iri
from kg.sparql import run_query
from kg.store import OxigraphStore, Rows
from kg.views import edges, entities, relations

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def rels(corpus_store: OxigraphStore) -> list:
    return relations(corpus_store)


def test_entities_are_found_typed_and_canonical(corpus_store: OxigraphStore) -> None:
    ents = {e.id: e for e in entities(corpus_store)}
    assert ents["anthropic"].type == "company" and ents["anthropic"].label == "Anthropic"
    assert ents["amazon-web-services"].type == "company" and "AWS" in ents["amazon-web-services"].aliases
    assert ents["amazon-web-services"].parent == "amazon"
    assert ents["competition-and-markets-authority"].type == "regulator"
    assert ents["federal-trade-commission"].type == "regulator"
    assert ents["trainium"].type == "product"
    assert ents["microsoft"].qid == "Q2283"
    # suffixes are folded into one canonical entity, not kept as look-alikes
    assert not any(e.startswith("amazon-com") for e in ents)


def test_relations_carry_their_evidence(rels: list) -> None:
    text = {
        json.loads(line)["id"]: json.loads(line)["text"]
        for split in ("tune", "dev")
        for line in (ROOT / "data" / "articles" / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
    }
    inv = [r for r in rels if (r.subject_id, r.predicate, r.object_id) == ("amazon", "invests_in", "anthropic")]
    first = next(r for r in inv if r.article == "t01-amazon-anthropic-4bn")
    assert first.evidence.startswith("Amazon.com Inc. will invest up to $4bn in Anthropic")
    assert first.date == "2023-09-25" and first.attributes.get("amount_usd") == 4e9
    assert len({r.article for r in inv}) >= 4  # several articles, one edge
    sup = [r for r in rels if (r.subject_id, r.predicate, r.object_id) == ("amazon-web-services", "supplies", "anthropic")]
    assert any("Trainium" in r.evidence or "primary cloud" in r.evidence for r in sup)
    reg = {(r.subject_id, r.object_id) for r in rels if r.predicate == "regulates"}
    assert ("federal-trade-commission", "microsoft") in reg
    assert ("competition-and-markets-authority", "microsoft") in reg
    for r in rels:  # every edge points to the exact sentence in its article
        assert text[r.article][r.start : r.end] == r.evidence, r
        assert 0 < r.confidence <= 1 and r.extractor


def test_products_never_are_relation_ends(corpus_store: OxigraphStore, rels: list) -> None:
    products = {e.id for e in entities(corpus_store) if e.type == "product"}
    assert products and not products & {x for r in rels for x in (r.subject_id, r.object_id)}


def test_sparql_over_the_corpus(corpus_store: OxigraphStore) -> None:
    result = run_query(
        corpus_store,
        """SELECT ?investor (COUNT(DISTINCT ?g) AS ?articles) WHERE {
             GRAPH ?g { ?investor rw:invests_in rwid:anthropic } }
           GROUP BY ?investor ORDER BY DESC(?articles)""",
    )
    assert isinstance(result, Rows)
    investors = {str(r["investor"]).removeprefix(ENTITY_PREFIX) for r in result}
    assert {"amazon", "google"} <= investors
    assert run_query(corpus_store, "ASK { rwid:microsoft rw:invests_in rwid:openai }") is True


def test_reingest_is_idempotent(corpus_store_path: Path, tmp_path: Path) -> None:
    """A second ingest of the same corpus, through the CLI, changes nothing."""
    import shutil

    copy = tmp_path / "store"
    shutil.copytree(corpus_store_path, copy)
    before = len(OxigraphStore(copy))
    proc = subprocess.run(
        [sys.executable, "-m", "kg.cli", "ingest", str(ROOT / "data" / "articles"), "--store", str(copy)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    n = len(
        [line for f in (ROOT / "data" / "articles").glob("*.jsonl") for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    )
    assert proc.stdout.strip().startswith(f"0 articles ingested, {n} unchanged, 0 skipped")
    assert len(OxigraphStore(copy)) == before


def test_every_export_reads_back(corpus_store: OxigraphStore, rels: list, tmp_path: Path) -> None:
    edge_set = {(e.subject_id, e.predicate, e.object_id) for e in edges(rels)}
    node_ids = {x for s, _, o in edge_set for x in (s, o)}
    assert set(FORMATS) >= {"ttl", "nt", "trig", "nquads", "jsonld", "graphml", "gexf", "csv", "ftm"}
    rdf_formats = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
                   "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}
    for fmt, rdf_format in rdf_formats.items():
        out = tmp_path / f"graph.{fmt}"
        export(corpus_store, fmt, out)
        back = ox.Store()
        back.load(path=str(out), format=rdf_format)
        triples = {
            (q.subject.value.removeprefix(ENTITY_PREFIX), q.predicate.value.rsplit("#", 1)[-1], q.object.value.removeprefix(ENTITY_PREFIX))
            for q in back
            if q.predicate.value.rsplit("#", 1)[-1] in {p for _, p, _ in edge_set} and isinstance(q.object, ox.NamedNode)
        }
        assert triples == edge_set, fmt
        if fmt in ("trig", "nquads", "jsonld"):  # provenance graphs survive
            assert ox.NamedNode(str(article_iri("t01-amazon-anthropic-4bn"))) in set(back.named_graphs()), fmt
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = tmp_path / f"graph.{fmt}"
        export(corpus_store, fmt, out)
        g = reader(out)
        got = {(s, d["predicate"], o) for s, o, d in g.edges(data=True)}
        assert got == edge_set, fmt
        assert g.nodes["anthropic"]["label"] == "Anthropic" and g.nodes["anthropic"]["type"] == "company"
    export(corpus_store, "csv", tmp_path / "csv")
    with open(tmp_path / "csv" / "edges.csv", newline="", encoding="utf-8") as fh:
        got = {(r["source"], r["predicate"], r["target"]) for r in csv.DictReader(fh)}
    assert got == edge_set
    with open(tmp_path / "csv" / "nodes.csv", newline="", encoding="utf-8") as fh:
        assert node_ids <= {r["id"] for r in csv.DictReader(fh)}
    from followthemoney import model

    export(corpus_store, "ftm", tmp_path / "graph.ftm.jsonl")
    proxies = [model.get_proxy(json.loads(line)) for line in (tmp_path / "graph.ftm.jsonl").read_text(encoding="utf-8").splitlines()]
    names = {n for p in proxies for n in p.get("name", quiet=True)}
    assert {"Anthropic", "Amazon", "Federal Trade Commission"} <= names
    assert any(p.schema.name == "Ownership" for p in proxies)
