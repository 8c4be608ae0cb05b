"""Shared fixtures: a store holding the whole sample corpus, ingested once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"


@pytest.fixture(scope="session")
def corpus_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Directory of an Oxigraph store with data/articles ingested by the real pipeline."""
    from kg.pipeline import ingest_paths
    from kg.store import OxigraphStore

    path = tmp_path_factory.mktemp("corpus") / "store"
    store = OxigraphStore(path)
    errors: list[str] = []
    summary = ingest_paths(store, [ARTICLES], on_error=errors.append)
    store.close()
    assert not errors, errors
    assert summary.ingested >= 30
    return path


@pytest.fixture(scope="session")
def corpus_store(corpus_store_path: Path):  # type: ignore[no-untyped-def]
    """The corpus store, opened once and shared (Oxigraph allows one open handle per process)."""
    from kg.store import OxigraphStore

    store = OxigraphStore(corpus_store_path)
    yield store
    store.close()


@pytest.fixture(scope="session")
def extractor():  # type: ignore[no-untyped-def]
    """The default spaCy extractor, loaded once (the extraction tests share it)."""
    from ingest.extract import get_extractor

    return get_extractor()
