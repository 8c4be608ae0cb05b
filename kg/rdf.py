"""Turn extractions into RDF and generate the ontology, both from the schema."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any
from urllib.parse import quote, unquote

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD, Namespace

from kg.model import Article, Entity, Evidence, Extraction, Fact, MarketShare
from kg.schema import RW, SCHEMA

BASE = SCHEMA.base
SDO = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
ORG = Namespace("http://www.w3.org/ns/org#")
ENTITIES_GRAPH = URIRef(BASE + "graph/entities")
CURATION_GRAPH = URIRef(BASE + "graph/curation")
ONTOLOGY_GRAPH = URIRef(BASE + "graph/ontology")
ALERTS_GRAPH = URIRef(BASE + "graph/alerts-state")
# One canonical rdfs:label per entity, derived from the article and reference graphs (kg.labels).
LABELS_GRAPH = URIRef(BASE + "graph/labels")
# Bookkeeping graphs: kept in the store, never part of an export.
INTERNAL_GRAPHS = frozenset({ALERTS_GRAPH})
ENTITY_PREFIX = BASE + "id/"
ARTICLE_PREFIX = BASE + "article/"
ASSERTION_PREFIX = BASE + "assertion/"
SHARE_PREFIX = BASE + "share/"

PREFIXES: dict[str, str] = {
    "rw": SCHEMA.namespace,
    "rwid": ENTITY_PREFIX,
    "rwa": ARTICLE_PREFIX,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "prov": str(PROV),
    "skos": str(SKOS),
    "schema": str(SDO),
    "wd": str(WD),
    "org": str(ORG),
}
SPARQL_PREFIXES = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())

Triple = tuple[Any, Any, Any]
Quad = tuple[Any, Any, Any, Any]

_XSD = {
    "decimal": XSD.decimal,
    "integer": XSD.integer,
    "boolean": XSD.boolean,
    "string": XSD.string,
    "date": XSD.date,
}


def entity_iri(entity_id: str) -> URIRef:
    return URIRef(ENTITY_PREFIX + quote(entity_id, safe=""))


def article_iri(article_id: str) -> URIRef:
    """An article's IRI; it also names the graph holding what was extracted from it."""
    return URIRef(ARTICLE_PREFIX + quote(article_id, safe=""))


def local_id(iri: str, prefix: str = ENTITY_PREFIX) -> str:
    """Inverse of :func:`entity_iri` / :func:`article_iri`."""
    return unquote(str(iri)[len(prefix):]) if str(iri).startswith(prefix) else str(iri)


def typed_literal(name: str, value: Any) -> Literal:
    """A literal typed as the schema says for attribute or property ``name``."""
    spec = SCHEMA.attributes.get(name) or SCHEMA.provenance.get(name) or SCHEMA.properties[name]
    dtype = spec["datatype"]
    if dtype == "decimal":
        # Canonical lexical form ("4000000000", "0.9") so stores and rdflib agree exactly.
        return Literal(format(Decimal(str(value)).normalize(), "f"), datatype=XSD.decimal)
    if dtype == "boolean":
        return Literal(bool(value), datatype=XSD.boolean)
    if dtype == "integer":
        return Literal(int(value), datatype=XSD.integer)
    if dtype == "string":
        return Literal(str(value))
    return Literal(str(value), datatype=_XSD[dtype])


def entity_triples(entity: Entity) -> Iterator[Triple]:
    """Reference-level description of an entity (type, label, QID, parent)."""
    node = entity_iri(entity.id)
    yield node, RDF.type, RW[SCHEMA.class_for_type(entity.type)]
    yield node, RDFS.label, Literal(entity.label)
    if entity.qid:
        yield node, RW.qid, Literal(entity.qid)
        yield node, OWL.sameAs, WD[entity.qid]
    if entity.parent:
        prop = RW.maker if entity.type == "product" else RW.parent
        yield node, prop, entity_iri(entity.parent)


def article_triples(article: Article) -> Iterator[Triple]:
    node = article_iri(article.id)
    yield node, RDF.type, RW.Article
    yield node, RW.title, Literal(article.title)
    yield node, RW.content_hash, Literal(article.content_hash)
    if article.date:
        yield node, RW.published, Literal(article.date, datatype=XSD.date)
    if article.source:
        yield node, RW.source, Literal(article.source)
    if article.url:
        yield node, RW.url, Literal(article.url)


def evidence_triples(node: URIRef, ev: Evidence) -> Iterator[Triple]:
    yield node, PROV.wasDerivedFrom, article_iri(ev.article_id)
    yield node, RW.evidence, Literal(ev.sentence)
    yield node, RW.char_start, typed_literal("char_start", ev.start)
    yield node, RW.char_end, typed_literal("char_end", ev.end)
    yield node, RW.confidence, typed_literal("confidence", round(ev.confidence, 4))
    yield node, RW.extractor, Literal(ev.extractor)
    if ev.date:
        yield node, RW.date, Literal(ev.date, datatype=XSD.date)


