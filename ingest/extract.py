"""The extractor: spaCy pipeline + gazetteer + relation rules -> one Extraction per article.

``get_extractor(model)`` is the only entry point ``kg`` uses. The spaCy pipeline is loaded once
per model name; docs are streamed with ``nlp.pipe`` inside ``nlp.memory_zone()`` chunks so memory
stays flat on large corpora.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex

import ingest
import ingest.cues  # noqa: F401 - registers the regwatch_org_cues factory
import ingest.gazetteer  # noqa: F401 - registers the regwatch_gazetteer factory
import ingest.sentences  # noqa: F401 - registers the regwatch_paragraphs component
from ingest.coref import Coref
from ingest.deals import DealIndex
from ingest.entities import (
    COMPANY_HEADS,
    PRONOUNS,
    REGULATOR_HEADS,
    ArticleEntities,
    EntityResolver,
    Mention,
    canonical_name,
)
from ingest.gazetteer import Gazetteer, load_gazetteer
from ingest.relations import (
    DEAL_NOUNS,
    PREDICATE_TYPES,
    Candidate,
    SentenceRules,
    is_hedged,
    is_negated,
    relation_attributes,
    sentence_hedged,
)
from ingest.shares import find_shares
from ingest.surface import defer_lemmas, lemma_lower, lower_forms, seed_text, span_root, span_text
from kg.errors import RegwatchError
from kg.model import Article, Entity, Evidence, Extraction, Fact, MarketShare
from kg.model import Mention as KgMention

HEDGE_FACTOR = 0.6
DEAL_FACTOR = 0.9  # parties found through "the deal" rather than named in the sentence
COREF_FACTOR = 0.9
CHUNK_ARTICLES = 64
REFERRING_WORDS = PRONOUNS | COMPANY_HEADS | REGULATOR_HEADS | {
    "which", "who", "whose", "companies", "firms", "groups", "pair", "both", "two", "deal",
    "transaction", "merger", "takeover", "acquisition", "purchase",
}  # a sentence naming no one can still refer to parties ("the two companies")
UNUSED_COMPONENTS = ("textcat", "textcat_multilabel", "entity_linker", "morphologizer", "senter")


CO_VERBS = (
    "co-led", "co-lead", "co-leads", "co-leading", "co-invest", "co-invested", "co-invests",
    "co-investing", "co-founded", "co-develop", "co-developed", "co-develops", "co-market",
    "co-markets", "co-marketed", "co-marketing", "co-financed", "co-sell", "co-sells",
)  # fmt: skip


def add_tokenizer_exceptions(nlp: Language) -> None:
    """Keep "co-led", "co-invested" as one token so the parser sees one verb, not "co - led"."""
    for word in CO_VERBS:
        for form in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    for abbrev in ("Cos.", "Bros.", "Hldgs."):  # legal-name abbreviations the tokenizer splits
        nlp.tokenizer.add_special_case(abbrev, [{ORTH: abbrev}])
    # "Run:ai", "Read:ai": a colon between letters is part of a name, not a break; times
    # ("10:30") and "Note: ..." (colon then space) are unaffected.
    infixes = [p.replace("[:<>=/]", "[<>=/]") for p in nlp.Defaults.infixes]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def load_pipeline(model: str) -> Language:
    """Load an installed spaCy pipeline and add our components after its NER."""
    try:
        nlp = spacy.load(model, exclude=[c for c in UNUSED_COMPONENTS])
    except OSError as exc:
        raise RegwatchError(
            f"spaCy model {model!r} is not installed; install it with pip (e.g. "
            f"'pip install {model}') or pass --model with an installed pipeline"
        ) from exc
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("regwatch_paragraphs", before="parser")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("regwatch_gazetteer", after="ner")
    else:
        nlp.add_pipe("regwatch_gazetteer", last=True)
    nlp.add_pipe("regwatch_org_cues", after="regwatch_gazetteer")
    add_tokenizer_exceptions(nlp)
    defer_lemmatizer(nlp)
    return nlp


def defer_lemmatizer(nlp: Language) -> None:
    """Lemmatise only the tokens a rule asks about, not every token. The rules compare a few
    words' lemmas with closed lists, and running the lemmatizer over whole articles costs ~4% of
    the NLP time. Disabling keeps it loaded (``nlp.get_pipe``), and ``surface.lemma_lower`` calls
    the same function on the same tags, so every lemma is what the pipeline would have set."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    lemmatize = getattr(lemmatizer, "lemmatize", None)
    if lemmatize is None:  # a custom component we cannot call per token: leave it running
        return
    nlp.disable_pipe("lemmatizer")
    defer_lemmas(nlp.vocab, lemmatize)


