"""FollowTheMoney export: entities and interval entities as JSON lines, for Aleph/OpenSanctions tools.

The mapping (which FtM schema an entity type or predicate becomes, and which end is the owner)
comes from the ``ftm:`` entries of ``data/schema.yaml``. Products have no FtM schema; edges that
touch one are left out and counted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.model import edge_id
from kg.schema import SCHEMA
from kg.store import Store

ID_PREFIX = "regwatch-"


@dataclass
class FtmSummary:
    entities: int = 0
    links: int = 0
    skipped_edges: int = 0


def entity_ftm_id(entity_id: str) -> str:
    return ID_PREFIX + entity_id


def link_ftm_id(subject: str, predicate: str, obj: str) -> str:
    return ID_PREFIX + "edge-" + edge_id(subject, predicate, obj)


def entity_schema(entity_type: str) -> str | None:
    """FtM schema name for one of our entity types (None when it has no FtM counterpart)."""
    return SCHEMA.classes[SCHEMA.class_for_type(entity_type)].get("ftm")


def ftm_entities(store: Store, as_of: str | None = None) -> tuple[list[Any], FtmSummary]:
    """FtM entity proxies for the network of the views (curation applied), in a stable order."""
    from followthemoney import model

    from kg.export.network import network
    from kg.views import entities

    g = network(store, as_of)
    aliases = {e.id: e.aliases for e in entities(store, as_of)}
    summary = FtmSummary()
    proxies: list[Any] = []
    known: set[str] = set()
    for node, data in sorted(g.nodes(data=True)):
        schema = entity_schema(str(data.get("type") or "company"))
        if schema is None:
            continue
        proxy = model.make_entity(schema)
        proxy.id = entity_ftm_id(node)
        proxy.add("name", data.get("label") or node)
        for alias in aliases.get(node, []):
            proxy.add("alias", alias)
        if data.get("qid"):
            proxy.add("wikidataId", data["qid"])
        proxies.append(proxy)
        known.add(node)
    summary.entities = len(proxies)
    for s, o, key, data in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1])):
        predicate = data.get("predicate", key)
        spec = SCHEMA.predicates[predicate]["ftm"]
        if s not in known or o not in known:
            summary.skipped_edges += 1
            continue
        proxies.append(_link(model, spec, s, predicate, o, data))
        summary.links += 1
    return proxies, summary


def _link(model: Any, spec: dict[str, str], s: str, predicate: str, o: str, data: dict) -> Any:
    """One Ownership/UnknownLink entity; the subject goes to ``spec['source']``."""
    proxy = model.make_entity(spec["schema"])
    proxy.id = link_ftm_id(s, predicate, o)
    proxy.add(spec["source"], entity_ftm_id(s))
    proxy.add(spec["target"], entity_ftm_id(o))
    proxy.add("role", spec.get("role") or predicate)
    if data.get("first_seen"):
        proxy.add("startDate", data["first_seen"])
    seen = [d for d in (data.get("first_seen"), data.get("last_seen")) if d]
    weight = data.get("weight", 0)
    proxy.add(
        "description",
        f"{SCHEMA.predicates[predicate]['label']}; stated in {weight} sentence(s)"
        + (f", {min(seen)} to {max(seen)}" if seen else ""),
    )
    if spec["schema"] == "Ownership":
        if data.get("stake_percent") is not None:
            proxy.add("percentage", _num(data["stake_percent"]))
        if data.get("amount_usd") is not None:
            proxy.add("sharesValue", _num(data["amount_usd"]))
            proxy.add("sharesCurrency", "USD")
        kinds = [k for k in ("convertible", "non_voting") if data.get(k)]
        if kinds:
            proxy.add("sharesType", ", ".join(k.replace("_", "-") for k in kinds))
    return proxy


def _num(value: Any) -> str:
    f = float(value)
    return str(int(f)) if f.is_integer() else str(f)


def write_ftm(store: Store, output: Path, as_of: str | None = None) -> int:
    proxies, _summary = ftm_entities(store, as_of)
    with output.open("w", encoding="utf-8") as fh:
        for proxy in proxies:
            fh.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    return len(proxies)
