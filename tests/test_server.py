"""The SPARQL 1.1 Protocol endpoint: the three request styles, content negotiation, CORS,
refusals (updates, SERVICE: never an outbound request), the timeout that really stops a query,
the result cap, SPARQLWrapper as a client, and ``regwatch serve`` itself."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, urlencode

import pyoxigraph as ox
import pytest
from graph_fixtures import ARTICLES, build_store

from kg.rdf import ENTITY_PREFIX, article_iri
from kg.server import DEFAULT_HOST, ServerConfig, start_endpoint
from kg.store import OxigraphStore

TIMEOUT = 3.0
MAX_RESULTS = 40
REGULATORS = "SELECT DISTINCT ?r WHERE { ?r a rw:Regulator } ORDER BY ?r"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("srv") / "store"
    build_store(path).close()
    return path


@pytest.fixture(scope="module")
def endpoint(store_dir):
    cfg = ServerConfig(store=str(store_dir), port=0, timeout=TIMEOUT, max_results=MAX_RESULTS,
                       workers=2, quiet=True)
    ep = start_endpoint(cfg).serve_in_thread()
    yield ep
    ep.close()


def call(url, *, data=None, headers=None, method=None):
    """(status, headers, body) without raising on 4xx/5xx."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def get(ep, query, accept=None, **params):
    qs = urlencode({"query": query, **params})
    return call(f"{ep.url}?{qs}", headers={"Accept": accept} if accept else {})


def post_form(ep, form, accept=None):
    return call(ep.url, data=urlencode(form, doseq=True).encode(),
                headers={"Content-Type": "application/x-www-form-urlencoded",
                         **({"Accept": accept} if accept else {})})


def bindings(body):
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(body)["results"]["bindings"]]


REG_IRIS = [ENTITY_PREFIX + "cma", ENTITY_PREFIX + "ftc"]


def test_get_default_is_sparql_json(endpoint):
    status, headers, body = get(endpoint, REGULATORS)
    assert status == 200
    assert headers["Content-Type"].startswith("application/sparql-results+json")
    assert [b["r"] for b in bindings(body)] == REG_IRIS
    assert headers["Access-Control-Allow-Origin"] == "*"


def test_post_form_and_direct_body_agree(endpoint):
    s1, _h, b1 = post_form(endpoint, {"query": REGULATORS})
    s2, _h, b2 = call(endpoint.url, data=REGULATORS.encode(),
                      headers={"Content-Type": "application/sparql-query"})
    assert s1 == s2 == 200 and b1 == b2
    assert [b["r"] for b in bindings(b1)] == REG_IRIS


@pytest.mark.parametrize(
    ("accept", "ctype", "fmt"),
    [
        ("application/sparql-results+xml", "application/sparql-results+xml", ox.QueryResultsFormat.XML),
        ("text/tab-separated-values", "text/tab-separated-values", ox.QueryResultsFormat.TSV),
        ("text/csv", "text/csv", None),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
         "application/sparql-results+xml", ox.QueryResultsFormat.XML),
    ],
)
def test_select_negotiation(endpoint, accept, ctype, fmt):
    status, headers, body = get(endpoint, REGULATORS, accept=accept)
    assert status == 200 and headers["Content-Type"].startswith(ctype)
    if fmt is None:
        assert body.decode().split() == ["r", *REG_IRIS]
    else:
        assert [s["r"].value for s in ox.parse_query_results(body, format=fmt)] == REG_IRIS


@pytest.mark.parametrize(
    ("accept", "ctype", "fmt"),
    [
        (None, "text/turtle", ox.RdfFormat.TURTLE),
        ("application/n-triples", "application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/ld+json", "application/ld+json", ox.RdfFormat.JSON_LD),
        ("application/rdf+xml", "application/rdf+xml", ox.RdfFormat.RDF_XML),
    ],
)
def test_construct_negotiation(endpoint, accept, ctype, fmt):
    q = "CONSTRUCT { ?r rw:regulates ?c } WHERE { ?r rw:regulates ?c }"
    status, headers, body = get(endpoint, q, accept=accept)
    assert status == 200 and headers["Content-Type"].startswith(ctype)
    triples = {(str(t.subject), str(t.object)) for t in ox.parse(body, format=fmt)}
    expected = {(f"<{ENTITY_PREFIX}{s}>", f"<{ENTITY_PREFIX}{o}>")
                for *_a, sents in ARTICLES for _s, facts in sents for s, p, o, _x in facts
                if p == "regulates"}
    assert triples == expected


