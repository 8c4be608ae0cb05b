"""Score extracted relations against hand-annotated gold: precision, recall and F1 per predicate,
micro over all predicates and micro over the five directed ones.

Scoring is per article on (subject, predicate, object) after mapping predicted entities to gold
names by label or alias (case-insensitive, legal suffixes stripped). Optional gold lines are
neither rewarded nor penalised; ``partners_with`` is scored without direction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.entities import name_key
from kg.errors import RegwatchError
from kg.schema import SCHEMA

Triple = tuple[str, str, str]
SYMMETRIC = {p for p, spec in SCHEMA.predicates.items() if spec.get("symmetric")}
DIRECTED = [p for p in SCHEMA.predicates if p not in SYMMETRIC]


@dataclass(frozen=True)
class GoldLine:
    article: str
    subject: str
    predicate: str
    object: str
    optional: bool = False


@dataclass(frozen=True)
class Prediction:
    """A predicted relation with the names/aliases the scorer may match against gold."""

    article: str
    subject: str
    predicate: str
    object: str
    subject_names: tuple[str, ...] = ()
    object_names: tuple[str, ...] = ()


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Report:
    """Scores plus the mismatches, so a user can see what went wrong."""

    per_predicate: dict[str, Counts] = field(default_factory=dict)
    false_positives: list[tuple[str, Triple]] = field(default_factory=list)
    false_negatives: list[tuple[str, Triple]] = field(default_factory=list)

    def micro(self, predicates: Iterable[str] | None = None) -> Counts:
        total = Counts()
        for p in predicates if predicates is not None else self.per_predicate:
            total.add(self.per_predicate.get(p, Counts()))
        return total

    def as_dict(self) -> dict[str, Any]:
        return {
            "per_predicate": {p: c.as_dict() for p, c in self.per_predicate.items()},
            "micro": self.micro().as_dict(),
            "micro_directed": self.micro(DIRECTED).as_dict(),
            "false_positives": [{"article": a, "triple": list(t)} for a, t in self.false_positives],
            "false_negatives": [{"article": a, "triple": list(t)} for a, t in self.false_negatives],
        }


def read_gold(path: str | Path) -> list[GoldLine]:
    """Gold JSONL; a malformed line is a one-line user error naming the line."""
    out = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RegwatchError(f"cannot read gold file {path}: {exc.strerror or exc}") from exc
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            gl = GoldLine(
                article=str(obj["article"]),
                subject=str(obj["subject"]),
                predicate=str(obj["predicate"]),
                object=str(obj["object"]),
                optional=bool(obj.get("optional", False)),
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise RegwatchError(f"{path}:{n}: not a gold line ({type(exc).__name__}: {exc})") from exc
        if gl.predicate not in SCHEMA.predicates:
            raise RegwatchError(f"{path}:{n}: unknown predicate {gl.predicate!r}")
        out.append(gl)
    return out


def read_entities(path: str | Path) -> dict[str, list[str]]:
    """Gold entities file ``{"Name": {"aliases": [...]}}`` -> name -> surface forms."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise RegwatchError(f"cannot read entities file {path}: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise RegwatchError(f"{path}: malformed JSON ({exc.msg})") from exc
    if not isinstance(raw, dict):
        raise RegwatchError(f"{path}: expected a JSON object of entities")
    return {name: [name, *((spec or {}).get("aliases") or [])] for name, spec in raw.items()}


class NameIndex:
    """Maps any surface form to its gold name (case-insensitive, legal suffixes stripped)."""

    def __init__(self, entities: dict[str, list[str]]) -> None:
        self.index: dict[str, str] = {}
        for name in entities:  # canonical names first so they win over someone's alias
            self.index.setdefault(name_key(name), name)
        for name, forms in entities.items():
            for form in forms:
                self.index.setdefault(name_key(form), name)

    def gold_name(self, names: Iterable[str]) -> str | None:
        for n in names:
            hit = self.index.get(name_key(n))
            if hit is not None:
                return hit
        return None

    def resolve(self, names: tuple[str, ...], fallback: str) -> str:
        return self.gold_name(names) or fallback


def _norm(triple: Triple) -> Triple:
    s, p, o = triple
    if p in SYMMETRIC and o < s:
        s, o = o, s
    return (s, p, o)


def score(
    predictions: Iterable[Prediction],
    gold: Iterable[GoldLine],
    index: NameIndex,
    articles: Iterable[str] | None = None,
) -> Report:
    """Per-article set comparison; only articles in ``articles`` (default: all gold articles)."""
    gold = list(gold)
    wanted = set(articles) if articles is not None else {g.article for g in gold}
    required: dict[str, set[Triple]] = {a: set() for a in wanted}
    optional: dict[str, set[Triple]] = {a: set() for a in wanted}
    for g in gold:
        if g.article not in wanted:
            continue
        s = index.resolve((g.subject,), g.subject)
        o = index.resolve((g.object,), g.object)
        (optional if g.optional else required)[g.article].add(_norm((s, g.predicate, o)))
    predicted: dict[str, set[Triple]] = {a: set() for a in wanted}
    for p in predictions:
        if p.article not in wanted:
            continue
        s = index.resolve((p.subject, *p.subject_names), p.subject)
        o = index.resolve((p.object, *p.object_names), p.object)
        predicted[p.article].add(_norm((s, p.predicate, o)))
    report = Report(per_predicate={p: Counts() for p in SCHEMA.predicates})
    for art in sorted(wanted):
        req, opt, pred = required[art], optional[art] - required[art], predicted[art]
        for t in sorted(pred):
            c = report.per_predicate[t[1]]
            if t in req:
                c.tp += 1
            elif t not in opt:
                c.fp += 1
                report.false_positives.append((art, t))
        for t in sorted(req - pred):
            report.per_predicate[t[1]].fn += 1
            report.false_negatives.append((art, t))
    return report


def format_table(report: Report) -> str:
    rows = [("predicate", "P", "R", "F1", "tp", "fp", "fn")]
    for p, c in report.per_predicate.items():
        rows.append((p, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.tp), str(c.fp), str(c.fn)))
    for label, c in (("micro (directed)", report.micro(DIRECTED)), ("micro (all)", report.micro())):
        rows.append((label, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.tp), str(c.fp), str(c.fn)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, r in enumerate(rows):
        lines.append("  ".join(v.ljust(w) if i == 0 else v.rjust(w) for i, (v, w) in enumerate(zip(r, widths))))
        if n == 0 or n == len(SCHEMA.predicates):
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def predictions_from_store(store: Any) -> list[Prediction]:
    """Relations in a store as predictions, each end with its label and the aliases seen."""
    from kg.views import entities, relations

    names = {e.id: (e.label, *e.aliases) for e in entities(store)}
    return [
        Prediction(
            article=r.article,
            subject=r.subject,
            predicate=r.predicate,
            object=r.object,
            subject_names=names.get(r.subject_id, (r.subject,)),
            object_names=names.get(r.object_id, (r.object,)),
        )
        for r in relations(store)
    ]
