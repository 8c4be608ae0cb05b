"""Reviewer judgements: stored apart, surviving re-ingest, applied by every view and by SPARQL."""

from __future__ import annotations

import pytest
from sample_graph import sample_extractions

from kg import curation as cu
from kg.load import write_extraction
from kg.rdf import CURATION_GRAPH, article_iri, entity_iri
from kg.schema import RW
from kg.store import OxigraphStore
from kg.views import edges, entities, relations, to_networkx


@pytest.fixture()
def store() -> OxigraphStore:
    s = OxigraphStore(None)
    for ex in sample_extractions():
        write_extraction(s, ex)
    return s


def edge_keys(store: OxigraphStore, **kw: object) -> set[tuple[str, str, str]]:
    return {(e.subject_id, e.predicate, e.object_id) for e in edges(relations(store, **kw))}


def plain(store: OxigraphStore, s: str, p: str, o: str, graph: str | None = None) -> bool:
    """Is the plain triple there (in one article graph, or anywhere)?"""
    triple = f"<{entity_iri(s)}> <{RW[p]}> <{entity_iri(o)}>"
    where = f"GRAPH <{article_iri(graph)}> {{ {triple} }}" if graph else triple
    return bool(store.query(f"ASK {{ {where} }}"))


def assertions(store: OxigraphStore, s: str, p: str, o: str) -> int:
    rows = store.select(
        f"SELECT (COUNT(?a) AS ?n) WHERE {{ ?a a rw:Assertion ; rdf:subject <{entity_iri(s)}> ; "
        f"rdf:predicate rw:{p} ; rdf:object <{entity_iri(o)}> }}"
    )
    return int(rows[0]["n"])


def test_reject_drops_the_edge_from_views_sparql_and_analysis(store: OxigraphStore) -> None:
    key = ("google", "invests_in", "anthropic")
    assert key in edge_keys(store) and plain(store, *key)
    cu.judge_edge(store, *key, "reject")
    assert key not in edge_keys(store)
    assert not any(r.subject_id == "google" for r in relations(store))
    assert not to_networkx(store).has_edge("google", "anthropic")
    assert not plain(store, *key)  # SPARQL over the default graph no longer sees it
    assert assertions(store, *key) == 1  # the extracted evidence is kept
    from kg.analysis.patterns import detect

    pairs = {(p.investor_id, p.investee_id) for p in detect(relations(store), entities(store))}
    assert ("google", "anthropic") not in pairs
    assert ("amazon", "anthropic") in pairs


def test_reject_survives_reingest(store: OxigraphStore) -> None:
    key = ("google", "invests_in", "anthropic")
    cu.judge_edge(store, *key, "reject")
    for ex in sample_extractions():
        write_extraction(store, ex)
    assert key not in edge_keys(store)
    assert not plain(store, *key)
    assert plain(store, "amazon", "invests_in", "anthropic", "s3")
    assert assertions(store, *key) == 1


def test_accept_marks_the_edge(store: OxigraphStore) -> None:
    cu.judge_edge(store, "amazon", "invests_in", "anthropic", "accept")
    by_key = {(e.subject_id, e.predicate, e.object_id): e for e in edges(relations(store))}
    assert by_key[("amazon", "invests_in", "anthropic")].review == "accepted"
    assert by_key[("google", "invests_in", "anthropic")].review is None
    g = to_networkx(store)
    assert g.edges["amazon", "anthropic", "invests_in"]["review"] == "accepted"
    assert plain(store, "amazon", "invests_in", "anthropic")


def test_correct_changes_predicate_and_direction_everywhere(store: OxigraphStore) -> None:
    old = ("amazon-web-services", "supplies", "anthropic")
    cu.judge_edge(store, *old, "correct", new_predicate="invests_in", reverse=True)
    new = ("anthropic", "invests_in", "amazon-web-services")
    keys = edge_keys(store)
    assert old not in keys and new in keys
    row = next(r for r in relations(store) if (r.subject_id, r.predicate, r.object_id) == new)
    assert row.review == "corrected"
    assert row.subject == "Anthropic" and row.object == "Amazon Web Services"
    assert row.evidence == "Anthropic will use AWS Trainium chips."
    assert not plain(store, *old) and plain(store, *new, graph="s1")
    for ex in sample_extractions():  # and after re-ingest
        write_extraction(store, ex)
    assert not plain(store, *old) and plain(store, *new, graph="s1")
    assert new in edge_keys(store)


