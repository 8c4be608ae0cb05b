"""Benchmark the ready queries on Oxigraph (on disk) and rdflib (in memory) at 1M triples.

Usage: python bench/bench_store.py [--triples N] [--runs N] [--rdflib-runs N] [--no-rdflib]
                                  [--only NAME ...]

A synthetic corpus of articles is generated as ``kg.model.Extraction`` objects and turned into
quads by ``kg.rdf`` (the same shape as ingested data: one named graph per article, Assertion
nodes with provenance). Hub companies carry real names so the queries' documented example
parameters (``# param:`` lines) select something. Each ready query runs with those examples,
as a user would; p50/p95 are wall-clock milliseconds including conversion of results to rdflib
terms (what the CLI and the endpoint pay). Prints a markdown table.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.labels import refresh_labels
from kg.model import Article, Entity, Evidence, Extraction, Fact, Mention
from kg.rdf import PREFIXES, article_iri, extraction_triples
from kg.sparql import bind_params, check_query, ready_queries
from kg.store import OxigraphStore, Rows, to_ox

HUBS = [
    Entity("amazon", "Amazon", "company", qid="Q3884"),
    Entity("amazon-web-services", "Amazon Web Services", "company", ("AWS",), "Q456157", "amazon"),
    Entity("anthropic", "Anthropic", "company"),
    Entity("google", "Google", "company", qid="Q95"),
    Entity("microsoft", "Microsoft", "company", qid="Q2283"),
    Entity("openai", "OpenAI", "company"),
    Entity("nvidia", "Nvidia", "company"),
]
PREDICATES = [("supplies", 0.4), ("invests_in", 0.25), ("partners_with", 0.1),
              ("acquires", 0.05), ("subsidiary_of", 0.05)]
START = date(2019, 1, 1)


def entity_pool(n_companies: int) -> tuple[list[Entity], list[Entity], list[Entity]]:
    companies = HUBS + [Entity(f"company-{i}", f"Company {i}", "company",
                               qid=f"Q{900000 + i}" if i % 3 == 0 else None)
                        for i in range(n_companies)]
    regulators = [Entity("cma", "Competition and Markets Authority", "regulator", ("CMA",)),
                  Entity("ftc", "Federal Trade Commission", "regulator", ("FTC",))]
    regulators += [Entity(f"regulator-{i}", f"Regulator {i}", "regulator") for i in range(40)]
    others = [Entity(f"person-{i}", f"Person {i}", "person") for i in range(300)]
    others += [Entity(f"product-{i}", f"Product {i}", "product", parent=f"company-{i}") for i in range(300)]
    return companies, regulators, others


def synthetic_extractions(n_triples: int, seed: int = 11) -> tuple[list[Extraction], int]:
    """Articles until ``n_triples`` quads: ~8 facts and ~10 entities each, Zipf-skewed hubs."""
    rng = random.Random(seed)
    companies, regulators, others = entity_pool(max(50, n_triples // 500))
    weights = list(accumulate(1.0 / (i + 1) ** 0.9 for i in range(len(companies))))
    preds = [p for p, _ in PREDICATES]
    pweights = list(accumulate(w for _, w in PREDICATES))
    out, total, i = [], 0, 0
    while total < n_triples:
        day = (START + timedelta(days=rng.randrange(6 * 365))).isoformat()
        aid = f"synthetic-{i:07d}"
        sentences, facts, ents = [], [], {}
        offset = 0
        for k in range(rng.randint(5, 11)):
            if rng.random() < 0.12:
                s, p = rng.choice(regulators), "regulates"
                o = rng.choices(companies, cum_weights=weights)[0]
            else:
                p = rng.choices(preds, cum_weights=pweights)[0]
                s, o = rng.choices(companies, cum_weights=weights, k=2)
                if s.id == o.id:
                    continue
            text = f"{s.label} {p.replace('_', ' ')} {o.label} (sentence {k})."
            ev = Evidence(aid, text, offset, offset + len(text), "synthetic", round(rng.uniform(0.5, 1), 2), day)
            attrs: dict[str, Any] = {}
            if p == "invests_in" and rng.random() < 0.6:
                attrs["amount_usd"] = rng.choice([1e7, 5e7, 1e8, 5e8, 1e9, 4e9])
            if p == "supplies" and rng.random() < 0.2:
                attrs["exclusivity"] = rng.choice(["exclusive", "primary", "preferred"])
            facts.append(Fact(s.id, p, o.id, ev, attrs))
            sentences.append(text)
            ents[s.id], ents[o.id] = s, o
            offset += len(text) + 1
        for e in rng.sample(others, 2):
            ents[e.id] = e
        body = " ".join(sentences)
        mentions = [Mention(e.id, e.label, 0, len(e.label)) for e in ents.values()]
        ex = Extraction(Article(aid, f"Synthetic article {i}", body, day, "Synthetic Wire",
                                f"https://example.org/{aid}"), list(ents.values()), mentions, facts)
        total += sum(1 for _ in extraction_triples(ex))
        out.append(ex)
        i += 1
    return out, total


def quads_of(extractions: list[Extraction]) -> list[tuple[Any, Any, Any, Any]]:
    return [(s, p, o, article_iri(ex.article.id)) for ex in extractions for s, p, o in extraction_triples(ex)]


def timed(fn) -> tuple[Any, float]:
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def pct(samples: list[float], q: float) -> float:
    """Percentile with linear interpolation (p50 of one sample is that sample)."""
    xs = sorted(samples)
    if len(xs) == 1:
        return xs[0]
    k = (len(xs) - 1) * q / 100
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def load_oxigraph(quads, directory: Path) -> OxigraphStore:
    store = OxigraphStore(directory)
    store.raw().bulk_extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g)) for s, p, o, g in quads)
    store.raw().flush()
    return store


def load_rdflib(quads):
    from rdflib import Dataset

    ds = Dataset(default_union=True)  # the default graph is the union, as in regwatch
    ds.addN(quads)
    return ds


def run_oxigraph(store: OxigraphStore, text: str) -> int:
    result, _ = store.execute(text, prefixes=PREFIXES)
    return len(result) if isinstance(result, Rows) else int(bool(result))


def run_rdflib(ds, text: str) -> int:
    return len(list(ds.query(text, initNs=PREFIXES)))


def _rdflib_child(ds, text: str, runs: int, conn) -> None:
    for _ in range(runs):
        try:
            rows, t = timed(lambda: run_rdflib(ds, text))
        except Exception as exc:  # noqa: BLE001 - reported in the table
            conn.send(("error", f"{type(exc).__name__}"))
            return
        conn.send(("ok", rows, t * 1000))


def rdflib_timings(ds, text: str, runs: int, budget: float) -> tuple[list[float], Any]:
    """Run in a forked child (rdflib cannot be interrupted): (times ms, rows or error text).

    Stops at ``budget`` seconds; no time at all means not even one run finished.
    """
    import multiprocessing as mp

    ctx = mp.get_context("fork")  # the child shares the loaded Dataset copy-on-write
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_rdflib_child, args=(ds, text, runs, send))
    proc.start()
    send.close()
    deadline = time.monotonic() + budget
    times, rows = [], None
    while len(times) < runs:
        left = deadline - time.monotonic()
        if left <= 0 or not recv.poll(left):
            break
        msg = recv.recv()
        if msg[0] == "error":
            rows = msg[1]
            break
        rows = msg[1]
        times.append(msg[2])
    proc.kill()
    proc.join()
    return times, rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=20, help="runs per query on Oxigraph")
    ap.add_argument("--rdflib-runs", type=int, default=3, help="runs per query on rdflib")
    ap.add_argument("--rdflib-budget", type=float, default=60.0, metavar="SECONDS",
                    help="give up on a query on rdflib after this long (all its runs)")
    ap.add_argument("--no-rdflib", action="store_true")
    ap.add_argument("--only", nargs="+", metavar="NAME", help="run only these ready queries")
    args = ap.parse_args(argv)

    queries = []
    wanted = set(args.only or [])
    unknown = wanted - {q.name for q in ready_queries()}
    if unknown:
        ap.error(f"no ready query named {sorted(unknown)[0]!r}")
    for q in ready_queries():
        if wanted and q.name not in wanted:
            continue
        text = bind_params(q.text, {p.name: p.example for p in q.params})
        check_query(text)
        queries.append((q.name, text))

    (exs, n), t_gen = timed(lambda: synthetic_extractions(args.triples))
    quads, t_rdf = timed(lambda: quads_of(exs))
    n_articles = len(exs)
    print(f"generated {len(exs)} articles, {n} quads ({t_gen + t_rdf:.1f} s)", file=sys.stderr)

    with tempfile.TemporaryDirectory() as tmp:
        store, t_ox = timed(lambda: load_oxigraph(quads, Path(tmp) / "store"))
        # Derive the labels graph as ingest keeps it (kg.labels); counted in the load time.
        _, t_labels = timed(lambda: refresh_labels(store))
        t_ox += t_labels
        print(f"oxigraph loaded in {t_ox:.1f} s (labels graph {t_labels:.1f} s)", file=sys.stderr)
        # Oxigraph is timed before the rdflib copy exists: a multi-GB Python heap in the same
        # process slows Oxigraph's own allocations by ~10%, and the CLI and endpoint never hold one.
        exs.clear()
        quads.clear()
        load_start = os.getloadavg()[0]
        ox_cells = {}
        for name, text in queries:
            run_oxigraph(store, text)  # warm-up
            wall, cpu, rows = [], [], 0
            for _ in range(args.runs):
                c = time.process_time()
                rows, t = timed(lambda text=text: run_oxigraph(store, text))
                cpu.append((time.process_time() - c) * 1000)
                wall.append(t * 1000)
            ox_cells[name] = (rows, pct(wall, 50), pct(wall, 95), pct(cpu, 50))
            print(f"{name}: oxigraph done", file=sys.stderr)
        ds, t_rl = None, 0.0
        if not args.no_rdflib:
            everything = list(store.quads())  # the same quads, labels and ontology graphs included
            ds, t_rl = timed(lambda: load_rdflib(everything))
            del everything
            print(f"rdflib loaded in {t_rl:.1f} s", file=sys.stderr)
        load = f"Load: Oxigraph (on disk) {t_ox:.1f} s incl. {t_labels:.1f} s for the labels graph" + (
            "" if ds is None else f", rdflib Dataset (in memory) {t_rl:.1f} s ({t_rl / t_ox:.1f}x)"
        )
        lines = [
            f"Synthetic graph: {n:,} quads in {n_articles:,} article graphs. {load}. "
            f"Each ready query with its documented example parameters; Oxigraph {args.runs} runs "
            f"(all before the rdflib copy is loaded), rdflib up to {args.rdflib_runs} runs within "
            f"{args.rdflib_budget:g} s per query. "
            f"Load average at start: {load_start:.1f} on {os.cpu_count()} cores.",
            "",
            "| ready query | rows | Oxigraph p50 ms | Oxigraph p95 ms | Oxigraph CPU p50 ms "
            "| rdflib p50 ms | rdflib p95 ms | rdflib / Oxigraph (p50) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for name, text in queries:
            rows, o50, o95, c50 = ox_cells[name]
            cells = [name, str(rows), f"{o50:.1f}", f"{o95:.1f}", f"{c50:.1f}"]
            if ds is None:
                cells += ["-", "-", "-"]
            else:
                times, got = rdflib_timings(ds, text, args.rdflib_runs, args.rdflib_budget)
                if isinstance(got, str):
                    cells += [f"error ({got})", "-", "-"]
                elif not times:
                    floor = args.rdflib_budget * 1000
                    cells += [f"> {floor:.0f}", "-", f"> {floor / o50:.0f}x"]
                else:
                    r50, r95 = pct(times, 50), pct(times, 95)
                    if got != rows:
                        cells[1] += f" (rdflib: {got})"
                    cells += [f"{r50:.0f}", f"{r95:.0f}", f"{r50 / o50:.0f}x"]
                print(f"{name}: rdflib done", file=sys.stderr)
            lines.append("| " + " | ".join(cells) + " |")
        store.close()
    # Other processes share the cores: the load at both ends says how far to trust the numbers.
    lines[0] += f" Load average at end: {os.getloadavg()[0]:.1f}."
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
