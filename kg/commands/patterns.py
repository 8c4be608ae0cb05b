"""regwatch patterns: investor -> investee pairs that work like acquisitions, or money loops (--cycles)."""

from __future__ import annotations

import argparse
import sys

from kg.cli import add_as_of_arg, add_store_arg
from kg.output import FORMATS, write_rows

LEVELS = ("low", "medium", "high")
PAIR_COLUMNS = [
    "id",
    "investor",
    "investor_id",
    "investee",
    "investee_id",
    "score",
    "level",
    "signals",
    "explanation",
    "legal_tests",
    "investor_members",
    "investee_members",
    "first_seen",
    "last_seen",
]
PAIR_TABLE = ["level", "score", "investor", "investee", "signals", "legal_tests"]
CYCLE_COLUMNS = ["id", "length", "nodes", "labels", "description", "steps"]
CYCLE_TABLE = ["length", "loop", "description"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "patterns",
        help="score investor -> investee pairs for acquisition-in-all-but-name signals",
        description="Score every investor -> investee pair on regulators' signals (equity, circular "
        "spending, distribution, governance, exclusivity, acqui-hire, common ownership, scrutiny), "
        "with the evidence sentences behind each; or list money loops with --cycles.",
    )
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument(
        "--min-level", choices=LEVELS, default="low", help="only pairs at this level or above"
    )
    p.add_argument(
        "--no-rollup",
        dest="rollup",
        action="store_false",
        help="keep subsidiaries separate from their parent (products still count as their maker)",
    )
    p.add_argument(
        "--cycles", action="store_true", help="list circular money loops instead of pairs"
    )
    p.add_argument(
        "--max-length",
        type=int,
        metavar="N",
        help="longest loop, in firms (default from data/signals.yaml)",
    )
    p.add_argument(
        "--max-cycles",
        type=int,
        metavar="N",
        help="stop after N loops (default from data/signals.yaml)",
    )
    add_store_arg(p)
    add_as_of_arg(p)
    p.set_defaults(func=run)


def _pair_table_row(d: dict) -> dict:
    return {
        **d,
        "signals": [s["name"] for s in d["signals"]],
        "legal_tests": [t["test"] for t in d["legal_tests"]],
    }


def run(args: argparse.Namespace) -> int:
    from kg.analysis.inputs import load_inputs
    from kg.cli import UserError
    from kg.store import open_store

    for name in ("max_length", "max_cycles"):
        value = getattr(args, name)
        if value is not None and value < (2 if name == "max_length" else 1):
            raise UserError(f"--{name.replace('_', '-')} too small: {value}")
    with open_store(args.store) as store:
        inp = load_inputs(store, args.as_of)
    if args.cycles:
        from kg.analysis.cycles import find_cycles

        cycles, truncated = find_cycles(
            inp.rows,
            inp.entities,
            rollup=args.rollup,
            max_length=args.max_length,
            max_cycles=args.max_cycles,
        )
        rows = [{**c.as_dict(), "loop": " -> ".join(c.labels + c.labels[:1])} for c in cycles]
        write_rows(rows, CYCLE_TABLE if args.format == "table" else CYCLE_COLUMNS, args.format)
        if truncated:
            print(f"note: stopped after {len(cycles)} loops (--max-cycles)", file=sys.stderr)
        return 0
    from kg.analysis.patterns import at_least, detect

    pairs = at_least(
        detect(inp.rows, inp.entities, rollup=args.rollup, shares=inp.shares), args.min_level
    )
    dicts = [p.as_dict() for p in pairs]
    if args.format == "table":
        write_rows((_pair_table_row(d) for d in dicts), PAIR_TABLE, "table")
    elif args.format == "csv":
        write_rows((_pair_table_row(d) for d in dicts), PAIR_COLUMNS, "csv")
    else:
        write_rows(dicts, PAIR_COLUMNS, args.format)
    return 0