def test_newest_judgement_wins_and_restores_the_triple(store: OxigraphStore) -> None:
    key = ("google", "invests_in", "anthropic")
    cu.judge_edge(store, *key, "reject", at="2025-01-01T00:00:00.000000Z")
    cu.judge_edge(store, *key, "accept", at="2025-01-02T00:00:00.000000Z")
    assert key in edge_keys(store)
    assert plain(store, *key)
    cu.judge_edge(store, *key, "reject", at="2025-01-03T00:00:00.000000Z")
    assert key not in edge_keys(store) and not plain(store, *key)


def test_repeating_a_decision_refreshes_one_content_hashed_node(store: OxigraphStore) -> None:
    a = cu.judge_edge(store, "google", "invests_in", "anthropic", "reject", at="2025-01-01T00:00:00.000000Z")
    b = cu.judge_edge(store, "google", "invests_in", "anthropic", "reject", at="2025-02-01T00:00:00.000000Z")
    assert a.id == b.id and len(a.id) == 24
    js = cu.load_judgements(store)
    assert [(j.id, j.at) for j in js] == [(b.id, "2025-02-01T00:00:00+00:00")]
    other = cu.judge_edge(store, "google", "invests_in", "anthropic", "accept")
    assert other.id != a.id


def test_judgements_live_in_the_curation_graph(store: OxigraphStore) -> None:
    j = cu.judge_edge(store, "google", "invests_in", "anthropic", "reject", note="wrong investor")
    rows = store.select(
        f"""SELECT ?d ?about ?t ?s ?note WHERE {{ GRAPH <{CURATION_GRAPH}> {{
              ?j a rw:Judgement ; rw:decision ?d ; rw:about ?about ; prov:generatedAtTime ?t ;
                 rdfs:comment ?note . ?about rdf:subject ?s }} }}"""
    )
    assert len(rows) == 1
    r = rows[0]
    assert str(r["d"]) == "reject" and str(r["note"]) == "wrong investor"
    assert str(r["about"]) == str(cu.edge_iri("google", "invests_in", "anthropic"))
    assert str(r["s"]) == str(entity_iri("google"))
    assert str(r["t"]) == j.at
    # nothing about judgements leaked into article graphs
    assert not store.query(f"ASK {{ GRAPH <{article_iri('s2')}> {{ ?j a <{RW.Judgement}> }} }}")


def test_merge_folds_entities_and_split_undoes_it(store: OxigraphStore) -> None:
    cu.merge_entities(store, "amazon-web-services", "amazon")
    ents = {e.id: e for e in entities(store)}
    assert "amazon-web-services" not in ents
    assert {"AWS", "Amazon Web Services"} <= set(ents["amazon"].aliases)
    assert ents["amazon"].mentions == 4  # 2 + 1 (AWS) + 1
    keys = edge_keys(store)
    assert ("amazon", "supplies", "anthropic") in keys
    assert not any("amazon-web-services" in k for k in keys)
    assert cu.active_merges(cu.load_curation(store))[0].into == "amazon"
    # merging back the other way would make a loop
    with pytest.raises(cu.CurationError):
        cu.merge_entities(store, "amazon", "amazon-web-services")
    cu.split_entity(store, "amazon-web-services")
    assert "amazon-web-services" in {e.id for e in entities(store)}
    assert ("amazon-web-services", "supplies", "anthropic") in edge_keys(store)
    assert cu.active_merges(cu.load_curation(store)) == []
    with pytest.raises(cu.CurationError):
        cu.split_entity(store, "amazon-web-services")


def test_judging_the_merged_view_applies_to_the_raw_edge(store: OxigraphStore) -> None:
    cu.merge_entities(store, "amazon-web-services", "amazon")
    cu.judge_edge(store, "amazon", "supplies", "anthropic", "reject")
    assert ("amazon", "supplies", "anthropic") not in edge_keys(store)
    assert not plain(store, "amazon-web-services", "supplies", "anthropic")
    cu.split_entity(store, "amazon-web-services")  # the reject was about the merged entity
    assert ("amazon-web-services", "supplies", "anthropic") in edge_keys(store)
    assert plain(store, "amazon-web-services", "supplies", "anthropic")


def test_rejecting_one_sentence_keeps_the_edge(store: OxigraphStore) -> None:
    rows = [r for r in relations(store) if (r.subject_id, r.predicate) == ("amazon", "invests_in")]
    assert len(rows) == 2
    s3 = next(r for r in rows if r.article == "s3")
    cu.judge_assertion(store, s3.assertion, "reject")
    edge = next(e for e in edges(relations(store)) if (e.subject_id, e.predicate) == ("amazon", "invests_in"))
    assert [r.article for r in edge.evidence] == ["s1"]
    assert not plain(store, "amazon", "invests_in", "anthropic", "s3")
    assert plain(store, "amazon", "invests_in", "anthropic", "s1")


