"""Entity canonicalisation and in-article reference resolution.

Turns the ``doc.ents`` of one article into canonical entities (gazetteer first, then the article's
own names), so that "Anthropic PBC", "Anthropic's" and "ANTHROPIC" are one node, acronyms
introduced in the text ("the Competition and Markets Authority (CMA)") and short references
("the Commission" after "European Commission") resolve to the full name, and definite
descriptions ("the startup", "the Seattle company") and pronouns ("it") can be resolved later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ingest.gazetteer import LABEL_TYPE, Gazetteer
from kg.model import Entity, slugify

LEGAL_SUFFIXES = (
    "inc", "incorporated", "ltd", "limited", "plc", "ag", "sa", "s.a", "sas", "s.a.s", "llc", "l.l.c",
    "corp", "corporation", "co", "gmbh", "se", "nv", "n.v", "bv", "b.v", "lp", "l.p", "pbc", "holdings",
    "spa", "s.p.a", "ab", "oy", "as", "kk", "pte", "pty",
)  # fmt: skip
_SUFFIX_RE = re.compile(
    r"(?:,?\s+(?:" + "|".join(re.escape(s) for s in LEGAL_SUFFIXES) + r")\.?)+$", re.IGNORECASE
)
_POSSESSIVE_RE = re.compile(r"\s*['’]s?$")
_REGULATOR_WORDS = {
    "authority", "commission", "agency", "regulator", "bureau", "office", "ombudsman", "tribunal",
    "inspectorate", "watchdog", "commissioner", "board", "directorate",
}  # fmt: skip
_GOVERNMENT_WORDS = {
    "ministry", "department", "government", "parliament", "congress", "senate", "treasury",
    "administration", "house", "council", "cabinet", "court", "state", "assembly",
}  # fmt: skip
# NER "ORG" spans that are never organisations in this domain (news desks, generic words).
NOT_ORGS = {
    "ai", "a.i.", "llm", "llms", "gpu", "gpus", "cloud", "series", "ceo", "cfo", "cto", "ipo",
    "reuters", "bloomberg", "cnbc", "the information", "financial times", "ft", "wsj",
    "the wall street journal", "wall street journal", "the new york times", "new york times",
    "techcrunch", "the verge", "axios", "semafor", "associated press", "ap", "afp", "bbc",
    "the guardian", "politico", "the washington post", "business insider", "fortune", "forbes",
    "nasdaq", "nyse", "s&p", "dow jones", "wall street", "silicon valley", "big tech",
    "generative ai", "artificial intelligence", "agi", "api", "apis", "esg",
}  # fmt: skip
COMPANY_HEADS = {
    "company", "startup", "start-up", "firm", "group", "giant", "maker", "developer", "lab",
    "laboratory", "business", "chipmaker", "provider", "unit", "subsidiary", "outfit", "rival",
    "retailer", "corporation", "conglomerate", "platform", "venture", "partner",
}  # fmt: skip
REGULATOR_HEADS = {
    "regulator", "watchdog", "authority", "agency", "commission", "enforcer", "body", "office",
    "bureau", "department", "executive", "ftc", "cma",
}  # fmt: skip
PRONOUNS = {"it", "its", "itself"}


def strip_legal_suffix(name: str) -> str:
    """"Acme Robotics, Inc." -> "Acme Robotics"; the bare suffix alone is left as is."""
    stripped = _SUFFIX_RE.sub("", name).strip(" ,")
    return stripped or name


def canonical_name(text: str) -> str:
    """Surface form -> display label: no leading article, possessive, suffix or stray spaces."""
    name = " ".join(text.split())
    name = _POSSESSIVE_RE.sub("", name) if re.search(r"['’]s?$", name) else name
    name = re.sub(r"^(?:the|The|THE)\s+", "", name)
    name = strip_legal_suffix(name)
    return name.strip(" ,.;:-\"'“”‘’()")


def name_key(text: str) -> str:
    """Comparison key: case-, punctuation- and suffix-insensitive."""
    return re.sub(r"[^a-z0-9&]+", " ", canonical_name(text).lower()).strip()


def guess_type(name: str, label: str) -> str:
    """Type of a name the gazetteer does not know, from the NER label and head words."""
    if label in LABEL_TYPE:
        return LABEL_TYPE[label]
    words = set(re.findall(r"[a-z]+", name.lower()))
    if label == "PERSON":
        return "person"
    if words & _REGULATOR_WORDS and not words & {"inc", "ltd", "corp", "llc"}:
        return "regulator"
    if words & _GOVERNMENT_WORDS:
        return "government"
    return "company"


def acronym_of(name: str) -> str:
    """Initials of the capitalised words: "Competition and Markets Authority" -> "CMA"."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w-]*", name) if w[0].isupper())


