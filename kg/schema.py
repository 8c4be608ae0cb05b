"""The data model, loaded from ``data/schema.yaml``: the one place the vocabulary is defined."""

from __future__ import annotations

import functools
import os
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

PROJECT_DIR = Path(__file__).resolve().parent.parent


def _find_data_dir() -> Path:
    """The checkout's ``data/`` (editable install), else $REGWATCH_DATA, else ./data (``pip install .``)."""
    candidates = [PROJECT_DIR / "data"]
    if os.environ.get("REGWATCH_DATA"):
        candidates.insert(0, Path(os.environ["REGWATCH_DATA"]))
    candidates.append(Path.cwd() / "data")
    for path in candidates:
        if (path / "schema.yaml").is_file():
            return path.resolve()
    raise RuntimeError(
        "regwatch cannot find its data/ folder (schema.yaml); run it from the checkout "
        "or set REGWATCH_DATA"
    )


DATA_DIR = _find_data_dir()
SCHEMA_PATH = DATA_DIR / "schema.yaml"


@dataclass(frozen=True)
class Schema:
    """Parsed schema.yaml; plain data so every generator reads the same thing."""

    namespace: str
    base: str
    classes: dict[str, dict[str, Any]]
    entity_types: dict[str, str]
    predicates: dict[str, dict[str, Any]]
    attributes: dict[str, dict[str, Any]]
    provenance: dict[str, dict[str, Any]]
    properties: dict[str, dict[str, Any]]

    @property
    def terms(self) -> list[str]:
        """Every local name in the vocabulary namespace."""
        return [
            *self.classes,
            *self.predicates,
            *self.attributes,
            *self.provenance,
            *self.properties,
        ]

    def class_for_type(self, entity_type: str) -> str:
        return self.entity_types[entity_type]

    def type_for_class(self, class_name: str) -> str | None:
        for etype, cls in self.entity_types.items():
            if cls == class_name:
                return etype
        return None


@functools.cache
def load_schema(path: Path = SCHEMA_PATH) -> Schema:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Schema(
        namespace=raw["namespace"],
        base=raw["base"],
        classes=raw["classes"],
        entity_types=raw["entity_types"],
        predicates=raw["predicates"],
        attributes=raw["attributes"],
        provenance=raw["provenance"],
        properties=raw["properties"],
    )


SCHEMA = load_schema()
PREDICATES: tuple[str, ...] = tuple(SCHEMA.predicates)
DIRECTED_PREDICATES: tuple[str, ...] = tuple(
    p for p, d in SCHEMA.predicates.items() if not d.get("symmetric")
)
ENTITY_TYPES: tuple[str, ...] = tuple(SCHEMA.entity_types)
ATTRIBUTES: tuple[str, ...] = tuple(SCHEMA.attributes)


def _make_namespace() -> type[DefinedNamespace]:
    """Build the RW DefinedNamespace from the schema so unknown terms fail loudly."""

    def body(ns: dict[str, Any]) -> None:
        ns["_NS"] = Namespace(SCHEMA.namespace)
        ns["_fail"] = True
        ns["__annotations__"] = {term: URIRef for term in SCHEMA.terms}

    return types.new_class("RW", (DefinedNamespace,), {}, body)


RW = _make_namespace()
