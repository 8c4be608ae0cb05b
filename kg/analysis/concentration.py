"""Market concentration and dependency: HHI/CR4 per market, supplier dependency, centrality.

Measures and bands (data/signals.yaml ``concentration``):

* HHI = sum of squared shares in percent (0..10,000); CR4 = sum of the four largest shares.
  Shares are the latest stated per entity per market; ``coverage`` is their sum, so when it is
  below 100 the HHI is a lower bound (the rest of the market is unknown, treated as atomised).
* US 2023 Merger Guidelines: HHI above 1,800 is highly concentrated; a merger raising it by more
  than 100 there, or giving a share above 30% with a change above 100, is presumed harmful.
* EU 2004 horizontal guidelines: post-merger HHI below 1,000, or 1,000-2,000 with delta below 250,
  or above 2,000 with delta below 150: concerns unlikely; combined share below 25%: no impediment.
* A hypothetical merger of shares s1 and s2 raises HHI by 2*s1*s2 (``merger_delta``); applied to
  investor/investee pairs that both hold shares in a market.
* Customer dependency: HHI of each customer's suppliers, equal weights per supplier unless every
  supplier of that customer has a stated amount (then amount-weighted).
* Supplier reach: share of all AI developers in the graph (kg.analysis.roles) a supplier supplies.
* Centrality on the deal network (invests_in, acquires, supplies, partners_with; regulators out):
  degree (distinct counterparties), betweenness (undirected, sampled with fixed seed above a
  size threshold), PageRank on "depends on" direction (customer -> supplier, investee -> investor).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from kg.analysis import rollup as ru
from kg.analysis.config import Config, gc_paused, load_config, source_refs
from kg.analysis.roles import ai_developers
from kg.analysis.shares import ShareRow, latest
from kg.views import EntityRow, RelationRow

# --- arithmetic ------------------------------------------------------------------------------


def hhi(shares: list[float]) -> float:
    """Herfindahl-Hirschman index of shares in percent."""
    return float(sum(s * s for s in shares))


def cr(shares: list[float], n: int = 4) -> float:
    """Concentration ratio: sum of the ``n`` largest shares."""
    return float(sum(sorted(shares, reverse=True)[:n]))


def merger_delta(s1: float, s2: float) -> float:
    """HHI change when firms with shares s1 and s2 combine: (s1+s2)^2 - s1^2 - s2^2."""
    return 2.0 * s1 * s2


def us_band(value: float, config: Config) -> str:
    spec = config["concentration"]["us_2023"]
    return (
        "highly concentrated"
        if value > float(spec["highly_concentrated"])
        else "not highly concentrated"
    )


def us_presumption(post_hhi: float, delta: float, combined_share: float, config: Config) -> bool:
    """2023 US Guidelines structural presumption (Guideline 1)."""
    spec = config["concentration"]["us_2023"]
    big_change = delta > float(spec["delta_presumption"])
    return big_change and (
        post_hhi > float(spec["highly_concentrated"])
        or combined_share > float(spec["share_presumption"])
    )


def eu_band(value: float, config: Config) -> str:
    """EU 2004 band of a market's HHI, with the delta below which concerns are unlikely."""
    spec = config["concentration"]["eu_2004"]
    low, high = float(spec["low"]), float(spec["high"])
    if value < low:
        return f"below {low:,.0f}: concerns unlikely"
    if value <= high:
        return (
            f"{low:,.0f}-{high:,.0f}: concerns unlikely if delta < {float(spec['delta_mid']):,.0f}"
        )
    return f"above {high:,.0f}: concerns unlikely if delta < {float(spec['delta_high']):,.0f}"


def eu_concern(post_hhi: float, delta: float, combined_share: float, config: Config) -> bool:
    """False inside the EU 2004 safe zones (HHI/delta bands, or combined share under 25%)."""
    spec = config["concentration"]["eu_2004"]
    if combined_share < float(spec["safe_share"]):
        return False
    if post_hhi < float(spec["low"]):
        return False
    if post_hhi <= float(spec["high"]):
        return delta >= float(spec["delta_mid"])
    return delta >= float(spec["delta_high"])


# --- records ---------------------------------------------------------------------------------


