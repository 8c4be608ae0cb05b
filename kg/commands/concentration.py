"""regwatch concentration: HHI and CR4 per market, supplier dependency and network centrality."""

from __future__ import annotations

import argparse
import sys

from kg.cli import add_as_of_arg, add_store_arg
from kg.output import FORMATS, write_rows

SECTIONS = ("markets", "mergers", "customers", "suppliers", "centrality", "shares")
TABLES = {
    "markets": ["market", "firms", "hhi", "cr4", "coverage", "us_2023", "eu_2004", "note"],
    "mergers": [
        "market",
        "investor",
        "investee",
        "investor_share",
        "investee_share",
        "hhi",
        "delta",
        "post_hhi",
        "us_2023_presumption",
        "eu_2004_concern",
    ],
    "customers": ["customer", "n_suppliers", "supplier_hhi", "weighting", "suppliers"],
    "suppliers": [
        "supplier",
        "ai_developers_supplied",
        "ai_developers_total",
        "share_of_ai_developers",
        "dependents",
    ],
    "centrality": ["entity", "degree", "betweenness", "pagerank"],
    "shares": ["entity", "market", "share", "date", "article", "evidence"],
}


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "concentration",
        help="market concentration (HHI, CR4), dependency on suppliers, network centrality",
        description="Per market HHI and CR4 from stated shares with 2023 US and 2004 EU bands; HHI "
        "deltas of investor/investee pairs; each customer's supplier HHI; each supplier's share of AI "
        "developers; degree, betweenness and PageRank centrality; and every stated share with its sentence.",
    )
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument(
        "--section",
        choices=SECTIONS,
        action="append",
        help="only these sections (repeatable; default all)",
    )
    p.add_argument(
        "--top",
        type=int,
        default=20,
        metavar="N",
        help="rows per section in table format, centrality in all formats (default 20; 0 = all)",
    )
    p.add_argument(
        "--no-rollup",
        dest="rollup",
        action="store_false",
        help="keep subsidiaries separate from their parent",
    )
    add_store_arg(p)
    add_as_of_arg(p)
    p.set_defaults(func=run)


def _table_row(row: dict) -> dict:
    """Nested lists shown as short text in tables."""
    if row.get("kind") == "customer":
        return {
            **row,
            "suppliers": [f"{s['supplier']} ({s['weight']:g}%)" for s in row["suppliers"]],
        }
    return row


def run(args: argparse.Namespace) -> int:
    from kg.analysis.concentration import report
    from kg.analysis.inputs import load_inputs
    from kg.cli import UserError
    from kg.store import open_store

    if args.top < 0:
        raise UserError(f"--top must be 0 or more, not {args.top}")
    sections = args.section or list(SECTIONS)
    with open_store(args.store) as store:
        inp = load_inputs(store, args.as_of)
    rep = report(
        inp.rows,
        inp.entities,
        inp.shares,
        rollup=args.rollup,
        with_centrality="centrality" in sections,
    )
    top = args.top or None
    groups = {
        "markets": [r.as_dict() for r in rep.markets],
        "mergers": [r.as_dict() for r in rep.mergers],
        "customers": [r.as_dict() for r in rep.customers],
        "suppliers": [r.as_dict() for r in rep.suppliers],
        "centrality": [r.as_dict() for r in rep.centrality][:top],
        "shares": [{"kind": "share", **r.as_dict()} for r in rep.shares],
    }
    if args.format == "table":
        first = True
        for name in sections:
            if not first:
                sys.stdout.write("\n")
            first = False
            rows = [_table_row(r) for r in groups[name][:top]]
            sys.stdout.write(f"== {name} ({len(groups[name])}) ==\n")
            write_rows(rows, TABLES[name], "table")
        sys.stdout.write("\n" + "\n".join(f"note: {n}" for n in rep.notes) + "\n")
        sys.stdout.write(
            "\n".join(f"source: {s['title']} <{s['url']}>" for s in rep.sources) + "\n"
        )
        return 0
    for name in sections:
        cols = ["kind", *TABLES[name]]
        extra = {
            "markets": ["holders"],
            "mergers": ["investor_id", "investee_id"],
            "customers": ["customer_id"],
            "suppliers": ["supplier_id"],
            "centrality": ["entity_id"],
            "shares": ["entity_id", "confidence"],
        }[name]
        write_rows(groups[name], cols + extra, args.format)
    return 0
