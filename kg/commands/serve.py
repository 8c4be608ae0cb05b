"""regwatch serve: a read-only SPARQL 1.1 Protocol endpoint over the store."""

from __future__ import annotations

import argparse
import ipaddress
import sys

from kg.cli import UserError, add_store_arg


def add_parser(sub: argparse._SubParsersAction) -> None:
    from kg.server import (
        DEFAULT_HOST,
        DEFAULT_MAX_RESULTS,
        DEFAULT_PORT,
        DEFAULT_TIMEOUT,
        DEFAULT_WORKERS,
    )

    p = sub.add_parser(
        "serve",
        help="serve the store as a read-only SPARQL endpoint at /sparql",
        description="SPARQL 1.1 Protocol endpoint (GET, POST form, POST sparql-query) answering "
        "JSON, XML, CSV, TSV (SELECT/ASK) or Turtle, N-Triples, JSON-LD, RDF/XML "
        "(CONSTRUCT/DESCRIBE) by Accept header. Updates and SERVICE are refused (403). Queries "
        "run in worker processes that are killed at the timeout (503). The store stays locked "
        "against writers while serving.",
    )
    add_store_arg(p)
    p.add_argument("--host", default=DEFAULT_HOST, help=f"address to bind (default {DEFAULT_HOST})")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"per-query time limit (default {DEFAULT_TIMEOUT:g})")
    p.add_argument("--max-results", type=int, default=DEFAULT_MAX_RESULTS, metavar="N",
                   help=f"rows/triples per answer, 0 for no cap (default {DEFAULT_MAX_RESULTS})")
    p.add_argument("--workers", type=int, default=DEFAULT_WORKERS, metavar="N",
                   help=f"query processes (default {DEFAULT_WORKERS})")
    p.add_argument("--quiet", action="store_true", help="do not log each request")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.server import ServerConfig, serve
    from kg.store import default_location

    if args.timeout <= 0:
        raise UserError("--timeout must be positive")
    if args.max_results < 0 or args.workers < 1:
        raise UserError("--max-results must be >= 0 and --workers >= 1")
    if not 0 <= args.port <= 65535:
        raise UserError("--port must be 0..65535")
    try:
        loopback = ipaddress.ip_address(args.host).is_loopback
    except ValueError:
        loopback = args.host == "localhost"
    if not loopback:
        print(f"warning: serving on {args.host}: reachable from other machines", file=sys.stderr)
    config = ServerConfig(
        store=args.store or default_location(),
        host=args.host,
        port=args.port,
        timeout=args.timeout,
        max_results=args.max_results or None,
        workers=args.workers,
        quiet=args.quiet,
    )
    try:
        serve(config)
    except OSError as exc:
        raise UserError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from None
    return 0
