"""Read what the analysis needs from a store in one place (commands, alerts, app)."""

from __future__ import annotations

from dataclasses import dataclass

from kg.analysis.shares import ShareRow, shares
from kg.store import Store
from kg.views import EntityRow, RelationRow, entities, relations


@dataclass
class Inputs:
    rows: list[RelationRow]
    entities: list[EntityRow]
    shares: list[ShareRow]


def load_inputs(store: Store, as_of: str | None = None) -> Inputs:
    """Relation rows, entities and stated market shares, all up to ``as_of``."""
    ents = entities(store, as_of)
    return Inputs(relations(store, as_of, entity_rows=ents), ents, shares(store, as_of))
