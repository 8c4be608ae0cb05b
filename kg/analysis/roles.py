"""Who plays which role in the graph: compute suppliers, AI developers, rivals.

Definitions (documented in data/signals.yaml ``roles``):

* compute supplier: an id listed in ``roles.compute_suppliers`` (after roll-up);
* AI developer: a company listed in ``roles.ai_developers``, or one that receives ``supplies`` from
  a compute supplier and itself ``supplies`` someone (it sells its models); compute suppliers are
  never AI developers (with roll-up on, Google DeepMind is part of Alphabet);
* rivals: two AI developers, or two holders of a stated share of the same market.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.analysis.config import Config
from kg.analysis.rollup import Link


def mapped(ids: Iterable[str], mapping: dict[str, str]) -> set[str]:
    return {mapping.get(i, i) for i in ids}


def compute_suppliers(config: Config, mapping: dict[str, str]) -> set[str]:
    return mapped(config.get("roles", {}).get("compute_suppliers", []), mapping)


def ai_developers(
    links: Iterable[Link],
    config: Config,
    mapping: dict[str, str],
    entity_types: dict[str, str],
) -> set[str]:
    """Analysis ids of AI developers present in the links (see module docstring)."""
    compute = compute_suppliers(config, mapping)
    present: set[str] = set()
    buys_compute: set[str] = set()
    sells: set[str] = set()
    for lk in links:
        present.add(lk.subject)
        present.add(lk.object)
        if lk.predicate == "supplies":
            sells.add(lk.subject)
            if lk.subject in compute:
                buys_compute.add(lk.object)
    hinted = mapped(config.get("roles", {}).get("ai_developers", []), mapping) & present
    devs = (hinted | (buys_compute & sells)) - compute
    return {d for d in devs if entity_types.get(d, "company") == "company"}


def market_holders(holdings: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """(holder id, market key) pairs -> holder -> markets it states a share of."""
    out: dict[str, set[str]] = {}
    for holder, market in holdings:
        out.setdefault(holder, set()).add(market)
    return out


def are_rivals(a: str, b: str, devs: set[str], markets: dict[str, set[str]]) -> bool:
    """Rivals compete for the same customers: both AI developers, or in a common stated market."""
    if a == b:
        return False
    if a in devs and b in devs:
        return True
    return bool(markets.get(a, set()) & markets.get(b, set()))
