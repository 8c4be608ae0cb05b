"""Derived, read-only views of the store: tables of entities and relations, and a networkx graph.

Views are rebuilt from the store on demand and never edited; curation judgements are applied
here so every consumer (CLI, app, exports, analysis) sees the same reviewed graph.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx
from rdflib import URIRef

from kg.labels import REFERENCE_VOTES, pick_label
from kg.rdf import ARTICLE_PREFIX, ENTITIES_GRAPH, ENTITY_PREFIX, ONTOLOGY_GRAPH, local_id
from kg.schema import SCHEMA
from kg.store import Store

RW_NS = SCHEMA.namespace


def _s(term: Any) -> str | None:
    return None if term is None else str(term)


def as_of_graphs(store: Store, as_of: str | None) -> list[URIRef] | None:
    """Default graphs for a query restricted to articles published up to ``as_of`` (inclusive)."""
    if not as_of:
        return None
    rows = store.select(
        f'SELECT ?g WHERE {{ GRAPH ?g {{ ?g a rw:Article ; rw:published ?d }} '
        # Compare ISO dates as strings: Virtuoso 7.2 mis-compares xsd:date typed literals.
        f'FILTER(STR(?d) <= "{as_of}") }}'
    )
    return [ENTITIES_GRAPH, ONTOLOGY_GRAPH, *(r["g"] for r in rows)]


@dataclass(frozen=True)
class EntityRow:
    id: str
    label: str
    type: str
    aliases: list[str]
    mentions: int
    qid: str | None = None
    parent: str | None = None
    reference: bool = False  # the gazetteer knows it: its parent (or having none) is reference data

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def entities(store: Store, as_of: str | None = None, curated: bool = True) -> list[EntityRow]:
    """One row per canonical entity with its type, aliases seen and total mentions."""
    graphs = as_of_graphs(store, as_of)
    rows = store.select(
        """
        SELECT ?e ?label ?cls ?n ?g WHERE {
          { GRAPH ?g { ?e a ?cls ; rdfs:label ?label . OPTIONAL { ?e rw:mention_count ?n } } }
          FILTER(STRSTARTS(STR(?e), "%s"))
        }
        """
        % ENTITY_PREFIX,
        default_graphs=graphs,
    )
    # Aliases, QIDs and parents in separate queries: joined into the one above they made
    # the query explode (minutes on 100k relations); here each costs milliseconds.
    extra: dict[str, dict[str, list[Any]]] = {}
    for var, pattern in (
        ("alias", "?e rw:alias ?alias"),
        ("qid", "?e rw:qid ?qid"),
        ("parent", "{ ?e rw:parent ?parent } UNION { ?e rw:maker ?parent }"),
    ):
        for r in store.select(f"SELECT DISTINCT ?e ?{var} WHERE {{ {pattern} }}", default_graphs=graphs):
            extra.setdefault(str(r["e"]), {}).setdefault(var, []).append(r[var])
    allowed = None if graphs is None else {str(g) for g in graphs}
    acc: dict[str, dict[str, Any]] = {}
    for r in rows:
        if allowed is not None and str(r["g"]) not in allowed:
            continue
        cls = str(r["cls"]).removeprefix(RW_NS)
        etype = SCHEMA.type_for_class(cls)
        if etype is None:
            continue
        eid = local_id(r["e"])
        a = acc.setdefault(
            eid,
            {"labels": {}, "types": {}, "aliases": set(), "mentions": {}, "qid": None, "parent": None, "reference": False},
        )
        label = str(r["label"])
        is_ref = r["g"] == ENTITIES_GRAPH
        a["reference"] = a["reference"] or is_ref
        a["labels"][label] = a["labels"].get(label, 0) + (REFERENCE_VOTES if is_ref else 1)
        a["types"][etype] = a["types"].get(etype, 0) + (1000 if is_ref else 1)
        if r["n"] is not None:
            a["mentions"][str(r["g"])] = int(r["n"])
        more = extra.pop(str(r["e"]), {})
        a["aliases"].update(str(v) for v in more.get("alias", ()))
        for v in more.get("qid", ()):
            a["qid"] = str(v)
        for v in more.get("parent", ()):
            a["parent"] = local_id(v)
    out = []
    for eid, a in acc.items():
        mentions = sum(a["mentions"].values())
        if mentions == 0:
            continue  # reference-only entity never seen in an article
        label = pick_label(a["labels"])  # the same rule as the labels graph
        out.append(
            EntityRow(
                id=eid,
                label=label,
                type=max(a["types"], key=lambda k: (a["types"][k], k)),
                aliases=sorted(a["aliases"] - {label}),
                mentions=mentions,
                qid=a["qid"],
                parent=a["parent"],
                reference=a["reference"],
            )
        )
    out = sorted(out, key=lambda e: (-e.mentions, e.label.lower()))
    if curated:  # merges fold duplicates into their canonical entity (kg.curation)
        from kg.curation import apply_entities, load_curation

        out = apply_entities(out, load_curation(store))
    return out


@dataclass(frozen=True)
class RelationRow:
    """One evidence item: an extracted relation as stated by one sentence of one article."""

    assertion: str
    subject: str
    subject_id: str
    predicate: str
    object: str
    object_id: str
    article: str
    title: str
    date: str | None
    evidence: str
    start: int
    end: int
    confidence: float
    extractor: str
    attributes: dict[str, Any]
    source: str | None = None
    url: str | None = None
    review: str | None = None  # "accepted" or "corrected" by a reviewer (kg.curation)

    def as_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "subject_id": self.subject_id,
            "predicate": self.predicate,
            "object": self.object,
            "object_id": self.object_id,
            "article": self.article,
            "date": self.date,
            "evidence": self.evidence,
            "confidence": self.confidence,
            "start": self.start,
            "end": self.end,
            "extractor": self.extractor,
            "attributes": self.attributes,
            "review": self.review,
        }


def relations(
    store: Store,
    as_of: str | None = None,
    curated: bool = True,
    entity_rows: list[EntityRow] | None = None,
) -> list[RelationRow]:
    """Every assertion with its evidence, labels resolved; sorted by date then subject.

    Pass ``entity_rows`` (from :func:`entities` with the same ``as_of`` and ``curated``) when
    the caller has them already: computing them is a large part of the cost on big stores.
    """
    graphs = as_of_graphs(store, as_of)
    if entity_rows is None:
        entity_rows = entities(store, as_of, curated)
    labels = {e.id: e.label for e in entity_rows}
    attr_names = list(SCHEMA.attributes)
    rows = store.select(
        """
        SELECT ?a ?s ?p ?o ?art ?ev ?start ?end ?conf ?extr WHERE {
          ?a a rw:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
             prov:wasDerivedFrom ?art ; rw:evidence ?ev ; rw:char_start ?start ;
             rw:char_end ?end ; rw:confidence ?conf ; rw:extractor ?extr .
        }
        """,
        default_graphs=graphs,
    )
    # Article fields and relation attributes come in two more queries: as OPTIONALs of the
    # query above they made it about four times slower on large stores.
    arts = {
        str(r["art"]): r
        for r in store.select(
            """SELECT ?art ?title ?date ?source ?url WHERE { ?art a rw:Article
                 OPTIONAL { ?art rw:title ?title } OPTIONAL { ?art rw:published ?date }
                 OPTIONAL { ?art rw:source ?source } OPTIONAL { ?art rw:url ?url } }""",
            default_graphs=graphs,
        )
    }
    stated: dict[str, dict[str, Any]] = {}
    keys = " ".join(f"rw:{a}" for a in attr_names)
    for r in store.select(
        f"SELECT ?a ?k ?v WHERE {{ VALUES ?k {{ {keys} }} ?a ?k ?v . ?a a rw:Assertion }}",
        default_graphs=graphs,
    ):
        stated.setdefault(str(r["a"]), {})[str(r["k"]).removeprefix(RW_NS)] = r["v"]
    no_art: dict[str, Any] = {}
    out = []
    for r in rows:
        sid, oid = local_id(r["s"]), local_id(r["o"])
        art = arts.get(str(r["art"]), no_art)
        given = stated.get(str(r["a"]), no_art)
        attrs = {}
        for a in attr_names:
            v = given.get(a)
            if v is not None:
                attrs[a] = v.toPython() if hasattr(v, "toPython") else str(v)
                if hasattr(attrs[a], "is_finite"):  # Decimal -> float for JSON
                    attrs[a] = float(attrs[a])
        out.append(
            RelationRow(
                assertion=str(r["a"]),
                subject=labels.get(sid, sid),
                subject_id=sid,
                predicate=str(r["p"]).removeprefix(RW_NS),
                object=labels.get(oid, oid),
                object_id=oid,
                article=local_id(r["art"], ARTICLE_PREFIX),
                title=_s(art.get("title")) or "",
                date=_s(art.get("date")),
                evidence=str(r["ev"]),
                start=int(r["start"]),
                end=int(r["end"]),
                confidence=float(r["conf"]),
                extractor=str(r["extr"]),
                attributes=attrs,
                source=_s(art.get("source")),
                url=_s(art.get("url")),
            )
        )
    if curated:  # reviews: rejected rows dropped, corrected rewritten, merged ids mapped
        from kg.curation import apply_relations, load_curation

        out = apply_relations(out, load_curation(store), labels)
    return sorted(out, key=lambda x: (x.date or "", x.subject, x.predicate, x.object, x.start))


@dataclass(frozen=True)
class Edge:
    """An edge (subject, predicate, object) aggregated over all its evidence."""

    subject_id: str
    predicate: str
    object_id: str
    evidence: tuple[RelationRow, ...]

    @property
    def weight(self) -> int:
        return len(self.evidence)

    @property
    def confidence(self) -> float:
        return max(e.confidence for e in self.evidence)

    @property
    def first_seen(self) -> str | None:
        dates = [e.date for e in self.evidence if e.date]
        return min(dates) if dates else None

    @property
    def last_seen(self) -> str | None:
        dates = [e.date for e in self.evidence if e.date]
        return max(dates) if dates else None

    @property
    def review(self) -> str | None:
        """The review status ("accepted" or "corrected") when a reviewer judged this edge."""
        return next((e.review for e in self.evidence if e.review), None)

    def attribute(self, name: str) -> Any:
        """The first stated value of a relation attribute across the evidence (None if never)."""
        for e in self.evidence:
            if name in e.attributes:
                return e.attributes[name]
        return None


def edges(rels: list[RelationRow]) -> list[Edge]:
    grouped: dict[tuple[str, str, str], list[RelationRow]] = {}
    for r in rels:
        grouped.setdefault((r.subject_id, r.predicate, r.object_id), []).append(r)
    return [Edge(s, p, o, tuple(v)) for (s, p, o), v in sorted(grouped.items())]


def to_networkx(store: Store, as_of: str | None = None) -> nx.MultiDiGraph:
    """A MultiDiGraph: nodes are entities (label, type, qid), one edge per (s, p, o) with evidence."""
    g = nx.MultiDiGraph()
    ents = entities(store, as_of)
    for e in ents:
        g.add_node(e.id, label=e.label, type=e.type, qid=e.qid or "", mentions=e.mentions)
    for edge in edges(relations(store, as_of, entity_rows=ents)):
        for node in (edge.subject_id, edge.object_id):
            if node not in g:
                g.add_node(node, label=node, type="company", qid="", mentions=0)
        g.add_edge(
            edge.subject_id,
            edge.object_id,
            key=edge.predicate,
            predicate=edge.predicate,
            weight=edge.weight,
            confidence=edge.confidence,
            first_seen=edge.first_seen or "",
            last_seen=edge.last_seen or "",
            review=edge.review or "",
        )
    return g
