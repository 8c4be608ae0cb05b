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
from ingest.surface import lemma_lower, lower_forms, span_root
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
_RAISE_FORMS = {f"{stem}{end}" for stem in ("rais", "secur", "clos") for end in ("e", "es", "ed", "ing")} | {"land", "lands", "landed", "landing"}


class Coref:
    """Mention lookup plus reference resolution for one doc (one article)."""

    def __init__(self, doc: Doc, ents: ArticleEntities, gazetteer: Gazetteer | None = None) -> None:
        self.doc = doc
        self.ents = ents
        self.gaz = gazetteer
        self._cache: dict[int, Mention | None] = {}
        self._groups: dict[int, list[Mention]] = {}
        self._words: dict[str, set[str]] = {}  # entity id -> descriptor words (the entities are fixed by now)
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
        if tok.tag_ == "NNS":
            return None  # "the two companies" is several firms: see group()
        if low in PRONOUNS and tok.pos_ == "PRON":
            if _about_an_event(tok):
                return None
            entity_mention = self._pronoun(tok)
        elif tok.pos_ == "NOUN" and (lemma_lower(tok) in COMPANY_HEADS | REGULATOR_HEADS or low in COMPANY_HEADS):
            entity_mention = self._description(tok)
        else:
            return None
        if entity_mention is None:
            return None
        return Mention(tok.i, tok.i + 1, entity_mention.entity, tok.text, coref=True)

    def group(self, tok: Token) -> list[Mention]:
        """The firms a plural reference stands for ("both", "the pair", "the two companies",
        "they"): the coordinated names ("X and Y") last named in this or the previous sentence,
        of the size the reference says; nothing when that is not clear-cut."""
        size = _group_size(tok)
        if size is None:
            return []
        if tok.i not in self._groups:
            self._groups[tok.i] = self._group(tok, size)
        return self._groups[tok.i]

    def _group(self, tok: Token, size: int) -> list[Mention]:
        sent = tok.sent
        prev_start = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for lo, hi in ((sent.start, tok.i), (prev_start, sent.start)):
            if lo >= hi:
                continue
            groups = self._coordinations(lo, hi)
            if tok.lower_ in {"they", "them", "their"}:
                if any(t.dep_ in {"nsubj", "nsubjpass"} and t.tag_ == "NNS" and lemma_lower(t) not in GROUP_HEADS for t in self.doc[lo : tok.i]):
                    return []  # "..., analysts said. They expect": people, not the firms
                groups = [g for g in groups if _root_of(self.doc, g[0]).dep_ in {"nsubj", "nsubjpass"}]
            fits = [g for g in groups if size == 0 and len(g) >= 2 or len(g) == size]
            if fits:
                return fits[-1] if len(fits) == 1 or hi == tok.i else []
            if groups:
                return []  # a list of another size: the reference is not to it
            if size and tok.lower_ not in {"they", "them", "their"}:
                named = list({m.entity.id: m for m in self.ents.mentions if lo <= m.start < hi and not m.coref and m.entity.type == "company"}.values())
                if len(named) == size or len(named) > size:
                    return named if len(named) == size else []
        return []

    def _conjoined(self, tok: Token) -> list[Mention]:
        """The names of "X and Y" when ``tok`` heads such a list (empty for a single name)."""
        first = self.mention_at(tok)
        if first is None:
            return []
        members = [first]
        for c in tok.subtree:
            if c.dep_ == "conj" and (m := self.mention_at(c)) is not None and all(m.entity.id != x.entity.id for x in members):
                members.append(m)
        return members if len(members) >= 2 else []

    def _coordinations(self, lo: int, hi: int) -> list[list[Mention]]:
        """Lists of company names joined by "and"/commas between token ``lo`` and ``hi``."""
        out = []
        for m in self.ents.mentions:
            if not (lo <= m.start < hi) or m.coref or m.entity.type != "company":
                continue
            root = _root_of(self.doc, m)
            if root.dep_ == "conj" and self.mention_at(root.head) is not None:
                continue  # a later member of a list already started
            members = [m]
            queue = [root]
            while queue:
                t = queue.pop(0)
                for c in t.children:
                    if c.dep_ == "conj" and (n := self.mention_at(c)) is not None and n.entity.type == "company":
                        if all(n.entity.id != x.entity.id for x in members):
                            members.append(n)
                        queue.append(c)
            if len(members) >= 2:
                out.append(members)
        return out

    def _earlier(self, tok: Token, types: set[str]) -> list[Mention]:
        """Named mentions before ``tok``, most recent first."""
        return [
            m for m in reversed(self.ents.mentions) if m.start < tok.i and m.entity.type in types and not m.coref and not m.place
        ]

    def _pronoun(self, tok: Token) -> Mention | None:
        """"it"/"its": the subject of the clause it sits in (when that comes first), else a
        named subject earlier in the sentence, else the subject of the previous sentence; only
        entities of a type the context allows ("its takeover of X" is a company's)."""
        sent = tok.sent
        head = tok.head
        types = pronoun_types(tok)
        if tok.lower_ == "itself" and tok.dep_ == "appos":
            return self.mention_at(head)  # "io itself": the name it stresses, or nothing
        if tok.lower_ == "its" and tok.dep_ == "poss" and head.dep_ == "conj" and head.head.i < tok.i:
            # "Orvik and its subsidiary Vantor": "its" is the firm it is coordinated with
            first = self.mention_at(head.head)
            adjacent = first is not None and first.end + 1 == tok.i and self.doc[first.end].lower_ == "and"  # not "X, the ..., and its"
            if first is not None and adjacent and first.entity.type in types:
                return first
        # "it" as an object, or "its" inside a copula's predicate ("Oracle became one of its
        # investors"), cannot be the subject of its own clause: look one clause higher.
        skip = 1 if _bound_away_from_subject(tok) else 0
        plural: set[str] = set()  # "X and Y license its software": "its" is neither of them
        if _in_summary_relative(tok):
            # "..., as Apple develops its design, an effort it accelerated": the noun sums up a clause,
            # so "it" is that clause's subject, not clearly the main one; only an unambiguous subject
            subjects = {m.entity.id: m for m in self._earlier(tok, types) if m.start >= sent.start and _root_of(self.doc, m).dep_ in {"nsubj", "nsubjpass"}}
            return next(iter(subjects.values())) if len(subjects) == 1 else None
        for _ in range(8):
            if head.pos_ in {"VERB", "AUX"}:
                subj = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                listed = self._conjoined(subj) + self.group(subj) if subj is not None else []
                if subj is not None and subj.i < tok.i and listed and not skip:
                    plural |= {m.entity.id for m in listed}
                    break
                plural |= {m.entity.id for m in listed}  # "they said ... invested in it": not them either
                if subj is not None and subj.i < tok.i:
                    if skip:
                        skip -= 1
                    else:
                        m = self.mention_at(subj) or (self.resolve(subj) if subj.pos_ in {"PRON", "NOUN"} else None)
                        if m is not None and m.entity.type in types:
                            return m
                        if m is None and subj.pos_ == "PROPN":
                            return None  # the clause is about a name we do not know: not an earlier firm
                        break
            if head.head.i == head.i:
                break
            head = head.head
        if _bound_away_from_subject(tok):
            # "AWS, a unit of Amazon, is its primary cloud provider": the previous sentence's
            # subject, unless that is this clause's own subject
            own = {m.entity.id for m in self._clause_subjects(tok)} | plural
            prev = [m for m in self._previous_sentence_mentions(tok) if m.entity.type in types]
            listed = {x.entity.id for g in self._coordinations(prev[0].start, tok.sent.start) for x in g} if prev else set()
            subj = [m for m in prev if _main_subject(self.doc, m)]
            if subj and subj[0].entity.id in listed:
                # "X and Y invested in Z. They also supply it": "it" is not the plural subject
                rest = {m.entity.id: m for m in prev if m.entity.id not in listed | own}
                return next(iter(rest.values())) if len(rest) == 1 else None
            return next((m for m in subj if m.entity.id not in own), None)
        before = [m for m in self._earlier(tok, types) if m.start >= sent.start and m.entity.id not in plural]
        subj = [m for m in before if _root_of(self.doc, m).dep_ in {"nsubj", "nsubjpass"}]
        if subj:
            return subj[0]
        if before and len({m.entity.id for m in before}) == 1:
            return before[0]
        described = [t for t in sent if t.i < tok.i and _is_description(t) and t.dep_ not in {"nsubj", "nsubjpass"}]
        if described:
            # "the Redmond company's second-largest, behind the $26.2bn it paid": a firm this sentence
            # already referred to is the antecedent; when that one is unresolved, nothing is
            refs = {m.entity.id: m for t in described if (m := self.resolve(t)) is not None and m.entity.type in types}
            if len(refs) == 1 and (not before or {m.entity.id for m in before} <= set(refs)):
                return next(iter(refs.values()))
            specific = any(c.dep_ in {"amod", "compound", "nmod", "npadvmod"} and c.i < t.i for t in described for c in t.children)
            if refs or specific:
                return None  # a bare "the drugmaker's largest" we could not place leaves the usual fallback
        described_by = _apposed_to(tok)
        if described_by is not None:
            # "OpenAI's relationship with Microsoft, its biggest investor": "its" is not Microsoft
            before = [m for m in before if not (m.start <= described_by.i < m.end)]
            if len({m.entity.id for m in before}) == 1:
                return before[0]
        if lemma_lower(tok.head) in DEAL_NOUNS:
            # "Meta's purchase of Instagram and its takeover of WhatsApp": the owner of the parallel deal
            owners = {m.entity.id: m for m in before if _root_of(self.doc, m).dep_ == "poss" and lemma_lower(_root_of(self.doc, m).head) in DEAL_NOUNS}
            if len(owners) == 1:
                return next(iter(owners.values()))
        if len({m.entity.id for m in before}) > 1:
            # "In April Cisco completed its purchase of Isovalent ..., and it acquired": several firms
            # here and none parsed as subject; the antecedent is one of them, not the last sentence's
            return None
        prev = [m for m in self._previous_sentence_mentions(tok) if m.entity.type in types and m.entity.id not in plural]
        subj = [m for m in prev if _main_subject(self.doc, m)]
        if subj:
            return subj[0]
        if tok.sent.start > 0:
            # "The start-up, founded in 2016, previously raised $100m. Its Series B ...": the firm the
            # previous sentence's subject description stands for
            described_subj = [
                m for t in self.doc[tok.sent.start - 1].sent
                if t.dep_ in {"nsubj", "nsubjpass"} and _is_description(t) and _in_main_clause(t)
                and (m := self.resolve(t)) is not None and m.entity.type in types and m.entity.id not in plural
            ]
            if len({m.entity.id for m in described_subj}) == 1:
                return described_subj[0]
        owner = [m for m in prev if _root_of(self.doc, m).dep_ == "poss" and _root_of(self.doc, m).head.dep_ in {"nsubj", "nsubjpass"}]
        if owner and len({m.entity.id for m in prev}) == 1:
            return owner[0]  # "X's valuation has soared. It raised $2bn": the only firm, owning the subject
        return None

    def _clause_subjects(self, tok: Token) -> list[Mention]:
        head = tok.head
        for _ in range(8):
            if head.pos_ in {"VERB", "AUX"}:
                subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
                return [m for c in subjects if (m := self.mention_at(c)) is not None] + [m for c in subjects for m in self.group(c)]
            if head.head.i == head.i:
                break
            head = head.head
        return []

    def _clause_subject_refs(self, tok: Token) -> list[Mention]:
        """The subject of the clause ``tok`` is an object in, named or referred to."""
        head = tok.head
        for _ in range(8):
            if head.pos_ in {"VERB", "AUX"} and (any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children) or head.dep_ not in {"xcomp", "acl", "conj"}):
                break  # "had no plans to acquire the company": the planner is the subject
            if head.head.i == head.i:
                return []
            head = head.head
        out = []
        for c in head.children:
            if c.dep_ in {"nsubj", "nsubjpass"} and c.i != tok.i:
                m = self.mention_at(c) or (self.resolve(c) if c.pos_ in {"NOUN", "PRON"} else None)
                out += [m] if m is not None else self._conjoined(c) + self.group(c)
        return out

    def _previous_sentence_mentions(self, tok: Token) -> list[Mention]:
        start = tok.sent.start
        if start == 0:
            return []
        prev = self.doc[start - 1].sent
        return [m for m in self.ents.mentions if prev.start <= m.start < prev.end and m.entity.type in ORG_TYPES and not m.coref and not m.place]

    def _most_salient(self, described: list[Mention], candidates: list[Mention]) -> Mention:
        """Several entities fit "the chipmaker": the one the article has named most so far
        (ties: the most recent), since descriptions refer back to the article's protagonist."""
        counts: dict[str, int] = {}
        for m in candidates:  # "former OpenAI researchers": a name used as a modifier is not a topic
            modifier = _root_of(self.doc, m).dep_ in {"compound", "nmod", "amod"}
            counts[m.entity.id] = counts.get(m.entity.id, 0) + (0 if modifier else 1)
        best = max(counts.get(m.entity.id, 0) for m in described)
        tied = [m for m in described if counts.get(m.entity.id, 0) == best]
        # ties go to the firm last named as a topic, not as a modifier ("former Corvane engineers")
        return next((m for m in tied if _root_of(self.doc, m).dep_ not in {"compound", "nmod", "amod"}), tied[0])

    def _description(self, tok: Token) -> Mention | None:
        if not any(c.lower_ in _DETERMINERS and c.dep_ == "det" for c in tok.children) and not any(
            c.dep_ == "poss" and c.lower_ in JURISDICTION_WORDS for c in tok.children
        ):
            return None
        made = self._maker_of_named_product(tok)
        if made is not None:
            return made  # "the ChatGPT maker", "the Claude developer"
        if lemma_lower(tok) not in {"parent", "owner"} and any(
            c.dep_ in {"appos", "compound"} and (m := self.mention_at(c)) is not None and not m.place and m.entity.type != "person"
            for c in tok.children
        ):
            return None  # "the startup Anthropic": the name is the mention
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children) and lemma_lower(tok) in {"parent", "unit"}:
            return None
        head = lemma_lower(tok)
        types = {"regulator", "government"} if head in REGULATOR_HEADS else {"company"}
        if head in {"executive"} and not any(c.lower_ in {"eu", "european"} for c in tok.children):
            return None
        # only modifiers before the head: in "the drugmaker's largest", "largest" is not a descriptor
        mods = [c for c in tok.children if c.dep_ in {"amod", "compound", "nmod", "npadvmod"} and c.i < tok.i]
        mods += [c for c in tok.children if c.dep_ == "poss" and c.lower_ in JURISDICTION_WORDS]  # "Britain's watchdog"
        words = {c.lower_ for c in mods} | {lemma_lower(c) for c in mods}
        for c in mods:
            words |= {t.lower_ for t in c.subtree}
        words = {w.removesuffix("-based") for w in words if any(ch.isalpha() for ch in w) and w not in {"'s", "’s"}}
        words -= {"same", "new", "two", "three"}
        if {"artificial", "intelligence"} <= words:
            words = (words - {"artificial", "intelligence"}) | {"ai"}
        phrase = " ".join(t.lower_ for t in [*mods, tok] if t.i <= tok.i and t.lower_ != "same")
        candidates = self._earlier(tok, types)
        # "AWS, a subsidiary of the Seattle company": a description inside a name's own phrase is another firm
        candidates = [m for m in candidates if not _root_of(self.doc, m).is_ancestor(tok)]
        if tok.dep_ in {"dobj", "pobj", "dative"}:
            # "Amazon has put $8bn into the company": an object is not its own clause's subject
            subjects = {m.entity.id for m in self._clause_subject_refs(tok)}
            candidates = [m for m in candidates if m.entity.id not in subjects]
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
            # not "the company" <- "an investment company"; not "the customer-software group" <- "software group"
            if (phrase in self.ents.descriptors.get(m.entity.id, set()) and (words or head not in GENERIC_HEADS) and words <= self._desc_words(m) | {head})
            or (head in self.ents.descriptors.get(m.entity.id, set()) and head not in GENERIC_HEADS and (not words or words & self._desc_words(m)))
            or (words and words <= self._desc_words(m))
            or (not words and head not in GENERIC_HEADS and head in self._desc_words(m))
            or (not words and "regulator" in types and m.entity.label.lower().endswith(" " + head))  # "the commission" -> "... Trade Commission"
        ]
        if described:
            return self._most_salient(described, candidates)
        if head in GENERIC_HEADS | {"regulator", "watchdog", "agency", "authority", "commission"} and not words:
            # a bare "the company" / "the regulator": the only such entity seen so far (a weak,
            # guessed name such as a capitalised "Speculation" does not count)
            ids = {m.entity.id for m in candidates if not m.weak}
            if len(ids) == 1:
                return next(m for m in candidates if not m.weak)
            here = {m.entity.id: m for m in candidates if m.start >= tok.sent.start}  # weak names count as rivals
            if head in GENERIC_HEADS and len(here) == 1 and tok.dep_ in {"nsubj", "nsubjpass"}:
                only = next(iter(here.values()))
                return None if only.weak else only  # "CoreWeave's chief executive said the company would ..."
            if head in GENERIC_HEADS and any(c.lower_ in {"that", "this"} and c.dep_ == "det" for c in tok.children):
                # "CoreWeave, the New Jersey group, ... that company's revenue", "... spun off WK Kellogg
                # Co. That business ...": the firm named last (not as a modifier), here or just before
                recent = [
                    m for m in candidates
                    if m.start >= _previous_sentence_start(tok) and _root_of(self.doc, m).dep_ not in {"compound", "nmod", "amod", "npadvmod"}
                ]
                return recent[0] if recent and not recent[0].weak else None
            strong = [m for m in here.values() if not m.weak]
            if head in GENERIC_HEADS and (len(strong) >= 2 or (len(here) >= 2 and tok.dep_ in {"nsubj", "nsubjpass"})):
                return None  # "The Kellanova deal is Mars's biggest ...: the company agreed": not clear-cut
            prev = [m for m in self._previous_sentence_mentions(tok) if m.entity.type in types]
            subj = [m for m in prev if _root_of(self.doc, m).dep_ in {"nsubj", "nsubjpass"}]
            if head in GENERIC_HEADS and len({m.entity.id for m in subj}) == 1:
                return subj[0]  # several subjects ("X led the round and Y, Z joined"): ambiguous
            named = {m.entity.id for m in prev}
            if head in GENERIC_HEADS and not subj and len(named) == 1:
                counts = sorted((sum(1 for c in candidates if c.entity.id == i), i) for i in ids)
                if counts[-1][1] == prev[0].entity.id and counts[-1][0] > counts[-2][0]:
                    return prev[0]  # "It is Helsing's second raise. The company took in ...": the protagonist, just named
        return None

    def _maker_of_named_product(self, tok: Token) -> Mention | None:
        """"the ChatGPT maker": the company the gazetteer knows makes the named product."""
        if self.gaz is None or lemma_lower(tok) not in MAKER_HEADS | {"creator"}:
            return None
        for c in tok.children:
            m = self.mention_at(c) if c.dep_ in {"compound", "nmod"} else None
            if m is None or m.entity.type != "product":
                continue
            maker = self.gaz.maker(m.entity.id)
            entry = self.gaz.get(maker) if maker and maker != m.entity.id else None
            if entry is not None and entry.entity.type == "company":
                return Mention(tok.i, tok.i + 1, entry.entity, tok.text, coref=True)
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
        """Words describing an entity (gazetteer and article descriptors, its appositions); built
        once per entity, as every description in the article is checked against every candidate."""
        words = self._words.get(m.entity.id)
        if words is None:
            out: set[str] = set()
            for d in self.ents.descriptors.get(m.entity.id, set()):
                out.update(d.split())
            words = self._words[m.entity.id] = out | self._appos_words(m.entity.id)
        return words

    def _appos_words(self, entity_id: str) -> set[str]:
        """Words of the article's own apposition for an entity ("X, a Paris-based robot maker,"
        -> paris, robot, maker), modifiers' whole phrases included, for "the Paris company"."""
        out: set[str] = set()
        for m in self.ents.mentions:
            if m.entity.id != entity_id or m.coref:
                continue
            for app in _root_of(self.doc, m).children:
                if app.dep_ != "appos" or app.pos_ != "NOUN" or app.i < m.end:
                    continue
                of_goods = lemma_lower(app) in MAKER_HEADS  # "a maker of warehouse robots", not "a unit of X"
                toks = [app] + [t for c in app.children if c.dep_ in {"amod", "compound", "nmod"} or (of_goods and c.dep_ == "prep" and c.lower_ == "of") for t in c.subtree]
                out |= {w.removesuffix("-based") for t in toks for w in (t.lower_, lemma_lower(t)) if any(ch.isalpha() for ch in w)}
        return out

    def _find_raisers(self) -> list[tuple[int, Mention]]:
        out = []
        for i, low in enumerate(lower_forms(self.doc)):
            if low not in _RAISE_FORMS:
                continue  # cheap surface pre-check: this loop sees every token of the article
            tok = self.doc[i]
            if lemma_lower(tok) in _RAISE_LEMMAS and tok.pos_ == "VERB":
                for c in tok.children:
                    if c.dep_ == "nsubj":
                        m = self.mention_at(c)
                        if m is not None and m.entity.type == "company":
                            out.append((tok.i, m))
        return out

    def raiser(self, tok: Token) -> Mention | None:
        """The company most recently said to raise money before ``tok`` ("joined the round")."""
        found = [(i, m) for i, m in self._raisers if i <= tok.i]
        if found:
            m = found[-1][1]
            rivals = {o.entity.id for o in self._earlier(tok, ORG_TYPES) if o.start >= tok.sent.start} - {m.entity.id}
            if rivals and any(c.dep_ == "poss" and c.lower_ == "its" and self.resolve(c) is None for c in tok.children):
                return None  # "X had been backed by Y and by Z, which led its Series B": "its" left open among rivals
            return m
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
    if tok.lower_ == "its" and tok.dep_ == "poss" and lemma_lower(tok.head) in COMPANY_POSSESSIONS:
        return {"company"}
    if tok.lower_ == "it" and tok.dep_ == "nsubj" and lemma_lower(tok.head) in COMPANY_ACTIONS:
        return {"company"}
    return ORG_TYPES


