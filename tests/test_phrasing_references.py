"""References across sentences: one phrasing family per case, on passages written for these tests
(not copied from the corpus), mostly with names outside the gazetteer so the rules cannot lean on
knowing them. A case lists the triples it must produce and the ones it must not: a reference
linked to the wrong firm is worse than one left unresolved."""

from __future__ import annotations

import pytest
from extract_fixtures import assert_triples, triples

Triple = tuple[str, str, str]
EC, FTC, CMA, BKA = "european-commission", "federal-trade-commission", "competition-and-markets-authority", "bundeskartellamt"
REG, INV, SUP = "regulates", "invests_in", "supplies"
KLARFELD, VERIDIAN, OSTWIND, TESSALY, MARLOW = "klarfeld", "veridian-robotics", "ostwind-energy", "tessaly-labs", "marlow-foods"


def reviewed(regulator: str, *firms: str) -> set[Triple]:
    return {(regulator, REG, f) for f in firms}


CASES: list[tuple[str, str, set[Triple], set[Triple]]] = [
    # ------------------------------------------------ which deal "the deal" is: a deal told in passing
    (
        "a purchase someone walked away from is no acquisition, but still the deal 'that transaction' names",
        "Last month Orvik Group walked away from its $3.8bn purchase of Kestrel Robotics shortly after regulators in China "
        "cleared that transaction. The State Administration for Market Regulation had approved that transaction with conditions.",
        {("state-administration-for-market-regulation", "regulates", "orvik-group"), ("state-administration-for-market-regulation", "regulates", "kestrel-robotics")},
        {("orvik-group", "acquires", "kestrel-robotics")},
    ),
    (
        "'the acquisition of X by Y was completed after R cleared it': that acquisition, not the main deal",
        "Orvik Group agreed to buy Kestrel Robotics. The acquisition of Veltrana Systems by Halvard Technologies "
        "was completed after the European Commission cleared it.",
        {("halvard-technologies", "acquires", "veltrana-systems"), ("european-commission", "regulates", "veltrana-systems")},
        {("european-commission", "regulates", "orvik-group"), ("european-commission", "regulates", "kestrel-robotics")},
    ),
    (
        "'that takeover' after a bid told earlier in its own sentence is that bid, not the main deal",
        "Orvik Group agreed to buy Veltrana Systems in March. The deal caps a turbulent year for Kestrel Robotics, "
        "which escaped a hostile bid from Halvard Technologies only after the White House blocked that takeover.",
        {("orvik-group", "acquires", "veltrana-systems")},
        {("white-house", "regulates", "orvik-group"), ("white-house", "regulates", "veltrana-systems")},
    ),
    (
        "control: 'that takeover' with no other deal in its sentence is the deal just told",
        "Orvik Group agreed to buy Veltrana Systems in March. Kestrel Robotics said the White House had blocked that takeover.",
        {("white-house", "regulates", "orvik-group"), ("white-house", "regulates", "veltrana-systems")},
        set(),
    ),
    (
        "'the purchase' right after a takeover the rules could not parse is that one, not the main deal",
        "Klarfeld AG agreed to buy Veridian Robotics in March. Elsewhere in logistics software, Tessaly Labs, "
        "the maker of the Quay and Berth tools, was acquired by Marlow Foods for $300m last year. "
        "The Competition and Markets Authority cleared the purchase after a short review.",
        set(),
        reviewed(CMA, KLARFELD, VERIDIAN),
    ),
    (
        "'the takeover' right after a second, active-voice acquisition is that acquisition",
        "Klarfeld AG agreed to buy Veridian Robotics in March. In a separate move, Marlow Foods bought Tessaly Labs, "
        "a sensor maker, for $300m. The European Commission approved the takeover on Friday.",
        reviewed(EC, MARLOW, TESSALY),
        reviewed(EC, KLARFELD, VERIDIAN),
    ),
    (
        "'the transaction' after a noun-phrase acquisition ('completed its acquisition of') is that one",
        "Klarfeld AG agreed to buy Veridian Robotics in March. Marlow Foods completed its acquisition of Tessaly Labs in June. "
        "The European Commission reviewed the transaction for six weeks.",
        reviewed(EC, MARLOW, TESSALY),
        reviewed(EC, KLARFELD, VERIDIAN),
    ),
    (
        "a deal told in a relative clause is background: 'the deal' stays the article's main deal",
        "Klarfeld AG agreed to buy Veridian Robotics in March. Veridian, which acquired Tessaly Labs in 2021, "
        "makes warehouse robots. The Federal Trade Commission is reviewing the deal.",
        reviewed(FTC, KLARFELD, VERIDIAN),
        reviewed(FTC, TESSALY),
    ),
    (
        "a sentence about one party's business does not change which deal is meant",
        "Klarfeld AG agreed to buy Veridian Robotics in March. Veridian Robotics makes warehouse robots for retailers. "
        "The Federal Trade Commission is reviewing the deal.",
        reviewed(FTC, KLARFELD, VERIDIAN),
        set(),
    ),
    # ------------------------------------------------ acqui-hires and deals spelled out after a colon
    (
        "'that deal' after 'a similar transaction: X's hiring of Y's staff' is the acqui-hire",
        "Ostwind Energy agreed to buy Klarfeld AG in March. The Federal Trade Commission is also looking at a similar "
        "transaction: Marlow Foods' hiring of most of Tessaly Labs' engineers. The Bundeskartellamt has opened its own "
        "inquiry into that deal.",
        reviewed(BKA, MARLOW, TESSALY),
        reviewed(BKA, OSTWIND, KLARFELD),
    ),
    (
        "'X hired Y's founders and staff' (verb form) is the deal a later 'the deal' means",
        "Marlow Foods hired most of Tessaly Labs' founders and staff in May. The Competition and Markets Authority "
        "is investigating the deal.",
        reviewed(CMA, MARLOW, TESSALY),
        set(),
    ),
    (
        "hiring one executive is not a deal: nothing for 'the deal' to point to",
        "Marlow Foods hired Tessaly Labs' chief executive in May. The Competition and Markets Authority is investigating the deal.",
        set(),
        reviewed(CMA, MARLOW, TESSALY),
    ),
    # ------------------------------------------------ plural references: both, the pair, the two companies, they
    (
        "'the pair' as subject is the two firms coordinated in the previous sentence",
        "Klarfeld AG and Ostwind Energy announced a joint bet on robotics. The pair invested $200m in Veridian Robotics.",
        {(KLARFELD, INV, VERIDIAN), (OSTWIND, INV, VERIDIAN)},
        set(),
    ),
    (
        "'the two companies' with another verb of the same family ('have backed')",
        "Klarfeld AG and Ostwind Energy have been building a robotics portfolio. The two companies have backed Veridian Robotics since 2021.",
        {(KLARFELD, INV, VERIDIAN), (OSTWIND, INV, VERIDIAN)},
        set(),
    ),
    (
        "bare 'both' as subject",
        "Klarfeld AG and Ostwind Energy make sensors. Both have taken stakes in Veridian Robotics.",
        {(KLARFELD, INV, VERIDIAN), (OSTWIND, INV, VERIDIAN)},
        set(),
    ),
    (
        "'the three firms' after a list of three",
        "Klarfeld AG, Ostwind Energy and Tessaly Labs make sensors. The three firms invested in Veridian Robotics.",
        {(KLARFELD, INV, VERIDIAN), (OSTWIND, INV, VERIDIAN), (TESSALY, INV, VERIDIAN)},
        set(),
    ),
    (
        "'the two companies' after a list of three is not clear-cut: no link",
        "Klarfeld AG, Ostwind Energy and Tessaly Labs make sensors. The two companies invested in Veridian Robotics.",
        set(),
        {(KLARFELD, INV, VERIDIAN), (OSTWIND, INV, VERIDIAN), (TESSALY, INV, VERIDIAN)},
    ),
    (
        "'they' is the coordinated subject and 'it' then the one firm left, not one of them",
        "Amazon and Google have invested in Veridian Robotics. They also supply it with chips.",
        {("amazon", SUP, VERIDIAN), ("google", SUP, VERIDIAN)},
        {("google", SUP, "amazon"), ("amazon", SUP, "google")},
    ),
    (
        "'their stakes' under review: the regulator acts on both investors (passive)",
        "Klarfeld AG and Ostwind Energy invested in Veridian Robotics last year. Their stakes are now being examined by the Bundeskartellamt.",
        {(BKA, REG, KLARFELD), (BKA, REG, OSTWIND)},
        set(),
    ),
    (
        "'the pair's investment' (possessive group) under review",
        "Klarfeld AG and Ostwind Energy make sensors. The pair's investment in Veridian Robotics is under review by the Federal Trade Commission.",
        {(KLARFELD, INV, VERIDIAN), (OSTWIND, INV, VERIDIAN), (FTC, REG, KLARFELD)},
        set(),
    ),
    (
        "'they' after people named as subjects ('Executives ... said they') is the people, not the earlier firms",
        "Klarfeld AG and Ostwind Energy were named in the report. Executives at Veridian Robotics said they had been backed by Tessaly Labs.",
        set(),
        {(TESSALY, INV, KLARFELD), (TESSALY, INV, OSTWIND)},
    ),
    # ------------------------------------------------ singular references to a firm named earlier
    (
        "'it' whose antecedent owns the previous sentence's subject ('X's valuation soared. It raised')",
        "Veridian Robotics's valuation has soared this year. It was backed by Klarfeld AG in May.",
        {(KLARFELD, INV, VERIDIAN)},
        set(),
    ),
    (
        "the possessor is used only when it is the only firm in that sentence",
        "Klarfeld AG's investment in Veridian Robotics has paid off. It raised $300m from Sequoia Capital in May.",
        set(),
        {("sequoia-capital", INV, KLARFELD)},
    ),
    (
        "'the Paris company' matches a firm the article called 'a Paris-based robot maker'",
        "Veridian Robotics, a Paris-based robot maker, is growing fast. Klarfeld AG invested $50m in the Paris company last year.",
        {(KLARFELD, INV, VERIDIAN)},
        set(),
    ),
    (
        "'the robot maker' matches 'a maker of warehouse robots'",
        "Veridian Robotics, a maker of warehouse robots, is growing fast. Klarfeld AG invested $50m in the robot maker last year.",
        {(KLARFELD, INV, VERIDIAN)},
        set(),
    ),
    (
        "'the Lyon company' picks the firm described as from Lyon, not the other one",
        "Veridian Robotics, a Paris-based robot maker, competes with Tessaly Labs, a Lyon start-up. "
        "Klarfeld AG invested $50m in the Lyon company last year.",
        {(KLARFELD, INV, TESSALY)},
        {(KLARFELD, INV, VERIDIAN)},
    ),
    (
        "a place no earlier firm was described with resolves to nothing",
        "Tessaly Labs, a Lyon start-up, is hiring. Veridian Robotics, a Paris-based robot maker, is growing fast. "
        "Klarfeld AG invested $50m in the Berlin company last year.",
        set(),
        {(KLARFELD, INV, TESSALY), (KLARFELD, INV, VERIDIAN)},
    ),
    (
        "'the X maker' naming a product the gazetteer knows is the product's maker (investments)",
        "Microsoft has committed $13bn to the ChatGPT maker.",
        {("microsoft", INV, "openai")},
        set(),
    ),
    (
        "'the X developer' with another product and verb",
        "Amazon has invested $8bn in the Claude developer.",
        {("amazon", INV, "anthropic")},
        set(),
    ),
    (
        "an object description is not its own clause's subject ('X has put $50m into the company')",
        "Veridian Robotics makes warehouse robots. Klarfeld AG has put $50m into the company.",
        {(KLARFELD, INV, VERIDIAN)},
        set(),
    ),
    (
        "'It is X's second investment' is about an event: 'it' and 'the company' do not become X",
        "Veridian Robotics makes warehouse robots. It is Klarfeld AG's second robotics investment this year. "
        "Last May the company raised $30m from Sequoia Capital.",
        set(),
        {("sequoia-capital", INV, KLARFELD)},
    ),
    (
        "'the company' is not a firm whose only descriptor is the generic 'an investment company'",
        "Veridian Robotics raised $300m in a round led by Tessaly Labs, the investment company of a Paris family. "
        "Last year the company took in $50m in a round led by Klarfeld AG.",
        {(TESSALY, INV, VERIDIAN), (KLARFELD, INV, VERIDIAN)},
        {(KLARFELD, INV, TESSALY)},
    ),
    (
        "'that business' is the firm named last (not the earlier subject)",
        "Klarfeld AG agreed to buy Veridian Robotics in March. Veridian Robotics spun off its drone arm as Tessaly Labs "
        "in 2023. That business has since been bought by Marlow Foods.",
        {(MARLOW, "acquires", TESSALY)},
        {(MARLOW, "acquires", VERIDIAN)},
    ),
    # ------------------------------------------------ which deal: generic, demonstrative, predicated
    (
        "'the same relationship' after a deal the rules did not record is not the article's main deal",
        "Klarfeld AG led a $90m round in Veridian Robotics in May. Marlow Foods has committed $500m to the Quasar maker, "
        "an arrangement that the Federal Trade Commission is examining. The Competition and Markets Authority is "
        "assessing the same relationship.",
        set(),
        reviewed(CMA, KLARFELD, VERIDIAN) | reviewed(FTC, KLARFELD, VERIDIAN),
    ),
    (
        "a bare plural ('an inquiry into AI partnerships') is a kind of deal, not the article's deal",
        "Klarfeld AG agreed to buy Veridian Robotics in March. The Federal Trade Commission has opened an inquiry into AI partnerships.",
        set(),
        reviewed(FTC, KLARFELD, VERIDIAN),
    ),
    (
        "'the transaction was in effect an acquisition': the predicate names the deal just told",
        "Marlow Foods hired most of Tessaly Labs' engineers last year. The Federal Trade Commission said the "
        "transaction was in effect an acquisition and opened an investigation.",
        reviewed(FTC, MARLOW, TESSALY),
        set(),
    ),
    (
        "'the two' right after a second deal are that deal's parties",
        "Klarfeld AG agreed to buy Veridian Robotics in March. Later, Marlow Foods completed its acquisition of "
        "Tessaly Labs. The Federal Trade Commission had required the two to sell overlapping assets.",
        reviewed(FTC, MARLOW, TESSALY),
        reviewed(FTC, KLARFELD, VERIDIAN),
    ),
    # ------------------------------------------------ mergers told without an acquirer
    (
        "'X and Y completed the combination of their businesses' is the deal 'the merger' refers to",
        "Klarfeld AG and Ostwind Energy have completed the combination of their turbine businesses. "
        "The Competition and Markets Authority cleared the merger in May after a long review.",
        reviewed(CMA, KLARFELD, OSTWIND),
        set(),
    ),
    (
        "'X and Y agreed to merge their units' (verb, coordinated subject) is a deal",
        "Klarfeld AG and Ostwind Energy agreed to merge their turbine businesses. "
        "The European Commission opened an in-depth probe into the deal.",
        reviewed(EC, KLARFELD, OSTWIND),
        set(),
    ),
    (
        "'X is merging its unit with Y' (verb with 'with') is a deal",
        "Klarfeld AG is merging its turbine unit with Ostwind Energy. The Bundeskartellamt must approve the transaction.",
        reviewed(BKA, KLARFELD, OSTWIND),
        set(),
    ),
    (
        "'combine' with a plain object is not a merger: no deal for 'the deal' to point to",
        "Klarfeld AG and Ostwind Energy compete fiercely in turbines. Klarfeld combines sensors with software to cut costs. "
        "The Federal Trade Commission is reviewing the deal.",
        set(),
        reviewed(FTC, KLARFELD, OSTWIND),
    ),
    (
        "'combine X with software from Y' joins products, not firms",
        "Klarfeld AG combines its sensors with software from Ostwind Energy. The Federal Trade Commission is reviewing the deal.",
        set(),
        reviewed(FTC, KLARFELD, OSTWIND),
    ),
]


