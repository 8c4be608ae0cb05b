"""Relation attributes stated in a sentence: money (normalised to USD), stake, round, board
rights, exclusivity, convertible/non-voting equity, acqui-hire, and market shares' markets.

Pure string functions over sentence text so they are easy to test without spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Fixed conversion rates to USD (approximate 2024 annual averages; documented, never fetched).
USD_RATES: dict[str, float] = {
    "USD": 1.0,
    "EUR": 1.08,
    "GBP": 1.27,
    "JPY": 0.0066,
    "CNY": 0.14,
    "CHF": 1.13,
    "CAD": 0.73,
    "AUD": 0.66,
    "INR": 0.012,
    "KRW": 0.00073,
    "AED": 0.27,
    "SAR": 0.27,
}
_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "c$": "CAD", "a$": "AUD"}
_CODES = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR", "eur": "EUR",
    "pound": "GBP", "pounds": "GBP", "gbp": "GBP", "sterling": "GBP", "yen": "JPY", "jpy": "JPY",
    "yuan": "CNY", "cny": "CNY", "francs": "CHF", "chf": "CHF", "rupees": "INR", "won": "KRW",
}  # fmt: skip
_SCALES = {
    "trillion": 1e12, "tn": 1e12, "trn": 1e12, "t": 1e12,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9,
    "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "mio": 1e6,
    "thousand": 1e3, "k": 1e3,
}  # fmt: skip
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"trillion|billion|million|thousand|bn|mn|mln|bln|trn|tn|m|b|k"
_SYMBOL_RE = re.compile(
    rf"(?P<sym>US\$|C\$|A\$|\$|€|£|¥)\s?(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE})\b)?",
    re.IGNORECASE,
)
_WORD_RE = re.compile(
    rf"(?P<num>{_NUM})\s?(?P<scale>{_SCALE})?\s+(?:of\s+)?(?:US\s+)?(?P<cur>dollars|dollar|euros|euro|pounds|pound|sterling|yen|yuan|usd|eur|gbp|jpy|chf|francs)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Money:
    """An amount as stated and in USD; ``start``/``end`` are offsets into the searched text."""

    amount: float
    currency: str
    amount_usd: float
    start: int
    end: int


def _number(raw: str) -> float:
    return float(raw.replace(",", ""))


def find_money(text: str) -> list[Money]:
    """Every money amount in ``text``: "$4bn", "$4 billion", "€15m", "£1.5bn", "4 billion dollars"."""
    found: list[Money] = []
    for m in _SYMBOL_RE.finditer(text):
        cur = _SYMBOLS[m["sym"].lower()]
        found.append(_money(m["num"], m["scale"], cur, m.start(), m.end()))
    for m in _WORD_RE.finditer(text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        cur = _CODES[m["cur"].lower()]
        found.append(_money(m["num"], m["scale"], cur, m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def _money(num: str, scale: str | None, currency: str, start: int, end: int) -> Money:
    amount = _number(num) * _SCALES.get((scale or "").lower(), 1.0)
    return Money(amount, currency, round(amount * USD_RATES[currency], 2), start, end)


_PERCENT_RE = re.compile(rf"(?P<num>{_NUM})\s?(?:%|per\s?cent|percent|pct)", re.IGNORECASE)
_STAKE_RE = re.compile(
    rf"(?P<num>{_NUM})\s?(?:%|per\s?cent|percent)\s+(?:[\w-]+\s+){{0,3}}?(?:stake|share|interest|ownership|holding|equity|of\s+(?:the\s+)?(?:company|startup|firm|shares))"
    rf"|(?:stake|share|interest|holding)\s+of\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+|up\s+to\s+)?(?P<num2>{_NUM})\s?(?:%|per\s?cent|percent)",
    re.IGNORECASE,
)
_ROUND_RE = re.compile(
    r"\b(Series\s+[A-H]\d?(?:\s?-?\s?\d)?|seed|pre-seed|Seed|Pre-Seed)(?:\s+(?:funding\s+|financing\s+|investment\s+)?round)?\b"
)
_SERIES_RE = re.compile(r"\bSeries\s+[A-H]\d?\b")


def find_percents(text: str) -> list[tuple[float, int, int]]:
    return [(_number(m["num"]), m.start(), m.end()) for m in _PERCENT_RE.finditer(text)]


def stake_percent(text: str) -> float | None:
    """"a 49% stake", "stake of about 10%"; plain percentages elsewhere are not stakes."""
    m = _STAKE_RE.search(text)
    if not m:
        return None
    value = _number(m["num"] or m["num2"])
    return value if 0 < value <= 100 else None


def funding_round(text: str) -> str | None:
    m = _SERIES_RE.search(text)
    if m:
        return " ".join(m.group(0).split())
    if re.search(r"\bpre-seed\b", text, re.IGNORECASE):
        return "Pre-seed"
    if re.search(r"\bseed\s+(?:funding\s+|financing\s+)?round\b", text, re.IGNORECASE):
        return "Seed"
    return None


def board_rights(text: str) -> dict[str, bool]:
    """Board seat or observer seat, as stated."""
    low = text.lower()
    out: dict[str, bool] = {}
    observer = re.search(r"\bobserver\b", low)
    seat = re.search(r"\bboard seats?\b|\bseats? on (?:the|its|their|\w+'s)(?: \w+)? board\b|\bjoin(?:s|ed|ing)? (?:the|its|their) board\b", low)
    if observer and not _negated_before(low, observer.start()):
        out["observer"] = True
    elif seat and not _negated_before(low, seat.start()):
        out["board_seat"] = True
    return out


def _negated_before(low: str, pos: int) -> bool:
    """"will not get a board seat", "no board seat", "without a seat on the board"."""
    window = low[max(0, pos - 40) : pos]
    return bool(re.search(r"\b(?:not|no|never|without|n't)\b[^.;]*$", window))


def exclusivity(text: str) -> str | None:
    m = re.search(r"\b(exclusive|exclusively|primary|preferred)\b", text, re.IGNORECASE)
    if not m:
        return None
    word = m.group(1).lower()
    return "exclusive" if word.startswith("exclusive") else word


def equity_flags(text: str) -> dict[str, bool]:
    low = text.lower()
    out: dict[str, bool] = {}
    if re.search(r"\bconvertible\b", low):
        out["convertible"] = True
    if re.search(r"\bnon-?voting\b|\bno voting rights\b|\bwithout voting rights\b", low):
        out["non_voting"] = True
    return out


def is_acquihire(text: str) -> bool:
    """Founders or staff hired together with a licence of the technology."""
    low = text.lower()
    hired = re.search(r"\b(hir(?:e|es|ed|ing)|poach(?:ed|es|ing)?|recruit(?:ed|s|ing)?|brought on|join(?:ed|s)?)\b", low)
    people = re.search(r"\b(founders?|co-founders?|staff|employees|team|researchers|workforce|chief executive|ceo)\b", low)
    licence = re.search(r"\blicen[cs](?:e|es|ed|ing)\b|\bacqui-?hire\b", low)
    return bool((hired and people and licence) or re.search(r"\bacqui-?hire", low))


_MARKET_RE = re.compile(
    r"\b(?:the\s+)?(?:(?:global|worldwide|world|us|u\.s\.|uk|european|eu|chinese)\s+)?"
    r"(?P<market>[a-z][a-z0-9 &/-]{1,60}?)\s+(?:market|sector|industry|segment)\b",
    re.IGNORECASE,
)
_MARKET_STOP = {"the", "a", "an", "its", "their", "this", "that", "of", "in", "for", "global", "worldwide"}


def normalise_market(raw: str) -> str:
    """"the global Cloud Infrastructure market" -> "cloud infrastructure"."""
    words = re.sub(r"[^a-z0-9&/ -]+", " ", raw.lower()).split()
    while words and words[0] in _MARKET_STOP | {"us", "uk", "eu", "european", "chinese", "world"}:
        words = words[1:]
    while words and words[-1] in {"market", "markets", "sector", "industry", "segment"}:
        words = words[:-1]
    return " ".join(words)


def find_market(text: str) -> str | None:
    """The market a share sentence is about ("...of the cloud infrastructure market")."""
    best = None
    for m in _MARKET_RE.finditer(text):
        words = m["market"].split()
        # keep the noun phrase right before "market" (up to four words, no verbs/prepositions)
        tail: list[str] = []
        for w in reversed(words):
            if w.lower() in {"of", "in", "the", "a", "an", "its", "for", "on", "and", "with", "to", "holds", "has", "had", "controls", "than", "by", "about", "around", "roughly", "nearly", "share"} or re.match(r"^\d", w):
                break
            tail.insert(0, w)
            if len(tail) == 4:
                break
        market = normalise_market(" ".join(tail))
        if market:
            best = market
            break
    return best
