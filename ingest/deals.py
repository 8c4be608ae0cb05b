"""Deals mentioned in an article, so that "the deal", "the transaction", "it" or "the two
companies" in a regulator's sentence can be resolved to the deal's parties.

A deal is any acquisition, investment, partnership or merger the rules saw, whether or not it
was completed (a blocked merger was still reviewed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ingest.entities import Mention
from ingest.relations import Candidate
from ingest.surface import lemma_lower, lower_forms

DEAL_PREDICATES = {"acquires", "invests_in", "partners_with", "deal"}
PARTY_TYPES = {"company", "product", "person"}
OTHER_DEAL_WORDS = {"similar", "another", "separate", "other", "unrelated", "earlier", "previous", "comparable"}
DEAL_WORDS = {"deal", "transaction", "merger", "takeover", "acquisition", "purchase", "combination", "tie-up", "buyout", "agreement", "arrangement", "investment"}
# words that tell a change of control: a sentence using one about other firms tells another deal
TOLD_DEAL_VERBS = {"acquire", "buy", "purchase", "merge", "absorb", "swallow"}
TOLD_DEAL_NOUNS = {"acquisition", "takeover", "merger", "purchase", "buyout"}
PARTY_REFS = {"two", "both", "pair", "companies", "firms", "parties", "groups", "they", "them"}  # "required the two to sell"
MERGE_VERBS = {"merge", "combine"}
MERGE_NOUNS = {"merger", "combination"}
_TRIGGER_FORMS = {
    "hire", "hires", "hired", "hiring", "merge", "merges", "merged", "merging", "combine",
    "combines", "combined", "combining", "merger", "mergers", "combination", "combinations",
}  # fmt: skip
STAFF_NOUNS = {"staff", "team", "workforce", "founder", "co-founder", "cofounder", "employee", "researcher", "engineer", "scientist", "worker"}


@dataclass
class Deal:
    position: int  # token index of the trigger
    sentence: int  # token index of the sentence start
    parties: list[Mention]
    kind: str = "deal"

    @property
    def reviewable(self) -> bool:
        """Mergers, acquisitions and investments are what regulators review; partnerships
        are only chosen when nothing else is on the table."""
        return self.kind != "partners_with"


@dataclass
class DealIndex:
    deals: list[Deal] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)  # the article's named mentions

    @classmethod
    def build(cls, candidates: Iterable[Candidate], mentions: Iterable[Mention] = (), doc: Doc | None = None) -> DealIndex:
        index = cls(mentions=[m for m in mentions if not m.coref])
        if doc is not None:
            index.deals.extend(index._mergers(doc))
        for c in candidates:
            if c.predicate not in DEAL_PREDICATES or not c.subjects or not c.objects:
                continue
            parties: list[Mention] = []
            for m in [*c.subjects, *c.objects]:
                if m.entity.type in PARTY_TYPES and all(m.entity.id != p.entity.id for p in parties):
                    parties.append(m)
            if len(parties) >= 2:
                index.deals.append(Deal(c.trigger.i, c.trigger.sent.start, parties, c.predicate))
        index.deals.sort(key=lambda d: d.position)
        return index

    def _mergers(self, doc: Doc) -> list[Deal]:
        """Mergers no relation rule records: "X and Y agreed to merge their units", "X will merge
        with Y", "X and Y completed the combination of their businesses" (deals only)."""
        out = []
        for i, low in enumerate(lower_forms(doc)):
            if low not in _TRIGGER_FORMS:
                continue  # cheap surface pre-check: this loop sees every token of the article
            tok = doc[i]
            lem = lemma_lower(tok)
            hire = self._acqui_hire(tok)
            if hire is not None:
                out.append(hire)
                continue
            if tok.pos_ == "VERB" and lem in MERGE_VERBS:
                verb = tok
            elif tok.pos_ == "NOUN" and lem in MERGE_NOUNS and any(c.dep_ == "poss" and c.lower_ == "their" for p in tok.children if p.lower_ == "of" for o in p.children for c in o.children):
                verb = tok.head  # "completed the combination of their businesses"
            else:
                continue
            parties = self._names(_subject(verb)) + [m for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj" for m in self._names(o)]
            ids = list(dict.fromkeys(m.entity.id for m in parties))
            if len(ids) >= 2 and (verb is not tok or any(c.lower_ == "with" for c in verb.children) or _their_object(verb) or not any(c.dep_ == "dobj" for c in verb.children)):
                out.append(Deal(tok.i, tok.sent.start, [next(m for m in parties if m.entity.id == i) for i in ids], "merger"))
        return out

    def _spelled_out(self, ref: Token) -> Deal | None:
        """The deal a colon or dash right after ``ref`` spells out ("another deal: X's purchase
        of Y", "a similar arrangement -- X's hiring of Y's team")."""
        nxt = ref.i + 1
        if nxt >= ref.sent.end or ref.doc[nxt].text not in {":", "--", "—", "–"}:
            return None
        inside = [d for d in self.deals if nxt < d.position <= nxt + 6 and d.sentence == ref.sent.start]
        return inside[0] if inside else None

    def _acqui_hire(self, tok: Token) -> Deal | None:
        """"X's hiring of Y's staff", "X hired most of Y's founders": an acqui-hire, a deal
        regulators review; one executive hired is not (only staff, team, founders ...)."""
        if tok.lower_ in {"hiring", "hire"} and tok.pos_ == "NOUN":
            hirers = [m for c in tok.children if c.dep_ == "poss" for m in self._names(c)]
            staff = [t for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for t in p.subtree]
        elif lemma_lower(tok) == "hire" and tok.pos_ == "VERB":
            hirers = self._names(_subject(tok))
            staff = [t for c in tok.children if c.dep_ == "dobj" for t in c.subtree]
        else:
            return None
        if not hirers or not any(lemma_lower(t) in STAFF_NOUNS and t.tag_ == "NNS" or t.lower_ in {"staff", "team", "workforce"} for t in staff):
            return None
        hired = [m for t in staff if t.dep_ == "poss" for m in self._names(t) if m.entity.id != hirers[0].entity.id]
        if not hired:
            return None
        return Deal(tok.i, tok.sent.start, [hirers[0], hired[0]], "acqui-hire")

    def _names(self, tok: Token | None) -> list[Mention]:
        """Company mentions at ``tok`` and its conjuncts ("X and Y")."""
        if tok is None:
            return []
        toks = [tok, *(c for c in tok.children if c.dep_ == "conj")]
        return [m for t in toks for m in self.mentions if m.start <= t.i < m.end and m.entity.type == "company"]

    def parties_for(self, ref: Token, named: list[Mention]) -> list[Mention]:
        """Parties of the deal ``ref`` points to: one sharing a named party ("the Chevron
        transaction"), else one in the same sentence, else the one just mentioned for "that
        deal", else the article's main (first) deal."""
        if not self.deals:
            return []
        ids = {m.entity.id for m in named}
        if ids:
            sharing = [d for d in self.deals if ids & {p.entity.id for p in d.parties}]
            if not sharing:
                return []
            before = [d for d in sharing if d.position <= ref.i]
            if not before:
                return []  # only a later deal shares a name: not the one referred to
            return before[-1].parties
        spelled = self._spelled_out(ref)
        if spelled is not None:
            return spelled.parties  # "a similar transaction: Microsoft's hiring of Inflection's staff"
        if any(c.lower_ in OTHER_DEAL_WORDS for c in ref.children):
            return []  # "a similar transaction", "another deal": not one of the article's deals
        if _generic_plural(ref):
            return []  # "an inquiry into AI partnerships": deals of a kind, none in particular
        if self._their_own_deals(ref):
            return []  # "ordered X, Y and Z to hand over information about their investments"
        pool = [d for d in self.deals if d.reviewable] or self.deals
        same = [d for d in pool if d.sentence == ref.sent.start]
        if same:
            return min(same, key=lambda d: abs(d.position - ref.i)).parties
        if _indefinite(ref):
            described = _described_deal(ref)
            if described is not None:
                return self.parties_for(described, named)  # "the arrangement amounted to a merger"
            return []  # "a deal the CMA cleared" introduces a deal: not the article's main one
        before = [d for d in pool if d.position < ref.i]
        if any(c.lower_ in {"that", "this", "latter", "same"} for c in ref.children):
            if not before or _other_deal_between(ref, before[-1].position) or _unrecorded_deal_noun_before(ref):
                return []  # "a similar transaction" came in between: "that deal" is that one
            if self._unrecorded_deal(ref, before[-1], before[-1].sentence):
                return []  # "... an arrangement the FTC is examining. The CMA is assessing the same relationship"
            return before[-1].parties  # "that deal": the one just mentioned
        told = [d for d in before if d.sentence == _previous_sentence(ref) and not _background(ref.doc, d)]
        if told and (_the_deal(ref) or ref.lower_ in PARTY_REFS) and not _other_deal_between(ref, told[-1].position):
            return told[-1].parties  # "... IBM bought HashiCorp. The CMA cleared the deal": the one just told
        if before and self._unrecorded_deal(ref, before[0], _previous_sentence(ref)):
            return []  # the rules missed the deal told just before: it, not the main deal, is meant
        return before[0].parties if before else []  # "the deal": the main deal, introduced earlier

    def _their_own_deals(self, ref: Token) -> bool:
        """"their investments" after a list of firms in the same sentence: the deals of those
        firms, many and unnamed, unless the listed firms are the parties of one recorded deal."""
        if ref.tag_ != "NNS" or not any(c.dep_ == "poss" and c.lower_ == "their" for c in ref.children):
            return False
        listed = {m.entity.id for m in self.mentions if ref.sent.start <= m.start < ref.i and m.entity.type == "company"}
        if len(listed) < 2:
            return False
        return not any(listed <= {p.entity.id for p in d.parties} for d in self.deals)

    def _unrecorded_deal(self, ref: Token, chosen: Deal, start: int) -> bool:
        """A sentence after ``chosen``'s, from token ``start`` up to ``ref``, tells a deal (a deal
        noun or a takeover verb) that the rules recorded nowhere in it and that names firms or
        products other than ``chosen``'s parties: "the purchase" or "the same relationship" is
        that deal, whose parties are unknown, so none is safer than the wrong ones."""
        doc = ref.doc
        parties = {p.entity.id for p in chosen.parties}
        for sent in _sentences(doc, start, ref.sent.start):
            if sent.start <= chosen.sentence or any(d.sentence == sent.start for d in self.deals):
                continue
            end = min(sent.end, ref.i)
            told = any(_tells_deal(t) or (_deal_word(t) and not _definite(t)) for t in doc[sent.start : end] if t.i != ref.i)
            others = {m.entity.id for m in self.mentions if sent.start <= m.start < end and m.entity.type in {"company", "product"}} - parties
            if told and others:
                return True
        return False


def _sentences(doc: Doc, start: int, last: int) -> list[Span]:
    """The sentences from the one holding token ``start`` to the one starting at ``last``."""
    out = []
    sent = doc[start].sent
    while sent.start <= last:
        out.append(sent)
        if sent.end >= len(doc):
            break
        sent = doc[sent.end].sent
    return out


def _definite(tok: Token) -> bool:
    """"the deal", "that transaction": a reference back, not a deal told anew."""
    return any(c.dep_ == "det" and c.lower_ in {"the", "that", "this", "these", "those"} for c in tok.children)


def _generic_plural(ref: Token) -> bool:
    """"AI partnerships", "such deals", "its agreements with TV makers": a plural deal noun with no
    article or named owner (or one firm's many deals) is a kind, not one deal in particular."""
    return ref.tag_ == "NNS" and not any(c.dep_ in {"det", "poss", "nummod", "predet"} and c.lower_ not in {"such", "its"} for c in ref.children)


def _indefinite(ref: Token) -> bool:
    """"a deal", "an arrangement": a deal noun that introduces a deal rather than referring back."""
    return _deal_word(ref) and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in ref.children)


