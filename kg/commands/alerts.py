"""regwatch alerts: what changed since the previous ingest (new pairs, level changes, regulator actions)."""

from __future__ import annotations

import argparse
import sys

from kg.cli import add_store_arg
from kg.output import FORMATS, write_rows

COLUMNS = ["kind", "summary", "subject", "object", "old_level", "new_level", "score", "evidence"]
TABLE = ["kind", "summary"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "alerts",
        help="what changed since the previous ingest",
        description="Compare the analysis now with the snapshot the last ingest took before it wrote: "
        "new investor -> investee pairs, level changes, pairs gone, new regulator actions.",
    )
    p.add_argument("--format", choices=FORMATS, default="table")
    add_store_arg(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.analysis.alerts import alerts
    from kg.store import open_store

    with open_store(args.store) as store:
        found, had_snapshot = alerts(store)
    if not had_snapshot:
        print(
            "note: no snapshot from a previous ingest; everything is reported as new",
            file=sys.stderr,
        )
    write_rows(
        (a.as_dict() for a in found), TABLE if args.format == "table" else COLUMNS, args.format
    )
    return 0
