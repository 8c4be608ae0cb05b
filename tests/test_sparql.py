"""The query guard (updates and SERVICE refused by parsing), running with prefixes, caps and
as-of, and the result formats read back by pyoxigraph's independent parsers."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
from graph_fixtures import ARTICLES, build_store
from rdflib import Graph, Literal, URIRef

from kg.model import Article, Extraction
from kg.rdf import ENTITY_PREFIX, article_iri
from kg.sparql import (
    QueryKind,
    UnsafeQuery,
    bind_params,
    check_query,
    execute,
    format_result,
    negotiate,
    param_term,
    query_form,
    run_query,
)
from kg.store import QuerySyntaxError, Rows


@pytest.fixture(scope="module")
def store():
    s = build_store()
    # A title containing the word SERVICE, to prove literals are not mistaken for the keyword.
    from kg.load import write_extraction

    write_extraction(s, Extraction(Article("svc", "Cloud SERVICE outage", "text", "2022-01-01")))
    return s


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", QueryKind.SELECT),
        ("PREFIX x: <http://x/> ASK { ?s x:p ?o }", QueryKind.ASK),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", QueryKind.CONSTRUCT),
        ("CONSTRUCT WHERE { ?s ?p ?o }", QueryKind.CONSTRUCT),
        ("DESCRIBE rwid:amazon", QueryKind.DESCRIBE),
        ("# a comment\nBASE <http://x/>\nSELECT ?s { ?s a rw:Company }", QueryKind.SELECT),
    ],
)
def test_check_query_kinds(text, kind):
    assert check_query(text) is kind
    assert query_form(text) is kind


UPDATES = [
    'INSERT DATA { <http://a> <http://b> "c" }',
    'DELETE DATA { <http://a> <http://b> "c" }',
    "DELETE WHERE { ?s ?p ?o }",
    "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "CLEAR ALL",
    "drop graph <http://g>",
    "CREATE GRAPH <http://g>",
    "ADD <http://a> TO <http://b>",
    "MOVE DEFAULT TO <http://b>",
    "COPY <http://a> TO <http://b>",
    "PREFIX x: <http://x/>\nINSERT DATA { x:a x:b x:c }",
    # Not valid SPARQL at all, but clearly an attempt at an update: still refused as such.
    "INSERT DATA { <http://a> <http://b> }",
]


@pytest.mark.parametrize("text", UPDATES)
def test_updates_are_refused(text):
    with pytest.raises(UnsafeQuery, match="Update"):
        check_query(text)


SERVICES = [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "select * where { service <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SeRvIcE SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE ?endpoint { ?s ?q ?r } } }",
    "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://127.0.0.1:9/> { ?s ?q ?r } } }",
    "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } } }",
    "ASK { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * WHERE {\n# comment\nSERVICE\n<http://127.0.0.1:9/>\n{ ?s ?p ?o } }",
]


@pytest.mark.parametrize("text", SERVICES)
def test_service_is_refused(text):
    with pytest.raises(UnsafeQuery, match="SERVICE"):
        check_query(text)


def test_service_is_refused_before_the_store(store, monkeypatch):
    """run_query must not hand a SERVICE query to the store at all."""
    calls = []
    monkeypatch.setattr(store, "execute", lambda *a, **k: calls.append(a))
    with pytest.raises(UnsafeQuery):
        run_query(store, SERVICES[0])
    assert calls == []


@pytest.mark.parametrize(
    "text",
    [
        'SELECT ?t WHERE { ?a rw:title ?t FILTER(CONTAINS(?t, "SERVICE")) }',
        "SELECT ?t WHERE { ?a rw:title ?t FILTER(CONTAINS(?t, '''SERVICE''')) }",
        "SELECT ?t WHERE { ?a rw:title ?t # SERVICE <http://x/> { }\n FILTER(CONTAINS(?t, 'SERVICE')) }",
        "SELECT ?t ?service WHERE { ?a rw:title ?t BIND(<http://x/SERVICE> AS ?service) "
        "FILTER(CONTAINS(?t, 'SERVICE')) }",
        "PREFIX service: <http://x/> SELECT ?t WHERE { ?a rw:title ?t OPTIONAL { ?a service:x ?y } "
        "OPTIONAL { ?a rw:customer-service ?z } FILTER(CONTAINS(?t, 'SERVICE')) }",
    ],
)
def test_the_word_service_elsewhere_is_fine(store, text):
    assert check_query(text) is QueryKind.SELECT
    rows = run_query(store, text)
    assert [str(r["t"]) for r in rows] == ["Cloud SERVICE outage"]


@pytest.mark.parametrize(
    "text",
    ["SELECT * WHERE { ?s ?p ", "SELEKT * WHERE { ?s ?p ?o }", "", "   ", "SELECT ?x WHERE { ?x ?y ?z } }"],
)
def test_malformed_is_a_one_line_syntax_error(text):
    with pytest.raises(QuerySyntaxError) as err:
        check_query(text)
    assert "\n" not in str(err.value) and str(err.value)


def test_syntax_error_reports_the_users_line(store):
    """The standard prefixes must not shift line numbers in parser messages."""
    with pytest.raises(QuerySyntaxError, match="line 3"):
        check_query("SELECT ?s\nWHERE {\n  ?s ?p ?o ?oops }")
    # An unknown prefix is caught by the store's parser: line 2, as the user wrote it.
    with pytest.raises(QuerySyntaxError, match="2:"):
        run_query(store, "SELECT ?s WHERE {\n ?s nosuch:p ?o }")


def test_standard_prefixes_are_predefined(store):
    rows = run_query(store, "SELECT ?e WHERE { ?e a rw:Regulator ; owl:sameAs ?w } ORDER BY ?e")
    assert {str(r["e"]) for r in rows} == {ENTITY_PREFIX + "cma", ENTITY_PREFIX + "ftc"}


def test_as_of_limits_default_and_named_graphs(store):
    q = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a rw:Article } }"
    cutoff = "2023-12-31"
    expected = {str(article_iri(a)) for a, d, *_ in ARTICLES if d <= cutoff} | {str(article_iri("svc"))}
    assert {str(r["g"]) for r in run_query(store, q, as_of=cutoff)} == expected
    q2 = "SELECT DISTINCT ?o WHERE { rwid:ftc rw:regulates ?o }"
    assert len(run_query(store, q2)) == 4
    assert len(run_query(store, q2, as_of=cutoff)) == 0


def test_max_results_truncates_and_says_so(store):
    q = "SELECT DISTINCT ?e WHERE { ?e a rw:Company }"
    full = run_query(store, q)
    out = execute(store, q, max_results=3)
    assert len(full) > 3 and len(out.result) == 3 and out.truncated
    out = execute(store, q, max_results=len(full))
    assert len(out.result) == len(full) and not out.truncated
    g = execute(store, "CONSTRUCT WHERE { ?s a rw:Company }", max_results=2)
    assert isinstance(g.result, Graph) and len(g.result) == 2 and g.truncated


# --- formats, read back with pyoxigraph's result and RDF parsers -----------------------------


def _ox_rows(data: bytes | str, fmt: ox.QueryResultsFormat) -> list[dict[str, str]]:
    raw = data.encode() if isinstance(data, str) else data
    sols = ox.parse_query_results(raw, format=fmt)
    names = [v.value for v in sols.variables]
    return [{n: (None if s[n] is None else s[n].value) for n in names} for s in sols]


@pytest.mark.parametrize(
    ("fmt", "oxfmt"),
    [
        ("json", ox.QueryResultsFormat.JSON),
        ("xml", ox.QueryResultsFormat.XML),
        ("tsv", ox.QueryResultsFormat.TSV),
        ("csv", None),
    ],
)
def test_select_formats_round_trip(store, fmt, oxfmt):
    rows = run_query(
        store,
        "SELECT ?e ?label ?qid WHERE { ?e a rw:Company ; rdfs:label ?label "
        "OPTIONAL { ?e rw:qid ?qid } } ORDER BY ?e",
    )
    assert isinstance(rows, Rows)
    expected = [{k: (None if v is None else str(v)) for k, v in r.items()} for r in rows]
    body = format_result(rows, fmt)
    if fmt == "csv":  # lossy by design (pyoxigraph will not parse it): read with the csv module
        got = list(csv.DictReader(io.StringIO(body)))
        expected = [{k: v or "" for k, v in r.items()} for r in expected]
    else:
        got = _ox_rows(body, oxfmt)
    assert got == expected


def test_typed_and_language_literals_survive_json_xml_tsv():
    rows = Rows(
        ["x"],
        [{"x": Literal("4000000000", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))},
         {"x": Literal("Kartellamt", lang="de")},
         {"x": Literal('with "quotes"\tand tab')}],
    )
    for fmt, oxfmt in (("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML),
                       ("tsv", ox.QueryResultsFormat.TSV)):
        sols = list(ox.parse_query_results(format_result(rows, fmt).encode(), format=oxfmt))
        assert sols[0]["x"].datatype.value.endswith("#decimal")
        assert sols[1]["x"].language == "de"
        assert sols[2]["x"].value == 'with "quotes"\tand tab'


@pytest.mark.parametrize("value", [True, False])
def test_ask_formats(value):
    for fmt, oxfmt in (("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML)):
        assert bool(ox.parse_query_results(format_result(value, fmt).encode(), format=oxfmt)) is value
    assert format_result(value, "table").strip() == str(value).lower()


@pytest.mark.parametrize(
    ("fmt", "oxfmt"),
    [("turtle", ox.RdfFormat.TURTLE), ("ntriples", ox.RdfFormat.N_TRIPLES),
     ("jsonld", ox.RdfFormat.JSON_LD), ("rdfxml", ox.RdfFormat.RDF_XML)],
)
def test_graph_formats_round_trip(store, fmt, oxfmt):
    g = run_query(store, "CONSTRUCT { ?s ?p ?o } WHERE { ?s a rw:Regulator ; ?p ?o }")
    assert isinstance(g, Graph) and len(g) > 10
    body = format_result(g, fmt)
    raw = body.encode() if isinstance(body, str) else body
    parsed = {(str(q.subject), str(q.predicate), str(q.object)) for q in ox.parse(raw, format=oxfmt)}
    from kg.store import to_ox

    assert parsed == {tuple(str(to_ox(t)) for t in triple) for triple in g}


def test_jsonld_has_inline_context_only(store):
    g = run_query(store, "DESCRIBE rwid:amazon")
    doc = json.loads(format_result(g, "json"))
    assert isinstance(doc["@context"], dict)
    assert all(isinstance(v, str) and v.startswith("http") for v in doc["@context"].values())


def test_table_format_compacts_iris(store):
    text = format_result(run_query(store, "SELECT ?e WHERE { ?e a rw:Regulator } ORDER BY ?e LIMIT 1"),
                         "table")
    assert "rwid:cma" in text and "https://" not in text


def test_wrong_format_for_kind():
    with pytest.raises(ValueError):
        format_result(Rows(["x"], []), "turtle")
    with pytest.raises(ValueError):
        format_result(Graph(), "tsv")


@pytest.mark.parametrize(
    ("kind", "accept", "requested", "expected"),
    [
        (QueryKind.SELECT, None, None, "json"),
        (QueryKind.SELECT, "*/*", None, "json"),
        (QueryKind.CONSTRUCT, "*/*", None, "turtle"),
        (QueryKind.SELECT, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", None, "xml"),
        (QueryKind.SELECT, "text/csv;q=0.5, text/tab-separated-values", None, "tsv"),
        (QueryKind.SELECT, "application/sparql-results+json,application/json,text/javascript", None, "json"),
        (QueryKind.ASK, "application/sparql-results+xml", None, "xml"),
        (QueryKind.CONSTRUCT, "application/ld+json", None, "jsonld"),
        (QueryKind.DESCRIBE, "application/n-triples", None, "ntriples"),
        (QueryKind.CONSTRUCT, "application/rdf+xml", None, "rdfxml"),
        (QueryKind.SELECT, "image/png", None, None),
        (QueryKind.CONSTRUCT, "text/csv", None, None),
        (QueryKind.SELECT, "application/json;q=0", None, None),
        (QueryKind.SELECT, "image/png", "csv", "csv"),
        (QueryKind.CONSTRUCT, None, "json", "jsonld"),
        (QueryKind.CONSTRUCT, None, "xml", "rdfxml"),
        (QueryKind.SELECT, "text/*", None, "csv"),
    ],
)
def test_negotiate(kind, accept, requested, expected):
    assert negotiate(kind, accept, requested) == expected


# --- parameters --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "term"),
    [
        ("amazon-web-services", "rwid:amazon-web-services"),
        ("rw:Company", "rw:Company"),
        ("<http://example.org/x>", "<http://example.org/x>"),
        ("2024-01-31", '"2024-01-31"^^xsd:date'),
        ("42", "42"),
        ("Amazon Web Services", '"Amazon Web Services"'),
        ('"cloud"', '"cloud"'),
        ('} SERVICE <http://x/> {', '"} SERVICE <http://x/> {"'),
    ],
)
def test_param_term(value, term):
    assert param_term(value) == term


def test_bind_params_narrows_and_stays_safe(store):
    q = "SELECT ?c WHERE { ?s rw:supplies ?c } ORDER BY ?c"
    bound = bind_params(q, {"s": "nvidia"})
    assert [str(r["c"]) for r in run_query(store, bound)] == [ENTITY_PREFIX + "openai"]
    assert check_query(bind_params(q, {"s": "} SERVICE <http://x/> { ?a ?b ?c"})) is QueryKind.SELECT
    with pytest.raises(Exception, match="no variable"):
        bind_params(q, {"nope": "x"})


def test_table_output_is_text(store):
    out = format_result(run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s a rw:Assertion }"), "table")
    assert isinstance(out, str)
    assert int(io.StringIO(out).read().split()[-1]) == sum(
        len(facts) for *_x, sents in ARTICLES for _s, facts in sents
    )
