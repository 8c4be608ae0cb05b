"""Acquisition-in-all-but-name detector: scores every investor -> investee pair on regulators' signals.

Each signal is a graph pattern over the (rolled-up) relations between the two firms; its evidence
is the sentences that state it, so a score can be traced to the text. Rules, weights and the legal
tests they speak to are in data/signals.yaml. Pure: rows in, results out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kg.analysis import rollup as ru
from kg.analysis.config import Config, gc_paused, load_config, source_refs
from kg.analysis.roles import ai_developers, compute_suppliers, market_holders
from kg.analysis.shares import ShareRow
from kg.analysis.textcues import Cues, cue_strength, only_negated, prepare
from kg.model import content_hash
from kg.views import EntityRow, RelationRow

LEVELS = ("low", "medium", "high")
SUPPLIES = frozenset({"supplies"})
ACQUIHIRE_PREDICATES = frozenset({"invests_in", "acquires", "supplies", "partners_with"})
MAX_EVIDENCE = 20

Link = ru.Link
Pair = tuple[str, str]


@dataclass
class Signal:
    """One signal of a pair: how strong (0..1), the points it adds, why, and the sentences behind it.

    Evidence rows are kept as rows and turned into dicts on demand: most pairs are never shown.
    """

    name: str
    label: str
    strength: float
    points: float
    detail: str
    rows: list[RelationRow] = field(repr=False)
    sources: list[dict[str, str]] = field(default_factory=list)

    @property
    def evidence(self) -> list[dict[str, Any]]:
        """Distinct sentences (article, sentence, date, ...), unhedged and oldest first, capped."""
        return evidence_list(self.rows)[0]

    @property
    def evidence_count(self) -> int:
        return len({(r.article, r.start, r.evidence) for r in self.rows})

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label,
            "strength": round(self.strength, 3),
            "points": round(self.points, 1),
            "detail": self.detail,
            "evidence": self.evidence,
            "evidence_count": self.evidence_count,
            "sources": self.sources,
        }


@dataclass
class PairResult:
    """The verdict on one investor -> investee pair, explainable down to its sentences."""

    id: str
    investor_id: str
    investor: str
    investee_id: str
    investee: str
    score: float
    level: str
    signals: list[Signal]
    explanation: str
    legal_tests: list[dict[str, Any]]
    investor_members: list[str]
    investee_members: list[str]
    first_seen: str | None
    last_seen: str | None

    @property
    def signal_names(self) -> list[str]:
        return [s.name for s in self.signals]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "investor": self.investor,
            "investor_id": self.investor_id,
            "investee": self.investee,
            "investee_id": self.investee_id,
            "score": round(self.score, 1),
            "level": self.level,
            "signals": [s.as_dict() for s in self.signals],
            "explanation": self.explanation,
            "legal_tests": self.legal_tests,
            "investor_members": self.investor_members,
            "investee_members": self.investee_members,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
        }


# --- small helpers ---------------------------------------------------------------------------


def level_rank(level: str) -> int:
    return LEVELS.index(level)


def fmt_usd(amount: float) -> str:
    """USD amounts the way articles write them: $4bn, $300m."""
    for unit, div in (("tn", 1e12), ("bn", 1e9), ("m", 1e6)):
        if amount >= div:
            v = amount / div
            return f"${v:.1f}{unit}".replace(".0" + unit, unit)
    return f"${amount:,.0f}"


def is_hedged(row: RelationRow) -> bool:
    return "hedged" in row.attributes and bool(row.attributes["hedged"])


def evidence_item(row: RelationRow) -> dict[str, Any]:
    return {
        "sentence": row.evidence,
        "article": row.article,
        "date": row.date,
        "title": row.title,
        "predicate": row.predicate,
        "subject": row.subject,
        "object": row.object,
        "hedged": is_hedged(row),
        "confidence": row.confidence,
    }


def evidence_list(
    rows: Iterable[RelationRow], limit: int = MAX_EVIDENCE
) -> tuple[list[dict[str, Any]], int]:
    """Distinct (article, sentence) items, unhedged and dated first; (kept items, total count)."""
    seen: dict[tuple[str, int, str], RelationRow] = {}
    for r in rows:
        seen.setdefault((r.article, r.start, r.evidence), r)
    ordered = sorted(
        seen.values(), key=lambda r: (is_hedged(r), r.date or "9999", r.article, r.start)
    )
    return [evidence_item(r) for r in ordered[:limit]], len(ordered)


def hedge(rows: list[RelationRow], config: Config) -> float:
    """1 if any supporting sentence states the fact as done, else the hedged factor."""
    if any(not r.attributes.get("hedged") for r in rows):
        return 1.0
    return float(config["scoring"]["hedged_factor"])


def _band(value: float, bands: list[dict[str, Any]]) -> dict[str, Any] | None:
    for b in bands:
        if value >= float(b["min"]):
            return b
    return None


# --- the graph index -------------------------------------------------------------------------


@dataclass
class Index:
    """Links grouped the ways the signals look them up; built once per detection."""

    directed: dict[Pair, list[Link]]
    regulators: dict[str, dict[str, list[Link]]]
    investees: dict[str, set[str]]
    pairs: set[Pair]
    devs: set[str]
    markets: dict[str, set[str]]
    cues: dict[str, Cues] = field(default_factory=dict)
    negations: frozenset[str] = frozenset()
    max_gap: int = 30
    pair_preds: frozenset[str] = frozenset({"invests_in", "acquires"})
    _rivals: dict[str, tuple[list[str], dict[str, list[str]]]] = field(default_factory=dict)
    _between: dict[Pair, list[RelationRow]] = field(default_factory=dict)
    sources: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # per signal, shared
    rounds: dict[tuple[str, int, str, Any], set[str]] = field(default_factory=dict)

    def between(self, a: str, b: str) -> list[Link]:
        return self.directed.get((a, b), []) + self.directed.get((b, a), [])

    def between_rows(self, a: str, b: str) -> list[RelationRow]:
        """Rows linking a and b in either direction (memoised: several signals read them)."""
        key = (a, b)
        if key not in self._between:
            self._between[key] = [lk.row for lk in self.between(a, b)]
        return self._between[key]

    def co_investors(self, row: RelationRow, investee: str) -> int:
        """Investors named with ``row``'s amount in its sentence (1 when it stands alone)."""
        key = (row.article, row.start, investee, row.attributes.get("amount_usd"))
        return max(1, len(self.rounds.get(key, ())))

    def rows(self, a: str, b: str, predicates: frozenset[str] | set[str]) -> list[RelationRow]:
        return [lk.row for lk in self.directed.get((a, b), ()) if lk.predicate in predicates]

    def rivals_held(self, a: str, b: str) -> list[str]:
        """Investees of ``a`` that are rivals of ``b`` (see kg.analysis.roles), sorted."""
        if a not in self._rivals:
            held = sorted(self.investees.get(a, set()))
            by_market: dict[str, list[str]] = {}
            for c in held:
                for m in self.markets.get(c, ()):
                    by_market.setdefault(m, []).append(c)
            self._rivals[a] = ([c for c in held if c in self.devs], by_market)
        devs_held, by_market = self._rivals[a]
        out = set(devs_held) if b in self.devs else set()
        for m in self.markets.get(b, ()):
            out.update(by_market.get(m, ()))
        out.discard(b)
        return sorted(out)


