"""`regwatch demo` ingests the sample corpus into an empty store and serves the app."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(url: str, proc: subprocess.Popen[str], timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"demo exited early with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:  # loopback only
                return resp.read().decode()
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer within {timeout}s")


def test_demo_ingests_then_serves(tmp_path: Path) -> None:
    port = _free_port()
    store = tmp_path / "store"
    env = dict(os.environ, REGWATCH_STORE=str(store))
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "demo", "--port", str(port), "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert _wait_for(f"http://127.0.0.1:{port}/_stcore/health", proc) == "ok"
        page = _wait_for(f"http://127.0.0.1:{port}/", proc)
        assert "<title>" in page
    finally:
        proc.terminate()
        try:
            out, err = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
    assert f"http://127.0.0.1:{port}" in out
    assert "articles ingested" in err and " 0 articles ingested" not in err
