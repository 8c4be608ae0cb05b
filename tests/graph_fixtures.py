"""A small hand-made sample graph (no NLP) for the SPARQL, endpoint, export and remote tests.

Six articles about Amazon/Google-Anthropic and Microsoft-OpenAI with the facts a reader would
extract, so queries and exports can be checked against known answers.
"""

from __future__ import annotations

from pathlib import Path

from kg.load import write_extraction, write_reference_entities
from kg.model import Article, Entity, Evidence, Extraction, Fact, Mention
from kg.store import OxigraphStore, Store

ENTITIES = {
    e.id: e
    for e in [
        Entity("amazon", "Amazon", "company", qid="Q3884"),
        Entity("amazon-web-services", "Amazon Web Services", "company", ("AWS",), "Q456157", "amazon"),
        Entity("anthropic", "Anthropic", "company", qid="Q116758847"),
        Entity("google", "Google", "company", qid="Q95"),
        Entity("microsoft", "Microsoft", "company", qid="Q2283"),
        Entity("openai", "OpenAI", "company", qid="Q21708200"),
        Entity("nvidia", "Nvidia", "company", qid="Q182477"),
        Entity("mistral-ai", "Mistral AI", "company"),
        Entity("cma", "Competition and Markets Authority", "regulator", ("CMA",), "Q5156331"),
        Entity("ftc", "Federal Trade Commission", "regulator", ("FTC",), "Q1399053"),
        Entity("claude", "Claude", "product", parent="anthropic"),
        Entity("dario-amodei", "Dario Amodei", "person"),
    ]
}

# (article id, date, title, [(sentence, [(subject, predicate, object, attributes)])])
ARTICLES = [
    ("a1", "2023-09-25", "Amazon to invest up to $4 billion in Anthropic", [
        ("Amazon will invest up to $4 billion in Anthropic, the maker of Claude.",
         [("amazon", "invests_in", "anthropic", {"amount_usd": 4e9, "convertible": True})]),
        ("Anthropic will use AWS as its primary cloud provider.",
         [("amazon-web-services", "supplies", "anthropic", {"exclusivity": "primary"})]),
        ("AWS is a unit of Amazon.",
         [("amazon-web-services", "subsidiary_of", "amazon", {})]),
    ]),
    ("a2", "2023-10-27", "Google agrees to invest up to $2 billion in Anthropic", [
        ("Google has agreed to invest up to $2 billion in Anthropic.",
         [("google", "invests_in", "anthropic", {"amount_usd": 2e9})]),
        ("Anthropic also buys cloud capacity from Google.",
         [("google", "supplies", "anthropic", {})]),
    ]),
    ("a3", "2024-01-25", "FTC launches inquiry into AI investments and partnerships", [
        ("The FTC sent orders to Microsoft and OpenAI about their partnership.",
         [("ftc", "regulates", "microsoft", {}), ("ftc", "regulates", "openai", {})]),
        ("The FTC also sent orders to Amazon and Anthropic.",
         [("ftc", "regulates", "amazon", {}), ("ftc", "regulates", "anthropic", {})]),
    ]),
    ("a4", "2024-03-15", "Microsoft deepens OpenAI ties; Nvidia chips power the training", [
        ("Microsoft has invested $13 billion in OpenAI and holds a 49% stake.",
         [("microsoft", "invests_in", "openai", {"amount_usd": 1.3e10, "stake_percent": 49})]),
        ("Azure is the exclusive cloud provider of OpenAI.",
         [("microsoft", "supplies", "openai", {"exclusivity": "exclusive"})]),
        ("Nvidia supplies the GPUs OpenAI trains on.",
         [("nvidia", "supplies", "openai", {})]),
    ]),
    ("a5", "2024-03-27", "Amazon completes $2.75 billion Anthropic investment", [
        ("Amazon invested a further $2.75 billion in Anthropic.",
         [("amazon", "invests_in", "anthropic", {"amount_usd": 2.75e9})]),
        ("Dario Amodei said Anthropic would keep its independence.", []),
    ]),
    ("a6", "2024-04-24", "CMA looks at Amazon-Anthropic and Microsoft-Mistral deals", [
        ("The CMA is reviewing the partnership between Amazon and Anthropic.",
         [("cma", "regulates", "amazon", {}), ("cma", "regulates", "anthropic", {})]),
        ("Microsoft invested $16 million in Mistral AI and partners with it on Azure.",
         [("microsoft", "invests_in", "mistral-ai", {"amount_usd": 1.6e7}),
          ("microsoft", "partners_with", "mistral-ai", {})]),
    ]),
]

# Edges the sample states, for checking exports and queries against an independent list.
EDGES = sorted({
    Fact(s, p, o, Evidence("x", "x", 0, 1, "t", 1.0)).key
    for _a, _d, _t, sents in ARTICLES for _s, facts in sents for s, p, o, _attrs in facts
})


def extraction(article_id: str, date: str, title: str, sentences: list) -> Extraction:
    """One article's extraction with mentions found by label/alias in its text."""
    text = " ".join(s for s, _f in sentences)
    article = Article(article_id, title, text, date=date, source="Sample Wire",
                      url=f"https://example.org/news/{article_id}")
    facts, offset = [], 0
    for sentence, triples in sentences:
        start = text.index(sentence, offset)
        end = start + len(sentence)
        offset = end
        for s, p, o, attrs in triples:
            ev = Evidence(article_id, sentence, start, end, "sample-rules", 0.9, date)
            facts.append(Fact(s, p, o, ev, dict(attrs)))
    mentions = []
    for e in ENTITIES.values():
        for form in (e.label, *e.aliases):
            pos = text.find(form)
            while pos >= 0:
                mentions.append(Mention(e.id, form, pos, pos + len(form)))
                pos = text.find(form, pos + 1)
    mentioned = sorted({m.entity_id for m in mentions} | {x for f in facts for x in (f.subject, f.object)})
    return Extraction(article, [ENTITIES[i] for i in mentioned], mentions, facts)


def sample_extractions() -> list[Extraction]:
    return [extraction(*a) for a in ARTICLES]


def fill_store(store: Store) -> Store:
    """Write the reference entities and the six article graphs."""
    write_reference_entities(store, list(ENTITIES.values()))
    for ex in sample_extractions():
        write_extraction(store, ex)
    return store


def build_store(path: Path | None = None) -> OxigraphStore:
    store = OxigraphStore(path)
    fill_store(store)
    return store
