"""Market shares stated in articles, as facts with evidence (the ``rw:MarketShare`` view)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from kg.rdf import ARTICLE_PREFIX, SHARE_PREFIX, local_id
from kg.store import Store
from kg.views import as_of_graphs, entities

_DROP_LEAD = ("the ", "global ", "worldwide ", "world ")
_DROP_TAIL = (" market", " markets", " sector", " segment")


@dataclass(frozen=True)
class ShareRow:
    """One stated share: holder, market, percent, and the sentence that states it."""

    id: str
    holder_id: str
    holder: str
    market: str
    share: float
    article: str
    title: str
    date: str | None
    evidence: str
    confidence: float

    @property
    def market_key(self) -> str:
        return market_key(self.market)

    def as_dict(self) -> dict[str, Any]:
        return {
            "entity": self.holder,
            "entity_id": self.holder_id,
            "market": self.market,
            "share": self.share,
            "date": self.date,
            "article": self.article,
            "evidence": self.evidence,
            "confidence": self.confidence,
        }


def market_key(text: str) -> str:
    """Group spellings of one market: case, spacing, 'the', 'global' and a trailing 'market'."""
    key = re.sub(r"[^\w%&/+-]+", " ", text.casefold()).strip()
    changed = True
    while changed:
        changed = False
        for lead in _DROP_LEAD:
            if key.startswith(lead):
                key, changed = key[len(lead) :], True
        for tail in _DROP_TAIL:
            if key.endswith(tail) and len(key) > len(tail):
                key, changed = key[: -len(tail)], True
    return key.strip()


def _f(term: Any, default: float = 0.0) -> float:
    return (
        default if term is None else float(term.toPython() if hasattr(term, "toPython") else term)
    )


def shares(store: Store, as_of: str | None = None) -> list[ShareRow]:
    """Every stated market share (up to ``as_of``), labels resolved; sorted by market then date."""
    graphs = as_of_graphs(store, as_of)
    names = {e.id: e.label for e in entities(store, as_of)}
    rows = store.select(
        """
        SELECT ?n ?h ?m ?s ?art ?ev ?conf ?d ?pub ?title WHERE {
          ?n a rw:MarketShare ; rw:holder ?h ; rw:market ?m ; rw:share_percent ?s ;
             prov:wasDerivedFrom ?art ; rw:evidence ?ev .
          OPTIONAL { ?n rw:confidence ?conf }
          OPTIONAL { ?n rw:date ?d }
          OPTIONAL { ?art rw:published ?pub }
          OPTIONAL { ?art rw:title ?title }
        }
        """,
        default_graphs=graphs,
    )
    out = []
    for r in rows:
        hid = local_id(r["h"])
        date = r["d"] if r["d"] is not None else r["pub"]
        out.append(
            ShareRow(
                id=local_id(r["n"], SHARE_PREFIX),
                holder_id=hid,
                holder=names.get(hid, hid),
                market=str(r["m"]),
                share=_f(r["s"]),
                article=local_id(r["art"], ARTICLE_PREFIX),
                title=str(r["title"]) if r["title"] is not None else "",
                date=str(date) if date is not None else None,
                evidence=str(r["ev"]),
                confidence=_f(r["conf"], 1.0),
            )
        )
    return sorted(out, key=lambda x: (x.market_key, x.date or "", x.holder_id, x.id))


def latest(
    rows: Iterable[ShareRow], mapping: dict[str, str] | None = None
) -> dict[tuple[str, str], ShareRow]:
    """(analysis holder id, market key) -> its latest stated share.

    Articles report a group's share under a unit's name (AWS for Amazon), so with roll-up a
    group's share is the latest share stated for any of its units, not their sum.
    """
    mapping = mapping or {}
    best: dict[tuple[str, str], ShareRow] = {}
    for r in rows:
        key = (mapping.get(r.holder_id, r.holder_id), r.market_key)
        cur = best.get(key)
        if cur is None or _rank(r) > _rank(cur):
            best[key] = r
    return best


def _rank(r: ShareRow) -> tuple[str, float, str]:
    return (r.date or "", r.confidence, r.id)
