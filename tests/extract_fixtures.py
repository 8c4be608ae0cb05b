"""Helpers shared by the extraction tests: run one invented passage through the extractor and
check its triples against those a case requires and those it forbids."""

from __future__ import annotations

from kg.model import Article, Extraction

Triple = tuple[str, str, str]


def run(extractor, text: str) -> Extraction:  # type: ignore[no-untyped-def]
    """One passage as one article (id from its hash, a fixed date) through the full extractor."""
    art = Article(id="x-" + str(abs(hash(text)) % 10**8), title="test", text=text, date="2024-05-01")
    return next(iter(extractor.extract([art])))


def triples(extractor, text: str) -> set[Triple]:  # type: ignore[no-untyped-def]
    return {(f.subject, f.predicate, f.object) for f in run(extractor, text).facts}


def assert_triples(got: set[Triple], present: set[Triple], absent: set[Triple], name: str = "") -> None:
    """Every required triple found and no forbidden one (a wrong edge is worse than a missing one)."""
    assert present <= got, f"{name}: missing {present - got}; got {got}"
    assert not (absent & got), f"{name}: unexpected {absent & got}"