def test_ask_and_unacceptable(endpoint):
    status, _h, body = get(endpoint, "ASK { rwid:ftc rw:regulates rwid:openai }")
    assert status == 200 and json.loads(body)["boolean"] is True
    status, _h, body = get(endpoint, REGULATORS, accept="image/png")
    assert status == 406 and b"application/sparql-results+json" in body
    status, _h, _b = get(endpoint, "DESCRIBE rwid:ftc", accept="text/csv")
    assert status == 406


def test_format_parameter_overrides_accept(endpoint):
    status, headers, _b = get(endpoint, REGULATORS, accept="application/sparql-results+json", format="csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")


def test_dataset_parameters(endpoint):
    a3 = str(article_iri("a3"))
    q = "SELECT DISTINCT ?c WHERE { rwid:ftc rw:regulates ?c }"
    status, _h, body = get(endpoint, q, **{"default-graph-uri": str(article_iri("a1"))})
    assert status == 200 and bindings(body) == []
    status, _h, body = get(endpoint, q, **{"default-graph-uri": a3})
    assert len(bindings(body)) == 4
    qn = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    status, _h, body = get(endpoint, qn, **{"named-graph-uri": a3})
    assert [b["g"] for b in bindings(body)] == [a3]
    status, _h, body = get(endpoint, q, **{"as-of": "2023-12-31"})
    assert status == 200 and bindings(body) == []
    status, _h, _b = get(endpoint, q, **{"default-graph-uri": "not an iri"})
    assert status == 400


def test_options_preflight(endpoint):
    status, headers, _b = call(endpoint.url, method="OPTIONS",
                               headers={"Origin": "https://example.org",
                                        "Access-Control-Request-Method": "POST",
                                        "Access-Control-Request-Headers": "content-type"})
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]
    assert "content-type" in headers["Access-Control-Allow-Headers"].lower()


@pytest.mark.parametrize(
    "send",
    [
        lambda ep: get(ep, "DROP ALL"),
        lambda ep: get(ep, 'INSERT DATA { <http://a> <http://b> "c" }'),
        lambda ep: call(f"{ep.url}?update={quote('CLEAR ALL')}"),
        lambda ep: post_form(ep, {"update": "CLEAR ALL"}),
        lambda ep: call(ep.url, data=b"CLEAR ALL", headers={"Content-Type": "application/sparql-update"}),
        lambda ep: call(ep.url, data=b"LOAD <http://127.0.0.1:9/x>",
                        headers={"Content-Type": "application/sparql-query"}),
        lambda ep: call(ep.url, method="PUT", data=b"x", headers={"Content-Type": "text/turtle"}),
    ],
)
def test_updates_refused(endpoint, send):
    status, _h, body = send(endpoint)
    assert status in (403, 405)
    assert b"read-only" in body or b"Update" in body
    # and the data is intact
    assert [b["r"] for b in bindings(get(endpoint, REGULATORS)[2])] == REG_IRIS


class _Recorder(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        _Recorder.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        body = b'{"head":{"vars":["s"]},"results":{"bindings":[]}}'
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET  # noqa: N815

    def log_message(self, *args):
        pass


@pytest.fixture()
def listener():
    _Recorder.hits = []
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}/sparql"
    srv.shutdown()
    srv.server_close()


def test_service_refused_and_no_outbound_request(endpoint, listener):
    # Control: Oxigraph itself WOULD call the listener, so a zero count below means something.
    list(ox.Store().query(f"SELECT * WHERE {{ SERVICE <{listener}> {{ ?s ?p ?o }} }}"))
    assert len(_Recorder.hits) >= 1
    _Recorder.hits.clear()
    for q in (
        f"SELECT * WHERE {{ SERVICE <{listener}> {{ ?s ?p ?o }} }}",
        f"select * where {{ ?x ?y ?z OPTIONAL {{ service silent <{listener}> {{ ?s ?p ?o }} }} }}",
        f"ASK {{ FILTER EXISTS {{ SeRvIcE <{listener}> {{ ?s ?p ?o }} }} }}",
    ):
        status, _h, body = get(endpoint, q)
        assert status == 403 and b"SERVICE" in body
        status, _h, _b = post_form(endpoint, {"query": q})
        assert status == 403
    time.sleep(0.2)
    assert _Recorder.hits == []


def test_literal_service_is_fine(endpoint):
    q = 'SELECT ?t WHERE { ?a rw:title ?t FILTER(CONTAINS(LCASE(?t), "service")) }'
    status, _h, body = get(endpoint, q)
    assert status == 200 and bindings(body) == []


def test_malformed_is_400_with_parser_message(endpoint):
    status, headers, body = get(endpoint, "SELECT * WHERE { ?s ?p ")
    assert status == 400 and headers["Content-Type"].startswith("text/plain")
    assert b"syntax error" in body and body.count(b"\n") == 1
    status, _h, body = get(endpoint, "SELECT * WHERE {\n ?s nosuch:p ?o }")
    assert status == 400 and b"2:" in body


