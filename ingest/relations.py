"""Relation rules over the dependency parse, one sentence at a time.

Each rule family looks for a trigger word (verb or noun) and reads its arguments from syntactic
slots (nsubj, dobj, agent, prep/pobj, poss, appos, relcl, conj) rather than from surface order,
so active and passive voice, nominalisations, appositions and coordination share one code path.
Rules only propose :class:`Candidate` relations; :mod:`ingest.extract` applies negation, hedging,
typing and article-level checks. Precision first: when the slots are not clear, no candidate.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span, Token

from ingest import attributes as attrs
from ingest.coref import Coref
from ingest.entities import Mention
from kg.schema import SCHEMA

# ---------------------------------------------------------------- lexicon (lemmas, lower case)
INVEST_VERBS = {"invest", "reinvest", "pour", "plow", "plough", "inject", "put", "pump", "sink", "pledge", "commit", "provide", "write"}
CHEQUE_NOUNS = {"cheque", "check", "checks", "cheques"}
BACK_VERBS = {"back", "fund", "finance", "bankroll", "underwrite", "co-finance"}
RAISE_VERBS = {"raise", "secure", "receive", "get", "land", "close", "obtain", "attract", "accept", "gain", "take", "win", "draw"}
ROUND_VERBS = {"lead", "co-lead", "join", "participate", "contribute", "headline", "anchor", "co-invest", "take", "head", "spearhead", "front"}
MONEY_NOUNS = {
    "investment", "funding", "financing", "round", "capital", "backing", "money", "cash",
    "injection", "infusion", "investments", "fundraise", "fundraising", "equity", "tranche",
    "billion", "million", "bn", "m", "$", "dollar", "dollars", "commitment", "debt", "loan",
}  # fmt: skip
ROUND_NOUNS = {"round", "financing", "funding", "fundraise", "fundraising", "raise", "investment", "series", "placement"}
INVEST_NOUNS = {"investment", "funding", "financing", "backing", "injection", "infusion", "bet", "stake", "holding", "commitment", "pledge", "stakes", "shareholding"}
INVESTOR_NOUNS = {"investor", "backer", "shareholder", "stakeholder", "funder", "financier", "participant", "owner"}
STAKE_NOUNS = {"stake", "share", "shares", "interest", "holding", "equity", "shareholding", "position"}
STAKE_VERBS = {"take", "hold", "own", "acquire", "buy", "purchase", "have", "increase", "raise", "build", "amass", "get", "secure", "boost", "double", "retain", "keep", "pick", "add"}
ACQUIRE_VERBS = {"acquire", "buy", "purchase", "absorb", "swallow", "snap"}
ACQUIRE_NOUNS = {"acquisition", "takeover", "purchase", "buyout"}
DEAL_NOUNS = {
    "deal", "transaction", "merger", "takeover", "acquisition", "purchase", "combination",
    "tie-up", "partnership", "agreement", "arrangement", "investment", "bid", "offer", "buyout",
    "union", "link-up", "alliance", "relationship", "pact", "stake", "stakes", "commitment",
    "commitments", "investments", "partnerships", "deals", "agreements", "tie-ups",
}  # fmt: skip
PARTY_NOUNS = {"companies", "firms", "parties", "groups", "businesses"}
SUPPLY_VERBS = {"supply", "provide", "sell", "deliver", "offer", "rent", "lease", "ship", "furnish", "power", "host", "license", "licence", "give", "grant", "manufacture", "produce", "fabricate", "make", "design", "build"}
MAKE_FOR_VERBS = {"manufacture", "produce", "fabricate", "make", "design", "build"}
USE_VERBS = {
    "use", "adopt", "deploy", "rely", "depend", "run", "train", "buy", "purchase", "rent", "tap",
    "choose", "select", "pick", "switch", "license", "licence", "lease", "utilize", "utilise",
    "leverage", "build", "access", "procure", "spend", "migrate", "move", "shift", "standardize",
    "standardise", "source", "order",
}  # fmt: skip
COMPANY_OBJECT_USE = {"use", "rely", "depend", "tap", "choose", "select", "pick", "switch", "migrate", "move", "shift", "adopt", "hire", "engage", "standardize", "standardise"}
DISTRIBUTE_VERBS = {"offer", "add", "bring", "integrate", "build", "weave", "embed", "incorporate", "distribute", "resell", "list", "make", "put", "sell", "host", "deploy", "release", "launch"}
PLATFORM_PREPS = {"on", "through", "via", "to", "into", "in", "across", "inside", "within"}
MODEL_WORDS = {"model", "models", "technology", "technologies", "chatbot", "assistant", "software", "tool", "tools", "api", "apis", "system", "systems", "product", "products", "service", "services", "app", "apps", "feature", "features", "llm", "llms"}
CUSTOMER_NOUNS = {"customer", "client", "user", "tenant", "buyer", "licensee"}
SUPPLIER_NOUNS = {"provider", "supplier", "vendor", "partner", "host", "seller", "distributor", "licensor"}
SUPPLY_CONTEXT = {
    "cloud", "compute", "computing", "chip", "chips", "processor", "processors", "gpu", "gpus",
    "server", "servers", "infrastructure", "capacity", "data", "center", "centre", "centres",
    "centers", "model", "models", "service", "services", "training", "inference", "hardware",
    "accelerator", "accelerators", "supercomputer", "supercomputers", "supercomputing", "cluster",
    "clusters", "platform", "storage", "silicon", "semiconductor", "semiconductors", "power",
    "energy", "technology", "software", "api", "distribution", "design", "designs", "computer",
    "computers", "workloads", "workload", "networking", "memory", "licence", "license",
    "processing", "tpu", "tpus", "wafer", "wafers",
}  # fmt: skip
REGULATE_VERBS = {
    "investigate", "probe", "review", "examine", "scrutinise", "scrutinize", "fine", "clear",
    "approve", "block", "monitor", "study", "inquire", "query", "question", "sue", "challenge",
    "penalise", "penalize", "order", "summon", "subpoena", "audit", "assess", "vet", "prohibit",
    "look", "inspect", "target", "charge", "sanction", "warn", "halt", "stop", "oppose", "tell",
    "notify", "inform", "ask", "refer", "analyse", "analyze", "condition", "allow", "greenlight", "bless", "reject", "veto", "focus", "raise", "open", "launch", "begin", "start",
    "send", "issue", "end", "close", "conclude", "complete", "publish", "drop", "have", "conduct",
    "carry", "step", "intensify", "widen", "expand", "escalate", "deepen", "grant", "accept",
    "express", "voice", "flag", "find", "determine", "decide", "rule", "wave",
}  # fmt: skip
# verbs that only regulate through the action noun they govern ("opened an investigation into X")
REGULATE_LIGHT_VERBS = {
    "open", "launch", "begin", "start", "send", "issue", "end", "close", "conclude", "complete",
    "publish", "drop", "have", "conduct", "carry", "step", "intensify", "widen", "expand",
    "escalate", "deepen", "grant", "accept", "raise", "announce", "make", "file", "bring",
    "express", "voice", "flag", "find", "determine", "decide", "rule",
}  # fmt: skip
REGULATE_NOUNS = {
    "probe", "investigation", "review", "inquiry", "enquiry", "scrutiny", "fine", "clearance",
    "approval", "examination", "study", "order", "orders", "inquiries", "lawsuit", "suit",
    "complaint", "penalty", "ruling", "assessment", "consultation", "request", "challenge",
    "concerns", "concern", "objection", "objections", "investigations", "probes", "reviews",
    "injunction", "referral", "case", "action", "letter", "letters", "questionnaire", "subpoena",
    "demand", "demands", "information", "consent", "statement",
}  # fmt: skip
REGULATE_ARG_PREPS = {"into", "of", "on", "over", "against", "to", "for", "about", "regarding", "concerning", "in", "at", "with"}
DIRECT_NEG_REGULATE = {"investigate", "probe", "review", "examine", "scrutinise", "scrutinize", "look", "study", "inquire", "audit", "assess", "open", "launch"}
UNIT_VERBS = {"operate", "sit", "live", "fall"}  # "X now sits inside Y's cloud division"
UNIT_NOUNS = {"unit", "subsidiary", "division", "arm", "affiliate", "branch", "subsidiaries", "units", "part", "business"}
PARENT_NOUNS = {"parent", "owner"}
CONTROL_MODS = {"controlling", "majority", "sole", "parent"}
PARTNER_VERBS = {"partner", "collaborate", "team", "ally", "cooperate", "co-operate", "work", "develop", "co-develop", "co-market", "market", "co-sell", "co-promote", "commercialise", "commercialize"}
PARTNER_NOUNS = {"partnership", "alliance", "collaboration", "tie-up", "tieup", "pact", "cooperation", "co-operation", "venture"}
NEG_GOVERNORS = {"deny", "reject", "rule", "dismiss", "refute", "abandon", "scrap", "drop", "call", "walk", "halt", "end", "terminate", "cancel", "quash", "shelve", "refuse", "fail", "stop", "cease", "avoid", "forgo", "rebuff", "spurn", "pull", "back", "block", "prohibit", "veto", "scupper", "derail", "thwart", "torpedo", "kill", "unwind"}
NEG_NOUN_GOVERNORS = {"without", "instead"}
HEDGE_GOVERNORS = {
    "weigh", "consider", "explore", "plan", "discuss", "negotiate", "mull", "seek", "eye", "try",
    "aim", "hope", "want", "propose", "intend", "contemplate", "float", "rumour", "rumor",
    "expect", "near", "pursue", "evaluate", "approach", "study", "examine", "report",
}  # fmt: skip
HEDGE_NOUNS = {"talks", "talk", "plan", "plans", "discussions", "negotiations", "rumours", "rumors", "proposal", "possibility", "option", "speculation", "idea", "prospect"}
HEDGE_WORDS = {"reportedly", "allegedly", "possibly", "potentially", "rumoured", "rumored", "purportedly", "supposedly", "mooted"}
COMPETITOR_WORDS = {"unlike", "rival", "rivals", "competitor", "competitors", "than", "versus", "vs", "vs.", "compete", "competes", "competing", "challenger", "challengers"}
LIGHT_NOUN_VERBS = {"make", "take", "have", "hold", "get", "receive", "complete", "announce", "finalise", "finalize", "close", "agree", "sign", "seal", "strike", "reach", "own"}
CO_WORDS = {
    "co-led": "co-lead", "co-leads": "co-lead", "co-leading": "co-lead", "co-lead": "co-lead",
    "co-invested": "co-invest", "co-invests": "co-invest", "co-invest": "co-invest",
    "co-investing": "co-invest", "co-founded": "co-found", "co-developed": "co-develop",
    "co-develop": "co-develop", "co-develops": "co-develop", "co-markets": "co-market",
    "co-market": "co-market", "co-marketed": "co-market", "co-marketing": "co-market",
    "co-financed": "co-finance", "co-sells": "co-sell", "co-sell": "co-sell",
}  # fmt: skip
RELATIVES = {"which", "who", "whose", "that", "whom"}
GATEKEEPER_NOUNS = {"gatekeeper", "gatekeepers"}
PETITION_VERBS = {"urge", "ask", "call", "press", "push", "pressure", "petition", "lobby", "implore", "encourage", "want"}
DIVESTED_THINGS = UNIT_NOUNS | STAKE_NOUNS | {"operation", "operations", "asset", "assets", "factory", "factories", "plant", "plants", "company"}
OBJECT_CONTROL = {"expect", "persuade", "ask", "allow", "urge", "force", "require", "order", "push", "pressure", "encourage", "want", "help", "enable", "get", "convince", "tell"}

PREDICATE_TYPES = {p: (set(spec["domain"]), set(spec["range"])) for p, spec in SCHEMA.predicates.items()}
VERB_TRIGGERS: set[str] = set()
NOUN_TRIGGERS: set[str] = set()


@dataclass
class Candidate:
    """A relation proposed by a rule in one sentence, before negation/hedge checks and typing.

    ``deal_ref`` marks a regulation whose object is a deal ("cleared the deal"): its parties are
    filled in by the article-level deal index. ``predicate == "deal"`` registers a deal only.
    """

    predicate: str
    subjects: list[Mention]
    objects: list[Mention]
    rule: str
    confidence: float
    trigger: Token
    attributes: dict[str, Any] = field(default_factory=dict)
    deal_ref: Token | None = None
    keep_negated: bool = False


LEMMA_FIXES = {"fined": "fine", "fines": "fine", "fining": "fine"}  # the lemmatizer says "fin"


def _trigger_sets() -> tuple[set[str], set[str]]:
    """Every lemma any verb rule or noun rule starts from, so other tokens are skipped cheaply."""
    verbs = (
        INVEST_VERBS | BACK_VERBS | RAISE_VERBS | ROUND_VERBS | STAKE_VERBS | ACQUIRE_VERBS
        | SUPPLY_VERBS | USE_VERBS | DISTRIBUTE_VERBS | REGULATE_VERBS | PARTNER_VERBS
        | {"take", "own", "control", "count", "list", "name", "include", "be", "become", "remain",
           "serve", "act", "stay", "sign", "join", "come", "return", "rank", "make", "pick",
           "choose", "select", "appoint", "designate", "tap", "call", "pay", "strike", "ink",
           "seal", "reach", "agree", "lift", "boost", "drive", "fuel", "power", "help", "hold",
           "have", "acquire", "buy", "conclude", "find", "determine", "decide", "rule"}
        | UNIT_VERBS
    )  # fmt: skip
    nouns = (
        INVEST_NOUNS | ACQUIRE_NOUNS | DEAL_NOUNS | REGULATE_NOUNS | PARTNER_NOUNS
        | INVESTOR_NOUNS | CUSTOMER_NOUNS | UNIT_NOUNS | PARENT_NOUNS | SUPPLIER_NOUNS
        | {"licence", "license", "licensing", "bid", "offer", "approach", "company", "firm", "group", "business", "brand", "one"}
    )  # fmt: skip
    return verbs, nouns


def lemma(tok: Token) -> str:
    low = tok.lower_
    return CO_WORDS.get(low) or LEMMA_FIXES.get(low) or tok.lemma_.lower()


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass", "csubjpass"} for c in verb.children) or (
        verb.tag_ == "VBN" and (verb.dep_ in {"acl", "amod"} or any(c.dep_ == "agent" for c in verb.children))
    )


def preps(tok: Token, words: set[str]) -> list[Token]:
    """Objects of prepositions in ``words`` attached to ``tok`` ("in Anthropic", "led by X")."""
    out: list[Token] = []
    for p in tok.children:
        if p.dep_ in {"prep", "agent", "dative", "prt"} and p.lower_ in words:
            out.extend(c for c in p.children if c.dep_ in {"pobj", "pcomp"})
            for c2 in p.conjuncts:
                out.extend(c for c in c2.children if c.dep_ == "pobj")
    return out


def deep_preps(verb: Token, words: set[str]) -> list[Token]:
    """Prepositional objects of a verb or of its direct object ("trains models on X's chips",
    "runs much of that work on X's cloud"), where the parser attaches them low."""
    out = preps(verb, words)
    for d in children(verb, "dobj"):
        out += preps(d, words)
        for o in preps(d, {"of"}):
            out += preps(o, words)
    return out


def is_round(tok: Token) -> bool:
    """A funding round: "round", "financing", or a named series ("Series D", "Series B-1")."""
    if lemma(tok) in ROUND_NOUNS:
        return True
    return any(c.lower_ == "series" for c in tok.children if c.dep_ in {"compound", "nmod"}) or (
        tok.lower_ == "series" and tok.dep_ not in {"compound"}
    )


_AMOUNT_RE = re.compile(r"^\d+(?:[.,]\d+)?(?:bn|m|tn|k|b)$", re.IGNORECASE)


def money_like(tok: Token) -> bool:
    """An amount: "$4bn" is often parsed as the noun "4bn" with "$" attached, without a MONEY tag."""
    return (
        lemma(tok) in MONEY_NOUNS
        or tok.like_num
        or tok.ent_type_ == "MONEY"
        or tok.text in {"$", "€", "£"}
        or bool(_AMOUNT_RE.match(tok.text))
        or any(c.text in {"$", "€", "£"} for c in tok.children)
    )


class SentenceRules:
    """Runs every rule family over one sentence and yields candidates."""

    def __init__(self, sent: Span, coref: Coref) -> None:
        self.sent = sent
        self.coref = coref
        low = sent.text.lower()
        self._competitive = any(w in low for w in ("unlike", "rival", "compet", "than", "versus", "vs", "challenger", "beat", "outpace"))

    # ------------------------------------------------------------------ argument helpers
    def args(self, tok: Token | None, *, inner: bool = False, depth: int = 0) -> list[Mention]:
        """Entities a syntactic argument refers to: a name, a description, a pronoun, a list
        ("hundreds of companies, including Apple and Qualcomm"), or (with ``inner``) a name
        inside the phrase ("AWS Trainium chips" -> AWS); conjuncts included."""
        if tok is None or depth > 4:
            return []
        out: list[Mention] = []
        for t in self._coordinated(tok):
            for m in self._one(t, inner=inner, depth=depth):
                if all(m.entity.id != o.entity.id for o in out):
                    out.append(m)
        return out

    def _coordinated(self, tok: Token) -> list[Token]:
        """The token, its conjuncts, and list items the parser attached as appositions."""
        out = [tok]
        queue = [tok]
        while queue:
            t = queue.pop()
            nxt = [c for c in t.children if c.dep_ == "conj"]
            if self.coref.mention_at(t) is not None or t.pos_ == "PROPN":
                nxt += [c for c in t.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            for c in nxt:
                if c not in out:
                    out.append(c)
                    queue.append(c)
        return out

    def _one(self, tok: Token, *, inner: bool, depth: int) -> list[Mention]:
        m = self.coref.mention_at(tok)
        if m is not None and m.entity.type == "person" and not m.coref and any(c.lower_ == "the" and c.dep_ == "det" for c in tok.children):
            # "the Livingston, New Jersey company": a place the tagger took for a person
            return [r for c in children(tok, "appos") if (r := self.coref.resolve(c)) is not None]
        if m is not None:
            return [] if self._is_competitor(tok) else [m]
        if self._is_competitor(tok):
            return []
        if tok.lower_ in RELATIVES:
            return self._relative(tok, inner=inner, depth=depth)
        ref = self.coref.resolve(tok)
        if ref is not None:
            return [ref]
        for c in children(tok, "appos"):  # "its largest backer, Amazon"
            found = self.args(c, depth=depth + 1)
            if found:
                return found
        listed = self._listed(tok, depth)
        if listed:
            return listed
        if lemma(tok) in {"arm", "unit", "division", "fund", "entity", "affiliate", "subsidiary", "vehicle", "business", "company"}:
            owners = [m for c in children(tok, "poss") for m in self.args(c, depth=depth + 1)]
            if owners:  # "OpenAI's for-profit arm", "Zoom's venture arm"
                return owners
        if tok.lower_ in {"one", "both", "each", "all", "two", "three"}:
            for p in preps(tok, {"of"}):
                found = self.args(p, inner=inner, depth=depth + 1)
                if found:
                    return found
            return self._trailing_list(tok)
        if inner:
            for c in tok.children:
                if c.dep_ in {"poss", "compound", "nmod", "amod", "npadvmod"}:
                    found = self.args(c, inner=True, depth=depth + 1)
                    if found:
                        return found
            for p in preps(tok, {"from", "by", "of"}):
                found = self.args(p, inner=p.head.lower_ == "of", depth=depth + 1)
                if found:
                    return found
        return []

    def _listed(self, tok: Token, depth: int) -> list[Mention]:
        """"companies including/such as/like X and Y", "hundreds of companies, including X"."""
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ in {"including", "like", "incl", "notably"}:
                return [m for o in children(p, "pobj") for m in self.args(o, depth=depth + 1)]
            if p.dep_ == "prep" and p.lower_ == "as" and any(c.lower_ == "such" for c in p.children):
                return [m for o in children(p, "pobj") for m in self.args(o, depth=depth + 1)]
            if p.dep_ == "amod" and p.lower_ == "such":
                for p2 in p.children:
                    if p2.lower_ == "as":
                        return [m for o in children(p2, "pobj") for m in self.args(o, depth=depth + 1)]
            if p.dep_ == "prep" and p.lower_ == "of" and tok.like_num or (p.dep_ == "prep" and p.lower_ == "of" and tok.lower_ in {"hundreds", "dozens", "thousands", "some", "many", "several", "number", "range"}):
                for o in children(p, "pobj"):
                    found = self._listed(o, depth + 1)
                    if found:
                        return found
        return []

    def _trailing_list(self, tok: Token) -> list[Mention]:
        """"both of the leading makers of AI chips, Nvidia and AMD": the names listed at the end."""
        out: list[Mention] = []
        for t in tok.subtree:
            m = self.coref.mention_at(t)
            if m is not None and t.dep_ in {"conj", "appos"} and m.entity.type == "company" and all(m.entity.id != o.entity.id for o in out):
                out.append(m)
        return out

    def _relative(self, tok: Token, *, inner: bool, depth: int) -> list[Mention]:
        """"which"/"who"/"whose" -> the noun the relative clause modifies."""
        cur = tok
        for _ in range(4):
            if cur.dep_ == "relcl":
                noun = cur.head
                if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.dep_ == "appos":
                    noun = noun.head.head  # "X, the venture between A and B, which ...": ambiguous, take X
                if noun.dep_ == "appos" and self.coref.mention_at(noun) is None and self.coref.mention_at(noun.head) is not None:
                    noun = noun.head  # "Virgin Media O2, the venture between A and B, which ...": the named head
                return self.args(noun, inner=inner, depth=depth + 1)
            if cur.head.i == cur.i:
                break
            cur = cur.head
        return []

    def _is_competitor(self, tok: Token) -> bool:
        if not self._competitive:
            return False
        if any(c.lower_ in {"rival", "rivals", "competitor", "competitors"} and c.dep_ in {"amod", "compound"} for c in tok.children):
            return tok.dep_ not in {"nsubj", "nsubjpass"}
        anc = tok
        for _ in range(3):
            if anc.head.i == anc.i:
                break
            anc = anc.head
            if anc.lower_ in COMPETITOR_WORDS:
                return True
            if anc.pos_ == "VERB":
                break
        return False

    def subjects(self, verb: Token) -> list[Mention]:
        """Logical subject of an active verb, climbing xcomp/conj/relcl/acl as needed."""
        nsubj = [c for c in verb.children if c.dep_ == "nsubj"]
        if nsubj:  # the parser sometimes splits "Existing investors X and Y" into two subjects
            return [m for c in nsubj for m in self.args(c)]
        if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ in {"acomp", "oprd"}:
            return self.subjects(verb.head.head)  # "Mistral will be able to use X"
        if verb.dep_ == "xcomp" and children(verb.head, "dobj") and lemma(verb.head) in OBJECT_CONTROL:
            return [m for d in children(verb.head, "dobj") for m in self.args(d)]  # "expect X to buy"
        if verb.dep_ in {"xcomp", "conj"} and verb.head.pos_ in {"VERB", "AUX"}:
            if is_passive(verb.head) and not self.agents(verb.head):
                # "Mistral was founded ... and has raised money", "X is expected to review":
                # the surface subject is shared
                return [m for c in children(verb.head, "nsubjpass") for m in self.args(c)]
            return self.subjects(verb.head)
        infinitival = verb.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if (verb.dep_ == "acl" or infinitival) and not is_passive(verb) and verb.head.pos_ == "NOUN" and self.coref.mention_at(verb.head) is None and self.coref.resolve(verb.head) is None:
            # "its agreement to buy Arm", "an effort by the retailer to buy iRobot"
            noun = verb.head
            found = self.owners(noun) + self.pobjs(noun, {"by"})
            if not found and noun.dep_ == "dobj" and noun.head.pos_ in {"VERB", "AUX"}:
                found = self.subjects(noun.head)
            if not found and noun.dep_ == "pobj" and noun.head.head.pos_ in {"VERB", "AUX"}:
                found = self.subjects(noun.head.head)  # "Amazon is in talks to invest ..."
            return found
        if verb.dep_ == "relcl" or (verb.dep_ == "acl" and not is_passive(verb)):
            return self.args(verb.head)
        if verb.dep_ == "advcl" and (verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
            return self.subjects(verb.head)  # "Apple is in talks to invest in X"
        if verb.dep_ == "pcomp" and verb.head.head.pos_ in {"VERB", "AUX"}:
            return self.subjects(verb.head.head)
        return []

    def passive_subjects(self, verb: Token) -> list[Mention]:
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                return self.args(c)
        if verb.dep_ in {"acl", "amod", "relcl"}:
            return self.args(verb.head)
        if verb.dep_ in {"acomp", "oprd"}:  # "Arm is majority-owned by SoftBank"
            return [m for c in children(verb.head, "nsubj", "nsubjpass") for m in self.args(c)]
        if verb.dep_ in {"conj", "xcomp"}:
            return self.passive_subjects(verb.head)
        return []

    def agents(self, verb: Token) -> list[Mention]:
        return [m for p in preps(verb, {"by"}) for m in self.args(p)]

    def objects(self, verb: Token, *, inner: bool = False) -> list[Mention]:
        return [m for c in children(verb, "dobj") for m in self.args(c, inner=inner)]

    def pobjs(self, tok: Token, words: set[str], *, inner: bool = False) -> list[Mention]:
        return [m for p in preps(tok, words) for m in self.args(p, inner=inner)]

    def owners(self, noun: Token) -> list[Mention]:
        """Who a noun belongs to: "Amazon's investment", "its backers", "the Amazon investment"."""
        return [m for c in children(noun, "poss") for m in self.args(c)]

    def compounds(self, noun: Token) -> list[Mention]:
        return [m for c in children(noun, "compound", "nmod", "npadvmod") for m in self.args(c)]

    # ------------------------------------------------------------------ dispatch
    def candidates(self) -> Iterator[Candidate]:
        for tok in self.sent:
            lem = lemma(tok)
            pos = tok.pos_
            if pos in {"VERB", "AUX"} or (pos == "ADJ" and tok.tag_ == "VBN") or tok.lower_ in CO_WORDS:
                if lem in VERB_TRIGGERS:
                    yield from self._verb_rules(tok, lem)
            elif pos in {"NOUN", "PROPN"}:
                if lem in NOUN_TRIGGERS:
                    yield from self._noun_rules(tok, lem)
            if pos in {"PUNCT", "DET", "ADP", "CCONJ", "NUM", "SYM", "PRON"}:
                continue
            if tok.dep_ in {"amod", "compound", "npadvmod"} and tok.lower_.endswith(("backed", "funded", "financed")):
                yield from self._backed_compound(tok)
            if tok.dep_ in {"amod", "compound"} and tok.lower_ in {"led", "-led", "co-led"} and is_round(tok.head):
                yield from self._led_compound(tok)
            if tok.dep_ in {"amod", "compound"} and tok.lower_.endswith("owned"):
                yield from self._owned_compound(tok)
        yield from self._possessive_units()

    def _verb_rules(self, verb: Token, lem: str) -> Iterator[Candidate]:
        passive = is_passive(verb)
        if lem in INVEST_VERBS:
            yield from self._invest_verb(verb, lem, passive)
        if lem in BACK_VERBS:
            if passive:
                yield Candidate("invests_in", self.agents(verb), self.passive_subjects(verb), "invest.back.passive", 0.9, verb)
            else:
                yield Candidate("invests_in", self.subjects(verb), self.objects(verb), "invest.back", 0.9, verb)
        if lem in RAISE_VERBS and not passive:
            yield from self._raise_verb(verb, lem)
        if lem in ROUND_VERBS:
            yield from self._round_verb(verb, lem, passive)
        if lem in {"own", "hold", "control", "have", "acquire", "buy", "take"}:
            for d in children(verb, "dobj"):  # "Microsoft owns about 27% of OpenAI"
                if (d.lower_ in {"%", "percent"} or d.ent_type_ == "PERCENT") and preps(d, {"of"}):
                    holders = self.agents(verb) if passive else self.subjects(verb)
                    yield Candidate("invests_in", holders, self.pobjs(d, {"of"}), "invest.percent_of", 0.85, verb)
        if lem in {"buy", "purchase", "acquire", "take", "pick"}:
            for d in children(verb, "dobj"):  # "buy about $335m of Cerebras stock"
                for p in preps(d, {"of", "in"}):
                    if money_like(d) and lemma(p) in {"stock", "share", "shares", "equity"}:
                        holders = self.agents(verb) if is_passive(verb) else self.subjects(verb)
                        issuers = [m for m in self.owners(p) + self.compounds(p) if m.entity.type == "company"]
                        yield Candidate("invests_in", holders, issuers, "invest.buy_stock", 0.85, verb)
        if lem in STAKE_VERBS:
            for d in children(verb, "dobj"):
                if lemma(d) in STAKE_NOUNS and not d.lower_ == "share" or (lemma(d) == "share" and preps(d, {"in"})):
                    if lem in {"pick", "add"} and not (lem == "add" or any(c.lower_ == "up" for c in verb.children)):
                        continue
                    holders = self.agents(verb) if passive else self.subjects(verb)
                    pred, rule = ("subsidiary_of", "subsidiary.majority_stake") if self._controlling(d) else ("invests_in", "invest.stake")
                    targets = self.pobjs(d, {"in", "of"}) + self.pobjs(verb, {"in"})
                    if pred == "subsidiary_of":
                        yield Candidate(pred, targets, holders, rule, 0.85, verb)
                    else:
                        yield Candidate(pred, holders, targets, rule, 0.9, verb)
        if lem in ACQUIRE_VERBS or (lem == "take" and any(c.lower_ == "over" for c in children(verb, "prt", "prep"))):
            yield from self._acquire_verb(verb, lem, passive)
        if lem in SUPPLY_VERBS:
            yield from self._supply_verb(verb, lem, passive)
        if lem in USE_VERBS and not passive:
            yield from self._use_verb(verb, lem)
        if lem in {"train", "run"} and passive:
            yield from self._trained_on(verb, lem)
        if lem in {"draw", "attract", "get", "receive"} and not passive:
            for subj in children(verb, "nsubj"):  # "the round also drew money from X and Y"
                if is_round(subj) and any(money_like(d) for d in children(verb, "dobj")):
                    yield Candidate("invests_in", self.pobjs(verb, {"from"}), self._round_owner(subj), "invest.round_drew", 0.8, verb)
        if lem in DISTRIBUTE_VERBS:
            yield from self._distribute_verb(verb, lem, passive)
        if lem in {"pay"}:
            yield from self._pay_verb(verb)
        if lem == "sign" and any(c.lower_ == "up" for c in children(verb, "prt")):
            yield Candidate("supplies", self.subjects(verb), self.objects(verb), "supply.sign_up", 0.8, verb)
        if lem in {"sign", "strike", "ink", "seal", "reach", "agree"}:
            yield from self._contract_verb(verb)
        if lem in {"lift", "boost", "drive", "fuel", "power", "help"} and passive:
            for a in preps(verb, {"by"}):
                if lemma(a) == "demand":
                    yield Candidate("supplies", self.passive_subjects(verb), self.pobjs(a, {"from"}), "supply.demand_from", 0.75, verb)
        if lem in REGULATE_VERBS:
            yield from self._regulate_verb(verb, lem, passive)
        if lem in PARTNER_VERBS:
            yield from self._partner_verb(verb, lem)
        if lem in {"own", "control"} and not passive:
            # "Google, which owns the DeepMind lab": a company owned outright is a subsidiary
            dobjs = children(verb, "dobj")
            if dobjs and not any(lemma(d) in STAKE_NOUNS | {"part", "portion", "percent", "%", "share", "majority", "minority"} or d.like_num for d in dobjs):
                if not any(c.lower_ in {"partly", "partially", "jointly", "also"} or c.dep_ == "neg" for c in verb.children):
                    owned = [m for d in dobjs for m in (self.args(d) or [x for c in children(d, "compound") for x in self.args(c)])]
                    yield Candidate("subsidiary_of", owned, self.subjects(verb), f"subsidiary.{lem}s", 0.8, verb)
        if lem in {"own", "control"} and passive:
            if not any(c.lower_ in {"partly", "partially", "jointly", "minority", "part"} for c in verb.subtree if c.i < verb.i and c.head == verb):
                yield Candidate("subsidiary_of", self.passive_subjects(verb), self.agents(verb), f"subsidiary.{lem}ed_by", 0.85, verb)
        if lem in {"count", "list", "name"}:
            for p in preps(verb, {"among", "as"}):
                if lemma(p) in INVESTOR_NOUNS:
                    yield Candidate("invests_in", self.objects(verb), self.subjects(verb), "invest.count_among", 0.85, verb)
                if lemma(p) in {"holding", "investment", "bet", "stake", "position"} and children(p, "poss"):
                    # "Nvidia counts Nebius among its holdings": the subject holds the object
                    yield Candidate("invests_in", self.subjects(verb), self.objects(verb), "invest.count_holdings", 0.85, verb)
                if lemma(p) in CUSTOMER_NOUNS:
                    yield Candidate("supplies", self.subjects(verb), self.objects(verb), "supply.count_among", 0.8, verb)
        if lem == "include":
            yield from self._include(verb)
        if lem in {"be", "become", "remain", "serve", "act", "stay", "sign", "join", "come", "return", "rank", } | UNIT_VERBS:
            yield from self._copula(verb)
        if lem in {"name", "make", "pick", "choose", "select", "appoint", "designate", "tap", "call"}:
            yield from self._designate(verb)

    # ------------------------------------------------------------------ invests_in
    def _invest_verb(self, verb: Token, lem: str, passive: bool) -> Iterator[Candidate]:
        targets = self.pobjs(verb, {"in", "into"})
        dobjs = children(verb, "dobj")
        for d in dobjs:
            targets += self.pobjs(d, {"in", "into"})
        if lem == "write":  # "wrote a $50m cheque to X"
            if not any(lemma(d) in CHEQUE_NOUNS for d in dobjs):
                return
            targets += self.pobjs(verb, {"to", "for"}) + [m for d in dobjs for m in self.pobjs(d, {"to", "for"})]
        elif lem in {"pledge", "commit", "provide"}:
            if not any(money_like(d) for d in dobjs):
                return
            targets += self.pobjs(verb, {"to"}) + [m for d in dobjs for m in self.pobjs(d, {"to"})]
        elif lem != "invest" and not any(money_like(d) for d in dobjs):
            return
        investors = self.agents(verb) if passive else self.subjects(verb)
        if passive and not investors and verb.dep_ == "acl" and lem == "invest":
            investors = self.args(verb.head)  # parser variant: "SoftBank, ..., also invested in X"
        yield Candidate("invests_in", investors, targets, f"invest.{lem}", 0.9, verb)

    def _raise_verb(self, verb: Token, lem: str) -> Iterator[Candidate]:
        dobjs = children(verb, "dobj")
        if not (any(money_like(d) for d in dobjs) or (lem == "raise" and not dobjs)):
            return
        if lem == "raise" and any(lemma(d) in {"concern", "concerns", "question", "questions", "price", "prices", "stake", "objection", "objections"} for d in dobjs):
            return
        sources = self.pobjs(verb, {"from"}) + self._participation(verb)
        for d in dobjs:
            sources += self.pobjs(d, {"from"}) + self._led_by(d)
        for r in preps(verb, {"in", "as"}):
            if is_round(r):
                sources += self._led_by(r)
        yield Candidate("invests_in", sources, self.subjects(verb), f"invest.raise.{lem}", 0.9, verb)

    def _round_verb(self, verb: Token, lem: str, passive: bool) -> Iterator[Candidate]:
        if passive:
            if lem in {"lead", "co-lead"}:
                for subj in children(verb, "nsubjpass"):
                    if is_round(subj):
                        investors = self.agents(verb) + self._participation(verb)
                        yield Candidate("invests_in", investors, self._round_owner(subj), "invest.round.passive", 0.85, verb)
                rnd = verb.head
                if verb.dep_ == "relcl" and lemma(rnd) not in ROUND_NOUNS and rnd.dep_ == "pobj" and is_round(rnd.head.head):
                    rnd = rnd.head.head  # "a Series C round in May, which was led by X"
                if verb.dep_ in {"acl", "relcl"} and is_round(rnd):
                    yield Candidate("invests_in", self.agents(verb), self._round_owner(rnd), "invest.round.acl", 0.85, verb)
            return
        rounds = [d for d in children(verb, "dobj") if is_round(d)]
        rounds += [p for p in preps(verb, {"in", "on"}) if is_round(p)]
        if lem == "take":  # "took part in the round"
            if not any(lemma(d) == "part" for d in children(verb, "dobj")):
                return
            rounds = [p for d in children(verb, "dobj") for p in preps(d, {"in"}) if is_round(p)] + [p for p in preps(verb, {"in"}) if is_round(p)]
        investors = self.subjects(verb) + self.pobjs(verb, {"alongside"})
        for r in rounds:
            yield Candidate("invests_in", investors, self._round_owner(r), f"invest.round.{lem}", 0.85, verb)
            others = [m for a in children(r, "appos") if is_round(a) for m in self._led_by(a)]
            if others:  # "..., a round headed by X that also drew money from Y"
                yield Candidate("invests_in", others, self._round_owner(r), "invest.round.appos", 0.8, verb)
        takes_part = lem == "take" and any(lemma(d) == "part" for d in children(verb, "dobj")) and not preps(verb, {"in"}) and not [p for d in children(verb, "dobj") for p in preps(d, {"in"})]
        bare = lem in {"participate", "co-invest"} and not rounds and not children(verb, "dobj") and not preps(verb, {"in"})
        if takes_part or bare or (lem == "join" and not children(verb, "dobj") and not preps(verb, {"in", "as"}) and any(c.lower_ in {"also", "too", "well"} for c in verb.subtree)):
            # "Existing investors X and Y also took part": the round raised just before
            raiser = self.coref.raiser(verb)
            if raiser is not None and verb.sent.start - raiser.start < 80:
                yield Candidate("invests_in", investors, [raiser], f"invest.round.{lem}_bare", 0.75, verb)

    def _participation(self, tok: Token) -> list[Mention]:
        """"..., with participation from X and Y" attached to a verb or a round."""
        return [m for p in preps(tok, {"with"}) if lemma(p) == "participation" for m in self.pobjs(p, {"from", "by", "of"})]

    def _led_by(self, tok: Token) -> list[Mention]:
        """Investors attached to a funding noun: "led by X", "from X", "with participation from X"."""
        out: list[Mention] = []
        for c in tok.children:
            if c.dep_ in {"acl", "relcl"} and lemma(c) in {"lead", "co-lead", "back", "fund", "join", "head", "spearhead", "anchor"}:
                out += self.agents(c)
            if c.dep_ in {"relcl", "acl"} and lemma(c) in {"bring", "include", "draw", "attract", "get", "receive"}:
                out += self.objects(c) + self.pobjs(c, {"in"})
                if any(money_like(d) for d in children(c, "dobj")):
                    out += self.pobjs(c, {"from"})  # "a round that also drew money from X and Y"
        for p in preps(tok, {"from", "by"}):
            out += self.args(p)
        for p in preps(tok, {"with"}):
            if lemma(p) == "participation":
                out += self.pobjs(p, {"from", "by", "of"})
        return out

    def _round_owner(self, round_tok: Token) -> list[Mention]:
        """Whose round: "Anthropic's Series C", "a round for Anthropic", or the company that
        raised money earlier in the article ("the round", "the financing")."""
        owners = self.owners(round_tok) + self.pobjs(round_tok, {"in", "for", "of", "into"})
        if not owners:
            raiser = self.coref.raiser(round_tok)
            if raiser is not None:
                owners.append(raiser)
        return owners

    def _controlling(self, noun: Token) -> bool:
        return any(c.lower_ in CONTROL_MODS for c in noun.children if c.dep_ in {"amod", "compound"})

    # ------------------------------------------------------------------ acquires
    def _acquire_verb(self, verb: Token, lem: str, passive: bool) -> Iterator[Candidate]:
        dobjs = children(verb, "dobj")
        if any(lemma(d) in STAKE_NOUNS | {"chip", "chips", "capacity", "compute", "stores", "assets", "plants", "rights", "licence", "license"} for d in dobjs):
            return
        if lem == "snap" and not any(c.lower_ == "up" for c in verb.children):
            return
        if passive:
            acquirers, targets = self.agents(verb), self.passive_subjects(verb)
        else:
            targets = self.objects(verb)
            if lem == "take":
                targets += self.pobjs(verb, {"over"})
            acquirers = self.subjects(verb)
        targets = [t for t in targets if t.entity.type != "product"]
        yield Candidate("acquires", acquirers, targets, f"acquire.{lem}" + (".passive" if passive else ""), 0.9, verb)
        # "buy Arm from SoftBank": the seller owns the target
        sellers = self.pobjs(verb, {"from"})
        if sellers and targets:
            yield Candidate("subsidiary_of", targets, sellers, "subsidiary.sold_by", 0.8, verb, keep_negated=True)

    # ------------------------------------------------------------------ supplies
    def _supply_verb(self, verb: Token, lem: str, passive: bool) -> Iterator[Candidate]:
        dobjs = children(verb, "dobj")
        if lem in MAKE_FOR_VERBS:
            # "TSMC manufactures chips for Apple": only with a supplied thing and a "for" customer
            if verb.dep_ == "relcl" and not passive and not dobjs:
                dobjs = [verb.head]  # "the processors that TSMC fabricates for Cerebras"
            if passive or not any(self._supply_thing(d) for d in dobjs):
                return
            customers = [m for m in self.pobjs(verb, {"for"}) + [m for d in dobjs if d.head is not verb or d.dep_ == "dobj" for m in self.pobjs(d, {"for"})]]
            yield Candidate("supplies", self.subjects(verb), customers, f"supply.{lem}_for", 0.8, verb)
            return
        things = dobjs + (children(verb, "nsubjpass") if passive else [])
        if lem in {"sell", "offer"} and any(lemma(t) in DIVESTED_THINGS for t in things):
            return  # "sell the manufacturing arm of X to Y" is a divestiture
        if lem in {"give", "grant", "offer"}:
            if not any(lemma(d) == "access" for d in dobjs):
                return
            things = [p for d in dobjs for p in preps(d, {"to"})]
        if lem in {"sell", "offer", "rent", "lease", "ship", "deliver", "license", "licence"} and not any(self._supply_thing(t) for t in things):
            return
        if any(money_like(d) and not self._supply_thing(d) for d in dobjs):
            return  # "provide $2bn in funding to X" is an investment, not a supply
        if passive:
            customers = self.pobjs(verb, {"to", "for"})
            if lem in {"supply", "power", "host"}:
                customers += self.passive_subjects(verb)
            suppliers = self.agents(verb)
            yield Candidate("supplies", suppliers, customers, f"supply.{lem}.passive", 0.8, verb)
            return
        suppliers = self.subjects(verb)
        customers = self.pobjs(verb, {"to", "for"})
        for d in dobjs:
            customers += self.pobjs(d, {"to", "for"})
        if lem in {"supply", "provide", "power", "host", "furnish"}:
            customers += [m for d in dobjs for m in self.args(d)]
        customers += [m for d in children(verb, "dative") for m in self.args(d)]
        if lem in {"give", "grant", "offer"}:
            customers += [m for d in dobjs if lemma(d) != "access" for m in self.args(d)]
        if lem in {"power"}:
            suppliers += [m for s in children(verb, "nsubj") for m in self.args(s, inner=True) if m not in suppliers]
        if lem in {"power", "host"}:
            customers += [m for d in dobjs for m in self.owners(d)]  # "host Cohere's models"
        if lem in {"license", "licence"} and not customers:
            return
        yield Candidate("supplies", suppliers, customers, f"supply.{lem}", 0.85, verb)

    def _supply_thing(self, tok: Token) -> bool:
        """A supplied good or service: a product, or a noun phrase about chips, cloud, models..."""
        if any((m := self.coref.mention_at(t)) is not None and m.entity.type == "product" for t in tok.subtree):
            return True
        words = {lemma(t) for t in tok.subtree} | {t.lower_ for t in tok.subtree}
        return bool(words & (SUPPLY_CONTEXT | MODEL_WORDS | {"access", "rights"}))

    def _use_verb(self, verb: Token, lem: str) -> Iterator[Candidate]:
        customers = self.subjects(verb)
        if not customers:
            return
        sources = list(children(verb, "dobj"))
        if lem in {"rely", "depend", "run", "switch", "migrate", "move", "shift", "standardize", "standardise", "build", "spend", "train"}:
            words = {"to", "onto"} if lem in {"move", "shift", "migrate"} else {"on", "onto", "to", "with", "upon"}
            sources = deep_preps(verb, words)
        suppliers: list[Mention] = []
        for s in preps(verb, {"from", "through", "via"}) + [p for d in children(verb, "dobj") for p in preps(d, {"from", "through", "via"})]:
            suppliers += self.args(s)
        for s in sources:
            direct = self.coref.mention_at(s) or self.coref.resolve(s)
            if direct is not None and direct.entity.type != "product":
                if lem in COMPANY_OBJECT_USE or lem in {"run", "build", "train"}:
                    suppliers += self.args(s)
                continue
            suppliers += self._supply_sources(s)
        yield Candidate("supplies", suppliers, customers, f"supply.use.{lem}", 0.8, verb)

    def _trained_on(self, verb: Token, lem: str) -> Iterator[Candidate]:
        """"Apple's models were trained on Google's TPUs": the chips' owner supplies the models' owner."""
        things = [t for t in children(verb, "nsubjpass") if self._model_like(t)]
        customers = [m for t in things for m in self.owners(t) + self.compounds(t) if m.entity.type == "company"]
        suppliers = [m for p in preps(verb, {"on", "using", "with"}) for m in self._supply_sources(p)]
        yield Candidate("supplies", suppliers, customers, f"supply.{lem}_on.passive", 0.8, verb)

    def _supply_sources(self, tok: Token) -> list[Mention]:
        """Who supplies what is named: a product (-> maker) or a company's cloud/chips/models;
        a stated owner wins over the product's maker ("its TPUs" said of Google Cloud)."""
        direct = self.coref.mention_at(tok)
        if direct is not None:
            return [direct] if direct.entity.type == "product" else []
        words = {lemma(t) for t in tok.subtree} | {t.lower_ for t in tok.subtree}
        owners = [m for m in self.owners(tok) if m.entity.type == "company"]
        if owners and (lemma(tok) in SUPPLY_CONTEXT or words & SUPPLY_CONTEXT or any(self.coref.mention_at(t) for t in tok.subtree if t not in tok.children or t.dep_ != "poss")):
            return owners
        inner = self.args(tok, inner=True)
        if any(m.entity.type == "product" for m in inner):
            return inner
        if lemma(tok) in SUPPLY_CONTEXT or words & SUPPLY_CONTEXT:
            return inner
        return []

    def _distribute_verb(self, verb: Token, lem: str, passive: bool) -> Iterator[Candidate]:
        """"X's models are offered on Bedrock", "brings X's model to Azure", "built X's models
        into Bing": the model's maker supplies the platform's owner."""
        things = children(verb, "nsubjpass") if passive else children(verb, "dobj")
        if not passive and lem == "make":
            things = [d for d in children(verb, "dobj") if any(c.lower_ == "available" for c in verb.children)]
        platforms = [p for p in preps(verb, PLATFORM_PREPS - {"to"} | ({"to"} if lem in {"bring", "add", "make"} else set()))]
        if lem == "build":
            platforms = preps(verb, {"into"})
        if not things or (not platforms and lem != "make"):
            return
        makers: list[Mention] = []
        for t in things:
            if not self._model_like(t):
                continue
            makers += self._model_maker(t)
        hosts: list[Mention] = []
        for p in platforms:
            hosts += self._platform(p)
        if not hosts and lem == "make" and not passive:
            hosts = self.subjects(verb)  # "Y will make X's models available to its customers"
        yield Candidate("supplies", makers, hosts, f"supply.distribute.{lem}", 0.75, verb)

    def _model_like(self, tok: Token) -> bool:
        m = self.coref.mention_at(tok)
        if m is not None:
            return m.entity.type == "product"
        return lemma(tok) in MODEL_WORDS or tok.lower_ in MODEL_WORDS

    def _model_maker(self, tok: Token) -> list[Mention]:
        m = self.coref.mention_at(tok)
        if m is not None:
            return [m]
        return self.args(tok, inner=True)

    def _pay_verb(self, verb: Token) -> Iterator[Candidate]:
        """"Microsoft will pay Inflection $650m for a licence": the payee supplies the payer."""
        payees = [m for d in children(verb, "dative") for m in self.args(d)]
        payees += [m for d in children(verb, "dobj") if self.coref.mention_at(d) for m in self.args(d)]
        if not payees:
            return
        words = {lemma(t) for t in verb.subtree}
        if words & {"licence", "license", "licensing", "access", "service", "services", "compute", "capacity", "chip", "chips", "cloud"}:
            yield Candidate("supplies", payees, self.subjects(verb), "supply.pay_for", 0.75, verb)

    def _contract_verb(self, verb: Token) -> Iterator[Candidate]:
        """"Uber signed agreements with Oracle to move its computing": the direction comes from
        what the deal is for (to move/use/run -> the partner supplies; to supply -> reverse)."""
        dobjs = [d for d in children(verb, "dobj") if lemma(d) in {"agreement", "contract", "deal", "pact", "agreements", "contracts", "deals"}]
        others = self.pobjs(verb, {"with"}) + [m for d in dobjs for m in self.pobjs(d, {"with"})]
        if not others:
            return
        purposes = [x for x in verb.children if x.dep_ in {"xcomp", "advcl"}] + [x for d in dobjs for x in d.children if x.dep_ in {"acl", "relcl"}]
        for x in purposes:
            xl = lemma(x)
            if xl in USE_VERBS | {"move", "shift", "migrate", "run", "host", "buy"}:
                yield Candidate("supplies", others, self.subjects(verb), f"supply.contract.{xl}", 0.8, verb)
            elif xl in {"supply", "provide", "power", "sell", "deliver"}:
                yield Candidate("supplies", self.subjects(verb), others, f"supply.contract.{xl}", 0.8, verb)

    # ------------------------------------------------------------------ regulates
    def _regulate_verb(self, verb: Token, lem: str, passive: bool) -> Iterator[Candidate]:
        if lem in {"conclude", "find", "determine", "decide", "rule"} and children(verb, "ccomp"):
            regulators = [m for m in self.subjects(verb) if m.entity.type == "regulator"]
            targets, deal = self._regulated_in(children(verb, "ccomp"))
            if regulators and (targets or deal is not None):
                yield Candidate("regulates", regulators, targets, f"regulate.{lem}_that", 0.75, verb, deal_ref=deal)
            return
        if lem in {"send", "issue", "serve"} and children(verb, "dative") and not passive:
            # "the FTC sent Amazon a list of questions about its deal with Adept"
            dobjs = children(verb, "dobj")
            if any(lemma(t) in REGULATE_NOUNS | {"question", "questions"} for d in dobjs for t in d.subtree):
                targets = [m for d in children(verb, "dative") for m in self.args(d)]
                about = [p for d in dobjs for t in d.subtree if lemma(t) in REGULATE_NOUNS | {"question", "questions"} for p in preps(t, {"about", "over", "regarding", "on", "concerning"})]
                more, deal = self._regulated_in(about)
                targets += [m for m in more if all(m.entity.id != t.entity.id for t in targets)]
                yield Candidate("regulates", self.subjects(verb), targets, f"regulate.{lem}_to", 0.8, verb, deal_ref=deal)
            return
        if lem in REGULATE_LIGHT_VERBS:
            if lem in {"raise", "express", "voice", "flag"} and any(lemma(x) in {"concern", "objection", "question", "doubt"} for d in children(verb, "dobj") for x in [d, *d.conjuncts]):
                subs = self.subjects(verb)
                about = [p for d in children(verb, "dobj") for x in [d, *d.conjuncts] for p in preps(x, {"about", "over", "regarding", "with", "on"})]
                targets, deal = self._regulated_in(about + preps(verb, {"about", "over", "regarding", "on"}))
                yield Candidate("regulates", subs, targets, "regulate.raise_concerns", 0.75, verb, deal_ref=deal or (verb if not targets else None))
            return
        if lem == "look" and not preps(verb, {"into", "at"}):
            return
        if lem == "wave" and not any(c.lower_ == "through" for c in verb.children):
            return  # "waved the deal through": cleared it
        if lem == "focus" and not any(lemma(s) in REGULATE_NOUNS for s in children(verb, "nsubj")):
            return
        if lem in {"ask", "tell", "notify", "inform", "warn", "allow", "order", "charge", "question", "target", "challenge", "condition", "reject", "accept", "refer"} and passive:
            return
        if passive:
            regulators = self.agents(verb)
            slots = children(verb, "nsubjpass") + preps(verb, REGULATE_ARG_PREPS - {"with"})
            if verb.dep_ in {"acl", "relcl"}:
                slots.append(verb.head)
        else:
            regulators = self.subjects(verb)
            if lem == "focus":
                regulators = [m for s in children(verb, "nsubj") for m in self.owners(s) + self.compounds(s)]
            slots = children(verb, "dobj", "ccomp", "xcomp", "dative") + preps(verb, REGULATE_ARG_PREPS - {"with"})
            for adv in children(verb, "advcl"):  # "... as it had done with Microsoft's stake in OpenAI"
                if lemma(adv) == "do":
                    slots += preps(adv, {"with"})
            if verb.dep_ == "relcl" and lemma(verb.head) in DEAL_NOUNS:
                slots.append(verb.head)
        if not regulators or all(m.entity.type not in {"regulator", "government"} for m in regulators):
            return
        targets, deal = self._regulated_in(slots)
        if lem in {"sue"} and not targets and deal is None:
            deal = verb
        yield Candidate("regulates", regulators, targets, f"regulate.{lem}" + (".passive" if passive else ""), 0.85, verb, deal_ref=deal)

    def _regulated_in(self, toks: Iterable[Token]) -> tuple[list[Mention], Token | None]:
        """Companies named in a regulated phrase ("Amazon's investment in Anthropic" -> both) and,
        when a deal is referred to ("the deal", "it", "the two companies"), that deal's token."""
        out: list[Mention] = []
        deal: Token | None = None
        for tok in toks:
            skip = {x.i for t in tok.subtree if t.dep_ == "relcl" and t.i != tok.i for x in t.subtree}
            for t in tok.subtree:
                if t.i in skip or self._is_competitor(t):
                    continue
                if t.dep_ in {"compound", "poss"} and lemma(t.head) in PARENT_NOUNS:
                    continue  # "the Google parent" names Alphabet, not Google
                if self._modifier_only(t):
                    continue
                if t.lower_ in RELATIVES and t.dep_ != "poss":
                    continue
                if lemma(t) in DEAL_NOUNS | PARTY_NOUNS and t.pos_ == "NOUN" and deal is None:
                    deal = t
                if t.lower_ == "it" and t.dep_ in {"dobj", "nsubjpass", "pobj"} and t.head in toks or (t.lower_ == "it" and t in toks):
                    deal = deal or t
                    continue
                m = self.coref.mention_at(t) or self.coref.resolve(t)
                if m is not None and all(m.entity.id != o.entity.id for o in out):
                    out.append(m)
        return out, deal

    def _modifier_only(self, t: Token) -> bool:
        """"Android phone makers", "Chrome browser": a name used to classify a common noun."""
        head = t.head
        return (
            t.dep_ == "compound"
            and head.pos_ == "NOUN"
            and head.tag_ in {"NNS", "NN"}
            and self.coref.mention_at(head) is None
            and lemma(head) not in DEAL_NOUNS | REGULATE_NOUNS | INVEST_NOUNS | STAKE_NOUNS | PARTY_NOUNS | UNIT_NOUNS | MONEY_NOUNS | {"stock", "hiring", "hire", "deal"}
            and head.lower_ not in DEAL_NOUNS
        )

    def _regulator_owners(self, noun: Token) -> list[Mention]:
        regs = [m for m in self.owners(noun) + self.compounds(noun) + self.pobjs(noun, {"by", "from"}) if m.entity.type in {"regulator", "government"}]
        head = noun.head
        if not regs and noun.dep_ == "dobj":  # "has drawn scrutiny from the FTC"
            regs = [m for m in self.pobjs(head, {"from", "by"}) if m.entity.type in {"regulator", "government"}]
        if not regs and noun.dep_ in {"dobj", "nsubjpass"} and head.pos_ in {"VERB", "AUX"}:
            subj = self.agents(head) if noun.dep_ == "nsubjpass" else self.subjects(head)
            regs = [m for m in subj if m.entity.type in {"regulator", "government"}]
        if not regs and noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in {"VERB"}:
            regs = [m for m in self.subjects(head.head) if m.entity.type in {"regulator", "government"}]
        return regs

    def _sentence_regulator(self, noun: Token) -> list[Mention]:
        """The one regulator named in the sentence, for action nouns with no stated owner."""
        found: dict[str, Mention] = {}
        for t in self.sent:
            m = self.coref.mention_at(t) or (self.coref.resolve(t) if t.pos_ in {"NOUN", "PRON"} else None)
            if m is not None and m.entity.type == "regulator":
                found.setdefault(m.entity.id, m)
        return list(found.values()) if len(found) == 1 else []

    def _regulate_noun(self, noun: Token, lem: str) -> Iterator[Candidate]:
        if lem == "order" and noun.dep_ == "pobj" and noun.head.lower_ == "in":
            return  # "in order to"
        regs = self._regulator_owners(noun)
        rule = f"regulate.noun.{lem}"
        conf = 0.8
        if not regs and lem in {"order", "orders", "investigation", "probe", "inquiry", "review"}:
            regs = self._sentence_regulator(noun)
            rule, conf = rule + ".sentence", 0.7
        if not regs:
            return
        slots = preps(noun, REGULATE_ARG_PREPS) + [c for c in noun.children if c.dep_ == "acl"]
        if noun.dep_ == "dobj" and lemma(noun.head) in {"send", "issue", "serve", "deliver", "address"}:
            # "sent orders under Section 6(b) of the Act to Alphabet, ...": "to" may attach low
            slots += [o for p in noun.head.subtree if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
        targets, deal = self._regulated_in(slots)
        targets += [m for m in self.owners(noun) + self.compounds(noun) if m.entity.type not in {"regulator", "government"}]
        if noun.dep_ == "dobj":
            more, deal2 = self._regulated_in(preps(noun.head, REGULATE_ARG_PREPS - {"with", "in"}))
            targets += more
            deal = deal or deal2
        if noun.dep_ == "nsubj" and lemma(noun.head) in {"focus", "look", "examine", "cover", "target", "concern", "centre", "center"}:
            return  # handled by the verb rule
        if noun.dep_ == "dobj" and lemma(noun.head) in {"draw", "attract", "face", "receive", "trigger", "prompt", "invite", "spark", "avoid", "escape"}:
            more, deal2 = self._regulated_in(children(noun.head, "nsubj", "nsubjpass"))
            targets += more  # "the deal has drawn scrutiny from the FTC"
            deal = deal or deal2
        if noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.pos_ in {"AUX", "VERB"}:
            more, deal2 = self._regulated_in(children(noun.head.head, "nsubj", "nsubjpass"))
            targets += more  # "X is under investigation by the SEC"
            deal = deal or deal2
        if not targets and deal is None:
            if any(lemma(c) in {"market", "sector", "industry", "cloud", "study"} for c in noun.children if c.dep_ in {"compound", "amod", "nmod"}):
                return  # "a market investigation" is not about a deal
            earlier = [t for t in self.sent if t.i < noun.i and t.pos_ == "NOUN" and lemma(t) in DEAL_NOUNS]
            deal = earlier[-1] if earlier else noun  # "X cleared that deal, and Y gave its consent"
        yield Candidate("regulates", regs, targets, rule, conf, noun, deal_ref=deal)

    # ------------------------------------------------------------------ partners_with
    def _partner_verb(self, verb: Token, lem: str) -> Iterator[Candidate]:
        subs = self.subjects(verb)
        if lem in {"develop", "co-develop", "market", "co-market", "co-sell", "co-promote", "commercialise", "commercialize"}:
            others = self.pobjs(verb, {"with"})
            if others:
                yield Candidate("partners_with", subs, others, f"partner.{lem}_with", 0.75, verb)
            return
        if lem == "work" and not preps(verb, {"with"}):
            return
        others = self.pobjs(verb, {"with", "alongside"})
        if lem == "team":
            others += [m for p in children(verb, "prt") for m in self.pobjs(p, {"with"})]
        if others:
            yield Candidate("partners_with", subs, others, f"partner.{lem}", 0.8, verb)
        elif len(subs) >= 2 and lem != "work":
            yield from _all_pairs(subs, f"partner.{lem}.conj", 0.75, verb)

    # ------------------------------------------------------------------ role nouns
    def _include(self, verb: Token) -> Iterator[Candidate]:
        """"Y's investors/customers include X", "other participants included X"."""
        for s in children(verb, "nsubj"):
            head = lemma(s)
            owners = self.owners(s) + self.pobjs(s, {"of", "in"})
            listed = self.objects(verb)
            if head in INVESTOR_NOUNS:
                for r in preps(s, {"in"}):
                    if is_round(r):
                        owners += self._round_owner(r)
                if not owners and head == "participant":
                    raiser = self.coref.raiser(s)
                    owners = [raiser] if raiser else []
                yield Candidate("invests_in", listed, owners, "invest.include", 0.85, verb)
            elif head in CUSTOMER_NOUNS:
                yield Candidate("supplies", owners, listed, "supply.include", 0.8, verb)

    def _copula(self, verb: Token) -> Iterator[Candidate]:
        """"X is an investor in Y", "Y is a customer of X", "X is Y's primary cloud provider",
        "X is a unit of Y", "X has been part of Y"."""
        subs = self.subjects(verb)
        slots = children(verb, "attr", "oprd", "acomp") + preps(verb, {"as", "among"})
        slots += [p for p in preps(verb, {"by"}) if any(c.lower_ == "far" for c in p.head.children)]  # "is by far X's biggest customer"
        if lemma(verb) in UNIT_VERBS:
            slots = [p for p in preps(verb, {"inside", "within", "under", "as", "in"}) if lemma(p) in UNIT_NOUNS]
        for attr in slots:
            for cand in self._role_noun(attr, subs, f"copula.{lemma(verb)}"):
                if cand.predicate == "invests_in" and not cand.objects:
                    # "Nvidia is among the investors in xAI's round": "in" attached to the verb
                    for r in preps(verb, {"in"}):
                        cand.objects += self._round_owner(r) if is_round(r) else self.args(r)
                yield cand
            if attr.lower_ == "available":  # "Claude is available on Bedrock"
                yield from self._available(verb, attr)

    def _designate(self, verb: Token) -> Iterator[Candidate]:
        """"Anthropic named AWS its primary cloud provider", "picked the unit as a preferred
        cloud provider": the object holds the role for the subject."""
        holders = self.objects(verb)
        roles = children(verb, "oprd", "ccomp", "xcomp") + preps(verb, {"as"})
        for d in children(verb, "dobj"):
            roles += children(d, "appos", "oprd", "npadvmod") + preps(d, {"as"})
        # parser variant: "named AWS (AWS) its provider" -> two dobj
        dobjs = children(verb, "dobj")
        if len(dobjs) >= 2:
            holders = [m for d in dobjs[:-1] for m in self.args(d)]
            roles.append(dobjs[-1])
        if any(lemma(r) in GATEKEEPER_NOUNS for r in roles):
            # "the Commission designated it a gatekeeper together with X and Y"
            regulators = [m for m in self.subjects(verb) if m.entity.type in {"regulator", "government"}]
            listed = [m for p in preps(verb, {"with", "alongside"}) if p.head.lower_ == "alongside" or any(c.lower_ == "together" for c in p.head.children) for m in self.args(p)]
            yield Candidate("regulates", regulators, holders + listed, "regulate.designate_gatekeeper", 0.85, verb)
        for r in roles:
            head = lemma(r)
            if head in SUPPLIER_NOUNS and (head != "partner" or self._supply_modified(r)):
                custs = self.owners(r) + self.pobjs(r, {"for", "to", "of"}) or self.subjects(verb)
                attrs_ = {"exclusivity": ex} if (ex := self._exclusivity_mod(r)) else {}
                yield Candidate("supplies", holders, custs, "supply.designate", 0.85, verb, attrs_)

    def _available(self, verb: Token, adj: Token) -> Iterator[Candidate]:
        makers = [m for s in children(verb, "nsubj") if self._model_like(s) for m in self._model_maker(s)]
        hosts = [m for p in preps(adj, {"on", "through", "via", "in", "to"}) + preps(verb, {"on", "through", "via", "in"}) for m in self._platform(p)]
        yield Candidate("supplies", makers, hosts, "supply.available_on", 0.75, adj)

    def _platform(self, tok: Token) -> list[Mention]:
        direct = self.coref.mention_at(tok)
        if direct is not None:
            return self.args(tok)
        if lemma(tok) in MODEL_WORDS | SUPPLY_CONTEXT | {"offering", "offerings", "engine", "platform", "marketplace", "store"}:
            return self.args(tok, inner=True)
        return []

    def _role_noun(self, noun: Token, holders: list[Mention], rule: str) -> Iterator[Candidate]:
        """A role said of ``holders``: investor/backer, customer, provider/supplier, unit, parent."""
        if noun.lower_ in {"one", "among"} or lemma(noun) == "one":
            for p in preps(noun, {"of"}):
                yield from self._role_noun(p, holders, rule)
            return
        head = lemma(noun)
        if head in {"company", "firm", "business"} and any(lemma(c) == "parent" for c in children(noun, "compound", "amod")):
            head = "parent"  # "Y, the parent company of X"
        if head in {"company", "business", "brand"} and noun.dep_ == "appos" and any(c.lower_ in {"a", "an"} for c in noun.children):
            parents = [m for m in self.compounds(noun) if m.entity.type == "company"]
            if parents and len(list(noun.children)) <= 3:  # "Whole Foods, an Amazon company"
                yield Candidate("subsidiary_of", holders, parents, f"subsidiary.company_of.{rule}", 0.75, noun)
            return
        owners = self.owners(noun)
        if head in INVESTOR_NOUNS:
            targets = owners + self.pobjs(noun, {"in", "of", "into", "behind"})
            for r in preps(noun, {"in"}):
                if is_round(r) and self.coref.mention_at(r) is None:
                    targets += self._round_owner(r)
            if self._controlling(noun) or head == "owner":
                yield Candidate("subsidiary_of", targets, holders, f"subsidiary.controlling.{rule}", 0.85, noun)
            else:
                yield Candidate("invests_in", holders, targets, f"invest.{rule}", 0.85, noun)
        elif head in CUSTOMER_NOUNS:
            sups = owners + self.pobjs(noun, {"of", "for", "at"}) + self.compounds(noun)
            yield Candidate("supplies", sups, holders, f"supply.customer.{rule}", 0.8, noun)
        elif head in SUPPLIER_NOUNS and (head != "partner" or self._supply_modified(noun)):
            custs = owners + self.pobjs(noun, {"for", "to", "of"})
            attrs_ = {"exclusivity": ex} if (ex := self._exclusivity_mod(noun)) else {}
            yield Candidate("supplies", holders, custs, f"supply.provider.{rule}", 0.85, noun, attrs_)
        elif head in UNIT_NOUNS:
            if head == "business" and not owners:
                return
            parents = owners + self.pobjs(noun, {"of", "at", "within", "inside"})
            parents += [m for m in self.compounds(noun) if m.entity.type == "company"]
            yield Candidate("subsidiary_of", holders, parents, f"subsidiary.{rule}", 0.85, noun)
        elif head in PARENT_NOUNS:
            kids = owners + self.pobjs(noun, {"of"})
            yield Candidate("subsidiary_of", kids, holders, f"subsidiary.parent.{rule}", 0.85, noun)

    def _supply_modified(self, noun: Token) -> bool:
        return any(lemma(c) in SUPPLY_CONTEXT or c.lower_ in SUPPLY_CONTEXT for c in noun.children if c.dep_ in {"compound", "amod", "nmod"})

    def _exclusivity_mod(self, noun: Token) -> str | None:
        for c in noun.children:
            if c.dep_ in {"amod", "advmod", "compound"}:
                ex = attrs.exclusivity(c.text)
                if ex:
                    return ex
        return None

    # ------------------------------------------------------------------ nouns
    def _noun_rules(self, noun: Token, lem: str) -> Iterator[Candidate]:
        if lem in INVEST_NOUNS:
            yield from self._invest_noun(noun, lem)
        if lem in {"bid", "offer", "approach"} and preps(noun, {"for"}):
            # "Meta's bid for Scale AI": an attempt, kept as hedged
            bidders = self.owners(noun) + self.compounds(noun)
            if not bidders and noun.dep_ == "dobj":
                bidders = self.subjects(noun.head)
            targets = [m for m in self.pobjs(noun, {"for"}) if m.entity.type == "company"]
            yield Candidate("acquires", bidders, targets, f"acquire.noun.{lem}_for", 0.8, noun, {"hedged": True})
        if lem in ACQUIRE_NOUNS:
            targets = [m for m in self.pobjs(noun, {"of"}) if m.entity.type != "product"]
            acquirers = self.owners(noun) + self.pobjs(noun, {"by"})
            if not acquirers and targets:
                acquirers = self.compounds(noun)
            if not acquirers and targets and noun.dep_ == "dobj" and lemma(noun.head) in LIGHT_NOUN_VERBS | {"complete", "announce", "finalise", "finalize", "close", "pursue"}:
                acquirers = self.subjects(noun.head)
            if targets and not any(lemma(t) in STAKE_NOUNS | {"chip", "chips", "stores", "assets", "plants"} for t in preps(noun, {"of"})):
                yield Candidate("acquires", acquirers, targets, f"acquire.noun.{lem}", 0.85, noun)
                sellers = self.pobjs(noun, {"from"})
                if sellers:
                    yield Candidate("subsidiary_of", targets, sellers, "subsidiary.sold_by", 0.8, noun, keep_negated=True)
        if lem in DEAL_NOUNS and lem not in ACQUIRE_NOUNS | INVEST_NOUNS:
            yield from self._deal_noun(noun, lem)
        if lem in REGULATE_NOUNS:
            yield from self._regulate_noun(noun, lem)
        if lem in PARTNER_NOUNS - {"venture"} or (lem == "venture" and any(c.lower_ == "joint" for c in noun.children)):
            yield from self._partner_noun(noun, lem)
        if lem in {"licence", "license", "licensing"}:
            yield from self._licence_noun(noun)
        parent_company = lem in {"company", "firm", "group"} and any(lemma(c) == "parent" for c in children(noun, "compound", "amod"))
        if noun.dep_ == "appos" and (lem in INVESTOR_NOUNS | CUSTOMER_NOUNS | UNIT_NOUNS | PARENT_NOUNS | SUPPLIER_NOUNS or noun.lower_ == "one" or parent_company):
            yield from self._role_noun(noun, self.args(noun.head), "appos")
        if lem in PARENT_NOUNS and noun.dep_ != "appos":
            # "Google parent Alphabet": compound names the unit, appos/head names the parent
            kids = self.compounds(noun) + self.owners(noun)
            parents = [m for c in children(noun, "appos") for m in self.args(c)]
            if noun.dep_ == "compound":
                parents += self.args(noun.head)
            if not parents and (ref := self.coref.resolve(noun)) is not None:
                parents.append(ref)  # "the Google parent" -> the parent named earlier
            if kids and parents:
                yield Candidate("subsidiary_of", kids, parents, "subsidiary.parent.compound", 0.85, noun)
        if lem in UNIT_NOUNS - {"part", "business"} and noun.dep_ not in {"appos", "attr"}:
            # "Amazon's AWS unit", "its cloud unit AWS", "whose Whole Foods Market subsidiary"
            named = [m for c in children(noun, "compound", "appos") for m in self.args(c)]
            if noun.dep_ == "compound":
                named += self.args(noun.head)
            named = [m for m in named if m.entity.type == "company"]
            owners = self.owners(noun) + self.pobjs(noun, {"of"})
            if owners and named:
                yield Candidate("subsidiary_of", named, owners, "subsidiary.unit", 0.85, noun)

    def _invest_noun(self, noun: Token, lem: str) -> Iterator[Candidate]:
        investees = self.pobjs(noun, {"in", "into", "for"} | ({"on"} if lem == "bet" else set()))
        if not investees:  # "an investment of up to $1bn in Anthropic": "in" attached low
            investees = [m for o in preps(noun, {"of"}) for p in o.subtree if p.dep_ == "prep" and p.lower_ in {"in", "into"} for x in children(p, "pobj") for m in self.args(x)]
        investors = self.owners(noun) + self.pobjs(noun, {"from", "by"})
        if lem in {"commitment", "pledge", "funding", "financing", "backing", "investment"}:
            investees += self.pobjs(noun, {"to"})
            if not investees and noun.dep_ == "dobj":  # "unveiled a commitment of $4bn to X"
                investees += self.pobjs(noun.head, {"to"})
        for rel in children(noun, "relcl"):  # "the stakes that Amazon and Google hold in Anthropic"
            if lemma(rel) in {"make", "have", "hold", "take", "own", "provide", "pledge", "announce", "give"}:
                investors += self.subjects(rel)
                investees += self.pobjs(rel, {"in", "into", "to", "for"})
        if lem in {"funding", "financing", "backing"}:
            of = self.pobjs(noun, {"of"})
            if of:
                investees += of
            elif not investees and self.owners(noun):
                investees, investors = self.owners(noun), self.pobjs(noun, {"from", "by"})
        if not investors and noun.dep_ == "pobj" and noun.head.lower_ == "in" and lemma(noun.head.head) in {"provide", "commit", "pledge", "offer", "give"}:
            investors = self.subjects(noun.head.head)  # "SoftBank will provide $40bn in funding to X"
        if not investors and noun.dep_ == "dobj" and lemma(noun.head) in LIGHT_NOUN_VERBS | HEDGE_GOVERNORS | {"unveil", "disclose", "confirm", "extend", "increase", "double", "expand", "finalise", "finalize"}:
            investors = self.subjects(noun.head)  # "Amazon unveiled a commitment of $4bn to X"
        if not investors and investees:
            investors = self.compounds(noun)  # "the Amazon investment in Anthropic"
        if not investors and not investees and self.compounds(noun) and noun.dep_ == "pobj" and noun.head.lower_ == "on":
            investors = self.compounds(noun)  # "declined to comment on the Google investment"
            investees = self.subjects(noun.head.head) if noun.head.head.pos_ == "VERB" else []
        if lem in {"stake", "stakes", "holding", "shareholding"} and self._controlling(noun):
            yield Candidate("subsidiary_of", investees, investors, "subsidiary.majority_stake", 0.85, noun)
            return
        yield Candidate("invests_in", investors, investees, f"invest.noun.{lem}", 0.85, noun)

    def _deal_noun(self, noun: Token, lem: str) -> Iterator[Candidate]:
        """Register a deal and its parties ("their merger", "X's merger with Y", "merger of X and Y")
        so later "the deal" / "the transaction" can be resolved; yields no relation itself."""
        parties = self.owners(noun) + self.compounds(noun) + self.pobjs(noun, {"with", "between", "of"})
        if any(c.lower_ == "their" for c in children(noun, "poss")):
            head = noun.head
            while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
                head = head.head
            parties += self.subjects(head)
        if parties:
            yield Candidate("deal", parties, parties, f"deal.{lem}", 0.0, noun)

    def _venture_owners(self, noun: Token) -> Iterator[Candidate]:
        """"X, the joint venture between A and B" / "A and B formed a joint venture called X":
        the partners hold stakes in the venture they formed."""
        if not any(c.lower_ == "joint" for c in noun.children):
            return
        named: list[Mention] = self.args(noun.head) if noun.dep_ == "appos" else []
        for c in noun.children:
            if c.dep_ == "appos":
                named += self.args(c)
            elif c.dep_ == "acl" and lemma(c) in {"call", "name", "dub", "brand"}:
                named += [m for x in c.children if x.dep_ in {"oprd", "dobj", "attr"} for m in self.args(x)]
        owners = self.pobjs(noun, {"between"})
        if not owners and noun.dep_ == "dobj" and lemma(noun.head) in {"form", "create", "set", "establish", "launch", "found", "start"}:
            owners = self.subjects(noun.head)
        if named and owners:
            yield Candidate("invests_in", owners, named, "invest.joint_venture", 0.8, noun)

    def _partner_noun(self, noun: Token, lem: str) -> Iterator[Candidate]:
        if lem == "venture":
            yield from self._venture_owners(noun)
        a = self.owners(noun) + self.compounds(noun)
        b = self.pobjs(noun, {"with"})
        between = self.pobjs(noun, {"between"})
        if len(between) >= 2:
            yield from _all_pairs(between, f"partner.noun.{lem}.between", 0.8, noun)
        elif a and b:
            yield Candidate("partners_with", a, b, f"partner.noun.{lem}", 0.8, noun)
        elif len(a) >= 2:
            yield Candidate("partners_with", a[:1], a[1:], f"partner.noun.{lem}.compound", 0.75, noun)
        elif b and noun.dep_ == "dobj" and lemma(noun.head) in {"announce", "sign", "form", "strike", "extend", "expand", "deepen", "forge", "seal", "enter", "have", "agree"}:
            yield Candidate("partners_with", self.subjects(noun.head), b, f"partner.noun.{lem}.verb", 0.8, noun)
        elif not b and noun.dep_ == "dobj" and lemma(noun.head) in {"announce", "sign", "form", "strike", "forge", "seal", "enter"}:
            subs = self.subjects(noun.head)
            if len(subs) >= 2:
                yield from _all_pairs(subs, f"partner.noun.{lem}.conj", 0.75, noun)

    def _licence_noun(self, noun: Token) -> Iterator[Candidate]:
        """"its licence to Arm's technology": the technology's owner supplies the licensee."""
        licensors: list[Mention] = []
        for p in preps(noun, {"to", "for", "of", "from"}):
            licensors += self.args(p, inner=True)
        licensees = self.owners(noun)
        if not licensees:
            head = noun.head
            for _ in range(3):
                if head.pos_ == "VERB":
                    licensees = self.subjects(head)
                    break
                head = head.head
        yield Candidate("supplies", licensors, licensees, "supply.licence", 0.75, noun)

    def _backed_compound(self, tok: Token) -> Iterator[Candidate]:
        """"Google-backed Anthropic", "an Amazon-funded startup"."""
        backers = [m for c in tok.children if c.dep_ in {"npadvmod", "compound", "nmod", "advmod"} for m in self.args(c)]
        doc = tok.doc
        if not backers and tok.i > 1 and doc[tok.i - 1].text == "-":
            m = self.coref.mention_at(doc[tok.i - 2])
            backers = [m] if m else []
        if backers:
            yield Candidate("invests_in", backers, self._described(tok.head), "invest.backed_compound", 0.85, tok)

    def _led_compound(self, tok: Token) -> Iterator[Candidate]:
        """"a Sequoia-led Series B": the leader invests in the round's owner."""
        doc = tok.doc
        leaders = [m for c in tok.children if c.dep_ in {"npadvmod", "compound", "nmod"} for m in self.args(c)]
        if not leaders and tok.i > 1 and doc[tok.i - 1].text == "-":
            m = self.coref.mention_at(doc[tok.i - 2])
            leaders = [m] if m else []
        if leaders:
            yield Candidate("invests_in", leaders, self._round_owner(tok.head), "invest.led_compound", 0.8, tok)

    def _owned_compound(self, tok: Token) -> Iterator[Candidate]:
        owners = [m for c in tok.children if c.dep_ in {"npadvmod", "compound", "nmod"} for m in self.args(c)]
        doc = tok.doc
        if not owners and tok.i > 1 and doc[tok.i - 1].text == "-":
            m = self.coref.mention_at(doc[tok.i - 2])
            owners = [m] if m else []
        if owners and not any(c.lower_ in {"partly", "partially", "jointly"} for c in tok.children):
            yield Candidate("subsidiary_of", self._described(tok.head), owners, "subsidiary.owned_compound", 0.8, tok)

    def _described(self, noun: Token) -> list[Mention]:
        """The entity a modified noun describes, also through an apposition ("X, the Y-owned Z")."""
        found = self.args(noun)
        if not found and noun.dep_ == "appos":
            found = self.args(noun.head)
        return found

    def _possessive_units(self) -> Iterator[Candidate]:
        """"Alphabet's Google" where the gazetteer confirms the parent (reference knowledge)."""
        for tok in self.sent:
            if tok.dep_ != "poss":
                continue
            m = self.coref.mention_at(tok)
            if m is None or m.entity.type != "company":
                continue
            head = self.coref.mention_at(tok.head)
            if head is not None and head.entity.parent == m.entity.id:
                yield Candidate("subsidiary_of", [head], [m], "subsidiary.possessive", 0.8, tok)


def _all_pairs(parties: list[Mention], rule: str, confidence: float, trigger: Token) -> Iterator[Candidate]:
    """"A, B and C formed a venture": every pair partners, not just A with each of the others."""
    for i in range(len(parties) - 1):
        yield Candidate("partners_with", parties[i : i + 1], parties[i + 1 :], rule, confidence, trigger)


# ---------------------------------------------------------------- negation, hedging, attributes
def _verb_chain(tok: Token, limit: int = 6) -> list[Token]:
    """The trigger and the verbs (and plan-like nouns) that govern it as complements."""
    out = [tok]
    cur = tok
    for _ in range(limit):
        head = cur.head
        if head.i == cur.i:
            break
        own_subject = cur.dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in cur.children)
        if own_subject:
            break  # "No deal has been finalised, and Apple uses X": independent clauses
        if cur.dep_ in {"xcomp", "ccomp", "conj", "acl", "advcl", "pcomp", "auxpass", "aux", "attr", "acomp", "oprd"} or (
            cur.dep_ in {"dobj", "nsubjpass", "nsubj", "attr"} and cur.pos_ == "NOUN" and (lemma(cur) in HEDGE_NOUNS | DEAL_NOUNS | {"effort", "attempt", "bid", "intention", "agreement", "offer"} or lemma(head) in LIGHT_NOUN_VERBS)
        ) or (cur.dep_ == "pobj" and head.dep_ == "prep") or (cur.dep_ == "prep" and cur.head.pos_ == "NOUN" and lemma(cur.head) in HEDGE_NOUNS):
            out.append(head)
            cur = head
            if cur.dep_ == "ROOT":
                break
        else:
            break
    return out


