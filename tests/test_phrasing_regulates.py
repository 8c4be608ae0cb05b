"""regulates: one phrasing family per case, on passages written for these tests (not copied from
the corpus), with names outside the gazetteer so the rules cannot lean on knowing them. Each
case lists the triples it must produce and the ones it must not (a wrong edge is worse than a
missing one)."""

from __future__ import annotations

import pytest

from kg.model import Article, Extraction

Triple = tuple[str, str, str]
EC, FTC, CMA, BKA = "european-commission", "federal-trade-commission", "competition-and-markets-authority", "bundeskartellamt"
REG = "regulates"


@pytest.fixture(scope="module")
def extractor():  # type: ignore[no-untyped-def]
    from ingest.extract import get_extractor

    return get_extractor()


def run(extractor, text: str) -> Extraction:  # type: ignore[no-untyped-def]
    art = Article(id="rg-" + str(abs(hash(text)) % 10**8), title="test", text=text, date="2024-05-01")
    return next(iter(extractor.extract([art])))


def regulated(extractor, text: str) -> set[Triple]:  # type: ignore[no-untyped-def]
    return {(f.subject, f.predicate, f.object) for f in run(extractor, text).facts if f.predicate == REG}


CASES: list[tuple[str, str, set[Triple], set[Triple]]] = [
    # ------------------------------------------------------------ which deal "the deal" is
    (
        "appositive deal: ', a deal the regulator cleared' names the clause's deal",
        "Ostwind Energy bought Veridian Robotics for $2bn in 2022, a deal the Bundeskartellamt cleared after a short review.",
        {(BKA, REG, "ostwind-energy"), (BKA, REG, "veridian-robotics")},
        set(),
    ),
    (
        "'it' inside a clause about an indefinite deal is that deal, not the article's main one",
        "Ostwind Energy is buying Veridian Robotics. Separately, Marlow Foods hired Tessaly Labs' founders, "
        "an arrangement the Competition and Markets Authority examined before clearing it.",
        set(),
        {(CMA, REG, "ostwind-energy"), (CMA, REG, "veridian-robotics")},
    ),
    (
        "'the deal' right after a second deal is that second deal",
        "Ostwind Energy agreed to buy Veridian Robotics in March. Elsewhere, Marlow Foods acquired Tessaly Labs for $300m. "
        "The Competition and Markets Authority cleared the deal last week.",
        {(CMA, REG, "marlow-foods"), (CMA, REG, "tessaly-labs")},
        {(CMA, REG, "ostwind-energy"), (CMA, REG, "veridian-robotics")},
    ),
    (
        "'the two' are the deal's parties",
        "Ostwind Energy agreed to buy Veridian Robotics. The Federal Trade Commission had required the two to sell overlapping assets.",
        {(FTC, REG, "ostwind-energy"), (FTC, REG, "veridian-robotics")},
        set(),
    ),
    (
        "'merger review' is a kind of review, not a reference to the article's deal",
        "Ostwind Energy agreed to buy Veridian Robotics. Lawmakers in Berlin want the Bundeskartellamt to tighten merger review.",
        set(),
        {(BKA, REG, "ostwind-energy"), (BKA, REG, "veridian-robotics")},
    ),
    # ------------------------------------------------------------ firms acted on
    (
        "'fined it': a firm, resolved like any pronoun (active, object pronoun)",
        "Tessaly Labs makes battery sensors. In March the European Commission fined it €40m for breaching antitrust rules.",
        {(EC, REG, "tessaly-labs")},
        set(),
    ),
    (
        "designation as a firm of special significance",
        "Germany's Bundeskartellamt has designated Veridian Robotics as a company of paramount significance for competition.",
        {(BKA, REG, "veridian-robotics")},
        set(),
    ),
    (
        "regulator requires a firm to divest (active)",
        "The Federal Trade Commission required Ostwind Energy to sell its sensor business before the merger could close.",
        {(FTC, REG, "ostwind-energy")},
        set(),
    ),
    (
        "forced by the regulator (passive)",
        "Marlow Foods was forced by the European Commission to drop exclusivity clauses in its supply contracts.",
        {(EC, REG, "marlow-foods")},
        set(),
    ),
    (
        "a rule, not a regulator, requiring something regulates no one",
        "Veridian Robotics said the new rules require Ostwind Energy to disclose its training data.",
        set(),
        {("veridian-robotics", REG, "ostwind-energy")},
    ),
    (
        "the owner named only to say whose unit was fined is not regulated",
        "Ostwind Energy's Veridian Robotics was fined €30m by the European Commission.",
        {(EC, REG, "veridian-robotics")},
        {(EC, REG, "ostwind-energy")},
    ),
    (
        "a regulator's inquiry as the subject of 'found that'",
        "The Competition and Markets Authority's market investigation found that Ostwind Energy and Veridian Robotics held 70% of the market.",
        {(CMA, REG, "ostwind-energy"), (CMA, REG, "veridian-robotics")},
        set(),
    ),
    (
        "keep/place X under review: the object is regulated, not the subject",
        "Ofcom said it would keep Marlow Foods' merger with Tessaly Labs under review.",
        {("ofcom", REG, "marlow-foods"), ("ofcom", REG, "tessaly-labs")},
        set(),
    ),
    (
        "placed under investigation (active)",
        "The European Commission placed Ostwind Energy under formal investigation.",
        {(EC, REG, "ostwind-energy")},
        set(),
    ),
    (
        "take a closer look at a stake",
        "The European Commission is taking a closer look at Ostwind Energy's stake in Veridian Robotics.",
        {(EC, REG, "ostwind-energy"), (EC, REG, "veridian-robotics")},
        set(),
    ),
    (
        "proceedings against a firm",
        "The European Commission opened proceedings against Veridian Robotics over payment restrictions.",
        {(EC, REG, "veridian-robotics")},
        set(),
    ),
    (
        "preliminary findings sent to a firm",
        "The European Commission sent preliminary findings to Veridian Robotics, accusing it of favouring its own services.",
        {(EC, REG, "veridian-robotics")},
        set(),
    ),
    # ------------------------------------------------------------ a review that did not happen
    (
        "negated opening of an investigation",
        "The Federal Trade Commission has not opened an investigation into Ostwind Energy's investment in Veridian Robotics.",
        set(),
        {(FTC, REG, "ostwind-energy"), (FTC, REG, "veridian-robotics")},
    ),
    (
        "negated intention to review",
        "The Bundeskartellamt does not intend to review Marlow Foods' supply agreement with Tessaly Labs.",
        set(),
        {(BKA, REG, "marlow-foods"), (BKA, REG, "tessaly-labs")},
    ),
    (
        "a refused clearance is still a review (control for the negation cases)",
        "The Competition and Markets Authority did not clear Microsoft's purchase of Activision Blizzard.",
        {(CMA, REG, "microsoft"), (CMA, REG, "activision-blizzard")},
        set(),
    ),
]


@pytest.mark.parametrize("name,text,present,absent", CASES, ids=[c[0] for c in CASES])
def test_regulates_phrasing(extractor, name, text, present, absent) -> None:  # type: ignore[no-untyped-def]
    got = regulated(extractor, text)
    assert present <= got, f"missing {present - got}; got {got}"
    assert not (absent & got), f"unexpected {absent & got}"
