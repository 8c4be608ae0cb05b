"""Paragraph breaks are sentence breaks: the small parser otherwise joins a paragraph's last
sentence to the next paragraph's first ("... Alphabet Inc.\\n\\nGoogle and Salesforce ...")."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("regwatch_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark the token after a newline as a sentence start (runs before the parser)."""
    for tok in doc[:-1]:
        if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
            doc[tok.i + 1].is_sent_start = True
    return doc