def _the_deal(ref: Token) -> bool:
    """"the deal", "the purchase": a singular deal noun read as the one just told, if any."""
    return _deal_word(ref) and ref.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "the" for c in ref.children)


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb``, through "agreed to merge" and "plan a combination"."""
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None or verb.dep_ not in {"xcomp", "conj"}:
            return subj
        verb = verb.head
    return None


def _their_object(verb: Token) -> bool:
    """"merge their units": the object belongs to the coordinated subjects."""
    return any(c.dep_ == "dobj" and any(p.dep_ == "poss" and p.lower_ == "their" for p in c.children) for c in verb.children)


def _background(doc: Doc, deal: Deal) -> bool:
    """A deal told in a relative clause or participle ("Veridian, which bought Tessaly in 2021,
    ..."; "Tessaly, bought by Veridian in 2021, ...") is background, not the news "the deal" is."""
    tok = doc[deal.position]
    for _ in range(6):
        if tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ == "VBN"):
            return True
        if tok.head.i == tok.i or tok.pos_ in {"VERB", "AUX"} and tok.dep_ in {"ROOT", "ccomp", "conj"}:
            return False
        tok = tok.head
    return False


def _described_deal(ref: Token) -> Token | None:
    """"the arrangement amounted to a merger", "the hiring was in effect an acquisition": an
    indefinite deal noun predicated of a definite deal noun says what that deal is."""
    head = ref.head
    if ref.dep_ in {"attr", "dobj"} and lemma_lower(head) in {"be", "constitute", "represent"}:
        verb = head
    elif ref.dep_ == "pobj" and head.lower_ in {"to", "as"} and lemma_lower(head.head) in {"amount", "qualify", "count", "treat", "classify", "class"}:
        verb = head.head
    else:
        return None
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subj if subj is not None and _the_deal(subj) else None


