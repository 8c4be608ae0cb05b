"""RemoteStore against a real Virtuoso server: the same loads, views, ready queries, exports and
commands (ingest, entities, relations, query, export) as on Oxigraph, with the same answers."""

from __future__ import annotations

import json
import subprocess
import sys

import pyoxigraph as ox
import pytest
import virtuoso
from graph_fixtures import ARTICLES, EDGES, build_store, fill_store
from rdflib import Graph

from kg.cli import main
from kg.rdf import ENTITIES_GRAPH, ONTOLOGY_GRAPH, article_iri
from kg.remote import RemoteStore, split_location
from kg.sparql import bind_params, execute, format_result, ready_queries
from kg.store import QuerySyntaxError, open_store, to_ox
from kg.views import entities, relations

pytestmark = pytest.mark.virtuoso

_reason = virtuoso.missing_reason()
if _reason:
    pytest.skip(_reason, allow_module_level=True)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = virtuoso.start(tmp_path_factory.mktemp("virtuoso"))
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def remote(server):
    store = RemoteStore(server.url)
    fill_store(store)
    return store


@pytest.fixture(scope="module")
def local():
    return build_store()


def test_open_store_routes_urls(server):
    s = open_store(server.url)
    assert isinstance(s, RemoteStore) and s.query_url == server.url == s.update_url
    q, u = split_location("http://127.0.0.1:1/sparql|http://127.0.0.1:1/update")
    assert (q, u) == ("http://127.0.0.1:1/sparql", "http://127.0.0.1:1/update")


def test_update_url_from_environment(monkeypatch):
    monkeypatch.setenv("REGWATCH_UPDATE_URL", "http://127.0.0.1:1/update")
    assert RemoteStore("http://127.0.0.1:1/sparql").update_url == "http://127.0.0.1:1/update"


def test_graphs_and_quads_round_trip(remote, local):
    assert remote.graphs() == local.graphs()
    assert {ONTOLOGY_GRAPH, ENTITIES_GRAPH} <= remote.graphs()

    def norm(quads):
        out = set()
        for q in quads:
            if any(type(t).__name__ == "BNode" for t in q):
                continue  # blank node labels are the server's own
            out.add(tuple(t.toPython() if hasattr(t, "datatype") and t.datatype else str(t) for t in q))
        return out

    assert norm(remote.quads()) == norm(local.quads())
    assert len(list(remote.quads(ONTOLOGY_GRAPH))) == len(list(local.quads(ONTOLOGY_GRAPH)))


def test_views_agree(remote, local):
    assert [e.as_dict() for e in entities(remote)] == [e.as_dict() for e in entities(local)]
    assert [r.as_dict() for r in relations(remote)] == [r.as_dict() for r in relations(local)]
    cutoff = "2023-12-31"
    assert [r.as_dict() for r in relations(remote, cutoff)] == [r.as_dict() for r in relations(local, cutoff)]


def test_ready_queries_agree(remote, local):
    for q in ready_queries():
        for text in (q.text, bind_params(q.text, {p.name: p.example for p in q.params})):
            a = format_result(execute(local, text).result, "csv")
            b = format_result(execute(remote, text).result, "csv")
            assert a == b, q.name
            assert a.count("\n") > 1, q.name  # real rows, not two empty answers


def test_ask_construct_cap_and_errors(remote):
    assert execute(remote, "ASK { rwid:ftc rw:regulates rwid:openai }").result is True
    assert execute(remote, "ASK { rwid:openai rw:regulates rwid:ftc }").result is False
    g = execute(remote, "CONSTRUCT WHERE { ?s rw:regulates ?o }").result
    assert isinstance(g, Graph) and len(g) == len([e for e in EDGES if e[1] == "regulates"])
    out = execute(remote, "SELECT ?s WHERE { ?s a rw:Company }", max_results=2)
    assert len(out.result) == 2 and out.truncated
    with pytest.raises(QuerySyntaxError):
        remote.query("SELECT * WHERE { ?s ?p }")


def test_replace_is_idempotent(remote):
    before = len(list(remote.quads(article_iri("a1"))))
    fill_store(remote)
    assert len(list(remote.quads(article_iri("a1")))) == before


