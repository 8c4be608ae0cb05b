"""References inside one article: pronouns ("it", "its") and definite descriptions ("the startup",
"the Seattle company", "the agency") resolved to an entity mentioned earlier.

Deliberately conservative: a description resolves only to an earlier entity of a compatible
type, preferring one whose known descriptors (gazetteer or "X, a Paris startup," in the text)
match the description's words; a wrong link is worse than none.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ingest.entities import COMPANY_HEADS, PRONOUNS, REGULATOR_HEADS, ArticleEntities, Mention
from ingest.gazetteer import Gazetteer
from kg.model import Entity

PLACE_NORMS = {"britain": "british", "uk": "british", "u.k.": "british", "us": "american", "u.s.": "american", "eu": "european", "japan": "japanese", "germany": "german", "france": "french"}
JURISDICTION_WORDS = {"britain", "uk", "us", "eu", "japan", "germany", "france", "america", "europe"}


def _norm_place(word: str) -> str:
    return PLACE_NORMS.get(word, word)


JURISDICTIONS = {"britain", "germany", "france", "uk", "british", "us", "u.s.", "american", "eu", "european", "german", "french", "japanese", "japan", "korean", "canadian", "australian"}
GENERIC_HEADS = {"company", "firm", "group", "business", "corporation", "outfit", "giant", "conglomerate"}
_DETERMINERS = {"the", "this", "that"}
ORG_TYPES = {"company", "regulator", "government"}
_RAISE_LEMMAS = {"raise", "secure", "close", "land"}


class Coref:
    """Mention lookup plus reference resolution for one doc (one article)."""

    def __init__(self, doc: Doc, ents: ArticleEntities, gazetteer: Gazetteer | None = None) -> None:
        self.doc = doc
        self.ents = ents
        self.gaz = gazetteer
        self._cache: dict[int, Mention | None] = {}
        self._raisers = self._find_raisers()

    def mention_at(self, tok: Token) -> Mention | None:
        return self.ents.mention_at(tok)

    def resolve(self, tok: Token) -> Mention | None:
        """The entity a pronoun or definite description refers to, or None."""
        if tok.i not in self._cache:
            self._cache[tok.i] = self._resolve(tok)
        return self._cache[tok.i]

    def _resolve(self, tok: Token) -> Mention | None:
        low = tok.lower_
        if low in PRONOUNS and tok.pos_ == "PRON":
            entity_mention = self._pronoun(tok)
        elif tok.pos_ == "NOUN" and (tok.lemma_.lower() in COMPANY_HEADS | REGULATOR_HEADS or low in COMPANY_HEADS):
            entity_mention = self._description(tok)
        else:
            return None
        if entity_mention is None:
            return None
        return Mention(tok.i, tok.i + 1, entity_mention.entity, tok.text, coref=True)

    def _earlier(self, tok: Token, types: set[str]) -> list[Mention]:
        """Named mentions before ``tok``, most recent first."""
        return [
            m for m in reversed(self.ents.mentions) if m.start < tok.i and m.entity.type in types and not m.coref
        ]

    def _pronoun(self, tok: Token) -> Mention | None:
        """"it"/"its": the subject of the clause it sits in (when that comes first), else a
        named subject earlier in the sentence, else the subject of the previous sentence; only
        entities of a type the context allows ("its takeover of X" is a company's)."""
        sent = tok.sent
        head = tok.head
        types = pronoun_types(tok)
        # "it" as an object, or "its" inside a copula's predicate ("Oracle became one of its
        # investors"), cannot be the subject of its own clause: look one clause higher.
        skip = 1 if _bound_away_from_subject(tok) else 0
        for _ in range(8):
            if head.pos_ in {"VERB", "AUX"}:
                subj = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                if subj is not None and subj.i < tok.i:
                    if skip:
                        skip -= 1
                    else:
                        m = self.mention_at(subj) or (self.resolve(subj) if subj.pos_ in {"PRON", "NOUN"} else None)
                        if m is not None and m.entity.type in types:
                            return m
                        break
            if head.head.i == head.i:
                break
            head = head.head
        if _bound_away_from_subject(tok):
            # "AWS, a unit of Amazon, is its primary cloud provider": the previous sentence's
            # subject, unless that is this clause's own subject
            own = {m.entity.id for m in self._clause_subjects(tok)}
            prev = [m for m in self._previous_sentence_mentions(tok) if _root_of(self.doc, m).dep_ in {"nsubj", "nsubjpass"}]
            return next((m for m in prev if m.entity.id not in own and m.entity.type in types), None)
        before = [m for m in self._earlier(tok, types) if m.start >= sent.start]
        subj = [m for m in before if _root_of(self.doc, m).dep_ in {"nsubj", "nsubjpass"}]
        if subj:
            return subj[0]
        if before and len({m.entity.id for m in before}) == 1:
            return before[0]
        prev = [m for m in self._previous_sentence_mentions(tok) if m.entity.type in types]
        subj = [m for m in prev if _root_of(self.doc, m).dep_ in {"nsubj", "nsubjpass"}]
        if subj:
            return subj[0]
        return None

    def _clause_subjects(self, tok: Token) -> list[Mention]:
        head = tok.head
        for _ in range(8):
            if head.pos_ in {"VERB", "AUX"}:
                return [m for c in head.children if c.dep_ in {"nsubj", "nsubjpass"} if (m := self.mention_at(c)) is not None]
            if head.head.i == head.i:
                break
            head = head.head
        return []

    def _previous_sentence_mentions(self, tok: Token) -> list[Mention]:
        start = tok.sent.start
        if start == 0:
            return []
        prev = self.doc[start - 1].sent
        return [m for m in self.ents.mentions if prev.start <= m.start < prev.end and m.entity.type in ORG_TYPES and not m.coref]

    @staticmethod
    def _most_salient(described: list[Mention], candidates: list[Mention]) -> Mention:
        """Several entities fit "the chipmaker": the one the article has named most so far
        (ties: the most recent), since descriptions refer back to the article's protagonist."""
        counts: dict[str, int] = {}
        for m in candidates:
            counts[m.entity.id] = counts.get(m.entity.id, 0) + 1
        best = max(counts.get(m.entity.id, 0) for m in described)
        return next(m for m in described if counts.get(m.entity.id, 0) == best)

    def _description(self, tok: Token) -> Mention | None:
        if not any(c.lower_ in _DETERMINERS and c.dep_ == "det" for c in tok.children) and not any(
            c.dep_ == "poss" and c.lower_ in JURISDICTION_WORDS for c in tok.children
        ):
            return None
        if tok.lemma_.lower() not in {"parent", "owner"} and any(
            c.dep_ in {"appos", "compound"} and (m := self.mention_at(c)) is not None and not m.place and m.entity.type != "person"
            for c in tok.children
        ):
            return None  # "the startup Anthropic": the name is the mention
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children) and tok.lemma_.lower() in {"parent", "unit"}:
            return None
        head = tok.lemma_.lower()
        types = {"regulator", "government"} if head in REGULATOR_HEADS else {"company"}
        if head in {"executive"} and not any(c.lower_ in {"eu", "european"} for c in tok.children):
            return None
        mods = [c for c in tok.children if c.dep_ in {"amod", "compound", "nmod", "npadvmod"}]
        mods += [c for c in tok.children if c.dep_ == "poss" and c.lower_ in JURISDICTION_WORDS]  # "Britain's watchdog"
        words = {c.lower_ for c in mods} | {c.lemma_.lower() for c in mods}
        for c in mods:
            words |= {t.lower_ for t in c.subtree}
        words = {w.removesuffix("-based") for w in words if any(ch.isalpha() for ch in w) and w not in {"'s", "’s"}}
        words -= {"same", "new", "two", "three"}
        if {"artificial", "intelligence"} <= words:
            words = (words - {"artificial", "intelligence"}) | {"ai"}
        phrase = " ".join(t.lower_ for t in [*mods, tok] if t.i <= tok.i and t.lower_ != "same")
        candidates = self._earlier(tok, types)
        if "regulator" in types and words & JURISDICTIONS:
            first = self._known_regulator(head, words)
            if first is not None and all(m.entity.id != first.id for m in candidates):
                # "the UK competition regulator" on first mention: a unique gazetteer match
                return Mention(tok.i, tok.i + 1, first, tok.text, coref=True)
        if head in {"parent", "owner"}:
            return self._parent_of(tok, candidates)
        if any(c.lower_ == "same" for c in tok.children):
            # "the same company": the latest one not already named in this phrase
            scope = {t.i for t in tok.head.head.subtree} if tok.head.head.i != tok.head.i else set()
            candidates = [m for m in candidates if m.start not in scope]
        if not candidates:
            return None
        described = [
            m
            for m in candidates
            if phrase in self.ents.descriptors.get(m.entity.id, set())
            or (head in self.ents.descriptors.get(m.entity.id, set()) and (not words or words & self._desc_words(m)))
            or (words and words <= self._desc_words(m))
            or (not words and head not in GENERIC_HEADS and head in self._desc_words(m))
            or (not words and "regulator" in types and m.entity.label.lower().endswith(" " + head))  # "the commission" -> "... Trade Commission"
        ]
        if described:
            return self._most_salient(described, candidates)
        if head in GENERIC_HEADS | {"regulator", "watchdog", "agency", "authority", "commission"} and not words:
            # a bare "the company" / "the regulator": the only such entity seen so far
            ids = {m.entity.id for m in candidates}
            if len(ids) == 1:
                return candidates[0]
            prev = [m for m in self._previous_sentence_mentions(tok) if m.entity.type in types]
            subj = [m for m in prev if _root_of(self.doc, m).dep_ in {"nsubj", "nsubjpass"}]
            if head in GENERIC_HEADS and len({m.entity.id for m in subj}) == 1:
                return subj[0]  # several subjects ("X led the round and Y, Z joined"): ambiguous
        return None

    def _known_regulator(self, head: str, words: set[str]) -> Entity | None:
        if self.gaz is None:
            return None
        hits = []
        for entry in self.gaz.entries.values():
            if entry.entity.type != "regulator":
                continue
            desc_words = {_norm_place(w) for d in entry.descriptors for w in d.split()}
            if head in desc_words and {_norm_place(w) for w in words} <= desc_words | {head}:
                hits.append(entry.entity)
        return hits[0] if len(hits) == 1 else None

    def _parent_of(self, tok: Token, candidates: list[Mention]) -> Mention | None:
        """"the Google parent" -> the earlier entity the gazetteer knows as Google's parent."""
        kids = [self.mention_at(c) for c in tok.children if c.dep_ in {"compound", "poss"}]
        parents = {m.entity.parent for m in kids if m is not None and m.entity.parent}
        for m in candidates:
            if m.entity.id in parents:
                return m
        return None

    def _desc_words(self, m: Mention) -> set[str]:
        out: set[str] = set()
        for d in self.ents.descriptors.get(m.entity.id, set()):
            out.update(d.split())
        return out

    def _find_raisers(self) -> list[tuple[int, Mention]]:
        out = []
        for tok in self.doc:
            if tok.lemma_.lower() in _RAISE_LEMMAS and tok.pos_ == "VERB":
                for c in tok.children:
                    if c.dep_ == "nsubj":
                        m = self.mention_at(c)
                        if m is not None and m.entity.type == "company":
                            out.append((tok.i, m))
        return out

    def raiser(self, tok: Token) -> Mention | None:
        """The company most recently said to raise money before ``tok`` ("joined the round")."""
        found = [m for i, m in self._raisers if i <= tok.i]
        if found:
            return found[-1]
        startups = [m for m in self._earlier(tok, {"company"}) if {"startup", "start-up"} & self.ents.descriptors.get(m.entity.id, set())]
        return startups[0] if startups and len({m.entity.id for m in startups}) == 1 else None


