"""The gazetteer: reference entities (with ids, QIDs, parents) and the spaCy component that
matches them, overriding the statistical NER where it is wrong ("Anthropic" as GPE).

Matching (:meth:`GazetteerRuler.match`) is kept apart from writing annotations
(:meth:`GazetteerRuler.set_annotations`) so tests and other components can reuse either half.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.model import Entity
from kg.schema import DATA_DIR

GAZETTEER_PATH = DATA_DIR / "gazetteer.yaml"

# Section of gazetteer.yaml -> entity type; entity type -> entity label set on doc.ents.
SECTIONS = {"companies": "company", "products": "product", "regulators": "regulator", "governments": "government"}
TYPE_LABEL = {
    "company": "COMPANY",
    "product": "PRODUCT",
    "regulator": "REGULATOR",
    "government": "GOVERNMENT",
    "person": "PERSON",
}
LABEL_TYPE = {v: k for k, v in TYPE_LABEL.items()}


@dataclass(frozen=True)
class GazEntry:
    """One gazetteer record; ``descriptors`` feed definite-description coreference."""

    entity: Entity
    descriptors: tuple[str, ...] = ()
    case_sensitive: bool = False
    names: tuple[str, ...] = ()


@dataclass
class Gazetteer:
    """All reference entities, indexed by id and by lower-cased surface name."""

    entries: dict[str, GazEntry] = field(default_factory=dict)

    def get(self, entity_id: str) -> GazEntry | None:
        return self.entries.get(entity_id)

    def entities(self) -> list[Entity]:
        return [e.entity for e in self.entries.values()]

    @functools.cached_property
    def by_name(self) -> dict[str, str]:
        """Lower-cased label/alias -> id, for resolving names that the matcher did not see."""
        out: dict[str, str] = {}
        for entry in self.entries.values():
            for name in entry.names:
                out.setdefault(name.lower(), entry.entity.id)
        return out

    def maker(self, entity_id: str) -> str | None:
        """The company behind a product (following product -> product chains)."""
        seen: set[str] = set()
        current: str | None = entity_id
        while current and current not in seen:
            seen.add(current)
            entry = self.entries.get(current)
            if entry is None or entry.entity.type != "product":
                return current
            current = entry.entity.parent
        return None


def _entry(raw: dict, etype: str) -> GazEntry:
    label = str(raw["label"])
    aliases = tuple(str(a) for a in raw.get("aliases") or ())
    entity = Entity(
        id=str(raw["id"]),
        label=label,
        type=etype,
        aliases=aliases,
        qid=raw.get("qid"),
        parent=raw.get("parent"),
    )
    return GazEntry(
        entity=entity,
        descriptors=tuple(str(d).lower() for d in raw.get("descriptors") or ()),
        case_sensitive=bool(raw.get("case_sensitive")),
        names=(label, *aliases),
    )


@functools.cache
def load_gazetteer(path: Path = GAZETTEER_PATH) -> Gazetteer:
    """Parse gazetteer.yaml once per process; ids must be unique across sections."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    gaz = Gazetteer()
    for section, etype in SECTIONS.items():
        for item in raw.get(section) or ():
            entry = _entry(item, etype)
            if entry.entity.id in gaz.entries:
                raise ValueError(f"duplicate gazetteer id {entry.entity.id!r}")
            gaz.entries[entry.entity.id] = entry
    return gaz


LEGAL_SUFFIX_TOKENS = {
    "inc", "inc.", "ltd", "ltd.", "plc", "ag", "sa", "s.a.", "sas", "llc", "corp", "corp.", "co.",
    "gmbh", "se", "nv", "n.v.", "pbc", "limited", "corporation", "incorporated", "cos.", "a/s",
}  # fmt: skip


# Capitalised words that turn a known name into the name of one of its units or funds.
UNIT_NAME_WORDS = {
    "Ventures", "Capital", "Fund", "Foundry", "Investments", "Labs", "Research", "Holdings",
    "Industrial", "Innovation", "Growth", "Partners", "Vision", "Cloud", "Semiconductor",
    "Networking", "Software", "Security", "Robotics", "Solutions",
    # an industry word makes another business of the group, or another firm ("TPG Telecom")
    "Telecom", "Telecoms", "Telecommunications", "Communications", "Mobile", "Wireless",
    "Broadband", "Energy", "Motor", "Motors", "Electronics", "Pharmaceuticals", "Biologics",
    "Bank", "Insurance", "Airlines", "Entertainment", "Media",
}  # fmt: skip


