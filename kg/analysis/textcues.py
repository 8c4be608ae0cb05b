"""Phrase cues in evidence sentences, with a simple negation guard ("no board seat", "non-exclusive").

Used only where the extractor set no attribute: a deal term stated in a sentence that links the
two firms still counts, and the cue list lives in data/signals.yaml.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

_WORD = re.compile(r"[a-z']+")


@functools.lru_cache(maxsize=65536)
def _lower(text: str) -> str:
    return text.casefold().replace("\u2019", "'")


def negated(window: str, words: frozenset[str]) -> bool:
    """True when the clause just before a cue contains a negating word or ends with 'non-'."""
    w = re.split(r"[,;:()]", window)[-1].rstrip()  # negation stays within its clause
    if w.endswith(("non-", "non", "n't")):
        return True
    if "n't" in words and "n't" in w:
        return True
    return any(tok in words for tok in _WORD.findall(w))


@functools.lru_cache(maxsize=256)
def _compile(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation per cue list, longest phrase first, so each sentence is scanned once."""
    return re.compile("|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)))


@functools.lru_cache(maxsize=262144)
def _scan(
    sentence: str, cues: tuple[tuple[str, float], ...], words: frozenset[str], max_gap: int
) -> tuple[float, str | None, bool]:
    """(strongest non-negated cue strength, its text, whether any cue occurrence was negated)."""
    text = _lower(sentence)
    strengths = dict(cues)
    best: tuple[float, str | None] = (0.0, None)
    any_negated = False
    for m in _compile(tuple(strengths)).finditer(text):
        s = strengths[m.group(0)]
        if negated(text[max(0, m.start() - max_gap) : m.start()], words):
            any_negated = True
        elif s > best[0]:
            best = (s, m.group(0))
    return best[0], best[1], any_negated


Cues = tuple[tuple[str, float], ...]


def prepare(cues: Iterable[dict[str, object]]) -> Cues:
    """Cue records from signals.yaml as a hashable (phrase, strength) tuple."""
    return tuple((str(c["text"]).casefold(), float(c.get("strength", 1.0))) for c in cues)  # type: ignore[arg-type]


def cue_strength(
    sentence: str,
    cues: Cues | Iterable[dict[str, object]],
    negations: Iterable[str],
    max_gap: int = 30,
) -> tuple[float, str | None]:
    """Strongest non-negated cue in the sentence: (strength, cue text), or (0, None)."""
    key = cues if isinstance(cues, tuple) else prepare(cues)
    if not key:
        return (0.0, None)
    words = negations if isinstance(negations, frozenset) else frozenset(negations)
    strength, text, _ = _scan(sentence, key, words, max_gap)
    return strength, text


def only_negated(sentence: str, cues: Cues, negations: frozenset[str], max_gap: int = 30) -> bool:
    """True when the sentence names the term only in negated form ("non-exclusive licence").

    Guards extractor attributes: a term the sentence itself denies is not evidence of it.
    """
    if not cues:
        return False
    strength, _, any_negated = _scan(sentence, cues, negations, max_gap)
    return any_negated and strength == 0.0
