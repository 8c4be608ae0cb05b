"""Every export format, read back by an independent reader (pyoxigraph, rdflib, networkx, csv,
followthemoney) and compared with what the store and the views hold."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from graph_fixtures import ARTICLES, EDGES, ENTITIES, build_store

from kg.cli import main
from kg.errors import RegwatchError
from kg.export import FORMATS, export
from kg.rdf import article_iri
from kg.store import to_ox
from kg.views import edges, entities, relations

CUTOFF = "2023-12-31"


@pytest.fixture(scope="module")
def store():
    return build_store()


def nt(term) -> str:
    return "" if term is None else str(to_ox(term))


def store_quads(store, graphs=None):
    return {
        (nt(s), nt(p), nt(o), nt(g))
        for s, p, o, g in store.quads()
        if graphs is None or str(g) in graphs
    }


def ox_quads(path, fmt):
    return {
        (str(q.subject), str(q.predicate), str(q.object),
         "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name))
        for q in ox.parse(path=str(path), format=fmt)
    }


def canon(quads):
    """Blank node labels differ after a round trip; replace them for comparison."""
    return {tuple("_:b" if x.startswith("_:") else x for x in q) for q in quads}


@pytest.mark.parametrize(
    ("fmt", "oxfmt"),
    [("trig", ox.RdfFormat.TRIG), ("nquads", ox.RdfFormat.N_QUADS), ("jsonld", ox.RdfFormat.JSON_LD)],
)
def test_dataset_formats_keep_every_quad_and_graph(store, tmp_path, fmt, oxfmt):
    out = tmp_path / f"all.{fmt}"
    result = export(store, fmt, out)
    got = ox_quads(out, oxfmt)
    expected = store_quads(store)
    assert result.count == len(expected)
    assert canon(got) == canon(expected)
    assert {q[3] for q in got} >= {f"<{article_iri(a[0])}>" for a in ARTICLES}


@pytest.mark.parametrize(("fmt", "oxfmt"), [("ttl", ox.RdfFormat.TURTLE), ("nt", ox.RdfFormat.N_TRIPLES)])
def test_triple_formats_are_the_merged_union(store, tmp_path, fmt, oxfmt):
    out = tmp_path / f"all.{fmt}"
    export(store, fmt, out)
    got = ox_quads(out, oxfmt)
    assert {q[3] for q in got} == {""}
    expected = {q[:3] + ("",) for q in store_quads(store)}
    assert canon(got) == canon(expected)
    # the plain triple of every fact is there, next to its Assertion node
    for s, p, o in EDGES:
        iri = "https://w3id.org/regwatch/"
        assert (f"<{iri}id/{s}>", f"<{iri}ns#{p}>", f"<{iri}id/{o}>", "") in got


def test_rdf_exports_are_deterministic(store, tmp_path):
    for fmt in ("ttl", "trig", "jsonld"):
        export(store, fmt, tmp_path / f"a.{fmt}")
        export(store, fmt, tmp_path / f"b.{fmt}")
        assert (tmp_path / f"a.{fmt}").read_bytes() == (tmp_path / f"b.{fmt}").read_bytes()


def test_jsonld_context_is_inline_and_rdflib_reads_it(store, tmp_path):
    out = tmp_path / "all.jsonld"
    export(store, "jsonld", out)
    doc = json.loads(out.read_text())
    assert isinstance(doc["@context"], dict)
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(out, format="json-ld")
    assert len(ds.default_graph) == 0  # everything is in named graphs
    got = {(nt(s), nt(p), nt(o), nt(g)) for s, p, o, g in ds.quads()}
    assert canon(got) == canon(store_quads(store))


def test_as_of_keeps_only_older_articles(store, tmp_path):
    out = tmp_path / "old.nquads"
    export(store, "nquads", out, as_of=CUTOFF)
    graphs = {q[3] for q in ox_quads(out, ox.RdfFormat.N_QUADS)}
    articles = {g for g in graphs if "/article/" in g}
    assert articles == {f"<{article_iri(a)}>" for a, d, *_ in ARTICLES if d <= CUTOFF}


def test_graphml_and_gexf_read_back_with_networkx(store, tmp_path):
    rel = relations(store)
    by_edge = {(e.subject_id, e.predicate, e.object_id): e for e in edges(rel)}
    ents = {e.id: e for e in entities(store)}
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = tmp_path / f"net.{fmt}"
        export(store, fmt, out)
        g = reader(out)
        assert set(g.nodes) == set(ents)
        for n, data in g.nodes(data=True):
            assert data["label"] == ents[n].label
            assert data["type"] == ents[n].type
            assert (data.get("qid") or None) == ents[n].qid
        got = {(s, d["predicate"], o): d for s, o, d in g.edges(data=True)}
        assert set(got) == set(EDGES)
        for key, d in got.items():
            e = by_edge[key]
            assert int(d["weight"]) == e.weight
            assert d["first_seen"] == e.first_seen and d["last_seen"] == e.last_seen
            assert float(d["confidence"]) == pytest.approx(e.confidence)
        assert float(got[("microsoft", "invests_in", "openai")]["amount_usd"]) == 1.3e10


def test_csv_nodes_and_edges(store, tmp_path):
    out = tmp_path / "csv"
    export(store, "csv", out)
    with (out / "nodes.csv").open() as fh:
        nodes = {r["id"]: r for r in csv.DictReader(fh)}
    with (out / "edges.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    assert set(nodes) == {e.id for e in entities(store)}
    assert nodes["cma"]["type"] == "regulator" and nodes["cma"]["qid"] == ENTITIES["cma"].qid
    assert {(r["source"], r["predicate"], r["target"]) for r in rows} == set(EDGES)
    amazon = next(r for r in rows if (r["source"], r["target"]) == ("amazon", "anthropic"))
    assert amazon["weight"] == "2" and amazon["first_seen"] == "2023-09-25"
    assert amazon["last_seen"] == "2024-03-27" and float(amazon["amount_usd"]) == 4e9


def test_ftm_entities_validate(store, tmp_path):
    from followthemoney import model

    out = tmp_path / "entities.ftm.json"
    export(store, "ftm", out)
    proxies = [model.get_proxy(json.loads(line), cleaned=False) for line in out.read_text().splitlines()]
    by_id = {p.id: p for p in proxies}
    assert len(by_id) == len(proxies)
    for p in proxies:  # every value must survive FtM's own cleaning
        assert p.to_dict()["properties"] == json.loads(json.dumps(
            model.get_proxy(p.to_dict(), cleaned=False).to_dict()["properties"]))
    ents = entities(store)
    expected_schema = {"company": "Company", "regulator": "PublicBody", "person": "Person"}
    for e in ents:
        if e.type == "product":
            assert f"regwatch-{e.id}" not in by_id
            continue
        p = by_id[f"regwatch-{e.id}"]
        assert p.schema.name == expected_schema[e.type]
        assert p.get("name") == [e.label]
    links = [p for p in proxies if p.schema.name in ("Ownership", "UnknownLink")]
    assert len(links) == len(EDGES)  # no edge in the sample touches a product
    owns = {(p.first("owner"), p.first("asset"), p.first("role")) for p in links if p.schema.name == "Ownership"}
    assert ("regwatch-amazon", "regwatch-anthropic", "investor") in owns
    assert ("regwatch-amazon", "regwatch-amazon-web-services", "subsidiary") in owns  # unit -> asset
    ms = next(p for p in links if p.schema.name == "Ownership"
              and (p.first("owner"), p.first("asset")) == ("regwatch-microsoft", "regwatch-openai"))
    assert ms.first("percentage") == "49" and ms.first("sharesValue") == "13000000000"
    for p in links:
        for prop in ("owner", "asset", "subject", "object"):
            for ref in p.get(prop, quiet=True):
                assert ref in by_id, (p.id, prop, ref)
        assert p.first("startDate")


def test_export_errors(store, tmp_path):
    (tmp_path / "f").write_text("x")
    with pytest.raises(RegwatchError, match="directory"):
        export(store, "csv", tmp_path / "f")
    with pytest.raises(RegwatchError, match="directory"):
        export(store, "ttl", tmp_path)
    with pytest.raises(RegwatchError, match="unknown export format"):
        export(store, "xls", tmp_path / "x.xls")
    with pytest.raises(RegwatchError, match="no such directory"):
        export(store, "ttl", tmp_path / "missing" / "x.ttl")


def test_cli_export(tmp_path, capsys):
    path = tmp_path / "store"
    build_store(path).close()
    assert set(FORMATS) == {"ttl", "nt", "trig", "nquads", "jsonld", "graphml", "gexf", "csv", "ftm"}
    out = tmp_path / "g.trig"
    assert main(["export", "--format", "trig", "--output", str(out), "--store", str(path),
                 "--as-of", CUTOFF]) == 0
    assert "quads" in capsys.readouterr().out
    assert {q[3] for q in ox_quads(out, ox.RdfFormat.TRIG) if "/article/" in q[3]} == {
        f"<{article_iri(a)}>" for a, d, *_ in ARTICLES if d <= CUTOFF
    }
    assert main(["export", "--format", "csv", "--output", str(out), "--store", str(path)]) == 1
    assert "directory" in capsys.readouterr().err


def test_internal_bookkeeping_graphs_are_not_exported(tmp_path: Path) -> None:
    """The alerts snapshot is store bookkeeping, not data: no RDF export carries it."""
    from kg.analysis.alerts import snapshot
    from kg.rdf import ALERTS_GRAPH

    store = build_store()
    snapshot(store)
    assert ALERTS_GRAPH in store.graphs()
    out = tmp_path / "all.trig"
    export(store, "trig", out)
    back = ox.Store()
    back.load(path=str(out), format=ox.RdfFormat.TRIG)
    names = {g.value for g in back.named_graphs()}
    assert str(ALERTS_GRAPH) not in names and len(names) > 3