EVENT_NOUNS = {
    "raise", "round", "deal", "transaction", "investment", "step", "move", "acquisition", "purchase",
    "takeover", "merger", "sale", "bet", "agreement", "contract", "case", "decision", "ruling", "fine",
    "probe", "investigation", "review", "record", "time", "sign", "part", "result", "change", "effort",
    "attempt", "blow", "setback", "boost", "win", "loss", "milestone", "test", "reminder", "example",
}  # fmt: skip
MAKER_HEADS = {"maker", "developer", "designer", "provider", "producer", "supplier", "operator", "manufacturer", "seller", "builder"}
GROUP_NUMBERS = {"two": 2, "both": 2, "pair": 2, "duo": 2, "three": 3, "trio": 3}
GROUP_HEADS = {"company", "firm", "group", "business", "startup", "start-up", "giant", "investor", "backer", "partner", "party", "chipmaker", "operator", "rival", "maker", "developer", "lab", "provider"}


def _group_size(tok: Token) -> int | None:
    """How many firms a plural reference names (0: two or more), or None if ``tok`` is none:
    "both" and "they" alone, "the pair", "the trio", "the two companies", "both groups"."""
    low = tok.lower_
    if low == "both" and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "dative"} and not any(c.dep_ == "prep" for c in tok.children):
        return 2
    if low in {"they", "them", "their"} and tok.pos_ == "PRON":
        return 0
    if low in {"pair", "duo", "trio"} and tok.tag_ == "NN" and any(c.lower_ == "the" and c.dep_ == "det" for c in tok.children):
        return GROUP_NUMBERS[low]
    if tok.tag_ == "NNS" and lemma_lower(tok) in GROUP_HEADS:
        nums = [GROUP_NUMBERS[c.lower_] for c in tok.children if c.lower_ in GROUP_NUMBERS and c.dep_ in {"nummod", "det", "predet", "amod", "quantmod"}]
        if nums:
            return nums[0]
        if any(c.lower_ == "the" and c.dep_ == "det" for c in tok.children) and lemma_lower(tok) in {"company", "firm", "group", "business"} and len(list(tok.children)) == 1:
            return 0  # "the companies"
    return None


