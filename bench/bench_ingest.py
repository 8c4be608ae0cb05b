"""Is extraction cheap next to the NLP it needs? Runs the plain spaCy pipeline (``nlp.pipe``) and
our full extraction over the same texts (the sample corpus repeated to ~200k words) in one run,
and prints words/second for both, their ratio (target >= 0.9) and the peak RSS. The two sides
alternate slice by slice (who goes first alternates too); besides the overall ratio it prints
the median of the per-slice ratios, which one burst of outside load cannot move much.

    python bench/bench_ingest.py [--words 200000] [--model NAME] [--jobs 1] [--batch-size 16]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "articles"


def load_articles(target_words: int) -> list:  # type: ignore[type-arg]
    """The sample corpus repeated (with fresh ids) until it holds ``target_words`` words."""
    from ingest.readers import read_paths
    from kg.model import Article

    base = [a for a in read_paths([CORPUS]) if isinstance(a, Article)]
    if not base:
        sys.exit(f"no articles under {CORPUS}")
    out: list[Article] = []
    words = 0
    copy = 0
    while words < target_words:
        for a in base:
            out.append(replace(a, id=f"{a.id}~{copy}"))
            words += len(a.text.split())
            if words >= target_words:
                break
        copy += 1
    return out


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--model", default=None)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--rounds", type=int, default=8, help="interleaved slices (default 8)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    args = ap.parse_args(argv)

    import spacy

    import ingest
    from ingest.extract import get_extractor

    model = args.model or ingest.DEFAULT_MODEL
    articles = load_articles(args.words)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)

    nlp = spacy.load(model)
    extractor = get_extractor(model)
    # warm up both (first-call allocations, lazy tables)
    list(nlp.pipe(texts[:4]))
    list(extractor.extract(articles[:4]))

    # Interleave the two measurements slice by slice: the machine is shared, and alternating
    # keeps a burst of outside load from landing on one side only. With one process the ratio
    # uses CPU time (immune to other processes' load); with workers it must use wall time.
    clock = time.process_time if args.jobs == 1 else time.perf_counter
    raw = full = raw_wall = full_wall = 0.0
    facts = 0
    pairs: list[float] = []  # raw / full per slice: a burst of outside load spoils one pair only
    step = max(1, len(articles) // args.rounds)
    for k, i in enumerate(range(0, len(articles), step)):
        part = articles[i : i + step]
        sides = ["raw", "full"] if k % 2 == 0 else ["full", "raw"]  # alternate who goes first
        took: dict[str, float] = {}
        for side in sides:
            t0, w0 = clock(), time.perf_counter()
            if side == "raw":
                with nlp.memory_zone():
                    for _doc in nlp.pipe([a.text for a in part], batch_size=args.batch_size, n_process=args.jobs):
                        pass
            else:
                for ex in extractor.extract(part, jobs=args.jobs, batch_size=args.batch_size):
                    facts += len(ex.facts)
            took[side] = clock() - t0
            if side == "raw":
                raw_wall += time.perf_counter() - w0
            else:
                full_wall += time.perf_counter() - w0
        raw += took["raw"]
        full += took["full"]
        pairs.append(took["raw"] / took["full"])

    result = {
        "model": model,
        "articles": len(articles),
        "words": words,
        "jobs": args.jobs,
        "clock": "cpu" if args.jobs == 1 else "wall",
        "raw_words_per_s": round(words / raw),
        "extract_words_per_s": round(words / full),
        "ratio": round(raw / full, 3),
        "median_slice_ratio": round(statistics.median(pairs), 3),
        "slice_ratio_range": [round(min(pairs), 3), round(max(pairs), 3)],
        "wall_ratio": round(raw_wall / full_wall, 3),
        "facts": facts,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{len(articles)} articles, {words:,} words, model {model}, jobs {args.jobs}")
        print(f"raw nlp.pipe      {result['raw_words_per_s']:>8,} words/s ({result['clock']} time)")
        print(f"full extraction   {result['extract_words_per_s']:>8,} words/s  ({facts:,} facts)")
        print(f"ratio             {result['ratio']:>8.3f}  (target >= 0.9; wall-clock ratio {result['wall_ratio']:.3f})")
        lo, hi = result["slice_ratio_range"]
        print(f"per-slice ratio   {result['median_slice_ratio']:>8.3f}  median of {len(pairs)} paired slices ({lo:.3f}-{hi:.3f})")
        print(f"peak RSS          {result['peak_rss_mb']:>8.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
