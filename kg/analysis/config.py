"""The analysis rules, loaded from ``data/signals.yaml`` so thresholds and sources live in data."""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from kg.schema import DATA_DIR

SIGNALS_PATH = DATA_DIR / "signals.yaml"

Config = dict[str, Any]


@functools.cache
def _load(path: str) -> Config:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def load_config(path: str | Path | None = None) -> Config:
    """Parsed signals.yaml (cached); pass a path to analyse with other rules."""
    return _load(str(path or SIGNALS_PATH))


def source_refs(config: Config, keys: list[str]) -> list[dict[str, str]]:
    """Source keys -> {title, url} records, so every output can cite where a rule comes from."""
    sources = config.get("sources", {})
    return [{"id": k, **sources[k]} for k in keys if k in sources]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small records.

    The analysis allocates hundreds of thousands of dicts and lists that never form cycles; the
    collector's repeated scans of them cost about as much as the analysis itself.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
