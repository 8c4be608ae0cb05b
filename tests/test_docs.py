"""Docs are checked by tests: the README commands, CI line and CLI reference stay true."""

from __future__ import annotations

import re
from pathlib import Path

from kg.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _quick_start() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```(?:sh|bash)\n(.+?)\n```", section)


def test_readme_has_exactly_two_one_line_commands() -> None:
    cmds = _quick_start()
    assert len(cmds) == 2 and all("\n" not in c for c in cmds)
    run, test = cmds
    assert "regwatch demo" in run and "pip install" in run
    assert "pytest" in test and ".[test]" in test


def test_ci_runs_the_readme_test_line_verbatim() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in ci
    assert _quick_start()[1] in ci.splitlines()


def test_every_cli_command_is_documented() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name in sub.choices:  # type: ignore[union-attr]
        assert f"regwatch {name}" in README, f"README does not document `regwatch {name}`"


def test_docs_exist() -> None:
    for name in ("ARCHITECTURE.md", "CHANGELOG.md"):
        assert (ROOT / name).stat().st_size > 500, name
