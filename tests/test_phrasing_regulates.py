"""regulates: one phrasing family per case, on passages written for these tests (not copied from
the corpus), with names outside the gazetteer so the rules cannot lean on knowing them. Each
case lists the triples it must produce and the ones it must not (a wrong edge is worse than a
missing one)."""

from __future__ import annotations

import pytest
from extract_fixtures import assert_triples, run, triples

Triple = tuple[str, str, str]
EC, FTC, CMA, BKA = "european-commission", "federal-trade-commission", "competition-and-markets-authority", "bundeskartellamt"
REG = "regulates"


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
    # ------------------------------------------------------------ round 2: litigation phrasings
    (
        "took a firm to court / hauled it into court",
        "Ireland's Data Protection Commission took Veridian Robotics to court last August. The Federal Trade Commission hauled Klarfeld AG into court in March.",
        {("data-protection-commission", REG, "veridian-robotics"), (FTC, REG, "klarfeld")},
        set(),
    ),
    (
        "distractor: a company takes a rival to court; a regulator 'took a view'",
        "Klarfeld AG took Veridian Robotics to court over patents. The Bundeskartellamt took a different view of Ostwind Energy's market power.",
        set(),
        {("klarfeld", REG, "veridian-robotics"), (BKA, REG, "ostwind-energy")},
    ),
    (
        "settled regulator charges (infinitive, with, claims by)",
        "Klarfeld AG agreed to pay a $4.5 million penalty to settle Federal Trade Commission charges that it misled clients. "
        "Veridian Robotics settled with the Securities and Exchange Commission over its accounting. "
        "Ostwind Energy paid $20m to settle claims by the European Commission.",
        {(FTC, REG, "klarfeld"), ("securities-and-exchange-commission", REG, "veridian-robotics"), (EC, REG, "ostwind-energy")},
        set(),
    ),
    (
        "distractor: settling a dispute with a company",
        "Veridian Robotics settled its dispute with Klarfeld AG.",
        set(),
        {("klarfeld", REG, "veridian-robotics"), ("veridian-robotics", REG, "klarfeld")},
    ),
    (
        "rule / decide on whether: the open question names the targets",
        "The Competition and Markets Authority will rule on whether Veridian Robotics holds strategic market status. "
        "The Bundeskartellamt decided on whether Klarfeld AG's purchase of Ostwind Energy needed a full review.",
        {(CMA, REG, "veridian-robotics"), (BKA, REG, "klarfeld"), (BKA, REG, "ostwind-energy")},
        set(),
    ),
    (
        "gapped passive fine: 'X was fined A and Y B by R'",
        "Apple was fined €500m and Meta Platforms €200m by the European Commission on Wednesday.",
        {(EC, REG, "apple"), (EC, REG, "meta-platforms")},
        set(),
    ),
    (
        "a regulator's trial against a firm; seeking to unwind a purchase",
        "The Federal Trade Commission's trial against Veridian Robotics began on Monday. "
        "The European Commission is seeking to unwind Klarfeld AG's purchase of Ostwind Energy.",
        {(FTC, REG, "veridian-robotics"), (EC, REG, "klarfeld"), (EC, REG, "ostwind-energy")},
        set(),
    ),
    (
        "distractor: a firm's own trial names no regulator; unwinding one's own deal",
        "Klarfeld AG began a clinical trial of its sensor. Veridian Robotics and Ostwind Energy agreed to unwind their joint venture.",
        set(),
        {("klarfeld", REG, "veridian-robotics"), ("veridian-robotics", REG, "ostwind-energy")},
    ),    (
        "required A to divest X and B to sell Y to C: the firms told to act, not the buyer",
        "The Federal Trade Commission required Ostwind Energy to divest its sensor unit and Marlow Foods to sell its snack brands, with both packages going to Klarfeld AG.",
        {(FTC, REG, "ostwind-energy"), (FTC, REG, "marlow-foods")},
        {(FTC, REG, "klarfeld")},
    ),
    (
        "a regulator that has not challenged or sued has not acted",
        "The Federal Trade Commission has not challenged Ostwind Energy's investment in Veridian Robotics. The Bundeskartellamt did not sue Marlow Foods.",
        set(),
        {(FTC, REG, "ostwind-energy"), (FTC, REG, "veridian-robotics"), (BKA, REG, "marlow-foods")},
    ),
    (
        "'signed off on the deal' is an approval of the deal told just before",
        "Orvik Group agreed to buy Veltrana Systems. The Korea Fair Trade Commission signed off on the deal in March.",
        {("korea-fair-trade-commission", REG, "orvik-group"), ("korea-fair-trade-commission", REG, "veltrana-systems")},
        set(),
    ),
    (
        "control: a company 'signing off' on something is no regulation",
        "Orvik Group signed off on a budget for Veltrana Systems.",
        set(),
        {("orvik-group", REG, "veltrana-systems")},
    ),
]


@pytest.mark.parametrize("name,text,present,absent", CASES, ids=[c[0] for c in CASES])
def test_regulates_phrasing(extractor, name, text, present, absent) -> None:  # type: ignore[no-untyped-def]
    got = regulated(extractor, text)
    assert_triples(got, present, absent, name)


# ------------------------------------------------------------ the conduct punished is not a target
CONDUCT_CASES: list[tuple[str, str, set[Triple], set[Triple]]] = [
    (
        "'fined X for paying Y to use its modems': only X is regulated",
        "The European Commission fined Veltrana Systems EUR 300m for paying Orvik Group to use its modems exclusively.",
        {("european-commission", REG, "veltrana-systems")},
        {("european-commission", REG, "orvik-group")},
    ),
    (
        "'fined X for buying Y': the deal's target is still reviewed",
        "The European Commission fined Veltrana Systems EUR 300m for buying Orvik Group without notifying it.",
        {("european-commission", REG, "veltrana-systems"), ("european-commission", REG, "orvik-group")},
        set(),
    ),
]


@pytest.mark.parametrize("name,text,present,absent", CONDUCT_CASES, ids=[c[0] for c in CONDUCT_CASES])
def test_conduct_clause_parties(extractor, name, text, present, absent) -> None:  # type: ignore[no-untyped-def]
    got = triples(extractor, text)
    assert_triples(got, present, absent, name)
    assert ("orvik-group", "supplies", "european-commission") not in got  # the regulator never pays
