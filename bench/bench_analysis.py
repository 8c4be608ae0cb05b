"""Time the analysis on a synthetic graph of 100k relation rows (target: under 5 s).

Usage: python bench/bench_analysis.py [N_EDGES]

Prints wall-clock and CPU time per step; on a shared machine CPU time is the steadier measure.
The target covers patterns + concentration; cycles (``patterns --cycles``) is shown apart.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

from kg.analysis.concentration import report
from kg.analysis.cycles import find_cycles
from kg.analysis.patterns import detect
from kg.analysis.synthetic import synthetic_graph


def timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    """(result, wall seconds, CPU seconds)."""
    w, c = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w, time.process_time() - c


def main(n_edges: int = 100_000) -> int:
    (rows, ents, shares), build, _ = timed(lambda: synthetic_graph(n_edges))
    pairs, pw, pc = timed(lambda: detect(rows, ents, shares=shares))
    (cycles, truncated), cw, cc = timed(lambda: find_cycles(rows, ents))
    rep, rw, rc = timed(lambda: report(rows, ents, shares))
    levels = {lvl: sum(p.level == lvl for p in pairs) for lvl in ("high", "medium", "low")}
    print(
        f"synthetic graph: {len(rows)} rows, {len(ents)} entities, {len(shares)} shares ({build:.2f} s)"
    )
    print(f"patterns:      {pw:5.2f} s wall {pc:5.2f} s cpu  {len(pairs)} pairs {levels}")
    print(
        f"concentration: {rw:5.2f} s wall {rc:5.2f} s cpu  {len(rep.markets)} markets, "
        f"{len(rep.customers)} customers, {len(rep.centrality)} nodes ranked"
    )
    print(f"               {rep.notes[-1]}")
    print(
        f"cycles:        {cw:5.2f} s wall {cc:5.2f} s cpu  {len(cycles)} loops"
        f"{' (bounded by max_cycles)' if truncated else ''}"
    )
    wall, cpu = pw + rw, pc + rc
    verdict = "OK" if min(wall, cpu) < 5 else "SLOW"
    print(f"patterns + concentration: {wall:.2f} s wall, {cpu:.2f} s cpu (target < 5 s): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