@dataclass
class Mention:
    """One resolved mention in a doc: token span plus the canonical entity it names."""

    start: int
    end: int
    entity: Entity
    text: str
    coref: bool = False  # resolved from a description or pronoun, not a name

    @property
    def type(self) -> str:
        return self.entity.type


@dataclass
class ArticleEntities:
    """Canonical entities and mentions of one article, with the indexes reference resolution uses."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)
    descriptors: dict[str, set[str]] = field(default_factory=dict)

    def add(self, mention: Mention) -> None:
        self.entities.setdefault(mention.entity.id, mention.entity)
        self.mentions.append(mention)
        for i in range(mention.start, mention.end):
            self.by_token[i] = mention

    def mention_at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)


class EntityResolver:
    """Resolves the ents of one doc to canonical entities (one instance per article)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def resolve(self, doc: Doc) -> ArticleEntities:
        out = ArticleEntities()
        keys: dict[str, Entity] = {}  # name key -> entity, for this article
        acronyms: dict[str, Entity] = {}
        for ent in doc.ents:
            entity = self._entity_for(ent, keys, acronyms)
            if entity is None:
                continue
            out.add(Mention(ent.start, ent.end, entity, ent.text))
            self._learn(ent, entity, keys, acronyms, out)
        self._acronym_tokens(doc, acronyms, out)
        for ent_id, entity in out.entities.items():
            entry = self.gaz.get(ent_id)
            if entry:
                out.descriptors.setdefault(ent_id, set()).update(entry.descriptors)
        return out

    def _entity_for(
        self, ent: Span, keys: dict[str, Entity], acronyms: dict[str, Entity]
    ) -> Entity | None:
        if ent.id_ and self.gaz.get(ent.id_):
            return self.gaz.entries[ent.id_].entity
        if ent.label_ not in {"ORG", "PERSON", *LABEL_TYPE}:
            return None
        name = canonical_name(ent.text)
        key = name_key(name)
        if not key or key in NOT_ORGS or not any(c.isupper() for c in name):
            return None
        if key in self.gaz.by_name:
            return self.gaz.entries[self.gaz.by_name[key]].entity
        if name in acronyms:
            return acronyms[name]
        if key in keys:
            return keys[key]
        short = self._short_reference(key, ent.label_, keys)
        if short is not None:
            return short
        etype = guess_type(name, ent.label_)
        return Entity(id=slugify(name), label=name, type=etype)

    @staticmethod
    def _short_reference(key: str, label: str, keys: dict[str, Entity]) -> Entity | None:
        """"Acme" after "Acme Robotics", "Altman" after "Sam Altman", "Commission" after
        "European Commission": a unique earlier name that starts or ends with these words."""
        words = key.split()
        found = {
            e.id: e
            for k, e in keys.items()
            if len(k.split()) > len(words)
            and (k.split()[: len(words)] == words or k.split()[-len(words):] == words)
            and (label != "PERSON" or e.type == "person")
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _learn(
        self,
        ent: Span,
        entity: Entity,
        keys: dict[str, Entity],
        acronyms: dict[str, Entity],
        out: ArticleEntities,
    ) -> None:
        keys.setdefault(name_key(ent.text), entity)
        keys.setdefault(name_key(entity.label), entity)
        doc = ent.doc
        # "Full Name (ACR)" introduces an acronym for the rest of the article.
        if ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")":
            acr = doc[ent.end + 1].text
            if acr.isupper() and len(acr) >= 2:
                acronyms.setdefault(acr, entity)
        # "X, a Paris-based startup," / "startup X": remember descriptors for "the startup".
        desc = out.descriptors.setdefault(entity.id, set())
        for tok in self._describing_tokens(ent):
            desc.add(tok.lemma_.lower())
            desc.add(tok.text.lower())

    @staticmethod
    def _describing_tokens(ent: Span) -> list[Token]:
        root = ent.root
        found: list[Token] = []
        for child in root.children:
            if child.dep_ == "appos" and child.pos_ in {"NOUN", "PROPN"} and child.i >= ent.end:
                found.append(child)
                found.extend(t for t in child.children if t.dep_ in {"amod", "compound"})
        if root.dep_ in {"appos", "compound"} and root.head.pos_ == "NOUN" and root.head.i < ent.start:
            found.append(root.head)
        for tok in ent.doc[max(ent.start - 3, 0) : ent.start]:
            if tok.text.endswith("-based") or tok.lower_ in {"startup", "start-up"}:
                found.append(tok)
        return found

    def _acronym_tokens(self, doc: Doc, acronyms: dict[str, Entity], out: ArticleEntities) -> None:
        """Acronyms the NER missed, used after their introduction."""
        if not acronyms:
            return
        for tok in doc:
            if tok.i in out.by_token or tok.text not in acronyms:
                continue
            out.add(Mention(tok.i, tok.i + 1, acronyms[tok.text], tok.text))