# What only a company has or does: "its takeover of X", "its investors", "it raised $2bn".
COMPANY_POSSESSIONS = {
    "takeover", "acquisition", "purchase", "investment", "stake", "shareholder", "investor",
    "backer", "customer", "client", "supplier", "cloud", "chip", "model", "board", "share",
    "funding", "round", "valuation", "product", "revenue", "sale", "founder", "staff", "employee",
    "engineer", "workload", "stock", "unit", "subsidiary", "division", "arm", "platform",
    "chatbot", "assistant", "software", "service", "merger", "ipo", "listing", "debut", "bid",
    "processor", "server", "data", "datacenter", "capacity", "user", "subscriber", "profit",
}  # fmt: skip
COMPANY_ACTIONS = {
    "raise", "buy", "acquire", "invest", "sell", "supply", "train", "rent", "license", "hire",
    "back", "fund", "launch", "ship", "manufacture", "list", "own", "pay", "purchase", "lease",
    "design", "develop", "host", "offer", "deploy", "merge",
}  # fmt: skip


def pronoun_types(tok: Token) -> set[str]:
    """Entity types a pronoun can stand for, from the noun it possesses or the verb it is the
    subject of; regulators and governments only where nothing says "company"."""
    if tok.lower_ == "its" and tok.dep_ == "poss" and tok.head.lemma_.lower() in COMPANY_POSSESSIONS:
        return {"company"}
    if tok.lower_ == "it" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in COMPANY_ACTIONS:
        return {"company"}
    return ORG_TYPES


def _bound_away_from_subject(tok: Token) -> bool:
    """Non-reflexive pronouns in object positions do not corefer with their clause subject."""
    if tok.lower_ == "it" and tok.dep_ in {"dobj", "pobj", "dative"}:
        return True
    if tok.lower_ == "its" and tok.dep_ == "poss":
        cur = tok.head
        for _ in range(4):
            if cur.dep_ in {"attr", "oprd"}:
                return True
            if cur.dep_ in {"nsubj", "nsubjpass", "ROOT"} or cur.head.i == cur.i:
                return False
            cur = cur.head
    return False


def _root_of(doc: Doc, m: Mention) -> Token:
    return doc[m.start : m.end].root
