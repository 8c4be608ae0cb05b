"""The per-document surface caches read exactly what the Token attributes say."""

from __future__ import annotations

from ingest.surface import (
    dep_labels,
    doc_text,
    lower_forms,
    orth_forms,
    pos_tags,
    seed_text,
    span_root,
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
    spans = [(e.start, e.end) for e in doc.ents] + [(s.start, s.end) for s in doc.sents]
    first = [span_root(doc, a, b).i for a, b in spans]
    again = [span_root(doc, a, b).i for a, b in spans]  # from the cache
    assert first == again == [doc[a:b].root.i for a, b in spans]


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



def test_deferred_lemmas_are_the_lemmas_the_stock_pipeline_sets(extractor):
    """Our pipeline skips the lemmatizer pass and lemmatises on demand; every token must still
    get exactly the lemma the model's own pipeline gives it."""
    import json
    from pathlib import Path

    import spacy

    import ingest
    from ingest.extract import add_tokenizer_exceptions
    from ingest.surface import lemma_lower

    assert "lemmatizer" not in extractor.nlp.pipe_names  # disabled, so not run per token
    assert "lemmatizer" in extractor.nlp.component_names  # but still loaded
    stock = spacy.load(ingest.DEFAULT_MODEL)
    add_tokenizer_exceptions(stock)  # same tokens ("Run:ai", "co-led"), so positions line up
    corpus = Path(__file__).resolve().parent.parent / "data" / "articles" / "tune.jsonl"
    texts = [TEXT] + [json.loads(line)["text"] for line in corpus.read_text().splitlines()[:6]]
    checked = 0
    for ours, theirs in zip(extractor.nlp.pipe(texts), stock.pipe(texts)):
        assert [t.text for t in ours] == [t.text for t in theirs]
        assert sum(t.lemma != 0 for t in ours) < len(ours) / 10  # the pass really was skipped
        assert [lemma_lower(t) for t in ours] == [t.lemma_.lower() for t in theirs]
        checked += len(ours)
    assert checked > 1500