def is_negated(trigger: Token, predicate: str) -> bool:
    """"has not invested", "denied plans to buy", "no plans to acquire", "abandoned its agreement
    to buy"; a regulator's negated approval still means it reviewed the deal."""
    if predicate == "regulates":
        if trigger.dep_ == "xcomp" and lemma(trigger.head) in PETITION_VERBS:
            return True  # "senators urged the FTC to examine ...": a request, not a review
        return lemma(trigger) in DIRECT_NEG_REGULATE and any(c.dep_ == "neg" or c.lower_ in {"never", "no"} for c in trigger.children)
    chain = _verb_chain(trigger)
    for i, t in enumerate(chain):
        if any(c.dep_ == "neg" or (c.lower_ in {"never", "no", "neither", "nor", "without"} and c.dep_ in {"det", "neg", "advmod", "preconj", "cc"}) for c in t.children):
            return True
        if t.pos_ in {"VERB", "AUX"} and any(c.dep_ in {"nsubj", "nsubjpass"} and any(d.lower_ in {"neither", "no"} for d in c.children) for c in t.children):
            return True
        if t.pos_ in {"VERB", "AUX"} and any(c.dep_ in {"dobj", "attr"} and any(d.lower_ in {"no", "zero"} and d.dep_ == "det" for d in c.children) for c in t.children):
            return True  # "had no ownership stake", "made no investment"
        if i > 0 and lemma(t) in NEG_GOVERNORS:
            if lemma(t) == "rule" and not any(c.lower_ == "out" for c in t.children):
                continue
            if lemma(t) == "call" and not any(c.lower_ == "off" for c in t.children):
                continue
            if lemma(t) in {"walk", "pull", "back"} and not any(c.lower_ in {"away", "out", "from"} for c in t.children):
                continue
            return True
        if i > 0 and lemma(t) in {"try", "attempt", "seek"} and t.tag_ in {"VBD", "VBN"}:
            return True  # "Nvidia once tried to buy Arm": a past attempt is not a deal
        if i > 0 and t.lower_ in NEG_NOUN_GOVERNORS:
            return True
        if t.lower_ in {"instead", "rather"} and i > 0:
            return True
    # "Instead of buying the company, ..." / "without buying"
    for t in chain:
        if t.dep_ == "pcomp" and t.head.lower_ in {"of", "without"} and (t.head.head.lower_ == "instead" or t.head.lower_ == "without"):
            return True
    return False


