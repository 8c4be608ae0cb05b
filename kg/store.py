"""The one door to the RDF store: an embedded Oxigraph directory, or a remote SPARQL 1.1 service.

Everything else talks to :class:`Store`; rdflib terms go in and come out, so a backend can be
swapped without touching views, analysis or exports.
"""

from __future__ import annotations

import functools
import os
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import RegwatchError
from kg.rdf import ENTITIES_GRAPH, ONTOLOGY_GRAPH, SPARQL_PREFIXES, ontology_graph

DEFAULT_STORE = "regwatch-store"
Quad = tuple[Any, Any, Any, Any]


class StoreError(RegwatchError):
    """A store could not be opened or a query failed; the message is one line for the user."""


class QuerySyntaxError(StoreError):
    """The SPARQL text did not parse; carries the parser's message."""


def default_location() -> str:
    return os.environ.get("REGWATCH_STORE") or DEFAULT_STORE


@dataclass
class Rows:
    """SELECT results: variable names and one dict of rdflib terms (or None) per solution."""

    vars: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index: int) -> dict[str, Any]:
        return self.rows[index]


QueryResult = Rows | bool | Graph


def prefix_declarations(prefixes: dict[str, str] | None) -> str:
    """PREFIX lines joined on ONE line, so prepending them keeps the user's line numbers."""
    return "".join(f"PREFIX {k}: <{v}> " for k, v in (prefixes or {}).items())


def cap_result(result: QueryResult, limit: int | None) -> tuple[QueryResult, bool]:
    """Cut a result to ``limit`` rows/triples; says whether anything was cut."""
    if limit is None or isinstance(result, bool):
        return result, False
    if isinstance(result, Rows):
        return Rows(result.vars, result.rows[:limit]), len(result.rows) > limit
    if len(result) <= limit:
        return result, False
    g = Graph()
    for prefix, ns in result.namespaces():
        g.bind(prefix, ns)
    for t in islice(result, limit):
        g.add(t)
    return g, True


# --- term conversion -------------------------------------------------------------------------

_XSD_STRING = str(XSD.string)
_RDF_LANG = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def to_ox(term: Any) -> Any:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if term is None:
        return ox.DefaultGraph()
    raise TypeError(f"cannot store {term!r}")


