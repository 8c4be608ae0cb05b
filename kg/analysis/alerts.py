"""What changed since the previous ingest: new pairs, level changes, new regulator actions.

``snapshot(store)`` runs before every ingest writes anything and keeps the analysis state as one
JSON literal in the graph ``<base>graph/alerts-state`` (via ``replace_graph``, so it also works on
remote stores); ``alerts`` compares the state now with that snapshot.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from rdflib import Literal, URIRef

from kg.analysis.inputs import load_inputs
from kg.analysis.patterns import PairResult, detect, evidence_list, level_rank
from kg.analysis.shares import ShareRow
from kg.rdf import ALERTS_GRAPH, BASE
from kg.store import Store
from kg.views import EntityRow, RelationRow

STATE = URIRef(BASE + "alerts#state")
VERSION = 1

State = dict[str, Any]


def state(
    rows: list[RelationRow],
    ents: list[EntityRow],
    pairs: list[PairResult] | None = None,
    shares: list[ShareRow] | None = None,
) -> State:
    """The comparable analysis state: pairs with level and score, regulator -> target edges."""
    pairs = detect(rows, ents, shares=shares) if pairs is None else pairs
    regs: dict[str, dict[str, Any]] = {}
    for r in rows:
        if r.predicate == "regulates":
            key = f"{r.subject_id}|{r.object_id}"
            item = regs.setdefault(
                key, {"regulator": r.subject, "target": r.object, "articles": []}
            )
            if r.article not in item["articles"]:
                item["articles"].append(r.article)
    return {
        "version": VERSION,
        "articles": sorted({r.article for r in rows}),
        "pairs": {
            f"{p.investor_id}|{p.investee_id}": {
                "investor": p.investor,
                "investee": p.investee,
                "level": p.level,
                "score": p.score,
                "signals": p.signal_names,
            }
            for p in pairs
        },
        "regulates": regs,
    }


def empty_state() -> State:
    return {"version": VERSION, "articles": [], "pairs": {}, "regulates": {}}


def snapshot(store: Store) -> None:
    """Record the current analysis state (called by the ingest before it writes)."""
    inp = load_inputs(store)
    current = state(inp.rows, inp.entities, shares=inp.shares)
    text = json.dumps(current, sort_keys=True, separators=(",", ":"))
    store.replace_graph(ALERTS_GRAPH, [(ALERTS_GRAPH, STATE, Literal(text))])


def load_snapshot(store: Store) -> State | None:
    """The state stored by the last snapshot, or None if no ingest has taken one."""
    rows = store.select(
        f"SELECT ?s WHERE {{ GRAPH <{ALERTS_GRAPH}> {{ <{ALERTS_GRAPH}> <{STATE}> ?s }} }}"
    )
    for r in rows:
        try:
            data = json.loads(str(r["s"]))
        except ValueError:
            return None
        if isinstance(data, dict) and data.get("version") == VERSION:
            return data
    return None


@dataclass
class Alert:
    kind: str  # new_pair, level_up, level_down, pair_gone, new_regulator_action
    summary: str
    subject: str
    object: str
    old_level: str | None = None
    new_level: str | None = None
    score: float | None = None
    evidence: list[dict[str, Any]] | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "summary": self.summary,
            "subject": self.subject,
            "object": self.object,
            "old_level": self.old_level,
            "new_level": self.new_level,
            "score": self.score,
            "evidence": self.evidence or [],
        }


_ORDER = {"level_up": 0, "new_pair": 1, "new_regulator_action": 2, "level_down": 3, "pair_gone": 4}


def diff(
    before: State,
    after: State,
    pairs: list[PairResult] | None = None,
    rows: list[RelationRow] | None = None,
) -> list[Alert]:
    """Alerts from one state to the next; ``pairs``/``rows`` (current) add evidence sentences."""
    by_key = {f"{p.investor_id}|{p.investee_id}": p for p in pairs or []}
    out: list[Alert] = []
    old_pairs, new_pairs = before.get("pairs", {}), after.get("pairs", {})
    for key, cur in new_pairs.items():
        p = by_key.get(key)
        ev = [e for s in p.signals for e in s.evidence[:2]][:5] if p else []
        prev = old_pairs.get(key)
        who = f"{cur['investor']} -> {cur['investee']}"
        if prev is None:
            signals = ", ".join(cur["signals"])
            out.append(
                Alert(
                    "new_pair",
                    f"new pair {who}: {cur['level']} ({cur['score']:.0f}; {signals})",
                    cur["investor"],
                    cur["investee"],
                    None,
                    cur["level"],
                    cur["score"],
                    ev,
                )
            )
        elif prev["level"] != cur["level"]:
            up = level_rank(cur["level"]) > level_rank(prev["level"])
            added = sorted(set(cur["signals"]) - set(prev.get("signals", [])))
            why = f"; new signals: {', '.join(added)}" if added else ""
            out.append(
                Alert(
                    "level_up" if up else "level_down",
                    f"{who}: {prev['level']} -> {cur['level']} ({prev['score']:.0f} -> {cur['score']:.0f}{why})",
                    cur["investor"],
                    cur["investee"],
                    prev["level"],
                    cur["level"],
                    cur["score"],
                    ev,
                )
            )
    for key, prev in old_pairs.items():
        if key not in new_pairs:
            out.append(
                Alert(
                    "pair_gone",
                    f"pair no longer found: {prev['investor']} -> {prev['investee']}",
                    prev["investor"],
                    prev["investee"],
                    prev["level"],
                    None,
                    None,
                    [],
                )
            )
    old_regs = before.get("regulates", {})
    for key, cur in after.get("regulates", {}).items():
        if key in old_regs:
            continue
        sid, oid = key.split("|", 1)
        ev_rows = [
            r
            for r in rows or []
            if r.predicate == "regulates" and r.subject_id == sid and r.object_id == oid
        ]
        ev, _ = evidence_list(ev_rows, limit=5)
        out.append(
            Alert(
                "new_regulator_action",
                f"{cur['regulator']} acts on {cur['target']}",
                cur["regulator"],
                cur["target"],
                None,
                None,
                None,
                ev,
            )
        )
    out.sort(key=lambda a: (_ORDER.get(a.kind, 9), -(a.score or 0), a.subject, a.object))
    return out


def alerts(store: Store) -> tuple[list[Alert], bool]:
    """Alerts since the last ingest's snapshot; (alerts, had_snapshot)."""
    inp = load_inputs(store)
    pairs = detect(inp.rows, inp.entities, shares=inp.shares)
    before = load_snapshot(store)
    after = state(inp.rows, inp.entities, pairs)
    return diff(before or empty_state(), after, pairs, inp.rows), before is not None
