"""Print rows as JSON lines, CSV or an aligned text table (shared by every listing command)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

FORMATS = ("jsonl", "csv", "table")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, float):
        return f"{value:.3g}" if value < 1000 else f"{value:,.0f}"
    return str(value)


def write_rows(
    rows: Iterable[dict[str, Any]],
    columns: Sequence[str],
    fmt: str,
    out: TextIO | None = None,
    max_width: int = 60,
) -> None:
    out = out or sys.stdout
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(columns)
        for row in rows:
            w.writerow([_cell(row.get(c)) for c in columns])
    elif fmt == "table":
        table = [[_cell(row.get(c)).replace("\n", " ") for c in columns] for row in rows]
        table = [[v if len(v) <= max_width else v[: max_width - 1] + "…" for v in r] for r in table]
        widths = [max([len(c), *(len(r[i]) for r in table)]) for i, c in enumerate(columns)]
        out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip() + "\n")
        out.write("  ".join("-" * w for w in widths) + "\n")
        for r in table:
            out.write("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() + "\n")
    else:
        raise ValueError(f"unknown format {fmt!r}")
