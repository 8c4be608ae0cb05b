"""regwatch ontology: write data/ontology.ttl from data/schema.yaml, or --check that it is current."""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.cli import UserError
from kg.schema import DATA_DIR

ONTOLOGY_PATH = DATA_DIR / "ontology.ttl"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ontology",
        help="generate the ontology (Turtle) from data/schema.yaml",
        description="Write the OWL/RDFS vocabulary generated from data/schema.yaml. With "
        "--check, write nothing and exit 1 if the file differs (as a graph) from the schema.",
    )
    p.add_argument("--output", "-o", metavar="PATH", help=f"default: {ONTOLOGY_PATH}")
    p.add_argument("--check", action="store_true", help="exit 1 if the file is out of date")
    p.set_defaults(func=run)


def ontology_turtle() -> str:
    from kg.rdf import ontology_graph

    return ontology_graph().serialize(format="turtle")


def is_current(path: Path) -> bool:
    """Graph isomorphism, not text: formatting or triple order never makes the file stale."""
    from rdflib import Graph
    from rdflib.compare import isomorphic

    from kg.rdf import ontology_graph

    try:
        on_disk = Graph().parse(path, format="turtle")
    except Exception as exc:  # noqa: BLE001 - any parse failure means "not current"
        raise UserError(f"{path} does not parse as Turtle: {' '.join(str(exc).split())}") from None
    return isomorphic(on_disk, ontology_graph())


def run(args: argparse.Namespace) -> int:
    path = Path(args.output) if args.output else ONTOLOGY_PATH
    if args.check:
        if not path.is_file():
            raise UserError(f"{path} does not exist; run `regwatch ontology`")
        if not is_current(path):
            raise UserError(f"{path} is out of date with data/schema.yaml; run `regwatch ontology`")
        print(f"{path} is up to date")
        return 0
    path.write_text(ontology_turtle(), encoding="utf-8")
    print(f"wrote {path}")
    return 0