def _acquihire_direction(lk: Link, devs: set[str], compute: set[str]) -> Pair:
    """Who hired whom: the licensee/hirer is the customer of a supplies link, else the non-developer."""
    if lk.predicate == "supplies":
        return (lk.object, lk.subject)
    if lk.predicate == "partners_with":
        if (
            lk.subject in devs
            and lk.object not in devs
            or lk.object in compute
            and lk.subject not in compute
        ):
            return (lk.object, lk.subject)
    return (lk.subject, lk.object)


def build_index(
    links: list[Link],
    config: Config,
    mapping: dict[str, str],
    entity_types: dict[str, str],
    holdings: Iterable[tuple[str, str]] = (),
) -> Index:
    pair_preds = set(config.get("pair_predicates", ["invests_in", "acquires"]))
    directed: dict[Pair, list[Link]] = {}
    regulators: dict[str, dict[str, list[Link]]] = {}
    investees: dict[str, set[str]] = {}
    pairs: set[Pair] = set()
    rounds: dict[tuple[str, int, str, Any], set[str]] = {}
    devs = ai_developers(links, config, mapping, entity_types)
    compute = compute_suppliers(config, mapping)
    for lk in links:
        directed.setdefault((lk.subject, lk.object), []).append(lk)
        if lk.predicate == "regulates":
            regulators.setdefault(lk.object, {}).setdefault(lk.subject, []).append(lk)
        elif lk.predicate in pair_preds:
            pairs.add((lk.subject, lk.object))
            investees.setdefault(lk.subject, set()).add(lk.object)
            amount = lk.row.attributes.get("amount_usd")
            if amount and lk.predicate == "invests_in":
                key = (lk.row.article, lk.row.start, lk.object, amount)
                rounds.setdefault(key, set()).add(lk.subject)
        if lk.row.attributes.get("acquihire") and lk.predicate in ACQUIHIRE_PREDICATES:
            pairs.add(_acquihire_direction(lk, devs, compute))
    neg = config.get("negations", {})
    cues = {name: prepare(spec.get("cues", [])) for name, spec in config["signals"].items()}
    return Index(
        directed,
        regulators,
        investees,
        pairs,
        devs,
        market_holders(holdings),
        cues=cues,
        negations=frozenset(neg.get("words", [])),
        max_gap=int(neg.get("max_gap", 30)),
        pair_preds=frozenset(pair_preds),
        rounds=rounds,
        sources={
            n: source_refs(config, spec.get("sources", [])) for n, spec in config["signals"].items()
        },
    )


