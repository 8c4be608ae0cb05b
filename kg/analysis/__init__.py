"""Analysis of the graph in regulators' terms. Pure functions: rows in, results out.

API for the CLI and the app (inputs from :func:`kg.analysis.inputs.load_inputs`):

* ``patterns.detect(rows, entities, rollup=True, shares=None) -> list[PairResult]``: every
  investor -> investee pair scored for acquisition-in-all-but-name signals; ``PairResult.as_dict()``.
* ``cycles.find_cycles(rows, entities, rollup=True) -> (list[Cycle], truncated)``: money loops.
* ``concentration.report(rows, entities, shares, rollup=True) -> Report``: HHI/CR4 per market,
  merger deltas, supplier dependency, centrality; ``Report.records()`` for flat rows.
* ``alerts.alerts(store) -> (list[Alert], had_snapshot)`` and ``alerts.snapshot(store)``.

Rules, weights, legal tests and sources live in data/signals.yaml (``config.load_config``).
"""