@dataclass
class MarketRow:
    market: str
    holders: list[dict[str, Any]]
    hhi: float
    cr4: float
    coverage: float
    us_band: str
    eu_band: str
    note: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": "market",
            "market": self.market,
            "firms": len(self.holders),
            "hhi": round(self.hhi, 1),
            "cr4": round(self.cr4, 1),
            "coverage": round(self.coverage, 1),
            "us_2023": self.us_band,
            "eu_2004": self.eu_band,
            "note": self.note,
            "holders": self.holders,
        }


@dataclass
class MergerRow:
    market: str
    investor_id: str
    investor: str
    investee_id: str
    investee: str
    s1: float
    s2: float
    hhi: float
    delta: float
    us_presumption: bool
    eu_concern: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": "merger",
            "market": self.market,
            "investor": self.investor,
            "investor_id": self.investor_id,
            "investee": self.investee,
            "investee_id": self.investee_id,
            "investor_share": self.s1,
            "investee_share": self.s2,
            "hhi": round(self.hhi, 1),
            "delta": round(self.delta, 1),
            "post_hhi": round(self.hhi + self.delta, 1),
            "us_2023_presumption": self.us_presumption,
            "eu_2004_concern": self.eu_concern,
        }


@dataclass
class CustomerRow:
    customer_id: str
    customer: str
    suppliers: list[dict[str, Any]]
    hhi: float
    weighting: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": "customer",
            "customer": self.customer,
            "customer_id": self.customer_id,
            "n_suppliers": len(self.suppliers),
            "supplier_hhi": round(self.hhi, 1),
            "weighting": self.weighting,
            "suppliers": self.suppliers,
        }


@dataclass
class SupplierRow:
    supplier_id: str
    supplier: str
    dependents: list[str]
    developers: int
    share: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": "supplier",
            "supplier": self.supplier,
            "supplier_id": self.supplier_id,
            "ai_developers_supplied": len(self.dependents),
            "ai_developers_total": self.developers,
            "share_of_ai_developers": round(self.share, 1),
            "dependents": self.dependents,
        }


@dataclass
class CentralityRow:
    id: str
    label: str
    degree: float
    betweenness: float
    pagerank: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": "centrality",
            "entity": self.label,
            "entity_id": self.id,
            "degree": round(self.degree, 4),
            "betweenness": round(self.betweenness, 4),
            "pagerank": round(self.pagerank, 4),
        }


@dataclass
class Report:
    """Everything ``regwatch concentration`` prints; lists are sorted most-concentrated first.

    ``shares`` keeps every stated share (the facts behind ``markets``), by market then date.
    """

    markets: list[MarketRow] = field(default_factory=list)
    mergers: list[MergerRow] = field(default_factory=list)
    customers: list[CustomerRow] = field(default_factory=list)
    suppliers: list[SupplierRow] = field(default_factory=list)
    centrality: list[CentralityRow] = field(default_factory=list)
    shares: list[ShareRow] = field(default_factory=list)
    ai_developers: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sources: list[dict[str, str]] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        """All rows as dicts with a ``kind`` key (market, merger, customer, supplier, centrality)."""
        out: list[dict[str, Any]] = []
        for group in (self.markets, self.mergers, self.customers, self.suppliers, self.centrality):
            out.extend(r.as_dict() for r in group)
        out.extend({"kind": "share", **s.as_dict()} for s in self.shares)
        return out


# --- markets ---------------------------------------------------------------------------------


def market_rows(
    shares: list[ShareRow], mapping: dict[str, str], names: dict[str, str], config: Config
) -> tuple[list[MarketRow], dict[str, tuple[str, dict[str, float]]]]:
    """Per market: latest share per (rolled-up) entity, HHI, CR4, coverage and bands."""
    best = latest(shares, mapping)
    by_market: dict[str, list[tuple[str, ShareRow]]] = {}
    for (holder, market), row in best.items():
        by_market.setdefault(market, []).append((holder, row))
    out, table = [], {}
    for market, items in by_market.items():
        items.sort(key=lambda x: (-x[1].share, x[0]))
        values = [r.share for _, r in items]
        total = sum(values)
        h = hhi(values)
        spellings = [r.market for _, r in items]
        label = min(
            spellings, key=lambda m: (-spellings.count(m), len(m), m)
        )  # commonest, then shortest
        if total > 100.5:
            note = f"stated shares sum to {total:.0f}%: sources disagree or markets overlap"
        elif total < 99.5:
            note = f"stated shares cover {total:.0f}% of the market: HHI is a lower bound"
        else:
            note = "stated shares cover the whole market"
        holders = [
            {
                "entity": names.get(holder, holder),
                "entity_id": holder,
                "share": r.share,
                "date": r.date,
                "article": r.article,
                "evidence": r.evidence,
            }
            for holder, r in items
        ]
        out.append(
            MarketRow(
                label, holders, h, cr(values), total, us_band(h, config), eu_band(h, config), note
            )
        )
        table[market] = (label, {holder: r.share for holder, r in items})
    out.sort(key=lambda m: (-m.hhi, m.market))
    return out, table