def _previous_sentence_start(tok: Token) -> int:
    start = tok.sent.start
    return tok.doc[start - 1].sent.start if start > 0 else start


def _about_an_event(tok: Token) -> bool:
    """"It is Helsing's second raise", "it was the largest deal": "it" identified with a thing
    that is not a firm stands for that thing (an event, a deal), not for a company."""
    if tok.lower_ == "it" and _deal_verb(tok):
        return True
    if tok.lower_ != "it" or tok.dep_ != "nsubj" or lemma_lower(tok.head) != "be":
        return False
    attr = next((c for c in tok.head.children if c.dep_ == "attr"), None)
    return attr is not None and attr.pos_ == "NOUN" and lemma_lower(attr) in EVENT_NOUNS


DEAL_PASSIVES = {"announce", "agree", "complete", "approve", "clear", "sign", "strike", "finalise", "finalize", "unveil", "value"}
DEAL_INTRANSITIVES = {"close", "complete", "collapse", "fall"}


def _deal_verb(tok: Token) -> bool:
    """"a deal valued at $35bn when it was announced", "by the time it closed": what is announced,
    agreed or closes is a transaction, so "it" there is the deal, not a firm."""
    lemma = lemma_lower(tok.head)
    if tok.dep_ == "nsubjpass":
        return lemma in DEAL_PASSIVES
    objects = {"dobj", "attr", "oprd", "ccomp", "xcomp", "dative"}
    return tok.dep_ == "nsubj" and lemma in DEAL_INTRANSITIVES and not any(c.dep_ in objects for c in tok.head.children)


