"""Phrasing families for invests_in, acquires and subsidiary_of, on sentences invented for these
tests (not copied from any corpus). Most companies are unknown to the gazetteer on purpose, so a
rule only passes if it reads the syntax rather than remembering names. Each case lists triples
that must be found and triples that must not (wrong direction, wrong pairing, distractors)."""

from __future__ import annotations

import pytest
from extract_fixtures import assert_triples, triples

Triple = tuple[str, str, str]


CASES: list[tuple[str, str, set[Triple], set[Triple]]] = [
    (
        "'counts X among its customers and investors': both roles, each its own relation",
        "Rivals include Kestrel Robotics, which counts Orvik Group among its customers and investors.",
        {("orvik-group", "invests_in", "kestrel-robotics"), ("kestrel-robotics", "supplies", "orvik-group")},
        set(),
    ),
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


# ---------------------------------------------------------------------- round 2 families
CASES += [
    # ------------------------------------------------------------------ fractions and shares of an issuer
    (
        "a fraction of X",
        "Kowa Holdings and Tidewater Growth together own more than a third of Marlowe Systems.",
        {("kowa-holdings", "invests_in", "marlowe-systems"), ("tidewater-growth", "invests_in", "marlowe-systems")},
        {("marlowe-systems", "subsidiary_of", "kowa-holdings")},
    ),
    (
        "a quarter of X, another verb",
        "Klarfeld AG holds roughly a quarter of Veridian Robotics after the recapitalisation.",
        {("klarfeld", "invests_in", "veridian-robotics")},
        {("veridian-robotics", "subsidiary_of", "klarfeld")},
    ),
    (
        "a percentage of X's shares: the issuer is the possessor",
        "Kowa Holdings holds less than 1% of Marlowe Systems' shares.",
        {("kowa-holdings", "invests_in", "marlowe-systems")},
        {("marlowe-systems", "invests_in", "kowa-holdings")},
    ),
    (
        "distractor: a fraction of a market is no stake",
        "Kowa Holdings owns a third of the market for warehouse robots, ahead of Marlowe Systems.",
        set(),
        {("kowa-holdings", "invests_in", "marlowe-systems")},
    ),
    (
        "stock received as payment",
        "Veridian Robotics received $350m of Kowa Holdings stock as part of the agreement.",
        {("veridian-robotics", "invests_in", "kowa-holdings")},
        {("kowa-holdings", "invests_in", "veridian-robotics")},
    ),
    (
        "shares got in a swap",
        "Tidewater Growth got about $40 million of Marlowe Systems shares in the swap.",
        {("tidewater-growth", "invests_in", "marlowe-systems")},
        set(),
    ),
    (
        "distractor: an amount of chips received is no equity",
        "Marlowe Systems received $300m of Kowa Holdings chips last year.",
        set(),
        {("marlowe-systems", "invests_in", "kowa-holdings")},
    ),
    # ------------------------------------------------------------------ paying for a company or a stake
    (
        "paid an amount for a company",
        "Klarfeld AG paid $1.2 billion for Veridian Robotics in 2019.",
        {("klarfeld", "acquires", "veridian-robotics")},
        {("veridian-robotics", "acquires", "klarfeld")},
    ),
    (
        "the amount X paid for Y (participle misparse)",
        "The offer is more than twice the $900m Kowa Holdings paid for Marlowe Systems five years ago.",
        {("kowa-holdings", "acquires", "marlowe-systems")},
        set(),
    ),
    (
        "the amount that X paid for Y",
        "Shares fell after the $2bn that Tidewater Growth paid for Daejin Motion was written down.",
        {("tidewater-growth", "acquires", "daejin-motion")},
        set(),
    ),
    (
        "paying for a stake is equity, not a takeover",
        "Halsey Industrial will pay €300 million for 20% of Marlowe Systems; Kowa Holdings paid $40 million for new"
        " shares in Veridian Robotics.",
        {("halsey-industrial", "invests_in", "marlowe-systems"), ("kowa-holdings", "invests_in", "veridian-robotics")},
        {("halsey-industrial", "acquires", "marlowe-systems"), ("kowa-holdings", "acquires", "veridian-robotics")},
    ),
    (
        "distractor: paying for a company's products or paying a company",
        "Klarfeld AG paid $50 million for Veridian Robotics' warehouse robots and paid Kowa Holdings $5 million for a licence.",
        set(),
        {("klarfeld", "acquires", "veridian-robotics"), ("klarfeld", "acquires", "kowa-holdings"), ("klarfeld", "invests_in", "veridian-robotics")},
    ),
    # ------------------------------------------------------------------ acquires: relatives, rivals, mergers
    (
        "relative clause with no pronoun on a description",
        "Profits rose at Veridian Robotics, the robot maker Klarfeld AG acquired in 2021. Gains came from Red Hat, the"
        " open-source subsidiary IBM bought for $34bn in 2019.",
        {("klarfeld", "acquires", "veridian-robotics"), ("ibm", "acquires", "red-hat")},
        {("veridian-robotics", "acquires", "klarfeld"), ("red-hat", "acquires", "ibm")},
    ),
    (
        "buying a rival: the rival is the target",
        "Kestrel Compute will swallow smaller rival Brightwater Silicon for $420 million in stock.",
        {("kestrel-compute", "acquires", "brightwater-silicon")},
        {("brightwater-silicon", "acquires", "kestrel-compute")},
    ),
    (
        "buying a rival in apposition / as a compound",
        "Klarfeld AG agreed to buy its rival, Veridian Robotics, for €2bn. Kowa Holdings acquired rival chipmaker"
        " Marlowe Systems last year.",
        {("klarfeld", "acquires", "veridian-robotics"), ("kowa-holdings", "acquires", "marlowe-systems")},
        set(),
    ),
    (
        "distractor: a rival described, a different company bought",
        "Kowa Holdings, a rival of Marlowe Systems, acquired Daejin Motion.",
        {("kowa-holdings", "acquires", "daejin-motion")},
        {("kowa-holdings", "acquires", "marlowe-systems")},
    ),
    (
        "merge into: the host absorbs the company, active and passive",
        "Nordlys Data will merge into Cognite next year. Marlowe Systems was merged into Kowa Holdings in 2021.",
        {("cognite", "acquires", "nordlys-data"), ("kowa-holdings", "acquires", "marlowe-systems")},
        {("nordlys-data", "acquires", "cognite")},
    ),
    (
        "distractor: merge with is a combination, a unit reshuffle is no acquisition",
        "Veridian Robotics merged with Klarfeld AG in 2019. Google Brain was merged into DeepMind's research unit.",
        set(),
        {("klarfeld", "acquires", "veridian-robotics"), ("veridian-robotics", "acquires", "klarfeld"), ("google-deepmind", "acquires", "brain")},
    ),
    # ------------------------------------------------------------------ stakes: sales, possessives, acquisitions of stakes
    (
        "X's sale of a stake to Y ('to' attached to the stake)",
        "Marlowe Systems' sale of a 30% stake to Tidewater Growth closed on Monday.",
        {("tidewater-growth", "invests_in", "marlowe-systems")},
        {("marlowe-systems", "invests_in", "tidewater-growth"), ("tidewater-growth", "acquires", "marlowe-systems")},
    ),
    (
        "possessive holder, company-named stake",
        "Amazon booked a $9.5 billion gain on its Anthropic stake. Klarfeld AG wrote down its Veridian Robotics investment.",
        {("amazon", "invests_in", "anthropic"), ("klarfeld", "invests_in", "veridian-robotics")},
        {("anthropic", "invests_in", "amazon")},
    ),
    (
        "acquisition/purchase of a stake is an investment",
        "Kowa Holdings completed its purchase of a 12% stake in Marlowe Systems, and Klarfeld AG's acquisition of 15% of"
        " Veridian Robotics was cleared in March.",
        {("kowa-holdings", "invests_in", "marlowe-systems"), ("klarfeld", "invests_in", "veridian-robotics")},
        {("kowa-holdings", "acquires", "marlowe-systems"), ("klarfeld", "acquires", "veridian-robotics")},
    ),
    # ------------------------------------------------------------------ co-investors: alongside
    (
        "stake taken alongside named co-investors, into a named venture",
        "MGX is taking an equity stake in the Stargate joint venture alongside SoftBank, OpenAI and Oracle.",
        {("mgx", "invests_in", "stargate"), ("softbank-group", "invests_in", "stargate"), ("oracle", "invests_in", "stargate")},
        {("mgx", "invests_in", "softbank-group")},
    ),
    (
        "invest alongside (attached to the investee)",
        "Kowa Holdings will invest $300m in Daejin Motion alongside Tidewater Growth and Alder Point Partners.",
        {("kowa-holdings", "invests_in", "daejin-motion"), ("tidewater-growth", "invests_in", "daejin-motion"), ("alder-point-partners", "invests_in", "daejin-motion")},
        {("kowa-holdings", "invests_in", "tidewater-growth")},
    ),
    (
        "distractor: alongside a deal names no co-investor",
        "Kowa Holdings bought a stake in Marlowe Systems alongside its supply deal with Veridian Robotics.",
        {("kowa-holdings", "invests_in", "marlowe-systems")},
        {("veridian-robotics", "invests_in", "marlowe-systems")},
    ),
    # ------------------------------------------------------------------ seeding, venture funds, hyphenated backers
    (
        "seeded: active relative and passive",
        "Veridian Robotics, which Klarfeld AG seeded in 2022, raised $40m. Marlowe Systems was seeded by Alder Point Partners.",
        {("klarfeld", "invests_in", "veridian-robotics"), ("alder-point-partners", "invests_in", "marlowe-systems")},
        {("veridian-robotics", "invests_in", "klarfeld")},
    ),
    (
        "distractor: 'a partner at X, which seeded Y' is the firm, not the person",
        "Dana Whitlock, a partner at Northgate Ventures, which seeded Veridian Robotics in 2021, joined the board.",
        {("northgate-ventures", "invests_in", "veridian-robotics")},
        {("dana-whitlock", "invests_in", "veridian-robotics")},
    ),
    (
        "corporate venture fund in apposition, both orders",
        "M12, Microsoft's venture fund, led the round. Kowa Holdings' corporate venture fund, Kowa Ventures, backed Marlowe Systems.",
        {("m12", "subsidiary_of", "microsoft"), ("kowa-ventures", "subsidiary_of", "kowa-holdings"), ("kowa-ventures", "invests_in", "marlowe-systems")},
        {("microsoft", "subsidiary_of", "m12")},
    ),
    (
        "distractor: a fund backed by X is not X's unit",
        "Alder Point Partners, a venture fund backed by Kowa Holdings, joined the round.",
        {("kowa-holdings", "invests_in", "alder-point-partners")},
        {("alder-point-partners", "subsidiary_of", "kowa-holdings")},
    ),
    (
        "hyphenated backers in a sentence about competition; each backer keeps its own company",
        "Microsoft-backed OpenAI and Google-backed Anthropic are competing for the same scarce pool of capacity.",
        {("microsoft", "invests_in", "openai"), ("google", "invests_in", "anthropic")},
        {("microsoft", "invests_in", "anthropic"), ("google", "invests_in", "openai")},
    ),
    # ------------------------------------------------------------------ rounds: with-clauses, fronted leaders, bare take-part
    (
        "with X also in the deal / in the round",
        "Mistral AI closed a €600 million round co-led by General Catalyst, with Nvidia and Samsung also in the deal."
        " Veridian Robotics raised $90 million from Northgate Ventures, with Klarfeld AG also in the round.",
        {("nvidia", "invests_in", "mistral-ai"), ("samsung-electronics", "invests_in", "mistral-ai"), ("klarfeld", "invests_in", "veridian-robotics")},
        {("nvidia", "invests_in", "general-catalyst")},
    ),
    (
        "with X taking an allocation, the round owner is the company reporting it",
        "The round was anchored by Northgate Ventures, with Kowa Holdings taking a smaller allocation, Marlowe Systems said.",
        {("northgate-ventures", "invests_in", "marlowe-systems"), ("kowa-holdings", "invests_in", "marlowe-systems")},
        {("kowa-holdings", "invests_in", "northgate-ventures")},
    ),
    (
        "distractor: an investor reporting its own lead; anonymous sources",
        "The round was led by Northgate Ventures, Northgate Ventures said. The Series B was led by Kowa Holdings,"
        " people familiar with the matter said.",
        set(),
        {("northgate-ventures", "invests_in", "northgate-ventures")},
    ),
    (
        "fronted participle: Leading the round was X, with Y following on",
        "Leading the $640 million financing was Nvidia, with Samsung following on, Veridian Robotics said in a blog post.",
        {("nvidia", "invests_in", "veridian-robotics"), ("samsung-electronics", "invests_in", "veridian-robotics")},
        {("veridian-robotics", "invests_in", "nvidia")},
    ),
    (
        "bare 'also took part' after a round owned earlier in the sentence",
        "Kowa Holdings raised $2bn last year. Northgate Ventures joined the round for Veridian Robotics on Monday,"
        " and Klarfeld AG also took part.",
        {("northgate-ventures", "invests_in", "veridian-robotics"), ("klarfeld", "invests_in", "veridian-robotics")},
        {("klarfeld", "invests_in", "kowa-holdings")},
    ),
]

CASES += [
    # ------------------------------------------------------------------ where the money came from
    (
        "the amount X raised came from A and B",
        "The $6 billion that Veridian Robotics raised in its latest round came from Northgate Ventures, Kowa Holdings"
        " and Sequoia Capital, among others.",
        {("northgate-ventures", "invests_in", "veridian-robotics"), ("kowa-holdings", "invests_in", "veridian-robotics")},
        {("northgate-ventures", "invests_in", "kowa-holdings")},
    ),
    (
        "most of the money came from A (raise in the sentence before); X's funding came from A",
        "Marlowe Systems raised $80m in May. Most of the money came from Tidewater Growth. Daejin Motion's Series B"
        " funding came from Alder Point Partners.",
        {("tidewater-growth", "invests_in", "marlowe-systems"), ("alder-point-partners", "invests_in", "daejin-motion")},
        set(),
    ),
    (
        "relied on money from A",
        "Kowa Holdings has relied on money from Fernhill Ventures since 2021.",
        {("fernhill-ventures", "invests_in", "kowa-holdings")},
        {("kowa-holdings", "invests_in", "fernhill-ventures")},
    ),
    (
        "distractor: revenue or sales coming from a customer is no funding",
        "Most of Marlowe Systems' revenue came from Kowa Holdings last year. About $40 million of its sales came from"
        " Klarfeld AG, Veridian Robotics said.",
        set(),
        {("kowa-holdings", "invests_in", "marlowe-systems"), ("klarfeld", "invests_in", "veridian-robotics")},
    ),
    (
        "a round that lifted X's valuation: X owns the round",
        "The $1.1 billion round was co-led by Sequoia Capital and Temasek and lifted Kestrel Compute's valuation above $7 billion.",
        {("sequoia-capital", "invests_in", "kestrel-compute"), ("temasek", "invests_in", "kestrel-compute")},
        {("sequoia-capital", "invests_in", "temasek")},
    ),
    # ------------------------------------------------------------------ a regulator clears X to buy Y
    (
        "cleared/approved X to acquire Y: X is the buyer, never the regulator",
        "The Commerce Commission cleared Tasman Freight Holdings to acquire Kauri Logistics. The watchdog approved"
        " Kowa Holdings to take a 30% stake in Marlowe Systems.",
        {("tasman-freight-holdings", "acquires", "kauri-logistics"), ("kowa-holdings", "invests_in", "marlowe-systems")},
        {("commerce-commission", "acquires", "kauri-logistics")},
    ),
]

CASES += [
    # ------------------------------------------------------------------ "is also a shareholder": the one other company in the sentence
    (
        "bare 'is also a shareholder/investor/backer' after a relative naming one company",
        "Kowa Holdings, which makes the sensors in Marlowe Systems' drones, is also an investor. Klarfeld AG, which buys"
        " robots from Veridian Robotics, is also a major backer.",
        {("kowa-holdings", "invests_in", "marlowe-systems"), ("klarfeld", "invests_in", "veridian-robotics")},
        {("marlowe-systems", "invests_in", "kowa-holdings")},
    ),
    (
        "distractor: two candidate companies, or a competitor, leave the bare role unresolved",
        "Kowa Holdings, which supplies Marlowe Systems and Daejin Motion, is also an investor. Klarfeld AG, which"
        " competes with Veridian Robotics, is also an investor.",
        set(),
        {("kowa-holdings", "invests_in", "marlowe-systems"), ("kowa-holdings", "invests_in", "daejin-motion"), ("klarfeld", "invests_in", "veridian-robotics")},
    ),
]

CASES += [
    (
        "divested unit named by 'known as', verb and noun forms",
        "Kowa Holdings is offloading its sensor business, known as Lumenor Photonics, to Tidewater Growth. The sale of"
        " Klarfeld AG's chip division, known as Brightwater Silicon, to Halsey Group closed in May.",
        {("tidewater-growth", "acquires", "lumenor-photonics"), ("halsey-group", "acquires", "brightwater-silicon")},
        {("tidewater-growth", "acquires", "kowa-holdings"), ("halsey-group", "acquires", "klarfeld")},
    ),
]

CASES += [
    (
        "a country naming a unit is no subsidiary; a named unit is",
        "Daejin Motion has been merged with Vodafone's UK arm. Klarfeld AG's German unit Veridian Robotics sells drones.",
        {("veridian-robotics", "subsidiary_of", "klarfeld")},
        {("uk", "subsidiary_of", "vodafone"), ("united-kingdom", "subsidiary_of", "vodafone")},
    ),
]

CASES += [
    # ------------------------------------------------------------------ ruled out, ended, or a fee rather than funding
    (
        "no plans / no intention to buy or invest",
        "A Kowa Holdings executive said the group had no plans to acquire Marlowe Systems. Tidewater Growth said it had"
        " no intention to invest in Veridian Robotics.",
        set(),
        {("kowa-holdings", "acquires", "marlowe-systems"), ("tidewater-growth", "invests_in", "veridian-robotics")},
    ),
    (
        "recurring payments received are fees, a round received is funding",
        "Veridian Robotics, which receives about $20 million a year from Kowa Holdings for preloading its software,"
        " also received $50m from Klarfeld AG in its Series A. Marlowe Systems receives $5m annually from Halsey Group.",
        {("klarfeld", "invests_in", "veridian-robotics")},
        {("kowa-holdings", "invests_in", "veridian-robotics"), ("halsey-group", "invests_in", "marlowe-systems")},
    ),
    (
        "an ended role: formerly the parent / a former investor",
        "Halsey Group, formerly the parent of Trellis Motion, sold its last plant. Kowa Holdings, a former investor in"
        " Marlowe Systems, sold its shares. Klarfeld AG, an investor in Veridian Robotics, sold its old plant.",
        {("klarfeld", "invests_in", "veridian-robotics")},
        {("trellis-motion", "subsidiary_of", "halsey-group"), ("kowa-holdings", "invests_in", "marlowe-systems")},
    ),
]

CASES += [
    # ------------------------------------------------------------------ rounds described in a later sentence
    (
        "a round that drew / brought in named investors",
        "Marlowe Systems raised $500m in May. That earlier round drew Tidewater Growth as well as Kowa Holdings."
        " Veridian Robotics raised $80m in June. That round also brought in Alder Point Partners and Klarfeld AG.",
        {("tidewater-growth", "invests_in", "marlowe-systems"), ("alder-point-partners", "invests_in", "veridian-robotics"), ("klarfeld", "invests_in", "veridian-robotics")},
        {("tidewater-growth", "invests_in", "veridian-robotics")},
    ),
    (
        "raised from investors led by A and B",
        "In 2024 Veridian Robotics raised $1 billion from investors led by Northgate Ventures and Sequoia Capital.",
        {("northgate-ventures", "invests_in", "veridian-robotics"), ("sequoia-capital", "invests_in", "veridian-robotics")},
        {("veridian-robotics", "invests_in", "northgate-ventures")},
    ),
    (
        "with A and B among the participants",
        "In January Veridian Robotics raised $30 million in seed funding led by Lux Capital, with Kowa Holdings and"
        " Klarfeld AG among the participants.",
        {("lux-capital", "invests_in", "veridian-robotics"), ("kowa-holdings", "invests_in", "veridian-robotics"), ("klarfeld", "invests_in", "veridian-robotics")},
        {("kowa-holdings", "invests_in", "lux-capital")},
    ),
    (
        "'It was led by X; A and B were among the co-leads' after a completed round",
        "Marlowe Systems completed a $10bn round. It was led by Thrive Capital; Kowa Holdings and Tidewater Growth were"
        " among the co-leads.",
        {("thrive-capital", "invests_in", "marlowe-systems"), ("kowa-holdings", "invests_in", "marlowe-systems"), ("tidewater-growth", "invests_in", "marlowe-systems")},
        {("kowa-holdings", "invests_in", "thrive-capital")},
    ),
    (
        "bare 'among the new shareholders' after a closed round; 'returned for the round'",
        "Veridian Robotics closed a $200m Series A on Monday. Kowa Holdings and Klarfeld AG are among the new"
        " shareholders. Daejin Motion raised €600 million in a Series D round. Existing backers Alder Point Partners"
        " and Tidewater Growth returned for the round.",
        {("kowa-holdings", "invests_in", "veridian-robotics"), ("klarfeld", "invests_in", "veridian-robotics"), ("alder-point-partners", "invests_in", "daejin-motion"), ("tidewater-growth", "invests_in", "daejin-motion")},
        {("kowa-holdings", "invests_in", "daejin-motion")},
    ),
    (
        "distractor: shareholders in other firms, or a description standing for unnamed holders",
        "Veridian Robotics raised $20m last year. Klarfeld AG and Kowa Holdings are big shareholders in other firms.",
        set(),
        {("klarfeld", "invests_in", "veridian-robotics"), ("kowa-holdings", "invests_in", "veridian-robotics")},
    ),
    # ------------------------------------------------------------------ money committed for capacity, names that contain "holding"
    (
        "distractor: money committed to rent capacity is a purchase; committed to a round is funding",
        "Klarfeld AG has signed two agreements to rent computing capacity from outside operators, committing about"
        " $9.7bn to Veridian Robotics. Kowa Holdings pledged $500m to Marlowe Systems, which buys its chips.",
        {("kowa-holdings", "invests_in", "marlowe-systems")},
        {("klarfeld", "invests_in", "veridian-robotics")},
    ),
    (
        "distractor: 'Holding' inside a company name is no holding",
        "Trellis Motion and Marlowe Systems, a unit of Taiwan's Halsey Technology Holding, will handle packaging.",
        set(),
        {("trellis-motion", "invests_in", "halsey-technology-holding"), ("marlowe-systems", "invests_in", "halsey-technology-holding")},
    ),
    # ------------------------------------------------------------------ appositions inside lists
    (
        "distractor: a role after a list describes no single holder",
        "That round brought in Kowa Holdings, Nvidia, the venture arm of Marlowe Systems and Tidewater Growth, the family"
        " office of Dana Whitlock. Providers such as Veridian Robotics and Ardent Motion, the cloud unit of Klarfeld AG,"
        " raised prices.",
        set(),
        {("nvidia", "subsidiary_of", "marlowe-systems"), ("veridian-robotics", "subsidiary_of", "klarfeld"), ("nvidia", "subsidiary_of", "tidewater-growth")},
    ),
    (
        "a dash-delimited role in a list describes the name before it",
        "Kowa Holdings, Nvidia, Alder Ventures — the venture arm of Marlowe Systems — and Tidewater Growth also took part.",
        {("alder-ventures", "subsidiary_of", "marlowe-systems")},
        {("kowa-holdings", "subsidiary_of", "marlowe-systems"), ("nvidia", "subsidiary_of", "marlowe-systems")},
    ),
    (
        "'X, its Y unit': the compound names the unit, X is the parent",
        "Members include BlackRock, its Global Infrastructure Partners unit, MGX and Nvidia. Kowa Holdings and its"
        " Trellis Motion unit signed the deal.",
        {("global-infrastructure-partners", "subsidiary_of", "blackrock"), ("trellis-motion", "subsidiary_of", "kowa-holdings")},
        {("blackrock", "subsidiary_of", "global-infrastructure-partners"), ("mgx", "subsidiary_of", "blackrock")},
    ),
    (
        "a country in a unit's name is no parent",
        "Kowa Holdings signed its first agreement with Halsey Manufacturing, the carmaker's US arm, in January.",
        set(),
        {("halsey-manufacturing", "subsidiary_of", "us"), ("halsey-manufacturing", "subsidiary_of", "united-states")},
    ),
]

@pytest.mark.parametrize("name,text,present,absent", CASES, ids=[c[0] for c in CASES])
def test_phrasing_family(extractor, name, text, present, absent) -> None:  # type: ignore[no-untyped-def]
    got = triples(extractor, text)
    assert_triples(got, present, absent, name)


# ------------------------------------------------------------ precision: spun-off units, relative rounds
PRECISION_CASES = [
    (
        "a unit named by its owner is a subsidiary",
        "Orvik Group said its automotive unit, Veltrana Systems, grew sales by 9%.",
        {("veltrana-systems", "subsidiary_of", "orvik-group")},
        set(),
    ),
    (
        "a planned spin-off leaves the unit a subsidiary today",
        "Orvik Group will spin off its automotive unit, Veltrana Systems, next year.",
        {("veltrana-systems", "subsidiary_of", "orvik-group")},
        set(),
    ),
    (
        "a unit that was spun off is no longer a subsidiary",
        "Orvik Group no longer makes engines: it spun off its automotive unit, Veltrana Systems, in 2019.",
        set(),
        {("veltrana-systems", "subsidiary_of", "orvik-group")},
    ),
    (
        "'X was backed by A and by B, which led its round': its is X, not a raiser named before",
        "Veltrana Systems raised $20m last year. Corvane Labs, founded in 2018, had been backed by Orvik Ventures and by Halvard Capital, which led its $35m Series B.",
        {("halvard-capital", "invests_in", "corvane-labs")},
        {("halvard-capital", "invests_in", "veltrana-systems")},
    ),
]


@pytest.mark.parametrize("name,text,present,absent", PRECISION_CASES, ids=[c[0] for c in PRECISION_CASES])
def test_investment_precision(extractor, name, text, present, absent) -> None:  # type: ignore[no-untyped-def]
    got = triples(extractor, text)
    assert_triples(got, present, absent, name)