def fact_triples(fact: Fact) -> Iterator[Triple]:
    """The plain triple plus an rdf:Statement node carrying provenance and attributes."""
    s, p, o = fact.key
    subj, pred, obj = entity_iri(s), RW[p], entity_iri(o)
    yield subj, pred, obj
    node = URIRef(ASSERTION_PREFIX + fact.id)
    yield node, RDF.type, RW.Assertion
    yield node, RDF.subject, subj
    yield node, RDF.predicate, pred
    yield node, RDF.object, obj
    yield from evidence_triples(node, fact.evidence)
    for name, value in sorted(fact.attributes.items()):
        if value is not None and value is not False:
            yield node, RW[name], typed_literal(name, value)


def share_triples(share: MarketShare) -> Iterator[Triple]:
    node = URIRef(SHARE_PREFIX + share.id)
    yield node, RDF.type, RW.MarketShare
    yield node, RW.holder, entity_iri(share.entity)
    yield node, RW.market, Literal(share.market)
    yield node, RW.share_percent, typed_literal("share_percent", share.share)
    yield from evidence_triples(node, share.evidence)


def extraction_triples(ex: Extraction) -> Iterator[Triple]:
    """All triples of one article's named graph."""
    art = article_iri(ex.article.id)
    yield from article_triples(ex.article)
    counts = Counter(m.entity_id for m in ex.mentions)
    aliases: dict[str, set[str]] = {}
    for m in ex.mentions:
        aliases.setdefault(m.entity_id, set()).add(m.text)
    for entity in ex.entities:
        node = entity_iri(entity.id)
        yield from entity_triples(entity)
        yield art, SDO.mentions, node
        yield node, RW.mention_count, typed_literal("mention_count", counts.get(entity.id, 0))
        for alias in sorted(aliases.get(entity.id, set()) | set(entity.aliases)):
            yield node, RW.alias, Literal(alias)
    for fact in ex.facts:
        yield from fact_triples(fact)
    for share in ex.shares:
        yield from share_triples(share)


def ontology_graph() -> Graph:
    """The OWL/RDFS ontology generated from schema.yaml (written to data/ontology.ttl)."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    onto = URIRef(SCHEMA.namespace.rstrip("#"))
    g.add((onto, RDF.type, OWL.Ontology))
    g.add((onto, RDFS.label, Literal("regwatch vocabulary", lang="en")))
    g.add((onto, RDFS.comment, Literal("Generated from data/schema.yaml; do not edit by hand.", lang="en")))

    def describe(node: URIRef, spec: dict[str, Any], kind: URIRef) -> None:
        g.add((node, RDF.type, kind))
        g.add((node, RDFS.isDefinedBy, onto))
        g.add((node, RDFS.label, Literal(spec["label"], lang="en")))
        g.add((node, RDFS.comment, Literal(spec["comment"], lang="en")))
        for relation, targets in (spec.get("mappings") or {}).items():
            prop = {
                "subClassOf": RDFS.subClassOf,
                "subPropertyOf": RDFS.subPropertyOf,
                "equivalentProperty": OWL.equivalentProperty,
                "closeMatch": SKOS.closeMatch,
            }[relation]
            for target in targets:
                g.add((node, prop, URIRef(target)))

    for name, spec in SCHEMA.classes.items():
        describe(RW[name], spec, OWL.Class)
    for name, spec in SCHEMA.predicates.items():
        node = RW[name]
        describe(node, spec, OWL.ObjectProperty)
        if spec.get("symmetric"):
            g.add((node, RDF.type, OWL.SymmetricProperty))
        for etype, rel in (("domain", RDFS.domain), ("range", RDFS.range)):
            classes = [RW[SCHEMA.class_for_type(t)] for t in spec[etype]]
            if len(classes) == 1:
                g.add((node, rel, classes[0]))
            else:
                union = BNode(f"{name}_{etype}")
                g.add((node, rel, union))
                g.add((union, RDF.type, OWL.Class))
                lst = BNode(f"{name}_{etype}_list")
                Collection(g, lst, classes)
                g.add((union, OWL.unionOf, lst))
        if spec.get("inverse_note"):
            g.add((node, SKOS.note, Literal(spec["inverse_note"], lang="en")))
    for group, domain in (
        (SCHEMA.attributes, RW.Assertion),
        (SCHEMA.provenance, RW.Assertion),
        (SCHEMA.properties, None),
    ):
        for name, spec in group.items():
            node = RW[name]
            is_iri = spec["datatype"] == "iri"
            describe(node, spec, OWL.ObjectProperty if is_iri else OWL.DatatypeProperty)
            if not is_iri:
                g.add((node, RDFS.range, _XSD[spec["datatype"]]))
            if domain is not None:
                g.add((node, RDFS.domain, domain))
    return g


def quads(triples: Iterable[Triple], graph: URIRef) -> Iterator[Quad]:
    for s, p, o in triples:
        yield s, p, o, graph
