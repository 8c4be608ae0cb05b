"""Data behind the Streamlit workbench, kept out of ``app.py`` so it can be tested and timed.

Nothing here imports Streamlit. Two rules run through it: every string that came from an article
or a user is escaped before it reaches Markdown or DOT (:func:`md_escape`, :func:`dot_quote`),
and the Overview reads only cheap aggregate queries so it paints fast on large stores.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
import threading
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import networkx as nx

from kg.rdf import ARTICLE_PREFIX, CURATION_GRAPH, ENTITIES_GRAPH, ENTITY_PREFIX, local_id
from kg.schema import ENTITY_TYPES, PREDICATES, SCHEMA
from kg.store import Store
from kg.views import Edge, EntityRow, RelationRow

RW_NS = SCHEMA.namespace
MAX_UPLOAD_MB = 5
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1_000_000
MAX_NODES = 300
MAX_EDGES = 1500
UPLOAD_TYPES = ("jsonl", "ndjson", "txt", "md", "markdown", "html", "htm", "xml", "rss", "atom")

# --- escaping --------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$&\"'=^])")


def md_escape(text: object) -> str:
    """Text safe inside Streamlit Markdown: every markup character backslash-escaped.

    Raw HTML never renders (no ``unsafe_allow_html``), and this also stops links, emphasis,
    Streamlit's ``:color[...]`` directives and LaTeX from being injected by article text.
    """
    s = " ".join(str(text).split())
    return _MD_SPECIAL.sub(r"\\\1", s)


def md_code(text: object) -> str:
    """Inline code span: Markdown and HTML are not interpreted inside, only backticks matter."""
    s = " ".join(str(text).split()).replace("`", "\u2018")
    return f"`{s}`" if s else ""


def dot_quote(text: object) -> str:
    """A DOT double-quoted string (Graphviz shows it as plain text, never as an HTML label)."""
    s = " ".join(str(text).split())
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def safe_url(url: str | None) -> str | None:
    """An http(s) address fit for a Markdown link target, or None (no javascript:, no spaces)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return quote(url, safe=":/?#[]@!$&'*+,;=%-._~").replace("(", "%28").replace(")", "%29")


def qid_url(qid: str | None) -> str | None:
    """The Wikidata page of a QID, only for well-formed QIDs."""
    if qid and re.fullmatch(r"Q[1-9]\d*", qid):
        return f"https://www.wikidata.org/wiki/{qid}"
    return None


def md_link(text: object, url: str | None) -> str:
    """An escaped Markdown link, or just the escaped text when the address is not safe."""
    target = safe_url(url)
    return f"[{md_escape(text)}]({target})" if target else md_escape(text)


# --- labels ----------------------------------------------------------------------------------


def predicate_label(predicate: str) -> str:
    return str(SCHEMA.predicates.get(predicate, {}).get("label", predicate))


def type_label(etype: str) -> str:
    return str(SCHEMA.classes[SCHEMA.entity_types[etype]]["label"]) if etype in ENTITY_TYPES else etype


# --- the snapshot: everything derived from the store, built once per store version -----------


@dataclass
class Snapshot:
    """Curated views of the whole store plus the indexes pages need (search, neighbours)."""

    entities: list[EntityRow]
    relations: list[RelationRow]
    edges: list[Edge]
    shares: list[Any] = field(default_factory=list)
    by_id: dict[str, EntityRow] = field(default_factory=dict)
    edges_of: dict[str, list[Edge]] = field(default_factory=dict)
    date_range: tuple[str, str] | None = None  # first and last evidence date

    @property
    def labels(self) -> dict[str, str]:
        return {e.id: e.label for e in self.entities}

    def label(self, entity_id: str) -> str:
        e = self.by_id.get(entity_id)
        return e.label if e else entity_id

    def type_of(self, entity_id: str) -> str:
        e = self.by_id.get(entity_id)
        return e.type if e else "company"


