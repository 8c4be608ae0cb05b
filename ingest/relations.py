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
from ingest.surface import dep_labels, lemma_lower, pos_tags, span_text
from kg.schema import SCHEMA

# ---------------------------------------------------------------- lexicon (lemmas, lower case)
INVEST_VERBS = {"invest", "reinvest", "pour", "plow", "plough", "inject", "put", "pump", "sink", "pledge", "commit", "provide", "write"}
CHEQUE_NOUNS = {"cheque", "check", "checks", "cheques"}
BACK_VERBS = {"back", "fund", "finance", "bankroll", "underwrite", "co-finance", "seed", "co-fund", "refinance"}
RAISE_VERBS = {"raise", "secure", "receive", "get", "land", "close", "obtain", "attract", "accept", "gain", "take", "win", "draw"}
ROUND_VERBS = {"lead", "co-lead", "join", "participate", "contribute", "headline", "anchor", "co-invest", "take", "head", "spearhead", "front", "return"}
MONEY_NOUNS = {
    "investment", "funding", "financing", "round", "capital", "backing", "money", "cash",
    "injection", "infusion", "investments", "fundraise", "fundraising", "equity", "tranche",
    "billion", "million", "bn", "m", "$", "dollar", "dollars", "commitment", "debt", "loan",
}  # fmt: skip
ROUND_NOUNS = {"round", "financing", "funding", "fundraise", "fundraising", "raise", "investment", "series", "placement"}
INVEST_NOUNS = {"investment", "funding", "financing", "backing", "injection", "infusion", "bet", "stake", "holding", "commitment", "pledge", "stakes", "shareholding"}
INVESTOR_NOUNS = {"investor", "backer", "shareholder", "stakeholder", "funder", "financier", "participant", "owner", "co-lead", "co-investor", "coinvestor"}
STAKE_NOUNS = {"stake", "share", "shares", "interest", "holding", "equity", "shareholding", "position"}
FRACTION_NOUNS = {"third", "thirds", "quarter", "quarters", "half", "fifth", "fifths", "sixth", "tenth", "fraction", "portion", "slice", "chunk"}  # "owns a third of X"
EQUITY_NOUNS = {"stock", "share", "shares", "equity", "stake"}  # what "$Nm of X ..." buys when it is equity
STAKE_VERBS = {"take", "hold", "own", "acquire", "buy", "purchase", "have", "increase", "raise", "build", "amass", "get", "secure", "boost", "double", "retain", "keep", "pick", "add", "top", "lift"}
ACQUIRE_VERBS = {"acquire", "buy", "purchase", "absorb", "swallow", "snap"}
ACQUIRE_NOUNS = {"acquisition", "takeover", "purchase", "buyout"}
SELL_VERBS = {"sell", "offload", "divest", "issue", "transfer", "hand"}  # "sold a 15% stake to X", "sold unit Y to X"
SALE_NOUNS = {"sale", "divestiture", "divestment", "disposal"}
DEAL_NOUNS = {
    "deal", "transaction", "merger", "takeover", "acquisition", "purchase", "combination",
    "tie-up", "partnership", "agreement", "arrangement", "investment", "bid", "offer", "buyout",
    "union", "link-up", "alliance", "relationship", "pact", "stake", "stakes", "commitment",
    "commitments", "investments", "partnerships", "deals", "agreements", "tie-ups",
}  # fmt: skip
PARTY_NOUNS = {"companies", "firms", "parties", "groups", "businesses"}
SUPPLY_VERBS = {"deploy", "install", "resell", "supply", "provide", "sell", "deliver", "offer", "rent", "lease", "ship", "furnish", "power", "host", "license", "licence", "give", "grant", "manufacture", "produce", "fabricate", "make", "design", "build", "assemble"}
# "X's chips come from Y", "X's data centres are packed with Y's chips", "X accounts for 20% of Y's revenue"
SOURCED_VERBS = {"come", "pack", "fill", "equip", "stock", "outfit", "account"}
FILL_VERBS = {"pack", "fill", "equip", "stock", "outfit"}
REVENUE_NOUNS = {"revenue", "revenues", "sales", "turnover", "income", "bookings", "orders"}
QUANTITY_WORDS = {"tens", "hundreds", "thousands", "millions", "dozens", "many", "most", "some", "all", "much", "part", "half", "majority", "bulk", "share", "portion", "proportion", "fraction", "third", "quarter", "fifth", "%", "percent"}
# a service run for another company: "inference for X's chatbot is handled by Y"
SERVED_BY_VERBS = {"handle", "process", "operate", "manage", "run"}
SERVICE_NOUNS = {"inference", "training", "hosting", "computing", "compute", "processing", "storage", "serving", "workload", "workloads", "operations", "infrastructure"}
# selling or renting out another company's goods means buying them from it ("offers X's models")
RESELL_VERBS = {"sell", "resell", "rent", "lease", "license", "licence"}
MAKE_FOR_VERBS = {"manufacture", "produce", "fabricate", "make", "design", "build", "assemble", "deploy", "install"}
USE_VERBS = {
    "use", "adopt", "deploy", "rely", "depend", "run", "train", "buy", "purchase", "rent", "tap",
    "choose", "select", "pick", "switch", "license", "licence", "lease", "utilize", "utilise",
    "leverage", "build", "access", "procure", "spend", "migrate", "move", "shift", "standardize",
    "standardise", "source", "order", "remain", "roll", "reserve",
}  # fmt: skip
PAID_TO_USE = {"use", "adopt", "deploy", "rely", "depend", "run", "buy", "purchase", "rent", "choose", "select", "pick", "switch", "standardize", "standardise", "procure", "order", "preinstall", "install", "favour", "favor"}  # "paid X to use Y": X is the customer
BUSINESS_NOUNS = {  # a bought object that is a company or a part of one (acquisition, not supply)
    "business", "businesses", "unit", "division", "arm", "subsidiary", "operation", "operations", "company", "firm",
    "startup", "start-up", "developer", "maker", "chipmaker", "designer", "manufacturer", "rival", "group", "lab", "brand"}
SEPARATE_VERBS = {"spin", "spinoff", "demerge", "separate", "float", "divest"}  # a unit that leaves its owner
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
    "manufacturing", "modem", "modems", "component", "components", "archive", "archives",
    "content", "dataset", "datasets", "transceiver", "transceivers", "foundry", "campus",
    "fabrication", "packaging", "gpu-hours", "hosting", "colocation",
    "sensor", "sensors", "robot", "robots", "device", "devices", "equipment", "battery", "batteries",
    "display", "displays", "camera", "cameras", "laser", "lasers", "optics", "gigawatt", "gigawatts",
    "megawatt", "megawatts", "van", "vans", "truck", "trucks", "vehicle", "vehicles", "gear",
}  # fmt: skip
RUNS_ON_VERBS = {"run", "rely", "depend", "remain", "train"}  # "its workloads run on X's cloud"
BUY_CAPACITY_VERBS = {"buy", "purchase", "rent", "lease", "reserve", "procure", "order", "contract", "book", "source"}
# things a company runs on someone else's chips/cloud ("Y's facility runs on X's GPUs")
WORKLOAD_NOUNS = {
    "workload", "workloads", "facility", "facilities", "campus", "model", "models", "assistant",
    "chatbot", "app", "apps", "service", "services", "product", "products", "tool", "tools",
    "platform", "infrastructure", "operations", "website", "site", "systems", "system",
    "datacenter", "datacentre", "centre", "center", "centres", "centers", "cluster", "clusters",
    "software", "feature", "features", "search", "engine", "fleet", "deployment", "deployments",
    "rollout", "buildout", "build-out", "supercomputer", "supercomputers",
}  # fmt: skip
# participles that name where a supplied thing comes from ("chips designed by X", "GPUs rented from X")
SOURCE_PARTICIPLES = {
    "design", "make", "build", "manufacture", "produce", "fabricate", "supply", "provide", "rent",
    "lease", "buy", "purchase", "source", "license", "licence", "host", "run", "operate", "offer",
    "sell", "develop", "base", "power", "deliver", "ship", "procure",
}  # fmt: skip
# nouns naming one company's use of another's goods ("its use of Google Cloud", "access to X's chips")
USED_BY_VERBS = {"use", "deploy", "adopt", "license", "licence", "buy", "purchase", "rent", "lease", "order", "procure", "tap", "utilize", "utilise", "leverage"}
USE_NOUNS = {"use", "access", "reliance", "dependence", "dependency", "purchase", "purchases", "order", "orders", "deployment", "adoption", "spending"}
REGULATE_VERBS = {
    "investigate", "probe", "review", "examine", "scrutinise", "scrutinize", "fine", "clear",
    "approve", "block", "monitor", "study", "inquire", "query", "question", "sue", "challenge",
    "penalise", "penalize", "order", "summon", "subpoena", "audit", "assess", "vet", "prohibit",
    "look", "inspect", "target", "charge", "sanction", "warn", "halt", "stop", "oppose", "tell",
    "notify", "inform", "ask", "refer", "analyse", "analyze", "condition", "allow", "greenlight", "bless", "reject", "veto", "focus", "raise", "open", "launch", "begin", "start",
    "send", "issue", "end", "close", "conclude", "complete", "publish", "drop", "have", "conduct",
    "carry", "step", "intensify", "widen", "expand", "escalate", "deepen", "grant", "accept",
    "express", "voice", "flag", "find", "determine", "decide", "rule", "wave",
    "designate", "require", "force", "compel", "oblige", "oversee", "supervise", "police", "regulate",
    "take", "haul", "drag", "settle", "unwind",
}  # fmt: skip
COURT_VERBS = {"take", "haul", "drag"}  # only with "to court": "took X to court"
# triggers whose clause often spans a long sentence: a description there ("the company's") is a guess
NAMED_ONLY_REGULATE = {"trial", "unwind"}
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
    "proceeding", "proceedings", "findings", "finding", "look", "trial",
}  # fmt: skip
REGULATE_ARG_PREPS = {"into", "of", "on", "over", "against", "to", "for", "about", "regarding", "concerning", "in", "at", "with"}
DIRECT_NEG_REGULATE = {"investigate", "probe", "review", "examine", "scrutinise", "scrutinize", "look", "study", "inquire", "audit", "assess", "open", "launch", "challenge", "sue"}
# verbs whose object is a firm, never a deal: "fined it" is the company "it" names
COMPANY_REGULATE_VERBS = {"fine", "penalise", "penalize", "sue", "charge", "sanction", "summon", "subpoena", "designate", "order", "tell", "notify", "inform", "warn", "require", "force", "compel", "oblige", "supervise"}
UNIT_VERBS = {"operate", "sit", "live", "fall"}  # "X now sits inside Y's cloud division"
UNIT_NOUNS = {"unit", "subsidiary", "division", "arm", "affiliate", "branch", "subsidiaries", "units", "part", "business"}
PARENT_NOUNS = {"parent", "owner"}
# Someone in a role towards a firm: "X's backer", "the rival of X" name another party, not X.
ROLE_NOUNS = INVESTOR_NOUNS | CUSTOMER_NOUNS | SUPPLIER_NOUNS | PARENT_NOUNS | {
    "rival", "competitor", "challenger", "acquirer", "bidder", "suitor", "lender", "founder",
    "co-founder", "cofounder", "chief", "boss", "executive", "employee", "shareholder",
}  # fmt: skip
CONTROL_MODS = {"controlling", "majority", "sole", "parent"}
PARTNER_VERBS = {"partner", "collaborate", "team", "ally", "cooperate", "co-operate", "work", "develop", "co-develop", "co-market", "market", "co-sell", "co-promote", "commercialise", "commercialize", "join", "tie", "co-design", "design", "build"}
PARTNER_NOUNS = {"partnership", "alliance", "collaboration", "tie-up", "tieup", "pact", "cooperation", "co-operation", "venture", "up"}
PARTNER_FORM_VERBS = {
    "announce", "sign", "form", "strike", "extend", "expand", "deepen", "forge", "seal", "enter",
    "have", "agree", "unveil", "create", "set", "establish", "launch", "reach", "ink", "renew",
    "broaden", "finalise", "finalize", "conclude", "build", "start", "begin", "open",
}  # fmt: skip
# verbs whose subject is the user of the goods named by a use noun ("gained access to X's chips")
USE_NOUN_VERBS = {"gain", "get", "secure", "win", "have", "expand", "increase", "boost", "step", "ramp", "extend", "deepen", "double", "disclose", "place", "make", "announce", "sign", "keep", "retain", "need", "receive", "obtain", "grow"}
JOINT_WORK_VERBS = {"develop", "co-develop", "design", "co-design", "research", "create", "co-create", "commercialise", "commercialize", "co-market", "co-sell"}
CALL_OFF_VERBS = {"deny", "collapse", "fail", "reject", "dismiss", "refute", "abandon", "scrap", "cancel", "terminate", "quit", "exit", "dissolve", "unwind", "falter", "stall"}
NEG_GOVERNORS = {"deny", "reject", "rule", "dismiss", "refute", "abandon", "scrap", "drop", "call", "walk", "halt", "end", "terminate", "cancel", "quash", "shelve", "refuse", "fail", "stop", "cease", "avoid", "forgo", "rebuff", "spurn", "pull", "back", "block", "prohibit", "veto", "scupper", "derail", "thwart", "torpedo", "kill", "unwind"}
NEG_NOUN_GOVERNORS = {"without", "instead"}
HEDGE_GOVERNORS = {
    "weigh", "consider", "explore", "plan", "discuss", "negotiate", "mull", "seek", "eye", "try",
    "aim", "hope", "want", "propose", "intend", "contemplate", "float", "rumour", "rumor",
    "expect", "near", "pursue", "evaluate", "approach", "study", "examine", "report",
}  # fmt: skip
HEDGE_NOUNS = {"report", "reports", "talks", "talk", "plan", "plans", "discussions", "negotiations", "rumours", "rumors", "proposal", "possibility", "option", "speculation", "idea", "prospect"}
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
OBJECT_CONTROL = {"select", "choose", "pick", "hire", "tap", "appoint", "engage", "commission", "contract", "expect", "persuade", "ask", "allow", "clear", "approve", "authorise", "authorize", "permit", "urge", "force", "require", "order", "push", "pressure", "encourage", "want", "help", "enable", "get", "convince", "tell"}

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


_NEVER_TRIGGER_POS = {"PUNCT", "DET", "ADP", "CCONJ", "NUM", "SYM", "PRON", "SPACE"}
LEMMA_FIXES = {"fined": "fine", "fines": "fine", "fining": "fine"}  # the lemmatizer says "fin"


def _trigger_sets() -> tuple[set[str], set[str]]:
    """Every lemma any verb rule or noun rule starts from, so other tokens are skipped cheaply."""
    verbs = (
        INVEST_VERBS | BACK_VERBS | RAISE_VERBS | ROUND_VERBS | STAKE_VERBS | ACQUIRE_VERBS | SELL_VERBS
        | SUPPLY_VERBS | USE_VERBS | DISTRIBUTE_VERBS | REGULATE_VERBS | PARTNER_VERBS | SOURCED_VERBS | SERVED_BY_VERBS
        | {"take", "own", "control", "count", "list", "name", "include", "be", "become", "remain",
           "serve", "act", "stay", "sign", "join", "come", "return", "rank", "make", "pick",
           "choose", "select", "appoint", "designate", "tap", "call", "pay", "strike", "ink",
           "seal", "reach", "agree", "lift", "boost", "drive", "fuel", "power", "help", "hold",
           "have", "acquire", "buy", "conclude", "find", "determine", "decide", "rule", "merge"}
        | UNIT_VERBS
    )  # fmt: skip
    nouns = (
        INVEST_NOUNS | ACQUIRE_NOUNS | SALE_NOUNS | DEAL_NOUNS | REGULATE_NOUNS | PARTNER_NOUNS
        | INVESTOR_NOUNS | CUSTOMER_NOUNS | UNIT_NOUNS | PARENT_NOUNS | SUPPLIER_NOUNS | USE_NOUNS
        | {"licence", "license", "licensing", "bid", "offer", "approach", "company", "firm", "group", "business", "brand", "one", "fund", "vehicle"}
    )  # fmt: skip
    return verbs, nouns