def test_request_errors(endpoint):
    assert call(endpoint.url)[0] == 400  # no query
    assert call(endpoint.url.replace("/sparql", "/nope"))[0] == 404
    status, _h, _b = call(endpoint.url, data=b"query=x", headers={"Content-Type": "text/plain"})
    assert status == 415
    status, _h, _b = call(f"{endpoint.url}?query=ASK{{}}&query=ASK{{}}")
    assert status == 400
    status, headers, body = call(endpoint.url, headers={"Accept": "text/html"})
    assert status == 200 and headers["Content-Type"].startswith("text/html") and b"<form" in body


def test_result_cap(endpoint):
    q = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    status, headers, body = get(endpoint, q)
    assert status == 200 and len(bindings(body)) == MAX_RESULTS
    assert headers["X-SPARQL-MaxRows"] == str(MAX_RESULTS)
    status, headers, body = get(endpoint, "SELECT DISTINCT ?r WHERE { ?r a rw:Regulator }")
    assert "X-SPARQL-MaxRows" not in headers


def test_timeout_kills_the_query_and_the_endpoint_recovers(endpoint):
    pool = endpoint.pool
    killed = pool.killed
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    start = time.monotonic()
    status, headers, body = get(endpoint, q)
    elapsed = time.monotonic() - start
    assert status == 503 and b"longer than" in body and headers["Retry-After"]
    assert TIMEOUT <= elapsed < TIMEOUT + 5
    assert pool.killed == killed + 1
    status, _h, body = get(endpoint, REGULATORS)  # a fresh worker answers
    assert status == 200 and [b["r"] for b in bindings(body)] == REG_IRIS


def test_store_is_locked_against_writers_while_serving(endpoint, store_dir):
    """Another process cannot open the store for writing (the lock is per process)."""
    out = subprocess.run(
        [sys.executable, "-m", "kg.cli", "entities", "--store", str(store_dir)],
        capture_output=True, text=True, timeout=60,
    )
    assert out.returncode == 1 and "another regwatch process" in out.stderr


def test_sparqlwrapper_client(endpoint):
    from SPARQLWrapper import JSON, POST, TURTLE, XML, SPARQLWrapper

    sw = SPARQLWrapper(endpoint.url)
    sw.setQuery(REGULATORS)
    sw.setReturnFormat(JSON)
    res = sw.query().convert()
    assert [b["r"]["value"] for b in res["results"]["bindings"]] == REG_IRIS
    sw.setMethod(POST)
    sw.setReturnFormat(XML)
    doc = sw.query().convert()
    assert len(doc.getElementsByTagName("result")) == 2
    sw.setQuery("ASK { rwid:cma rw:regulates rwid:amazon }")
    sw.setReturnFormat(JSON)
    assert sw.query().convert()["boolean"] is True
    sw.setQuery("CONSTRUCT WHERE { rwid:cma rw:regulates ?c }")
    sw.setReturnFormat(TURTLE)
    data = sw.query().convert()
    assert len(list(ox.parse(data, format=ox.RdfFormat.TURTLE))) == 2
    sw.setReturnFormat(XML)  # SPARQLWrapper's default asks RDF/XML for graphs
    g = sw.query().convert()
    assert len(g) == 2


def test_default_bind_is_loopback():
    assert DEFAULT_HOST == "127.0.0.1"
    assert ServerConfig(store="x").host == "127.0.0.1"


def test_regwatch_serve_command(tmp_path):
    path = tmp_path / "store"
    build_store(path).close()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--store", str(path), "--port", "0",
         "--timeout", "5", "--workers", "1", "--quiet"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        line = proc.stdout.readline()
        assert "SPARQL endpoint on http://127.0.0.1:" in line, proc.stderr.read()
        url = line.split()[3]
        with urllib.request.urlopen(f"{url}?query={quote(REGULATORS)}", timeout=30) as r:
            assert [b["r"]["value"] for b in json.loads(r.read())["results"]["bindings"]] == REG_IRIS
    finally:
        proc.terminate()
        proc.wait(15)
    # the lock is released when serve stops
    OxigraphStore(path).close()


def test_serve_on_a_locked_store_is_a_one_line_error(tmp_path):
    path = tmp_path / "store"
    holder = build_store(path)
    try:
        out = subprocess.run(
            [sys.executable, "-m", "kg.cli", "serve", "--store", str(path), "--port", "0"],
            capture_output=True, text=True, timeout=60,
        )
        assert out.returncode == 1
        assert out.stderr.count("\n") == 1 and "another regwatch process" in out.stderr
    finally:
        holder.close()
