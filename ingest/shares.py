"""Market shares stated in a sentence: "AWS holds about 31% of the cloud infrastructure market",
"Microsoft's share of the market is 24%", "AWS (31%), Azure (25%) and Google Cloud (11%)".
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from ingest import attributes as attrs
from ingest.coref import Coref
from ingest.entities import Mention
from ingest.surface import lemma_lower, span_text
from kg.model import Entity

HOLD_VERBS = {"hold", "have", "control", "command", "account", "take", "capture", "own", "enjoy", "claim", "dominate", "grab", "with", "lead"}
STAKE_WORDS = {"stake", "stakes", "equity", "shareholding", "holding", "interest", "shares", "voting"}


def _token_at(sent: Span, char: int) -> Token | None:
    for tok in sent:
        if tok.idx <= char < tok.idx + len(tok.text):
            return tok
    return None


def _holder(tok: Token, sent: Span, coref: Coref) -> Mention | None:
    doc = tok.doc
    # "AWS (31%)" / "AWS, with 31%"
    i = tok.i - 1
    while i >= sent.start and doc[i].text in {"(", "about", "around", "roughly", "some", "nearly", "almost", "over", "$"} | {"with", ","}:
        i -= 1
    if i >= sent.start and i < tok.i - 1 and doc[i + 1].text == "(":
        m = coref.mention_at(doc[i])
        if m is not None:
            return m
    for anc in [tok, *tok.ancestors]:
        if anc.pos_ in {"VERB", "AUX"} and anc.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in anc.children):
            anc = anc.head  # "Nvidia is estimated to hold 80% of ..."
        if anc.pos_ in {"VERB", "AUX"} or lemma_lower(anc) in HOLD_VERBS:
            for c in anc.children:
                if c.dep_ in {"nsubj", "nsubjpass"}:
                    m = coref.mention_at(c) or coref.resolve(c)
                    if m is None:
                        m = next((coref.mention_at(p) for p in c.children if p.dep_ == "poss" and coref.mention_at(p)), None)
                    return m
            if anc.pos_ == "VERB":
                break
        if lemma_lower(anc) == "share":
            m = next((coref.mention_at(p) for p in anc.children if p.dep_ == "poss" and coref.mention_at(p)), None)
            if m is not None:
                return m
    return None


def find_shares(
    sent: Span,
    coref: Coref,
    resolve: Callable[[Mention], Mention | None],
    previous_market: str | None = None,
) -> list[tuple[Entity, str, float]]:
    """(entity, normalised market, percent) for each market share the sentence states; a
    sentence continuing a ranking ("Google Cloud is third with about 11%") keeps the market of
    the sentence before."""
    text = span_text(sent)
    if "%" not in text and "per cent" not in text and "percent" not in text:
        return []
    low = text.lower()
    if any(w in low.split() for w in STAKE_WORDS) and "market share" not in low:
        return []
    market = attrs.find_market(text) if ("market" in low or "share" in low) else None
    if not market and previous_market and "%" in text:
        market = previous_market
    if not market:
        return []
    out: list[tuple[Entity, str, float]] = []
    seen: set[str] = set()
    for value, start, _end in attrs.find_percents(text):
        tok = _token_at(sent, sent.start_char + start)
        if tok is None or not 0 < value <= 100:
            continue
        m = _holder(tok, sent, coref)
        m = resolve(m) if m is not None else None
        if m is None or m.entity.type != "company" or m.entity.id in seen:
            continue
        seen.add(m.entity.id)
        out.append((m.entity, market, value))
    return out
