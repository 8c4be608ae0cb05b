"""A :class:`kg.store.Store` on a remote SPARQL 1.1 service (Virtuoso, Fuseki, GraphDB, ...).

``--store http://127.0.0.1:8890/sparql`` reads and writes through the one endpoint. A separate
update endpoint is given as ``QUERY_URL|UPDATE_URL`` or in ``$REGWATCH_UPDATE_URL``. Credentials
for HTTP basic auth may be put in the URL (``http://user:pass@host/...``).

What the service must provide: SPARQL 1.1 Query with the *union of all graphs* as the default
graph when no ``default-graph-uri`` is sent (Virtuoso does this; Fuseki needs
``tdb2:unionDefaultGraph true``), and SPARQL 1.1 Update (Virtuoso: ``GRANT SPARQL_UPDATE TO
"SPARQL"``). Only graphs whose IRI starts with the regwatch base are listed or exported, so a
server's own system graphs stay out. Replacing a graph is DROP + INSERT DATA in one request, but
a large graph is sent in several requests, so it is not atomic as it is on Oxigraph.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.rdf import BASE, ONTOLOGY_GRAPH, ontology_graph
from kg.store import (
    QueryResult,
    QuerySyntaxError,
    Rows,
    Store,
    StoreError,
    cap_result,
    from_ox,
    prefix_declarations,
    to_ox,
)

Triple = tuple[Any, Any, Any]
EMPTY_GRAPH = "urn:x-regwatch:empty"  # names no graph: an explicitly empty default graph
CHUNK_TRIPLES = 500
PAGE = 10_000
ACCEPT_ROWS = "application/sparql-results+json"
ACCEPT_GRAPH = "application/n-triples, text/plain;q=0.9, text/turtle;q=0.8"
_XSD_STRING = str(XSD.string)
_XSD_BOOLEAN = str(XSD.boolean)


def split_location(location: str) -> tuple[str, str]:
    """``query|update`` -> (query URL, update URL); the update URL defaults to the env or query."""
    query_url, _, update_url = location.partition("|")
    return query_url.strip(), (update_url.strip() or os.environ.get("REGWATCH_UPDATE_URL")
                               or query_url.strip())


def _auth(url: str) -> tuple[str, dict[str, str]]:
    """Move ``user:pass@`` out of the URL into a basic Authorization header."""
    parts = urlsplit(url)
    if not parts.username:
        return url, {}
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    token = base64.b64encode(f"{parts.username}:{parts.password or ''}".encode()).decode()
    return urlunsplit(parts._replace(netloc=netloc)), {"Authorization": f"Basic {token}"}


def _bnode(value: str) -> BNode:
    """Server blank node labels (Virtuoso: ``nodeID://b123``) are not valid N-Triples labels."""
    if value.replace("_", "").isalnum():
        return BNode(value)
    return BNode("b" + hashlib.sha1(value.encode()).hexdigest()[:16])


def term_from_json(cell: dict[str, str]) -> Any:
    """A SPARQL JSON results term (including the older ``typed-literal``) as an rdflib term."""
    kind, value = cell.get("type"), cell.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return _bnode(value)
    lang = cell.get("xml:lang")
    if lang:
        return Literal(value, lang=lang)
    dt = cell.get("datatype")
    if not dt or dt == _XSD_STRING:
        return Literal(value)
    if dt == _XSD_BOOLEAN and value in ("0", "1"):
        value = "true" if value == "1" else "false"
    return Literal(value, datatype=URIRef(dt))


def sparql_term(term: Any) -> str:
    """A term in N-Triples syntax, which SPARQL data blocks accept as is."""
    return str(to_ox(term))


class RemoteStore(Store):
    """Store over HTTP: SPARQL 1.1 Protocol for reads, SPARQL 1.1 Update for writes."""

    def __init__(self, location: str, *, timeout: float = 120.0) -> None:
        self.location = location
        query_url, update_url = split_location(location)
        if not query_url.startswith(("http://", "https://")):
            raise StoreError(f"not an http(s) SPARQL endpoint: {query_url}")
        self.query_url, self._query_headers = _auth(query_url)
        self.update_url, self._update_headers = _auth(update_url)
        self.timeout = timeout
        self._ontology_done = False

    # --- HTTP ---------------------------------------------------------------------------------
    def _post(self, url: str, headers: dict[str, str], form: dict[str, Any], accept: str) -> tuple[str, bytes]:
        data = urlencode(form, doseq=True).encode("utf-8")
        req = urllib.request.Request(
            url,
            data=data,
            method="POST",
            headers={
                **headers,
                "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
                "Accept": accept,
                "User-Agent": "regwatch",
            },
        )
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # noqa: S310 - user-given endpoint
                return resp.headers.get("Content-Type", ""), resp.read()
        except urllib.error.HTTPError as exc:
            detail = " ".join(exc.read(2000).decode("utf-8", "replace").split())[:300]
            msg = f"{url}: HTTP {exc.code}: {detail or exc.reason}"
            if exc.code == 400:
                raise QuerySyntaxError(msg) from None
            raise StoreError(msg) from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise StoreError(f"cannot reach {url}: {reason}") from None

    def _select_or_graph(
        self, text: str, default_graphs: list[URIRef] | None, named_graphs: list[URIRef] | None
    ) -> QueryResult:
        form: dict[str, Any] = {"query": text}
        if default_graphs is not None:
            form["default-graph-uri"] = [str(g) for g in default_graphs] or [EMPTY_GRAPH]
        if named_graphs is not None:
            form["named-graph-uri"] = [str(g) for g in named_graphs] or [EMPTY_GRAPH]
        from kg.sparql import query_form

        kind = query_form(text)
        graph = kind is not None and kind.is_graph
        ctype, body = self._post(
            self.query_url, self._query_headers, form, ACCEPT_GRAPH if graph else ACCEPT_ROWS
        )
        return parse_response(ctype, body)

    # --- Store interface ----------------------------------------------------------------------
    def query(self, sparql: str, *, default_graphs: list[URIRef] | None = None) -> QueryResult:
        """With ``default_graphs`` the same graphs are also the named graphs: the protocol would
        otherwise leave none for ``GRAPH ?g`` (Oxigraph keeps all; views filter to these)."""
        return self._select_or_graph(sparql, default_graphs, default_graphs)

    def execute(
        self,
        sparql: str,
        *,
        default_graphs: list[URIRef] | None = None,
        named_graphs: list[URIRef] | None = None,
        prefixes: dict[str, str] | None = None,
        limit: int | None = None,
    ) -> tuple[QueryResult, bool]:
        text = prefix_declarations(prefixes) + sparql  # one line: the user's line numbers hold
        return cap_result(self._select_or_graph(text, default_graphs, named_graphs), limit)

    def update(self, text: str) -> None:
        """Send SPARQL Update text to the update endpoint."""
        self._post(self.update_url, self._update_headers, {"update": text}, "*/*")

    def _ensure_ontology_once(self, graph: URIRef) -> None:
        if self._ontology_done or graph == ONTOLOGY_GRAPH:
            return
        self._ontology_done = True
        if not self.has_graph(ONTOLOGY_GRAPH):
            self.replace_graph(ONTOLOGY_GRAPH, ontology_graph())

    def _data_blocks(self, graph: URIRef, triples: Iterable[Triple]) -> Iterator[tuple[bool, str]]:
        """(has blank nodes, ``GRAPH <g> { ... }``) blocks of at most CHUNK_TRIPLES triples.

        Triples with blank nodes all go in one block, since a blank node label only holds
        within one request, and that block is sent as an INSERT template (``INSERT {...}
        WHERE {}``): SPARQL allows blank nodes there, while servers such as Virtuoso refuse
        them in INSERT DATA.
        """
        plain, with_bnodes = [], []
        for t in triples:
            line = " ".join(sparql_term(x) for x in t) + " ."
            (with_bnodes if any(isinstance(x, BNode) for x in t) else plain).append(line)
        g = sparql_term(graph)
        if with_bnodes:
            yield True, f"GRAPH {g} {{\n" + "\n".join(with_bnodes) + "\n}"
        for i in range(0, len(plain), CHUNK_TRIPLES):
            yield False, f"GRAPH {g} {{\n" + "\n".join(plain[i : i + CHUNK_TRIPLES]) + "\n}"

    @staticmethod
    def _insert(has_bnodes: bool, block: str) -> str:
        return f"INSERT {{ {block} }} WHERE {{}}" if has_bnodes else f"INSERT DATA {{ {block} }}"

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        self._ensure_ontology_once(graph)
        blocks = list(self._data_blocks(graph, triples))
        first = f"DROP SILENT GRAPH {sparql_term(graph)}"
        if blocks:
            first += " ;\n" + self._insert(*blocks[0])
        self.update(first)
        for block in blocks[1:]:
            self.update(self._insert(*block))

    def add_triples(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        self._ensure_ontology_once(graph)
        for block in self._data_blocks(graph, triples):
            self.update(self._insert(*block))

    def remove_triples(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        items = list(triples)
        if any(isinstance(x, BNode) for t in items for x in t):
            raise StoreError("cannot remove triples with blank nodes from a remote store")
        for _bnodes, block in self._data_blocks(graph, items):
            self.update(f"DELETE DATA {{ {block} }}")

    def graphs(self) -> set[URIRef]:
        rows = self.query(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
            f'FILTER(STRSTARTS(STR(?g), "{BASE}")) }}'
        )
        assert isinstance(rows, Rows)
        return {URIRef(str(r["g"])) for r in rows if r.get("g") is not None}

    def _graph_triples(self, graph: URIRef) -> Iterator[Triple]:
        g = sparql_term(graph)
        first = self.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }} LIMIT {PAGE + 1}")
        assert isinstance(first, Rows)
        if len(first) <= PAGE:
            for r in first:
                yield r["s"], r["p"], r["o"]
            return
        offset = 0
        while True:  # a big graph: stable pages need an ORDER BY
            page = self.query(
                f"SELECT ?s ?p ?o WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }} "
                f"ORDER BY ?s ?p ?o LIMIT {PAGE} OFFSET {offset}"
            )
            assert isinstance(page, Rows)
            for r in page:
                yield r["s"], r["p"], r["o"]
            if len(page) < PAGE:
                return
            offset += PAGE

    def quads(self, graph: URIRef | None = None) -> Iterator[tuple[Any, Any, Any, Any]]:
        for g in [graph] if graph is not None else sorted(self.graphs()):
            for s, p, o in self._graph_triples(g):
                yield s, p, o, g


def parse_response(ctype: str, body: bytes) -> QueryResult:
    """A query response by its media type: SPARQL JSON results, or an RDF graph."""
    media = ctype.split(";")[0].strip().lower()
    if media in ("application/sparql-results+json", "application/json"):
        doc = json.loads(body.decode("utf-8"))
        if "boolean" in doc:
            return bool(doc["boolean"])
        if doc.get("head", {}).get("vars") == ["__ASK_RETVAL"]:  # Virtuoso's ASK answer
            cells = doc.get("results", {}).get("bindings", [])
            return bool(cells) and str(cells[0]["__ASK_RETVAL"].get("value")) not in ("0", "false")
        names = list(doc.get("head", {}).get("vars", []))
        rows = [
            {n: term_from_json(b[n]) if n in b else None for n in names}
            for b in doc.get("results", {}).get("bindings", [])
        ]
        return Rows(names, rows)
    formats = {
        "application/n-triples": ox.RdfFormat.N_TRIPLES,
        "text/plain": ox.RdfFormat.N_TRIPLES,
        "text/turtle": ox.RdfFormat.TURTLE,
        "application/x-turtle": ox.RdfFormat.TURTLE,
    }
    if media not in formats:
        raise StoreError(f"unexpected response type {media or 'none'} from the SPARQL service")
    g = Graph()
    try:
        for t in ox.parse(body, format=formats[media]):
            s, p, o = (from_ox(x) for x in (t.subject, t.predicate, t.object))
            g.add((s, p, o))
    except SyntaxError as exc:
        raise StoreError(f"bad {media} from the SPARQL service: {' '.join(str(exc).split())}") from None
    return g