def _tells_deal(tok: Token) -> bool:
    """"was acquired by", "bought", "its takeover of": a change of control told in passing."""
    lem = lemma_lower(tok)
    return (tok.pos_ == "VERB" and lem in TOLD_DEAL_VERBS) or (tok.pos_ == "NOUN" and lem in TOLD_DEAL_NOUNS and not any(c.lower_ in OTHER_DEAL_WORDS for c in tok.children))


def _deal_word(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and lemma_lower(tok) in DEAL_WORDS


def _previous_sentence(ref: Token) -> int:
    """Start token of the sentence before ``ref``'s (its own start if it is the first)."""
    start = ref.sent.start
    return ref.doc[start - 1].sent.start if start > 0 else start


def _unrecorded_deal_noun_before(ref: Token) -> bool:
    """"escaped a hostile bid from X only after the White House blocked that takeover": a bid or
    deal noun earlier in the sentence (no recorded deal is in it) is the one "that" points to."""
    sent = ref.sent
    return any(
        t.pos_ == "NOUN" and lemma_lower(t) in {"bid", "offer", "takeover", "acquisition", "merger", "deal", "transaction", "purchase", "buyout", "approach"}
        for t in ref.doc[sent.start : ref.i]
    )


def _other_deal_between(ref: Token, start: int) -> bool:
    """An unrecorded deal ("a similar transaction: ...") mentioned after ``start`` and before ``ref``."""
    doc = ref.doc
    return any(
        lemma_lower(t) in {"deal", "transaction", "merger", "takeover", "acquisition", "agreement", "arrangement"}
        and any(c.lower_ in OTHER_DEAL_WORDS for c in t.children)
        for t in doc[start + 1 : ref.i]
    )