def test_as_of_views_apply_judgements(store: OxigraphStore) -> None:
    cu.judge_edge(store, "amazon", "invests_in", "anthropic", "reject")
    assert ("amazon", "invests_in", "anthropic") not in edge_keys(store, as_of="2023-12-31")
    assert ("amazon-web-services", "supplies", "anthropic") in edge_keys(store, as_of="2023-12-31")


def test_uncurated_views_still_show_the_extraction(store: OxigraphStore) -> None:
    cu.judge_edge(store, "google", "invests_in", "anthropic", "reject")
    raw = {(r.subject_id, r.predicate, r.object_id) for r in relations(store, curated=False)}
    assert ("google", "invests_in", "anthropic") in raw


def test_review_queue_is_unjudged_edges_lowest_confidence_first(store: OxigraphStore) -> None:
    cur = cu.load_curation(store)
    queue = cu.review_queue(edges(relations(store)), cur)
    confs = [e.confidence for e in queue]
    assert confs == sorted(confs) and len(queue) == 5
    first = queue[0]
    assert (first.subject_id, first.predicate) == ("amazon-web-services", "supplies")
    cu.judge_edge(store, first.subject_id, first.predicate, first.object_id, "accept")
    queue = cu.review_queue(edges(relations(store)), cu.load_curation(store))
    assert len(queue) == 4 and all(e.subject_id != "amazon-web-services" for e in queue)


def test_bad_judgements_are_refused(store: OxigraphStore) -> None:
    with pytest.raises(cu.CurationError):
        cu.judge_edge(store, "google", "owns", "anthropic", "reject")
    with pytest.raises(cu.CurationError):
        cu.judge_edge(store, "google", "invests_in", "anthropic", "maybe")
    with pytest.raises(cu.CurationError):
        cu.judge_edge(store, "google", "invests_in", "anthropic", "correct", new_predicate="invests_in")
    with pytest.raises(cu.CurationError):
        cu.merge_entities(store, "amazon", "amazon")
    assert cu.load_judgements(store) == []


def test_compile_is_order_independent_and_cycle_safe() -> None:
    e = str(cu.edge_iri("a", "invests_in", "b"))
    js = [
        cu.Judgement("reject", e, "2025-01-02T00:00:00Z", ("a", "invests_in", "b")),
        cu.Judgement("accept", e, "2025-01-01T00:00:00Z", ("a", "invests_in", "b")),
        cu.Judgement("merge", str(entity_iri("x")), "2025-01-01T00:00:00Z", into="y"),
        cu.Judgement("merge", str(entity_iri("y")), "2025-01-01T00:00:00Z", into="x"),
    ]
    for order in (js, list(reversed(js))):
        cur = cu.compile_judgements(order)
        assert cur.effective(("a", "invests_in", "b")) == (None, "rejected")
        assert cur.canonical("x") in {"x", "y"}  # a loop ends instead of spinning
    cur = cu.compile_judgements(js[:2])
    assert cur.effective(("b", "invests_in", "a")) == (("b", "invests_in", "a"), None)
    # symmetric predicates are one edge whichever way round they are judged
    assert cu.edge_iri("b", "partners_with", "a") == cu.edge_iri("a", "partners_with", "b")


def test_review_command(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path

    from kg.cli import main

    path = Path(str(tmp_path)) / "store"
    s = OxigraphStore(path)
    for ex in sample_extractions():
        write_extraction(s, ex)
    s.close()
    args = ["--store", str(path)]
    assert main(["review", "queue", "--format", "csv", *args]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[1].startswith("amazon-web-services,supplies,anthropic,0.8,")
    assert main(["review", "reject", "google", "invests_in", "anthropic", "--note", "duplicate", *args]) == 0
    assert "reject: google invests_in anthropic" in capsys.readouterr().out
    assert main(["review", "reject", "nobody", "invests_in", "anthropic", *args]) == 1
    assert "no relation nobody invests_in anthropic" in capsys.readouterr().err
    assert main(["review", "merge", "amazon-web-services", "amazon", *args]) == 0
    assert main(["review", "split", "amazon", *args]) == 1  # amazon was never merged
    capsys.readouterr()
    assert main(["review", "history", "--format", "jsonl", *args]) == 0
    out = capsys.readouterr().out
    assert '"decision": "merge"' in out.splitlines()[0] and '"note": "duplicate"' in out
    assert main(["relations", "--format", "csv", "--predicate", "invests_in", *args]) == 0
    assert "google" not in capsys.readouterr().out