def merger_rows(
    pairs: set[tuple[str, str]],
    table: dict[str, tuple[str, dict[str, float]]],
    names: dict[str, str],
    config: Config,
) -> list[MergerRow]:
    """Hypothetical merger of each investor/investee pair that both hold shares in one market."""
    out = []
    for a, b in sorted(pairs):
        for label, held in table.values():
            if a in held and b in held:
                s1, s2 = held[a], held[b]
                d = merger_delta(s1, s2)
                pre = hhi(list(held.values()))
                post = pre + d
                out.append(
                    MergerRow(
                        label,
                        a,
                        names.get(a, a),
                        b,
                        names.get(b, b),
                        s1,
                        s2,
                        pre,
                        d,
                        us_presumption(post, d, s1 + s2, config),
                        eu_concern(post, d, s1 + s2, config),
                    )
                )
    return sorted(out, key=lambda r: (-r.delta, r.market, r.investor_id))


# --- dependency ------------------------------------------------------------------------------


def customer_rows(links: list[ru.Link], names: dict[str, str]) -> list[CustomerRow]:
    """HHI of each customer's suppliers: equal weights unless every supplier has a stated amount."""
    supplied: dict[str, dict[str, float | None]] = {}
    for lk in links:
        if lk.predicate != "supplies":
            continue
        amounts = supplied.setdefault(lk.object, {})
        amt = lk.row.attributes.get("amount_usd")
        prev = amounts.get(lk.subject)
        amounts[lk.subject] = max(float(amt), prev or 0.0) if amt else prev
    out = []
    for customer, sup in supplied.items():
        if all(v for v in sup.values()):
            total = sum(v for v in sup.values() if v)
            weights = {s: 100.0 * (v or 0.0) / total for s, v in sup.items()}
            weighting = "stated amounts"
        else:
            weights = {s: 100.0 / len(sup) for s in sup}
            weighting = "equal"
        ranked = sorted(weights.items(), key=lambda x: (-x[1], x[0]))
        out.append(
            CustomerRow(
                customer,
                names.get(customer, customer),
                [
                    {"supplier": names.get(s, s), "supplier_id": s, "weight": round(w, 1)}
                    for s, w in ranked
                ],
                hhi(list(weights.values())),
                weighting,
            )
        )
    return sorted(out, key=lambda c: (-c.hhi, -len(c.suppliers), c.customer_id))


def supplier_rows(links: list[ru.Link], devs: set[str], names: dict[str, str]) -> list[SupplierRow]:
    """For each supplier, the share of all AI developers in the graph that it supplies."""
    reach: dict[str, set[str]] = {}
    for lk in links:
        if lk.predicate == "supplies" and lk.object in devs:
            reach.setdefault(lk.subject, set()).add(lk.object)
    n = len(devs)
    out = [
        SupplierRow(
            s,
            names.get(s, s),
            sorted(names.get(d, d) for d in ds),
            n,
            100.0 * len(ds) / n if n else 0.0,
        )
        for s, ds in reach.items()
    ]
    return sorted(out, key=lambda r: (-r.share, r.supplier_id))


# --- centrality ------------------------------------------------------------------------------


def dependence_weights(links: list[ru.Link], predicates: set[str]) -> dict[tuple[str, str], int]:
    """(u, v) -> number of statements, edges pointing at whom u depends on.

    Customer -> supplier and investee -> investor; partners_with counts both ways.
    """
    w: dict[tuple[str, str], int] = {}
    for lk in links:
        if lk.predicate not in predicates:
            continue
        if lk.predicate == "partners_with":
            w[(lk.subject, lk.object)] = w.get((lk.subject, lk.object), 0) + 1
        w[(lk.object, lk.subject)] = w.get((lk.object, lk.subject), 0) + 1
    return w