def _bound_away_from_subject(tok: Token) -> bool:
    """Non-reflexive pronouns in object positions do not corefer with their clause subject."""
    if tok.lower_ == "it" and tok.dep_ in {"dobj", "pobj", "dative"}:
        return True
    if tok.lower_ == "its" and tok.dep_ == "poss":
        cur = tok.head
        for _ in range(4):
            if cur.dep_ == "oprd" and any(c.dep_ == "dobj" for c in cur.head.children):
                return False  # "X named Y its provider": the predicate is Y's, "its" is the namer X
            if cur.dep_ in {"attr", "oprd"}:
                return True
            if cur.dep_ in {"nsubj", "nsubjpass", "ROOT"} or cur.head.i == cur.i:
                return False
            cur = cur.head
    return False


DEAL_NOUNS = {"purchase", "takeover", "acquisition", "merger", "investment", "stake", "buy", "bid", "buyout"}


def _apposed_to(tok: Token) -> Token | None:
    """The name whose apposition ``tok`` sits in ("Microsoft, its biggest investor" -> Microsoft)."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "appos":
            return cur.head
        if cur.dep_ not in {"poss", "amod", "compound", "pobj", "prep"} or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _is_description(tok: Token) -> bool:
    """"the company", "the Redmond company", "this group": a singular definite description of a firm."""
    return (
        tok.pos_ == "NOUN"
        and tok.tag_ != "NNS"
        and lemma_lower(tok) in COMPANY_HEADS
        and any(c.dep_ == "det" and c.lower_ in _DETERMINERS for c in tok.children)
    )


def _main_subject(doc: Doc, m: Mention) -> bool:
    """A subject outside relative clauses: "..., start-ups that Cisco went on to buy. John Chambers
    is its chairman": Cisco is only a relative clause's subject, not the topic carried on."""
    root = _root_of(doc, m)
    return root.dep_ in {"nsubj", "nsubjpass"} and _in_main_clause(root)


def _in_main_clause(tok: Token) -> bool:
    """Not inside a relative clause or a noun's clausal modifier."""
    cur = tok.head
    for _ in range(8):
        if cur.dep_ in {"relcl", "acl"}:
            return False
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return True


def _in_summary_relative(tok: Token) -> bool:
    """"it" in a relative clause on a noun that sums up the clause before ("..., an effort it
    accelerated", "a move that it ..."): attached to the verb, not to a name."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "relcl":
            noun = cur.head
            after_comma = noun.left_edge.i > 0 and noun.doc[noun.left_edge.i - 1].text == ","
            return noun.pos_ == "NOUN" and noun.dep_ in {"npadvmod", "appos", "dobj"} and after_comma and noun.head.pos_ in {"VERB", "AUX"}
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _root_of(doc: Doc, m: Mention) -> Token:
    return span_root(doc, m.start, m.end)