@dataclass(frozen=True)
class Found:
    """A typed, checked relation between two resolved mentions."""

    subject: Mention
    predicate: str
    object: Mention
    rule: str
    confidence: float
    attributes: dict[str, Any]


def _key(found: Found) -> tuple[str, str, str]:
    s, p, o = found.subject.entity.id, found.predicate, found.object.entity.id
    if p == "partners_with" and o < s:
        s, o = o, s
    return (s, p, o)


def _may_relate(sent: Span, ents: ArticleEntities) -> bool:
    """Cheap pre-check: a sentence with no name and no pronoun or description cannot relate two
    entities, so the rules need not look at it."""
    lows = lower_forms(sent.doc)
    by_token = ents.by_token
    return any(i in by_token or lows[i] in REFERRING_WORDS for i in range(sent.start, sent.end))


def _conjoined(a: Mention, b: Mention, doc: Doc) -> bool:
    """Two names written as items of one list ("A, B and C"), each named outright."""
    if a.coref or b.coref or a.entity.id == b.entity.id:
        return False
    return span_root(doc, b.start, b.end) in span_root(doc, a.start, a.end).conjuncts


def _deal_in_view(ref: Token, deals: DealIndex) -> bool:
    """A regulator's unnamed target is a deal only if this or the previous sentence talks about
    one (a deal word, or a party to a known deal)."""
    sent = ref.sent
    doc = ref.doc
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    window = doc[start : sent.end]
    parties = {m.entity.id for d in deals.deals for m in d.parties}
    for tok in window:
        if lemma_lower(tok) in DEAL_NOUNS or tok.lower_ in {"companies", "it"}:
            return True
    return any(p.start >= start and p.start < sent.end for d in deals.deals for p in d.parties if p.entity.id in parties)


def _as_company(m: Mention, allowed: set[str]) -> Mention:
    """A name the NER called a person, in a slot only a company can fill ("acquired Streamlit"),
    is a company."""
    if m.entity.type == "person" and "person" not in allowed and "company" in allowed and not m.coref:
        entity = Entity(id=m.entity.id, label=m.entity.label, type="company", aliases=m.entity.aliases)
        return Mention(m.start, m.end, entity, m.text, coref=m.coref, weak=m.weak, place=m.place)
    return m


OFFICIAL_TITLES = {
    "chair", "chairman", "chairwoman", "chairperson", "commissioner", "head", "chief", "director",
    "official", "spokesperson", "spokesman", "spokeswoman", "secretary", "minister", "president",
    "judge", "attorney", "general", "counsel", "economist", "staff", "lawyer", "executive",
    "officer", "administrator", "boss", "leader", "vice", "deputy", "assistant", "prosecutor",
}  # fmt: skip


def _is_official(m: Mention, doc: Doc) -> bool:
    """A person introduced with a job title ("FTC chair Lina Khan", "Jonathan Kanter, the head
    of ...") is someone acting for an organisation, not a party a regulator acts on."""
    before = doc[max(m.start - 3, 0) : m.start]
    if any(t.lower_ in OFFICIAL_TITLES for t in before):
        return True
    root = doc[m.start : m.end].root
    return any(c.dep_ == "appos" and any(t.lower_ in OFFICIAL_TITLES for t in c.subtree) for c in root.children)


