"""regwatch query: run a ready query by name, a .rq file, or SPARQL text; --list shows the ready ones."""

from __future__ import annotations

import argparse
import sys

from kg.cli import UserError, add_as_of_arg, add_store_arg

FORMATS = ("table", "json", "csv", "tsv", "xml", "turtle", "ntriples", "jsonld")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "query",
        help="run a SPARQL query (ready query name, .rq file or text)",
        description="Run a read-only SPARQL query against the store. The standard prefixes "
        "(rw:, rwid:, rwa:, rdf:, rdfs:, owl:, xsd:, prov:, skos:, schema:, wd:, org:) are "
        "predefined. Updates and SERVICE are refused. The default graph is the union of all "
        "graphs; --as-of limits it (and GRAPH ?g) to articles published up to that date.",
    )
    p.add_argument("query", nargs="?", metavar="NAME_OR_FILE_OR_TEXT")
    p.add_argument("--list", action="store_true", help="list the ready queries and exit")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="table (default), json (SPARQL JSON; JSON-LD for CONSTRUCT), csv, tsv, xml; "
        "turtle/ntriples/jsonld for CONSTRUCT/DESCRIBE",
    )
    p.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="bind a query variable, e.g. supplier=amazon-web-services or date=2024-01-31 "
        "(slugs become rwid: IRIs, ISO dates xsd:date; repeatable)",
    )
    p.add_argument("--max-results", type=int, metavar="N", help="stop after N rows/triples")
    add_store_arg(p)
    add_as_of_arg(p)
    p.set_defaults(func=run)


def list_queries() -> int:
    from kg.output import write_rows
    from kg.sparql import ready_queries

    rows = [
        {"name": q.name, "title": q.title, "params": " ".join(f"?{x.name}" for x in q.params)}
        for q in ready_queries()
    ]
    write_rows(rows, ["name", "title", "params"], "table", max_width=80)
    return 0


def parse_params(items: list[str]) -> dict[str, str]:
    params = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not name:
            raise UserError(f"--param wants NAME=VALUE, got {item!r}")
        params[name] = value
    return params


def run(args: argparse.Namespace) -> int:
    from kg.errors import RegwatchError
    from kg.sparql import bind_params, check_query, execute, format_result, resolve_query
    from kg.store import open_store

    if args.list:
        return list_queries()
    if not args.query:
        raise UserError("give a ready query name, a .rq file or SPARQL text (or --list)")
    if args.max_results is not None and args.max_results < 0:
        raise UserError("--max-results must be 0 or more")
    text, _name = resolve_query(args.query)
    text = bind_params(text, parse_params(args.param))
    kind = check_query(text)  # refuse before touching the store
    with open_store(args.store) as store:
        outcome = execute(store, text, as_of=args.as_of, max_results=args.max_results)
    try:
        body = format_result(outcome.result, args.format)
    except ValueError as exc:
        raise RegwatchError(f"{exc} (this is a {kind.value} query)") from None
    if isinstance(body, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(body if body.endswith(b"\n") or not body else body + b"\n")
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(body if body.endswith("\n") or not body else body + "\n")
    if outcome.truncated:
        print(f"(stopped at --max-results {args.max_results})", file=sys.stderr)
    return 0