def build_snapshot(
    entities: list[EntityRow], relations: list[RelationRow], shares: list[Any] | None = None
) -> Snapshot:
    from kg.views import edges as make_edges

    es = make_edges(relations)
    edges_of: dict[str, list[Edge]] = defaultdict(list)
    for e in es:
        edges_of[e.subject_id].append(e)
        if e.object_id != e.subject_id:
            edges_of[e.object_id].append(e)
    dates = [r.date for r in relations if r.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", r.date)]
    return Snapshot(
        date_range=(min(dates), max(dates)) if dates else None,
        entities=entities,
        relations=relations,
        edges=es,
        shares=shares or [],
        by_id={e.id: e for e in entities},
        edges_of=dict(edges_of),
    )


def load_snapshot(store: Store, as_of: str | None = None) -> Snapshot:
    """Read the curated entities, relations and market shares (the slow part, cached by the app)."""
    from kg.views import entities, relations

    ents = entities(store, as_of)
    rels = relations(store, as_of, entity_rows=ents)
    try:
        from kg.analysis.shares import shares

        sh = shares(store, as_of)
    except ImportError:
        sh = []
    return build_snapshot(ents, rels, sh)


class Derived:
    """The snapshot and the analyses of one store version, each computed at most once.

    ``start()`` computes them in a background thread so a page that only needs counts paints at
    once while the slow part (reading every relation, scoring pairs) goes on behind it; a page
    that needs a result just asks for it and waits for the same computation.
    """

    STEPS = ("snapshot", "patterns", "concentration", "cycles")

    def __init__(self, store: Store) -> None:
        self.store = store
        self._values: dict[str, Any] = {}
        self._errors: dict[str, BaseException] = {}
        self._locks = {name: threading.Lock() for name in self.STEPS}
        self._done = threading.Event()
        self._cancelled = False
        self._thread: threading.Thread | None = None

    def _get(self, name: str, compute: Any) -> Any:
        with self._locks[name]:
            if name in self._errors:
                raise self._errors[name]
            if name not in self._values:
                try:
                    self._values[name] = compute()
                except BaseException as exc:
                    self._errors[name] = exc
                    raise
            return self._values[name]

    def snapshot(self) -> Snapshot:
        return self._get("snapshot", lambda: load_snapshot(self.store))

    def patterns(self) -> list[Any]:
        def compute() -> list[Any]:
            from kg.analysis.patterns import detect

            snap = self.snapshot()
            return detect(snap.relations, snap.entities, rollup=True, shares=snap.shares)

        return self._get("patterns", compute)

    def concentration(self) -> Any:
        def compute() -> Any:
            from kg.analysis.concentration import report

            snap = self.snapshot()
            return report(snap.relations, snap.entities, snap.shares, rollup=True)

        return self._get("concentration", compute)

    def cycles(self) -> tuple[list[Any], bool]:
        def compute() -> tuple[list[Any], bool]:
            from kg.analysis.cycles import find_cycles

            snap = self.snapshot()
            return find_cycles(snap.relations, snap.entities, rollup=True)

        return self._get("cycles", compute)

    def ready(self, name: str) -> bool:
        return name in self._values or name in self._errors

    def start(self) -> Derived:
        """Compute snapshot, patterns and concentration in the background (once)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="regwatch-derived", daemon=True)
            self._thread.start()
        return self

    def _run(self) -> None:
        try:
            for step in (self.snapshot, self.patterns, self.concentration):
                if self._cancelled:
                    return
                try:
                    step()
                except Exception:  # noqa: BLE001 - kept in _errors, raised to the page that asks
                    pass
        finally:
            self._done.set()

    def wait(self, timeout: float | None = None) -> bool:
        """True once the background work is over (or was never started)."""
        return self._thread is None or self._done.wait(timeout)

    def cancel(self) -> None:
        """The store changed: stop after the current step; results are stale anyway."""
        self._cancelled = True


# --- Overview: aggregate queries only --------------------------------------------------------


@dataclass
class Overview:
    entity_types: dict[str, int]
    predicates: dict[str, tuple[int, int]]  # predicate -> (edges, evidence sentences)
    articles: int
    judgements: int
    latest: list[dict[str, Any]]
    first_date: str | None = None
    last_date: str | None = None

    @property
    def entities(self) -> int:
        return sum(self.entity_types.values())

    @property
    def edges(self) -> int:
        return sum(e for e, _ in self.predicates.values())


def overview(store: Store, latest: int = 8) -> Overview:
    """Counts and latest articles from a handful of GROUP BY queries (fast on 100k relations)."""
    from kg.curation import load_curation

    cur = load_curation(store)
    types: dict[str, Counter[str]] = defaultdict(Counter)
    rows = store.select(
        f"""SELECT DISTINCT ?e ?cls ?ref WHERE {{
              {{ SELECT DISTINCT ?e WHERE {{ ?e rw:mention_count ?m }} }}
              ?e a ?cls . OPTIONAL {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e a ?ref }} }} }}"""
    )
    for r in rows:
        etype = SCHEMA.type_for_class(str(r["cls"]).removeprefix(RW_NS))
        if etype:  # the reference (gazetteer) type wins, as in kg.views.entities
            types[local_id(r["e"])][etype] += 1000 if r["ref"] == r["cls"] else 1
    by_type: Counter[str] = Counter()
    for eid, c in types.items():
        if cur.canonical(eid) == eid:  # merged duplicates are not counted twice
            by_type[max(c, key=lambda t: (c[t], t))] += 1
    preds = " ".join(f"rw:{p}" for p in PREDICATES)
    edge_rows = store.select(
        f"""SELECT ?p (COUNT(*) AS ?n) WHERE {{
              SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {preds} }}
                GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{CURATION_GRAPH}>) }} }} GROUP BY ?p"""
    )
    # Evidence = rdf:predicate statements outside the curation graph (whose edge and correction
    # nodes also carry one); counting all and subtracting is 10x faster than typing each ?a.
    ev_rows = store.select("SELECT ?p (COUNT(?a) AS ?n) WHERE { ?a rdf:predicate ?p } GROUP BY ?p")
    cur_rows = store.select(
        f"SELECT ?p (COUNT(?a) AS ?n) WHERE {{ GRAPH <{CURATION_GRAPH}> {{ ?a rdf:predicate ?p }} }} GROUP BY ?p"
    )
    n_edges = {str(r["p"]).removeprefix(RW_NS): int(r["n"]) for r in edge_rows}
    n_ev = {str(r["p"]).removeprefix(RW_NS): int(r["n"]) for r in ev_rows}
    for r in cur_rows:
        key = str(r["p"]).removeprefix(RW_NS)
        n_ev[key] = n_ev.get(key, 0) - int(r["n"])
    arts = store.select(
        """SELECT (COUNT(?g) AS ?n) (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE {
             GRAPH ?g { ?g a rw:Article OPTIONAL { ?g rw:published ?d } } }"""
    )
    head = arts[0] if len(arts) else {"n": 0, "first": None, "last": None}
    latest_rows = store.select(
        f"""SELECT ?g ?title ?d ?source ?url WHERE {{
              {{ SELECT ?g ?d WHERE {{ ?g a rw:Article OPTIONAL {{ ?g rw:published ?d }} }}
                 ORDER BY DESC(?d) ?g LIMIT {int(latest)} }}
              ?g rw:title ?title OPTIONAL {{ ?g rw:source ?source }} OPTIONAL {{ ?g rw:url ?url }} }}
            ORDER BY DESC(?d) ?g"""
    )
    return Overview(
        entity_types={t: by_type[t] for t in ENTITY_TYPES if by_type[t]},
        predicates={p: (n_edges.get(p, 0), n_ev.get(p, 0)) for p in PREDICATES if n_ev.get(p) or n_edges.get(p)},
        articles=int(head["n"] or 0),
        judgements=len(cur.judgements),
        latest=[
            {
                "article": local_id(r["g"], ARTICLE_PREFIX),
                "title": str(r["title"]),
                "date": str(r["d"]) if r["d"] is not None else None,
                "source": str(r["source"]) if r["source"] is not None else None,
                "url": str(r["url"]) if r["url"] is not None else None,
            }
            for r in latest_rows
        ],
        first_date=str(head["first"]) if head.get("first") is not None else None,
        last_date=str(head["last"]) if head.get("last") is not None else None,
    )


# --- search and roles ------------------------------------------------------------------------


def search_entities(entities: Iterable[EntityRow], text: str, limit: int = 25) -> list[EntityRow]:
    """Entities whose label, alias or id contains ``text`` (case-insensitive); best matches first."""
    q = " ".join(text.casefold().split())
    if not q:
        return []
    scored = []
    for e in entities:
        names = [e.label, *e.aliases, e.id]
        best = None
        for i, n in enumerate(names):
            n = n.casefold()
            rank = 0 if n == q else 1 if n.startswith(q) else 2 if q in n else None
            if rank is not None:
                rank = rank * 2 + (0 if i == 0 else 1)  # label matches beat alias matches
                best = rank if best is None else min(best, rank)
        if best is not None:
            scored.append((best, -e.mentions, e.label.casefold(), e))
    scored.sort(key=lambda t: t[:3])
    return [t[3] for t in scored[:limit]]


ROLES: dict[tuple[str, str], str] = {
    ("invests_in", "subject"): "investor",
    ("invests_in", "object"): "investee",
    ("acquires", "subject"): "acquirer",
    ("acquires", "object"): "acquired",
    ("supplies", "subject"): "supplier",
    ("supplies", "object"): "customer",
    ("regulates", "subject"): "regulator",
    ("regulates", "object"): "regulated",
    ("subsidiary_of", "subject"): "subsidiary",
    ("subsidiary_of", "object"): "parent",
    ("partners_with", "subject"): "partner",
    ("partners_with", "object"): "partner",
}


def roles(edges: Iterable[Edge], entity_id: str) -> dict[str, list[str]]:
    """Role name -> counterpart ids, e.g. {"investor": ["anthropic"]} for Amazon."""
    out: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        if e.subject_id == entity_id:
            out[ROLES[(e.predicate, "subject")]].add(e.object_id)
        if e.object_id == entity_id:
            out[ROLES[(e.predicate, "object")]].add(e.subject_id)
    order = list(dict.fromkeys(ROLES.values()))
    return {r: sorted(out[r]) for r in order if r in out}


def counterparts_by_role(edges: Iterable[Edge], entity_id: str) -> dict[str, list[str]]:
    """Who plays which role towards ``entity_id``: {"investor": [amazon, google]} for Anthropic."""
    out: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        if e.object_id == entity_id:
            out[ROLES[(e.predicate, "subject")]].add(e.subject_id)
        if e.subject_id == entity_id:
            out[ROLES[(e.predicate, "object")]].add(e.object_id)
    order = list(dict.fromkeys(ROLES.values()))
    return {r: sorted(out[r]) for r in order if r in out}


# --- neighbourhood ---------------------------------------------------------------------------


@dataclass
class Neighbourhood:
    center: str
    nodes: list[str]
    edges: list[Edge]
    truncated: bool
    reachable: int  # nodes within the hops before the cap
    edges_cut: int = 0  # weakest edges left out to keep the drawing readable


def edge_passes(
    e: Edge,
    predicates: Sequence[str] | None,
    date_from: str | None,
    date_to: str | None,
    min_conf: float,
) -> bool:
    """Filter on predicate, confidence and the date span of the edge's evidence."""
    if predicates is not None and e.predicate not in predicates:
        return False
    if e.confidence < min_conf:
        return False
    if date_from and e.last_seen is not None and e.last_seen < date_from:
        return False
    if date_to and e.first_seen is not None and e.first_seen > date_to:
        return False
    return True


def neighbourhood(
    edges_of: dict[str, list[Edge]],
    center: str,
    hops: int = 1,
    predicates: Sequence[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    min_conf: float = 0.0,
    max_nodes: int = MAX_NODES,
    max_edges: int = MAX_EDGES,
) -> Neighbourhood:
    """Breadth-first ``hops`` around ``center``; stops at ``max_nodes`` (closest nodes kept)."""
    seen = {center: 0}
    order = [center]
    frontier = [center]
    truncated = False
    for depth in range(1, max(hops, 0) + 1):
        nxt: list[str] = []
        for n in frontier:
            ranked = sorted(
                (e for e in edges_of.get(n, []) if edge_passes(e, predicates, date_from, date_to, min_conf)),
                key=lambda e: (-e.weight, -e.confidence, e.subject_id, e.object_id),
            )
            for e in ranked:
                for m in (e.subject_id, e.object_id):
                    if m not in seen:
                        seen[m] = depth
                        nxt.append(m)
        frontier = nxt
        order.extend(nxt)
    reachable = len(order)
    if reachable > max_nodes:
        truncated = True
        order = order[:max_nodes]
    keep = set(order)
    chosen: dict[tuple[str, str, str], Edge] = {}
    for n in order:
        for e in edges_of.get(n, []):
            if e.subject_id in keep and e.object_id in keep and edge_passes(
                e, predicates, date_from, date_to, min_conf
            ):
                chosen[(e.subject_id, e.predicate, e.object_id)] = e
    kept = sorted(chosen.values(), key=lambda e: (-e.weight, -e.confidence, e.subject_id, e.predicate, e.object_id))
    cut = max(0, len(kept) - max_edges)
    kept = sorted(kept[:max_edges], key=lambda e: (e.subject_id, e.predicate, e.object_id))
    return Neighbourhood(center, order, kept, truncated or cut > 0, reachable, cut)


TYPE_COLORS = {
    "company": "#4c78a8",
    "regulator": "#e45756",
    "government": "#f58518",
    "person": "#54a24b",
    "product": "#b279a2",
}
PREDICATE_COLORS = {
    "invests_in": "#2ca02c",
    "acquires": "#d62728",
    "supplies": "#1f77b4",
    "regulates": "#ff7f0e",
    "subsidiary_of": "#7f7f7f",
    "partners_with": "#9467bd",
}


def network_layout(nb: Neighbourhood, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Deterministic positions (spring layout, fixed seed) with the centre in the middle."""
    g = nx.Graph()
    g.add_nodes_from(nb.nodes)
    g.add_edges_from((e.subject_id, e.object_id) for e in nb.edges)
    if len(g) == 1:
        return {nb.center: (0.0, 0.0)}
    pos = nx.spring_layout(g, seed=seed, center=(0, 0), iterations=60 if len(g) < 150 else 30)
    cx, cy = pos[nb.center]
    return {n: (round(float(x - cx), 4), round(float(y - cy), 4)) for n, (x, y) in pos.items()}


def network_frames(
    nb: Neighbourhood, snap: Snapshot, pos: dict[str, tuple[float, float]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Node and edge records for an Altair network chart (edges also carry an arrow point)."""
    nodes = []
    for n in nb.nodes:
        x, y = pos[n]
        ent = snap.by_id.get(n)
        nodes.append(
            {
                "id": n,
                "label": snap.label(n),
                "type": snap.type_of(n),
                "mentions": ent.mentions if ent else 0,
                "x": x,
                "y": y,
                "center": n == nb.center,
            }
        )
    import math

    edges = []
    for i, e in enumerate(nb.edges):
        (x1, y1), (x2, y2) = pos[e.subject_id], pos[e.object_id]
        angle = math.degrees(math.atan2(x2 - x1, y2 - y1))  # vega: 0 = up, clockwise
        base = {
            "edge": i,
            "subject": snap.label(e.subject_id),
            "predicate": e.predicate,
            "object": snap.label(e.object_id),
            "evidence": e.weight,
            "confidence": round(e.confidence, 2),
            "first_seen": e.first_seen or "",
            "last_seen": e.last_seen or "",
            "review": e.review or "",
        }
        edges.append({**base, "x": x1, "y": y1, "order": 0})
        edges.append({**base, "x": x2, "y": y2, "order": 1})
        edges.append(
            {**base, "x": x1 + 0.8 * (x2 - x1), "y": y1 + 0.8 * (y2 - y1), "order": 2, "angle": angle}
        )
    return nodes, edges


def to_dot(nb: Neighbourhood, snap: Snapshot) -> str:
    """Graphviz DOT of a neighbourhood; every label quoted so names show as plain text."""
    lines = [
        "digraph regwatch {",
        '  graph [rankdir=LR, overlap=false, splines=true, fontname="Helvetica"];',
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontcolor=white];',
        '  edge [fontname="Helvetica", fontsize=10];',
    ]
    for n in nb.nodes:
        color = TYPE_COLORS.get(snap.type_of(n), "#4c78a8")
        width = ", penwidth=3, color=black" if n == nb.center else ""
        lines.append(f"  {dot_quote(n)} [label={dot_quote(snap.label(n))}, fillcolor={dot_quote(color)}{width}];")
    for e in nb.edges:
        color = PREDICATE_COLORS.get(e.predicate, "#333333")
        sym = ", dir=none" if SCHEMA.predicates[e.predicate].get("symmetric") else ""
        lines.append(
            f"  {dot_quote(e.subject_id)} -> {dot_quote(e.object_id)} "
            f"[label={dot_quote(predicate_label(e.predicate))}, color={dot_quote(color)}, "
            f"fontcolor={dot_quote(color)}, penwidth={1 + min(e.weight, 5) * 0.5:.1f}{sym}];"
        )
    lines.append("}")
    return "\n".join(lines)


def neighbourhood_graph(nb: Neighbourhood, snap: Snapshot) -> nx.MultiDiGraph:
    """The neighbourhood as a networkx graph with the same attributes as the full export."""
    g = nx.MultiDiGraph()
    for n in nb.nodes:
        ent = snap.by_id.get(n)
        g.add_node(n, label=snap.label(n), type=snap.type_of(n), qid=(ent.qid if ent else None) or "",
                   mentions=ent.mentions if ent else 0)
    for e in nb.edges:
        g.add_edge(e.subject_id, e.object_id, key=e.predicate, predicate=e.predicate, weight=e.weight,
                   confidence=e.confidence, first_seen=e.first_seen or "", last_seen=e.last_seen or "",
                   review=e.review or "")
    return g


def neighbourhood_export(nb: Neighbourhood, snap: Snapshot, fmt: str) -> tuple[str, bytes, str]:
    """(file name, bytes, MIME type) of a neighbourhood in GraphML, GEXF, CSV (zip), JSON or DOT."""
    g = neighbourhood_graph(nb, snap)
    stem = f"regwatch-{nb.center}"
    if fmt == "dot":
        return f"{stem}.dot", to_dot(nb, snap).encode("utf-8"), "text/vnd.graphviz"
    if fmt == "json":
        data = nx.node_link_data(g, edges="edges")
        return f"{stem}.json", json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"), "application/json"
    if fmt == "graphml":
        buf = io.BytesIO()
        nx.write_graphml(g, buf, encoding="utf-8", prettyprint=True, named_key_ids=True)
        return f"{stem}.graphml", buf.getvalue(), "application/graphml+xml"
    if fmt == "gexf":
        for _s, _o, key, data in g.edges(keys=True, data=True):
            data.setdefault("label", key)
        buf = io.BytesIO()
        nx.write_gexf(g, buf, encoding="utf-8", prettyprint=True)
        return f"{stem}.gexf", buf.getvalue(), "application/gexf+xml"
    if fmt == "csv":
        import csv

        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            nodes = io.StringIO()
            w = csv.writer(nodes)
            w.writerow(["id", "label", "type", "qid", "mentions"])
            for n, d in sorted(g.nodes(data=True)):
                w.writerow([n, d["label"], d["type"], d["qid"], d["mentions"]])
            zf.writestr("nodes.csv", nodes.getvalue())
            edges = io.StringIO()
            w = csv.writer(edges)
            w.writerow(["source", "target", "predicate", "weight", "confidence", "first_seen", "last_seen", "review"])
            for s, o, _k, d in sorted(g.edges(keys=True, data=True), key=lambda t: (t[0], t[2], t[1])):
                w.writerow([s, o, d["predicate"], d["weight"], d["confidence"], d["first_seen"], d["last_seen"], d["review"]])
            zf.writestr("edges.csv", edges.getvalue())
        return f"{stem}-csv.zip", buf.getvalue(), "application/zip"
    raise ValueError(f"unknown neighbourhood format {fmt!r}")


NEIGHBOURHOOD_FORMATS = {
    "graphml": "GraphML (Gephi, yEd)",
    "gexf": "GEXF (Gephi)",
    "csv": "nodes.csv + edges.csv (zip)",
    "json": "JSON node-link",
    "dot": "Graphviz DOT",
}


# --- whole-graph exports ---------------------------------------------------------------------

MIME = {
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "trig": "application/trig",
    "nquads": "application/n-quads",
    "jsonld": "application/ld+json",
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "csv": "application/zip",
    "ftm": "application/x-ndjson",
}
SUFFIX = {"ftm": "ftm.jsonl", "csv": "csv.zip"}


def export_bytes(store: Store, fmt: str, as_of: str | None = None) -> tuple[str, bytes, str, int]:
    """Run :func:`kg.export.export` into a temporary place; (file name, bytes, MIME, count)."""
    from kg.export import export

    name = "regwatch" + (f"-{as_of}" if as_of else "") + "." + SUFFIX.get(fmt, fmt)
    with tempfile.TemporaryDirectory(prefix="regwatch-export-") as tmp:
        if fmt == "csv":
            out = Path(tmp) / "csv"
            result = export(store, fmt, out, as_of)
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
                for p in sorted(out.iterdir()):
                    zf.write(p, p.name)
            data = buf.getvalue()
        else:
            out = Path(tmp) / name
            result = export(store, fmt, out, as_of)
            data = out.read_bytes()
    return name, data, MIME.get(fmt, "application/octet-stream"), result.count


# --- evidence highlighting -------------------------------------------------------------------

CUES: dict[str, tuple[str, ...]] = {
    "invests_in": ("invest", "investment", "investing", "invested", "stake", "funding", "funded",
                   "fund", "backed", "backer", "raise", "raised", "round", "equity", "shares", "valuation"),
    "acquires": ("acquire", "acquired", "acquires", "acquisition", "buy", "buys", "bought",
                 "purchase", "purchased", "takeover", "take over", "merger", "hire", "hired", "licence", "license"),
    "supplies": ("supply", "supplies", "supplier", "use", "uses", "using", "chips", "chip", "cloud",
                 "provider", "compute", "sell", "sells", "customer", "run on", "train", "capacity",
                 "contract", "platform", "distribute", "available on", "deal"),
    "regulates": ("investigat", "inquiry", "probe", "review", "fine", "fined", "clear", "cleared",
                  "block", "blocked", "scrutin", "antitrust", "examin", "look into", "order",
                  "6(b)", "merger control", "opened"),
    "subsidiary_of": ("subsidiary", "unit", "division", "owned by", "part of", "arm", "parent"),
    "partners_with": ("partner", "partners", "partnership", "alliance", "collaborat", "agreement",
                      "team up", "teamed up", "joint"),
}

Segment = tuple[str, str | None]  # (text, kind) with kind None, "entity" or "cue"


def _spans(text: str, needles: Iterable[str], whole_words: bool) -> list[tuple[int, int]]:
    out = []
    low = text.casefold()
    for n in sorted({n for n in needles if n and len(n.strip()) > 1}, key=len, reverse=True):
        pat = re.escape(n.casefold())
        if whole_words:
            pat = r"(?<!\w)" + pat + r"(?!\w)"
        else:
            pat = r"(?<!\w)" + pat + r"\w*"
        out.extend((m.start(), m.end()) for m in re.finditer(pat, low))
    return out


def segments(text: str, marks: Sequence[tuple[int, int, str]]) -> list[Segment]:
    """Split ``text`` into plain and marked pieces; overlapping marks: the earlier/longer wins."""
    out: list[Segment] = []
    pos = 0
    for start, end, kind in sorted(marks, key=lambda m: (m[0], -(m[1] - m[0]))):
        start, end = max(start, 0), min(end, len(text))
        if start < pos or start >= end:
            continue
        if start > pos:
            out.append((text[pos:start], None))
        out.append((text[start:end], kind))
        pos = end
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def evidence_segments(sentence: str, names: Iterable[str], predicate: str) -> list[Segment]:
    """The sentence with the two entities' names and the predicate's cue words marked."""
    marks = [(s, e, "entity") for s, e in _spans(sentence, names, True)]
    marks += [(s, e, "cue") for s, e in _spans(sentence, CUES.get(predicate, ()), False)]
    return segments(sentence, marks)


HIGHLIGHT = {"entity": "blue-background", "cue": "orange-background"}


def segments_markdown(segs: Sequence[Segment], kinds: dict[str, str] | None = None) -> str:
    """Markdown of escaped segments; marked ones wrapped in a Streamlit colour directive.

    The directive name comes from our own table, never from the text, so nothing can inject.
    """
    kinds = kinds or HIGHLIGHT
    out = []
    for text, kind in segs:
        if not text.strip():
            out.append(" " if text else "")
            continue
        esc = md_escape(text)
        lead = " " if text[:1].isspace() else ""
        trail = " " if text[-1:].isspace() else ""
        if kind and kind in kinds:
            out.append(f"{lead}:{kinds[kind]}[{esc}]{trail}")
        else:
            out.append(f"{lead}{esc}{trail}")
    return "".join(out)


def names_of(snap: Snapshot, entity_id: str) -> list[str]:
    e = snap.by_id.get(entity_id)
    return [e.label, *e.aliases] if e else [entity_id]


# --- timeline --------------------------------------------------------------------------------


def timeline(rows: Iterable[RelationRow], entity_id: str) -> list[dict[str, Any]]:
    """Evidence per month and predicate for one entity (what the timeline chart draws)."""
    c: Counter[tuple[str, str]] = Counter()
    for r in rows:
        if r.date and entity_id in (r.subject_id, r.object_id):
            c[(r.date[:7] + "-01", r.predicate)] += 1
    return [{"month": m, "predicate": p, "sentences": n} for (m, p), n in sorted(c.items())]


# --- ingest preview --------------------------------------------------------------------------

ENTITY_HIGHLIGHT = {
    "company": "blue-background",
    "regulator": "red-background",
    "government": "orange-background",
    "person": "green-background",
    "product": "violet-background",
}


def mention_segments(text: str, mentions: Iterable[Any], types: dict[str, str]) -> list[Segment]:
    """An article's text with each entity mention marked by its entity type (displaCy-like)."""
    marks = [(m.start, m.end, types.get(m.entity_id, "company")) for m in mentions]
    return segments(text, marks)


def paragraphs_markdown(segs: Sequence[Segment]) -> list[str]:
    """Markdown per paragraph for marked article text (types as colours, all text escaped)."""
    paras: list[list[Segment]] = [[]]
    for text, kind in segs:
        parts = re.split(r"\n\s*\n", text)
        for i, part in enumerate(parts):
            if i:
                paras.append([])
            if part:
                paras[-1].append((part, kind))
    return [segments_markdown(p, ENTITY_HIGHLIGHT) for p in paras if any(t.strip() for t, _ in p)]


def extraction_tables(ex: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(entities, relations) rows of one extraction for the preview tables."""
    labels = {e.id: e.label for e in ex.entities}
    counts = Counter(m.entity_id for m in ex.mentions)
    ents = [
        {"entity": e.label, "id": e.id, "type": e.type, "mentions": counts.get(e.id, 0), "qid": e.qid or ""}
        for e in sorted(ex.entities, key=lambda e: (-counts.get(e.id, 0), e.label))
    ]
    rels = [
        {
            "subject": labels.get(f.subject, f.subject),
            "predicate": f.predicate,
            "object": labels.get(f.object, f.object),
            "confidence": round(f.evidence.confidence, 3),
            "evidence": f.evidence.sentence,
            "extractor": f.evidence.extractor,
        }
        for f in ex.facts
    ]
    return ents, rels


# --- SPARQL results as a table ---------------------------------------------------------------


def result_table(result: Any) -> list[dict[str, str]]:
    """Rows of a SELECT result as plain strings (for st.dataframe, which renders text safely)."""
    out = []
    for row in result:
        out.append({k: "" if v is None else str(v) for k, v in row.items()})
    return out


def is_entity_iri(iri: str) -> bool:
    return iri.startswith(ENTITY_PREFIX)


__all__ = [
    "ENTITIES_GRAPH",
    "MAX_NODES",
    "MAX_UPLOAD_BYTES",
    "Neighbourhood",
    "Overview",
    "Snapshot",
    "build_snapshot",
    "load_snapshot",
    "md_escape",
    "neighbourhood",
    "overview",
    "search_entities",
]
