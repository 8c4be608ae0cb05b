"""Every ready query in kg/queries, run against the hand-made sample graph and checked against
answers derived from the sample's own list of articles and facts (not from the store)."""

from __future__ import annotations

import json
import re
from collections import defaultdict

import pytest
from graph_fixtures import ARTICLES, ENTITIES, build_store
from rdflib import Literal
from rdflib.namespace import RDF, RDFS, XSD

from kg.cli import main
from kg.labels import refresh_labels
from kg.model import Article
from kg.rdf import ENTITY_PREFIX, SCHEMA, article_iri, article_triples, entity_iri
from kg.schema import RW
from kg.sparql import bind_params, check_query, ready_queries, ready_query, run_query
from kg.store import OxigraphStore
from kg.views import entities

FACTS = [
    (s, p, o, attrs, art, date)
    for art, date, _t, sents in ARTICLES
    for _sent, facts in sents
    for s, p, o, attrs in facts
]
EXPECTED_NAMES = {
    "investments",
    "customers-of-supplier",
    "regulator-attention",
    "investor-supplier-loops",
    "entities-by-type",
    "edge-evidence",
    "facts-as-of",
}


@pytest.fixture(scope="module")
def store():
    return build_store()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("q") / "store"
    build_store(path).close()
    return str(path)


def eid(term) -> str:
    return str(term).removeprefix(ENTITY_PREFIX)


def run(store, name: str, **params):
    return run_query(store, bind_params(ready_query(name).text, params))


def test_all_ready_queries_are_documented_and_valid():
    queries = {q.name: q for q in ready_queries()}
    assert EXPECTED_NAMES <= set(queries)
    for q in queries.values():
        assert q.text.startswith("# "), q.name
        assert q.title and len(q.description) > 40, q.name
        check_query(q.text)
        body = "\n".join(line for line in q.text.splitlines() if not line.startswith("#"))
        used = set(re.findall(r"\?(\w+)", body))
        for p in q.params:
            assert p.name in used, (q.name, p.name)
            # the documented example binds and runs
            check_query(bind_params(q.text, {p.name: p.example}))


def test_investments(store):
    rows = run(store, "investments")
    expected = defaultdict(list)
    for s, p, o, attrs, _a, date in FACTS:
        if p == "invests_in":
            expected[(s, o)].append((attrs.get("amount_usd"), date))
    got = {(eid(r["investor"]), eid(r["investee"])): r for r in rows}
    assert set(got) == set(expected)
    for key, items in expected.items():
        r = got[key]
        assert float(r["amount_usd"]) == max(a for a, _d in items)
        assert int(r["evidence"]) == len(items)
        assert str(r["first_seen"]) == min(d for _a, d in items)
        assert str(r["last_seen"]) == max(d for _a, d in items)
        assert str(r["investorLabel"]) == ENTITIES[key[0]].label
    amounts = [float(r["amount_usd"]) for r in rows]
    assert amounts == sorted(amounts, reverse=True)
    assert float(got[("microsoft", "openai")]["stake_percent"]) == 49
    only = run(store, "investments", investor="amazon")
    assert {(eid(r["investor"]), eid(r["investee"])) for r in only} == {("amazon", "anthropic")}


def test_customers_of_supplier(store):
    expected = defaultdict(set)
    exclusivity = {}
    for s, p, o, attrs, *_x in FACTS:
        if p == "supplies":
            expected[s].add(o)
            if "exclusivity" in attrs:
                exclusivity[(s, o)] = attrs["exclusivity"]
    rows = run(store, "customers-of-supplier")
    got = defaultdict(set)
    for r in rows:
        got[eid(r["supplier"])].add(eid(r["customer"]))
        key = (eid(r["supplier"]), eid(r["customer"]))
        stated = str(r["exclusivity"]) if r["exclusivity"] is not None else ""
        assert (stated or None) == exclusivity.get(key)
    assert got == expected
    aws = run(store, "customers-of-supplier", supplier="amazon-web-services")
    assert [(eid(r["customer"]), str(r["exclusivity"])) for r in aws] == [("anthropic", "primary")]


