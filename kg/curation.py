"""Reviewer judgements: accept, reject or correct extracted relations; merge or split entities.

Judgements live apart from extracted facts, in the curation graph (``kg.rdf.CURATION_GRAPH``),
so re-ingesting an article never loses them. They are applied in the views (every consumer sees
the reviewed graph) and to the plain ``<s> rw:p <o>`` triples of article graphs (so SPARQL over
the default graph agrees); the extracted Assertion nodes are never touched.

RDF shape of one judgement (all in the curation graph)::

    <judgement/ID> a rw:Judgement ; rw:decision "reject" ; rw:about <edge/EID> ;
        prov:generatedAtTime "..."^^xsd:dateTime ; rdfs:comment "note" .
    <edge/EID> a rdf:Statement ; rdf:subject <id/s> ; rdf:predicate rw:p ; rdf:object <id/o> .

A correction also carries the corrected triple as ``rdf:subject/predicate/object`` of the
judgement node; a merge is about the duplicate entity and points ``owl:sameAs`` the canonical
one; a split is about the duplicate again and ``prov:wasRevisionOf`` the merge it undoes. For any
one ``about`` the latest judgement wins, so every decision can be revised by a newer one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, XSD

from kg.errors import RegwatchError
from kg.model import content_hash, edge_id
from kg.rdf import BASE, CURATION_GRAPH, ENTITY_PREFIX, entity_iri, local_id
from kg.schema import PREDICATES, RW, SCHEMA
from kg.store import Store

EDGE_PREFIX = BASE + "edge/"
JUDGEMENT_PREFIX = BASE + "judgement/"
EDGE_DECISIONS = ("accept", "reject", "correct")
ENTITY_DECISIONS = ("merge", "split")
DECISIONS = EDGE_DECISIONS + ENTITY_DECISIONS
RW_NS = SCHEMA.namespace

Key = tuple[str, str, str]


class CurationError(RegwatchError):
    """A judgement that cannot be recorded (unknown predicate, merge cycle, nothing to split)."""


def _symmetric(predicate: str) -> bool:
    return bool(SCHEMA.predicates[predicate].get("symmetric"))


def norm_key(subject: str, predicate: str, obj: str) -> Key:
    """An edge key in stored order (symmetric predicates sorted), as :attr:`Fact.key` does."""
    if _symmetric(predicate) and obj < subject:
        subject, obj = obj, subject
    return (subject, predicate, obj)


def edge_iri(subject: str, predicate: str, obj: str) -> URIRef:
    """The IRI naming an edge; the same id as :func:`kg.model.edge_id`."""
    return URIRef(EDGE_PREFIX + edge_id(subject, predicate, obj))


@dataclass(frozen=True)
class Judgement:
    """One reviewer decision. ``edge`` is the judged edge; ``target`` the corrected one."""

    decision: str
    about: str
    at: str
    edge: Key | None = None
    target: Key | None = None
    into: str | None = None
    revises: str | None = None
    note: str = ""

    @property
    def id(self) -> str:
        """Content hash without the time: repeating a decision refreshes it instead of piling up."""
        return content_hash(
            self.decision,
            self.about,
            "|".join(self.target or ()),
            self.into,
            self.revises,
        )[:24]

    @property
    def iri(self) -> URIRef:
        return URIRef(JUDGEMENT_PREFIX + self.id)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "decision": self.decision,
            "about": self.about,
            "at": self.at,
            "edge": list(self.edge) if self.edge else None,
            "target": list(self.target) if self.target else None,
            "into": self.into,
            "note": self.note,
        }


def now_iso() -> str:
    return stamp(None)


def stamp(at: str | None) -> str:
    """A UTC xsd:dateTime in the form rdflib reads back, so stored times compare as written."""
    when = datetime.now(UTC) if at is None else datetime.fromisoformat(at)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat()


# --- RDF -------------------------------------------------------------------------------------


def _statement(node: URIRef, key: Key) -> Iterator[tuple[Any, Any, Any]]:
    s, p, o = key
    yield node, RDF.subject, entity_iri(s)
    yield node, RDF.predicate, RW[p]
    yield node, RDF.object, entity_iri(o)


def judgement_triples(j: Judgement) -> Iterator[tuple[Any, Any, Any]]:
    """The triples recording ``j`` in the curation graph."""
    node = j.iri
    yield node, RDF.type, RW.Judgement
    yield node, RW.decision, Literal(j.decision)
    yield node, RW.about, URIRef(j.about)
    yield node, PROV.generatedAtTime, Literal(j.at, datatype=XSD.dateTime)
    if j.note:
        yield node, RDFS.comment, Literal(j.note)
    if j.edge is not None:
        about = URIRef(j.about)
        yield about, RDF.type, RDF.Statement
        yield from _statement(about, j.edge)
    if j.target is not None:
        yield from _statement(node, j.target)
    if j.into is not None:
        yield node, OWL.sameAs, entity_iri(j.into)
    if j.revises is not None:
        yield node, PROV.wasRevisionOf, URIRef(JUDGEMENT_PREFIX + j.revises)


_LOAD = """
SELECT ?j ?decision ?about ?at ?note ?es ?ep ?eo ?ts ?tp ?to ?into ?rev WHERE {
  GRAPH <%s> {
    ?j a rw:Judgement ; rw:decision ?decision ; rw:about ?about ; prov:generatedAtTime ?at .
    OPTIONAL { ?j rdfs:comment ?note }
    OPTIONAL { ?about rdf:subject ?es ; rdf:predicate ?ep ; rdf:object ?eo }
    OPTIONAL { ?j rdf:subject ?ts ; rdf:predicate ?tp ; rdf:object ?to }
    OPTIONAL { ?j owl:sameAs ?into }
    OPTIONAL { ?j prov:wasRevisionOf ?rev }
  }
}
""" % CURATION_GRAPH


def _key(s: Any, p: Any, o: Any) -> Key | None:
    if s is None or p is None or o is None:
        return None
    return (local_id(s), str(p).removeprefix(RW_NS), local_id(o))


def load_judgements(store: Store) -> list[Judgement]:
    """Every judgement in the curation graph, oldest first."""
    out = []
    for r in store.select(_LOAD):
        rev = r.get("rev")
        out.append(
            Judgement(
                decision=str(r["decision"]),
                about=str(r["about"]),
                at=str(r["at"]),
                edge=_key(r["es"], r["ep"], r["eo"]),
                target=_key(r["ts"], r["tp"], r["to"]),
                into=local_id(r["into"]) if r.get("into") is not None else None,
                revises=str(rev).removeprefix(JUDGEMENT_PREFIX) if rev is not None else None,
                note=str(r["note"]) if r.get("note") is not None else "",
            )
        )
    return sorted(out, key=lambda j: (j.at, j.id))


# --- the compiled state ----------------------------------------------------------------------


@dataclass
class Curation:
    """The effect of all judgements: latest decision per edge/assertion and the merge map."""

    judgements: list[Judgement] = field(default_factory=list)
    latest: dict[str, Judgement] = field(default_factory=dict)  # about IRI -> newest judgement
    merged: dict[str, str] = field(default_factory=dict)  # duplicate id -> canonical id

    def __bool__(self) -> bool:
        return bool(self.judgements)

    def canonical(self, entity_id: str) -> str:
        """Follow merges to the entity that stands for ``entity_id`` (cycle-safe)."""
        seen = {entity_id}
        while entity_id in self.merged:
            entity_id = self.merged[entity_id]
            if entity_id in seen:
                break
            seen.add(entity_id)
        return entity_id

    def members(self, canonical_id: str) -> set[str]:
        """Every id that maps to ``canonical_id`` (itself included)."""
        return {canonical_id} | {d for d in self.merged if self.canonical(d) == canonical_id}

    def decision_for(self, key: Key, assertion: str | None = None) -> Judgement | None:
        """The newest judgement that applies to one assertion of edge ``key`` (original ids).

        Judgements made on the merged view (canonical ids) and on the raw edge both count.
        """
        s, p, o = key
        candidates = [str(edge_iri(s, p, o))]
        cs, co = self.canonical(s), self.canonical(o)
        if (cs, co) != (s, o):
            candidates.append(str(edge_iri(cs, p, co)))
        if assertion:
            candidates.append(assertion)
        found = [self.latest[c] for c in candidates if c in self.latest]
        return max(found, key=lambda j: (j.at, j.id)) if found else None

    def effective(self, key: Key, assertion: str | None = None) -> tuple[Key | None, str | None]:
        """(edge after review or None if rejected, review status) for one assertion."""
        j = self.decision_for(key, assertion)
        if j is None:
            return key, None
        if j.decision == "reject":
            return None, "rejected"
        if j.decision == "correct" and j.target is not None:
            return norm_key(*j.target), "corrected"
        if j.decision == "accept":
            return key, "accepted"
        return key, None


def compile_judgements(judgements: Iterable[Judgement]) -> Curation:
    """Fold judgements (any order) into a :class:`Curation`: newest per ``about`` wins."""
    js = sorted(judgements, key=lambda j: (j.at, j.id))
    cur = Curation(judgements=js)
    for j in js:
        cur.latest[j.about] = j
    for about, j in cur.latest.items():
        if j.decision == "merge" and j.into:
            cur.merged[local_id(about)] = j.into
    return cur


def load_curation(store: Store) -> Curation:
    return compile_judgements(load_judgements(store))


# --- applying judgements to view rows --------------------------------------------------------


class _EntityLike(Protocol):
    id: str
    label: str
    aliases: list[str]
    mentions: int


class _RelationLike(Protocol):
    assertion: str
    subject: str
    subject_id: str
    predicate: str
    object: str
    object_id: str


E = TypeVar("E", bound=_EntityLike)
R = TypeVar("R", bound=_RelationLike)


def apply_entities(rows: list[E], cur: Curation) -> list[E]:
    """Fold merged entities into their canonical row: aliases unioned, mentions summed."""
    if not cur.merged:
        return rows
    by_id = {r.id: r for r in rows}
    groups: dict[str, list[E]] = {}
    for r in rows:
        groups.setdefault(cur.canonical(r.id), []).append(r)
    out: list[E] = []
    for cid, members in groups.items():
        head = by_id.get(cid) or members[0]
        if len(members) == 1 and head.id == cid:
            out.append(head)
            continue
        names = {a for m in members for a in (m.label, *m.aliases)}
        out.append(
            dataclasses.replace(
                head,
                id=cid,
                aliases=sorted(names - {head.label}),
                mentions=sum(m.mentions for m in members),
            )
        )
    return sorted(out, key=lambda e: (-e.mentions, e.label.lower()))


def apply_relations(rows: list[R], cur: Curation, labels: dict[str, str]) -> list[R]:
    """Map merged ids, drop rejected relations and self-loops, rewrite corrected ones, mark status."""
    if not cur:
        return rows
    out: list[R] = []
    for r in rows:
        key = (r.subject_id, r.predicate, r.object_id)
        new, status = cur.effective(key, r.assertion)
        if new is None:
            continue
        s, p, o = new
        s, o = cur.canonical(s), cur.canonical(o)
        if s == o:
            continue  # a merge turned this edge into a loop: it carries no information
        s, p, o = norm_key(s, p, o)
        if (s, p, o, status) == (r.subject_id, r.predicate, r.object_id, None):
            out.append(r)
            continue
        out.append(
            dataclasses.replace(
                r,
                subject_id=s,
                subject=labels.get(s, s),
                predicate=p,
                object_id=o,
                object=labels.get(o, o),
                **({"review": status} if status else {}),
            )
        )
    return out


# --- plain triples of article graphs ---------------------------------------------------------


def effective_plain_keys(assertions: Iterable[tuple[str, Key]], cur: Curation) -> set[Key]:
    """The plain edges an article graph should hold given its assertions (iri, key) and reviews."""
    out = set()
    for a, key in assertions:
        new, _ = cur.effective(key, a)
        if new is not None:
            out.add(new)
    return out


def plain_triple(key: Key) -> tuple[URIRef, URIRef, URIRef]:
    s, p, o = key
    return entity_iri(s), RW[p], entity_iri(o)


def curate_extraction_triples(
    triples: Iterable[tuple[Any, Any, Any]],
    facts: Iterable[Any],
    cur: Curation,
) -> list[tuple[Any, Any, Any]]:
    """Rewrite the plain triples of a freshly extracted article so stored reviews still hold."""
    facts = list(facts)
    triples = list(triples)
    if not cur or not facts:
        return triples
    from kg.rdf import ASSERTION_PREFIX

    raw = {f.key for f in facts}
    keep = effective_plain_keys(((ASSERTION_PREFIX + f.id, f.key) for f in facts), cur)
    drop = {plain_triple(k) for k in raw - keep}
    out = [t for t in triples if t not in drop]
    present = set(out)
    out.extend(t for t in (plain_triple(k) for k in sorted(keep)) if t not in present)
    return out


def _values(ids: Iterable[str]) -> str:
    return " ".join(f"<{entity_iri(i)}>" for i in sorted(ids))


def resync_plain_triples(store: Store, entity_ids: Iterable[str], cur: Curation) -> int:
    """Make plain triples touching ``entity_ids`` agree with the reviews; returns triples changed."""
    ids = set(entity_ids)
    if not ids:
        return 0
    values = _values(ids)
    rows = store.select(
        f"""
        SELECT ?g ?a ?s ?p ?o WHERE {{
          GRAPH ?g {{ ?a a rw:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }}
          {{ VALUES ?s {{ {values} }} }} UNION {{ VALUES ?o {{ {values} }} }}
        }}
        """
    )
    wanted: dict[str, set[Key]] = {}
    per_graph: dict[str, list[tuple[str, Key]]] = {}
    for r in rows:
        key = _key(r["s"], r["p"], r["o"])
        assert key is not None
        per_graph.setdefault(str(r["g"]), []).append((str(r["a"]), key))
    for g, items in per_graph.items():
        wanted[g] = effective_plain_keys(items, cur)
    preds = " ".join(f"rw:{p}" for p in PREDICATES)
    rows = store.select(
        f"""
        SELECT ?g ?s ?p ?o WHERE {{
          VALUES ?p {{ {preds} }}
          GRAPH ?g {{ ?s ?p ?o }}
          {{ VALUES ?s {{ {values} }} }} UNION {{ VALUES ?o {{ {values} }} }}
          FILTER(?g != <{CURATION_GRAPH}>)
        }}
        """
    )
    present: dict[str, set[Key]] = {}
    for r in rows:
        if not str(r["s"]).startswith(ENTITY_PREFIX) or not str(r["o"]).startswith(ENTITY_PREFIX):
            continue
        key = _key(r["s"], r["p"], r["o"])
        assert key is not None
        present.setdefault(str(r["g"]), set()).add(key)
    changed = 0
    for g in set(wanted) | set(present):
        want, have = wanted.get(g, set()), present.get(g, set())
        # Only touch edges between the affected entities' assertions in this graph.
        remove = {k for k in have - want if g in per_graph}
        add = want - have
        if remove:
            store.remove_triples(URIRef(g), [plain_triple(k) for k in sorted(remove)])
        if add:
            store.add_triples(URIRef(g), [plain_triple(k) for k in sorted(add)])
        changed += len(remove) + len(add)
    return changed


# --- recording judgements --------------------------------------------------------------------


def record(store: Store, j: Judgement, affected: Iterable[str] = ()) -> Judgement:
    """Store ``j`` (replacing an identical earlier decision) and resync the plain triples."""
    old = list(store.quads(CURATION_GRAPH))
    stale = [(s, p, o) for s, p, o, _ in old if s == j.iri]
    if stale:
        store.remove_triples(CURATION_GRAPH, stale)
    store.add_triples(CURATION_GRAPH, judgement_triples(j))
    cur = load_curation(store)
    ids = set(affected)
    for i in list(ids):
        ids |= cur.members(cur.canonical(i))
    resync_plain_triples(store, ids, cur)
    return j


def _check_predicate(predicate: str) -> None:
    if predicate not in PREDICATES:
        raise CurationError(f"unknown predicate {predicate!r}; expected one of {', '.join(PREDICATES)}")


def judge_edge(
    store: Store,
    subject: str,
    predicate: str,
    obj: str,
    decision: str,
    *,
    new_predicate: str | None = None,
    reverse: bool = False,
    note: str = "",
    at: str | None = None,
) -> Judgement:
    """Accept, reject or correct the edge (subject, predicate, obj) as shown in the views."""
    _check_predicate(predicate)
    if decision not in EDGE_DECISIONS:
        raise CurationError(f"unknown decision {decision!r} for a relation; expected accept, reject or correct")
    key = norm_key(subject, predicate, obj)
    target = None
    if decision == "correct":
        p = new_predicate or predicate
        _check_predicate(p)
        s, o = (obj, subject) if reverse else (subject, obj)
        target = norm_key(s, p, o)
        if target == key:
            raise CurationError("the correction changes nothing: pick another predicate or reverse it")
    j = Judgement(
        decision=decision,
        about=str(edge_iri(*key)),
        at=stamp(at),
        edge=key,
        target=target,
        note=note,
    )
    return record(store, j, affected=(subject, obj))


def judge_assertion(
    store: Store, assertion: str, decision: str, *, note: str = "", at: str | None = None
) -> Judgement:
    """Accept or reject one evidence sentence (an Assertion IRI) without judging the whole edge."""
    if decision not in ("accept", "reject"):
        raise CurationError("one evidence sentence can only be accepted or rejected")
    rows = store.select(
        f"SELECT ?s ?o WHERE {{ <{assertion}> a rw:Assertion ; rdf:subject ?s ; rdf:object ?o }}"
    )
    if not rows:
        raise CurationError(f"no such assertion: {assertion}")
    j = Judgement(decision=decision, about=assertion, at=stamp(at), note=note)
    return record(store, j, affected=(local_id(rows[0]["s"]), local_id(rows[0]["o"])))


def merge_entities(
    store: Store, duplicate: str, canonical: str, *, note: str = "", at: str | None = None
) -> Judgement:
    """Record that ``duplicate`` is the same entity as ``canonical`` (which keeps its id)."""
    cur = load_curation(store)
    target = cur.canonical(canonical)
    if duplicate == canonical or target == duplicate or cur.canonical(duplicate) == target:
        raise CurationError(f"{duplicate!r} and {canonical!r} are already the same entity")
    j = Judgement(
        decision="merge", about=str(entity_iri(duplicate)), at=stamp(at), into=target, note=note
    )
    return record(store, j, affected=(duplicate, target))


def split_entity(store: Store, duplicate: str, *, note: str = "", at: str | None = None) -> Judgement:
    """Undo the merge of ``duplicate``: it becomes its own entity again."""
    cur = load_curation(store)
    merge = cur.latest.get(str(entity_iri(duplicate)))
    if merge is None or merge.decision != "merge":
        raise CurationError(f"{duplicate!r} is not merged into another entity")
    j = Judgement(
        decision="split",
        about=merge.about,
        at=stamp(at),
        revises=merge.id,
        note=note,
    )
    return record(store, j, affected=(duplicate, merge.into or duplicate))


def edge_exists(store: Store, subject: str, predicate: str, obj: str) -> bool:
    """Was (subject, predicate, obj) extracted, directly or through merged entities?"""
    cur = load_curation(store)
    subs = _values(cur.members(cur.canonical(subject)) | {subject})
    objs = _values(cur.members(cur.canonical(obj)) | {obj})
    both = "" if not _symmetric(predicate) else (
        f"UNION {{ VALUES ?s {{ {objs} }} VALUES ?o {{ {subs} }} ?a rdf:subject ?s ; rdf:object ?o }}"
    )
    q = (
        f"ASK {{ ?a a rw:Assertion ; rdf:predicate rw:{predicate} . "
        f"{{ VALUES ?s {{ {subs} }} VALUES ?o {{ {objs} }} ?a rdf:subject ?s ; rdf:object ?o }} {both} }}"
    )
    from kg.rdf import SPARQL_PREFIXES

    return bool(store.query(SPARQL_PREFIXES + q))


def active_merges(cur: Curation) -> list[Judgement]:
    """Merges in force (not split since), newest first: what the split control offers."""
    js = [j for j in cur.latest.values() if j.decision == "merge"]
    return sorted(js, key=lambda j: (j.at, j.id), reverse=True)


class _EdgeLike(Protocol):
    subject_id: str
    predicate: str
    object_id: str

    @property
    def confidence(self) -> float: ...


EdgeT = TypeVar("EdgeT", bound=_EdgeLike)


def review_queue(edges: Iterable[EdgeT], cur: Curation) -> list[EdgeT]:
    """Edges nobody has judged yet, lowest confidence first (the likeliest machine errors)."""
    todo = []
    for e in edges:
        key = (e.subject_id, e.predicate, e.object_id)
        if str(edge_iri(*key)) in cur.latest:
            continue
        status = getattr(e, "review", None)
        if status:
            continue
        todo.append(e)
    return sorted(todo, key=lambda e: (e.confidence, e.subject_id, e.predicate, e.object_id))
