"""Finding companies the gazetteer does not know: legal suffixes ("Acme Robotics Inc."), and
descriptive cues ("startup Acme", "Acme, a Paris-based AI company,"). The small English model
often tags such names GPE or PERSON; a cue relabels them ORG.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ingest.entities import LEGAL_SUFFIXES
from ingest.surface import lower_forms, orth_forms, pos_tags

CUE_NOUNS = {
    "startup", "start-up", "company", "firm", "lab", "developer", "maker", "chipmaker",
    "provider", "rival", "unit", "subsidiary", "group", "platform", "outfit", "venture", "fund",
    "investor", "backer", "supplier", "designer", "operator", "competitor", "biotech",
    "drugmaker", "publisher", "producer", "manufacturer", "retailer", "chain", "bank", "insurer",
    "carmaker", "automaker", "conglomerate", "giant", "specialist", "owner", "distributor",
    "vendor", "contractor", "grocer", "airline", "brokerage", "lender", "manager", "network",
}  # fmt: skip
OVERRIDABLE = {"GPE", "PERSON", "NORP", "LOC", "FAC", "WORK_OF_ART", "PRODUCT", "LAW", "EVENT", "LANGUAGE"}
_SUFFIXES = {s.rstrip(".") for s in LEGAL_SUFFIXES} - {"co", "as", "se", "ab", "holdings", "corporation", "limited"}
NON_NAMES = {"AI", "I", "CEO", "The", "A", "An", "US", "UK", "EU", "It", "Its"}


NAME_TAILS = {"AI", "Labs", "Technologies", "Robotics", "Systems", "Capital", "Ventures", "Partners"}


def _name_run_before(doc: Doc, end: int) -> tuple[int, int] | None:
    """The run of capitalised proper-noun tokens ending just before ``end`` ("Figure AI")."""
    start = end
    while start > 0 and (_namey(doc[start - 1]) or doc[start - 1].text in NAME_TAILS):
        start -= 1
    while start < end and doc[start].text in NAME_TAILS and not _namey(doc[start]):
        start += 1
    return (start, end) if start < end else None


def _name_run_after(doc: Doc, start: int) -> tuple[int, int] | None:
    end = start
    while end < len(doc) and _namey(doc[end]) and end - start < 4:
        end += 1
    return (start, end) if end > start else None


def _apposed_name_end(doc: Doc, cue: Token) -> int | None:
    """For "Name, a/an/the [modifiers] CUE", the index just after Name (else None)."""
    i = cue.i - 1
    while i > 0 and i > cue.i - 7 and doc[i].lower_ not in {"a", "an", "the"}:
        if doc[i].text in {",", "(", ")", ";"} or doc[i].pos_ == "VERB" and not doc[i].text.endswith("based"):
            return None
        i -= 1
    if i <= 1 or doc[i].lower_ not in {"a", "an", "the"} or doc[i - 1].text != ",":
        return None
    return i - 1 if _namey(doc[i - 2]) or doc[i - 2].text in NAME_TAILS else None


def _namey(tok: Token) -> bool:
    if tok.text in NON_NAMES or tok.is_stop or not tok.text[:1].isupper():
        return False
    return tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.is_title)


class OrgCues:
    """Relabels or adds ORG spans where a cue says a capitalised name is a company."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def match(self, doc: Doc) -> list[Span]:
        spans: list[Span] = []
        texts, lows, tags = orth_forms(doc), lower_forms(doc), pos_tags(doc)
        for i, text in enumerate(texts):
            # "Acme Robotics Inc." / "Acme Robotics, Inc."
            if i > 0 and lows[i].rstrip(".") in _SUFFIXES and text[:1].isupper():
                end = i - 1 if texts[i - 1] == "," else i
                run = _name_run_before(doc, end)
                if run:
                    spans.append(Span(doc, run[0], i + 1, label="ORG"))
            if lows[i] in CUE_NOUNS and tags[i] == "NOUN":
                tok = doc[i]
                # "startup Acme", "AI company Acme"
                run = _name_run_after(doc, tok.i + 1)
                if run and not (run[1] < len(doc) and doc[run[1]].lower_ in CUE_NOUNS):
                    spans.append(Span(doc, run[0], run[1], label="ORG"))
                # "Acme, a San Francisco startup" / "Acme, the Paris-based developer"
                name_end = _apposed_name_end(doc, tok)
                if name_end is not None:
                    run = _name_run_before(doc, name_end)
                    if run:
                        spans.append(Span(doc, run[0], run[1], label="ORG"))
        spans.extend(self._list_members(doc))
        return filter_spans(spans)

    @staticmethod
    def _list_members(doc: Doc) -> list[Span]:
        """In a list of organisations ("BlackRock, Fidelity and Vy Capital") the NER's GPE or
        one-word PERSON members are organisations too."""
        out = []
        ents = {e.start: e for e in doc.ents}
        for ent in doc.ents:
            if ent.label_ not in {"GPE"} and not (ent.label_ == "PERSON" and len(ent) == 1):
                continue
            root = ent.root
            linked = [t for t in (root.head, *root.children) if t.dep_ in {"conj", "appos"} or root.dep_ in {"conj", "appos"}]
            org_neighbours = 0
            for t in linked:
                other = next((e for e in doc.ents if e.start <= t.i < e.end and e.start != ent.start), None)
                if other is not None and other.label_ in {"ORG", "COMPANY"}:
                    org_neighbours += 1
            if org_neighbours and ent.start in ents:
                out.append(Span(doc, ent.start, ent.end, label="ORG"))
        return out

    def set_annotations(self, doc: Doc, spans: Iterable[Span]) -> None:
        """Cue spans replace overlapping non-ORG NER spans; gazetteer and ORG spans are kept."""
        ents = list(doc.ents)
        for span in spans:
            overlap = [e for e in ents if e.start < span.end and span.start < e.end]
            if any(e.label_ not in OVERRIDABLE for e in overlap):
                continue
            ents = [e for e in ents if e not in overlap] + [span]
        doc.ents = sorted(ents, key=lambda s: s.start)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


@Language.factory("regwatch_org_cues")
def make_org_cues(nlp: Language, name: str) -> OrgCues:
    return OrgCues(nlp, name)
