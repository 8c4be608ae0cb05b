"""The per-document surface caches read exactly what the Token attributes say."""

from __future__ import annotations

from ingest.surface import (
    dep_labels,
    doc_text,
    lower_forms,
    orth_forms,
    pos_tags,
    seed_text,
    span_text,
)

TEXT = (
    "Amazon.com Inc. said on Monday it would invest up to $4bn in Anthropic, the San Francisco "
    "start-up.\n\nThe UK's CMA   opened a review; Run:ai's backers declined to comment.  "
)


def test_cached_forms_match_token_attributes(extractor):
    doc = extractor.nlp(TEXT)
    assert orth_forms(doc) == [t.text for t in doc]
    assert lower_forms(doc) == [t.lower_ for t in doc]
    assert pos_tags(doc) == [t.pos_ for t in doc]
    assert dep_labels(doc) == [t.dep_ for t in doc]
    assert len({*pos_tags(doc)}) > 4 and "poss" in dep_labels(doc)  # a parsed doc, not blanks


def test_span_text_is_span_text_for_every_sentence(extractor):
    doc = extractor.nlp(TEXT)
    sents = list(doc.sents)
    assert len(sents) >= 2
    assert [span_text(s) for s in sents] == [s.text for s in sents]
    assert doc_text(doc) == TEXT


def test_seed_text_ignores_a_text_that_cannot_be_the_docs(extractor):
    doc = extractor.nlp(TEXT)
    seed_text(doc, TEXT + " and more")
    assert doc_text(doc) == TEXT
    other = extractor.nlp(TEXT)
    seed_text(other, TEXT)
    assert [span_text(s) for s in other.sents] == [s.text for s in other.sents]
