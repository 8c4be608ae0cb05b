"""Stores and a running app for the workbench tests (AppTest, browser) and the app bench."""

from __future__ import annotations

import gc
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sample_graph import ANTHROPIC, sample_extractions

from kg.load import write_extraction
from kg.model import Article, Entity, Evidence, Extraction, Fact, Mention
from kg.store import OxigraphStore

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
EVIL = "<img src=x onerror=alert(1)>"


def evil_extraction() -> Extraction:
    """An article whose entity, title, source and link all try to inject markup or script."""
    sentence = f"{EVIL} invests in Anthropic."
    text = sentence + " [click](javascript:alert(1)) **bold** :red[x] $x$ <script>alert(2)</script>."
    art = Article("x1", f"{EVIL} headline", text, "2024-05-01", "<script>alert(3)</script>", "javascript:alert(4)")
    ev = Evidence("x1", sentence, 0, len(sentence), "rule:test", 0.5, "2024-05-01")
    start = len(EVIL) + len(" invests in ")
    return Extraction(
        art,
        [Entity("evil", EVIL, "company", ("[link](javascript:alert(5))",)), ANTHROPIC],
        [Mention("evil", EVIL, 0, len(EVIL)), Mention("anthropic", "Anthropic", start, start + 9)],
        [Fact("evil", "invests_in", "anthropic", ev)],
    )


def release(store: OxigraphStore) -> None:
    """Close a store and drop the handle: Oxigraph keeps its directory lock until then."""
    store.close()
    del store
    gc.collect()


def build_store(path: Path, with_evil: bool = True) -> Path:
    """The hand-made sample graph (plus the hostile entity) in an on-disk store."""
    store = OxigraphStore(path)
    for ex in sample_extractions() + ([evil_extraction()] if with_evil else []):
        write_extraction(store, ex)
    release(store)
    return path


def build_corpus_store(path: Path) -> Path:
    """The bundled sample corpus, ingested by the real pipeline."""
    from kg.pipeline import ingest_paths

    store = OxigraphStore(path)
    errors: list[str] = []
    ingest_paths(store, [ROOT / "data" / "articles"], on_error=errors.append)
    release(store)
    assert not errors, errors
    return path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_app(store: Path, log: Path, timeout: float = 90.0) -> Iterator[str]:
    """``streamlit run app.py`` on a free loopback port; yields its base URL, stops it after.

    The app runs in the store's parent folder with a relative REGWATCH_STORE, so pages (and
    screenshots of them) show a short store name rather than a temporary path.
    """
    port = free_port()
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    env = dict(os.environ, REGWATCH_STORE=store.name)
    env.pop("REGWATCH_MODEL", None)
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=store.parent)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + timeout
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"streamlit exited early:\n{log.read_text(errors='replace')}")
                try:
                    with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                        if r.read().strip() == b"ok":
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"streamlit did not start:\n{log.read_text(errors='replace')}")
                time.sleep(0.3)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
