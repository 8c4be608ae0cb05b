"""regwatch relations: one row per relation assertion, with its evidence sentence."""

from __future__ import annotations

import argparse

from kg.cli import add_as_of_arg, add_store_arg
from kg.output import FORMATS, write_rows

COLUMNS = [
    "subject",
    "subject_id",
    "predicate",
    "object",
    "object_id",
    "article",
    "date",
    "evidence",
    "confidence",
]
EXTRA = ["start", "end", "extractor", "attributes"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("relations", help="list relations with their evidence")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--predicate", help="only this predicate")
    p.add_argument("--entity", help="only relations whose subject or object id is this")
    add_store_arg(p)
    add_as_of_arg(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.store import open_store
    from kg.views import relations

    with open_store(args.store) as store:
        rows = relations(store, args.as_of)
    if args.predicate:
        rows = [r for r in rows if r.predicate == args.predicate]
    if args.entity:
        rows = [r for r in rows if args.entity in (r.subject_id, r.object_id)]
    cols = COLUMNS + (EXTRA if args.format != "table" else [])
    write_rows((r.as_dict() for r in rows), cols, args.format)
    return 0