def _unit_name_end(doc: Doc, end: int) -> int:
    """End of "<known name> Ventures/Foundry/Fund ..." when such words follow the match."""
    j = end
    while j < len(doc) and j - end < 4 and (doc[j].text in UNIT_NAME_WORDS or (j > end and doc[j].is_title and doc[j].pos_ == "PROPN")):
        j += 1
    return j if j > end and any(doc[k].text in UNIT_NAME_WORDS for k in range(end, j)) else end


def _absorb_suffix(doc: Doc, end: int) -> int:
    """Extend a company match over a following legal suffix ("Anthropic PBC", "Acme, Inc.")."""
    if end < len(doc) and doc[end].lower_ in LEGAL_SUFFIX_TOKENS and (doc[end].text[:1].isupper() or doc[end].lower_ == "plc"):
        return end + 1
    if (
        end + 1 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].lower_ in LEGAL_SUFFIX_TOKENS
        and doc[end + 1].text[:1].isupper()
    ):
        return end + 2
    return end


class GazetteerRuler:
    """PhraseMatcher over gazetteer names; writes typed entity spans whose ``id_`` is the entity id."""

    def __init__(self, nlp: Language, name: str, path: str) -> None:
        self.name = name
        self.gazetteer = load_gazetteer(Path(path) if path else GAZETTEER_PATH)
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        for entry in self.gazetteer.entries.values():
            matcher = self.exact if entry.case_sensitive else self.lower
            names = list(entry.names)
            if entry.entity.type == "product":  # "iPhones", "Trainiums": a product's plural is the product
                names += [f"{n}s" for n in entry.names if n[-1:].isalpha() and n[-1:].islower() and not n.endswith("s")]
            patterns = [nlp.make_doc(n) for n in names]
            if entry.case_sensitive:  # also the all-caps headline form
                patterns += [nlp.make_doc(n.upper()) for n in names if n.upper() != n]
            matcher.add(entry.entity.id, patterns)

    def match(self, doc: Doc) -> list[Span]:
        """Longest non-overlapping gazetteer matches, labelled with the entity type; a known
        name followed by unit words ("Qualcomm Ventures") is an unknown unit, not its owner."""
        found = [
            (doc.vocab.strings[match_id], start, end)
            for matcher in (self.exact, self.lower)
            for match_id, start, end in matcher(doc)
            if not (matcher is self.lower and doc[start].is_lower)  # "meta", "amazon rainforest"
        ]
        longest: dict[int, int] = {}
        for _, start, end in found:
            longest[start] = max(longest.get(start, end), end)
        spans = []
        for key, start, end in found:
            etype = self.gazetteer.entries[key].entity.type
            unit_end = _unit_name_end(doc, end) if etype in {"company", "product"} else end
            if unit_end > longest[start]:
                spans.append(Span(doc, start, unit_end, label="ORG"))
                continue
            end = _absorb_suffix(doc, end) if etype == "company" else end
            spans.append(Span(doc, start, end, label=TYPE_LABEL[etype], span_id=key))
        return filter_spans(spans)

    def set_annotations(self, doc: Doc, spans: Iterable[Span]) -> None:
        """Gazetteer spans win over overlapping NER spans; other NER spans stay."""
        spans = list(spans)
        taken = {i for s in spans for i in range(s.start, s.end)}
        kept = []
        for e in doc.ents:
            if not any(i in taken for i in range(e.start, e.end)):
                kept.append(e)
            else:
                kept.extend(_coordinated_rest(doc, e, taken))
        doc.ents = sorted([*kept, *spans], key=lambda s: s.start)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


def _coordinated_rest(doc: Doc, ent: Span, taken: set[int]) -> list[Span]:
    """What an NER span keeps beyond a known name it was coordinated with: "Accel and Orbis
    Investments" tagged as one ORG keeps "Orbis Investments" once "Accel" is matched."""
    out = []
    i = ent.start
    while i < ent.end:
        if i in taken:
            i += 1
            continue
        j = i
        while j < ent.end and j not in taken:
            j += 1
        run = [t for t in doc[i:j]]
        joined_by_and = (run and run[0].lower_ in {"and", ","} and i - 1 in taken) or (
            run and run[-1].lower_ in {"and", ","} and j in taken
        )
        while run and (run[0].lower_ in {"and", ",", "the"} or not run[0].text[:1].isalnum()):
            run.pop(0)
        while run and (run[-1].lower_ in {"and", ","} or not run[-1].text[:1].isalnum()):
            run.pop()
        if joined_by_and and run and run[0].text[:1].isupper() and any(t.pos_ == "PROPN" for t in run):
            out.append(Span(doc, run[0].i, run[-1].i + 1, label=ent.label_))
        i = j
    return out


@Language.factory("regwatch_gazetteer", default_config={"path": ""})
def make_gazetteer_ruler(nlp: Language, name: str, path: str) -> GazetteerRuler:
    return GazetteerRuler(nlp, name, path)