def test_commands_against_virtuoso(server, remote, local, tmp_path, capsys):
    url = server.url
    assert main(["entities", "--store", url, "--format", "jsonl"]) == 0
    ids = {json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()}
    assert ids == {e.id for e in entities(local)}
    assert main(["relations", "--store", url, "--format", "jsonl", "--predicate", "invests_in"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {(r["subject_id"], r["object_id"]) for r in rows} == {(s, o) for s, p, o in EDGES if p == "invests_in"}
    assert main(["query", "investor-supplier-loops", "--store", url, "--format", "csv"]) == 0
    assert "amazon-web-services" in capsys.readouterr().out
    assert main(["query", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
                 "--store", url]) == 1
    out = tmp_path / "dump.nquads"
    assert main(["export", "--format", "nquads", "--output", str(out), "--store", url]) == 0
    graphs = {str(q.graph_name.value) for q in ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS)}
    assert graphs == {str(g) for g in local.graphs()}
    net = tmp_path / "net.graphml"
    assert main(["export", "--format", "graphml", "--output", str(net), "--store", url,
                 "--as-of", "2023-12-31"]) == 0
    import networkx as nx

    g = nx.read_graphml(net)
    cutoff_articles = {a for a, d, *_ in ARTICLES if d <= "2023-12-31"}
    expected = {(s, p, o) for a, _d, _t, sents in ARTICLES if a in cutoff_articles
                for _s, facts in sents for s, p, o, _x in facts}
    assert {(s, d["predicate"], o) for s, o, d in g.edges(data=True)} == expected


def test_ingest_into_virtuoso(server, tmp_path):
    """The NLP path writes through the same Store interface (one tiny article)."""
    src = tmp_path / "one.jsonl"
    src.write_text(json.dumps({
        "id": "vt-1", "title": "Amazon adds to Anthropic stake", "date": "2024-03-27",
        "text": "Amazon invested a further $2.75 billion in Anthropic. "
                "Anthropic will use AWS as its primary cloud provider.",
    }) + "\n")
    url = server.url
    out = subprocess.run([sys.executable, "-m", "kg.cli", "ingest", str(src), "--store", url],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("1 articles ingested")
    store = RemoteStore(url)
    rels = [r for r in relations(store) if r.article == "vt-1"]
    assert rels and all(r.date == "2024-03-27" for r in rels)
    assert ("amazon", "invests_in", "anthropic") in {(r.subject_id, r.predicate, r.object_id) for r in rels}
    again = subprocess.run([sys.executable, "-m", "kg.cli", "ingest", str(src), "--store", url],
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and "1 unchanged" in again.stdout


def test_terms_survive_virtuoso(remote):
    """Typed literals come back with their datatypes (booleans normalised from 1/0)."""
    rows = remote.select("SELECT ?v WHERE { ?a rw:convertible ?v } LIMIT 1")
    assert str(to_ox(rows.rows[0]["v"])) == '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>'
    rows = remote.select("SELECT ?d WHERE { ?a rw:published ?d } LIMIT 1")
    assert str(rows.rows[0]["d"].datatype).endswith("#date")


def test_endpoint_in_front_of_virtuoso(server, remote):
    """``regwatch serve --store URL``: the guard and formats in front of a remote store."""
    import urllib.error
    import urllib.request
    from urllib.parse import urlencode

    from kg.server import ServerConfig, start_endpoint

    cfg = ServerConfig(store=server.url, port=0, timeout=30, max_results=100, workers=1, quiet=True)
    with start_endpoint(cfg).serve_in_thread() as ep:
        q = urlencode({"query": "SELECT DISTINCT ?r WHERE { ?r a rw:Regulator } ORDER BY ?r"})
        with urllib.request.urlopen(f"{ep.url}?{q}", timeout=30) as r:
            rows = json.loads(r.read())["results"]["bindings"]
        got = [b["r"]["value"].rsplit("/", 1)[-1] for b in rows]
        assert {"cma", "ftc"} <= set(got) and got == sorted(got)  # the gazetteer may add more
        bad = urlencode({"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"})
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(f"{ep.url}?{bad}", timeout=30)
        assert err.value.code == 403