def lemma(tok: Token) -> str:
    low = tok.lower_
    return CO_WORDS.get(low) or LEMMA_FIXES.get(low) or lemma_lower(tok)


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
        low = span_text(sent).lower()
        self._competitive = any(w in low for w in ("unlike", "rival", "compet", "than", "versus", "vs", "challenger", "beat", "outpace"))
        # every rule family asks for the same verbs' subjects and the same phrases' entities: answer once
        self._args: dict[tuple[int, bool, int], list[Mention]] = {}
        self._subjects: dict[int, list[Mention]] = {}

    # ------------------------------------------------------------------ argument helpers
    def args(self, tok: Token | None, *, inner: bool = False, depth: int = 0) -> list[Mention]:
        """Entities a syntactic argument refers to: a name, a description, a pronoun, a list
        ("hundreds of companies, including Apple and Qualcomm"), or (with ``inner``) a name
        inside the phrase ("AWS Trainium chips" -> AWS); conjuncts included."""
        if tok is None or depth > 4:
            return []
        key = (tok.i, inner, depth)
        found = self._args.get(key)
        if found is None:
            found = []
            for t in self._coordinated(tok):
                for m in self._one(t, inner=inner, depth=depth):
                    if all(m.entity.id != o.entity.id for o in found):
                        found.append(m)
            self._args[key] = found
        return list(found)  # a copy: callers extend what they get

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
        group = self.coref.group(tok)  # "both", "the pair", "the two companies", "they"
        if group:
            return group
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
        if inner and lemma(tok) in ROLE_NOUNS:
            return []  # "the cloud of OpenAI's biggest backer": the backer, not OpenAI
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
                if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.dep_ == "appos" and noun.head.lower_ != "at":  # not "a partner at X, which"
                    noun = noun.head.head  # "X, the venture between A and B, which ...": ambiguous, take X
                if noun.dep_ == "appos" and self.coref.mention_at(noun) is None and self.coref.mention_at(noun.head) is not None:
                    # "Virgin Media O2, the venture between A and B, which ...": the named head; in a list
                    # ("A, B and Sharp, the maker that Foxconn bought") only the item right before it
                    items = [t for t in self._coordinated(noun.head) if t.i < noun.i]
                    named = self.coref.mention_at(max(items, key=lambda t: t.i))
                    if len(items) > 1:
                        return [] if named is None or self._is_competitor(noun.head) else [named]
                    noun = noun.head
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
        found = self._subjects.get(verb.i)
        if found is None:
            found = self._subjects[verb.i] = self._find_subjects(verb)
        return list(found)

    def _find_subjects(self, verb: Token) -> list[Mention]:
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
            if verb.head.lower_ == "for" and lemma(verb.head.head) in COMPANY_REGULATE_VERBS | REGULATE_VERBS:
                return []  # "the Commission fined X for paying Y": the conduct is X's, never the regulator's
            return self.subjects(verb.head.head)
        return []

    def passive_subjects(self, verb: Token) -> list[Mention]:
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                return self.args(c)
        if verb.dep_ in {"acl", "amod", "relcl"}:
            return self._described(verb.head)  # "X, the AI company owned by Y": through the apposition
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
        doc = self.sent.doc
        tags = pos_tags(doc)
        for i in range(self.sent.start, self.sent.end):
            pos = tags[i]
            if pos in _NEVER_TRIGGER_POS:
                continue  # no rule starts from these (every token passes here: no Token built)
            tok = doc[i]
            if pos in {"VERB", "AUX"} or (pos == "ADJ" and tok.tag_ == "VBN") or tok.lower_ in CO_WORDS:
                lem = lemma(tok)
                if lem in VERB_TRIGGERS:
                    yield from self._verb_rules(tok, lem)
            elif pos in {"NOUN", "PROPN"}:
                lem = lemma(tok)
                if lem in NOUN_TRIGGERS:
                    yield from self._noun_rules(tok, lem)
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
                funders = self.agents(verb)
                if any(money_like(a) for a in preps(verb, {"by"})):  # "backed by $13bn from X"
                    funders += [m for a in preps(verb, {"by"}) for m in self.pobjs(a, {"from"})] + self.pobjs(verb, {"from"})
                yield Candidate("invests_in", funders, self.passive_subjects(verb), "invest.back.passive", 0.9, verb)
            else:
                yield Candidate("invests_in", self.subjects(verb), self.objects(verb), "invest.back", 0.9, verb)
        if lem in RAISE_VERBS and not passive:
            yield from self._raise_verb(verb, lem)
        if lem in ROUND_VERBS:
            yield from self._round_verb(verb, lem, passive)
        if lem in {"own", "hold", "control", "have", "acquire", "buy", "take"}:
            for d in children(verb, "dobj"):  # "Microsoft owns about 27% of OpenAI", "a third of X", "1% of X's shares"
                if (d.lower_ in {"%", "percent"} or d.ent_type_ == "PERCENT" or lemma(d) in FRACTION_NOUNS) and preps(d, {"of"}):
                    holders = self.agents(verb) if passive else self.subjects(verb)
                    if any(t.lower_ in {"founder", "co-founder", "cofounder", "founders"} for t in self.sent):
                        holders = [m for m in holders if m.entity.type != "person"]  # a founder's equity is not an investment
                    yield Candidate("invests_in", holders, [m for p in preps(d, {"of"}) for m in self._equity_issuers(p)], "invest.percent_of", 0.85, verb)
        if lem in {"buy", "purchase", "acquire", "take", "pick", "receive", "get", "obtain", "hold", "own"}:
            for d in children(verb, "dobj"):  # "buy about $335m of Cerebras stock", "received $350m of X stock"
                for p in preps(d, {"of", "in"}) + (preps(verb, {"of"}) if money_like(d) else []):
                    if money_like(d) and lemma(p) in EQUITY_NOUNS - {"stake"}:
                        holders = self.agents(verb) if is_passive(verb) else self.subjects(verb)
                        issuers = [m for m in self._equity_issuers(p) if m.entity.type == "company"]
                        yield Candidate("invests_in", holders, issuers, "invest.buy_stock", 0.85, verb)
        if lem in STAKE_VERBS:
            for d in children(verb, "dobj"):
                if lemma(d) in STAKE_NOUNS and not d.lower_ == "share" or (lemma(d) == "share" and preps(d, {"in"})):
                    if lem in {"pick", "add"} and not (lem == "add" or any(c.lower_ == "up" for c in verb.children)):
                        continue
                    holders = self.agents(verb) if passive else self.subjects(verb) + self._co_investors(verb)
                    pred, rule = ("subsidiary_of", "subsidiary.majority_stake") if self._controlling(d) else ("invests_in", "invest.stake")
                    targets = self._investees(preps(d, {"in", "of"}) + preps(verb, {"in"}))
                    if pred == "subsidiary_of":
                        yield Candidate(pred, targets, holders, rule, 0.85, verb)
                    else:
                        yield Candidate(pred, holders, targets, rule, 0.9, verb)
        if lem in SELL_VERBS:
            yield from self._sell_verb(verb, passive)
        if lem in {"come", "rely", "depend"} and not passive:
            yield from self._funds_from(verb, lem)
        if lem == "merge" and not children(verb, "dobj"):
            yield from self._merge_into(verb, passive)
        if lem == "pay" and (not passive or verb.dep_ == "acl"):
            yield from self._pay_for(verb)
        if lem in ACQUIRE_VERBS or (lem in {"take", "pick"} and any(c.lower_ == ("over" if lem == "take" else "up") for c in children(verb, "prt", "prep"))):
            yield from self._acquire_verb(verb, lem, passive)
        if lem in SUPPLY_VERBS:
            yield from self._supply_verb(verb, lem, passive)
        if lem in USE_VERBS and not passive:
            yield from self._use_verb(verb, lem)
        if lem in USED_BY_VERBS and passive:
            yield from self._used_by(verb, lem)
        if lem in {"train", "run"} and passive:
            yield from self._trained_on(verb, lem)
        if lem in {"draw", "attract", "get", "receive", "bring"} and not passive:
            for subj in children(verb, "nsubj"):  # "the round also drew money from X and Y"
                if is_round(subj) and any(money_like(d) for d in children(verb, "dobj")):
                    yield Candidate("invests_in", self.pobjs(verb, {"from"}), self._round_owner(subj), "invest.round_drew", 0.8, verb)
                elif is_round(subj) and (lem != "bring" or any(c.lower_ == "in" for c in children(verb, "prt", "prep"))):
                    # "that round drew X as well as Y", "the round also brought in X and Y"
                    named = [m for d in children(verb, "dobj") + preps(verb, {"in"}) if self.coref.mention_at(d) is not None for m in self.args(d)]
                    yield Candidate("invests_in", [m for m in named if m.entity.type == "company"], self._round_owner(subj), "invest.round_drew", 0.8, verb)
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
        if lem in SOURCED_VERBS:
            yield from self._sourced(verb, lem)
        if lem in SERVED_BY_VERBS and passive:
            yield from self._served_by(verb)
        if lem in REGULATE_VERBS:
            yield from self._regulate_verb(verb, lem, passive)
        elif lem == "sign" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children):
            yield from self._regulate_verb(verb, "approve", passive)  # "the KFTC signed off on the deal"
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
            named_roles = preps(verb, {"among", "as"})
            roles = list(named_roles)
            for p in named_roles:  # "among its customers and investors": each role
                roles += [
                    c for c in p.conjuncts
                    if c.pos_ == "NOUN" and c not in roles and not any(self.coref.mention_at(t) for t in self.sent.doc[min(p.i, c.i) : max(p.i, c.i)])
                ]  # not "among its investors and Y among its customers": Y has a role of its own
            for p in roles:
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
        dobjs = children(verb, "dobj")
        if self._no_plans(verb):
            return
        targets = self._investees(preps(verb, {"in", "into"}) + [p for d in dobjs for p in preps(d, {"in", "into"})])
        if lem == "write":  # "wrote a $50m cheque to X"
            if not any(lemma(d) in CHEQUE_NOUNS for d in dobjs):
                return
            targets += self._investees(preps(verb, {"to", "for"}) + [p for d in dobjs for p in preps(d, {"to", "for"})])
        elif lem in {"pledge", "commit", "provide"}:
            if not any(money_like(d) or self._instrument(d) for d in dobjs):
                return
            tos = preps(verb, {"to"}) + [p for d in dobjs for p in preps(d, {"to"})]
            inside = {t.i for p in tos for t in p.subtree}  # not "to X, which buys its chips"
            if not any(lemma(t) in BUY_CAPACITY_VERBS | {"capacity", "compute", "services"} for t in self.sent if t.i not in inside):
                # "committing $9.7bn to X" in a sentence about renting capacity is a purchase, not equity
                targets += [m for p in tos for m in self.args(p)]
        elif lem != "invest" and not any(money_like(d) for d in dobjs):
            return
        investors = self.agents(verb) if passive else self.subjects(verb) + self._co_investors(verb)
        if passive and not investors and verb.dep_ == "acl" and lem == "invest":
            investors = self.args(verb.head)  # parser variant: "SoftBank, ..., also invested in X"
        targets, gapped = self._gapped(targets)
        for c in children(verb, "conj"):  # parser variant: "..., and Y another $1bn" as a verb conjunct
            if self.coref.mention_at(c) is not None and any(t.text in {"$", "€", "£"} or t.ent_type_ == "MONEY" for t in c.subtree):
                gapped += self.args(c)
        yield Candidate("invests_in", investors, targets, f"invest.{lem}", 0.9, verb)
        if gapped and targets:  # "X will invest $5bn in Z and Y $10bn": Y also invests in Z
            yield Candidate("invests_in", gapped, targets, f"invest.{lem}.gapped", 0.8, verb)

    def _funds_from(self, verb: Token, lem: str) -> Iterator[Candidate]:
        """"The $6bn that X raised came from A and B", "Most of the funding came from A", "X has
        relied on money from A": A invests in X. Revenue or orders "coming from" A are not funds."""
        funds = {"money", "funding", "cash", "capital", "financing", "backing", "investment", "round", "fundraising"}
        if lem == "come":
            subj = [s for c in children(verb, "nsubj") for s in ([c] + [o for o in preps(c, {"of"}) if lemma(c) in {"most", "much", "half", "all", "bulk", "rest", "majority", "part"}])]
            subj = [s for s in subj if lemma(s) in funds or (money_like(s) and any(lemma(r) in RAISE_VERBS for r in children(s, "relcl")))]
        else:
            subj = [o for o in preps(verb, {"on", "upon"}) if lemma(o) in funds]
        if not subj:
            return
        investors = self.pobjs(verb, {"from"}) + [m for s in subj for m in self.pobjs(s, {"from"})]
        if lem != "come":
            yield Candidate("invests_in", investors, self.subjects(verb), "invest.relies_on_funds", 0.8, verb)
            return
        investees = [m for s in subj for r in children(s, "relcl") if lemma(r) in RAISE_VERBS for m in self.subjects(r)]
        investees += [m for s in subj if not investees for m in (self._round_owner(s) if is_round(s) else self.owners(s))]
        if not investees and any(lemma(s) in funds for s in subj):
            raiser = self.coref.raiser(verb)
            investees = [raiser] if raiser is not None and raiser.start >= self._previous_start() else []
        yield Candidate("invests_in", investors, investees, "invest.funds_came_from", 0.8, verb)

    def _co_investors(self, verb: Token) -> list[Mention]:
        """"X took a stake in Z alongside A and B": named co-investors (never a resolved "the deal").
        The parser may hang "alongside" on the verb, the stake or the investee."""
        hosts = [verb, *children(verb, "dobj")]
        hosts += [o for h in list(hosts) for p in h.children if p.dep_ == "prep" and p.lower_ in {"in", "into"} for o in children(p, "pobj")]
        found = [m for h in hosts for m in self._together_with(h) if not m.coref]
        return [m for i, m in enumerate(found) if all(m.entity.id != o.entity.id for o in found[:i])]

    def _investees(self, toks: list[Token]) -> list[Mention]:
        """Who receives money put "into X", "into X's latest round", "for X's seed extension",
        "in the Stargate joint venture"."""
        out: list[Mention] = []
        for t in toks:
            found = self.args(t)
            if not found and self.coref.mention_at(t) is None and (is_round(t) or lemma(t) in {"extension", "seed", "raise"}):
                found = self._round_owner(t) if is_round(t) else self.owners(t)
            if not found and lemma(t) in {"venture", "project", "company", "start-up", "startup", "firm", "business", "vehicle"}:
                found = [m for c in children(t, "compound", "nmod", "amod") if (m := self.coref.mention_at(c)) is not None and m.entity.type == "company"]
            out += [m for m in found if m not in out]
        return out

    def _equity_issuers(self, tok: Token) -> list[Mention]:
        """Whose equity an "of"-object is: the company itself ("27% of X") or the issuer of the
        shares named ("1% of X's shares", "$2bn of X common stock", "shares in X")."""
        if lemma(tok) not in EQUITY_NOUNS or self.coref.mention_at(tok) is not None:
            return self.args(tok)
        return [m for m in self.owners(tok) + self.compounds(tok) + self.pobjs(tok, {"of", "in"}) if m.entity.type == "company"]

    def _instrument(self, tok: Token) -> bool:
        """A financing instrument with an amount: "a $12m convertible note", "$5m in notes"."""
        return lemma(tok) in {"note", "notes", "bond", "bonds", "safe"} and any(money_like(c) or c.lower_ == "convertible" for c in tok.children)

    def _gapped(self, targets: list[Mention]) -> tuple[list[Mention], list[Mention]]:
        """Split off conjoined "targets" directly followed by an amount: in gapping ("in Z and Y
        up to $10bn") the parser joins the second investor to the investee."""
        kept: list[Mention] = []
        gapped: list[Mention] = []
        doc = self.sent.doc
        for m in targets:
            nxt = m.end
            while nxt < self.sent.end and doc[nxt].text == ",":
                nxt += 1
            root = doc[m.start : m.end].root
            window = doc[nxt : min(nxt + 4, self.sent.end)]
            lead = window[0].lower_ if len(window) else ""
            follows_amount = (lead in {"$", "€", "£", "up", "as", "another", "about", "roughly", "some", "nearly", "around"} or window[0].ent_type_ == "MONEY") and any(
                t.text in {"$", "€", "£"} or t.ent_type_ == "MONEY" for t in window
            )
            if nxt < self.sent.end and doc[nxt].pos_ == "VERB" and doc[nxt].dep_ == "conj" and not children(doc[nxt], "nsubj", "nsubjpass"):
                continue  # "in Z and Y raised ...": Y is the subject of the next clause
            (gapped if root.dep_ == "conj" and follows_amount else kept).append(m)
        return kept, gapped

    def _stranded_subject(self, verb: Token) -> list[Mention]:
        """"X invested in Z and Y raised $1bn": the parser hangs Y on Z and leaves the second verb
        without a subject; the name right before such a conjoined verb is its subject."""
        if verb.dep_ != "conj" or children(verb, "nsubj", "nsubjpass") or verb.i == 0:
            return []
        m = self.coref.mention_at(verb.doc[verb.i - 1])
        return [m] if m is not None and m.start >= self.sent.start else []

    def _raise_verb(self, verb: Token, lem: str) -> Iterator[Candidate]:
        dobjs = children(verb, "dobj")
        if not (any(money_like(d) for d in dobjs) or (lem == "raise" and not dobjs)):
            return
        if lem == "raise" and any(lemma(d) in {"concern", "concerns", "question", "questions", "price", "prices", "stake", "objection", "objections"} for d in dobjs):
            return
        if lem != "raise" and self._recurring_payment(verb):
            return  # "receives $20bn a year from X for making it the default": a fee, not funding
        sources = self.pobjs(verb, {"from"}) + self._participation(verb)
        for d in dobjs:
            sources += self.pobjs(d, {"from"}) + self._led_by(d)
        named_raiser = any(c.pos_ != "PRON" for c in children(verb, "nsubj"))  # "it raised ..." leans on coreference: keep to direct sources
        for o in preps(verb, {"from"}) + [o for d in dobjs for o in preps(d, {"from"})]:
            if named_raiser and lemma(o) in INVESTOR_NOUNS and self.coref.mention_at(o) is None:
                sources += self._led_by(o)  # "raised $1bn from investors led by X and Y"
        for r in preps(verb, {"in", "as"}):
            if is_round(r):
                sources += self._led_by(r)
        yield Candidate("invests_in", sources, self._stranded_subject(verb) or self.subjects(verb), f"invest.raise.{lem}", 0.9, verb)

    def _recurring_payment(self, verb: Token) -> bool:
        """Money received "a year"/"annually" or "for doing" something is a payment for a service."""
        near = [c for c in verb.children if c.dep_ in {"advmod", "npadvmod"}] + [c for d in children(verb, "dobj") for c in d.subtree]  # not inside other clauses
        per = any(t.lower_ in {"annually", "yearly", "monthly", "quarterly"} for t in near)
        per = per or any(lemma(c) in {"year", "month", "quarter"} and any(d.lower_ in {"a", "per", "each", "every"} for d in c.children) for c in near)
        fee = any(c.tag_ == "VBG" for p in verb.children if p.dep_ == "prep" and p.lower_ == "for" for c in p.children)
        return per or fee

    def _no_plans(self, verb: Token) -> bool:
        """"had no plans/intention to acquire X": the act is ruled out (a "no" on the governing noun)."""
        cur = verb
        for _ in range(3):
            if cur.head.i == cur.i:
                return False
            cur = cur.head
            if cur.pos_ == "NOUN" and any(c.lower_ == "no" and c.dep_ == "det" for c in cur.children):
                return True
        return False

    def _round_verb(self, verb: Token, lem: str, passive: bool) -> Iterator[Candidate]:
        if passive:
            if lem in {"lead", "co-lead", "anchor", "head", "spearhead", "front"}:
                for subj in children(verb, "nsubjpass"):
                    rnd_subj = subj if is_round(subj) else self._round_it(subj)
                    if rnd_subj is not None:
                        investors = self.agents(verb) + self._participation(verb)
                        yield Candidate("invests_in", investors, self._round_owner(rnd_subj), "invest.round.passive", 0.85, verb)
                rnd = verb.head
                if verb.dep_ == "relcl" and lemma(rnd) not in ROUND_NOUNS and rnd.dep_ == "pobj" and is_round(rnd.head.head):
                    rnd = rnd.head.head  # "a Series C round in May, which was led by X"
                if verb.dep_ in {"acl", "relcl"} and is_round(rnd):
                    yield Candidate("invests_in", self.agents(verb), self._round_owner(rnd), "invest.round.acl", 0.85, verb)
            return
        rounds = [d for d in children(verb, "dobj") if is_round(d)]
        rounds += [p for p in preps(verb, {"in", "on"} | ({"for", "to"} if lem == "return" else set())) if is_round(p)]
        if verb.dep_ == "relcl" and is_round(verb.head) and any(p.lower_ in RELATIVES for p in preps(verb, {"in"}) + [p for d in children(verb, "dobj") for p in preps(d, {"in"})]):
            rounds.append(verb.head)  # "the X round, in which A and B also took part"
        if lem == "take":  # "took part in the round"
            if not any(lemma(d) == "part" for d in children(verb, "dobj")):
                return
            rounds = [p for d in children(verb, "dobj") for p in preps(d, {"in"}) if is_round(p)] + [p for p in preps(verb, {"in"}) if is_round(p)]
        investors = self._inverted_investors(verb) or self.subjects(verb) + self._together_with(verb)
        for r in rounds:
            yield Candidate("invests_in", investors + self._together_with(r), self._other_owner(r, investors), f"invest.round.{lem}", 0.85, verb)
            others = [m for a in children(r, "appos") if is_round(a) for m in self._led_by(a)]
            if others:  # "..., a round headed by X that also drew money from Y"
                yield Candidate("invests_in", others, self._round_owner(r), "invest.round.appos", 0.8, verb)
        takes_part = lem == "take" and any(lemma(d) == "part" for d in children(verb, "dobj")) and not preps(verb, {"in"}) and not [p for d in children(verb, "dobj") for p in preps(d, {"in"})]
        bare = lem in {"participate", "co-invest"} and not rounds and not children(verb, "dobj") and not preps(verb, {"in"})
        if takes_part or bare or (lem == "join" and not children(verb, "dobj") and not preps(verb, {"in", "as"}) and any(c.lower_ in {"also", "too", "well"} for c in verb.subtree)):
            # "Existing investors X and Y also took part": the round raised just before
            raiser = self.coref.raiser(verb)
            owners = self._earlier_round_owner(verb, investors)
            if owners:  # "X joined the round for Z; existing investors A and B also took part"
                yield Candidate("invests_in", investors, owners, f"invest.round.{lem}_bare", 0.75, verb)
            elif raiser is not None and verb.sent.start - raiser.start < 80:
                yield Candidate("invests_in", investors, [raiser], f"invest.round.{lem}_bare", 0.75, verb)

    def _earlier_round_owner(self, verb: Token, investors: list[Mention]) -> list[Mention]:
        """The owner named on a round earlier in the same sentence ("the round for Z", "Z's
        Series B"): what a bare "also took part" later in that sentence refers to."""
        ids = {m.entity.id for m in investors}
        for t in self.sent[: verb.i - self.sent.start]:
            if is_round(t) and self.coref.mention_at(t) is None:
                owners = [m for m in self.owners(t) + self.pobjs(t, {"in", "for", "of", "into"}) if m.entity.id not in ids and m.entity.type == "company"]
                if owners:
                    return owners
        return []

    def _round_it(self, tok: Token) -> Token | None:
        """"It was led by X" right after a sentence about a round: "it" is that round."""
        if tok.lower_ != "it" or self.sent.start == 0:
            return None
        prev = tok.doc[self.sent.start - 1].sent
        rounds = [t for t in prev if is_round(t) and self.coref.mention_at(t) is None]
        return rounds[-1] if rounds else None

    def _inverted_investors(self, verb: Token) -> list[Mention]:
        """"Leading the round was X, with Y following on" / "Joining the round were X and Y": a
        fronted participle whose investors follow the copula (parsed as its attr or subject)."""
        if verb.tag_ != "VBG" or verb.i != self.sent.start:
            return []
        bes = [b for b in children(verb, "aux") if lemma(b) == "be"]
        if not bes:
            return []
        found = [m for b in bes for a in children(b, "attr", "nsubj") for m in self.args(a)] + [m for c in children(verb, "nsubj") for m in self.args(c)]
        for p in [p for b in bes for p in preps(b, {"with"})]:  # "with Y following on" / "with Y"
            found += [m for t in ([p] if self.coref.mention_at(p) is not None else children(p, "nsubj")) for m in self.args(t)]
        return found

    def _other_owner(self, round_tok: Token, investors: list[Mention]) -> list[Mention]:
        """The round's owner, never one of its investors: in "X joined its round alongside Y",
        "its" is the investee named earlier, not X (one does not join one's own round)."""
        ids = {m.entity.id for m in investors}
        framed = self._relative_round_owner(round_tok)
        if framed is not None:
            return [m for m in framed if m.entity.id not in ids]
        owners = [m for m in self._round_owner(round_tok) if m.entity.id not in ids]
        if not owners and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in round_tok.children):
            raiser = self.coref.raiser(round_tok)
            owners = [raiser] if raiser is not None and raiser.entity.id not in ids else []
        return owners

    def _relative_round_owner(self, round_tok: Token) -> list[Mention] | None:
        """"X was backed by A and by B, which led its Series B": in a relative clause about an
        investor, "its" round is the funded party of the clause the investor sits in (None if the
        round is not so framed)."""
        verb = round_tok.head
        objs = [round_tok, *children(verb, "dobj")]  # "its $35m Series B" may parse as two objects
        if verb.dep_ != "relcl" or not any(c.dep_ == "poss" and c.pos_ == "PRON" for o in objs for c in o.children):
            return None
        gov = verb.head
        for _ in range(6):
            if gov.pos_ in {"VERB", "AUX"} or gov.head.i == gov.i:
                break
            gov = gov.head
        if gov.pos_ not in {"VERB", "AUX"} or lemma(gov) not in BACK_VERBS | INVEST_VERBS | {"support"}:
            return None
        funded = self.passive_subjects(gov) if is_passive(gov) else self.objects(gov)
        return [m for m in funded if m.entity.type == "company"]

    def _together_with(self, verb: Token) -> list[Mention]:
        """Co-investors named by "alongside X" / "together with X" on a funding verb or round."""
        return self.pobjs(verb, {"alongside"}) + [m for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" and any(c.lower_ in {"together", "jointly", "along"} for c in p.children) for o in children(p, "pobj") for m in self.args(o)] + [
            m for a in verb.children if a.dep_ == "advmod" and a.lower_ in {"together", "jointly", "along"} for m in self.pobjs(a, {"with"})
        ]

    def _participation(self, tok: Token) -> list[Mention]:
        """"..., with participation from X and Y" attached to a verb or a round; also "with X and Y
        also in the deal/round" (the parser hangs "in the deal" on the verb, next to "with")."""
        out = [m for p in preps(tok, {"with"}) if lemma(p) == "participation" for m in self.pobjs(p, {"from", "by", "of"})]
        doc = tok.doc
        for p in preps(tok, {"with"}):
            if self.coref.mention_at(p) is None:
                continue
            nxt = p.right_edge.i + 1
            while nxt < self.sent.end and doc[nxt].lower_ in {"also", "too", "both", "all"}:
                nxt += 1
            if nxt < self.sent.end and doc[nxt].lower_ in {"in", "on"} and any(is_round(o) or lemma(o) in {"deal", "board", "lead"} for o in children(doc[nxt], "pobj")):
                out += self.args(p)  # "with X also in the deal", "with Y on board"
            elif nxt < self.sent.end and doc[nxt].lower_ == "among" and any(lemma(o) in INVESTOR_NOUNS for o in children(doc[nxt], "pobj")):
                out += self.args(p)  # "with X and Y among the participants"
        for p in preps(tok, {"with"}):  # "with Y and Z among the participants"
            if self.coref.mention_at(p) is not None and any(lemma(o) in INVESTOR_NOUNS for o in preps(p, {"among"})):
                out += self.args(p)
        for p in preps(tok, {"with"}):  # "with Y taking a smaller allocation", "with Y following on"
            lem = lemma(p)
            if p.tag_ == "VBG" and (lem in {"participate", "join", "follow", "invest", "contribute", "co-invest", "chip"} or (lem == "take" and any(lemma(d) in {"part", "allocation", "share", "slice", "piece", "portion", "stake"} for d in children(p, "dobj")))):
                out += [m for c in children(p, "nsubj") for m in self.args(c)]
        return out

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
        if not owners and lemma(round_tok) in {"raise", "fundraise", "fundraising"}:
            owners = self.pobjs(round_tok, {"by"})  # "the $400m raise by X"
        if not owners:  # "the round, which values X at $9bn" / "a round valuing X at $9bn"
            owners = [m for c in children(round_tok, "relcl", "acl") if lemma(c) == "value" for m in self.objects(c)]
        if not owners:
            raiser = self.coref.raiser(round_tok)
            if raiser is not None:
                owners.append(raiser)
        if not owners and round_tok.dep_ == "dobj" and lemma(round_tok.head) in RAISE_VERBS | {"complete", "finalise", "finalize", "announce"}:
            owners = [m for m in self.subjects(round_tok.head) if m.entity.type == "company"]  # "X completed a $10bn round"
        if not owners:  # "the Thinking Machines round"
            owners = [m for c in children(round_tok, "compound") if (m := self.coref.mention_at(c)) is not None and m.entity.type == "company"]
        if not owners:  # "the round ... lifted X's valuation to $7bn"
            owners = [m for t in self.sent if lemma(t) == "valuation" for m in self.owners(t) if m.entity.type == "company"][:1]
        if not owners and round_tok.lower_ != "it":
            owners = self._speaker(round_tok)
        return owners

    def _speaker(self, tok: Token) -> list[Mention]:
        """"The round was led by X, Z said": with no other owner in sight, the company reporting
        a round is the one that raised it (the investors themselves are excluded by callers)."""
        root = self.sent.root
        if lemma(root) not in {"say", "announce", "confirm", "disclose", "tell"} or tok.i > root.i or tok in list(children(root, "nsubj")):
            return []
        found = [m for c in children(root, "nsubj") for m in self.args(c) if m.entity.type == "company" and not m.coref]
        return found if len(found) == 1 else []

    def _controlling(self, noun: Token) -> bool:
        return any(c.lower_ in CONTROL_MODS for c in noun.children if c.dep_ in {"amod", "compound"})

    # ------------------------------------------------------------------ acquires
    def _acquire_verb(self, verb: Token, lem: str, passive: bool) -> Iterator[Candidate]:
        dobjs = children(verb, "dobj")
        if self._no_plans(verb):
            return
        if lem in {"buy", "purchase"} and not dobjs and not passive and preps(verb, {"into"}):
            # "X bought into Y / into Y's round": equity, not an acquisition
            yield Candidate("invests_in", self.subjects(verb), self._investees(preps(verb, {"into"})), "invest.buy_into", 0.85, verb)
            return
        if any(lemma(d) in STAKE_NOUNS | {"chip", "chips", "capacity", "compute", "stores", "assets", "plants", "rights", "licence", "license"} for d in dobjs):
            return
        if lem == "snap" and not any(c.lower_ == "up" for c in verb.children):
            return
        if passive:
            acquirers, targets = self.agents(verb), self.passive_subjects(verb)
            if not targets and verb.tag_ == "VBN" and children(verb, "agent") and not children(verb, "aux", "auxpass"):
                targets = [m for c in children(verb, "nsubj") for m in self.args(c)]  # "X, acquired by Y, will ..." misparsed
        else:
            targets = self.objects(verb) or [m for d in dobjs for m in self._rival_target(d)]
            if lem == "take":
                targets += self.pobjs(verb, {"over"})
            if not dobjs and verb.dep_ == "relcl" and not preps(verb, {"into"}) and any(c.lower_ not in RELATIVES for c in children(verb, "nsubj")):
                targets = self._described(verb.head)  # "Red Hat, the unit IBM bought in 2019": a relative with no pronoun
            acquirers = self.subjects(verb)
        targets = [t for t in targets if t.entity.type != "product"]
        if lem == "pick":  # "picked up start-up X": only a named company, never shares or customers
            named = [x for d in dobjs for x in ([d] if self.coref.mention_at(d) is not None else children(d, "appos", "compound")) if self.coref.mention_at(x) is not None]
            targets = [t for x in named for t in self.args(x) if t.entity.type == "company"]
        yield Candidate("acquires", acquirers, targets, f"acquire.{lem}" + (".passive" if passive else ""), 0.9, verb)
        # "buy Arm from SoftBank": the seller owns the target
        sellers = self.pobjs(verb, {"from"})
        if sellers and targets:
            yield Candidate("subsidiary_of", targets, sellers, "subsidiary.sold_by", 0.8, verb, keep_negated=True)

    def _merge_into(self, verb: Token, passive: bool) -> Iterator[Candidate]:
        """"X will merge into Y" / "X was merged into Y": Y absorbs X. Not when a side is a known
        unit of a group (an internal reshuffle), and never "merge with" (a combination of equals)."""
        absorbed = [m for m in (self.passive_subjects(verb) if passive else self.subjects(verb)) if m.entity.type == "company"]
        hosts = [m for m in self.pobjs(verb, {"into"}) if m.entity.type == "company"]
        if any(m.entity.parent for m in absorbed + hosts) or any(lemma(t) in UNIT_NOUNS | {"lab", "team"} for t in self.sent):
            return  # "Google Brain was merged into DeepMind": units of one group reorganised
        yield Candidate("acquires", hosts, absorbed, "acquire.merge_into", 0.8, verb)

    def _rival_target(self, tok: Token) -> list[Mention]:
        """"swallow smaller rival X", "buy its rival, X": a rival named as the thing bought is the
        target (the shared competitor filter drops it, since elsewhere a rival is a bystander)."""
        named = [tok, *children(tok, "appos", "compound")]
        if not (lemma(tok) in {"rival", "competitor"} or any(c.lower_ in {"rival", "competitor"} for c in tok.children if c.dep_ in {"amod", "compound"})):
            return []
        return [m for t in named if (m := self.coref.mention_at(t)) is not None and m.entity.type == "company"]

    def _sell_verb(self, verb: Token, passive: bool) -> Iterator[Candidate]:
        """"X sold a 15% stake to Y" / "issued new shares to Y": Y invests in X; "X sold its unit
        Z to Y" / "Z has agreed to be sold to Y": Y acquires Z. Needs an explicit "to" buyer."""
        things = children(verb, "nsubjpass") if passive else children(verb, "dobj")
        buyers = self.pobjs(verb, {"to"}) + [m for d in things for m in self.pobjs(d, {"to"})]
        buyers += [m for d in [verb, *things] for c in d.children if c.lower_ == "worth" for m in self.pobjs(c, {"to"})]  # "shares worth $4m to Y"
        if not buyers:
            return
        sellers = self.agents(verb) if passive else self.subjects(verb)
        if passive and not things:  # "Z has agreed to be sold to Y", "Z is to be sold to Y"
            sold = [m for m in self.passive_subjects(verb) or self.subjects(verb) if m.entity.type == "company"]
            yield Candidate("acquires", buyers, sold, "acquire.sold_to", 0.85, verb)
            return
        for t in things:
            kind, found = self._sold_thing(t, sellers)
            if kind == "stake":
                yield Candidate("invests_in", buyers, found, "invest.sold_stake_to", 0.85, verb)
            elif kind == "company":
                yield Candidate("acquires", buyers, found, "acquire.sold_to", 0.85, verb)

    def _pay_for(self, verb: Token) -> Iterator[Candidate]:
        """"X paid $1bn for Y" buys Y; "paid $14bn for a 49% stake in Y" / "for 20% of Y" buys
        equity. Only a company named outright (or equity in one) counts: "paid for Y's chips" does not."""
        if children(verb, "dative") or any(self.coref.mention_at(d) is not None for d in children(verb, "dobj")):
            return  # "paid Y $650m for a licence": Y is the payee, not the thing bought
        payers = self.subjects(verb)
        if is_passive(verb):  # "the $900m X paid for Y", parsed as a participle on X
            head = self.coref.mention_at(verb.head)
            priced = any(t.ent_type_ == "MONEY" or t.text in {"$", "€", "£"} for t in verb.doc[verb.head.left_edge.i : head.start]) if head is not None else False
            payers = [head] if head is not None and priced else []
        for t in preps(verb, {"for"}):
            percent = t.lower_ in {"%", "percent"} or t.ent_type_ == "PERCENT" or lemma(t) in FRACTION_NOUNS
            if percent:
                yield Candidate("invests_in", payers, [m for p in preps(t, {"of", "in"}) for m in self._equity_issuers(p) if m.entity.type == "company"], "invest.pay_for_stake", 0.85, verb)
                continue
            kind, found = self._sold_thing(t, [])
            if kind == "stake":
                yield Candidate("invests_in", payers, found, "invest.pay_for_stake", 0.85, verb)
            elif kind == "company" and self.coref.mention_at(t) is not None:
                yield Candidate("acquires", payers, found, "acquire.pay_for", 0.8, verb)

    def _sale_noun(self, noun: Token) -> Iterator[Candidate]:
        """"the sale of Z to Y", "a planned sale of new shares to Y"."""
        buyers = self.pobjs(noun, {"to"}) or [m for t in preps(noun, {"of"}) for m in self.pobjs(t, {"to"})]  # "X's sale of a stake to Y"
        if not buyers and noun.dep_ == "dobj":
            buyers = self.pobjs(noun.head, {"to"})  # "completed the sale of Z to Y" (attached high)
        elif not buyers and noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB":
            buyers = self.pobjs(noun.head.head, {"to"})  # "signed off on the sale of Z to Y"
        if not buyers:
            return
        sellers = self.owners(noun) + self.pobjs(noun, {"by"})
        if not sellers and noun.dep_ == "dobj":
            sellers = self.subjects(noun.head)
        for t in preps(noun, {"of"}):
            kind, found = self._sold_thing(t, sellers)
            if kind == "stake":
                yield Candidate("invests_in", buyers, found, "invest.sale_of_stake", 0.8, noun)
            elif kind == "company":
                yield Candidate("acquires", buyers, found, "acquire.sale_of", 0.8, noun)

    def _sold_thing(self, t: Token, sellers: list[Mention]) -> tuple[str, list[Mention]]:
        """What a sale transfers: equity in an issuer ("a stake in X", "51% of X", "new shares",
        "$500m of its shares") or a company or named unit. Own shares are sold only when "new"."""
        lem = lemma(t)
        percent = t.lower_ in {"%", "percent"} or t.ent_type_ == "PERCENT"
        shares = t
        if money_like(t) and not percent:
            shares = next((p for p in preps(t, {"of"}) if lemma(p) in STAKE_NOUNS | {"stock"}), t)
            if shares is t and lem not in STAKE_NOUNS:
                shares = next((c for c in t.children if lemma(c) in STAKE_NOUNS | {"stock"}), t)
        if percent or lemma(shares) in STAKE_NOUNS | {"stock"}:
            issuers = self.pobjs(shares, {"in", "of"}, inner=True) if not percent else self.pobjs(t, {"of", "in"})
            issuers += [m for m in self.compounds(shares) if m.entity.type == "company"]
            issuers += [m for c in children(shares, "poss") if self.coref.mention_at(c) is not None for m in self.args(c)]
            if not issuers and not children(shares, "poss") and (any(c.lower_ in {"new", "fresh"} for c in shares.children) or lemma(shares) in {"stake", "interest", "holding", "shareholding"}):
                issuers = sellers  # "Lumenor sold a 15% stake to Arm", "issued new shares to Y"
            return "stake", [m for m in issuers if m.entity.type == "company"]
        named = [m for m in self.args(t) if m.entity.type == "company"] if self.coref.mention_at(t) is not None else []
        if not named and lem in DIVESTED_THINGS:  # "its drone division, Skyfold," / "its unit Trellis Motion"
            named = [m for c in children(t, "appos", "compound") for m in self.args(c) if m.entity.type == "company"]
        if not named and lem in DIVESTED_THINGS:  # "X's chip business, since renamed Y," / "now called Y"
            for a in children(t, "acl", "relcl"):
                if lemma(a) in {"rename", "call", "name", "brand", "rebrand", "know"}:
                    named += [m for x in a.children if x.dep_ in {"oprd", "attr", "dobj"} for m in self.args(x) if m.entity.type == "company"]
                    named += [m for m in self.pobjs(a, {"as"}) if m.entity.type == "company"]
        return ("company", named) if named else ("", [])

    # ------------------------------------------------------------------ supplies
    def _supply_verb(self, verb: Token, lem: str, passive: bool) -> Iterator[Candidate]:
        dobjs = children(verb, "dobj")
        if lem in MAKE_FOR_VERBS:
            # "TSMC manufactures chips for Apple": only with a supplied thing and a "for" customer
            if verb.dep_ == "relcl" and not passive and (not dobjs or all(d.lower_ in RELATIVES for d in dobjs)):
                dobjs = [verb.head]  # "the processors that TSMC fabricates for Cerebras"
            if passive and verb.dep_ == "acl":
                yield from self._have_made(verb, lem)
            if passive:
                yield from self._made_by_agent(verb, lem)
                return
            if not any(self._goods(d) for d in dobjs):
                return  # "made an offer for Chrome": the thing made must be goods
            customers = [m for m in self.pobjs(verb, {"for"}) + [m for d in dobjs if d.head is not verb or d.dep_ == "dobj" for m in self.pobjs(d, {"for"})]]
            customers += [m for p in preps(verb, {"for"}) + [p for d in dobjs for p in preps(d, {"for"})] for m in self._for_owner(p)]
            if lem != "design" and verb.dep_ != "relcl":  # "TSMC fabricates Nvidia's Blackwell chips"
                customers += [m for d in dobjs for m in self.owners(d) if m.entity.type == "company"]
                customers += [m for d in dobjs for m in self.compounds(d) if m.entity.type == "product"]
            yield Candidate("supplies", self.subjects(verb), customers, f"supply.{lem}_for", 0.8, verb)
            return
        things = dobjs + (children(verb, "nsubjpass") if passive else [])
        shared = not passive and self._shared_passive(verb)
        if shared:  # "the campus is being built by Crusoe and leased to Oracle"
            passive, things = True, children(verb.head, "nsubjpass")
        relative = verb.dep_ == "relcl" and not passive and all(d.lower_ in RELATIVES for d in dobjs)
        if relative:  # "the technology that Google supplies to it", "the GPUs it sells to X"
            things = [*dobjs, verb.head]
        if lem in {"sell", "offer"} and any(lemma(t) in DIVESTED_THINGS for t in things):
            return  # "sell the manufacturing arm of X to Y" is a divestiture
        if lem in {"sell", "offer"} and any(self._company_part(t) for t in things):
            return  # "sell 51% of Altera to Y", "sell its Arm shares": equity, not goods
        if lem in {"give", "grant", "offer"}:
            if lem == "offer" and not passive:
                yield from self._resold(verb, lem, things)  # "Y will offer X's models to its customers"
            if not any(lemma(d) == "access" for d in dobjs):
                return
            things = [p for d in dobjs for p in preps(d, {"to"})]
        if lem in {"sell", "offer", "rent", "lease", "ship", "deliver", "license", "licence", "resell"} and not any(self._supply_thing(t) for t in things):
            return
        if lem in RESELL_VERBS and not passive:
            yield from self._resold(verb, lem, things)
        counted = [o for d in dobjs if d.like_num and d.ent_type_ != "MONEY" for o in preps(d, {"of"}) if self._supply_thing(o)]
        if not counted and any((money_like(d) or any(t.text in {"$", "€", "£"} or t.ent_type_ == "MONEY" for t in d.subtree)) and not self._supply_thing(d) for d in dobjs):
            return  # "provide $2bn in funding to X" is an investment, not a supply
        if passive:
            customers = self.pobjs(verb, {"to", "for"})
            if lem in {"supply", "power", "host"}:
                customers += self.passive_subjects(verb)
                # "Kessler's chatbot is powered by X's models": the powered thing's owner
                held = [verb.head] if verb.dep_ == "acl" else children(verb.head, "dobj") if verb.dep_ == "advcl" else []  # "a cluster, to be hosted by X"
                customers += [m for t in things + held for m in self._thing_owners(t) if m not in customers]
            suppliers = self.agents(verb) or (self.agents(verb.head) if shared else [])
            suppliers += [m for a in preps(verb, {"by"}) if self.coref.mention_at(a) is None for m in self._supply_sources(a) if m not in suppliers]  # "powered by X's models"
            yield Candidate("supplies", suppliers, customers, f"supply.{lem}.passive", 0.8, verb)
            return
        suppliers = self.subjects(verb)
        if verb.dep_ == "advcl" and any(c.lower_ == "to" for c in children(verb, "aux")) and lemma(verb.head) in OBJECT_CONTROL and children(verb.head, "dobj"):
            suppliers = [m for d in children(verb.head, "dobj") for m in self.args(d)]  # "selected X to supply ...": X supplies
        if not suppliers and relative:  # parser variant: "that Google supplies" with Google as compound
            suppliers = [m for c in children(verb, "compound") for m in self.args(c) if m.entity.type == "company"]
        if lem in {"power", "host", "supply", "provide"} and any(" ".join(t.lower_ for t in d.subtree).count(w) for d in dobjs for w in ("in-house", "in - house", "internal")):
            return  # "powering in-house services": the maker's own use
        customers = self.pobjs(verb, {"to", "for"})
        customers += [m for p in preps(verb, {"for"}) + [p for d in dobjs + counted for p in preps(d, {"for"})] for m in self._for_owner(p)]  # "memory for AMD's accelerators"
        for d in dobjs:
            if lemma(d) != "access":  # "gave X access to Y's TPUs": the TPUs are the goods
                customers += self.pobjs(d, {"to", "for"})
        if len(dobjs) >= 2 and lem in {"sell", "offer", "rent", "lease", "ship", "deliver"}:
            customers += self.args(dobjs[0])  # double object: "sells the ChatGPT maker most of its capacity"
        if lem in {"supply", "provide", "power", "host", "furnish"}:
            customers += [m for d in dobjs for m in self.args(d)]
        customers += [m for d in children(verb, "dative") for m in self.args(d)]
        if lem in {"give", "grant", "offer"}:
            customers += [m for d in dobjs if lemma(d) != "access" for m in self.args(d)]
            # parser variant: "gave Veridian access", "gives the startup access": the recipient as a compound
            customers += [m for d in dobjs if lemma(d) == "access" for c in children(d, "compound") for m in self.args(c)]
            if customers and all(m.entity.id in {c.entity.id for c in customers} for m in suppliers):
                # "the deal with Anthropic, which gives the startup access to X's TPUs": a misattached
                # subject that is the recipient itself yields to the goods' maker
                suppliers = [m for t in things for m in self._supply_sources(t)]
        if lem in {"power"}:
            suppliers += [m for s in children(verb, "nsubj") for m in self.args(s, inner=True) if m not in suppliers]
        if lem in {"power", "host"}:
            customers += [m for d in dobjs for m in self.owners(d)]  # "host Cohere's models"
            customers += [m for d in dobjs if d.lower_ in {"many", "most", "some", "all", "much", "part"} for o in preps(d, {"of"}) for m in self.owners(o)]  # "power many of Y's features"
        if lem in {"license", "licence"} and not customers:
            return
        yield Candidate("supplies", suppliers, customers, f"supply.{lem}", 0.85, verb)

    def _goods(self, tok: Token) -> bool:
        """The head noun itself names goods ("chips", "Nvidia's H200", "most of its capacity"),
        unlike a phrase that merely mentions some ("an offer for Chrome")."""
        while tok.lower_ in QUANTITY_WORDS or tok.like_num:
            nxt = preps(tok, {"of"})
            if not nxt:
                break
            tok = nxt[0]
        m = self.coref.mention_at(tok)
        return lemma(tok) in SUPPLY_CONTEXT | MODEL_WORDS or tok.lower_ in SUPPLY_CONTEXT | MODEL_WORDS or (m is not None and m.entity.type == "product")

    def _for_owner(self, tok: Token) -> list[Mention]:
        """Whose product a "for" phrase names: "memory for AMD's MI350 accelerators" -> AMD."""
        if self.coref.mention_at(tok) is not None or not (lemma(tok) in SUPPLY_CONTEXT | MODEL_WORDS | WORKLOAD_NOUNS or tok.lower_ in SUPPLY_CONTEXT | MODEL_WORDS | WORKLOAD_NOUNS):
            return []
        return [m for m in self.owners(tok) + self.compounds(tok) if m.entity.type in {"company", "product"}]

    def _made_by_agent(self, verb: Token, lem: str) -> Iterator[Candidate]:
        """"Broadcom's chips are manufactured by TSMC", "Google's TPUs, designed by Broadcom,":
        the agent makes the goods of the thing's owner (or of a "for" customer)."""
        things = children(verb, "nsubjpass") or ([verb.head] if verb.dep_ in {"acl", "amod"} else [])
        makers = [m for m in self.agents(verb) if m.entity.type == "company"]
        if not makers:
            return
        owners: list[Mention] = []
        for t in things:
            named = self.coref.mention_at(t)
            if named is not None and named.entity.type == "product":
                owners.append(named)  # "the H100, made by TSMC": the product's maker is the customer
            elif self._goods(t) and named is None:
                owners += [m for m in self._named_owners(t) if m.entity.type in {"company", "product"}]
        owners += [m for m in self.pobjs(verb, {"for"}) if m.entity.type in {"company", "product"}]
        owners += [m for p in preps(verb, {"for"}) for m in self._for_owner(p)]
        yield from self._not_in_house(makers, owners, f"supply.{lem}_by", verb)

    def _have_made(self, verb: Token, lem: str) -> Iterator[Candidate]:
        """Causative "X will have its chips made by Y", "gets one of its designs manufactured on Y's
        18A process", "has its sensors built at Y": the maker supplies whoever has it done."""
        noun = top = verb.head
        while top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.i != top.head.i:
            top = top.head.head  # "one of its chip designs manufactured ..."
        if top.dep_ != "dobj" or lemma(top.head) not in {"have", "get"} or not self._supply_thing(noun):
            return
        makers = [m for m in self.agents(verb) + self.pobjs(verb, {"at"}) if m.entity.type == "company"]
        for p in preps(verb, {"on", "in", "at"}):
            if self.coref.mention_at(p) is None and lemma(p) in {"process", "node", "line", "fab", "foundry", "factory", "plant", "facility", "facilities"}:
                makers += [m for m in self.owners(p) if m.entity.type == "company"]  # "on Intel's 18A process"
        yield from self._not_in_house(makers, self.subjects(top.head), f"supply.have_{lem}", verb)

    def _shared_passive(self, verb: Token) -> bool:
        """A participle coordinated with a passive verb and sharing its subject and agent:
        "built by Crusoe and leased to Oracle" (the parser often tags the second one VBD)."""
        head = verb.head
        return (
            verb.dep_ == "conj"
            and verb.tag_ in {"VBN", "VBD"}
            and not children(verb, "nsubj", "nsubjpass", "dobj")
            and is_passive(head)
            and lemma(head) in SOURCE_PARTICIPLES
            and bool(self.agents(head))
        )

    def _resold(self, verb: Token, lem: str, things: list[Token]) -> Iterator[Candidate]:
        """"Salesforce will offer OpenAI's models to its customers", "CoreWeave rents out Nvidia
        GPUs": whoever sells or rents out another company's goods obtained them from it."""
        sellers = self.subjects(verb)
        ids = {m.entity.id for m in sellers} | {m.entity.parent for m in sellers if m.entity.parent}
        makers: list[Mention] = []
        dobjs = children(verb, "dobj")
        things = [t for t in things if not (len(dobjs) >= 2 and t is dobjs[0])]  # double object: the recipient
        for t in list(things):
            possessive = any(c.dep_ == "case" and c.lower_ in {"'s", "'"} for c in t.children)
            named = self.coref.mention_at(t)
            if possessive and named is not None and any(self._supply_thing(c) for c in children(t, "conj")):
                # parser variant: "offer [A]'s and B's [models]": A is a possessor of the conjoined noun
                if named.entity.id not in ids and named.entity.parent not in ids:
                    makers.append(named)
                things += [c for c in children(t, "conj") if c not in things]
        for t in things:
            if self.coref.mention_at(t) is not None and self.coref.mention_at(t).entity.type != "product":
                continue
            if lemma(t) in DIVESTED_THINGS or self._company_part(t) or not self._supply_thing(t):
                continue
            if not (lemma(t) in SUPPLY_CONTEXT | MODEL_WORDS or t.lower_ in SUPPLY_CONTEXT | MODEL_WORDS or self.coref.mention_at(t) is not None):
                continue  # the goods themselves, not "the ChatGPT maker" (a recipient) or "most of ..."
            found = [m for m in self.owners(t) + self.compounds(t) if m.entity.type in {"company", "product"}]
            if self.coref.mention_at(t) is not None:
                found.append(self.coref.mention_at(t))
            makers += [m for m in found if m.entity.id not in ids and m.entity.parent not in ids and m not in makers]
        yield Candidate("supplies", makers, sellers, f"supply.resell.{lem}", 0.75, verb)

    def _company_part(self, tok: Token) -> bool:
        """A share of a company ("51% of Altera", "a majority of X"), which is sold as equity."""
        if tok.lower_ in {"%", "percent"} or tok.ent_type_ == "PERCENT" or tok.lower_ in {"majority", "minority", "half", "part", "portion"}:
            return True
        return any((m := self.coref.mention_at(p)) is not None and m.entity.type == "company" for p in preps(tok, {"of"}))

    def _supply_thing(self, tok: Token) -> bool:
        """A supplied good or service: a product, or a noun phrase about chips, cloud, models..."""
        if any((m := self.coref.mention_at(t)) is not None and m.entity.type == "product" for t in tok.subtree):
            return True
        words = {lemma(t) for t in tok.subtree} | {t.lower_ for t in tok.subtree}
        return bool(words & (SUPPLY_CONTEXT | MODEL_WORDS | {"access", "rights"}))

    def _use_verb(self, verb: Token, lem: str) -> Iterator[Candidate]:
        if lem == "roll" and not any(c.lower_ == "out" for c in children(verb, "prt")):
            return  # only "rolled out X's assistant to its staff"
        if lem in {"pick", "snap", "buy"} and any(c.lower_ == "up" for c in children(verb, "prt")):
            return  # "picked up start-up Neeva" is an acquisition
        customers = self.subjects(verb)
        if not customers and lem in RUNS_ON_VERBS:
            # "Nordlys's facility runs on AMD chips": the thing's owner is the customer
            customers = [m for s in children(verb, "nsubj") for m in self._thing_owners(s)]
            if not customers and verb.dep_ == "relcl" and any(s.lower_ in RELATIVES for s in children(verb, "nsubj")):
                customers = self._thing_owners(verb.head)  # "its Copilot assistant, which runs on X's models"
        offered = self._offering_owners(verb)
        if offered is not None:
            customers = offered  # the offering's owner, or nobody when it is unknown
        if not customers:
            return
        sources = list(children(verb, "dobj"))
        if lem in {"rely", "depend", "run", "switch", "migrate", "move", "shift", "standardize", "standardise", "build", "spend", "train", "remain", "sit", "live"}:
            words = {"to", "onto"} if lem in {"move", "shift", "migrate", "switch"} else {"on", "onto", "to", "with", "upon"}
            sources = _affirmed(deep_preps(verb, words))
            if any(money_like(s) for s in sources):
                return  # "relied on money from X" is funding, not a supply
        if lem in BUY_CAPACITY_VERBS:
            # "buy $30bn of computing capacity on X's cloud", "rent GPUs from X's data centres"
            things = [t for d in children(verb, "dobj") for t in [d, *preps(d, {"of"})]]
            sources += [p for t in things for p in preps(t, {"on", "in"}) if lemma(p) in SUPPLY_CONTEXT]
        if lem in ACQUIRE_VERBS and any(m.entity.type == "company" for d in children(verb, "dobj") for m in self.args(d)):
            return  # "bought Venafi from Thoma Bravo", "which it bought from its owner": a company changing hands
        suppliers: list[Mention] = []
        for s in preps(verb, {"from", "through", "via"}) + [p for d in children(verb, "dobj") for p in preps(d, {"from", "through", "via"})]:
            suppliers += self.args(s)
        for s in sources:
            if lem in ACQUIRE_VERBS and self._bought_business(s):
                continue  # "bought the chip developer X", "bought Y's modem business": an acquisition
            direct = self.coref.mention_at(s) or self.coref.resolve(s)
            if direct is not None and direct.entity.type != "product":
                if lem in COMPANY_OBJECT_USE or lem in {"run", "build", "train"}:
                    suppliers += self.args(s)
                continue
            suppliers += self._supply_sources(s)
        yield Candidate("supplies", suppliers, customers, f"supply.use.{lem}", 0.8, verb)

    def _offering_owners(self, verb: Token) -> list[Mention] | None:
        """"X Cloud, its hosted service, runs on Y": a name described as someone's service or
        product is that offering, so its owner is the customer, not the name itself."""
        apps = [(subj, app) for subj in children(verb, "nsubj") for app in children(subj, "appos") if lemma(app) in MODEL_WORDS | SERVICE_NOUNS or app.lower_ in MODEL_WORDS]
        if not apps:
            return None
        named = {m.entity.id for subj, _ in apps for m in self.args(subj)}
        # a named owner only: "its" beside a name is too often resolved to the wrong firm
        return [m for _, app in apps for c in children(app, "poss") if c.pos_ == "PROPN" for m in self.args(c) if m.entity.type == "company" and m.entity.id not in named]

    def _bought_business(self, tok: Token) -> bool:
        """A bought object that is a company or a part of one ("the chip developer X", "the bulk of
        Y's modem business"): buying it is an acquisition, never a purchase of goods."""
        if tok.lower_ in QUANTITY_WORDS or lemma(tok) in QUANTITY_WORDS:
            return any(self._bought_business(p) for p in preps(tok, {"of"}))
        if lemma(tok) in BUSINESS_NOUNS or tok.lower_ in BUSINESS_NOUNS:
            return True
        named = [self.coref.mention_at(c) for c in children(tok, "appos", "compound")]
        return any(m is not None and m.entity.type == "company" for m in named)

    def _used_by(self, verb: Token, lem: str) -> Iterator[Candidate]:
        """"X's accelerators are used by Meta and in Microsoft's cloud", "posts from X are used to
        train Y's models": the thing's source supplies the user."""
        things = children(verb, "nsubjpass") or ([verb.head] if verb.dep_ == "acl" else [])
        suppliers = [m for t in things for m in self._supply_sources(t)]
        customers = [m for m in self.agents(verb) if m.entity.type == "company"]
        by = [c for a in verb.children if a.dep_ == "prep" for c in a.conjuncts if c.lower_ == "by"]  # "used in X's cloud and by Meta"
        customers += [m for b in by for o in children(b, "pobj") for m in self.args(o) if m.entity.type == "company"]
        where = {"in", "inside", "within", "across", "at"}
        locs = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in where]
        locs += [c for a in verb.children if a.dep_ in {"agent", "prep"} for c in a.conjuncts if c.lower_ in where]
        for p in [o for loc in locs for o in children(loc, "pobj")]:
            if lemma(p) in SUPPLY_CONTEXT | WORKLOAD_NOUNS or self.coref.mention_at(p) is not None:
                customers += [m for m in self.args(p, inner=True) if m.entity.type in {"company", "product"}]
        for x in children(verb, "xcomp", "advcl"):  # "used to train xAI's models"
            if lemma(x) in {"train", "power", "run", "build", "serve"}:
                customers += [m for d in children(x, "dobj") for m in self._thing_owners(d)]
        yield Candidate("supplies", suppliers, customers, f"supply.used_by.{lem}", 0.75, verb)

    def _trained_on(self, verb: Token, lem: str) -> Iterator[Candidate]:
        """"Apple's models were trained on Google's TPUs": the chips' owner supplies the models' owner."""
        things = [t for t in children(verb, "nsubjpass") if self._model_like(t)]
        customers = [m for t in things for m in self.owners(t) + self.compounds(t) if m.entity.type == "company"]
        if not customers:  # "the models behind Apple Intelligence were trained on X's TPUs"
            customers = [m for t in things for m in self.pobjs(t, {"behind", "of", "for"}, inner=True)]
        suppliers = [m for p in _affirmed(preps(verb, {"on", "using", "with"})) for m in self._supply_sources(p)]
        yield Candidate("supplies", suppliers, customers, f"supply.{lem}_on.passive", 0.8, verb)

    def _sourced(self, verb: Token, lem: str) -> Iterator[Candidate]:
        """Where a company's goods come from: "the memory in X's servers comes from Y", "its GPUs
        come off Y's production lines", "X's data centres are packed with Y's chips"; and whose
        revenue a customer makes up: "X accounts for 20% of Y's revenue", "Y's sales come from X"."""
        if lem == "account":
            for p in preps(verb, {"for"}):
                revenue = [r for r in [p, *preps(p, {"of"})] if lemma(r) in REVENUE_NOUNS or r.lower_ in REVENUE_NOUNS]
                sellers = [m for r in revenue for m in self._named_owners(r) if m.entity.type == "company"]
                yield from self._not_in_house(sellers, self.subjects(verb), "supply.account_for_revenue", verb)
            return
        if lem in FILL_VERBS:  # "X's data centres are packed with Y's chips", "filled its campus with Y GPUs"
            holders = children(verb, "nsubjpass", "dobj") or ([verb.head] if verb.dep_ in {"acl", "amod"} else [])
            users = [m for h in holders for m in self._thing_owners(h)]
            makers = [m for p in _affirmed(preps(verb, {"with"})) for m in self._supply_sources(p)]
            yield from self._not_in_house(makers, users, f"supply.{lem}_with", verb)
            return
        subjects = children(verb, "nsubj") or (children(verb.head, "nsubj") if verb.dep_ == "xcomp" else [])
        origins = _affirmed(preps(verb, {"from", "off"}))
        for s in subjects:
            thing = s
            while thing.lower_ in QUANTITY_WORDS or thing.like_num:
                nxt = preps(thing, {"of"})
                if not nxt:
                    break
                thing = nxt[0]
            if lemma(thing) in REVENUE_NOUNS or thing.lower_ in REVENUE_NOUNS:  # "most of Y's revenue comes from X"
                sellers = [m for m in self._named_owners(thing) if m.entity.type == "company"]
                buyers = [m for o in origins for m in self.args(o) if m.entity.type == "company" and not m.place]
                yield from self._not_in_house(sellers, buyers, "supply.revenue_from", verb)
                continue
            named = self.coref.mention_at(thing)
            if not (lemma(thing) in SUPPLY_CONTEXT | MODEL_WORDS or thing.lower_ in SUPPLY_CONTEXT or (named is not None and named.entity.type == "product")):
                continue
            users = [m for p in preps(thing, {"in", "inside", "for"}) for m in self.owners(p) if m.entity.type == "company"]
            users = users or [m for m in self.owners(thing) + self.compounds(thing) if m.entity.type == "company"]
            makers: list[Mention] = []
            for o in origins:
                direct = self.coref.mention_at(o)
                if direct is not None:
                    makers += [m for m in self.args(o) if m.entity.type in {"company", "product"}]
                elif lemma(o) in {"line", "factory", "fab", "plant", "foundry", "assembly"}:
                    makers += [m for m in self.owners(o) if m.entity.type == "company"]  # "off Y's production lines"
                else:
                    makers += self.args(o) or self._supply_sources(o)  # "from a smaller supplier, Z"
            yield from self._not_in_house(makers, users, "supply.come_from", verb)

    def _named_owners(self, noun: Token) -> list[Mention]:
        """Owners given by a name or a pronoun ("Nvidia's revenue", "its sales"), not by a
        description ("that company's revenue"), whose resolution is too often a guess."""
        return [m for c in children(noun, "poss", "compound") if c.pos_ in {"PROPN", "PRON"} or self.coref.mention_at(c) is not None and not self.coref.mention_at(c).coref for m in self.args(c)]

    def _served_by(self, verb: Token) -> Iterator[Candidate]:
        """"Inference for X's chatbot is handled by Y", "X's data centres are operated by Y": the
        agent runs a service for the owner of what is handled."""
        things = children(verb, "nsubjpass") or ([verb.head] if verb.dep_ == "acl" else [])
        users: list[Mention] = []
        for t in things:
            if lemma(t) in SERVICE_NOUNS or t.lower_ in SERVICE_NOUNS:
                users += [m for m in self.owners(t) if m.entity.type == "company"]
                for p in preps(t, {"for", "of"}):
                    direct = self.coref.mention_at(p)
                    users += [m for m in self.args(p) if m.entity.type == "company"] if direct is not None else self._thing_owners(p)
            else:
                users += self._thing_owners(t)
        runners = [m for m in self.agents(verb) if m.entity.type == "company"]
        yield from self._not_in_house(runners, users, f"supply.served_by.{lemma(verb)}", verb)

    def _not_in_house(self, suppliers: list[Mention], customers: list[Mention], rule: str, trigger: Token) -> Iterator[Candidate]:
        """A supply candidate without the pairs inside one group (a unit serving its parent)."""
        for s in suppliers:
            custs = [c for c in customers if c.entity.id != s.entity.id and c.entity.parent != s.entity.id and s.entity.parent != c.entity.id]
            if custs:
                yield Candidate("supplies", [s], custs, rule, 0.75, trigger)

    def _thing_owners(self, tok: Token) -> list[Mention]:
        """Companies a workload-like thing belongs to: "Nordlys's facility", "the assistant that
        Fenwick rolled out", "Kessler's cars"; empty for anything else (precision)."""
        if tok.lower_ in {"many", "most", "some", "all", "much", "part"}:
            return [m for p in preps(tok, {"of"}) for m in self._thing_owners(p)]  # "all of its workloads"
        if lemma(tok) not in WORKLOAD_NOUNS and tok.lower_ not in WORKLOAD_NOUNS:
            return []
        found = [m for m in self.owners(tok) + self.compounds(tok) if m.entity.type == "company"]
        builders = {"roll", "build", "develop", "deploy", "launch", "use", "operate", "run", "release", "train", "offer", "sell"}
        if not found:
            for rel in children(tok, "relcl"):
                if not is_passive(rel) and lemma(rel) in builders:
                    found += [m for s in children(rel, "nsubj") for m in self.args(s) if m.entity.type == "company"]
        if not found and tok.dep_ == "dobj" and lemma(tok.head) in builders and not is_passive(tok.head):
            # "X is building a cluster ..., to be hosted by Y": the builder's cluster
            found += [m for s in children(tok.head, "nsubj") for m in self.args(s) if m.entity.type == "company"]
        return found

    def _made_by(self, tok: Token) -> list[Mention]:
        """Who a supplied thing comes from through a participle: "chips designed by X", "GPUs
        rented from X", "a supercomputer made up of X's chips", "clusters built on X's GPUs"."""
        out: list[Mention] = []
        for acl in children(tok, "acl"):
            if lemma(acl) not in SOURCE_PARTICIPLES or acl.tag_ != "VBN":
                continue
            out += [m for p in preps(acl, {"by", "from"}) for m in self.args(p) if m.entity.type in {"company", "product"}]
            for p in preps(acl, {"of", "on", "from", "with", "around"}):
                if self.coref.mention_at(p) is None:
                    out += self._supply_sources(p)
        return out

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
            return inner or self._made_by(tok)
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
        maker_ids = {m.entity.id for m in makers}
        hosts = [h for h in hosts if h.entity.parent not in maker_ids]  # "Meta built its assistant into WhatsApp": in-house
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
        if any(lemma(x) in PAID_TO_USE for x in children(verb, "xcomp")):
            return  # "paid Apple to use its chips": the payee is paid to be a customer, not to supply
        words = {lemma(t) for t in verb.subtree}
        if words & {"licence", "license", "licensing", "access", "service", "services", "compute", "capacity", "chip", "chips", "cloud"}:
            yield Candidate("supplies", payees, self.subjects(verb), "supply.pay_for", 0.75, verb)

    def _contract_verb(self, verb: Token) -> Iterator[Candidate]:
        """"Uber signed agreements with Oracle to move its computing": the direction comes from
        what the deal is for (to move/use/run -> the partner supplies; to supply -> reverse)."""
        dobjs = [d for d in children(verb, "dobj") if lemma(d) in {"agreement", "contract", "deal", "pact", "agreements", "contracts", "deals", "memorandum", "mou", "accord", "letter"}]
        others = self.pobjs(verb, {"with"}) + [m for d in dobjs for m in self.pobjs(d, {"with"})]
        others += [m for d in dobjs for o in preps(d, {"of"}) for m in self.pobjs(o, {"with"})]  # "a memorandum of understanding with X"
        purposes = [x for x in verb.children if x.dep_ in {"xcomp", "advcl"}] + [x for d in dobjs for x in d.children if x.dep_ in {"acl", "relcl"}]
        subs = self.subjects(verb)
        if dobjs:  # "signed an MoU with X, the AI company ..., to develop": the infinitive hangs off an apposition
            purposes += [x for d in children(verb, "dobj") if d not in dobjs for x in children(d, "relcl", "acl") if any(a.lower_ == "to" for a in children(x, "aux"))]
        joint = [x for x in purposes if lemma(x) in JOINT_WORK_VERBS and not children(x, "nsubj")]
        if joint and (dobjs or others) and not self._called_off(verb):
            # "signed an MoU with X to develop chips", "agreed with Y to jointly develop", "A and B
            # signed a pact to co-develop": a partnership (the parties make something together)
            if others:
                yield from _partner_cands(subs, others, f"partner.contract.{lemma(joint[0])}", 0.75, verb)
            elif len(subs) >= 2:
                yield from _partner_pairs(subs, f"partner.contract.{lemma(joint[0])}", 0.75, verb)
            return
        if not others:
            return
        for x in purposes:
            xl = lemma(x)
            if xl in USE_VERBS | {"move", "shift", "migrate", "run", "host", "buy"}:
                yield Candidate("supplies", others, self.subjects(verb), f"supply.contract.{xl}", 0.8, verb)
            elif xl in {"supply", "provide", "power", "sell", "deliver"}:
                yield Candidate("supplies", self.subjects(verb), others, f"supply.contract.{xl}", 0.8, verb)

    # ------------------------------------------------------------------ regulates
    def _regulate_verb(self, verb: Token, lem: str, passive: bool) -> Iterator[Candidate]:
        if lem in COURT_VERBS | {"bring"} and not passive and any(lemma(p) in {"court", "courts", "tribunal"} for p in preps(verb, {"to", "before", "into"})):
            # "the DPC took X to court", "hauled X before a tribunal": the firm taken is the target
            targets, deal = self._regulated_in(children(verb, "dobj"), company_it=True)
            yield Candidate("regulates", self.subjects(verb), targets, "regulate.take_to_court", 0.8, verb, deal_ref=deal)
            return
        if lem in COURT_VERBS:
            return
        if lem == "settle" and not passive:
            # "X agreed to settle FTC charges", "X settled with the SEC": the settling firm is the target
            regs = [m for d in children(verb, "dobj") for m in self.args(d) + self.owners(d) + self.compounds(d) + self.pobjs(d, {"by", "from"})] + self.pobjs(verb, {"with"})
            regs = [m for m in regs if m.entity.type in {"regulator", "government"}]
            yield Candidate("regulates", regs, [m for m in self.subjects(verb) if m.entity.type == "company"], "regulate.settle", 0.75, verb)
            return
        # "must rule on whether X and Y should ...": the open question names the targets
        whether = [c for p in verb.children if p.dep_ == "prep" and p.lower_ in {"on", "over", "about"} for c in children(p, "pcomp") if any(m.lower_ in {"whether", "if"} for m in children(c, "mark"))]
        if lem in {"conclude", "find", "determine", "decide", "rule"} and (children(verb, "ccomp") or whether):
            regulators = [m for m in self.subjects(verb) if m.entity.type == "regulator"]
            if not regulators:  # "the CMA's market investigation found that X and Y ..."
                regulators = [m for s in children(verb, "nsubj") if lemma(s) in REGULATE_NOUNS for m in self._regulator_owners(s) if m.entity.type == "regulator"]
            targets, deal = self._regulated_in(children(verb, "ccomp") + whether)
            if regulators and (targets or deal is not None):
                yield Candidate("regulates", regulators, targets, f"regulate.{lem}_that", 0.75, verb, deal_ref=deal)
            return
        if lem in {"send", "issue", "serve"} and children(verb, "dative") and not passive:
            # "the FTC sent Amazon a list of questions about its deal with Adept"
            dobjs = children(verb, "dobj")
            if any(lemma(t) in REGULATE_NOUNS | {"question", "questions"} for d in dobjs for t in d.subtree):
                targets = [m for d in children(verb, "dative") for x in (children(d, "pobj") if d.pos_ == "ADP" else [d]) for m in self.args(x)]
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
            slots = children(verb, "nsubjpass") + [p for p in preps(verb, REGULATE_ARG_PREPS - {"with"}) if not self._conduct_clause(p)]
            if lem in COMPANY_REGULATE_VERBS:  # gapped: "X was fined €5m and Y €2m by the Commission"
                slots += [c for c in children(verb, "conj") if c.pos_ == "PROPN" and self.coref.mention_at(c) is not None]
            if verb.dep_ in {"acl", "relcl"}:
                slots.append(verb.head)
        else:
            regulators = self.subjects(verb)
            if lem == "focus":
                regulators = [m for s in children(verb, "nsubj") for m in self.owners(s) + self.compounds(s)]
            slots = children(verb, "dobj", "ccomp", "xcomp", "dative") + [p for p in preps(verb, REGULATE_ARG_PREPS - {"with"}) if not self._conduct_clause(p)]
            if lem in OBJECT_CONTROL and any(self.coref.mention_at(d) is not None for d in children(verb, "dobj")):
                # "required Synopsys to divest X and Ansys to sell Y to Keysight": the firms told to act,
                # not what they must sell or to whom
                clauses = children(verb, "ccomp", "xcomp")
                slots = [t for t in slots if t not in clauses] + [s for c in clauses for x in [c, *c.conjuncts] for s in children(x, "nsubj")]
                doc = verb.doc  # gapped: "... and Ansys to sell Y"
                slots += [t for c in clauses for t in c.subtree if t.dep_ == "conj" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to" and self.coref.mention_at(t) is not None]
            for adv in children(verb, "advcl"):  # "... as it had done with Microsoft's stake in OpenAI"
                if lemma(adv) == "do":
                    slots += preps(adv, {"with"})
            if verb.dep_ == "relcl" and lemma(verb.head) in DEAL_NOUNS:
                slots.append(verb.head)
        if not regulators or all(m.entity.type not in {"regulator", "government"} for m in regulators):
            return
        if _denied(verb):
            return  # "a report that the CMA was preparing to investigate X was denied"
        targets, deal = self._regulated_in(slots, company_it=lem in COMPANY_REGULATE_VERBS, named_only=lem in NAMED_ONLY_REGULATE)
        if deal is not None and deal.lower_ == "it" and (outer := _enclosing_deal(verb)) is not None:
            deal = outer  # "a deal the CMA examined before clearing it": "it" is that deal
        if lem in {"sue"} and not targets and deal is None:
            deal = verb
        yield Candidate("regulates", regulators, targets, f"regulate.{lem}" + (".passive" if passive else ""), 0.85, verb, deal_ref=deal)

    def _conduct_clause(self, tok: Token) -> bool:
        """"fined X for paying Y to ...": a gerund clause giving the conduct punished; the firms in it
        are counterparties, not regulated, unless the conduct is the deal itself ("for buying Y")."""
        if tok.head.lower_ != "for" or tok.dep_ != "pcomp" or tok.tag_ != "VBG":
            return False
        return lemma(tok) not in ACQUIRE_VERBS | INVEST_VERBS | BACK_VERBS | {"merge", "combine", "take", "partner", "team"}

    def _regulated_in(self, toks: Iterable[Token], *, company_it: bool = False, named_only: bool = False) -> tuple[list[Mention], Token | None]:
        """Companies named in a regulated phrase ("Amazon's investment in Anthropic" -> both) and,
        when a deal is referred to ("the deal", "it", "the two companies"), that deal's token.
        ``company_it``: the verb acts on firms ("fined it"), so "it" is the company it resolves to."""
        out: list[Mention] = []
        deal: Token | None = None
        toks = list(toks)
        for tok in toks:
            # relative clauses and participles describe a party ("Grok, the chatbot made by xAI"), not the conduct
            skip = {x.i for t in tok.subtree if (t.dep_ == "relcl" or t.dep_ == "acl" and t.tag_ == "VBN") and t.i != tok.i for x in t.subtree}
            for t in tok.subtree:
                if t.i in skip or self._is_competitor(t):
                    continue
                if t.dep_ in {"compound", "poss"} and lemma(t.head) in PARENT_NOUNS:
                    continue  # "the Google parent" names Alphabet, not Google
                if self._owner_of_named(t):
                    continue  # "Alphabet's Google was fined": the owner only says whose unit it is
                if t.dep_ in {"compound", "poss"} and lemma(t.head) in UNIT_NOUNS - {"business", "part"} and t.head.i in {x.i for x in tok.subtree}:
                    continue  # "fined the Alphabet unit": the unit (resolved from the head noun), not its owner
                if self._modifier_only(t):
                    continue
                if t.lower_ in RELATIVES and t.dep_ != "poss":
                    continue
                if lemma(t) in DEAL_NOUNS | PARTY_NOUNS and t.pos_ == "NOUN" and deal is None:
                    deal = t
                if t.lower_ == "two" and t.dep_ in {"dobj", "nsubjpass", "pobj", "nsubj"} and any(c.lower_ == "the" for c in t.children):
                    deal = deal or t  # "required the two to sell ...": the deal's parties
                if t.lower_ == "it" and t.dep_ in {"dobj", "nsubjpass", "pobj"} and t.head in toks or (t.lower_ == "it" and t in toks):
                    firm = self.coref.resolve(t) if company_it and t in toks else None
                    if firm is not None and firm.entity.type == "company":
                        out.append(firm)  # "the Commission fined it EUR 40m": the firm, not a deal
                        continue
                    deal = deal or t
                    continue
                m = self.coref.mention_at(t) or self.coref.resolve(t)
                if named_only and m is not None and m.coref and t.pos_ == "NOUN":
                    continue  # "the company's purchases", far from its antecedent
                if m is not None and all(m.entity.id != o.entity.id for o in out):
                    out.append(m)
        if named_only and out:
            return out, None  # the named parties, not a deal whose parties came from a guess
        return out, deal

    def _owner_of_named(self, t: Token) -> bool:
        """``t`` is in a possessor of a named company ("Alphabet's Google"): that unit, not its
        owner, is the one regulated."""
        r = t.head if t.dep_ == "case" else t
        while r.dep_ == "compound" and r.head.i != r.i:
            r = r.head
        if r.dep_ != "poss" or r.head.pos_ != "PROPN":
            return False
        named = self.coref.mention_at(r.head)
        return named is not None and named.entity.type == "company" and r.i < named.start

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
        targets, deal = self._regulated_in(slots, named_only=lem in NAMED_ONLY_REGULATE)
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
        if noun.dep_ == "pobj" and noun.head.lower_ == "under" and lemma(noun.head.head) in {"keep", "put", "place", "bring", "hold"} and children(noun.head.head, "dobj"):
            more, deal2 = self._regulated_in(children(noun.head.head, "dobj"))
            targets += more  # "Ofcom will keep X's merger with Y under review": the object, not the subject
            deal = deal or deal2
        elif noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.pos_ in {"AUX", "VERB"}:
            more, deal2 = self._regulated_in(children(noun.head.head, "nsubj", "nsubjpass"))
            targets += more  # "X is under investigation by the SEC"
            deal = deal or deal2
        if not targets and deal is None:
            if lem in {"findings", "finding", "look", "proceeding", "proceedings"}:
                return  # only with a stated target: "reached provisional findings" names no deal
            if any(lemma(c) in {"market", "sector", "industry", "cloud", "study"} for c in noun.children if c.dep_ in {"compound", "amod", "nmod"}):
                return  # "a market investigation" is not about a deal
            if noun.tag_ == "NNS":
                return  # "divided their AI inquiries": several cases, none of them a known deal
            if any(c.dep_ == "compound" and lemma(c) in DEAL_NOUNS for c in noun.children):
                return  # "tighten merger review": the kind of review, not a review of a known deal
            earlier = [t for t in self.sent if t.i < noun.i and t.pos_ == "NOUN" and lemma(t) in DEAL_NOUNS and t.head.i != noun.i]  # not "merger review"
            deal = earlier[-1] if earlier else noun  # "X cleared that deal, and Y gave its consent"
        yield Candidate("regulates", regs, targets, rule, conf, noun, deal_ref=deal)

    # ------------------------------------------------------------------ partners_with
    def _partner_verb(self, verb: Token, lem: str) -> Iterator[Candidate]:
        if lem == "join" and not any(lemma(d) == "force" for d in children(verb, "dobj")):
            return  # only "joined forces with"
        if lem == "tie" and not any(c.lower_ == "up" for c in children(verb, "prt")):
            return  # "tied up with", not "tied OpenAI to its cloud"
        if self._called_off(verb):
            return
        subs = self.agents(verb) if is_passive(verb) else self.subjects(verb)
        if len(subs) < 2:  # "the two chipmakers will jointly develop"
            subs = [m for s in children(verb, "nsubj") for m in self._pair_parties(s)] or subs
        if lem in {"develop", "co-develop", "market", "co-market", "co-sell", "co-promote", "commercialise", "commercialize", "design", "co-design", "build"}:
            others = self.pobjs(verb, {"with"})
            if not others and lem != "build":  # "co-markets a line of AI systems with Nvidia": "with" attached low
                others = [m for p in deep_preps(verb, {"with"}) if p.head.head is not verb for m in self.args(p) if m.entity.type == "company"]
            if others and lem != "build":
                yield from _partner_cands(subs, others, f"partner.{lem}_with", 0.75, verb)
            elif len(subs) >= 2 and (lem.startswith("co-") or _jointly(verb)):
                yield from _partner_pairs(subs, f"partner.{lem}.jointly", 0.75, verb)  # "X and Y will jointly develop"
            return
        if lem == "work" and not preps(verb, {"with"}):
            return
        if lem == "work":
            # "it works with Meta", "the company will keep working with X": a plain "work with" is
            # weak evidence, so only between named firms and only when stated as fact
            subs = [m for m in subs if not m.coref]
            if is_hedged(verb, self.sent):
                return
        others = self.pobjs(verb, {"with", "alongside"})
        if lem in {"team", "tie"}:
            others += [m for p in children(verb, "prt") for m in self.pobjs(p, {"with"})]
        if others:
            yield from _partner_cands(subs, others, f"partner.{lem}", 0.8, verb)
        elif len(subs) >= 2 and lem != "work":
            yield from _partner_pairs(subs, f"partner.{lem}.conj", 0.75, verb)

    # ------------------------------------------------------------------ role nouns
    def _include(self, verb: Token) -> Iterator[Candidate]:
        """"Y's investors/customers include X", "other participants included X"."""
        for s in children(verb, "nsubj"):
            head = lemma(s)
            owners = self.owners(s) + self.pobjs(s, {"of", "in"})
            listed = self.objects(verb)
            if head in INVESTOR_NOUNS:
                listed += [m for d in children(verb, "dobj") for a in children(d, "appos") for m in self.args(a) if m not in listed]
                for r in preps(s, {"in"}):
                    if is_round(r):
                        owners += self._round_owner(r)
                if not owners:  # "X raised $1bn ...; earlier backers include A and B"
                    raiser = self.coref.raiser(s)
                    near = raiser is not None and (head == "participant" or raiser.start >= self._previous_start())
                    owners = [raiser] if raiser is not None and near else []
                yield Candidate("invests_in", listed, owners, "invest.include", 0.85, verb)
            elif head in CUSTOMER_NOUNS:
                yield Candidate("supplies", owners, listed, "supply.include", 0.8, verb)

    def _previous_start(self) -> int:
        """First token of the sentence before this one: how far back a bare role may look."""
        start = self.sent.start
        return self.sent.doc[start - 1].sent.start if start > 0 else start

    def _copula(self, verb: Token) -> Iterator[Candidate]:
        """"X is an investor in Y", "Y is a customer of X", "X is Y's primary cloud provider",
        "X is a unit of Y", "X has been part of Y"."""
        subs = self.subjects(verb)
        if not subs and lemma(verb) == "be" and preps(verb, {"among"}):  # "Among X's backers are A and B"
            subs = [m for a in children(verb, "attr") if self.coref.mention_at(a) is not None for m in self.args(a)]
        slots = children(verb, "attr", "oprd", "acomp") + preps(verb, {"as", "among"})
        slots += [p for p in preps(verb, {"by"}) if any(c.lower_ == "far" for c in p.head.children)]  # "is by far X's biggest customer"
        if lemma(verb) in UNIT_VERBS:
            slots = [p for p in preps(verb, {"inside", "within", "under", "as", "in"}) if lemma(p) in UNIT_NOUNS]
        for attr in slots:
            for cand in self._role_noun(attr, subs, f"copula.{lemma(verb)}"):
                if cand.predicate == "invests_in" and not cand.objects:
                    # "Nvidia is among the investors in xAI's round": "in" attached to the verb
                    for r in preps(verb, {"in"}):
                        cand.objects += self._round_owner(r) if is_round(r) else self._investees([r])
                if cand.predicate == "invests_in" and not cand.objects and attr.tag_ in {"NNS", "NNPS"} and lemma(attr) in INVESTOR_NOUNS and not children(attr, "poss", "prep") and not preps(verb, {"in", "of"}):
                    # "X and Y are among the new shareholders" right after a raise: the raiser's
                    raiser = self.coref.raiser(verb)
                    near = [raiser] if raiser is not None and raiser.start >= self._previous_start() else []
                    ids = {m.entity.id for m in cand.subjects}
                    rounds = [t for t in verb.doc[self._previous_start() : verb.i] if is_round(t) and self.coref.mention_at(t) is None]
                    cand.objects += near or [m for m in (self._round_owner(rounds[-1]) if rounds else []) if m.entity.id not in ids]
                    cand.subjects = [m for m in cand.subjects if not m.coref and self.sent.start <= m.start < self.sent.end]  # named here: "Japan's largest banks" stays unresolved
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
        oprds = children(verb, "oprd")
        if not holders and len(oprds) >= 2:  # parser variant: "named AWS (oprd) its partner (oprd)"
            holders = self.args(oprds[0])
        if any(lemma(r) in GATEKEEPER_NOUNS for r in roles):
            # "the Commission designated it a gatekeeper together with X and Y"
            regulators = [m for m in self.subjects(verb) if m.entity.type in {"regulator", "government"}]
            listed = [m for p in preps(verb, {"with", "alongside"}) if p.head.lower_ == "alongside" or any(c.lower_ == "together" for c in p.head.children) for m in self.args(p)]
            yield Candidate("regulates", regulators, holders + listed, "regulate.designate_gatekeeper", 0.85, verb)
        for r in roles:
            head = lemma(r)
            if head in SUPPLIER_NOUNS and (head != "partner" or self._supply_modified(r)):
                if is_passive(verb):  # "X has been chosen by the NHS as the supplier of its platform"
                    holders = holders or self.passive_subjects(verb)
                    held = {m.entity.id for m in holders}  # "its" read as the holder: the chooser is meant
                    custs = [m for m in self.owners(r) + self.pobjs(r, {"for", "to"}) if m.entity.id not in held] or [m for m in self.agents(verb) if m.entity.type != "person"]
                elif any(c.lower_ in {"its", "their"} for c in children(r, "poss")):
                    custs = self.subjects(verb)  # "X named Y its provider": the possessive is the namer's own
                else:
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
        past = any(c.lower_ in {"former", "formerly", "previously", "once", "ex"} for c in noun.subtree if c.i < noun.i)
        if past and head in INVESTOR_NOUNS | UNIT_NOUNS | PARENT_NOUNS | {"parent"}:
            return  # "X, formerly the parent of Y": a relation that has ended
        if head in INVESTOR_NOUNS:
            targets = owners + self.pobjs(noun, {"in", "of", "into", "behind"})
            ids = {m.entity.id for m in holders}
            if any(t.entity.id in ids for t in owners) and any(c.lower_ == "its" for c in children(noun, "poss")):
                # "Microsoft, its biggest investor,": "its" cannot be Microsoft itself
                targets = [t for t in targets if t.entity.id not in ids] or self._sole_other(noun, ids)
            for r in preps(noun, {"in"}):
                if is_round(r) and self.coref.mention_at(r) is None:
                    targets += self._round_owner(r)
            if not targets and noun.dep_ == "attr" and not self._competitive and any(c.lower_ == "also" for c in noun.head.children):
                targets = self._sole_in_sentence(noun, {m.entity.id for m in holders})  # "X, which sells Y chips, is also a shareholder"
            ranked = any(c.lower_ in {"largest", "biggest", "single", "main", "minority", "partial", "joint", "co"} for c in noun.children)
            if self._controlling(noun) or (head == "owner" and not ranked):  # "its largest single owner" owns a part
                yield Candidate("subsidiary_of", targets, holders, f"subsidiary.controlling.{rule}", 0.85, noun)
            else:
                yield Candidate("invests_in", holders, targets, f"invest.{rule}", 0.85, noun)
        elif head in CUSTOMER_NOUNS:
            sups = owners + self.pobjs(noun, {"of", "for", "at"}) + self.compounds(noun)
            if not sups:  # "a big buyer of Qualcomm modems", "a customer of X's cloud"
                sups = [m for p in preps(noun, {"of", "for"}) if self.coref.mention_at(p) is None for m in self._supply_sources(p)]
            yield Candidate("supplies", sups, holders, f"supply.customer.{rule}", 0.8, noun)
        elif head in SUPPLIER_NOUNS and (head != "partner" or self._supply_modified(noun)):
            custs = owners + self.pobjs(noun, {"for", "to", "of"}) or self._role_owners(noun)
            attrs_ = {"exclusivity": ex} if (ex := self._exclusivity_mod(noun)) else {}
            yield Candidate("supplies", holders, custs, f"supply.provider.{rule}", 0.85, noun, attrs_)
        elif head == "partner" and self._business_partner(noun):
            # "Stravos Bio, a research partner of AstraZeneca": a partnership, no supply named
            yield from _partner_cands(holders, owners + self.pobjs(noun, {"of", "to"}), f"partner.role.{rule}", 0.75, noun)
        elif head in UNIT_NOUNS:
            if head == "business" and not owners:
                return
            named = [m for m in self.compounds(noun) if m.entity.type == "company" and not m.place and noun.doc[m.start].ent_type_ not in {"GPE", "LOC", "NORP"}]  # not "its US arm"
            if named and any(c.pos_ == "PRON" for c in children(noun, "poss")) and noun.dep_ == "appos":
                # "X, its Y unit,": the compound names the unit and "its" is X
                yield Candidate("subsidiary_of", named, holders, f"subsidiary.{rule}.named_unit", 0.85, noun)
                return
            parents = owners + self.pobjs(noun, {"of", "at", "within", "inside"}) + named
            yield Candidate("subsidiary_of", holders, parents, f"subsidiary.{rule}", 0.85, noun)
        elif head in PARENT_NOUNS:
            kids = owners + self.pobjs(noun, {"of"})
            yield Candidate("subsidiary_of", kids, holders, f"subsidiary.parent.{rule}", 0.85, noun)

    def _business_partner(self, noun: Token) -> bool:
        """"a research/strategic/key partner", not a bare "partner of Sequoia" (a person's title)
        nor a fund's "limited/general partner"."""
        mods = [c for c in noun.children if c.dep_ in {"amod", "compound", "nmod"}]
        return bool(mods) and not any(c.lower_ in {"limited", "general", "managing", "founding", "senior", "junior", "equity", "former"} for c in mods)

    def _maker_of(self, tok: Token) -> list[Mention]:
        """"the ChatGPT maker": the product, which typing later resolves to its maker."""
        if lemma(tok) not in {"maker", "developer", "creator", "owner", "operator", "provider", "builder"}:
            return []
        return [m for c in children(tok, "compound") if (m := self.coref.mention_at(c)) is not None and m.entity.type == "product"]

    def _role_owners(self, noun: Token) -> list[Mention]:
        """Whom a provider role serves when not said on the noun itself: a coordinated role
        ("Y's primary cloud provider and training partner") or an owned thing ("the exclusive
        provider for OpenAI's API", "a manufacturing partner for AMD's systems")."""
        out: list[Mention] = [m for c in children(noun, "poss") for m in self._maker_of(c)]
        for c in noun.children:
            if c.dep_ in {"nmod", "conj"} and lemma(c) in SUPPLIER_NOUNS:
                out += self.owners(c)
        if noun.dep_ in {"conj", "nmod"} and lemma(noun.head) in SUPPLIER_NOUNS:
            out += self.owners(noun.head)
        for p in preps(noun, {"for", "to", "of"}):
            if self.coref.mention_at(p) is None:
                out += [m for m in self.owners(p) if m.entity.type == "company"]
        return out

    def _sole_in_sentence(self, tok: Token, exclude: set[str]) -> list[Mention]:
        """The one other company named earlier in this sentence: what a bare "is also an
        investor" adds a relation to; none when several are named."""
        found = {m.entity.id: m for t in self.sent[: tok.i - self.sent.start] if (m := self.coref.mention_at(t)) is not None and m.entity.type == "company" and m.entity.id not in exclude}
        return list(found.values()) if len(found) == 1 else []

    def _sole_other(self, tok: Token, exclude: set[str]) -> list[Mention]:
        """The one company named in the previous sentence or earlier in this one, other than
        ``exclude``; several candidates make the reference ambiguous, so none."""
        doc = tok.doc
        found = {m.entity.id: m for t in doc[self._previous_start() : tok.i] if (m := self.coref.mention_at(t)) is not None and m.entity.type == "company" and m.entity.id not in exclude}
        return list(found.values()) if len(found) == 1 else []

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
        withdrawn = _withdrawn_from(noun)
        if lem in {"bid", "offer", "approach"} and preps(noun, {"for"}) and not withdrawn:  # not "walked away from its bid"
            # "Meta's bid for Scale AI": an attempt, kept as hedged
            bidders = self.owners(noun) + self.compounds(noun)
            if not bidders and noun.dep_ == "dobj":
                bidders = self.subjects(noun.head)
            targets = [m for m in self.pobjs(noun, {"for"}) if m.entity.type == "company"]
            yield Candidate("acquires", bidders, targets, f"acquire.noun.{lem}_for", 0.8, noun, {"hedged": True})
        if lem in SALE_NOUNS:
            yield from self._sale_noun(noun)
        if lem in ACQUIRE_NOUNS:
            targets = [m for m in self.pobjs(noun, {"of"}) if m.entity.type != "product"]
            acquirers = self.owners(noun) + self.pobjs(noun, {"by"})
            if not acquirers and targets:  # "the acquisition of X by Y", with "by Y" hung on X
                acquirers = [m for o in preps(noun, {"of"}) if self.coref.mention_at(o) is not None for m in self.pobjs(o, {"by"}) if m.entity.type == "company"]
            if not acquirers and targets:
                acquirers = self.compounds(noun)
            if not acquirers and targets and noun.dep_ == "dobj" and lemma(noun.head) in LIGHT_NOUN_VERBS | {"complete", "announce", "finalise", "finalize", "close", "pursue"}:
                acquirers = self.subjects(noun.head)
            stakes = [t for t in preps(noun, {"of"}) if lemma(t) in STAKE_NOUNS or t.lower_ in {"%", "percent"} or t.ent_type_ == "PERCENT"]
            if stakes and acquirers:  # "the acquisition of a 30% stake in X by Y": equity, not control
                issuers = [m for t in stakes for p in preps(t, {"in", "of"}) for m in self._equity_issuers(p) if m.entity.type == "company"]
                yield Candidate("invests_in", acquirers, issuers, f"invest.noun.{lem}_of_stake", 0.8, noun)
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
        if lem in USE_NOUNS:
            yield from self._use_noun(noun, lem)
        if noun.lower_ in {"partners", "teams"}:
            yield from self._partners_misparse(noun)
        parent_company = lem in {"company", "firm", "group"} and any(lemma(c) == "parent" for c in children(noun, "compound", "amod"))
        if noun.dep_ == "appos" and (lem in INVESTOR_NOUNS | CUSTOMER_NOUNS | UNIT_NOUNS | PARENT_NOUNS | SUPPLIER_NOUNS or noun.lower_ == "one" or parent_company):
            listed = lem in INVESTOR_NOUNS | UNIT_NOUNS | PARENT_NOUNS or parent_company
            yield from self._role_noun(noun, self._appos_holders(noun) if listed else self.args(noun.head), "appos")
        if parent_company and noun.dep_ != "appos" and self.owners(noun):
            # "Veridian's parent company, Halsey Group, ...": the possessor is the unit
            parents = [m for c in children(noun, "appos") for m in self.args(c) if m.entity.type == "company"]
            yield Candidate("subsidiary_of", self.owners(noun), parents, "subsidiary.parent_company", 0.85, noun)
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
        if lem in {"fund", "vehicle"} and any(lemma(c) in {"venture", "investment", "corporate", "capital", "strategic"} for c in children(noun, "compound", "amod")):
            yield from self._venture_fund(noun)
        if lem in UNIT_NOUNS - {"part", "business"} and noun.dep_ not in {"appos", "attr"}:
            # "Amazon's AWS unit", "its cloud unit AWS", "whose Whole Foods Market subsidiary"
            named = [m for c in children(noun, "compound", "appos") for m in self.args(c)]
            if noun.dep_ == "compound":
                named += self.args(noun.head)
            named = [m for m in named if m.entity.type == "company" and not m.place and noun.doc[m.start].ent_type_ not in {"GPE", "LOC", "NORP"}]  # not "Vodafone's UK arm"
            owners = self.owners(noun) + self.pobjs(noun, {"of"})
            if noun.dep_ == "compound":  # "its subsidiary Vantor Labs": "its" hangs on the name
                owners += [m for m in self.owners(noun.head) if m not in owners]
            if owners and named and not self._separated_unit(noun):
                yield Candidate("subsidiary_of", named, owners, "subsidiary.unit", 0.85, noun)

    def _separated_unit(self, noun: Token) -> bool:
        """"spun off its voice unit, X", "its former unit X": a unit split away (done, not planned) no
        longer belongs to the possessor, so the possessive is history, not a subsidiary relation."""
        if any(c.lower_ in {"former", "ex", "erstwhile"} for c in children(noun, "amod", "compound")):
            return True
        gov = noun.head if noun.dep_ in {"dobj", "nsubjpass"} else None
        if gov is None or gov.pos_ not in {"VERB", "AUX"}:
            return False
        if gov.tag_ not in {"VBD", "VBN"} or gov.dep_ == "xcomp" or any(c.tag_ == "MD" for c in children(gov, "aux")):
            return False  # "will divest its unit X", "plans to spin off": still a subsidiary today
        parts = {c.lower_ for c in children(gov, "prt", "advmod")}
        return lemma(gov) in SEPARATE_VERBS or (lemma(gov) in {"spin", "split", "carve", "hive"} and bool(parts & {"off", "out"}))

    def _venture_fund(self, noun: Token) -> Iterator[Candidate]:
        """"M12, Microsoft's venture fund," / "Zoom's venture fund Z Ventures": a corporate venture
        fund belongs to the company that owns it (as a venture "arm" does)."""
        owners = [m for m in self.owners(noun) + self.pobjs(noun, {"of"}) if m.entity.type == "company"]
        named = self.args(noun.head) if noun.dep_ == "appos" else [m for c in children(noun, "appos", "compound") for m in self.args(c)]
        named = [m for m in named if m.entity.type == "company" and m not in owners]
        if owners and named:
            yield Candidate("subsidiary_of", named, owners, "subsidiary.venture_fund", 0.8, noun)

    def _appos_holders(self, noun: Token) -> list[Mention]:
        """Who a role in apposition describes. In a list ("A and B, the unit of C", "X, Y, the
        venture arm of Z and W") a singular role may describe only the last name or be a list item
        of its own: then only a dash- or bracket-delimited one ("X — the venture arm of Y —")
        counts, for the name right before it; otherwise none."""
        holders = [m for m in self.args(noun.head) if not noun.left_edge.i <= m.start <= noun.right_edge.i]  # not the role's own owner
        head = noun.head
        in_list = head.dep_ == "conj" or any(c.i < noun.i for c in children(head, "conj")) or len(holders) > 1
        if not in_list or noun.tag_ in {"NNS", "NNPS"}:
            return holders
        left = noun.left_edge.i
        if left > 0 and noun.doc[left - 1].text in {"—", "–", "(", "-"}:
            return [m for m in holders if m.end == left - 1]
        return []

    def _invest_noun(self, noun: Token, lem: str) -> Iterator[Candidate]:
        if self.coref.mention_at(noun) is not None:
            return  # a word of a name: "ASE Technology Holding", "Kowa Holdings"
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
        if investors and not investees and lem in {"stake", "stakes", "holding", "shareholding", "investment", "position"}:
            named = [m for c in children(noun, "compound", "nmod", "amod", "npadvmod") if (m := self.coref.mention_at(c)) is not None]
            investees = [m for m in named if m.entity.type == "company" and m not in investors]  # "its Anthropic stake"
        if not investors and not investees and self.compounds(noun) and noun.dep_ == "pobj" and noun.head.lower_ == "on":
            investors = self.compounds(noun)  # "declined to comment on the Google investment"
            investees = self.subjects(noun.head.head) if noun.head.head.pos_ == "VERB" else []
        investees = [m for m in investees if not (m.place or (m.weak and noun.doc[m.start].ent_type_ in {"GPE", "LOC"}))]  # "its largest investment in Europe"
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
        if lem == "up" and not any(c.lower_ == "tie" for c in children(noun, "compound")):
            return  # "tie-up" is split as "tie - up"
        if lem == "venture":
            yield from self._venture_owners(noun)
        if self._called_off(noun):
            return  # "talks on an alliance collapsed", "denied it had agreed a partnership"
        a = [m for m in self.owners(noun) + self.compounds(noun) if not (lem == "up" and m.entity.id == "tie")]
        # "X's partnership with Y and Z's with W": a possessor listed after "with" starts a gapped pair
        b = [m for m in self.pobjs(noun, {"with"}) if not any(c.dep_ == "case" for t in noun.doc[m.start : m.end] for c in t.children)]
        between = self.pobjs(noun, {"between"})
        gov = noun.head if noun.dep_ == "dobj" else None
        if noun.dep_ == "nsubj" and noun.head.dep_ in {"ccomp", "xcomp"}:
            gov = noun.head.head  # "X and Y announced a partnership to develop ..."
        gov_lem = lemma(gov) if gov is not None else ""
        counted = [s for s in (children(gov, "nsubj") if gov is not None else []) if any(c.lower_ in {"two", "both"} for c in s.children)]
        if counted and any(c.lower_ == "their" for c in children(noun, "poss")):
            a = [m for s in counted for m in self._pair_parties(s)]  # "the two companies ... their": exactly two, or none
        if len(between) >= 2:
            yield from _partner_pairs(between, f"partner.noun.{lem}.between", 0.8, noun)
        elif a and b:
            yield from _partner_cands(a, b, f"partner.noun.{lem}", 0.8, noun)
        elif len(a) >= 2:
            yield from _partner_cands(a[:1], a[1:], f"partner.noun.{lem}.compound", 0.75, noun)
        elif b and noun.dep_ == "pobj" and noun.head.lower_ in {"in", "through"}:
            # "X, in partnership with Y, will build", "built by X in collaboration with Y"
            host = noun.head.head
            parties = self.args(host) if self.coref.mention_at(host) is not None else (self.agents(host) if is_passive(host) else self.subjects(host))
            yield from _partner_cands(parties, b, f"partner.noun.{lem}.in", 0.75, noun)
        elif b and gov is not None and gov_lem in PARTNER_FORM_VERBS:
            subs = self.subjects(gov)
            yield from _partner_cands(subs, b, f"partner.noun.{lem}.verb", 0.8, noun)
            if len(subs) >= 2:  # "A and B formed an alliance with C"
                yield from _partner_pairs(subs, f"partner.noun.{lem}.verb", 0.75, noun)
        elif not b and gov is not None and gov_lem in PARTNER_FORM_VERBS - {"have", "extend", "expand", "deepen"}:
            subs = self.subjects(gov)
            if len(subs) < 2:  # "when the two companies struck their partnership"
                subs = [m for s in children(gov, "nsubj") for m in self._pair_parties(s)] or subs
            if len(subs) >= 2:
                yield from _partner_pairs(subs, f"partner.noun.{lem}.conj", 0.75, noun)

    def _partners_misparse(self, noun: Token) -> Iterator[Candidate]:
        """"X partners with Y" where the tagger read "partners" as a plural noun modified by the
        name ("Whereas Anthropic partners with Amazon, ..."): the verb reading, names on both sides."""
        if noun.i == 0 or any(c.dep_ in {"det", "poss", "nummod"} for c in noun.children):
            return
        left = self.coref.mention_at(noun.doc[noun.i - 1])
        if left is None or left.entity.type != "company" or noun.doc[noun.i - 1].head.i != noun.i and noun.doc[noun.i - 1].head.head.i != noun.i:
            return
        others = [m for m in self.pobjs(noun, {"with"}) if m.entity.type == "company"]
        yield from _partner_cands([left], others, f"partner.{noun.lower_}_with", 0.75, noun)

    def _pair_parties(self, tok: Token) -> list[Mention]:
        """"the two companies", "both groups", "the pair": the two companies named just before,
        in this sentence or else the previous one; nothing unless there are exactly two."""
        two = any(c.lower_ in {"two", "both"} for c in tok.children if c.dep_ in {"nummod", "det", "predet", "amod"})
        if not (two and tok.tag_ == "NNS" or (tok.lower_ == "pair" and any(c.lower_ == "the" for c in tok.children))):
            return []
        mentions = [m for m in self.coref.ents.mentions if m.entity.type == "company" and not m.coref]
        sent_start = tok.sent.start
        for lo, hi in ((sent_start, tok.i), (tok.doc[sent_start - 1].sent.start if sent_start else 0, sent_start)):
            found: list[Mention] = []
            for m in mentions:
                if lo <= m.start < hi and all(m.entity.id != f.entity.id for f in found):
                    found.append(m)
            if found:
                return found if len(found) == 2 else []
        return []

    def _called_off(self, tok: Token) -> bool:
        """The relation is only talked about, or denied: governed within a few heads by "talks",
        "plans", or a verb of denial/collapse (precision over the shared negation check)."""
        cur = tok
        for _ in range(6):
            if cur.head.i == cur.i:
                return False
            cur = cur.head
            if cur.pos_ == "NOUN" and lemma(cur) in HEDGE_NOUNS:
                return True
            if cur.pos_ in {"VERB", "AUX"} and lemma(cur) in CALL_OFF_VERBS:
                return True
        return False

    def _use_noun(self, noun: Token, lem: str) -> Iterator[Candidate]:
        """"Anthropic's use of Google Cloud", "Microsoft's access to OpenAI's models", "gaining
        access to X's TPUs", "orders for Intel's accelerators": the source supplies the user."""
        if self._called_off(noun) or _cut_off(noun):
            return  # "lost access to", "restricted its use of", "talks about access"
        words = {"access": {"to"}, "reliance": {"on", "upon"}, "dependence": {"on", "upon"}, "dependency": {"on", "upon"}}.get(lem, {"of", "for", "on"})
        sources = preps(noun, words)
        if lem in {"purchase", "purchases", "order", "orders", "spending"}:
            sources = [p for p in sources if self.coref.mention_at(p) is None or self.coref.mention_at(p).entity.type == "product"]
            if noun.dep_ == "compound":  # "purchase commitments of €140m for X's chips"
                head = noun.head
                sources += preps(head, {"for"}) + [p for o in preps(head, {"of"}) for p in preps(o, {"for"})]
                if head.dep_ == "dobj":
                    sources += preps(head.head, {"for"})
        suppliers: list[Mention] = []
        for s in sources:
            if lem in {"purchase", "purchases"} and self._bought_business(s):
                continue  # "its purchase of the chip developer X" is an acquisition
            direct = self.coref.mention_at(s) or self.coref.resolve(s)
            if direct is not None and direct.entity.type != "product":
                if lem in {"use", "reliance", "dependence", "dependency", "adoption", "deployment"}:
                    suppliers += [m for m in self.args(s) if m.entity.type == "company"]
                continue
            suppliers += self._supply_sources(s)
        if not suppliers:
            return
        users = self.owners(noun) if lem != "access" else []  # "Microsoft's access to X's IP" is a licence term, not a sale
        if not users:
            gov = noun.head if noun.dep_ == "dobj" else (noun.head.head if noun.dep_ == "compound" and noun.head.dep_ == "dobj" else None)
            if gov is not None and gov.pos_ in {"VERB", "AUX"} and lemma(gov) in USE_NOUN_VERBS:
                users = self.subjects(gov)  # "Anthropic gained access to X's TPUs"
        users = [m for m in users if m.entity.type == "company"]
        yield Candidate("supplies", suppliers, users, f"supply.noun.{lem}", 0.75, noun)

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
                    if lemma(head) in {"offer", "grant", "give", "sell", "issue", "extend"}:
                        # "X will offer manufacturers a licence for Y": X grants it, the recipients hold it
                        recipients = [d for d in children(head, "dative", "dobj") if d.i != noun.i] + preps(head, {"to"})
                        licensees = [m for d in recipients for m in self.args(d)]
                    else:
                        licensees = self.subjects(head)
                    break
                head = head.head
        yield Candidate("supplies", licensors, licensees, "supply.licence", 0.75, noun)

    def _backed_compound(self, tok: Token) -> Iterator[Candidate]:
        """"Google-backed Anthropic", "an Amazon-funded startup"."""
        backers = [m for c in tok.children if c.dep_ in {"npadvmod", "compound", "nmod", "advmod"} for m in self.args(c) or self._named(c)]
        doc = tok.doc
        if not backers and tok.i > 1 and doc[tok.i - 1].text == "-":
            m = self.coref.mention_at(doc[tok.i - 2])
            backers = [m] if m else []
        if backers:
            direct = self.coref.mention_at(tok.head)  # "X-backed A and Y-backed B": A only, not its conjunct
            backed = [direct] if direct is not None and direct.entity.type == "company" else self._described(tok.head)
            yield Candidate("invests_in", backers, backed, "invest.backed_compound", 0.85, tok)

    def _named(self, tok: Token) -> list[Mention]:
        """The company a token names outright, with its conjuncts ("SoftBank- and Nvidia-backed"):
        inside one noun phrase a relation holds even in a sentence about competition, where
        ``args`` drops names as rivals ("Google-backed Anthropic competes with ...")."""
        return [m for t in [tok, *children(tok, "conj")] if (m := self.coref.mention_at(t)) is not None and m.entity.type == "company"]

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
        if not found and noun.dep_ == "appos" and noun.left_edge.i - noun.head.i <= 2:
            found = self.args(noun.head)  # adjacent only: "X, the Y-owned Z"; a far "appos" is a misparse
        left = noun.left_edge.i
        if not found and noun.dep_ not in {"nsubj", "nsubjpass"} and left >= 2 and noun.doc[left - 1].text == "," and noun.doc[left].lower_ in {"the", "a", "an"}:
            m = self.coref.mention_at(noun.doc[left - 2])  # "with X, the AI company owned by Y": a misparsed apposition
            found = [m] if m is not None and m.entity.type == "company" and not m.coref else []
        return found

    def _possessive_units(self) -> Iterator[Candidate]:
        """"Alphabet's Google" where the gazetteer confirms the parent (reference knowledge)."""
        doc = self.sent.doc
        deps = dep_labels(doc)
        for i in range(self.sent.start, self.sent.end):
            if deps[i] != "poss":
                continue
            tok = doc[i]
            m = self.coref.mention_at(tok)
            if m is None or m.entity.type != "company":
                continue
            head = self.coref.mention_at(tok.head)
            if head is not None and head.entity.parent == m.entity.id:
                yield Candidate("subsidiary_of", [head], [m], "subsidiary.possessive", 0.8, tok)


def _affirmed(pobjs: list[Token]) -> list[Token]:
    """Drop prepositional objects the sentence sets aside: "trained on X's TPUs, not on Y's GPUs",
    "on X rather than on Y", "instead of Y"."""
    out = []
    for o in pobjs:
        prep = o.head
        left = [t.lower_ for t in o.doc[max(prep.i - 3, 0) : prep.i]]
        if prep.dep_ == "conj" and any(w in {"not", "than", "instead", "nor"} for w in left):
            continue
        if any(c.dep_ == "neg" for c in prep.children) or (prep.i > 0 and o.doc[prep.i - 1].lower_ in {"not", "than"}):
            continue
        out.append(o)
    return out


def _denied(tok: Token, limit: int = 6) -> bool:
    """A governing verb denies the clause ("a report that X was investigating Y was denied")."""
    cur = tok
    for _ in range(limit):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"} and lemma(cur) in {"deny", "refute", "dismiss"}:
            return True
    return False


def _cut_off(noun: Token) -> bool:
    """A use noun under a verb that takes it away or limits it ("lost access to", "restricted
    its use of", "cut off access"), or under "without"/"no"."""
    if any(c.lower_ in {"no", "without"} for c in noun.children):
        return True
    if noun.head.lower_ in {"without", "instead"}:
        return True
    return lemma(noun.head) in {"lose", "restrict", "limit", "curb", "cut", "deny", "block", "revoke", "end", "bar", "ban", "suspend", "halt", "reduce", "withdraw", "prevent", "stop", "cap", "pause"}


def _jointly(verb: Token) -> bool:
    """"jointly develop", "develop together", "co-develop": the subjects act as partners."""
    return any(c.lower_ in {"jointly", "together", "collaboratively"} for c in verb.children if c.dep_ in {"advmod", "prt"})


def _partner_cands(a: list[Mention], b: list[Mention], rule: str, confidence: float, trigger: Token) -> Iterator[Candidate]:
    """partners_with between two sides, minus a regulator paired with a company: an authority's
    "cooperation with X" is mis-resolved "its", never a commercial partnership."""
    a_types = {m.entity.type for m in a}
    b_types = {m.entity.type for m in b}
    if "company" in b_types:
        a = [m for m in a if m.entity.type != "regulator"]
    if "company" in a_types:
        b = [m for m in b if m.entity.type != "regulator"]
    if a and b:
        yield Candidate("partners_with", a, b, rule, confidence, trigger)


def _partner_pairs(parties: list[Mention], rule: str, confidence: float, trigger: Token) -> Iterator[Candidate]:
    """Every pair of a list of partners ("A, B and C formed a venture"), regulators kept apart."""
    for i in range(len(parties) - 1):
        yield from _partner_cands(parties[i : i + 1], parties[i + 1 :], rule, confidence, trigger)


def _all_pairs(parties: list[Mention], rule: str, confidence: float, trigger: Token) -> Iterator[Candidate]:
    """"A, B and C formed a venture": every pair partners, not just A with each of the others."""
    for i in range(len(parties) - 1):
        yield Candidate("partners_with", parties[i : i + 1], parties[i + 1 :], rule, confidence, trigger)


# ---------------------------------------------------------------- negation, hedging, attributes
def _review_not_started(trigger: Token) -> bool:
    """A review that a negated verb never began: "did not open a probe into X" (noun under a
    negated opening verb) or "does not plan to review X" (verb under a negated intention)."""
    head = trigger.head
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and lemma(head) in {"open", "launch", "begin", "start", "conduct", "initiate"}:
        return any(c.dep_ == "neg" or c.lower_ == "never" for c in head.children)
    if trigger.dep_ in {"xcomp", "conj"} and lemma(trigger) in DIRECT_NEG_REGULATE:
        return any(c.dep_ == "neg" for c in head.children) and lemma(head) in {"intend", "plan", "expect", "need", "want", "review", "investigate", "examine"}
    return False


def _enclosing_deal(verb: Token, limit: int = 4) -> Token | None:
    """The deal noun a clause describes ("a deal the FTC reviewed before clearing it"), so a
    pronoun inside that clause refers to it rather than to the article's main deal."""
    tok = verb
    for _ in range(limit):
        if tok.dep_ in {"relcl", "acl"}:
            return tok.head if lemma(tok.head) in DEAL_NOUNS and tok.head.pos_ == "NOUN" else None
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


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
        if _review_not_started(trigger):
            return True  # "has not opened an investigation into", "does not intend to review"
        return lemma(trigger) in DIRECT_NEG_REGULATE and any(c.dep_ == "neg" or c.lower_ in {"never", "no"} for c in trigger.children)
    chain = _verb_chain(trigger)
    for i, t in enumerate(chain):
        if t.dep_ == "pcomp" and t.head.lower_ == "from" and lemma(t.head.head) in PREVENT_VERBS:
            return True  # "prohibited Broadcom from taking over Qualcomm", "barred X from buying"
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
    if _attempt_ended(trigger) or (trigger.pos_ == "NOUN" and _withdrawn_from(trigger)):
        return True  # still a deal later sentences can refer to ("... after SAMR cleared that transaction")
    # "Instead of buying the company, ..." / "without buying"
    for t in chain:
        if t.dep_ == "pcomp" and t.head.lower_ in {"of", "without"} and (t.head.head.lower_ == "instead" or t.head.lower_ == "without"):
            return True
    return False


# Verbs that stop someone doing something: "barred X from buying Y" states no purchase.
PREVENT_VERBS = {"prevent", "prohibit", "bar", "ban", "block", "stop", "keep", "forbid", "enjoin", "restrain", "preclude", "deter"}
ENDED_DEAL_NOUNS = {"deal", "takeover", "acquisition", "merger", "purchase", "buyout", "transaction"}
ATTEMPT_NOUNS = {"attempt", "bid", "effort", "plan", "plans", "offer", "push", "pursuit", "quest", "move"}
ENDED_PREDICATES = {"over", "dead", "off", "finished"}
ENDED_VERBS = {"collapse", "fail", "fall", "end", "founder", "die", "unravel", "crumble", "abandon", "scrap", "drop", "terminate", "block", "kill", "sink"}


def _withdrawn_from(noun: Token) -> bool:
    """"walked away from its bid", "pulled out of the purchase", "withdrew from the deal"."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in {"from", "of"}:
        return False
    quit_from = noun.head.head.head if noun.head.head.lower_ in {"away", "out", "back"} else noun.head.head
    return lemma(quit_from) in {"walk", "pull", "back", "withdraw", "retreat", "step"}


def _attempt_ended(trigger: Token) -> bool:
    """"Nvidia's attempt to buy Arm is over", "X's bid for Y collapsed", "the plan to acquire Y
    was abandoned", "X's bid for Y, which X abandoned": an attempt noun governing the deal, and
    the attempt has ended."""
    noun = trigger.head if trigger.dep_ in {"acl", "xcomp", "relcl"} else None
    if noun is None and trigger.dep_ == "pobj" and trigger.head.dep_ == "prep":
        noun = trigger.head.head  # "its bid for Y"
    for n in (trigger, noun):  # the attempt, or the deal itself, has a relative clause ending it
        if n is None or n.pos_ != "NOUN" or lemma_lower(n) not in ATTEMPT_NOUNS | ENDED_DEAL_NOUNS:
            continue
        # the clause may hang on the target instead: "its bid for Y, which it abandoned"
        for head in [n, *preps(n, {"for"})]:
            for rel in (c for c in head.children if c.dep_ == "relcl" and lemma_lower(c) in ENDED_VERBS | {"withdraw", "shelve"}):
                if not any(c.dep_ == "neg" for c in rel.children):
                    return True
    if noun is None or lemma_lower(noun) not in ATTEMPT_NOUNS or noun.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = noun.head
    if lemma_lower(verb) in ENDED_VERBS:
        return True
    return lemma_lower(verb) == "be" and any(c.lower_ in ENDED_PREDICATES for c in verb.children if c.dep_ in {"acomp", "advmod", "prt", "attr"})


_HEDGE_WORDS_RE = re.compile(r"\b(?:" + "|".join(sorted(HEDGE_WORDS)) + r")\b")


def sentence_hedged(sent: Span, text: str | None = None) -> bool:
    """Sentence-wide hedges: "reportedly", "people familiar with", "in talks"."""
    low = (span_text(sent) if text is None else text).lower()
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


def relation_attributes(predicate: str, trigger: Token, sent: Span, text: str | None = None) -> dict[str, Any]:
    """Attributes stated in the sentence, for the predicates they describe (``text``: the
    sentence's text when the caller has it, since building it joins every token)."""
    out = dict(_sentence_attributes(span_text(sent) if text is None else text, predicate))
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
