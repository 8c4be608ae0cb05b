"""Entity canonicalisation and in-article reference resolution.

Turns the ``doc.ents`` of one article into canonical entities (gazetteer first, then the article's
own names), so that "Anthropic PBC", "Anthropic's" and "ANTHROPIC" are one node, acronyms
introduced in the text ("the Competition and Markets Authority (CMA)") and short references
("the Commission" after "European Commission") resolve to the full name, and definite
descriptions ("the startup", "the Seattle company") and pronouns ("it") can be resolved later.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import yaml
from spacy.tokens import Doc, Span, Token

from ingest.gazetteer import LABEL_TYPE, Gazetteer
from ingest.surface import lemma_lower, lower_case_words, orth_forms
from kg.model import Entity, slugify
from kg.schema import DATA_DIR

LEGAL_SUFFIXES = (
    "inc", "incorporated", "ltd", "limited", "plc", "ag", "sa", "s.a", "sas", "s.a.s", "llc", "l.l.c",
    "corp", "corporation", "co", "gmbh", "se", "nv", "n.v", "bv", "b.v", "lp", "l.p", "pbc",
    "spa", "s.p.a", "ab", "oy", "a/s", "kk", "pte", "pty", "cos",
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
    "cpu", "cpus", "npu", "npus", "hbm", "dram", "nand", "asic", "asics", "fpga", "soc", "socs",
    "aiops", "saas", "paas", "iaas", "sdk", "os", "llm ops", "mlops", "pbc", "lte", "5g", "4g",
    "wifi", "wi fi", "usb", "pcie", "x86", "risc v", "ethernet",
}  # fmt: skip
MODEL_NUMBER_RE = re.compile(r"^[A-Z]{1,4}-?\d{2,4}[A-Z]{0,3}$")  # "GB300", "MI355X", "H20": chips, not firms
COMPANY_HEADS = {
    "parent", "owner", "carmaker", "automaker", "drugmaker", "chipmaker", "retailer", "company", "startup", "start-up", "firm", "group", "giant", "maker", "developer", "lab",
    "laboratory", "business", "provider", "unit", "subsidiary", "outfit", "rival",
    "corporation", "conglomerate", "platform", "venture", "partner",
}  # fmt: skip
REGULATOR_HEADS = {
    "regulator", "watchdog", "authority", "agency", "commission", "enforcer", "body", "office",
    "bureau", "department", "executive", "ftc", "cma",
}  # fmt: skip
PRONOUNS = {"it", "its", "itself"}
ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos", "dative", "npadvmod"}
NOT_NAME_WORDS = {
    "Series", "Section", "Act", "Chapter", "Article", "Phase", "Tier", "Class", "Monday",
    "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Congress", "Senate", "Parliament", "Court", "Mr", "Ms", "Mrs", "Dr", "CEO",
}  # fmt: skip


COMMON_SUBJECT_NOUNS = {
    "funding", "investment", "competition", "demand", "growth", "revenue", "money", "capital",
    "management", "research", "regulation", "scrutiny", "approval", "technology", "software",
    "cloud", "compute", "infrastructure", "spending", "profit", "debt", "equity", "staff",
    "analysis", "training", "inference", "data", "security", "news", "trade", "business",
    "commerce", "industry", "consolidation", "innovation", "pressure", "policy", "power",
}  # fmt: skip


def _weak_name_token(tok: Token) -> bool:
    if not tok.text[:1].isupper():
        return False
    if (
        tok.is_sent_start
        and tok.pos_ == "NOUN"
        and tok.tag_ == "NN"
        and tok.is_title
        and tok.dep_ == "nsubj"
        and tok.lower_ not in COMMON_SUBJECT_NOUNS
        and not tok.is_stop
        and tok.lower_ not in lower_case_words(tok.doc)  # "Advertising weighed ..." after "display advertising"
    ):
        return True  # "Helsing has partnered with ...": an unknown name the tagger took for a noun
    if tok.pos_ == "NOUN" and tok.is_title and not tok.is_sent_start and tok.dep_ in {"dobj", "pobj", "conj", "nsubj", "nsubjpass", "appos"}:
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and prev.text not in {":", '"', "“", "‘", "'", "(", "-"} and not tok.is_stop:
            return True  # a capitalised "noun" mid-sentence is a name ("agreed to buy Splunk")
    return (
        tok.pos_ == "PROPN"
        and tok.text[:1].isupper()
        and not tok.is_stop
        and tok.ent_type_ in {"", "ORG"}
        and tok.text not in {"AI", "I", "US", "UK", "EU"}
        and any(c.isalpha() for c in tok.text)
    )
def _mistagged_name_part(tok: Token, start: int, end: int) -> bool:
    """A proper noun tagged as a nationality/place that compounds a name run is part of the name."""
    return tok.pos_ == "PROPN" and tok.ent_type_ in {"NORP", "GPE"} and tok.dep_ == "compound" and start <= tok.head.i < end


ORG_LABELS = {"ORG", "COMPANY", "REGULATOR", "GOVERNMENT"}
MISTAGGED = {"GPE", "PERSON", "NORP", "LOC", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}


def strip_legal_suffix(name: str) -> str:
    """"Acme Robotics, Inc." -> "Acme Robotics"; the bare suffix alone is left as is."""
    stripped = _SUFFIX_RE.sub("", name).strip(" ,")
    return stripped or name


@functools.lru_cache(maxsize=8192)
def canonical_name(text: str) -> str:
    """Surface form -> display label: no leading article, possessive, suffix or stray spaces."""
    name = " ".join(text.split())
    name = _POSSESSIVE_RE.sub("", name) if re.search(r"['’]s?$", name) else name
    name = re.sub(r"^(?:the|The|THE)\s+", "", name)
    name = strip_legal_suffix(name)
    return name.strip(" ,.;:-\"'“”‘’()")


@functools.lru_cache(maxsize=8192)
def name_key(text: str) -> str:
    """Comparison key: case-, punctuation- and suffix-insensitive."""
    return re.sub(r"[^a-z0-9&]+", " ", canonical_name(text).lower()).strip()


ORG_WORDS = {
    "capital", "ventures", "venture", "partners", "holdings", "holding", "group", "investments",
    "fund", "funds", "bank", "labs", "technologies", "systems", "networks", "management",
    "associates", "securities", "financial", "pharma", "pharmaceuticals", "therapeutics",
    "semiconductor", "foundation", "company", "corporation", "industries", "authority", "ai",
}  # fmt: skip


def guess_type(name: str, label: str) -> str:
    """Type of a name the gazetteer does not know, from the NER label and head words."""
    words = set(re.findall(r"[a-z]+", name.lower()))
    if MODEL_NUMBER_RE.match(name):
        return "product"
    if label == "PERSON":
        return "company" if words & ORG_WORDS else "person"
    if label in LABEL_TYPE:
        return LABEL_TYPE[label]
    if {"central", "bank"} <= words or words & {"supervisory", "supervisor", "regulatory"}:
        return "regulator"  # "European Central Bank", "Federal Financial Supervisory Authority"
    if words & _REGULATOR_WORDS and not words & {"inc", "ltd", "corp", "llc", "investment", "capital"}:
        return "regulator"
    if words & _GOVERNMENT_WORDS:
        return "government"
    return "company"


def _is_description(ent: Span) -> bool:
    """"the Redmond company's", "the Seattle group": a span ending in a lower-case common noun
    is a description for coreference to resolve, not a name."""
    words = [t for t in ent if t.is_alpha]
    return bool(words) and words[-1].is_lower and words[-1].pos_ == "NOUN" and not ent.id_


def _place_description(ent: Span) -> bool:
    """"the Burlington, Massachusetts company": a town followed by its state and a noun."""
    doc = ent.doc
    i = ent.end
    if i + 1 >= len(doc) or doc[i].text != "," or doc[i + 1].ent_type_ not in {"GPE", "LOC"}:
        return False
    j = i + 1
    while j < len(doc) and doc[j].ent_type_ in {"GPE", "LOC"}:
        j += 1
    return j < len(doc) and (doc[j].is_lower or doc[j].text in {"-", "–"})


def trim_parenthesis(ent: Span) -> Span:
    """"Innovation Park Artificial Intelligence (Ipai": the NER ran into the acronym's bracket;
    the name ends before it (the acronym is learnt separately)."""
    for tok in ent:
        if tok.text == "(" and tok.i > ent.start:
            return Span(ent.doc, ent.start, tok.i, label=ent.label_, span_id=ent.id_)
    return ent


def split_at_verb(ent: Span) -> list[Span]:
    """"Halvard Capital led Kestrel Robotics'" tagged as one ORG: a lower-case verb is never part
    of a name, so the span is the names on either side of it (each kept if capitalised)."""
    if ent.id_ or ent.label_ not in {"ORG", "COMPANY"} or len(ent) < 3:
        return [ent]
    cut = next((t.i for t in ent if t.pos_ in {"VERB", "AUX"} and t.is_lower and t.tag_ in {"VBD", "VBZ", "VBP"} and ent.start < t.i < ent.end - 1), None)
    if cut is None:
        return [ent]
    parts = [Span(ent.doc, ent.start, cut, label=ent.label_), Span(ent.doc, cut + 1, ent.end, label=ent.label_)]
    return [p for part in parts for p in split_at_verb(part) if p.text[:1].isupper()]


def split_coordinated(ent: Span, known: Callable[[str], bool]) -> list[Span]:
    """"Accel and Orbis Investments" tagged as one ORG is two investors when the parser
    coordinates them (the span's root comes before "and" and has a conjunct after it) and one
    half is a name known on its own. "Competition and Markets Authority" (root last) and
    "Weights & Biases" ("&" is part of names) stay whole."""
    if ent.id_ or ent.label_ not in {"ORG", "COMPANY"} or len(ent) < 3 or known(ent.text):
        return [ent]
    root = ent.root
    for tok in ent:
        if tok.lower_ == "and" and tok.dep_ == "cc" and tok.head.i == root.i and root.i < tok.i:
            if any(c.dep_ == "conj" and tok.i < c.i < ent.end for c in root.children) and tok.i + 1 < ent.end:
                left, right = ent.doc[ent.start : tok.i], ent.doc[tok.i + 1 : ent.end]
                if left.text[:1].isupper() and right.text[:1].isupper() and (known(left.text) or known(right.text)):
                    return [Span(ent.doc, left.start, left.end, label=ent.label_), Span(ent.doc, right.start, right.end, label=ent.label_)]
    return [ent]


# A place stands for a company only as an argument ("agreed to buy Nuance"), never as a modifier
# ("the San Francisco start-up", "China's regulator", "the carmaker's US arm").
PLACE_ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative"}


def _possessor(doc: Doc, start: int) -> Token | None:
    """The one-word name in the possessive just before ``start`` ("Japan's", "OpenAI's")."""
    if start < 2 or doc[start - 1].lower_ not in {"'s", "’s"}:
        return None
    return doc[start - 2]


def _dateline(span: Span) -> bool:
    """"TORONTO - Cohere said ...", "TORONTO, July 22 —": an upper-case place opening a story or
    paragraph is its dateline."""
    doc = span.doc
    if not span.text.isupper() or span.end >= len(doc):
        return False
    nxt = doc[span.end].text
    return nxt in {"-", "—", "–", ":", "("} or (nxt == "," and (span.start == 0 or doc[span.start - 1].is_space or doc[span.start].is_sent_start))


def _continues_a_name(doc: Doc, i: int, out: ArticleEntities) -> bool:
    """"its EC2 UltraServers", "Nvidia's Dynamo software": a capitalised word right after a
    product, or compounding onto a company's name, names that company's product, not a firm."""
    prev = out.by_token.get(i - 1)
    if prev is None:
        return False
    return prev.entity.type == "product" or (doc[i - 1].dep_ == "compound" and doc[i - 1].head.i >= i)


UNIT_WORDS = {"fund", "ventures", "capital", "labs", "foundation", "research", "arm", "investments"}
WEAK_LABELS = {"NORP", "LOC", "WORK_OF_ART", "EVENT", "FAC"}  # not PRODUCT: that is our product label too
QUANTITY_WORDS = {"million", "billion", "trillion", "bn", "m", "lira", "euros", "dollars", "pounds", "yen"}


DEMONYMS = {
    "american", "british", "chinese", "french", "german", "japanese", "korean", "indian",
    "israeli", "saudi", "emirati", "dutch", "swiss", "swedish", "italian", "spanish", "canadian",
    "australian", "russian", "european", "asian", "taiwanese", "irish", "finnish", "norwegian",
    "danish", "belgian", "brazilian", "mexican", "turkish", "polish", "qatari", "singaporean",
    "african", "english", "scottish", "welsh", "western", "republican", "democrat", "democratic",
    "conservative", "labour", "tory", "tories", "muslim", "christian", "jewish", "arab", "latin",
}  # fmt: skip


def _demonym(word: str) -> bool:
    """"French", "Americans", "Republicans": NORP words that are not company names."""
    return word in DEMONYMS or (word.endswith("s") and word[:-1] in DEMONYMS)


LAW_WORDS = {"act", "acts", "regulation", "directive", "law", "code", "bill", "treaty", "rulebook", "agreement"}
PLACE_FORMS = {"britain": "UK", "america": "US", "the united states": "US", "korea": "Korea", "south korea": "Korea"}


@functools.cache
def place_keys() -> frozenset[str]:
    """Name keys of the countries, regions, states and cities in ``data/places.yaml``."""
    raw = yaml.safe_load((DATA_DIR / "places.yaml").read_text(encoding="utf-8")) or {}
    return frozenset(name_key(name) for names in raw.values() for name in names) - {""}


def is_place(key: str) -> bool:
    """A place or its people ("Britain", "Singapore", "Australian"): never a company's name nor a
    short reference to one, whatever label the NER gave it."""
    return key in place_keys() or _demonym(key)


def law_keys(doc: Doc, ents: tuple[Span, ...] | None = None) -> set[str]:
    """Names of laws in the article and the acronyms they introduce ("the Digital Markets Act
    (DMA)"), so that a later "the DMA" the NER calls an ORG is not taken for a company."""
    out: set[str] = set()
    for ent in doc.ents if ents is None else ents:
        words = ent.text.lower().split()
        if ent.label_ != "LAW" and not (len(words) > 1 and words[-1] in LAW_WORDS and ent.text[:1].isupper()):
            continue
        out.add(name_key(ent.text))
        if len(words) > 2:
            out.add(name_key(acronym_of(canonical_name(ent.text))))  # "DMA" for the Digital Markets Act
        end = ent.end
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            out.add(name_key(doc[end + 1].text))
        for c in ent.root.children:  # "the Digital Markets Act, or DMA," / appositive acronym
            if c.dep_ == "appos" and c.text.isupper() and len(c) == 1:
                out.add(name_key(c.text))
    return out - {""}


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
    weak: bool = False  # a capitalised name the NER missed; kept only if a relation uses it
    place: bool = False  # tagged as a place (GPE): a company only where an acquisition says so

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
        ents = doc.ents  # built once: every read of doc.ents makes new Spans
        org_keys = self._org_keys(ents)
        self._not_orgs = NOT_ORGS | law_keys(doc, ents)  # generic words, plus this article's laws
        self._counts: dict[str, int] = {}
        def known(name: str) -> bool:
            return name_key(name) in self.gaz.by_name or name_key(name) in org_keys

        for ent in (part for e in ents for cut in split_at_verb(trim_parenthesis(e)) for part in split_coordinated(cut, known)):
            entity = self._entity_for(ent, keys, acronyms, org_keys)
            if entity is None:
                weak = self._mislabelled_name(ent)
                if weak is not None:
                    out.add(weak)
                    continue
                if ent.label_ == "GPE" and not ent.id_ and ent.root.dep_ in PLACE_ARG_DEPS and not _dateline(ent):
                    name = canonical_name(ent.text)
                    if name and name_key(name) not in NOT_ORGS and not is_place(name_key(name)):  # "Nuance", not "Australia"
                        place = Entity(id=slugify(name), label=name, type="company")
                        out.add(Mention(ent.start, ent.end, place, ent.text, weak=True, place=True))
                continue
            out.add(Mention(ent.start, ent.end, entity, ent.text))
            self._counts[entity.id] = self._counts.get(entity.id, 0) + 1
            self._learn(ent, entity, keys, acronyms, out)
        self._acronym_tokens(doc, acronyms, out)
        self._propagate_names(doc, out)
        self._weak_names(doc, out, keys)
        for ent_id in out.entities:
            entry = self.gaz.get(ent_id)
            if entry:
                out.descriptors.setdefault(ent_id, set()).update(entry.descriptors)
        return out

    def _mislabelled_name(self, ent: Span) -> Mention | None:
        """A name the NER called a nationality, place, work, product or event ("Novartis" as
        NORP, "Castellan Foods'" as WORK_OF_ART) in an argument slot may be an unknown company:
        a weak mention, kept only if a relation rule puts it in a company's slot."""
        if ent.label_ not in WEAK_LABELS or ent.id_:
            return None
        toks = [t for t in ent]
        while toks and (toks[-1].like_num or toks[-1].lower_ in QUANTITY_WORDS or toks[-1].is_punct or toks[-1].lower_ in {"'s", "’s", "'"}):
            toks.pop()
        if not toks or toks[0].lower_ == "the" or not all(t.text[:1].isupper() and t.pos_ == "PROPN" for t in toks):
            return None
        span = ent.doc[toks[0].i : toks[-1].i + 1]
        if span.root.dep_ not in ARG_DEPS or (len(span) == 1 and _demonym(span[0].lower_)):
            return None
        name = canonical_name(span.text)
        key = name_key(name)
        if not key or key in self._not_orgs or any(t.text in NOT_NAME_WORDS for t in span):
            return None
        known = self.gaz.by_name.get(key)
        if known:
            return Mention(span.start, span.end, self.gaz.entries[known].entity, span.text)
        owned = self._owner_qualified(ent.doc, span.start, name)
        if owned is not None:
            return Mention(span.start, span.end, owned, span.text)
        return Mention(span.start, span.end, Entity(id=slugify(name), label=name, type="company"), span.text, weak=True)

    @staticmethod
    def _org_keys(ents: tuple[Span, ...]) -> set[str]:
        """Names the article uses for organisations somewhere (NER ORG, gazetteer or cue)."""
        return {name_key(e.text) for e in ents if e.label_ in ORG_LABELS} - {""}

    def _entity_for(
        self, ent: Span, keys: dict[str, Entity], acronyms: dict[str, Entity], org_keys: set[str]
    ) -> Entity | None:
        if ent.id_ and self.gaz.get(ent.id_):
            return self.gaz.entries[ent.id_].entity
        label = ent.label_
        name = canonical_name(ent.text)
        key = name_key(name)
        if label in MISTAGGED and not is_place(key) and (key in org_keys or any(k.split()[0] == key for k in org_keys if " " in k)):
            label = "ORG"  # "Sequoia" after "Sequoia Capital", "Seagen" after "Seagen, a biotech"
        if label not in {"ORG", "PERSON", *LABEL_TYPE}:
            return None
        if not key or key in self._not_orgs or not any(c.isupper() for c in name):
            return None
        if _is_description(ent) or _place_description(ent):
            return None
        if key in self.gaz.by_name:
            return self.gaz.entries[self.gaz.by_name[key]].entity
        if is_place(key):
            return None  # "Hong Kong's" or "(Australia)" the NER called an ORG
        qualified = self._place_qualified(ent, name)
        if qualified is not None:
            return qualified
        owned = self._owner_qualified(ent.doc, ent.start, name) if label in {"ORG", "COMPANY"} else None
        if owned is not None:
            return owned
        if name in acronyms:
            return acronyms[name]
        if key in keys:
            return keys[key]
        short = self._short_reference(key, label, keys, self._counts)
        if short is not None:
            return short
        etype = guess_type(name, label)
        return Entity(id=slugify(name), label=name, type=etype)

    def _place_qualified(self, ent: Span, name: str) -> Entity | None:
        """"Japan's Fair Trade Commission" is the gazetteer's "Japan Fair Trade Commission": a
        place in the possessive before a name the gazetteer knows only with the place."""
        place = _possessor(ent.doc, ent.start)
        if place is None or place.ent_type_ not in {"GPE", "NORP", "LOC"}:
            return None
        for form in (f"{place.text} {name}", f"{PLACE_FORMS.get(place.lower_, place.text)} {name}"):
            hit = self.gaz.by_name.get(name_key(form))
            if hit is not None:
                return self.gaz.entries[hit].entity
        return None

    def _owner_qualified(self, doc: Doc, start: int, name: str) -> Entity | None:
        """"OpenAI's Startup Fund", "Samsung's Catalyst Fund": a fund or unit named after a known
        company's possessive is that company's unit ("OpenAI Startup Fund", parent OpenAI)."""
        possessor = _possessor(doc, start)
        if possessor is None:
            return None
        owner = self.gaz.by_name.get(name_key(possessor.text))
        words = set(name_key(name).split())
        if owner is None or not words & UNIT_WORDS or self.gaz.entries[owner].entity.type != "company":
            return None
        parent = self.gaz.entries[owner].entity
        label_ = f"{canonical_name(possessor.text)} {name}"  # as written: "Samsung Catalyst Fund"
        hit = self.gaz.by_name.get(name_key(label_))
        if hit is not None:
            return self.gaz.entries[hit].entity
        return Entity(id=slugify(label_), label=label_, type="company", parent=parent.id)

    @staticmethod
    def _short_reference(
        key: str, label: str, keys: dict[str, Entity], counts: dict[str, int]
    ) -> Entity | None:
        """"Acme" after "Acme Robotics", "Altman" after "Sam Altman", "Commission" after
        "European Commission": a unique earlier name that starts or ends with these words (if
        several do, the one the article has named clearly more often)."""
        words = key.split()
        if len(words) != 1:
            return None
        found = {
            e.id: e
            for k, e in keys.items()
            if len(k.split()) > len(words)
            and (k.split()[: len(words)] == words or k.split()[-len(words):] == words)
            and (label != "PERSON" or e.type == "person")
        }
        if len(found) == 1:
            return next(iter(found.values()))
        ranked = sorted(found.values(), key=lambda e: -counts.get(e.id, 0))
        if len(ranked) > 1 and counts.get(ranked[0].id, 0) > counts.get(ranked[1].id, 0):
            return ranked[0]
        return None

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
            desc.add(lemma_lower(tok))
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

    @staticmethod
    def _propagate_names(doc: Doc, out: ArticleEntities) -> None:
        """A name the NER tagged once ("Splunk Inc.") is the same entity where it missed it."""
        forms: dict[tuple[str, ...], Entity] = {}
        for m in list(out.mentions):
            if m.coref or m.entity.type == "person" or (m.weak and not m.place):
                continue  # a mislabelled name is only a guess: it does not spread
            for text in {m.text, canonical_name(m.text), m.entity.label}:
                words = tuple(text.split())
                if words and any(w[:1].isupper() for w in words) and len(words) <= 4:
                    forms.setdefault(words, m.entity)
        if not forms:
            return
        firsts = {k[0] for k in forms}
        longest = max(len(k) for k in forms)
        texts = orth_forms(doc)
        covered = out.by_token
        i = 0
        while i < len(texts):
            if texts[i] not in firsts or i in covered:
                i += 1
                continue
            hit = None
            for n in range(min(longest, len(texts) - i), 0, -1):
                key = tuple(texts[i : i + n])
                if key in forms and not any(j in covered for j in range(i, i + n)):
                    hit = (n, forms[key])
                    break
            if hit:
                out.add(Mention(i, i + hit[0], hit[1], doc[i : i + hit[0]].text))
                i += hit[0]
            else:
                i += 1

    def _weak_names(self, doc: Doc, out: ArticleEntities, keys: dict[str, Entity]) -> None:
        """Capitalised proper-noun runs in argument positions that no NER span covers
        ("Snowflake agreed to acquire Streamlit"): weak company mentions."""
        texts = orth_forms(doc)
        i = 0
        while i < len(doc):
            if not texts[i][:1].isupper():  # _weak_name_token's first test, without a Token
                i += 1
                continue
            tok = doc[i]
            if not _weak_name_token(tok) or i in out.by_token:
                i += 1
                continue
            j = i
            while j < len(doc) and _weak_name_token(doc[j]) and j not in out.by_token and j - i < 4:
                j += 1
            while i > 0 and _mistagged_name_part(doc[i - 1], i, j) and i - 1 not in out.by_token:
                i -= 1  # "Rivian Automotive": the tagger took "Rivian" for a nationality
            span = doc[i:j]
            root = span.root
            words = {t.text for t in span}
            if _dateline(span) or _continues_a_name(doc, i, out):
                i = j
                continue
            # "a Premium Reseller", "an Authorised Partner": a name takes no indefinite article
            described = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in root.children)
            if root.dep_ in ARG_DEPS and not words & NOT_NAME_WORDS and not (len(span) == 1 and len(tok.text) < 2) and not described:
                name = canonical_name(span.text)
                if name and name_key(name) not in self._not_orgs and not is_place(name_key(name)):
                    known = keys.get(name_key(name)) or self._short_reference(name_key(name), "ORG", keys, self._counts)
                    owned = self._owner_qualified(doc, i, name)
                    if owned is not None:
                        out.add(Mention(i, j, owned, span.text))
                    elif known is not None and known.type != "person":
                        out.add(Mention(i, j, known, span.text))  # "Novo" after "Novo Holdings"
                    else:
                        out.add(Mention(i, j, Entity(id=slugify(name), label=name, type="company"), span.text, weak=True))
            i = j

    def _acronym_tokens(self, doc: Doc, acronyms: dict[str, Entity], out: ArticleEntities) -> None:
        """Acronyms the NER missed, used after their introduction."""
        if not acronyms:
            return
        for i, text in enumerate(orth_forms(doc)):
            if i in out.by_token or text not in acronyms:
                continue
            out.add(Mention(i, i + 1, acronyms[text], text))
