"""Per-document surface forms, computed once and shared by every pass over a Doc.

Each ``for tok in doc`` builds a new Token object per position, and most passes only look at a
token's form to skip it; scanning one cached list of strings is ~5x cheaper. The caches live in
``doc.user_data`` and so die with the Doc (inside ``nlp.memory_zone``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.attrs import DEP, LOWER, ORTH, POS
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

_TEXT = "regwatch.text"
_LOWER = "regwatch.lower"
_ORTH = "regwatch.orth"
_POS = "regwatch.pos"
_DEP = "regwatch.dep"
_LEMMA = "regwatch.lemma"
_LOWER_WORDS = "regwatch.lower_words"
_ROOTS = "regwatch.span_roots"

# The lemmatizer of each pipeline that defers it (see ``defer_lemmas``), by the pipeline's Vocab.
_LEMMATIZERS: dict[Vocab, Callable[[Token], list[str]]] = {}


def seed_text(doc: Doc, text: str) -> None:
    """Record the text the Doc was made from (spaCy keeps it exactly), saving a rebuild; a text
    of another length cannot be the Doc's and is ignored."""
    last = doc[-1] if len(doc) else None
    if (0 if last is None else last.idx + len(last.text_with_ws)) == len(text):
        doc.user_data[_TEXT] = text


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text`` without joining its tokens again (the same characters)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def _strings(doc: Doc, attr: int, key: str) -> list[str]:
    forms = doc.user_data.get(key)
    if forms is None:
        strings = doc.vocab.strings
        forms = doc.user_data[key] = [strings[h] for h in doc.to_array(attr).tolist()]
    return forms


def lower_forms(doc: Doc) -> list[str]:
    """``tok.lower_`` of every token, by index."""
    return _strings(doc, LOWER, _LOWER)


def orth_forms(doc: Doc) -> list[str]:
    """``tok.text`` of every token, by index."""
    return _strings(doc, ORTH, _ORTH)


def pos_tags(doc: Doc) -> list[str]:
    """``tok.pos_`` of every token, by index (read after the tagger and attribute ruler ran)."""
    return _strings(doc, POS, _POS)


def dep_labels(doc: Doc) -> list[str]:
    """``tok.dep_`` of every token, by index (read after the parser ran)."""
    return _strings(doc, DEP, _DEP)


def span_root(doc: Doc, start: int, end: int) -> Token:
    """``doc[start:end].root``, found once per span: mention roots are asked for again and again."""
    roots: dict[tuple[int, int], int] | None = doc.user_data.get(_ROOTS)
    if roots is None:
        roots = doc.user_data[_ROOTS] = {}
    i = roots.get((start, end))
    if i is None:
        i = roots[(start, end)] = doc[start:end].root.i
    return doc[i]


def lower_case_words(doc: Doc) -> frozenset[str]:
    """The words the Doc writes in lower case somewhere ("advertising"): a capitalised form of
    one of them at a sentence start is that common word, not a name."""
    words = doc.user_data.get(_LOWER_WORDS)
    if words is None:
        words = doc.user_data[_LOWER_WORDS] = frozenset(w for w in orth_forms(doc) if w.islower())
    return words


def defer_lemmas(vocab: Vocab, lemmatize: Callable[[Token], list[str]]) -> None:
    """Lemmatise on demand with ``lemmatize`` (a spaCy Lemmatizer's ``lemmatize``) for Docs of
    ``vocab``: the rules ask for the lemmas of a few tokens, so the pipeline need not lemmatise all."""
    _LEMMATIZERS[vocab] = lemmatize


def lemma_lower(tok: Token) -> str:
    """``tok.lemma_.lower()``, computed once per token. A lemma the pipeline set (another model's
    lemmatizer, the attribute ruler) wins; otherwise the deferred lemmatizer gives exactly what
    the pipeline's lemmatizer would have set, since it runs the same function on the same tags."""
    doc = tok.doc
    cache: list[str | None] | None = doc.user_data.get(_LEMMA)
    if cache is None:
        cache = doc.user_data[_LEMMA] = [None] * len(doc)
    lem = cache[tok.i]
    if lem is None:
        if tok.lemma:
            lem = tok.lemma_.lower()
        else:
            lemmatize = _LEMMATIZERS.get(doc.vocab)
            lem = (lemmatize(tok)[0] if lemmatize is not None else tok.text).lower()
        cache[tok.i] = lem
    return lem
