"""Time the workbench on a large synthetic store: is the Overview on screen within 2 s?

    python bench/bench_app.py                  # 100,000 relations (store kept in bench/out/)
    python bench/bench_app.py --relations 20000 --rebuild

Measures, each on a freshly started app (caches empty):
  overview_data   the Overview's aggregate queries alone (kg.appdata.overview);
  overview_first  a full AppTest run of the Overview page on empty caches: the first render
                  (overview_first_new_process also pays the imports of a new server process:
                  Streamlit, pandas, Altair, once per server start);
  analysis_ready  from there until the background snapshot + patterns + concentration are done
                  (an AppTest run of the Patterns page, which waits for them);
  overview_warm   the Overview again once everything is cached;
  explore_warm    the Explore page of the most connected entity, cached.
Prints one JSON object and writes it to bench/out/bench_app.json.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import shutil
import subprocess
import sys
import time
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.analysis.synthetic import PREDICATE_MIX  # noqa: E402  (same mix as the analysis bench)
from kg.load import write_extraction  # noqa: E402
from kg.model import Article, Entity, Evidence, Extraction, Fact, MarketShare, Mention  # noqa: E402
from kg.store import OxigraphStore  # noqa: E402

OUT = ROOT / "bench" / "out"
APP = ROOT / "app.py"
PER_ARTICLE = 10
MARKETS = ("cloud infrastructure", "ai accelerators", "foundation models")


def build_store(path: Path, n_relations: int, seed: int = 7) -> None:
    """A store of ``n_relations`` assertions in articles of 10, endpoints drawn Zipf-like."""
    rng = random.Random(seed)
    n_nodes = max(50, n_relations // 50)
    companies = [Entity(f"c{i}", f"Company {i}", "company", (f"C{i}",)) for i in range(n_nodes)]
    regulators = [Entity(f"r{i}", f"Regulator {i}", "regulator") for i in range(max(2, n_nodes // 200))]
    cum = list(accumulate(1.0 / (i + 1) ** 0.8 for i in range(n_nodes)))
    preds = [p for p, _ in PREDICATE_MIX]
    pcum = list(accumulate(w for _, w in PREDICATE_MIX))
    store = OxigraphStore(path)
    for a in range(n_relations // PER_ARTICLE):
        sentences = [f"Sentence {k} of article {a} states a deal." for k in range(PER_ARTICLE)]
        text = " ".join(sentences)
        day = f"20{15 + a % 10:02d}-{1 + a % 12:02d}-{1 + a % 28:02d}"
        art = Article(f"a{a}", f"Synthetic article {a}", text, day, "Synthetic Wire", f"https://example.org/a{a}")
        used: dict[str, Entity] = {}
        facts, shares, pos = [], [], 0
        for k, sent in enumerate(sentences):
            p = rng.choices(preds, cum_weights=pcum)[0]
            s, o = rng.choices(companies, cum_weights=cum, k=2)
            if p == "regulates":
                s = regulators[a % len(regulators)]
            if s.id == o.id:
                o = companies[(int(o.id[1:]) + 1) % n_nodes]
            used[s.id], used[o.id] = s, o
            attrs: dict[str, object] = {}
            if p == "invests_in" and rng.random() < 0.5:
                attrs["amount_usd"] = rng.choice([5e7, 3e8, 2e9, 4e9])
            ev = Evidence(art.id, sent, pos, pos + len(sent), "rule:synthetic", round(rng.uniform(0.4, 1.0), 2), day)
            facts.append(Fact(s.id, p, o.id, ev, attrs))
            if k == 0 and a % 50 == 0:
                holder = rng.choices(companies[:20], k=1)[0]
                used[holder.id] = holder
                shares.append(MarketShare(holder.id, MARKETS[a % 3], float(rng.randint(2, 35)), ev))
            pos += len(sent) + 1
        mentions = [Mention(e.id, e.label, 0, 1) for e in used.values()]
        write_extraction(store, Extraction(art, list(used.values()), mentions, facts, shares))
    store.close()
    del store
    gc.collect()


def ensure_store(n_relations: int, rebuild: bool) -> Path:
    path = OUT / f"app-store-{n_relations}"
    marker = path / "regwatch-bench.json"
    if rebuild or not marker.exists():
        shutil.rmtree(path, ignore_errors=True)
        t = time.perf_counter()
        build_store(path, n_relations)
        marker.write_text(json.dumps({"relations": n_relations}), encoding="utf-8")
        print(f"built {path.relative_to(ROOT)} in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return path


def app_run(page: str, **params: str) -> float:
    """One AppTest run of ``page``; its wall time (it fails loudly if the page did not render)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=1800)
    at.query_params["page"] = page
    for k, v in params.items():
        at.query_params[k] = v
    t = time.perf_counter()
    at.run()
    took = time.perf_counter() - t
    problems = [e.message for e in at.exception] + [e.value for e in at.error]
    if problems or not at.title:
        raise SystemExit(f"{page}: did not render: {problems}")
    return took


def phase(name: str, store: Path, tiny: Path, hub: str) -> dict[str, float]:
    """Run in a fresh process, so every phase starts like a newly started app."""
    os.environ["REGWATCH_STORE"] = str(store)
    if name == "new_process":
        return {"overview_first_new_process_s": app_run("overview")}
    os.environ["REGWATCH_STORE"] = str(tiny)
    app_run("overview")  # imports done, caches of the big store still empty
    os.environ["REGWATCH_STORE"] = str(store)
    out = {"overview_first_s": app_run("overview")}
    out["analysis_ready_after_s"] = app_run("patterns")  # waits for the background work
    out["overview_warm_s"] = app_run("overview")
    out["explore_warm_s"] = app_run("explore", entity=hub)
    return out


def run_phase(name: str, store: Path, tiny: Path, hub: str) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--phase", name, "--store", str(store), "--tiny", str(tiny), "--hub", hub]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"phase {name} failed:\n{proc.stdout}\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--relations", type=int, default=100_000)
    ap.add_argument("--rebuild", action="store_true", help="rebuild the synthetic store")
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--store", help=argparse.SUPPRESS)
    ap.add_argument("--tiny", help=argparse.SUPPRESS)
    ap.add_argument("--hub", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase:
        print(json.dumps(phase(args.phase, Path(args.store), Path(args.tiny), args.hub)))
        return 0
    path = ensure_store(args.relations, args.rebuild)
    tiny = ensure_store(100, args.rebuild)

    from kg import appdata as ad
    from kg.rdf import local_id

    store = OxigraphStore(path)
    t = time.perf_counter()
    ov = ad.overview(store)
    overview_data = time.perf_counter() - t
    rows = store.select(
        "SELECT ?s (COUNT(*) AS ?n) WHERE { ?a rdf:subject ?s } GROUP BY ?s ORDER BY DESC(?n) LIMIT 1"
    )
    hub = local_id(rows[0]["s"])
    store.close()
    del store
    gc.collect()

    result: dict[str, object] = {
        "relations": args.relations,
        "edges": ov.edges,
        "entities": ov.entities,
        "articles": ov.articles,
        "overview_data_s": round(overview_data, 2),
    }
    for name in ("new_process", "cached_imports"):
        result.update({k: round(v, 2) for k, v in run_phase(name, path, tiny, hub).items()})
    result["explore_entity"] = hub
    result["overview_under_2s"] = float(result["overview_first_s"]) < 2.0  # type: ignore[arg-type]
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "bench_app.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
