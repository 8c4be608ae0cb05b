"""Plain records that flow from ingest into the store: the seam between ``ingest`` and ``kg``.

``ingest`` produces :class:`Extraction` objects; ``kg`` turns them into RDF. Nothing in ``kg``
needs to know how they were made.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from kg.schema import ATTRIBUTES, ENTITY_TYPES, PREDICATES, SCHEMA


def content_hash(*parts: str | None) -> str:
    """Stable SHA-256 over the given parts; the key of idempotent re-ingest."""
    h = hashlib.sha256()
    for part in parts:
        h.update((part or "").encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def slugify(text: str) -> str:
    """Entity ids are slugs of the canonical label: readable and deterministic."""
    norm = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", norm.lower()).strip("-")
    return slug or "x" + content_hash(text)[:12]


@dataclass(frozen=True)
class Article:
    """One article as read from a file; ``id`` falls back to a content hash."""

    id: str
    title: str
    text: str
    date: str | None = None  # ISO date YYYY-MM-DD
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # file (and line) it came from, for messages only

    @property
    def content_hash(self) -> str:
        return content_hash(self.id, self.title, self.date, self.source, self.url, self.text)


@dataclass(frozen=True)
class Entity:
    """A canonical entity; ``parent`` is the id of the parent organisation or a product's maker."""

    id: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    qid: str | None = None
    parent: str | None = None

    def __post_init__(self) -> None:
        if self.type not in ENTITY_TYPES:
            raise ValueError(f"unknown entity type {self.type!r} for {self.label!r}")


@dataclass(frozen=True)
class Mention:
    """A raw mention of an entity in an article (character offsets into ``Article.text``)."""

    entity_id: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Evidence:
    """Where a fact was stated: the sentence, its offsets, who extracted it and how sure."""

    article_id: str
    sentence: str
    start: int
    end: int
    extractor: str
    confidence: float
    date: str | None = None

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} outside [0, 1]")


@dataclass(frozen=True)
class Fact:
    """One relation stated in one sentence: subject and object are entity ids."""

    subject: str
    predicate: str
    object: str
    evidence: Evidence
    attributes: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def __post_init__(self) -> None:
        if self.predicate not in PREDICATES:
            raise ValueError(f"unknown predicate {self.predicate!r}")
        unknown = set(self.attributes) - set(ATTRIBUTES)
        if unknown:
            raise ValueError(f"unknown relation attributes {sorted(unknown)}")

    @property
    def key(self) -> tuple[str, str, str]:
        """The edge this fact supports; symmetric predicates are stored in sorted order."""
        s, o = self.subject, self.object
        if SCHEMA.predicates[self.predicate].get("symmetric") and o < s:
            s, o = o, s
        return (s, self.predicate, o)

    @property
    def id(self) -> str:
        s, p, o = self.key
        ev = self.evidence
        return content_hash(ev.article_id, s, p, o, str(ev.start), str(ev.end))[:24]


@dataclass(frozen=True)
class MarketShare:
    """A stated share of a market, e.g. AWS about 31% of cloud infrastructure."""

    entity: str
    market: str
    share: float  # percent, 0..100
    evidence: Evidence

    @property
    def id(self) -> str:
        ev = self.evidence
        return content_hash(ev.article_id, self.entity, self.market, str(self.share), str(ev.start))[:24]


@dataclass
class Extraction:
    """Everything extracted from one article; written to the store as that article's graph."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    shares: list[MarketShare] = field(default_factory=list)


def edge_id(subject: str, predicate: str, obj: str) -> str:
    """Deterministic id of an edge (subject, predicate, object), used by judgements."""
    if SCHEMA.predicates[predicate].get("symmetric") and obj < subject:
        subject, obj = obj, subject
    return content_hash(subject, predicate, obj)[:24]
