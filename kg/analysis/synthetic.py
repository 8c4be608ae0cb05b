"""Synthetic relation rows for benchmarks and scale tests (no store, no NLP).

Endpoints are drawn with skewed (Zipf-like) weights so a few hubs hold many edges, as in the real
graph where a handful of cloud and chip firms supply most developers.
"""

from __future__ import annotations

import random
from itertools import accumulate

from kg.analysis.shares import ShareRow
from kg.views import EntityRow, RelationRow

PREDICATE_MIX = (
    ("supplies", 0.45),
    ("invests_in", 0.2),
    ("partners_with", 0.1),
    ("regulates", 0.1),
    ("acquires", 0.03),
    ("subsidiary_of", 0.02),
)


def synthetic_graph(
    n_edges: int, n_nodes: int | None = None, seed: int = 7
) -> tuple[list[RelationRow], list[EntityRow], list[ShareRow]]:
    """(rows, entities, shares) with about ``n_edges`` relation rows."""
    rng = random.Random(seed)
    n_nodes = n_nodes or max(20, n_edges // 5)
    n_regs = max(2, n_nodes // 200)
    companies = [f"c{i}" for i in range(n_nodes)]
    regulators = [f"r{i}" for i in range(n_regs)]
    ents = [EntityRow(c, f"Company {c}", "company", [], 1) for c in companies]
    ents += [EntityRow(r, f"Regulator {r}", "regulator", [], 1) for r in regulators]
    cum = list(accumulate(1.0 / (i + 1) ** 0.8 for i in range(n_nodes)))
    preds = [p for p, _ in PREDICATE_MIX]
    pcum = list(accumulate(w for _, w in PREDICATE_MIX))
    rows = []
    picks = rng.choices(companies, cum_weights=cum, k=2 * n_edges)
    kinds = rng.choices(preds, cum_weights=pcum, k=n_edges)
    for i in range(n_edges):
        p = kinds[i]
        s, o = picks[2 * i], picks[2 * i + 1]
        if p == "regulates":
            s = regulators[i % n_regs]
        if s == o:
            o = f"c{(int(o[1:]) + 1) % n_nodes}"
        attrs: dict[str, object] = {}
        roll = rng.random()
        if p == "invests_in" and roll < 0.5:
            attrs["amount_usd"] = float(rng.choice([5e7, 3e8, 2e9, 4e9]))
        if roll > 0.97:
            attrs["hedged"] = True
        if p == "supplies" and roll < 0.05:
            attrs["exclusivity"] = "primary"
        if p == "invests_in" and 0.9 < roll < 0.93:
            attrs["board_seat"] = True
        art = f"a{i // 8}"
        rows.append(
            RelationRow(
                assertion=f"x{i}",
                subject=s,
                subject_id=s,
                predicate=p,
                object=o,
                object_id=o,
                article=art,
                title=art,
                date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                evidence=f"Sentence {i}: {s} {p} {o}.",
                start=i % 8 * 40,
                end=i % 8 * 40 + 39,
                confidence=0.8,
                extractor="synthetic",
                attributes=attrs,
            )
        )
    shares = []
    for m in range(max(1, n_nodes // 100)):
        holders = rng.sample(companies[: max(10, n_nodes // 10)], 6)
        for j, h in enumerate(holders):
            shares.append(
                ShareRow(
                    f"s{m}-{j}",
                    h,
                    h,
                    f"market {m}",
                    float(30 - 4 * j),
                    f"a{m}",
                    "",
                    "2024-01-01",
                    f"{h} holds a share.",
                    0.8,
                )
            )
    return rows, ents, shares