# --- signals ---------------------------------------------------------------------------------


def _signal(
    name: str, strength: float, detail: str, rows: list[RelationRow], config: Config, idx: Index
) -> Signal | None:
    if strength <= 0:
        return None
    spec = config["signals"][name]
    strength = min(1.0, strength)
    return Signal(
        name=name,
        label=spec.get("label", name),
        strength=strength,
        points=float(spec["weight"]) * strength,
        detail=detail,
        rows=rows,
        sources=idx.sources[name],
    )


def equity_signal(
    a: str, b: str, idx: Index, names: dict[str, str], config: Config
) -> Signal | None:
    """Stated investment or acquisition, graded by amount, stake and repeated tranches."""
    spec = config["signals"]["equity"]
    rows = idx.rows(a, b, idx.pair_preds)
    if not rows:
        return None
    notes: list[str] = []
    split = bool(spec.get("split_rounds", True))
    with_amount = [r for r in rows if r.attributes.get("amount_usd")]
    parts = {id(r): idx.co_investors(r, b) if split else 1 for r in with_amount}
    amounts = sorted({float(r.attributes["amount_usd"]) / parts[id(r)] for r in with_amount})
    shared = max(parts.values(), default=1)
    if shared > 1:
        notes.append(
            f"a round shared with {shared - 1} other named investor(s), amount split evenly"
        )
    stakes = [
        float(r.attributes["stake_percent"])
        for r in rows
        if r.attributes.get("stake_percent") is not None
    ]
    rounds = {str(r.attributes["round"]) for r in rows if r.attributes.get("round")}
    if any(r.predicate == "acquires" for r in rows):
        strength = float(spec.get("acquires", 1.0))
        notes.append("stated as an acquisition")
    else:
        strength = float(spec["base"])
    if amounts:
        band = _band(amounts[-1], spec.get("amount_usd", []))
        strength += float(band["add"]) if band else 0.0
        notes.insert(
            0, "up to " + fmt_usd(amounts[-1]) if len(amounts) > 1 else fmt_usd(amounts[-1])
        )
    if stakes:
        band = _band(max(stakes), spec.get("stake_percent", []))
        strength += float(band["add"]) if band else 0.0
        notes.append(
            f"stake {max(stakes):g}%" + (f" ({band['note']})" if band and band.get("note") else "")
        )
    if len(amounts) > 1 or len(rounds) > 1:
        strength += float(spec.get("repeat_bonus", 0.0))
        notes.append(f"{max(len(amounts), len(rounds))} tranches or rounds")
    for attr, text in (("convertible", "convertible"), ("non_voting", "non-voting")):
        if any(r.attributes.get(attr) for r in rows):
            notes.append(text)
    strength = min(1.0, strength) * hedge(rows, config)
    if hedge(rows, config) < 1:
        notes.append("only reported as talks or plans")
    detail = f"{names[a]} invests in {names[b]}" + (f" ({'; '.join(notes)})" if notes else "")
    return _signal("equity", strength, detail, rows, config, idx)


def supply_signal(
    name: str, supplier: str, customer: str, idx: Index, names: dict[str, str], config: Config
) -> Signal | None:
    """Circular spending (investor supplies investee) or distribution (investee supplies investor)."""
    rows = idx.rows(supplier, customer, SUPPLIES)
    if not rows:
        return None
    if name == "circular_spending":
        detail = f"{names[supplier]} also supplies {names[customer]}: money invested flows back as purchases (cloud-for-equity loop)"
    else:
        detail = f"{names[supplier]} supplies {names[customer]}: the investee depends on the investor for distribution"
    return _signal(name, hedge(rows, config), detail, rows, config, idx)


