"""Market concentration, dependency and centrality (kg.analysis.concentration, kg.analysis.shares)."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from analysis_fixtures import World

from kg.analysis import concentration as C
from kg.analysis.config import load_config
from kg.analysis.inputs import load_inputs
from kg.analysis.shares import latest, market_key, shares
from kg.analysis.synthetic import synthetic_graph
from kg.cli import main

CFG = load_config()


# --- arithmetic against hand-computed cases ----------------------------------------------------


def test_hhi_and_cr4_hand_computed() -> None:
    assert C.hhi([30, 30, 20, 20]) == 2600
    assert C.hhi([100]) == 10000
    assert C.hhi([40, 30, 20, 10]) == 3000
    assert C.hhi([10] * 10) == 1000
    assert C.cr([30, 30, 20, 20]) == 100
    assert C.cr([5, 40, 10, 25, 20]) == 95  # 40 + 25 + 20 + 10
    assert C.cr([50, 10], n=4) == 60


def test_merger_delta_matches_post_minus_pre() -> None:
    assert C.merger_delta(30, 20) == 1200
    pre = C.hhi([30, 20, 25, 25])
    post = C.hhi([50, 25, 25])
    assert post - pre == C.merger_delta(30, 20)


def test_us_2023_bands_and_presumption() -> None:
    assert C.us_band(1801, CFG) == "highly concentrated"
    assert C.us_band(1800, CFG) == "not highly concentrated"
    assert C.us_presumption(2000, 101, 20, CFG)  # highly concentrated, change > 100
    assert not C.us_presumption(2000, 100, 20, CFG)  # change not above 100
    assert C.us_presumption(1200, 150, 31, CFG)  # share above 30% with change > 100
    assert not C.us_presumption(1200, 150, 30, CFG)


def test_eu_2004_bands_and_safe_zones() -> None:
    assert C.eu_band(999, CFG).startswith("below 1,000")
    assert "250" in C.eu_band(1500, CFG)
    assert "150" in C.eu_band(2500, CFG)
    assert not C.eu_concern(900, 500, 40, CFG)  # post-merger HHI below 1,000
    assert not C.eu_concern(1500, 249, 40, CFG)
    assert C.eu_concern(1500, 250, 40, CFG)
    assert not C.eu_concern(2500, 149, 40, CFG)
    assert C.eu_concern(2500, 150, 40, CFG)
    assert not C.eu_concern(5000, 1000, 24, CFG)  # combined share under 25%


# --- shares view and markets -------------------------------------------------------------------


def cloud_world() -> World:
    w = World()
    w.share(
        "m1",
        "amazon-web-services",
        "cloud infrastructure",
        32,
        "AWS had 32% of cloud infrastructure.",
        date="2023-02-01",
    )
    w.share(
        "m2",
        "amazon-web-services",
        "Global cloud infrastructure market",
        31,
        "AWS holds about 31% of the global cloud infrastructure market.",
        date="2024-02-01",
    )
    w.share(
        "m2",
        "microsoft-azure",
        "cloud infrastructure",
        25,
        "Azure holds 25% of cloud infrastructure.",
    )
    w.share("m2", "google-cloud", "the cloud infrastructure market", 11, "Google Cloud has 11%.")
    w.share(
        "m3",
        "nvidia",
        "AI accelerators",
        80,
        "Nvidia has about 80% of AI accelerators.",
        date="2024-03-01",
    )
    w.share("m3", "anthropic", "foundation models", 20, "Anthropic has 20% of foundation models.")
    w.share("m3", "openai", "foundation models", 40, "OpenAI has 40% of foundation models.")
    w.share("m3", "microsoft", "foundation models", 10, "Microsoft has 10% of foundation models.")
    w.fact(
        "m4", "microsoft", "invests_in", "openai", "Microsoft invests in OpenAI.", date="2024-04-01"
    )
    w.fact("m4", "microsoft-azure", "supplies", "openai", "OpenAI uses Azure.")
    w.fact("m4", "nvidia", "supplies", "openai", "OpenAI buys Nvidia chips.")
    w.fact("m4", "nvidia", "supplies", "anthropic", "Anthropic buys Nvidia chips.")
    w.fact(
        "m4", "amazon-web-services", "supplies", "anthropic", "Anthropic uses AWS.", amount_usd=3e9
    )
    w.fact(
        "m4", "nvidia", "supplies", "amazon-web-services", "AWS buys Nvidia GPUs.", amount_usd=1e9
    )
    w.fact("m4", "microsoft", "supplies", "openai", "OpenAI rents Microsoft compute.")
    return w


@pytest.fixture(scope="module")
def cloud() -> C.Report:
    inp = load_inputs(cloud_world().store())
    return C.report(inp.rows, inp.entities, inp.shares)


def test_market_key_groups_spellings() -> None:
    assert market_key("Global cloud infrastructure market") == "cloud infrastructure"
    assert market_key("the  Cloud Infrastructure market") == "cloud infrastructure"
    assert market_key("AI accelerators") != market_key("cloud infrastructure")


def test_shares_view_reads_market_share_nodes() -> None:
    store = cloud_world().store()
    rows = shares(store)
    assert len(rows) == 8
    aws = [r for r in rows if r.holder_id == "amazon-web-services"]
    assert {r.share for r in aws} == {32.0, 31.0}
    r = next(r for r in aws if r.share == 31.0)
    assert (
        r.article == "m2"
        and r.date == "2024-02-01"
        and r.evidence.startswith("AWS holds about 31%")
    )
    assert r.holder == "Amazon Web Services"
    assert len(shares(store, as_of="2023-12-31")) == 1
    best = latest(rows)
    assert best[("amazon-web-services", "cloud infrastructure")].share == 31.0


def test_market_hhi_uses_latest_share_and_rolls_up(cloud: C.Report) -> None:
    m = next(m for m in cloud.markets if m.market.casefold().endswith("cloud infrastructure"))
    assert {h["entity_id"]: h["share"] for h in m.holders} == {
        "amazon": 31,
        "microsoft": 25,
        "alphabet": 11,
    }
    assert m.hhi == 31**2 + 25**2 + 11**2
    assert m.cr4 == 67 and m.coverage == 67
    assert "lower bound" in m.note
    assert m.us_band == "not highly concentrated"
    acc = next(m for m in cloud.markets if m.market == "AI accelerators")
    assert acc.hhi == 6400 and acc.us_band == "highly concentrated"
    assert cloud.markets[0].hhi >= cloud.markets[-1].hhi


def test_merger_delta_for_investor_investee_pair(cloud: C.Report) -> None:
    assert len(cloud.mergers) == 1
    mg = cloud.mergers[0]
    assert (mg.investor_id, mg.investee_id, mg.market) == (
        "microsoft",
        "openai",
        "foundation models",
    )
    assert mg.delta == 2 * 10 * 40
    assert mg.hhi == 10**2 + 20**2 + 40**2
    assert mg.us_presumption and mg.eu_concern  # post 2900, delta 800, combined 50%


def test_customer_supplier_hhi_equal_and_amount_weights(cloud: C.Report) -> None:
    by = {c.customer_id: c for c in cloud.customers}
    assert by["openai"].weighting == "equal"  # Microsoft (Azure + direct, one group) and Nvidia
    assert by["openai"].hhi == 5000
    assert by["anthropic"].weighting == "equal"  # Nvidia has no stated amount
    assert by["anthropic"].hhi == 5000
    w = World().fact("w1", "nvidia", "supplies", "openai", "x", amount_usd=3e9)
    w.fact("w1", "oracle", "supplies", "openai", "y", amount_usd=1e9)
    inp = load_inputs(w.store())
    rep = C.report(inp.rows, inp.entities, inp.shares)
    c = rep.customers[0]
    assert c.weighting == "stated amounts" and c.hhi == pytest.approx(75**2 + 25**2)


def test_supplier_share_of_ai_developers(cloud: C.Report) -> None:
    assert sorted(cloud.ai_developers) == ["Anthropic", "OpenAI"]
    by = {s.supplier_id: s for s in cloud.suppliers}
    assert by["nvidia"].share == 100.0 and by["nvidia"].dependents == ["Anthropic", "OpenAI"]
    assert by["microsoft"].share == 50.0 and by["amazon"].share == 50.0
    assert cloud.suppliers[0].supplier_id == "nvidia"


def test_ai_developer_graph_rule_without_hint() -> None:
    w = World().entity("newlab", "NewLab")
    w.fact("n1", "nvidia", "supplies", "newlab", "NewLab trains on Nvidia GPUs.")
    w.fact("n1", "newlab", "supplies", "shopmart", "ShopMart licenses NewLab's model.")
    w.fact(
        "n1", "oracle", "supplies", "widgetco", "WidgetCo uses Oracle."
    )  # buys only: not a developer
    inp = load_inputs(w.store())
    assert C.report(inp.rows, inp.entities, inp.shares).ai_developers == ["NewLab"]


# --- centrality ------------------------------------------------------------------------------


def test_centrality_exact_small_graph_matches_networkx(cloud: C.Report) -> None:
    by = {r.id: r for r in cloud.centrality}
    assert by["nvidia"].degree > 0 and by["openai"].degree > 0
    assert any("exact" in n for n in cloud.notes)
    g = nx.Graph(
        [
            ("openai", "microsoft"),
            ("openai", "nvidia"),
            ("anthropic", "nvidia"),
            ("anthropic", "amazon"),
            ("amazon", "nvidia"),
        ]
    )
    expect = nx.betweenness_centrality(g)
    assert {k: round(v, 4) for k, v in expect.items()} == {
        k: round(by[k].betweenness, 4) for k in expect
    }
    assert sum(r.pagerank for r in cloud.centrality) == pytest.approx(1.0)


def test_betweenness_sampled_above_threshold_with_fixed_seed() -> None:
    rows, ents, shs = synthetic_graph(3000, n_nodes=800, seed=5)
    a = C.report(rows, ents, shs)
    b = C.report(rows, ents, shs)
    assert any("sampled" in n for n in a.notes)
    assert [(r.id, r.betweenness) for r in a.centrality[:20]] == [
        (r.id, r.betweenness) for r in b.centrality[:20]
    ]


# --- command line ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    from kg.store import OxigraphStore

    path = tmp_path_factory.mktemp("conc") / "store"
    store = OxigraphStore(path)
    cloud_world().store(store)
    store.close()
    return str(path)


def test_cli_concentration_jsonl_and_table(
    store_dir: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["concentration", "--store", store_dir, "--format", "jsonl"]) == 0
    recs = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    kinds = {r["kind"] for r in recs}
    assert kinds == {"market", "merger", "customer", "supplier", "centrality", "share"}
    stated = [r for r in recs if r["kind"] == "share"]
    assert len(stated) == 8 and {"entity", "market", "share", "date", "evidence"} <= set(stated[0])
    acc = next(r for r in recs if r["kind"] == "market" and r["market"] == "AI accelerators")
    assert acc["hhi"] == 6400 and acc["holders"][0]["evidence"].startswith("Nvidia has about 80%")
    assert (
        main(
            ["concentration", "--store", store_dir, "--section", "markets", "--as-of", "2023-12-31"]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert (
        "== markets (1) ==" in out
        and "1,024" in out
        and "source: US DOJ/FTC Merger Guidelines" in out
    )
    assert main(["concentration", "--store", store_dir, "--top", "-1"]) == 1