def test_regulator_attention(store):
    regs = defaultdict(set)
    count = defaultdict(int)
    for s, p, o, *_x in FACTS:
        if p == "regulates":
            regs[o].add(s)
            count[o] += 1
    rows = run(store, "regulator-attention")
    got = {eid(r["company"]): r for r in rows}
    assert set(got) == set(regs)
    for company, by in regs.items():
        r = got[company]
        assert int(r["regulators"]) == len(by)
        assert int(r["evidence"]) == count[company]
        assert set(str(r["by"]).split(", ")) == {ENTITIES[x].label for x in by}
    order = [int(r["regulators"]) for r in rows]
    assert order == sorted(order, reverse=True)
    one = run(store, "regulator-attention", company="openai")
    assert [eid(r["company"]) for r in one] == ["openai"]


def test_investor_supplier_loops(store):
    parent = {e.id: e.parent for e in ENTITIES.values() if e.parent and e.type != "product"}
    for s, p, o, *_x in FACTS:
        if p == "subsidiary_of":
            parent[s] = o

    def owners(x):
        while x:
            yield x
            x = parent.get(x)

    invests = {(s, o) for s, p, o, *_x in FACTS if p == "invests_in"}
    supplies = {(s, o) for s, p, o, *_x in FACTS if p == "supplies"}
    expected = {(a, b, sup) for a, b in invests for sup, c in supplies if c == b and a in owners(sup)}
    rows = run(store, "investor-supplier-loops")
    got = {(eid(r["investor"]), eid(r["investee"]), eid(r["supplier"])) for r in rows}
    assert got == expected
    assert ("amazon", "anthropic", "amazon-web-services") in got  # found through the unit
    assert not any(x[0] == "nvidia" for x in got)  # supplies, never invests


def test_entities_by_type(store):
    rows = run(store, "entities-by-type")
    mentioned = {str(r["entity"]) for r in rows}
    from kg.views import entities

    assert mentioned == {ENTITY_PREFIX + e.id for e in entities(store)}
    for r in rows:
        e = ENTITIES[eid(r["entity"])]
        assert str(r["type"]) == SCHEMA.namespace + SCHEMA.class_for_type(e.type)
        assert str(r["label"]) == e.label
        assert (str(r["qid"]) if r["qid"] is not None else None) == e.qid
    mentions = {e.id: e.mentions for e in entities(store)}
    assert {eid(r["entity"]): int(r["mentions"]) for r in rows} == mentions
    regulators = run(store, "entities-by-type", type="rw:Regulator")
    assert {eid(r["entity"]) for r in regulators} == {"cma", "ftc"}


def test_edge_evidence(store):
    rows = run(store, "edge-evidence", subject="amazon", predicate="rw:invests_in", object="anthropic")
    expected = [(a, d) for s, p, o, _at, a, d in FACTS if (s, p, o) == ("amazon", "invests_in", "anthropic")]
    assert [(str(r["article"]).rsplit("/", 1)[-1], str(r["date"])) for r in rows] == sorted(
        expected, key=lambda x: x[1]
    )
    sentences = {s for _a, _d, _t, sents in ARTICLES for s, _f in sents}
    assert all(str(r["evidence"]) in sentences for r in rows)
    assert all(0 <= int(r["start"]) < int(r["end"]) for r in rows)
    assert len(run(store, "edge-evidence")) == len(FACTS)