_HEDGE_WORDS_RE = re.compile(r"\b(?:" + "|".join(sorted(HEDGE_WORDS)) + r")\b")


def sentence_hedged(sent: Span) -> bool:
    """Sentence-wide hedges: "reportedly", "people familiar with", "in talks"."""
    low = sent.text.lower()
    if _HEDGE_WORDS_RE.search(low):
        return True
    if any(p in low for p in ("people familiar", "according to reports", "according to a report", "sources said", "said to be", "according to people", "is said to", "are said to", "people briefed", "people close to")):
        return True
    return bool(re.search(r"\bin (?:\w+ )?(?:talks|discussions|negotiations)\b", low))


def is_hedged(trigger: Token, sent: Span, sentence_flag: bool | None = None) -> bool:
    """Talks, plans, reports and rumours rather than done deals."""
    if sentence_flag if sentence_flag is not None else sentence_hedged(sent):
        return True
    for t in _verb_chain(trigger)[1:]:
        if lemma(t) in HEDGE_GOVERNORS or t.lower_ in HEDGE_NOUNS:
            return True
    for t in _verb_chain(trigger)[:3]:
        if any(c.dep_ == "aux" and c.lower_ in {"could", "may", "might"} for c in t.children):
            return True
    return False


def relation_attributes(predicate: str, trigger: Token, sent: Span) -> dict[str, Any]:
    """Attributes stated in the sentence, for the predicates they describe."""
    out = dict(_sentence_attributes(sent.text, predicate))
    money = out.pop("_money", None)
    if money:
        pick = _closest_money(money, trigger, sent)
        out.update(amount=pick.amount, currency=pick.currency, amount_usd=pick.amount_usd)
    return out