@functools.lru_cache(maxsize=1 << 16)
def from_ox(term: Any) -> Any:
    """pyoxigraph term -> rdflib term. Cached: results repeat the same IRIs and literals, and
    building rdflib Literals dominates the cost of large results (~30% of a 1.5k-row query)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt in (_XSD_STRING, _RDF_LANG):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    if isinstance(term, ox.DefaultGraph):
        return None
    raise TypeError(f"unsupported term {term!r}")


def _to_graph(triples: Iterable[ox.Triple]) -> Graph:
    """CONSTRUCT/DESCRIBE triples from Oxigraph as an rdflib Graph."""
    g = Graph()
    for t in triples:
        g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
    return g


def solutions_to_rows(solutions: ox.QuerySolutions, stop: int | None = None) -> Rows:
    """SELECT solutions -> Rows, reading at most ``stop`` solutions.

    Each solution is read positionally (in ``variables`` order, None when unbound): looking
    cells up by name costs ~4x more and was most of the conversion time of large results.
    """
    names = [v.value for v in solutions.variables]
    return Rows(names, [dict(zip(names, map(from_ox, sol))) for sol in islice(solutions, stop)])


# --- interface -------------------------------------------------------------------------------


class Store(ABC):
    """What the rest of regwatch needs from a quad store."""

    location: str

    @abstractmethod
    def query(self, sparql: str, *, default_graphs: list[URIRef] | None = None) -> QueryResult:
        """Run a read query; default graph is the union of all graphs unless ``default_graphs``."""

    @abstractmethod
    def replace_graph(self, graph: URIRef, triples: Iterable[tuple[Any, Any, Any]]) -> None:
        """Atomically swap the content of one named graph."""

    @abstractmethod
    def add_triples(self, graph: URIRef, triples: Iterable[tuple[Any, Any, Any]]) -> None: ...

    @abstractmethod
    def remove_triples(self, graph: URIRef, triples: Iterable[tuple[Any, Any, Any]]) -> None: ...

    @abstractmethod
    def quads(self, graph: URIRef | None = None) -> Iterator[Quad]:
        """Every quad (or every quad of one graph), as rdflib terms."""

    @abstractmethod
    def graphs(self) -> set[URIRef]: ...

    def has_graph(self, graph: URIRef) -> bool:
        """Whether a named graph exists (backends answer it without listing every graph)."""
        return graph in self.graphs()

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release the store (flush to disk)."""

    def execute(
        self,
        sparql: str,
        *,
        default_graphs: list[URIRef] | None = None,
        named_graphs: list[URIRef] | None = None,
        prefixes: dict[str, str] | None = None,
        limit: int | None = None,
    ) -> tuple[QueryResult, bool]:
        """Run a user query with extra PREFIXes and a result cap: (result, truncated).

        Backends override this to stream (stop at the cap) and to honour ``named_graphs``.
        """
        result = self.query(prefix_declarations(prefixes) + sparql, default_graphs=default_graphs)
        return cap_result(result, limit)

    # Convenience built on the primitives above, shared by every backend.
    def select(self, sparql: str, **kw: Any) -> Rows:
        result = self.query(SPARQL_PREFIXES + sparql, **kw)
        if not isinstance(result, Rows):
            raise StoreError("expected a SELECT query")
        return result

    def ensure_ontology(self) -> None:
        if not self.has_graph(ONTOLOGY_GRAPH):
            self.replace_graph(ONTOLOGY_GRAPH, ontology_graph())

    def article_hashes(self) -> dict[str, str]:
        """Article graph IRI -> stored content hash: how re-ingest knows what is unchanged."""
        rows = self.select(
            "SELECT ?g ?h WHERE { GRAPH ?g { ?g a rw:Article ; rw:content_hash ?h } }"
        )
        return {str(r["g"]): str(r["h"]) for r in rows}

    def is_empty(self) -> bool:
        return not self.article_hashes()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class OxigraphStore(Store):
    """A directory on disk holding an Oxigraph (RocksDB) database."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> None:
        self.location = str(path) if path is not None else ":memory:"
        self.read_only = read_only and path is not None
        try:
            if path is None:
                self._db = ox.Store()
            elif self.read_only:
                # Several processes may read at once (the endpoint's workers), as long as no
                # process writes meanwhile: ``regwatch serve`` holds the write lock for that.
                if not Path(path).is_dir():
                    raise OSError(f"no store directory at {path}")
                self._db = ox.Store.read_only(str(path))
            else:
                Path(path).mkdir(parents=True, exist_ok=True)
                self._db = ox.Store(str(path))
        except OSError as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if "lock" in first.lower():
                first = "the store is open in another regwatch process (app or serve); stop it first"
            raise StoreError(f"cannot open store {self.location}: {first}") from exc
        if not self.read_only:
            from kg.labels import ensure_labels  # kg.labels builds on this module

            self.ensure_ontology()
            ensure_labels(self)

    @staticmethod
    def _dataset(
        default_graphs: list[URIRef] | None, named_graphs: list[URIRef] | None = None
    ) -> dict[str, Any]:
        """Oxigraph's dataset arguments: the union of all graphs unless graphs are given."""
        kwargs: dict[str, Any] = {}
        if default_graphs is None:
            kwargs["use_default_graph_as_union"] = True
        else:
            kwargs["default_graph"] = [ox.NamedNode(str(g)) for g in default_graphs] or [
                ox.DefaultGraph()
            ]
        if named_graphs is not None:
            kwargs["named_graphs"] = [ox.NamedNode(str(g)) for g in named_graphs]
        return kwargs

    def query(self, sparql: str, *, default_graphs: list[URIRef] | None = None) -> QueryResult:
        try:
            result = self._db.query(sparql, **self._dataset(default_graphs))
        except SyntaxError as exc:
            raise QuerySyntaxError(" ".join(str(exc).split())) from exc
        except OSError as exc:
            raise StoreError(" ".join(str(exc).split())) from exc
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QuerySolutions):
            return solutions_to_rows(result)
        return _to_graph(result)

    def execute(
        self,
        sparql: str,
        *,
        default_graphs: list[URIRef] | None = None,
        named_graphs: list[URIRef] | None = None,
        prefixes: dict[str, str] | None = None,
        limit: int | None = None,
    ) -> tuple[QueryResult, bool]:
        """Streaming version: stops reading solutions at the cap; prefixes keep line numbers."""
        try:
            result = self._db.query(sparql, prefixes=prefixes or {}, **self._dataset(default_graphs, named_graphs))
            if isinstance(result, ox.QueryBoolean):
                return bool(result), False
            stop = None if limit is None else limit + 1
            if isinstance(result, ox.QuerySolutions):
                return cap_result(solutions_to_rows(result, stop), limit)
            triples = list(islice(result, stop))
        except SyntaxError as exc:
            raise QuerySyntaxError(" ".join(str(exc).split())) from exc
        except OSError as exc:
            raise StoreError(" ".join(str(exc).split())) from exc
        truncated = limit is not None and len(triples) > limit
        return _to_graph(triples[:limit] if limit is not None else triples), truncated

    def raw(self) -> ox.Store:
        """The pyoxigraph store, for streaming serialisation (exports, endpoint)."""
        return self._db

    def replace_graph(self, graph: URIRef, triples: Iterable[tuple[Any, Any, Any]]) -> None:
        g = ox.NamedNode(str(graph))
        new = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in triples]
        if self._db.contains_named_graph(g):
            self._db.remove_graph(g)
        self._db.extend(new)

    def add_triples(self, graph: URIRef, triples: Iterable[tuple[Any, Any, Any]]) -> None:
        g = ox.NamedNode(str(graph))
        self._db.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in triples)

    def remove_triples(self, graph: URIRef, triples: Iterable[tuple[Any, Any, Any]]) -> None:
        g = ox.NamedNode(str(graph))
        for s, p, o in triples:
            self._db.remove(ox.Quad(to_ox(s), to_ox(p), to_ox(o), g))

    def quads(self, graph: URIRef | None = None) -> Iterator[Quad]:
        g = ox.NamedNode(str(graph)) if graph is not None else None
        for q in self._db.quads_for_pattern(None, None, None, g):
            yield from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), from_ox(q.graph_name)

    def graphs(self) -> set[URIRef]:
        return {URIRef(g.value) for g in self._db.named_graphs() if isinstance(g, ox.NamedNode)}

    def has_graph(self, graph: URIRef) -> bool:
        return self._db.contains_named_graph(ox.NamedNode(str(graph)))

    def __len__(self) -> int:
        return len(self._db)

    def close(self) -> None:
        """Flush and drop the handle so another process (the app, the endpoint) can open it."""
        db, self._db = getattr(self, "_db", None), None
        if db is not None:
            try:
                db.flush()
            except OSError:
                pass
            del db
            import gc

            gc.collect()


def open_store(location: str | None = None) -> Store:
    """Open the store at a directory path, or a remote SPARQL service when given an http(s) URL."""
    location = location or default_location()
    if location.startswith(("http://", "https://")):
        from kg.remote import RemoteStore

        return RemoteStore(location)
    return OxigraphStore(location)


__all__ = [
    "DEFAULT_STORE",
    "ENTITIES_GRAPH",
    "OxigraphStore",
    "QuerySyntaxError",
    "Rows",
    "Store",
    "StoreError",
    "default_location",
    "open_store",
]