def _attribute_or_cue(
    name: str, rows: list[RelationRow], config: Config, attr_strength: dict[str, float], idx: Index
) -> tuple[float, list[RelationRow], list[str]]:
    """Strongest evidence of a deal term: attributes first, then phrase cues; hedged rows count less."""
    cues = idx.cues.get(name, ())
    factor = float(config["scoring"]["hedged_factor"])
    best, support, found = 0.0, [], set()
    for r in rows:
        s, what = 0.0, None
        for attr, val in attr_strength.items():
            if r.attributes.get(attr) and val > s:
                s, what = val, attr.replace("_", " ")
        if s > 0.0 and only_negated(r.evidence, cues, idx.negations, idx.max_gap):
            continue  # the sentence denies the term the attribute claims
        if s == 0.0 and cues:
            s, what = cue_strength(r.evidence, cues, idx.negations, idx.max_gap)
        if s <= 0:
            continue
        s *= factor if is_hedged(r) else 1.0
        support.append(r)
        found.add(str(what))
        best = max(best, s)
    return best, support, sorted(found)


def governance_signal(
    a: str, b: str, idx: Index, names: dict[str, str], config: Config
) -> Signal | None:
    rows = idx.between_rows(a, b)
    attrs = {k: float(v) for k, v in config["signals"]["governance"].get("attributes", {}).items()}
    strength, support, found = _attribute_or_cue("governance", rows, config, attrs, idx)
    detail = f"{names[a]} has governance rights in {names[b]} ({', '.join(found)})"
    return _signal("governance", strength, detail, support, config, idx) if support else None


def exclusivity_signal(
    a: str, b: str, idx: Index, names: dict[str, str], config: Config
) -> Signal | None:
    spec = config["signals"]["exclusivity"]
    values = {k: float(v) for k, v in spec.get("values", {}).items()}
    rows = idx.between_rows(a, b)
    factor = float(config["scoring"]["hedged_factor"])
    best, support, found = 0.0, [], set()
    for r in rows:  # the stated attribute value wins over phrase cues
        val = str(r.attributes.get("exclusivity") or "").casefold()
        if val and not only_negated(
            r.evidence, idx.cues.get("exclusivity", ()), idx.negations, idx.max_gap
        ):
            s = values.get(val, min(values.values(), default=0.5))
            support.append(r)
            found.add(val)
            best = max(best, s * (factor if is_hedged(r) else 1.0))
    if not support:
        best, support, cues = _attribute_or_cue("exclusivity", rows, config, {}, idx)
        found.update(cues)
    if not support:
        return None
    detail = f"exclusivity between {names[a]} and {names[b]} ({', '.join(sorted(found))})"
    return _signal("exclusivity", best, detail, support, config, idx)


_HIRE_RE = re.compile(
    r"acqui-?hire|\b(?:hir|recruit|poach)\w*|\b(?:co-?)?founders?\b|\b(?:staff|employees|team|researchers|workforce)\b"
)
HIRE_WINDOW = 60  # characters between the hiring words and the hired firm's name


def hired_firm_named_near(sentence: str, name: str, window: int = HIRE_WINDOW) -> bool:
    """The acqui-hire words sit next to this firm's name, not elsewhere in a long sentence
    ("... hiring of Inflection's staff, and Microsoft's smaller investment in Mistral")."""
    low = sentence.casefold()
    first = name.split()[0] if name.split() else name
    forms = {name.casefold()} | ({first.casefold()} if len(first) >= 4 else set())
    at = [m.start() for f in forms for m in re.finditer(re.escape(f), low)]
    return any(abs(h.start() - n) <= window for h in _HIRE_RE.finditer(low) for n in at)


def acquihire_signal(
    a: str, b: str, idx: Index, names: dict[str, str], config: Config
) -> Signal | None:
    rows = [
        lk.row
        for lk in idx.between(a, b)
        if hired_firm_named_near(lk.row.evidence, lk.row.object if lk.object == b else lk.row.subject)
    ]
    strength, support, _ = _attribute_or_cue("acquihire", rows, config, {"acquihire": 1.0}, idx)
    detail = f"{names[a]} hired {names[b]}'s founders or staff with a licence to its technology (acqui-hire)"
    return _signal("acquihire", strength, detail, support, config, idx) if support else None


