"""Articles -> extractions -> store: the ingest path shared by the CLI and the app."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.load import LoadSummary, write_extraction, write_reference_entities
from kg.model import Article
from kg.rdf import article_iri
from kg.store import Store

ErrorSink = Callable[[str], None]


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)


@dataclass
class IngestOptions:
    model: str | None = None
    jobs: int = 1
    batch_size: int = 16
    progress: bool = False


def snapshot_before_ingest(store: Store) -> None:
    """Record the analysis state so ``regwatch alerts`` can say what this ingest changed."""
    try:
        from kg.analysis.alerts import snapshot
    except ImportError:  # analysis not installed in a stripped-down build
        return
    snapshot(store)


def ingest_articles(
    store: Store,
    items: Iterable[object],
    options: IngestOptions | None = None,
    on_error: ErrorSink = _stderr,
) -> LoadSummary:
    """Extract and store every new or changed article; unchanged ones cost no NLP."""
    from ingest.readers import ReadError

    options = options or IngestOptions()
    summary = LoadSummary()
    known = store.article_hashes()
    todo: list[Article] = []
    seen: set[str] = set()
    for item in items:
        if isinstance(item, ReadError):
            summary.skipped += 1
            summary.errors.append(str(item))
            on_error(f"error: {item}")
            continue
        assert isinstance(item, Article)
        if item.id in seen:
            summary.skipped += 1
            msg = f"{item.origin}: duplicate article id {item.id!r} in this batch; kept the first"
            summary.errors.append(msg)
            on_error(f"error: {msg}")
            continue
        seen.add(item.id)
        if known.get(str(article_iri(item.id))) == item.content_hash:
            summary.unchanged += 1
        else:
            todo.append(item)
    if not todo:
        return summary
    from ingest.extract import get_extractor

    extractor = get_extractor(options.model)
    write_reference_entities(store, extractor.reference_entities())
    snapshot_before_ingest(store)
    stream = extractor.extract(todo, jobs=options.jobs, batch_size=options.batch_size)
    if options.progress:
        from tqdm import tqdm

        stream = tqdm(stream, total=len(todo), unit="article", file=sys.stderr)
    entity_ids: set[str] = set()  # the summary counts distinct entities, not mentions per article
    for ex in stream:
        try:
            write_extraction(store, ex)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
            summary.skipped += 1
            msg = f"{ex.article.origin or ex.article.id}: not stored ({type(exc).__name__}: {exc})"
            summary.errors.append(msg)
            on_error(f"error: {msg}")
            continue
        summary.ingested += 1
        entity_ids.update(e.id for e in ex.entities)
        summary.entities = len(entity_ids)
        summary.relations += len(ex.facts)
    return summary


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    options: IngestOptions | None = None,
    on_error: ErrorSink = _stderr,
) -> LoadSummary:
    from ingest.readers import read_paths

    return ingest_articles(store, read_paths(paths), options, on_error)