def centrality(
    links: list[ru.Link], names: dict[str, str], config: Config
) -> tuple[list[CentralityRow], str]:
    """Degree, betweenness (sampled on large graphs, fixed seed) and PageRank; (rows, method note)."""
    spec = config["concentration"]["centrality"]
    weights = dependence_weights(links, set(spec["predicates"]))
    g = nx.DiGraph()
    g.add_weighted_edges_from((u, v, c) for (u, v), c in weights.items())
    n = g.number_of_nodes()
    if n == 0:
        return [], "no deal edges"
    u = nx.Graph()
    u.add_nodes_from(g)
    u.add_edges_from(weights)
    degree = nx.degree_centrality(u) if n > 1 else {x: 0.0 for x in g}
    if n > int(spec["sample_above"]):
        k = min(n, max(int(spec["min_k"]), int(spec["work_budget"]) // max(1, u.number_of_edges())))
        between = nx.betweenness_centrality(u, k=k, seed=int(spec["seed"]), normalized=True)
        note = (
            f"betweenness estimated from k={k} sampled sources of {n} nodes (seed {spec['seed']}; "
            f"exact up to {spec['sample_above']} nodes)"
        )
    else:
        between = nx.betweenness_centrality(u, normalized=True)
        note = f"betweenness exact on {n} nodes"
    try:
        rank = nx.pagerank(g, weight="weight")
    except nx.PowerIterationFailedConvergence:
        rank = {x: 1.0 / n for x in g}
        note += "; PageRank did not converge (uniform shown)"
    rows = [
        CentralityRow(x, names.get(x, x), degree.get(x, 0.0), between.get(x, 0.0), rank.get(x, 0.0))
        for x in g
    ]
    rows.sort(key=lambda r: (-r.pagerank, -r.betweenness, r.id))
    return rows, note


# --- the report ------------------------------------------------------------------------------


def investor_pairs(links: list[ru.Link], config: Config) -> set[tuple[str, str]]:
    preds = set(config.get("pair_predicates", ["invests_in", "acquires"]))
    return {(lk.subject, lk.object) for lk in links if lk.predicate in preds}


def report(
    rows: list[RelationRow],
    entities: list[EntityRow],
    shares: list[ShareRow],
    rollup: bool = True,
    config: Config | None = None,
    with_centrality: bool = True,
) -> Report:
    """Markets, merger deltas, dependency and centrality from relation rows and stated shares."""
    with gc_paused():
        return _report(rows, entities, shares, rollup, config or load_config(), with_centrality)


def _report(
    rows: list[RelationRow],
    entities: list[EntityRow],
    shares: list[ShareRow],
    rollup: bool,
    config: Config,
    with_centrality: bool,
) -> Report:
    mapping = ru.resolver(entities, rows, rollup)
    for s in shares:
        mapping.setdefault(s.holder_id, s.holder_id)
    names = ru.labels(entities, rows)
    for s in shares:
        names.setdefault(s.holder_id, s.holder)
    links = ru.links(rows, mapping)
    markets, table = market_rows(shares, mapping, names, config)
    devs = ai_developers(links, config, mapping, ru.types(entities))
    rep = Report(
        markets=markets,
        mergers=merger_rows(investor_pairs(links, config), table, names, config),
        customers=customer_rows(links, names),
        suppliers=supplier_rows(links, devs, names),
        shares=list(shares),
        ai_developers=sorted(names.get(d, d) for d in devs),
    )
    rep.notes.append(
        "HHI from the latest stated share per entity per market"
        + (" (units rolled up to their group)" if rollup else "")
        + "; coverage < 100 means HHI is a lower bound"
    )
    rep.notes.append(
        "customer supplier-HHI uses equal weights per supplier unless every supplier has a stated amount"
    )
    rep.notes.append(
        "AI developers: listed in data/signals.yaml roles, or firms buying from a compute supplier and "
        f"selling to others ({len(devs)} found)"
    )
    if with_centrality:
        rep.centrality, note = centrality(links, names, config)
        rep.notes.append(
            "centrality: "
            + note
            + "; PageRank follows dependence (customer->supplier, investee->investor)"
        )
    conc = config["concentration"]
    rep.sources = source_refs(config, [conc["us_2023"]["source"], conc["eu_2004"]["source"]])
    return rep