@pytest.mark.parametrize(("name", "text", "present", "absent"), CASES, ids=[c[0] for c in CASES])
def test_reference_family(extractor, name: str, text: str, present: set[Triple], absent: set[Triple]) -> None:  # type: ignore[no-untyped-def]
    assert_triples(triples(extractor, text), present, absent, name)


# ------------------------------------------------ "their investments": many deals, none in particular
THEIR_DEALS_CASES: list[tuple[str, str, set[Triple], set[Triple]]] = [
    (
        "'the investment' is the deal told before",
        "Orvik Group invested $2bn in Veltrana Systems last year. In January the Federal Trade Commission asked for information about the investment.",
        reviewed(FTC, "orvik-group", "veltrana-systems"),
        set(),
    ),
    (
        "'their AI investments' are the named firms' deals, not the article's deal",
        "Orvik Group invested $2bn in Veltrana Systems last year. In January the Federal Trade Commission ordered Halvard Technologies, Corvane Labs and Brennik Software to hand over information about their AI investments and partnerships.",
        reviewed(FTC, "halvard-technologies", "corvane-labs", "brennik-software"),
        reviewed(FTC, "orvik-group", "veltrana-systems"),
    ),
]


@pytest.mark.parametrize(("name", "text", "present", "absent"), THEIR_DEALS_CASES, ids=[c[0] for c in THEIR_DEALS_CASES])
def test_their_deals(extractor, name: str, text: str, present: set[Triple], absent: set[Triple]) -> None:  # type: ignore[no-untyped-def]
    assert_triples(triples(extractor, text), present, absent, name)


