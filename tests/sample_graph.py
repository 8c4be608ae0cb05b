"""Hand-made extractions for fast tests that need a populated store but not NLP."""

from __future__ import annotations

from kg.model import Article, Entity, Evidence, Extraction, Fact, MarketShare, Mention

AMAZON = Entity("amazon", "Amazon", "company", ("Amazon.com",), "Q3884")
AWS = Entity("amazon-web-services", "Amazon Web Services", "company", ("AWS",), None, "amazon")
ANTHROPIC = Entity("anthropic", "Anthropic", "company")
GOOGLE = Entity("google", "Google", "company", (), "Q95")
FTC = Entity("federal-trade-commission", "Federal Trade Commission", "regulator", ("FTC",))
TRAINIUM = Entity("trainium", "Trainium", "product", (), None, "amazon-web-services")


def _fact(art: Article, sentence: str, s: str, p: str, o: str, conf: float = 0.9, **attrs: object) -> Fact:
    start = art.text.index(sentence)
    ev = Evidence(art.id, sentence, start, start + len(sentence), "rule:test", conf, art.date)
    return Fact(s, p, o, ev, dict(attrs))


def sample_extractions() -> list[Extraction]:
    a1 = Article(
        "s1",
        "Amazon deepens Anthropic tie",
        "Amazon will invest $4 billion in Anthropic. Anthropic will use AWS Trainium chips. "
        "AWS holds about 31% of the cloud infrastructure market.",
        "2023-09-25",
        "Example Wire",
        "https://news.example/s1",
    )
    a2 = Article(
        "s2",
        "FTC looks at cloud deals",
        "The FTC opened an inquiry into Amazon and Anthropic. Google invested $2 billion in Anthropic.",
        "2024-01-25",
        "Example Wire",
        "https://news.example/s2",
    )
    a3 = Article(
        "s3",
        "Amazon completes Anthropic investment",
        "Amazon completed its $4 billion investment in Anthropic.",
        "2024-03-27",
    )
    s1 = "Amazon will invest $4 billion in Anthropic."
    s2 = "Anthropic will use AWS Trainium chips."
    s3 = "AWS holds about 31% of the cloud infrastructure market."
    e1 = Extraction(
        a1,
        [AMAZON, ANTHROPIC, AWS, TRAINIUM],
        [
            Mention("amazon", "Amazon", 0, 6),
            Mention("anthropic", "Anthropic", 35, 44),
            Mention("anthropic", "Anthropic", 46, 55),
            Mention("amazon-web-services", "AWS", 65, 68),
            Mention("trainium", "Trainium", 69, 77),
        ],
        [
            _fact(a1, s1, "amazon", "invests_in", "anthropic", amount_usd=4e9, amount=4e9, currency="USD"),
            _fact(a1, s2, "amazon-web-services", "supplies", "anthropic", 0.8),
        ],
        [MarketShare("amazon-web-services", "cloud infrastructure", 31.0, _fact(a1, s3, "amazon", "supplies", "anthropic").evidence)],
    )
    t1 = "The FTC opened an inquiry into Amazon and Anthropic."
    t2 = "Google invested $2 billion in Anthropic."
    e2 = Extraction(
        a2,
        [FTC, AMAZON, ANTHROPIC, GOOGLE],
        [Mention("federal-trade-commission", "FTC", 4, 7), Mention("amazon", "Amazon", 35, 41)],
        [
            _fact(a2, t1, "federal-trade-commission", "regulates", "amazon"),
            _fact(a2, t1, "federal-trade-commission", "regulates", "anthropic"),
            _fact(a2, t2, "google", "invests_in", "anthropic", 0.85, amount_usd=2e9),
        ],
    )
    u1 = "Amazon completed its $4 billion investment in Anthropic."
    e3 = Extraction(
        a3,
        [AMAZON, ANTHROPIC],
        [Mention("amazon", "Amazon", 0, 6)],
        [_fact(a3, u1, "amazon", "invests_in", "anthropic", 0.95)],
    )
    return [e1, e2, e3]
