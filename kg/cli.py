"""The ``regwatch`` command line. Commands live one per module in :mod:`kg.commands`.

Exit codes: 0 success, 1 failure (bad input, store or query error), 2 usage error.
A user error is one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

import kg.commands
from kg import __version__
from kg.errors import RegwatchError


class UserError(RegwatchError):
    """An error the user can fix; printed as one line, exit status 1."""


def add_store_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--store",
        metavar="DIR_OR_URL",
        help="store directory, or a SPARQL endpoint URL (default: $REGWATCH_STORE or ./regwatch-store)",
    )


def add_as_of_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--as-of",
        metavar="DATE",
        type=_iso_date,
        help="only use articles published up to this date (YYYY-MM-DD)",
    )


def _iso_date(value: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="regwatch",
        description="Regulatory-watch knowledge graph of AI, cloud and chip deals.",
    )
    parser.add_argument("--version", action="version", version=f"regwatch {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for info in sorted(pkgutil.iter_modules(kg.commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"kg.commands.{info.name}")
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        parser = build_parser()
    except RuntimeError as exc:  # e.g. data/ not found when run outside the checkout
        print(f"regwatch: error: {exc}", file=sys.stderr)
        return 1
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except RegwatchError as exc:
        print(f"regwatch {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