def test_their_plural_deals_point_to_no_single_deal(extractor) -> None:  # type: ignore[no-untyped-def]
    """"information about their AI investments" names many deals of a group: the article's one
    recorded deal must not be read into it, while "the investment" still is."""
    from ingest.deals import Deal, DealIndex
    from ingest.entities import Mention
    from ingest.surface import lemma_lower
    from kg.model import Entity

    doc = extractor.nlp("Orvik Group invested $2bn in Veltrana Systems. The Federal Trade Commission asked Halvard Technologies and Corvane Labs about their AI investments and about the investment.")
    orvik = Mention(0, 2, Entity("orvik-group", "Orvik Group", "company"), "Orvik Group")
    veltrana = Mention(6, 8, Entity("veltrana-systems", "Veltrana Systems", "company"), "Veltrana Systems")
    listed = [Mention(t.i - 1, t.i + 1, Entity(f"firm-{t.i}", t.text, "company"), t.text) for t in doc if t.text in {"Technologies", "Labs"}]
    index = DealIndex(deals=[Deal(position=2, sentence=0, parties=[orvik, veltrana], kind="invests_in")], mentions=[orvik, veltrana, *listed])
    nouns = [t for t in doc if lemma_lower(t) == "investment"]
    assert [t.text for t in nouns] == ["investments", "investment"]
    assert index.parties_for(nouns[0], []) == []
    assert {m.entity.id for m in index.parties_for(nouns[1], [])} == {"orvik-group", "veltrana-systems"}


