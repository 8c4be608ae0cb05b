"""regwatch export: write the graph as RDF (ttl, nt, trig, nquads, jsonld), GraphML, GEXF, CSV or FtM."""

from __future__ import annotations

import argparse

from kg.cli import add_as_of_arg, add_store_arg


def add_parser(sub: argparse._SubParsersAction) -> None:
    from kg.export import FORMATS

    p = sub.add_parser(
        "export",
        help="export the graph to a file",
        description="Export the store. Formats: "
        + "; ".join(f"{k}: {v}" for k, v in FORMATS.items())
        + ". Network formats (graphml, gexf, csv, ftm) reflect curation decisions.",
    )
    p.add_argument("--format", required=True, choices=list(FORMATS))
    p.add_argument("--output", "-o", required=True, metavar="PATH",
                   help="file to write (a directory for csv)")
    add_store_arg(p)
    add_as_of_arg(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.export import export
    from kg.store import open_store

    with open_store(args.store) as store:
        result = export(store, args.format, args.output, as_of=args.as_of)
    print(result.line())
    return 0
