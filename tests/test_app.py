"""The Streamlit workbench, page by page, with AppTest on a small hand-made store."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from app_fixtures import APP, EVIL, build_store
from streamlit.testing.v1 import AppTest

from kg import appdata as ad
from kg.model import edge_id
from kg.views import RelationRow

PAGES = ["overview", "explore", "patterns", "concentration", "sparql", "ingest", "review", "export"]


@pytest.fixture()
def store_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = build_store(tmp_path / "store")
    monkeypatch.setenv("REGWATCH_STORE", str(path))
    monkeypatch.delenv("REGWATCH_MODEL", raising=False)
    st.cache_resource.clear()
    st.cache_data.clear()
    yield path
    st.cache_resource.clear()  # drops the app's store handle
    st.cache_data.clear()
    gc.collect()


def run(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=90)
    at.query_params["page"] = page
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def texts(at: AppTest) -> list[str]:
    """Every string the app sent through Markdown (bodies and widget/expander labels)."""
    out = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "error", "warning", "info", "success"):
        out.extend(e.value for e in at.get(kind))
    for kind in ("button", "expander", "text_input", "selectbox", "download_button"):
        out.extend(getattr(e, "label", "") or "" for e in at.get(kind))
    return out


def table(at: AppTest, column: str) -> list[dict]:
    """Rows of the first dataframe that has ``column``."""
    for df in at.dataframe:
        if column in df.value.columns:
            return df.value.to_dict("records")
    raise AssertionError(f"no table with column {column!r}")


def assert_safe(at: AppTest) -> None:
    for kind in ("markdown", "caption", "title", "header", "subheader"):
        for e in at.get(kind):
            if "allow_html" in e.proto.DESCRIPTOR.fields_by_name:  # headings have no HTML option
                assert not e.proto.allow_html, e.value
    for t in texts(at):
        assert "<img" not in t.replace("\\<img", ""), t
        assert "<script" not in t.replace("\\<script", ""), t
        assert "](javascript" not in t, t


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders(store_path: Path, page: str) -> None:
    at = run(page)
    assert at.title, page
    assert_safe(at)


def test_overview_counts_and_latest(store_path: Path) -> None:
    at = run("overview")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == "4"
    assert metrics["Relations (edges)"] == "6"
    preds = {r["predicate"]: r["edges"] for r in table(at, "edges")}
    assert preds == {"invests in": 3, "supplies": 1, "regulates": 2}
    body = "\n".join(texts(at))
    assert "FTC looks at cloud deals" in body
    assert "Amazon" in str(table(at, "investor"))  # top patterns


def test_search_finds_anthropic_and_opens_its_page(store_path: Path) -> None:
    at = run("explore")
    at.text_input(key="search").input("anthrop").run()
    labels = [b.label for b in at.button if b.key and b.key.startswith("hit-")]
    assert labels and labels[0].startswith("Anthropic")
    at.button(key="hit-anthropic").click().run()
    assert not at.exception
    assert at.query_params.get("entity") in ("anthropic", ["anthropic"])
    assert [h.value for h in at.header] == ["Anthropic"]
    rows = table(at, "counterpart")
    investors = {r["counterpart"] for r in rows if r["role"] == "investor"}
    assert "Amazon" in investors
    body = "\n".join(texts(at))
    assert "**Investors**" in body
    # evidence sentence with the entity names and the cue word highlighted
    assert ":blue-background[Amazon] will :orange-background[invest] \\$4 billion in" in body
    assert "[Amazon deepens Anthropic tie](https://news.example/s1)" in body
    assert any("Amazon → invests in → Anthropic" in e.label for e in at.expander)


def test_search_by_alias(store_path: Path) -> None:
    at = run("explore")
    at.text_input(key="search").input("FTC").run()
    assert [b.key for b in at.button if b.key and b.key.startswith("hit-")] == ["hit-federal-trade-commission"]
    at.text_input(key="search").input("no such firm").run()
    assert any("No entity matches" in i.value for i in at.info)


def test_network_filters_and_graphviz(store_path: Path) -> None:
    at = run("explore", entity="anthropic")
    assert any("entities," in c.value and "relations" in c.value for c in at.caption)
    at.multiselect(key="preds-anthropic").set_value(["regulates"]).run()
    cap = next(c.value for c in at.caption if "entities," in c.value)
    assert cap.startswith("2 entities, 1 relations")
    at.radio(key="style-anthropic").set_value("Graphviz").run()
    assert not at.exception
    at.slider(key="conf-anthropic").set_value(0.95).run()
    assert any("No relation passes" in i.value for i in at.info)


def test_review_decision_changes_the_relations_table(store_path: Path) -> None:
    before = {r["counterpart"] for r in table(run("explore", entity="anthropic"), "counterpart")}
    assert "google" in before or "Google" in before
    at = run("review")
    key = f"rv-{edge_id('google', 'invests_in', 'anthropic')}-rej"
    at.button(key=key).click().run()
    assert not at.exception
    assert any("reject" in s.value for s in at.success)
    assert key not in [b.key for b in at.button]
    after = table(run("explore", entity="anthropic"), "counterpart")
    assert {r["counterpart"] for r in after} == before - {"google", "Google"}
    history = table(run("review"), "decision")
    assert history[0]["decision"] == "reject" and "google" in history[0]["about"]


def test_correct_and_accept_from_the_review_page(store_path: Path) -> None:
    at = run("review")
    k = f"rv-{edge_id('amazon-web-services', 'supplies', 'anthropic')}"
    at.selectbox(key=f"{k}-pred").set_value("partners_with")
    at.button(key=f"{k}-cor").click().run()
    assert not at.exception
    rows = table(run("explore", entity="anthropic"), "counterpart")
    aws = next(r for r in rows if r["counterpart"] == "Amazon Web Services")
    assert (aws["predicate"], aws["review"]) == ("partners_with", "corrected")
    at = run("explore", entity="anthropic")
    at.button(key=f"x-anthropic-acc-{edge_id('amazon', 'invests_in', 'anthropic')}").click().run()
    rows = table(run("explore", entity="anthropic"), "counterpart")
    assert next(r for r in rows if r["counterpart"] == "Amazon")["review"] == "accepted"


def test_merge_and_split_from_the_review_page(store_path: Path) -> None:
    at = run("review")
    at.selectbox(key="merge_dup").set_value("amazon-web-services")
    at.selectbox(key="merge_into").set_value("amazon")
    at.button(key="merge_go").click().run()
    assert not at.exception
    page = run("explore", entity="amazon")
    assert any("AWS" in c.value for c in page.caption)  # aliases unioned
    assert any("Amazon → supplies → Anthropic" in e.label for e in page.expander)
    at = run("review")
    at.button(key="split-amazon-web-services").click().run()
    assert not at.exception
    page = run("explore", entity="amazon-web-services")
    assert [h.value for h in page.header] == ["Amazon Web Services"]


def test_sparql_page_runs_a_ready_query(store_path: Path) -> None:
    at = run("sparql")
    at.selectbox(key="sparql_ready").set_value("investments").run()
    assert "invests_in" in at.text_area(key="sparql_text").value
    at.button(key="sparql_run").click().run()
    assert not at.exception
    rows = table(at, "investor")
    assert any(r["investor"].endswith("/amazon") for r in rows)
    assert {d.label for d in at.download_button} >= {"Download CSV", "Download JSON"}


def test_sparql_page_refuses_updates_and_shows_parse_errors(store_path: Path) -> None:
    at = run("sparql")
    at.text_area(key="sparql_text").input("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    at.button(key="sparql_run").click().run()
    assert at.error and not at.dataframe
    at.text_area(key="sparql_text").input("SELECT ?x WHERE { ?x ")
    at.button(key="sparql_run").click().run()
    assert at.error and "line 1" in at.error[0].value  # the parser's position, shown plainly
    at.text_area(key="sparql_text").input('SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?s = <urn:a>) }')
    at.button(key="sparql_run").click().run()
    assert not at.error and "0 rows" in "\n".join(m.value for m in at.markdown)


def test_ingest_rejects_bad_files(store_path: Path) -> None:
    at = run("ingest")
    at.file_uploader(key="upload").set_value(
        [("big.txt", b"x" * 5_000_001, "text/plain"), ("bin.txt", b"\x00\x01\x02abc", "text/plain"),
         ("bad.jsonl", b'{"id": 1, "text": "ok"}\n{not json\n', "application/json")]
    ).run()
    assert not at.exception
    errors = "\n".join(e.value for e in at.error)
    assert "big\\.txt\\: larger than 5 MB" in errors
    assert "binary file" in errors
    assert "bad\\.jsonl\\:2\\: malformed JSON" in errors
    assert any("1 article ready" in m.value for m in at.markdown)  # the good line still counts


def test_ingest_preview_then_add(store_path: Path) -> None:
    at = run("ingest")
    at.text_input(key="paste_title").input("Nvidia backs Mistral")
    at.text_input(key="paste_date").input("2024-06-11")
    at.text_area(key="paste_text").input(
        "Nvidia will invest $600 million in Mistral AI. Mistral AI will use Microsoft Azure."
    ).run()
    at.button(key="ingest_preview").click().run()
    assert not at.exception
    body = "\n".join(texts(at))
    assert ":blue-background[Nvidia]" in body
    ents = table(at, "mentions")
    assert {"Nvidia", "Mistral AI"} <= {e["entity"] for e in ents}
    at.button(key="ingest_add").click().run()
    assert not at.exception
    assert any("1 articles ingested" in s.value for s in at.success)
    ov = run("overview")
    assert {m.label: m.value for m in ov.metric}["Articles"] == "5"
    assert any("Nvidia backs Mistral" in t for t in texts(ov))


def test_ingest_upload_jsonl_preview(store_path: Path) -> None:
    line = b'{"id": "u1", "title": "Upload", "date": "2024-02-01", "text": "Google invested $2 billion in Anthropic."}\n'
    at = run("ingest")
    at.file_uploader(key="upload").set_value([("one.jsonl", line, "application/json")]).run()
    assert any("1 article ready" in m.value for m in at.markdown)
    at.button(key="ingest_preview").click().run()
    assert any("Upload" in e.label for e in at.expander)


def test_export_page_offers_files(store_path: Path) -> None:
    at = run("export")
    at.selectbox(key="exp_fmt").set_value("ttl")
    at.button(key="exp_go").click().run()
    assert not at.exception
    labels = [d.label for d in at.download_button]
    assert any(label.startswith("Download regwatch.ttl") for label in labels)
    assert any(label.startswith("Download regwatch-") and "entities" in label for label in labels)


def test_patterns_drill_down(store_path: Path) -> None:
    at = run("patterns")
    rows = table(at, "investor")
    assert rows[0]["investor"] == "Amazon" and rows[0]["investee"] == "Anthropic"
    assert [s.value for s in at.subheader][0] == "Amazon → Anthropic"
    assert any("Equity" in e.label or "equity" in e.label for e in at.expander)


def test_evil_entity_is_shown_as_text_everywhere(store_path: Path) -> None:
    at = run("explore")
    at.text_input(key="search").input("img").run()
    assert any(b.key == "hit-evil" for b in at.button)
    assert_safe(at)
    at = run("explore", entity="evil")
    assert [h.value for h in at.header] == ["\\<img src\\=x onerror\\=alert\\(1\\)\\>"]
    assert EVIL in {r["counterpart"] for r in table(run("explore", entity="anthropic"), "counterpart")}
    assert_safe(at)
    for page in PAGES:
        assert_safe(run(page))


# --- kg.appdata: the pure helpers behind the pages -------------------------------------------


def _row(s: str, p: str, o: str, conf: float = 0.9, date: str = "2024-01-01", n: int = 0) -> RelationRow:
    return RelationRow(f"urn:a:{s}:{p}:{o}:{n}", s.title(), s, p, o.title(), o, "art", "Title", date,
                       f"{s} {p} {o}.", 0, 10, conf, "rule:test", {})


def test_md_escape_neutralises_markup() -> None:
    for payload in (EVIL, "[x](javascript:alert(1))", ":red[x]", "**b** _i_ `c`", "$x$", "# h", "a\\nb"):
        out = ad.md_escape(payload)
        assert re.search(r"(?<!\\)[<>\[\]()*_`$#:]", out) is None, out
    assert ad.md_escape("AT&T\nnews") == "AT\\&T news"
    assert ad.md_code("a`b") == "`a\u2018b`"


def test_safe_urls_only() -> None:
    assert ad.safe_url("javascript:alert(1)") is None
    assert ad.safe_url("data:text/html,x") is None
    assert ad.safe_url("ftp://example.org/x") is None
    assert ad.safe_url("https://example.org/a b(c)") == "https://example.org/a%20b%28c%29"
    assert ad.md_link("t]", "javascript:x") == "t\\]"
    assert ad.qid_url("Q95") == "https://www.wikidata.org/wiki/Q95"
    assert ad.qid_url("Q95\"><script>") is None


def test_dot_labels_are_quoted_text() -> None:
    assert ad.dot_quote('a "b" \\ <c>') == '"a \\"b\\" \\\\ <c>"'
    snap = ad.build_snapshot([], [_row("x", "invests_in", "y")])
    dot = ad.to_dot(ad.neighbourhood(snap.edges_of, "x"), snap)
    assert '"x" -> "y"' in dot and "label=<" not in dot


def test_search_ranks_exact_then_prefix_then_alias() -> None:
    from kg.views import EntityRow

    ents = [
        EntityRow("anthropic-fund", "Anthropic Fund", "company", [], 50),
        EntityRow("anthropic", "Anthropic", "company", ["Anthropic PBC"], 3),
        EntityRow("x", "Big Anthropic", "company", [], 99),
        EntityRow("aws", "Amazon Web Services", "company", ["AWS"], 5),
    ]
    assert [e.id for e in ad.search_entities(ents, "anthropic")] == ["anthropic", "anthropic-fund", "x"]
    assert [e.id for e in ad.search_entities(ents, " aws ")] == ["aws"]
    assert ad.search_entities(ents, "") == []


def test_neighbourhood_caps_nodes_and_edges() -> None:
    rows = [_row("hub", "supplies", f"c{i:02d}", conf=0.5 + i / 100) for i in range(50)]
    rows += [_row(f"c{i:02d}", "invests_in", f"d{i:02d}") for i in range(50)]
    snap = ad.build_snapshot([], rows)
    one = ad.neighbourhood(snap.edges_of, "hub", hops=1)
    assert len(one.nodes) == 51 and not one.truncated and len(one.edges) == 50
    two = ad.neighbourhood(snap.edges_of, "hub", hops=2, max_nodes=20)
    assert two.truncated and two.reachable == 101 and len(two.nodes) == 20 and two.nodes[0] == "hub"
    assert all(e.subject_id in two.nodes and e.object_id in two.nodes for e in two.edges)
    few = ad.neighbourhood(snap.edges_of, "hub", hops=1, max_edges=5)
    assert few.edges_cut == 45 and len(few.edges) == 5
    assert {e.object_id for e in few.edges} == {f"c{i}" for i in range(45, 50)}  # the strongest
    filt = ad.neighbourhood(snap.edges_of, "hub", hops=2, predicates=["invests_in"])
    assert filt.nodes == ["hub"]
    conf = ad.neighbourhood(snap.edges_of, "hub", min_conf=0.985)
    assert len(conf.edges) == 1


def test_neighbourhood_exports_are_readable() -> None:
    import io
    import json
    import zipfile

    import networkx as nx

    snap = ad.build_snapshot([], [_row("a", "invests_in", "b"), _row("b", "supplies", "a")])
    nb = ad.neighbourhood(snap.edges_of, "a")
    name, data, _ = ad.neighbourhood_export(nb, snap, "graphml")
    g = nx.read_graphml(io.BytesIO(data))
    assert name == "regwatch-a.graphml" and g.number_of_edges() == 2
    _, data, _ = ad.neighbourhood_export(nb, snap, "gexf")
    assert nx.read_gexf(io.BytesIO(data)).number_of_nodes() == 2
    _, data, _ = ad.neighbourhood_export(nb, snap, "csv")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.read("edges.csv").decode().count("\n") == 3
    _, data, _ = ad.neighbourhood_export(nb, snap, "json")
    assert len(json.loads(data)["edges"]) == 2


def test_evidence_segments_mark_names_and_cues() -> None:
    segs = ad.evidence_segments("Amazon will invest $4bn in Anthropic.", ["Amazon", "Anthropic"], "invests_in")
    assert [t for t, k in segs if k == "entity"] == ["Amazon", "Anthropic"]
    assert [t for t, k in segs if k == "cue"] == ["invest"]
    assert "".join(t for t, _ in segs) == "Amazon will invest $4bn in Anthropic."
    assert ad.segments_markdown(segs) == (
        ":blue-background[Amazon] will :orange-background[invest] \\$4bn in :blue-background[Anthropic]\\."
    )


def test_hub_page_keeps_the_rest_one_pick_away(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.load import write_extraction
    from kg.model import Article, Entity, Evidence, Extraction, Fact, Mention
    from kg.store import OxigraphStore

    n = 35
    text = " ".join(f"Firm {i} buys from Hub." for i in range(n))
    art = Article("h1", "Hub", text, "2024-01-01")
    ents = [Entity("hub", "Hub", "company")] + [Entity(f"f{i}", f"Firm {i}", "company") for i in range(n)]
    facts, pos = [], 0
    for i in range(n):
        sent = f"Firm {i} buys from Hub."
        facts.append(Fact("hub", "supplies", f"f{i}", Evidence("h1", sent, pos, pos + len(sent), "rule:t", 0.9)))
        pos += len(sent) + 1
    store = OxigraphStore(tmp_path / "hub")
    write_extraction(store, Extraction(art, ents, [Mention(e.id, e.label, 0, 1) for e in ents], facts))
    store.close()
    del store
    gc.collect()
    monkeypatch.setenv("REGWATCH_STORE", str(tmp_path / "hub"))
    st.cache_resource.clear()
    try:
        at = run("explore", entity="hub")
        assert len(at.expander) == 30
        more = at.selectbox(key="more-hub")
        assert len(more.options) == 5
        more.set_value(2).run()
        assert not at.exception
        assert sum("buys from" in m.value for m in at.markdown) == 31
    finally:
        st.cache_resource.clear()
        gc.collect()
