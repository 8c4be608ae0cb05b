"""regwatch review: the review queue and judgements from the command line (same as the app's Review page)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from kg.cli import add_store_arg
from kg.output import FORMATS, write_rows
from kg.schema import PREDICATES

if TYPE_CHECKING:
    from kg.store import Store
    from kg.views import EntityRow

QUEUE_COLUMNS = ["subject_id", "predicate", "object_id", "confidence", "evidence", "first_seen", "example"]
HISTORY_COLUMNS = ["at", "decision", "about", "result", "note"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "review",
        help="list relations to check; accept, reject or correct them; merge or split entities",
        description="Judgements are kept in the curation graph, survive re-ingest and apply to "
        "every view, analysis, export and SPARQL query. The newest judgement about a relation "
        "or entity wins, so any decision can be revised.",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    q = actions.add_parser("queue", help="relations nobody has judged yet, lowest confidence first")
    q.add_argument("--limit", type=int, default=20, help="at most this many (default 20; 0 = all)")
    q.add_argument("--format", choices=FORMATS, default="table")
    h = actions.add_parser("history", help="every judgement, newest first")
    h.add_argument("--format", choices=FORMATS, default="table")
    for name, helptext in (("accept", "mark a relation as checked and right"),
                           ("reject", "drop a relation everywhere (its evidence is kept)"),
                           ("correct", "change a relation's predicate and/or direction")):
        a = actions.add_parser(name, help=helptext)
        a.add_argument("subject", help="subject entity id")
        a.add_argument("predicate", choices=PREDICATES)
        a.add_argument("object", help="object entity id")
        if name == "correct":
            a.add_argument("--predicate", dest="new_predicate", choices=PREDICATES, help="the right predicate")
            a.add_argument("--reverse", action="store_true", help="swap subject and object")
        a.add_argument("--note", default="", help="why (kept with the judgement)")
    m = actions.add_parser("merge", help="fold a duplicate entity into the canonical one")
    m.add_argument("duplicate")
    m.add_argument("canonical")
    m.add_argument("--note", default="")
    s = actions.add_parser("split", help="undo the merge of an entity")
    s.add_argument("duplicate")
    s.add_argument("--note", default="")
    for sp in (q, h, *(actions.choices[n] for n in ("accept", "reject", "correct", "merge", "split"))):
        add_store_arg(sp)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg import curation as cu
    from kg.cli import UserError
    from kg.store import open_store

    with open_store(args.store) as store:
        if args.action == "queue":
            from kg.views import edges, relations

            queue = cu.review_queue(edges(relations(store)), cu.load_curation(store))
            if args.limit > 0:
                queue = queue[: args.limit]
            rows = [
                {"subject_id": e.subject_id, "predicate": e.predicate, "object_id": e.object_id,
                 "confidence": e.confidence, "evidence": e.weight, "first_seen": e.first_seen,
                 "example": e.evidence[0].evidence}
                for e in queue
            ]
            write_rows(rows, QUEUE_COLUMNS, args.format)
            return 0
        if args.action == "history":
            rows = [
                {"at": j.at, "decision": j.decision,
                 "about": " ".join(j.edge) if j.edge else j.about.rsplit("/", 1)[-1],
                 "result": " ".join(j.target) if j.target else (j.into or ""), "note": j.note}
                for j in reversed(cu.load_judgements(store))
            ]
            write_rows(rows, HISTORY_COLUMNS, args.format)
            return 0
        if args.action in cu.EDGE_DECISIONS:
            if not cu.edge_exists(store, args.subject, args.predicate, args.object):
                raise UserError(f"no relation {args.subject} {args.predicate} {args.object} in the store")
            if args.action == "correct" and not (args.new_predicate or args.reverse):
                raise UserError("correct needs --predicate P and/or --reverse")
            j = cu.judge_edge(store, args.subject, args.predicate, args.object, args.action,
                              new_predicate=getattr(args, "new_predicate", None),
                              reverse=getattr(args, "reverse", False), note=args.note)
        elif args.action == "merge":
            known = {e.id for e in _entities(store)}
            for eid in (args.duplicate, args.canonical):
                if eid not in known:
                    raise UserError(f"no entity {eid!r} in the store")
            j = cu.merge_entities(store, args.duplicate, args.canonical, note=args.note)
        else:
            j = cu.split_entity(store, args.duplicate, note=args.note)
    what = " ".join(j.edge) if j.edge else j.about.rsplit("/", 1)[-1]
    result = f" -> {' '.join(j.target)}" if j.target else (f" -> {j.into}" if j.into else "")
    print(f"{j.decision}: {what}{result} (judgement {j.id})")
    return 0


def _entities(store: Store) -> list[EntityRow]:
    from kg.views import entities

    return entities(store, curated=False)