def common_ownership_signal(
    a: str, b: str, idx: Index, names: dict[str, str], config: Config
) -> Signal | None:
    """A also invests in B's rivals (other AI developers, or co-holders of a market share)."""
    rivals = idx.rivals_held(a, b)
    if not rivals:
        return None
    rows = [r for c in rivals[:MAX_EVIDENCE] for r in idx.rows(a, c, idx.pair_preds)]
    per = float(config["signals"]["common_ownership"].get("per_rival", 0.5))
    strength = min(1.0, per * len(rivals)) * hedge(rows, config)
    shown = ", ".join(names.get(c, c) for c in rivals[:10]) + (
        f" and {len(rivals) - 10} more" if len(rivals) > 10 else ""
    )
    detail = f"{names[a]} also invests in rivals of {names[b]}: {shown}"
    return _signal("common_ownership", strength, detail, rows, config, idx)


def scrutiny_signal(
    a: str, b: str, idx: Index, names: dict[str, str], config: Config
) -> Signal | None:
    """A regulator acts on both firms; strongest when one article (or sentence) covers both."""
    spec = config["signals"]["scrutiny"]
    regs_a, regs_b = idx.regulators.get(a, {}), idx.regulators.get(b, {})
    best, support, who = 0.0, [], []
    for reg in sorted(set(regs_a) & set(regs_b)):
        ra = [lk.row for lk in regs_a[reg]]
        rb = [lk.row for lk in regs_b[reg]]
        sent = {(r.article, r.start) for r in ra} & {(r.article, r.start) for r in rb}
        arts = {r.article for r in ra} & {r.article for r in rb}
        if sent:
            s, rows, how = (
                float(spec["same_sentence"]),
                [r for r in ra + rb if (r.article, r.start) in sent],
                "same sentence",
            )
        elif arts:
            s, rows, how = (
                float(spec["same_article"]),
                [r for r in ra + rb if r.article in arts],
                "same article",
            )
        else:
            s, rows, how = float(spec["separate"]), ra + rb, "separate articles"
        s *= hedge(rows, config)
        support.extend(rows)
        who.append(f"{names.get(reg, reg)} ({how})")
        best = max(best, s)
    if not support:
        return None
    best = min(1.0, best + float(spec.get("per_extra_regulator", 0.0)) * (len(who) - 1))
    detail = f"regulators acting on both {names[a]} and {names[b]}: " + ", ".join(who)
    return _signal("scrutiny", best, detail, support, config, idx)


def stated_stake(a: str, b: str, idx: Index, config: Config) -> float | None:
    """Largest stake of A in B stated in an unhedged sentence (None if never stated)."""
    stakes = [
        float(r.attributes["stake_percent"])
        for r in idx.rows(a, b, idx.pair_preds)
        if r.attributes.get("stake_percent") is not None and not is_hedged(r)
    ]
    return max(stakes) if stakes else None


SIGNALS = (
    "equity",
    "circular_spending",
    "distribution",
    "governance",
    "exclusivity",
    "acquihire",
    "common_ownership",
    "scrutiny",
)


def pair_signals(a: str, b: str, idx: Index, names: dict[str, str], config: Config) -> list[Signal]:
    found = [
        equity_signal(a, b, idx, names, config),
        supply_signal("circular_spending", a, b, idx, names, config),
        supply_signal("distribution", b, a, idx, names, config),
        governance_signal(a, b, idx, names, config),
        exclusivity_signal(a, b, idx, names, config),
        acquihire_signal(a, b, idx, names, config),
        common_ownership_signal(a, b, idx, names, config),
        scrutiny_signal(a, b, idx, names, config),
    ]
    return [s for s in found if s is not None]


# --- verdict ---------------------------------------------------------------------------------


def counted(signals: list[Signal], config: Config) -> int:
    """Signals strong enough to count toward a level (weak ones only add points)."""
    floor = float(config["scoring"].get("count_min_strength", 0.0))
    return sum(1 for s in signals if s.strength >= floor)


def level_for(score: float, n_signals: int, config: Config) -> str:
    """The highest level whose score and signal-count thresholds are both met."""
    levels = config["scoring"]["levels"]
    for level in reversed(LEVELS):
        spec = levels[level]
        if score >= float(spec["min_score"]) and n_signals >= int(spec["min_signals"]):
            return level
    return "low"