# ------------------------------------------------ which firm "it" / "its" / "the startup" is (precision first)
CORVANE, VELTRANA, ACQ = "corvane-cloud", "veltrana-systems", "acquires"

PRONOUN_CASES: list[tuple[str, str, set[Triple], set[Triple]]] = [
    (
        "'X named Y its provider': 'its' is the namer X, not an earlier subject",
        "Klarfeld AG followed in September with a commitment of up to $4bn, and Tessaly Labs named Corvane Cloud "
        "its primary cloud provider.",
        {(CORVANE, SUP, TESSALY)},
        {(CORVANE, SUP, KLARFELD)},
    ),
    (
        "'the startup' is the startup named as a topic, not one named as a modifier ('former X engineers')",
        "Corvane Cloud, a Paris startup, is growing fast. Veltrana Systems, a Lyon startup, was founded in 2021 by "
        "former Corvane Cloud engineers. The startup's $124m Series A was led by Klarfeld AG.",
        {(KLARFELD, INV, VELTRANA)},
        {(KLARFELD, INV, CORVANE)},
    ),
    (
        "'it' in a relative clause on a summing-up noun ('..., an effort it accelerated') is not the main subject",
        "Tessaly Labs expects to supply fewer chips this year as Marlow Foods develops its own design, an effort it "
        "accelerated by buying Klarfeld AG's chip business.",
        set(),
        {(TESSALY, ACQ, KLARFELD)},
    ),
    (
        "'it' as the subject of a reported clause is still the speaker",
        "Tessaly Labs said it buys its sensors from Klarfeld AG.",
        {(KLARFELD, SUP, TESSALY)},
        set(),
    ),
    (
        "'it' after 'the software company's' in its own sentence is that company, not the last subject",
        "Klarfeld AG, a software company, agreed to buy Veridian Robotics. Veridian Robotics makes warehouse robots. "
        "At the time the purchase was the software company's second-largest, behind the $2bn it paid for Tessaly Labs.",
        {(KLARFELD, ACQ, TESSALY)},
        {(VERIDIAN, ACQ, TESSALY)},
    ),
    (
        "several firms in the sentence and none parsed as subject: 'it' is left open, not the last sentence's subject",
        "Tessaly Labs is not the only recent buy. In April Corvane completed its purchase of Veltrana Systems, a "
        "start-up built on open-source software, and last year it acquired the sensor company Marlow Foods.",
        set(),
        {(TESSALY, ACQ, MARLOW)},
    ),
    (
        "'X completed ..., and it acquired Y' with X parsed as subject: 'it' is X",
        "Tessaly Labs is not the only recent buy. In April Klarfeld AG completed its purchase of Veltrana Systems, a "
        "start-up built on open-source software, and last year it acquired the sensor company Marlow Foods.",
        {(KLARFELD, ACQ, MARLOW)},
        {(TESSALY, ACQ, MARLOW)},
    ),
    (
        "'its' in the apposition of a name is not that name ('X's relationship with Y, its biggest investor')",
        "The deal changes Veridian Robotics's relationship with Klarfeld AG, its biggest investor.",
        {(KLARFELD, INV, VERIDIAN)},
        {(VERIDIAN, INV, KLARFELD)},
    ),
    (
        "'X's purchase of A, and its takeover of B': 'its' is the owner of the parallel deal",
        "The Federal Trade Commission asked the court to unwind Marlow Foods' 2012 purchase of Tessaly Labs, for $1bn, "
        "and its $19bn takeover of Veridian Robotics two years later.",
        {(MARLOW, ACQ, VERIDIAN)},
        {(FTC, ACQ, VERIDIAN)},
    ),
    (
        "a word after the head ('the drugmaker's largest') is not a descriptor that blocks the reference",
        "Klarfeld AG has completed its acquisition of Veridian Robotics, a robot maker. The purchase is the "
        "drugmaker's largest since its takeover of Tessaly Labs.",
        {(KLARFELD, ACQ, TESSALY)},
        set(),
    ),
    (
        "'its Series B' in a relative clause among several backers is not the article's earlier raiser",
        "Marlow Foods raised $300m in March. Zentrix, founded in 2018, had been backed by Klarfeld AG and by "
        "Sequoia Capital, which led its $35m Series B.",
        {("sequoia-capital", INV, "zentrix")},
        {("sequoia-capital", INV, MARLOW)},
    ),
    (
        "'Y led its Series B' right after X raised: the round is X's",
        "Marlow Foods raised $300m in March. Sequoia Capital led its Series B.",
        {("sequoia-capital", INV, MARLOW)},
        set(),
    ),
    (
        "a relative clause's subject ('start-ups that X went on to buy') is not the topic 'its' carries on",
        "Veridian Robotics was founded in 2017 by engineers who had built start-ups that Klarfeld AG went on to buy. "
        "Tessaly Labs is its biggest customer.",
        {(VERIDIAN, SUP, TESSALY)},
        {(KLARFELD, SUP, TESSALY)},
    ),
    (
        "'it was approved' is the deal, not the firm named last",
        "Klarfeld AG agreed to buy Veridian Robotics in March. Marlow Foods is a rival. It was approved by the "
        "European Commission in May.",
        reviewed(EC, KLARFELD, VERIDIAN),
        reviewed(EC, MARLOW),
    ),
    (
        "'what X calls its Y Agreement': 'its' is X, and a named agreement is a document, not a deal party",
        "Klarfeld AG settled with the Federal Trade Commission in May. Under what Klarfeld AG calls its Green Sensor "
        "Agreement, the company will license its patents to rivals. The regulator ordered a detailed probe the following year.",
        reviewed(FTC, KLARFELD),
        reviewed(FTC, "green-sensor-agreement"),
    ),
    (
        "'X and its subsidiary Y': 'its' is X, the firm it is coordinated with",
        "Orvik Group and its subsidiary Vantor Labs were fined by the regulator.",
        {("vantor-labs", "subsidiary_of", "orvik-group")},
        set(),
    ),
    (
        "'its stake in X, the ... designer it bought, and its investment in Y': the second 'its' is not X",
        "SoftBank Group may move part of its stake in Kestrel Robotics, the British chip designer it acquired last year, "
        "and its $1bn investment in Orvik Group into the fund.",
        {("softbank-group", "invests_in", "orvik-group")},
        {("kestrel-robotics", "invests_in", "orvik-group")},
    ),
    (
        "'sued X and its parent Y': the parent of X, not of the one suing",
        "Vantor Labs sued Orvik Group and its parent Halvard Technologies.",
        {("orvik-group", "subsidiary_of", "halvard-technologies")},
        {("vantor-labs", "subsidiary_of", "halvard-technologies")},
    ),
]


@pytest.mark.parametrize(("name", "text", "present", "absent"), PRONOUN_CASES, ids=[c[0] for c in PRONOUN_CASES])
def test_pronoun_reference(extractor, name: str, text: str, present: set[Triple], absent: set[Triple]) -> None:  # type: ignore[no-untyped-def]
    assert_triples(triples(extractor, text), present, absent, name)
