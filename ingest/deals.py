"""Deals mentioned in an article, so that "the deal", "the transaction", "it" or "the two
companies" in a regulator's sentence can be resolved to the deal's parties.

A deal is any acquisition, investment, partnership or merger the rules saw, whether or not it
was completed (a blocked merger was still reviewed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Token

from ingest.entities import Mention
from ingest.relations import Candidate

DEAL_PREDICATES = {"acquires", "invests_in", "partners_with", "deal"}
PARTY_TYPES = {"company", "product", "person"}
OTHER_DEAL_WORDS = {"similar", "another", "separate", "other", "unrelated", "earlier", "previous", "comparable"}
DEAL_WORDS = {"deal", "transaction", "merger", "takeover", "acquisition", "purchase", "combination", "tie-up", "buyout", "agreement", "arrangement", "investment"}


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

    @classmethod
    def build(cls, candidates: Iterable[Candidate]) -> DealIndex:
        index = cls()
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
        if any(c.lower_ in OTHER_DEAL_WORDS for c in ref.children):
            return []  # "a similar transaction", "another deal": not one of the article's deals
        pool = [d for d in self.deals if d.reviewable] or self.deals
        same = [d for d in pool if d.sentence == ref.sent.start]
        if same:
            return min(same, key=lambda d: abs(d.position - ref.i)).parties
        if _indefinite(ref):
            return []  # "a deal the CMA cleared" introduces a deal: not the article's main one
        before = [d for d in pool if d.position < ref.i]
        if any(c.lower_ in {"that", "this", "latter"} for c in ref.children):
            if not before or _other_deal_between(ref, before[-1].position):
                return []  # "a similar transaction" came in between: "that deal" is that one
            return before[-1].parties  # "that deal": the one just mentioned
        if before and _the_deal(ref) and before[-1].sentence == _previous_sentence(ref) and not _other_deal_between(ref, before[-1].position):
            return before[-1].parties  # "... IBM bought HashiCorp. The CMA cleared the deal": the one just told
        return before[0].parties if before else []  # "the deal": the main deal, introduced earlier


def _indefinite(ref: Token) -> bool:
    """"a deal", "an arrangement": a deal noun that introduces a deal rather than referring back."""
    return _deal_word(ref) and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in ref.children)


def _the_deal(ref: Token) -> bool:
    """"the deal", "the purchase": a singular deal noun read as the one just told, if any."""
    return _deal_word(ref) and ref.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "the" for c in ref.children)


def _deal_word(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in DEAL_WORDS


def _previous_sentence(ref: Token) -> int:
    """Start token of the sentence before ``ref``'s (its own start if it is the first)."""
    start = ref.sent.start
    return ref.doc[start - 1].sent.start if start > 0 else start


def _other_deal_between(ref: Token, start: int) -> bool:
    """An unrecorded deal ("a similar transaction: ...") mentioned after ``start`` and before ``ref``."""
    doc = ref.doc
    return any(
        t.lemma_.lower() in {"deal", "transaction", "merger", "takeover", "acquisition", "agreement", "arrangement"}
        and any(c.lower_ in OTHER_DEAL_WORDS for c in t.children)
        for t in doc[start + 1 : ref.i]
    )