@functools.lru_cache(maxsize=4096)
def _sentence_attributes(text: str, predicate: str) -> tuple[tuple[str, Any], ...]:
    """The trigger-independent attributes of a sentence (cached: several facts share one)."""
    out: dict[str, Any] = {}
    if predicate in {"invests_in", "acquires"}:
        money = attrs.find_money(text)
        if money:
            out["_money"] = tuple(money)
    if predicate == "invests_in":
        stake = attrs.stake_percent(text)
        if stake is not None:
            out["stake_percent"] = stake
        out.update(attrs.board_rights(text))
        out.update(attrs.equity_flags(text))
        rnd = attrs.funding_round(text)
        if rnd:
            out["round"] = rnd
    if predicate == "supplies":
        ex = attrs.exclusivity(text)
        if ex:
            out["exclusivity"] = ex
    if predicate in {"acquires", "partners_with", "supplies", "invests_in"} and attrs.is_acquihire(text):
        out["acquihire"] = True
    return tuple(out.items())


def _closest_money(money: tuple[attrs.Money, ...], trigger: Token, sent: Span) -> attrs.Money:
    pos = trigger.idx - sent.start_char
    return min(money, key=lambda m: abs(m.start - pos))


VERB_TRIGGERS, NOUN_TRIGGERS = _trigger_sets()