def legal_tests(
    signals: list[Signal], config: Config, stake: float | None = None
) -> list[dict[str, Any]]:
    """Tests the signals speak to: enough of a test's signals, a sufficient one, or a large stake."""
    by_name = {s.name: s for s in signals}
    stake_note = None
    if stake is not None:
        band = _band(stake, config["signals"]["equity"].get("stake_percent", []))
        stake_note = band.get("note") if band else None
    nonvoting = "equity" in by_name and "non-voting" in by_name["equity"].detail
    out = []
    for key, spec in config.get("legal_tests", {}).items():
        present = [n for n in spec["signals"] if n in by_name]
        engaged = (
            len(present) >= int(spec.get("min_signals", 1))
            or any(n in by_name for n in spec.get("sufficient", []))
            or (
                stake is not None
                and "sufficient_stake" in spec
                and stake >= float(spec["sufficient_stake"])
            )
        )
        if not present or not engaged:
            continue
        notes = []
        if key == "cma_material_influence" and stake_note:
            notes.append(stake_note)
        if key == "eu_decisive_influence" and nonvoting:
            notes.append("non-voting equity weighs against decisive influence")
        out.append(
            {
                "test": key,
                "label": spec["label"],
                "signals": present,
                "note": spec.get("note", ""),
                "assessment": "; ".join(notes),
                "sources": source_refs(config, spec.get("sources", [])),
            }
        )
    return out


def explain(
    investor: str,
    investee: str,
    score: float,
    level: str,
    signals: list[Signal],
    tests: list[dict[str, Any]],
) -> str:
    """One paragraph a regulator can read: verdict, each signal in words, tests engaged."""
    if not signals:
        return f"{investor} -> {investee}: no signals."
    parts = [f"{level.capitalize()} ({score:.0f}/100): {investor} -> {investee}."]
    parts += [s.detail[0].upper() + s.detail[1:] + "." for s in signals]
    if tests:
        parts.append("Speaks to: " + "; ".join(t["label"] for t in tests) + ".")
    elif len(signals) == 1:
        parts.append("A single signal: no sign of influence beyond it.")
    return " ".join(parts)


def _dates(rows: Iterable[RelationRow]) -> tuple[str | None, str | None]:
    dates = [r.date for r in rows if r.date]
    return (min(dates), max(dates)) if dates else (None, None)


def detect(
    rows: list[RelationRow],
    entities: list[EntityRow],
    rollup: bool = True,
    shares: list[ShareRow] | None = None,
    config: Config | None = None,
) -> list[PairResult]:
    """Score every investor -> investee pair; highest score first."""
    with gc_paused():
        return _detect(rows, entities, rollup, shares, config or load_config())


def _detect(
    rows: list[RelationRow],
    entities: list[EntityRow],
    rollup: bool,
    shares: list[ShareRow] | None,
    config: Config,
) -> list[PairResult]:
    mapping = ru.resolver(entities, rows, rollup)
    links = ru.links(rows, mapping)
    names = ru.labels(entities, rows)
    holdings = [(mapping.get(s.holder_id, s.holder_id), s.market_key) for s in shares or []]
    idx = build_index(links, config, mapping, ru.types(entities), holdings)
    groups = ru.members(mapping)
    max_score = float(config["scoring"].get("max_score", 100))
    results = []
    for a, b in sorted(idx.pairs):
        for x in (a, b):
            names.setdefault(x, x)
        signals = pair_signals(a, b, idx, names, config)
        if not signals:
            continue
        score = min(max_score, sum(s.points for s in signals))
        level = level_for(score, counted(signals, config), config)
        tests = legal_tests(signals, config, stated_stake(a, b, idx, config))
        first, last = _dates(idx.between_rows(a, b))
        results.append(
            PairResult(
                id=content_hash("pair", a, b)[:16],
                investor_id=a,
                investor=names[a],
                investee_id=b,
                investee=names[b],
                score=round(score, 1),
                level=level,
                signals=signals,
                explanation=explain(names[a], names[b], score, level, signals, tests),
                legal_tests=tests,
                investor_members=groups.get(a, [a]),
                investee_members=groups.get(b, [b]),
                first_seen=first,
                last_seen=last,
            )
        )
    return sorted(results, key=lambda p: (-p.score, p.investor_id, p.investee_id))


def at_least(results: list[PairResult], min_level: str) -> list[PairResult]:
    return [p for p in results if level_rank(p.level) >= level_rank(min_level)]