class Extractor:
    """Extracts entities, relations and market shares from articles with one spaCy pipeline."""

    def __init__(self, model_name: str, nlp: Language, gazetteer: Gazetteer) -> None:
        self.model_name = model_name
        self.nlp = nlp
        self.gazetteer = gazetteer
        self.resolver = EntityResolver(gazetteer)

    def reference_entities(self) -> list[Entity]:
        return self.gazetteer.entities()

    def extract(
        self, articles: Sequence[Article], *, jobs: int = 1, batch_size: int = 16
    ) -> Iterator[Extraction]:
        """One Extraction per article, in input order."""
        articles = list(articles)
        chunk = CHUNK_ARTICLES * max(jobs, 1)
        for i in range(0, len(articles), chunk):
            part = articles[i : i + chunk]
            with self.nlp.memory_zone():
                docs = self.nlp.pipe(
                    (a.text for a in part), batch_size=batch_size, n_process=max(jobs, 1)
                )
                done = [self.extract_doc(a, doc) for a, doc in zip(part, docs)]
            yield from done

    def extract_doc(self, article: Article, doc: Doc) -> Extraction:
        """Everything one parsed article states: entities, mentions, facts, market shares."""
        seed_text(doc, article.text)
        ents = self.resolver.resolve(doc)
        coref = Coref(doc, ents, self.gazetteer)
        per_sentence = [
            (sent, list(SentenceRules(sent, coref).candidates()) if _may_relate(sent, ents) else [])
            for sent in doc.sents
        ]
        deals = DealIndex.build((c for _, cands in per_sentence for c in cands), ents.mentions, doc)
        found_by_sent: list[tuple[Span, list[Found]]] = []
        negated: set[tuple[str, str, str]] = set()
        for sent, cands in per_sentence:
            found_by_sent.append((sent, self._sentence_relations(sent, cands, deals, negated)))
        found_by_sent = self._article_filters(found_by_sent, negated)
        facts: list[Fact] = []
        shares: list[MarketShare] = []
        used: dict[str, Entity] = {}
        last_market: str | None = None
        for sent, founds in found_by_sent:
            ev = self._evidence(article, sent) if founds else None
            for found in founds:
                assert ev is not None
                facts.append(
                    Fact(
                        subject=found.subject.entity.id,
                        predicate=found.predicate,
                        object=found.object.entity.id,
                        evidence=Evidence(
                            article_id=ev.article_id,
                            sentence=ev.sentence,
                            start=ev.start,
                            end=ev.end,
                            extractor=f"rule:{found.rule}",
                            confidence=round(min(max(found.confidence, 0.0), 1.0), 3),
                            date=ev.date,
                        ),
                        attributes=found.attributes,
                    )
                )
                used[found.subject.entity.id] = found.subject.entity
                used[found.object.entity.id] = found.object.entity
            found_shares = find_shares(sent, coref, self._resolve_product, last_market)
            last_market = found_shares[-1][1] if found_shares else None
            for entity, market, share in found_shares:
                ev = ev or self._evidence(article, sent)
                shares.append(MarketShare(entity.id, market, share, ev))
                used[entity.id] = entity
        return Extraction(
            article=article,
            entities=self._entities(ents, used),
            mentions=self._mentions(doc, ents, used),
            facts=facts,
            shares=shares,
        )

    @staticmethod
    def _evidence(article: Article, sent: Span) -> Evidence:
        start, end = sent.start_char, sent.end_char
        text = article.text
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        return Evidence(
            article_id=article.id,
            sentence=text[start:end],
            start=start,
            end=end,
            extractor="rule",
            confidence=1.0,
            date=article.date,
        )

    def _resolve_product(self, m: Mention) -> Mention | None:
        """Products are never relation ends: use their maker (from the gazetteer)."""
        if m.entity.type != "product":
            return m
        maker_id = self.gazetteer.maker(m.entity.id)
        entry = self.gazetteer.get(maker_id) if maker_id else None
        if entry is None:
            return None
        return Mention(m.start, m.end, entry.entity, m.text, coref=m.coref, weak=m.weak, place=m.place)

    def sentence_relations(self, sent: Span, coref: Coref) -> list[Found]:
        """Relations one sentence states on its own (no article context); used by tests."""
        cands = list(SentenceRules(sent, coref).candidates())
        return self._sentence_relations(sent, cands, DealIndex.build(cands), set())

    def _sentence_relations(
        self,
        sent: Span,
        cands: list[Candidate],
        deals: DealIndex,
        negated: set[tuple[str, str, str]],
    ) -> list[Found]:
        """Checked, typed, de-duplicated relations of one sentence; negated triples are recorded."""
        best: dict[tuple[str, str, str], Found] = {}
        sent_text = span_text(sent) if cands else ""
        sent_hedged = sentence_hedged(sent, sent_text) if cands else False
        for cand in cands:
            if cand.predicate == "deal":
                continue
            objects = list(cand.objects)
            if cand.deal_ref is not None and (cand.objects or _deal_in_view(cand.deal_ref, deals)):
                objects += [m for m in deals.parties_for(cand.deal_ref, objects) if m not in objects]
            if not cand.subjects or not objects:
                continue
            neg = is_negated(cand.trigger, cand.predicate) and not cand.keep_negated
            hedged = is_hedged(cand.trigger, sent, sent_hedged) or bool(cand.attributes.get("hedged"))
            base_attrs = relation_attributes(cand.predicate, cand.trigger, sent, sent_text)
            base_attrs.update(cand.attributes)
            conf = cand.confidence * (DEAL_FACTOR if cand.deal_ref is not None and not cand.objects else 1.0)
            for s in cand.subjects:
                for o in objects:
                    if cand.predicate != "partners_with" and "gapped" not in cand.rule and _conjoined(s, o, sent.doc):
                        continue  # "Apple, Samsung and Qualcomm build their chips on ...": one list, not parties to each other
                    found = self._check(cand.predicate, s, o, cand.rule, conf, base_attrs, hedged, sent.doc)
                    if found is None:
                        continue
                    key = _key(found)
                    if neg:
                        negated.add(key)
                        continue
                    if key not in best or best[key].confidence < found.confidence:
                        best[key] = found
        return list(best.values())

    def _article_filters(
        self, found_by_sent: list[tuple[Span, list[Found]]], negated: set[tuple[str, str, str]]
    ) -> list[tuple[Span, list[Found]]]:
        """Article-level precision checks: a hedged claim the article denies elsewhere is dropped,
        and partners_with is dropped where a directed relation already links the two families."""
        # a place-tagged name ("Nuance" as GPE) is a company only if something is acquiring it
        confirmed = {
            m.entity.id
            for _, founds in found_by_sent
            for f in founds
            if f.predicate == "acquires"
            for m in (f.subject, f.object)
            if m.place
        }
        found_by_sent = [
            (sent, [f for f in founds if f.predicate == "acquires" or all(not m.place or m.entity.id in confirmed for m in (f.subject, f.object))])
            for sent, founds in found_by_sent
        ]
        directed: set[frozenset[str]] = set()
        for _, founds in found_by_sent:
            for f in founds:
                if f.predicate in {"invests_in", "acquires", "supplies"}:
                    for a in self._family(f.subject.entity.id):
                        for b in self._family(f.object.entity.id):
                            directed.add(frozenset((a, b)))
        out = []
        for sent, founds in found_by_sent:
            kept = []
            for f in founds:
                key = _key(f)
                if f.attributes.get("hedged") and key in negated:
                    continue
                if f.predicate == "partners_with" and frozenset((key[0], key[2])) in directed:
                    continue
                kept.append(f)
            out.append((sent, kept))
        return out

    def _family(self, entity_id: str) -> set[str]:
        """The entity and its gazetteer ancestors (Google -> Alphabet), for "better described"."""
        out = {entity_id}
        cur = self.gazetteer.get(entity_id)
        while cur is not None and cur.entity.parent and cur.entity.parent not in out:
            out.add(cur.entity.parent)
            cur = self.gazetteer.get(cur.entity.parent)
        return out

    def _check(
        self,
        predicate: str,
        s: Mention,
        o: Mention,
        rule: str,
        confidence: float,
        attributes: dict[str, Any],
        hedged: bool,
        doc: Doc | None = None,
    ) -> Found | None:
        s2, o2 = self._resolve_product(s), self._resolve_product(o)
        if s2 is None or o2 is None or s2.entity.id == o2.entity.id:
            return None
        domain, rng = PREDICATE_TYPES[predicate]
        s2, o2 = _as_company(s2, domain), _as_company(o2, rng)
        if s2.entity.type not in domain or o2.entity.type not in rng:
            return None
        if predicate == "regulates" and o2.entity.type == "person" and doc is not None and _is_official(o2, doc):
            return None  # "approved by FTC chair Lina Khan": the regulator's own official
        conf = confidence
        if s2.coref or o2.coref:
            conf *= COREF_FACTOR
        out_attrs = dict(attributes)
        if hedged:
            out_attrs["hedged"] = True
            conf *= HEDGE_FACTOR
        return Found(s2, predicate, o2, rule, conf, out_attrs)

    def _entities(self, ents: ArticleEntities, used: dict[str, Entity]) -> list[Entity]:
        weak = {m.entity.id for m in ents.mentions if m.weak} - {m.entity.id for m in ents.mentions if not m.weak}
        out = {k: v for k, v in ents.entities.items() if k not in weak}
        out.update(used)
        return sorted(out.values(), key=lambda e: e.id)

    @staticmethod
    def _mentions(doc: Doc, ents: ArticleEntities, used: dict[str, Entity]) -> list[KgMention]:
        out = []
        for m in ents.mentions:
            if m.coref or (m.weak and m.entity.id not in used):
                continue
            span = doc[m.start : m.end]
            out.append(KgMention(m.entity.id, canonical_name(span.text) or span.text, span.start_char, span.end_char))
        return out


def get_extractor(model: str | None = None) -> Extractor:
    """The extractor for ``model`` (default :data:`ingest.DEFAULT_MODEL`), loaded once per process."""
    return _extractor(model or ingest.DEFAULT_MODEL)


@functools.cache
def _extractor(name: str) -> Extractor:
    return Extractor(name, load_pipeline(name), load_gazetteer())
