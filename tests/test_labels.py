"""The labels graph: one canonical label per entity, kept in step with the graphs it is derived
from (ingest, re-ingest, reference entities) and rebuilt for stores that predate it."""

from __future__ import annotations

import pyoxigraph as ox
from graph_fixtures import build_store
from rdflib import Graph, Literal
from rdflib.namespace import RDFS

from kg.labels import pick_label, refresh_labels
from kg.load import write_extraction, write_reference_entities
from kg.model import Article, Entity, Extraction, Mention
from kg.rdf import LABELS_GRAPH, entity_iri, local_id
from kg.store import OxigraphStore
from kg.views import entities


def labels(store) -> dict[str, str]:
    out: dict[str, list[str]] = {}
    for s, _p, o, _g in store.quads(LABELS_GRAPH):
        out.setdefault(local_id(s), []).append(str(o))
    assert all(len(v) == 1 for v in out.values()), out  # exactly one label per entity
    return {k: v[0] for k, v in out.items()}


def article(aid: str, *named: Entity) -> Extraction:
    text = " and ".join(e.label for e in named) + " met."
    mentions = [Mention(e.id, e.label, text.index(e.label), text.index(e.label) + len(e.label)) for e in named]
    return Extraction(Article(aid, aid, text, date="2024-01-01"), list(named), mentions, [])


def test_pick_label_takes_most_votes_then_the_greater_string():
    assert pick_label({"Acme": 1, "Acme Inc": 3}) == "Acme Inc"
    assert pick_label({"Acme AI": 2, "Acme Robotics": 2}) == "Acme Robotics"


def test_labels_graph_agrees_with_the_names_the_app_shows():
    store = build_store()
    shown = {e.id: e.label for e in entities(store, curated=False)}
    got = labels(store)
    assert shown and {k: got[k] for k in shown} == shown
    assert refresh_labels(store, [entity_iri(k) for k in got]) == 0  # already up to date


def test_majority_spelling_wins_and_reingest_moves_the_label():
    store = OxigraphStore(None)
    write_extraction(store, article("a1", Entity("acme", "Acme Robotics", "company")))
    assert labels(store) == {"acme": "Acme Robotics"}
    write_extraction(store, article("a2", Entity("acme", "Acme AI", "company")))
    write_extraction(store, article("a3", Entity("acme", "Acme AI", "company")))
    assert labels(store) == {"acme": "Acme AI"}
    # Re-ingested versions of a2 and a3 spell it the old way again: the label follows.
    write_extraction(store, article("a2", Entity("acme", "Acme Robotics", "company")))
    assert labels(store) == {"acme": "Acme Robotics"}
    # An entity no longer named by any article loses its label; others keep theirs.
    beta = Entity("beta", "Beta Labs", "company")
    write_extraction(store, article("a3", beta))
    write_extraction(store, article("a1", beta))
    write_extraction(store, article("a2", beta))
    assert labels(store) == {"beta": "Beta Labs"}


def test_gazetteer_name_outweighs_article_spellings():
    store = OxigraphStore(None)
    for aid in ("a1", "a2", "a3"):
        write_extraction(store, article(aid, Entity("openai", "Open AI", "company")))
    assert labels(store)["openai"] == "Open AI"
    write_reference_entities(store, [Entity("openai", "OpenAI", "company", qid="Q21708200")])
    assert labels(store)["openai"] == "OpenAI"
    write_reference_entities(store, [])  # the gazetteer drops it: articles decide again
    assert labels(store)["openai"] == "Open AI"


def test_store_written_before_the_labels_graph_gets_it_on_open(tmp_path):
    path = tmp_path / "store"
    store = build_store(path)
    expected = Graph()
    for s, p, o, _g in store.quads(LABELS_GRAPH):
        expected.add((s, p, o))
    store.raw().remove_graph(ox.NamedNode(str(LABELS_GRAPH)))
    store.close()
    reopened = OxigraphStore(path)
    rebuilt = Graph()
    for s, p, o, _g in reopened.quads(LABELS_GRAPH):
        rebuilt.add((s, p, o))
    assert len(expected) > 5 and rebuilt.isomorphic(expected)
    assert (entity_iri("amazon"), RDFS.label, Literal("Amazon")) in rebuilt
    reopened.close()
