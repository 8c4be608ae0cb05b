"""CLI contract: exit codes, one-line errors, no tracebacks, idempotent ingest summaries."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sample_graph import sample_extractions

from kg.cli import main
from kg.load import write_extraction
from kg.store import OxigraphStore


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=300
    )


@pytest.fixture()
def store_dir(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    s = OxigraphStore(path)
    for ex in sample_extractions():
        write_extraction(s, ex)
    s.close()
    return path


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["nosuchcommand"], ["entities", "--format", "xml"], ["ingest"], ["relations", "--as-of", "yesterday"]):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2, argv
    assert "usage:" in capsys.readouterr().err


def test_missing_and_bad_inputs_are_one_line_each(tmp_path: Path, store_dir: Path) -> None:
    (tmp_path / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    before = len(OxigraphStore(store_dir))
    proc = _run("ingest", str(tmp_path / "nope.txt"), str(tmp_path / "bad.jsonl"), str(tmp_path / "x.pdf"), "--store", str(store_dir))
    assert proc.returncode == 1
    err = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(err) == 3, proc.stderr
    assert "nope.txt: no such file or folder" in err[0]
    assert "bad.jsonl:1: malformed JSON" in err[1]
    assert "x.pdf: unknown file type '.pdf'" in err[2]
    assert "Traceback" not in proc.stderr
    assert proc.stdout.strip() == "0 articles ingested, 0 unchanged, 3 skipped; 0 entities, 0 relations"
    assert len(OxigraphStore(store_dir)) == before  # nothing already stored is lost


def test_listing_commands(store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["relations", "--store", str(store_dir), "--format", "jsonl"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert set(rows[0]) >= {"subject", "subject_id", "predicate", "object", "object_id", "article", "date", "evidence", "confidence"}
    ftc = [r for r in rows if r["subject_id"] == "federal-trade-commission"]
    assert {r["object"] for r in ftc} == {"Amazon", "Anthropic"}
    assert ftc[0]["evidence"] == "The FTC opened an inquiry into Amazon and Anthropic."
    assert main(["entities", "--store", str(store_dir), "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "id,label,type,aliases,mentions,qid,parent"
    assert any(line.startswith("amazon,Amazon,company,") for line in out)
    assert main(["entities", "--store", str(store_dir), "--format", "table", "--type", "regulator"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["id", "label", "type", "aliases", "mentions"] and len(table) == 3


def test_store_env_var(store_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("REGWATCH_STORE", str(store_dir))
    assert main(["relations", "--format", "jsonl", "--predicate", "supplies"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [(r["subject_id"], r["object_id"]) for r in rows] == [("amazon-web-services", "anthropic")]


def test_unknown_model_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\nAmazon invested in Anthropic.", encoding="utf-8")
    proc = _run("ingest", str(tmp_path / "a.txt"), "--store", str(tmp_path / "s"), "--model", "xx_no_such_model")
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "xx_no_such_model" in proc.stderr
