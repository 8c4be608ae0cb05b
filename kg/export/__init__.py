"""Exports of the graph as files: one module per format family, one dispatcher.

RDF formats (``kg.export.rdf``) dump the quads with their provenance; graph-style formats
(``kg.export.network``, ``kg.export.ftm``) are built from ``kg.views`` so curation applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.errors import RegwatchError
from kg.store import Store

FORMATS: dict[str, str] = {
    "ttl": "Turtle, all graphs merged into one",
    "nt": "N-Triples, all graphs merged into one",
    "trig": "TriG, one named graph per article (provenance kept)",
    "nquads": "N-Quads, one named graph per article (provenance kept)",
    "jsonld": "JSON-LD with an inline @context, named graphs kept",
    "graphml": "GraphML network for Gephi/yEd (nodes = entities, edges = relations)",
    "gexf": "GEXF network for Gephi",
    "csv": "a directory with nodes.csv and edges.csv",
    "ftm": "FollowTheMoney entities as JSON lines",
}
UNITS = {"ttl": "triples", "nt": "triples", "trig": "quads", "nquads": "quads",
         "jsonld": "quads", "graphml": "edges", "gexf": "edges", "csv": "edges",
         "ftm": "FtM entities"}


@dataclass(frozen=True)
class ExportResult:
    """What was written, for the one-line summary."""

    format: str
    path: Path
    count: int

    def line(self) -> str:
        return f"wrote {self.count} {UNITS[self.format]} to {self.path}"


def export(store: Store, fmt: str, output: str | Path, as_of: str | None = None) -> ExportResult:
    """Write the store (as of a date, if given) to ``output`` in format ``fmt``."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise RegwatchError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    path = Path(output)
    if fmt == "csv":
        if path.exists() and not path.is_dir():
            raise RegwatchError(f"--output for csv must be a directory, {path} is a file")
    else:
        if path.is_dir():
            raise RegwatchError(f"--output for {fmt} must be a file, {path} is a directory")
        if not path.parent.is_dir():
            raise RegwatchError(f"no such directory: {path.parent}")
    if fmt in ("ttl", "nt", "trig", "nquads", "jsonld"):
        from kg.export.rdf import write_rdf

        count = write_rdf(store, fmt, path, as_of)
    elif fmt == "graphml":
        from kg.export.network import write_graphml

        count = write_graphml(store, path, as_of)
    elif fmt == "gexf":
        from kg.export.network import write_gexf

        count = write_gexf(store, path, as_of)
    elif fmt == "csv":
        from kg.export.network import write_csv

        count = write_csv(store, path, as_of)
    else:
        from kg.export.ftm import write_ftm

        count = write_ftm(store, path, as_of)
    return ExportResult(fmt, path, count)


__all__ = ["FORMATS", "ExportResult", "export"]
