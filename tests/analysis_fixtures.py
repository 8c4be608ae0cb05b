"""Hand-made stores for the analysis tests: a few articles as kg.model Extractions, no NLP.

``World`` collects entities and sentences (each sentence states one fact or share) and writes one
article graph per article into an in-memory Oxigraph store, exactly as the ingest would.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.load import write_extraction, write_reference_entities
from kg.model import Article, Entity, Evidence, Extraction, Fact, MarketShare, Mention
from kg.store import OxigraphStore

ENTITIES: dict[str, Entity] = {
    e.id: e
    for e in [
        Entity("amazon", "Amazon", "company"),
        Entity("amazon-web-services", "Amazon Web Services", "company", parent="amazon"),
        Entity("trainium", "Trainium", "product", parent="amazon-web-services"),
        Entity("alphabet", "Alphabet", "company"),
        Entity("google", "Google", "company", parent="alphabet"),
        Entity("google-cloud", "Google Cloud", "product", parent="google"),
        Entity("microsoft", "Microsoft", "company"),
        Entity("microsoft-azure", "Microsoft Azure", "product", parent="microsoft"),
        Entity("anthropic", "Anthropic", "company"),
        Entity("openai", "OpenAI", "company"),
        Entity("mistral-ai", "Mistral AI", "company"),
        Entity("inflection-ai", "Inflection AI", "company"),
        Entity("nvidia", "Nvidia", "company"),
        Entity("acme-ventures", "Acme Ventures", "company"),
        Entity("widgetco", "WidgetCo", "company"),
        Entity("bolt-robotics", "Bolt Robotics", "company"),
        Entity("shopmart", "ShopMart", "company"),
        Entity("oracle", "Oracle", "company"),
        Entity(
            "competition-and-markets-authority", "Competition and Markets Authority", "regulator"
        ),
        Entity("federal-trade-commission", "Federal Trade Commission", "regulator"),
        Entity("european-commission", "European Commission", "regulator"),
    ]
}


@dataclass
class _Doc:
    id: str
    date: str
    title: str
    facts: list[tuple[str, str, str, str, dict[str, Any]]] = field(default_factory=list)
    shares: list[tuple[str, str, float, str]] = field(default_factory=list)


class World:
    """Builder: ``w.fact(article, s, p, o, sentence, **attrs)``, then ``w.store()``."""

    def __init__(self) -> None:
        self.docs: dict[str, _Doc] = {}
        self.extra: dict[str, Entity] = {}

    def entity(
        self, eid: str, label: str, etype: str = "company", parent: str | None = None
    ) -> World:
        self.extra[eid] = Entity(eid, label, etype, parent=parent)
        return self

    def _doc(self, article: str, date: str | None) -> _Doc:
        if article not in self.docs:
            self.docs[article] = _Doc(article, date or "2024-01-01", f"Article {article}")
        return self.docs[article]

    def fact(
        self,
        article: str,
        s: str,
        p: str,
        o: str,
        sentence: str,
        date: str | None = None,
        **attrs: Any,
    ) -> World:
        self._doc(article, date).facts.append((s, p, o, sentence, attrs))
        return self

    def share(
        self,
        article: str,
        holder: str,
        market: str,
        percent: float,
        sentence: str | None = None,
        date: str | None = None,
    ) -> World:
        text = sentence or f"{self._label(holder)} holds {percent:g}% of the {market} market."
        self._doc(article, date).shares.append((holder, market, percent, text))
        return self

    def _label(self, eid: str) -> str:
        return (self.extra.get(eid) or ENTITIES[eid]).label

    def _entity(self, eid: str) -> Entity:
        return self.extra.get(eid) or ENTITIES[eid]

    def extractions(self) -> list[Extraction]:
        out = []
        for doc in self.docs.values():
            # one span per distinct sentence: facts stated by the same sentence share offsets
            sentences = list(
                dict.fromkeys([f[3] for f in doc.facts] + [sh[3] for sh in doc.shares])
            )
            text = " ".join(sentences)
            article = Article(doc.id, doc.title, text, date=doc.date, source="test")
            spans, offset = {}, 0
            for sentence in sentences:
                spans[sentence] = (offset, offset + len(sentence))
                offset += len(sentence) + 1
            used: list[str] = []
            facts, shares = [], []
            for s, p, o, sentence, attrs in doc.facts:
                a, b = spans[sentence]
                facts.append(
                    Fact(
                        s,
                        p,
                        o,
                        Evidence(doc.id, sentence, a, b, "test", 0.9, doc.date),
                        dict(attrs),
                    )
                )
                used += [s, o]
            for holder, market, pct, sentence in doc.shares:
                a, b = spans[sentence]
                shares.append(
                    MarketShare(
                        holder, market, pct, Evidence(doc.id, sentence, a, b, "test", 0.9, doc.date)
                    )
                )
                used.append(holder)
            ids = list(dict.fromkeys(used))
            # parents and makers must be present for roll-up, as the gazetteer would provide them
            for eid in list(ids):
                parent = self._entity(eid).parent
                while parent and parent not in ids:
                    ids.append(parent)
                    parent = self._entity(parent).parent
            ents = [self._entity(i) for i in ids]
            mentions = [Mention(e.id, e.label, 0, len(e.label)) for e in ents]
            out.append(Extraction(article, ents, mentions, facts, shares))
        return out

    def store(self, store: OxigraphStore | None = None) -> OxigraphStore:
        store = store or OxigraphStore(None)
        write_reference_entities(store, list(ENTITIES.values()) + list(self.extra.values()))
        for ex in self.extractions():
            write_extraction(store, ex)
        return store


def big_tech_world() -> World:
    """The three FTC 6(b) partnerships plus a plain venture deal and a plain customer contract."""
    w = World()
    w.fact(
        "aa1",
        "amazon",
        "invests_in",
        "anthropic",
        "Amazon will invest $4 billion in Anthropic, in notes convertible into non-voting shares.",
        date="2024-03-27",
        amount_usd=4e9,
        convertible=True,
        non_voting=True,
    )
    w.fact(
        "aa1",
        "amazon-web-services",
        "supplies",
        "anthropic",
        "Anthropic will use AWS as its primary cloud provider and train on Trainium chips.",
        exclusivity="primary",
    )
    w.fact(
        "aa1",
        "anthropic",
        "supplies",
        "amazon-web-services",
        "Anthropic's Claude models are available to AWS customers through Amazon Bedrock.",
    )
    w.fact(
        "aa2",
        "competition-and-markets-authority",
        "regulates",
        "amazon",
        "The Competition and Markets Authority opened a merger inquiry into Amazon's partnership with Anthropic.",
        date="2024-08-08",
    )
    w.fact(
        "aa2",
        "competition-and-markets-authority",
        "regulates",
        "anthropic",
        "The Competition and Markets Authority opened a merger inquiry into Amazon's partnership with Anthropic.",
    )
    w.fact(
        "ga1",
        "google",
        "invests_in",
        "anthropic",
        "Google has agreed to invest up to $2 billion in Anthropic.",
        date="2023-10-27",
        amount_usd=2e9,
    )
    w.fact(
        "ga1",
        "google-cloud",
        "supplies",
        "anthropic",
        "Anthropic signed a multi-year deal to use Google Cloud.",
    )
    w.fact(
        "ga2",
        "competition-and-markets-authority",
        "regulates",
        "alphabet",
        "The CMA is investigating Alphabet's investment in Anthropic.",
        date="2024-07-30",
    )
    w.fact(
        "ga2",
        "competition-and-markets-authority",
        "regulates",
        "anthropic",
        "The CMA is investigating Alphabet's investment in Anthropic.",
    )
    w.fact(
        "mo1",
        "microsoft",
        "invests_in",
        "openai",
        "Microsoft has invested $13 billion in OpenAI for a 49% share of its profits.",
        date="2023-01-23",
        amount_usd=13e9,
        stake_percent=49,
    )
    w.fact(
        "mo1",
        "microsoft-azure",
        "supplies",
        "openai",
        "Azure is OpenAI's exclusive cloud provider.",
        exclusivity="exclusive",
    )
    w.fact(
        "mo2",
        "microsoft",
        "invests_in",
        "openai",
        "Microsoft took a non-voting board observer seat at OpenAI.",
        date="2023-11-29",
        observer=True,
    )
    w.fact(
        "mo3",
        "federal-trade-commission",
        "regulates",
        "microsoft",
        "The FTC ordered Microsoft and OpenAI to provide information about their partnership.",
        date="2024-01-25",
    )
    w.fact(
        "mo3",
        "federal-trade-commission",
        "regulates",
        "openai",
        "The FTC ordered Microsoft and OpenAI to provide information about their partnership.",
    )
    w.fact(
        "vc1",
        "acme-ventures",
        "invests_in",
        "bolt-robotics",
        "Acme Ventures led a $50 million Series B round in Bolt Robotics.",
        date="2024-05-01",
        amount_usd=5e7,
        round="Series B",
    )
    w.fact(
        "cc1",
        "oracle",
        "supplies",
        "shopmart",
        "ShopMart signed a contract to run its stores' software on Oracle's cloud.",
        date="2024-06-01",
    )
    return w