def expected_facts_as_of(cutoff: str | None = None, subject: str | None = None) -> list[tuple]:
    """facts-as-of computed from the sample's own list: (s, s label, p, o, o label, n, first, last)
    in the query's order (first report date, then subject, predicate and object IRI)."""
    seen = defaultdict(dict)
    for s, p, o, _at, art, d in FACTS:
        if (cutoff is None or d <= cutoff) and subject in (None, s):
            seen[(s, p, o)][art] = d
    rows = [
        (s, ENTITIES[s].label, p, o, ENTITIES[o].label, len(arts), min(arts.values()), max(arts.values()))
        for (s, p, o), arts in seen.items()
    ]
    return sorted(rows, key=lambda r: (r[6], ENTITY_PREFIX + r[0], SCHEMA.namespace + r[2], ENTITY_PREFIX + r[3]))


def facts_rows(result) -> list[tuple]:
    return [
        (eid(r["subject"]), str(r["subjectLabel"]), str(r["predicate"]).removeprefix(SCHEMA.namespace),
         eid(r["object"]), str(r["objectLabel"]), int(r["articles"]), str(r["first_seen"]),
         str(r["last_seen"]))
        for r in result
    ]


@pytest.mark.parametrize("cutoff", [None, "2023-09-25", "2024-01-31", "2024-03-27", "2030-01-01"])
@pytest.mark.parametrize("subject", [None, "amazon", "ftc", "microsoft"])
def test_facts_as_of(store, cutoff, subject):
    params = {k: v for k, v in (("date", cutoff), ("subject", subject)) if v is not None}
    result = run(store, "facts-as-of", **params)
    assert facts_rows(result) == expected_facts_as_of(cutoff, subject)
    assert all(r["first_seen"].datatype == XSD.date for r in result)
    if subject in (None, "amazon") and cutoff != "2023-09-25":
        assert result  # not two empty answers agreeing


def test_facts_as_of_labels_are_canonical_and_unlabelled_edges_still_come_back():
    """Labels come from the labels graph (the name most articles give, as the app shows it), also
    for dates before an entity was renamed; an endpoint no graph labels comes back unlabelled."""
    st = OxigraphStore(None)

    def article(aid: str, day: str, label: str | None, obj: str = "acme") -> None:
        art = Article(aid, aid, aid, date=day)
        triples = [*article_triples(art), (entity_iri("amazon"), RDF.type, RW.Company),
                   (entity_iri("amazon"), RDFS.label, Literal("Amazon"))]
        if label is not None:
            triples += [(entity_iri(obj), RDF.type, RW.Company), (entity_iri(obj), RDFS.label, Literal(label)),
                        (entity_iri(obj), RW.mention_count, Literal(1))]
        triples.append((entity_iri("amazon"), RW.invests_in, entity_iri(obj)))
        st.replace_graph(article_iri(aid), triples)

    article("old", "2023-05-01", "Acme Robotics")
    article("new", "2025-05-01", "Acme AI")
    article("newer", "2025-06-01", "Acme AI")
    article("bare", "2023-06-01", None, obj="zeta")
    refresh_labels(st)
    early = run(st, "facts-as-of", date="2024-01-01", subject="amazon")
    assert [(eid(r["object"]), str(r["subjectLabel"]), r["objectLabel"] and str(r["objectLabel"]))
            for r in early] == [("acme", "Amazon", "Acme AI"), ("zeta", "Amazon", None)]
    assert {e.id: e.label for e in entities(st)}["acme"] == "Acme AI"  # what the app shows
    late = {eid(r["object"]): r for r in run(st, "facts-as-of", subject="amazon")}
    assert (int(late["acme"]["articles"]), str(late["acme"]["last_seen"])) == (3, "2025-06-01")
    # --as-of narrows the dataset to old articles; the labels graph stays readable.
    narrowed = run_query(st, bind_params(ready_query("facts-as-of").text, {}), as_of="2024-01-01")
    assert {(eid(r["object"]), r["objectLabel"] and str(r["objectLabel"])) for r in narrowed} == {
        ("acme", "Acme AI"), ("zeta", None)}


def _rows(result):
    return sorted(tuple(sorted((k, str(v)) for k, v in r.items() if v is not None)) for r in result)


