"""What changed since the previous ingest (kg.analysis.alerts, regwatch alerts)."""

from __future__ import annotations

import json
import time

import pytest
from analysis_fixtures import World

from kg.analysis.alerts import ALERTS_GRAPH, alerts, load_snapshot, snapshot
from kg.cli import main
from kg.load import write_extraction
from kg.model import Article, Extraction
from kg.store import OxigraphStore


def first() -> World:
    return World().fact(
        "k1",
        "microsoft",
        "invests_in",
        "openai",
        "Microsoft invests $300 million in OpenAI.",
        date="2023-01-01",
        amount_usd=3e8,
    )


def second() -> World:
    w = World()
    w.fact(
        "k2",
        "microsoft-azure",
        "supplies",
        "openai",
        "Azure is OpenAI's exclusive cloud.",
        date="2023-06-01",
        exclusivity="exclusive",
    )
    sentence = "The CMA asked whether Microsoft's partnership with OpenAI is a merger."
    w.fact(
        "k3",
        "competition-and-markets-authority",
        "regulates",
        "microsoft",
        sentence,
        date="2023-12-08",
    )
    w.fact("k3", "competition-and-markets-authority", "regulates", "openai", sentence)
    w.fact(
        "k4",
        "amazon",
        "invests_in",
        "anthropic",
        "Amazon invests $4 billion in Anthropic.",
        date="2023-09-25",
        amount_usd=4e9,
    )
    return w


def by_kind(found: list) -> dict[str, list]:  # type: ignore[type-arg]
    out: dict[str, list] = {}  # type: ignore[type-arg]
    for a in found:
        out.setdefault(a.kind, []).append(a)
    return out


def test_alerts_after_an_ingest_report_changes_with_evidence() -> None:
    store = first().store()
    snapshot(store)
    assert alerts(store) == ([], True)  # nothing changed since the snapshot
    second().store(store)
    found, had = alerts(store)
    assert had
    kinds = by_kind(found)
    up = kinds["level_up"]
    assert [(a.subject, a.object, a.old_level, a.new_level) for a in up] == [
        ("Microsoft", "OpenAI", "low", "high")
    ]
    assert "new signals: circular_spending, exclusivity, scrutiny" in up[0].summary
    assert [(a.subject, a.object) for a in kinds["new_pair"]] == [("Amazon", "Anthropic")]
    regs = kinds["new_regulator_action"]
    assert {(a.subject, a.object) for a in regs} == {
        ("Competition and Markets Authority", "Microsoft"),
        ("Competition and Markets Authority", "OpenAI"),
    }
    assert regs[0].evidence[0]["sentence"].startswith("The CMA asked whether")
    assert regs[0].evidence[0]["article"] == "k3"
    assert found[0].kind == "level_up"  # most important first
    assert "pair_gone" not in kinds and "level_down" not in kinds


def test_pair_gone_and_level_down_when_articles_change() -> None:
    store = first().store()
    second().store(store)
    snapshot(store)
    empty = Extraction(Article("k1", "Article k1", "", date="2023-01-01"))
    write_extraction(store, empty)  # the article no longer states the investment
    found, _ = alerts(store)
    kinds = by_kind(found)
    assert [(a.subject, a.object) for a in kinds["pair_gone"]] == [("Microsoft", "OpenAI")]
    assert "new_pair" not in kinds


def test_without_snapshot_everything_is_new() -> None:
    store = first().store()
    found, had = alerts(store)
    assert not had
    assert [a.kind for a in found] == ["new_pair"]
    assert load_snapshot(store) is None


def test_snapshot_is_one_json_literal_in_its_own_graph() -> None:
    store = second().store()
    snapshot(store)
    quads = list(store.quads(ALERTS_GRAPH))
    assert len(quads) == 1
    state = json.loads(str(quads[0][2]))
    assert set(state["pairs"]) == {"amazon|anthropic"}
    assert state["regulates"]["competition-and-markets-authority|openai"]["articles"] == ["k3"]
    assert ALERTS_GRAPH in store.graphs()
    snapshot(store)  # replacing, not appending
    assert len(list(store.quads(ALERTS_GRAPH))) == 1


def test_pipeline_hook_takes_the_snapshot() -> None:
    from kg.pipeline import snapshot_before_ingest

    store = first().store()
    snapshot_before_ingest(store)
    state = load_snapshot(store)
    assert state is not None and state["pairs"]["microsoft|openai"]["level"] == "low"


def test_snapshot_is_fast_on_a_hundred_articles() -> None:
    w = World()
    for i in range(100):
        w.fact(f"f{i}", "microsoft", "invests_in", "openai", f"Microsoft invests in OpenAI ({i}).")
        w.fact(f"f{i}", "microsoft-azure", "supplies", "openai", f"OpenAI uses Azure ({i}).")
    store = w.store()
    t = time.perf_counter()
    snapshot(store)
    assert time.perf_counter() - t < 2.0


def test_cli_alerts(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "store"
    store = OxigraphStore(path)
    first().store(store)
    store.close()
    assert main(["alerts", "--store", str(path)]) == 0
    captured = capsys.readouterr()
    assert "no snapshot" in captured.err
    assert "new_pair" in captured.out and "Microsoft -> OpenAI" in captured.out
    store = OxigraphStore(path)
    snapshot(store)
    second().store(store)
    store.close()
    assert main(["alerts", "--store", str(path), "--format", "jsonl"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    lines = [json.loads(x) for x in captured.out.splitlines()]
    assert lines[0]["kind"] == "level_up" and lines[0]["new_level"] == "high"
    assert {x["kind"] for x in lines} == {"level_up", "new_pair", "new_regulator_action"}


@pytest.mark.slow
def test_corpus_ingest_took_a_snapshot(corpus_store) -> None:  # type: ignore[no-untyped-def]
    found, had = alerts(corpus_store)
    assert had  # the ingest snapshotted the empty store before writing
    new = {(a.subject, a.object): a for a in found if a.kind == "new_pair"}
    for pair in [("Amazon", "Anthropic"), ("Alphabet", "Anthropic"), ("Microsoft", "OpenAI")]:
        assert new[pair].new_level == "high"
    assert any(
        a.kind == "new_regulator_action" and a.subject == "Competition and Markets Authority"
        for a in found
    )
