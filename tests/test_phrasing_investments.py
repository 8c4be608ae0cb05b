"""Phrasing families for invests_in, acquires and subsidiary_of, on sentences invented for these
tests (not copied from any corpus). Most companies are unknown to the gazetteer on purpose, so a
rule only passes if it reads the syntax rather than remembering names. Each case lists triples
that must be found and triples that must not (wrong direction, wrong pairing, distractors)."""

from __future__ import annotations

import pytest

from kg.model import Article, Extraction

Triple = tuple[str, str, str]


@pytest.fixture(scope="module")
def extractor():  # type: ignore[no-untyped-def]
    from ingest.extract import get_extractor

    return get_extractor()


def run(extractor, text: str) -> Extraction:  # type: ignore[no-untyped-def]
    art = Article(id="p-" + str(abs(hash(text)) % 10**8), title="test", text=text, date="2024-05-01")
    return next(iter(extractor.extract([art])))


def triples(extractor, text: str) -> set[Triple]:  # type: ignore[no-untyped-def]
    return {(f.subject, f.predicate, f.object) for f in run(extractor, text).facts}


CASES: list[tuple[str, str, set[Triple], set[Triple]]] = [
    # ------------------------------------------------------------------ gapping
    (
        "gapping: second investor and amount after the investee",
        "Klarfeld AG will invest $200m in Veridian Robotics and Siemens $150m, the companies said.",
        {("klarfeld", "invests_in", "veridian-robotics"), ("siemens", "invests_in", "veridian-robotics")},
        {("klarfeld", "invests_in", "siemens")},
    ),
    (
        "gapping with 'up to'",
        "Halsey Industrial will invest up to €2bn in Daejin Motion and Kowa Holdings up to €1bn.",
        {("halsey-industrial", "invests_in", "daejin-motion"), ("kowa-holdings", "invests_in", "daejin-motion")},
        {("halsey-industrial", "invests_in", "kowa-holdings")},
    ),
    (
        "gapping as a verb conjunct",
        "Klarfeld AG will pour €300m into Veridian Robotics, and Siemens another €100m.",
        {("klarfeld", "invests_in", "veridian-robotics"), ("siemens", "invests_in", "veridian-robotics")},
        {("klarfeld", "invests_in", "siemens")},
    ),
    (
        "distractor: two investees, no gapping",
        "Klarfeld AG has invested in Marlowe Systems and Ardent Motion since 2020.",
        {("klarfeld", "invests_in", "marlowe-systems"), ("klarfeld", "invests_in", "ardent-motion")},
        {("ardent-motion", "invests_in", "marlowe-systems")},
    ),
    (
        "distractor: a second clause without a comma",
        "Klarfeld AG invested €300m in Veridian Robotics and Siemens Energy raised €100m from Lazard.",
        {("klarfeld", "invests_in", "veridian-robotics"), ("lazard", "invests_in", "siemens-energy")},
        {("klarfeld", "invests_in", "siemens-energy"), ("lazard", "invests_in", "klarfeld")},
    ),
    # ------------------------------------------------------------------ rounds
    (
        "joining 'its' round: the owner is never the joiner",
        "Vantor Analytics raised $90 million in March. Klarfeld AG already held shares in the start-up after"
        " joining its $90 million funding round alongside Siemens and Bosch.",
        {("siemens", "invests_in", "vantor-analytics"), ("bosch", "invests_in", "vantor-analytics")},
        {("siemens", "invests_in", "klarfeld"), ("bosch", "invests_in", "klarfeld")},
    ),
    (
        "co-led together with",
        "Northgate Ventures co-led a $140 million Series C in Vantor Analytics together with Kleiner Perkins.",
        {("northgate-ventures", "invests_in", "vantor-analytics"), ("kleiner-perkins", "invests_in", "vantor-analytics")},
        {("kleiner-perkins", "invests_in", "northgate-ventures")},
    ),
    # ------------------------------------------------------------------ investor lists
    (
        "backers include, owner from the raise in the same sentence",
        "Daejin Motion raised $80 million in March in a round led by Kowa Holdings; earlier backers include"
        " Northgate Ventures and Alder Point Partners.",
        {("northgate-ventures", "invests_in", "daejin-motion"), ("alder-point-partners", "invests_in", "daejin-motion")},
        {("northgate-ventures", "invests_in", "kowa-holdings")},
    ),
    (
        "distractor: bare backers with no raise nearby",
        "Daejin Motion builds warehouse robots. Backers include Klarfeld AG and Siemens.",
        set(),
        {("klarfeld", "invests_in", "daejin-motion"), ("siemens", "invests_in", "daejin-motion")},
    ),
    (
        "whose backers include, with a described fund in the list",
        "Veridian Robotics, whose backers include Klarfeld AG, Siemens's venture fund and Kowa Holdings, sells robots.",
        {("klarfeld", "invests_in", "veridian-robotics"), ("siemens", "invests_in", "veridian-robotics"), ("kowa-holdings", "invests_in", "veridian-robotics")},
        {("veridian-robotics", "invests_in", "klarfeld")},
    ),
    (
        "inverted copula: among X's shareholders are A and B",
        "Among Marlowe Systems' shareholders are Klarfeld AG, Kowa Holdings and Siemens.",
        {("klarfeld", "invests_in", "marlowe-systems"), ("kowa-holdings", "invests_in", "marlowe-systems"), ("siemens", "invests_in", "marlowe-systems")},
        {("marlowe-systems", "invests_in", "klarfeld")},
    ),
    (
        "backed by an amount from X",
        "Veridian Robotics, backed by some $300 million from Klarfeld AG, buys chips from Kowa Holdings.",
        {("klarfeld", "invests_in", "veridian-robotics")},
        {("kowa-holdings", "invests_in", "veridian-robotics"), ("veridian-robotics", "invests_in", "klarfeld")},
    ),
    # ------------------------------------------------------------------ stakes and shares sold to a buyer
    (
        "company sells a stake to a buyer",
        "Lumenor Photonics sold a 15% stake to Arm for $180 million, the companies said.",
        {("arm-holdings", "invests_in", "lumenor-photonics")},
        {("lumenor-photonics", "invests_in", "arm-holdings"), ("arm-holdings", "acquires", "lumenor-photonics")},
    ),
    (
        "new shares issued to investors",
        "Kestrel Compute issued new shares worth $40 million to Siemens Energy.",
        {("siemens-energy", "invests_in", "kestrel-compute")},
        {("kestrel-compute", "invests_in", "siemens-energy"), ("kestrel-compute", "supplies", "siemens-energy")},
    ),
    (
        "percentage of a unit sold to a buyer",
        "In April, Klarfeld AG agreed to sell 51% of Daejin Motion, its robotics unit, to the private equity firm Silver Lake.",
        {("silver-lake", "invests_in", "daejin-motion"), ("daejin-motion", "subsidiary_of", "klarfeld")},
        {("silver-lake", "invests_in", "klarfeld"), ("klarfeld", "supplies", "silver-lake")},
    ),
    (
        "an investor sells its stake in X to another",
        "Tiger Global sold its stake in Vantor Analytics to Fidelity in a secondary transaction.",
        {("fidelity-investments", "invests_in", "vantor-analytics")},
        {("fidelity-investments", "invests_in", "tiger-global")},
    ),
    (
        "distractor: an exit selling 'its' shares names no issuer",
        "Alder Point Partners has fully exited Marlowe Systems, selling its remaining shares to Tidewater Growth.",
        set(),
        {("tidewater-growth", "invests_in", "alder-point-partners")},
    ),
    (
        "distractor: selling products is supply, not equity",
        "Kowa Holdings sold its servers to Marlowe Systems.",
        set(),
        {("marlowe-systems", "invests_in", "kowa-holdings"), ("marlowe-systems", "acquires", "kowa-holdings")},
    ),
    # ------------------------------------------------------------------ acquires: divestitures and sales
    (
        "divestiture of a named unit",
        "Siemens sold its logistics-software unit Trellis Motion to Kowa Holdings for €400 million.",
        {("kowa-holdings", "acquires", "trellis-motion")},
        {("kowa-holdings", "acquires", "siemens"), ("trellis-motion", "acquires", "kowa-holdings")},
    ),
    (
        "offloading a division named in apposition",
        "Veridian Robotics is offloading its drone division, Skyfold, to Klarfeld AG, which will pay €55 million in cash.",
        {("klarfeld", "acquires", "skyfold")},
        {("klarfeld", "acquires", "veridian-robotics")},
    ),
    (
        "agreed to be sold to",
        "Marlowe Systems has agreed to be sold to Recursion Pharmaceuticals in an all-stock transaction.",
        {("recursion-pharmaceuticals", "acquires", "marlowe-systems")},
        {("marlowe-systems", "acquires", "recursion-pharmaceuticals")},
    ),
    (
        "is to be sold to",
        "Cobaltline Networks is to be sold to Juniper Networks, which beat Arista in an auction.",
        {("juniper-networks", "acquires", "cobaltline-networks")},
        {("arista", "acquires", "cobaltline-networks")},
    ),
    (
        "sale of X to Y, nominal",
        "A US panel signed off on the sale of Marlowe Systems to Klarfeld AG.",
        {("klarfeld", "acquires", "marlowe-systems")},
        {("marlowe-systems", "acquires", "klarfeld")},
    ),
    (
        "reduced relative: X, acquired last year by Y",
        "Veridian Robotics, acquired last year by Klarfeld AG, will be folded into its automation arm.",
        {("klarfeld", "acquires", "veridian-robotics")},
        {("veridian-robotics", "acquires", "klarfeld")},
    ),
    (
        "picked up a named start-up",
        "Klarfeld AG picked up the robotics start-up Marlowe Systems in 2021.",
        {("klarfeld", "acquires", "marlowe-systems")},
        set(),
    ),
    (
        "distractor: picking up a stake is an investment, not an acquisition",
        "Klarfeld AG picked up a 5% stake in Veridian Robotics.",
        {("klarfeld", "invests_in", "veridian-robotics")},
        {("klarfeld", "acquires", "veridian-robotics")},
    ),
    # ------------------------------------------------------------------ money into rounds, buying in
    (
        "money put into X's round",
        "Kowa Holdings and Alder Point Partners both put money into Marlowe Systems' latest round, the company said.",
        {("kowa-holdings", "invests_in", "marlowe-systems"), ("alder-point-partners", "invests_in", "marlowe-systems")},
        {("kowa-holdings", "invests_in", "alder-point-partners")},
    ),
    (
        "bought into a company: equity, not an acquisition",
        "Kowa Holdings bought into Marlowe Systems several years ago.",
        {("kowa-holdings", "invests_in", "marlowe-systems")},
        {("kowa-holdings", "acquires", "marlowe-systems")},
    ),
    (
        "anchored the raise by X",
        "Mubadala anchored the $400 million raise by Marlowe Systems.",
        {("mubadala", "invests_in", "marlowe-systems")},
        {("marlowe-systems", "invests_in", "mubadala")},
    ),
    (
        "led the round, which values X",
        "Northgate Ventures led the round, which values Veridian Robotics at roughly $9 billion.",
        {("northgate-ventures", "invests_in", "veridian-robotics")},
        {("veridian-robotics", "invests_in", "northgate-ventures")},
    ),
    (
        "topped up a position",
        "Temasek has topped up its position in Cobaltline Networks, lifting its stake from 6% to 11%.",
        {("temasek", "invests_in", "cobaltline-networks")},
        set(),
    ),
    (
        "convertible note provided to X",
        "Fernhill Ventures provided a $12 million convertible note to Marlowe Systems ahead of its Series B.",
        {("fernhill-ventures", "invests_in", "marlowe-systems")},
        {("fernhill-ventures", "supplies", "marlowe-systems")},
    ),
    (
        "cheque for X's seed extension; a place is never an investee",
        "Sequoia wrote a $25 million check for Marlowe Systems' seed extension, its largest seed investment in Europe this year.",
        {("sequoia-capital", "invests_in", "marlowe-systems")},
        {("sequoia-capital", "invests_in", "europe")},
    ),
    (
        "X, its biggest investor: 'its' is the company named before",
        "For Marlowe Systems, the attraction is a wider choice of suppliers. Klarfeld AG, its biggest investor,"
        " was once its only customer.",
        {("klarfeld", "invests_in", "marlowe-systems")},
        {("marlowe-systems", "invests_in", "klarfeld")},
    ),
    (
        "distractor: 'its biggest investor' with two candidates stays unresolved",
        "Marlowe Systems and Kowa Holdings compete. Klarfeld AG, its biggest investor, was once its only customer.",
        set(),
        {("klarfeld", "invests_in", "marlowe-systems"), ("klarfeld", "invests_in", "kowa-holdings")},
    ),
    (
        "percentage owned by a company vs a founder's own equity",
        "Kowa Holdings owns about 30% of Marlowe Systems. Dana Whitlock, the co-founder who owns roughly 40% of"
        " Veridian Robotics, is stepping down.",
        {("kowa-holdings", "invests_in", "marlowe-systems")},
        {("dana-whitlock", "invests_in", "veridian-robotics")},
    ),
    # ------------------------------------------------------------------ negation and withdrawal
    (
        "denied a report of a stake",
        "Klarfeld AG denied a report that it had taken a stake in Marlowe Systems.",
        set(),
        {("klarfeld", "invests_in", "marlowe-systems")},
    ),
    (
        "walked away from a bid",
        "Kowa Holdings walked away from its $4 billion bid for Marlowe Systems after regulators raised objections.",
        set(),
        {("kowa-holdings", "acquires", "marlowe-systems")},
    ),
    (
        "pulled out of a bid",
        "Kowa Holdings pulled out of its bid for Marlowe Systems.",
        set(),
        {("kowa-holdings", "acquires", "marlowe-systems")},
    ),
    # ------------------------------------------------------------------ subsidiary_of
    (
        "largest single owner is a shareholder, not a parent",
        "With 49% of the shares, Kowa Holdings is the largest single owner of Marlowe Systems, although its founders"
        " retain voting control.",
        {("kowa-holdings", "invests_in", "marlowe-systems")},
        {("marlowe-systems", "subsidiary_of", "kowa-holdings")},
    ),
    (
        "plain owner is a parent",
        "Klarfeld AG is the owner of Marlowe Systems.",
        {("marlowe-systems", "subsidiary_of", "klarfeld")},
        {("klarfeld", "subsidiary_of", "marlowe-systems")},
    ),
    (
        "X's parent company, Y,",
        "Veridian Robotics' parent company, Halsey Industrial Group, has hired bankers to explore a sale.",
        {("veridian-robotics", "subsidiary_of", "halsey-industrial-group")},
        {("halsey-industrial-group", "subsidiary_of", "veridian-robotics")},
    ),
    (
        "owned by, on a description in apposition",
        "Kowa Holdings signed a supply deal with Marlowe Systems, the security company owned by Klarfeld AG, on Monday.",
        {("marlowe-systems", "subsidiary_of", "klarfeld")},
        {("kowa-holdings", "subsidiary_of", "klarfeld")},
    ),
    (
        "distractor: a misparsed far apposition never names the subject",
        "Ofcom has opened an investigation into Marlowe Systems, the security firm owned by Klarfeld AG, over complaints.",
        {("marlowe-systems", "subsidiary_of", "klarfeld")},
        {("ofcom", "subsidiary_of", "klarfeld")},
    ),
]


@pytest.mark.parametrize("name,text,present,absent", CASES, ids=[c[0] for c in CASES])
def test_phrasing_family(extractor, name, text, present, absent) -> None:  # type: ignore[no-untyped-def]
    got = triples(extractor, text)
    assert present <= got, f"missing {present - got}; got {got}"
    assert not (absent & got), f"unexpected {absent & got}"
