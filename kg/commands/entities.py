"""regwatch entities: one row per canonical entity."""

from __future__ import annotations

import argparse

from kg.cli import add_as_of_arg, add_store_arg
from kg.output import FORMATS, write_rows

COLUMNS = ["id", "label", "type", "aliases", "mentions"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("entities", help="list canonical entities")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--type", dest="etype", help="only entities of this type")
    add_store_arg(p)
    add_as_of_arg(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.store import open_store
    from kg.views import entities

    with open_store(args.store) as store:
        rows = [e.as_dict() for e in entities(store, args.as_of)]
    if args.etype:
        rows = [r for r in rows if r["type"] == args.etype]
    cols = COLUMNS + (["qid", "parent"] if args.format != "table" else [])
    write_rows(rows, cols, args.format)
    return 0