@pytest.mark.parametrize("name", sorted(EXPECTED_NAMES))
def test_bind_markers_mean_the_same_as_binding_outside(store, name):
    """``# @bind`` puts VALUES where Oxigraph can use them; the answers must not change."""
    from kg.sparql import BIND_MARKER, param_term, values_at_where

    q = ready_query(name)
    # Only variables the query returns mean the same bound from outside (?date of facts-as-of
    # lives in a subquery: bound outside it would filter nothing; test_facts_as_of covers it).
    visible = set(run_query(store, q.text).vars)
    examples = {p.name: p.example for p in q.params if p.name in visible}
    choices = [examples] + [{k: v} for k, v in examples.items()]
    for params in choices:
        if not params:
            continue
        inner = bind_params(q.text, params)
        assert inner.count("\n") == q.text.count("\n")  # the marker line is replaced in place
        values = " ".join(f"VALUES ?{k} {{ {param_term(v)} }}" for k, v in sorted(params.items()))
        outer = values_at_where(q.text.replace(BIND_MARKER, "#"), values)
        a, b = run_query(store, inner), run_query(store, outer)
        assert _rows(a) == _rows(b), (name, params)
        assert len(a) > 0, (name, params)  # the examples select something in the sample


# --- the command line --------------------------------------------------------------------------


def test_cli_list(capsys):
    assert main(["query", "--list"]) == 0
    out = capsys.readouterr().out
    for q in ready_queries():
        assert q.name in out and q.title in out


def test_cli_runs_ready_query_with_params(store_dir, capsys):
    code = main(["query", "investments", "--store", store_dir, "--param", "investee=anthropic",
                 "--format", "json"])
    assert code == 0
    doc = json.loads(capsys.readouterr().out)
    investors = {b["investor"]["value"].removeprefix(ENTITY_PREFIX) for b in doc["results"]["bindings"]}
    assert investors == {s for s, p, o, *_x in FACTS if p == "invests_in" and o == "anthropic"}


def test_cli_runs_file_and_text(store_dir, tmp_path, capsys):
    f = tmp_path / "regs.rq"
    f.write_text("SELECT DISTINCT ?r WHERE { ?r a rw:Regulator } ORDER BY ?r")
    assert main(["query", str(f), "--store", store_dir, "--format", "csv"]) == 0
    assert capsys.readouterr().out.split() == ["r", ENTITY_PREFIX + "cma", ENTITY_PREFIX + "ftc"]
    assert main(["query", "ASK { rwid:ftc rw:regulates rwid:openai }", "--store", store_dir]) == 0
    assert capsys.readouterr().out.strip() == "true"
    assert main(["query", "ASK { rwid:ftc rw:regulates rwid:openai }", "--store", store_dir,
                 "--as-of", "2023-12-31"]) == 0
    assert capsys.readouterr().out.strip() == "false"


def test_cli_construct_as_turtle(store_dir, capsys):
    assert main(["query", "CONSTRUCT WHERE { ?s rw:invests_in ?o }", "--store", store_dir,
                 "--format", "turtle"]) == 0
    out = capsys.readouterr().out
    import pyoxigraph as ox

    triples = list(ox.parse(out.encode(), format=ox.RdfFormat.TURTLE))
    assert len(triples) == len({(s, o) for s, p, o, *_x in FACTS if p == "invests_in"})


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["SELECT * WHERE { ?s ?p "], "syntax error"),
        (["SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"], "SERVICE"),
        (["CLEAR ALL"], "Update"),
        (["no-such-query"], "no ready query"),
        (["missing.rq"], "no such query file"),
        (["investments", "--param", "nope=1"], "no variable"),
        (["investments", "--format", "turtle"], "not available"),
    ],
)
def test_cli_errors_are_one_line(store_dir, capsys, args, message):
    assert main(["query", *args, "--store", store_dir]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
