"""supplies / partners_with phrasing families, one invented sentence per case (never copied from
the corpus). Unknown companies ("Veridian Robotics", "Klarfeld AG") are used on purpose so the
rules cannot lean on the gazetteer; each family also has a distractor that must stay silent."""

from __future__ import annotations

import pytest
from extract_fixtures import assert_triples, run, triples

Triple = tuple[str, str, str]


def sym(ts: set[Triple]) -> set[Triple]:
    """partners_with is symmetric: compare both directions."""
    return ts | {(o, p, s) for s, p, o in ts if p == "partners_with"}


VR, KL = "veridian-robotics", "klarfeld"

CASES: list[tuple[str, str, set[Triple], set[Triple]]] = [
    (
        "a company 'bought from' its owner changes hands: the seller supplies nothing",
        "Last year Orvik Group paid about $1.5bn for Vantor Labs, which it bought from private equity owner Halvard Capital.",
        {("orvik-group", "acquires", "vantor-labs")},
        {("halvard-capital", "supplies", "orvik-group")},
    ),
    (
        "control: goods 'bought from' a maker are a supply",
        "Orvik Group buys its memory chips from Kestrel Robotics.",
        {("kestrel-robotics", "supplies", "orvik-group")},
        set(),
    ),
    (
        "items of one list are not each other's suppliers: 'A, B and C all build their chips on its design'",
        "Halvard Technologies licenses chip designs. Orvik Group, Vantor Labs and Kestrel Robotics all build their processors on its architecture.",
        set(),
        {(a, "supplies", b) for a in ("orvik-group", "vantor-labs", "kestrel-robotics") for b in ("orvik-group", "vantor-labs", "kestrel-robotics") if a != b},
    ),
    (
        "'X will offer Y a licence for Z's patents': Y holds the licence, not the one offering it",
        "Orvik Group will offer Kestrel Robotics a licence for Halvard Technologies' patents.",
        {("halvard-technologies", "supplies", "kestrel-robotics")},
        {("halvard-technologies", "supplies", "orvik-group")},
    ),
    (
        "a licence offered to unnamed makers 'in India' names no licensee (nor the place)",
        "Under its new agreement, Orvik Group will offer television makers in India a standalone licence for the Vantor Store and Vantor Services.",
        set(),
        {("vantor-services", "supplies", "orvik-group"), ("vantor-store", "supplies", "orvik-group")},
    ),
    (
        "a counted quantity of goods 'for Y's deployment': Y is the customer",
        "Orvik Group will supply 18,000 of its chips for Kestrel Robotics' first deployment.",
        {("orvik-group", "supplies", "kestrel-robotics")},
        set(),
    ),
    (
        "'building a cluster ..., to be hosted by X': X hosts the builder's cluster",
        "Kestrel Robotics said it was building a cluster of 22,000 chips, to be hosted by the cloud provider Orvik Cloud.",
        {("orvik-cloud", "supplies", "kestrel-robotics")},
        set(),
    ),
    (
        "control: money 'provided in funding' is still an investment, not a supply",
        "Orvik Group will provide $2bn in funding to Kestrel Robotics.",
        set(),
        {("orvik-group", "supplies", "kestrel-robotics")},
    ),
    # ------------------------------------------------------------------ supplies: buying capacity
    (
        "committed to buy capacity on X's cloud",
        "Veridian Robotics has committed to buy $2bn of computing capacity on Oracle's cloud over five years.",
        {("oracle", "supplies", VR)},
        {(VR, "supplies", "oracle")},
    ),
    (
        "rent GPUs from a named operator",
        "Klarfeld AG rents about 3,000 GPUs from CoreWeave on two-year terms.",
        {("coreweave", "supplies", KL)},
        set(),
    ),
    # ------------------------------------------------------------------ supplies: where the chips come from
    (
        "trains on chips designed by X",
        "Veridian Robotics trains its models on chips designed by Nvidia.",
        {("nvidia", "supplies", VR)},
        set(),
    ),
    (
        "trains on units rented from X, not on its own hardware",
        "Klarfeld AG trains its models on tensor processing units rented from Google Cloud rather than on hardware it owns.",
        {("google-cloud", "supplies", KL)},
        set(),
    ),
    (
        "trains on a machine made up of X chips",
        "Veridian Robotics trains its models on a supercomputer made up of Nvidia chips.",
        {("nvidia", "supplies", VR)},
        set(),
    ),
    (
        "passive trained on X's chips, not on Y's",
        "Klarfeld AG said its vision models were trained on Google's TPUs, not on Nvidia hardware.",
        {("google", "supplies", KL)},
        {("nvidia", "supplies", KL)},
    ),
    (
        "passive used by / in someone's cloud",
        "Klarfeld AG's Helix accelerators are used by Meta and in Microsoft's Azure cloud.",
        {(KL, "supplies", "meta-platforms"), (KL, "supplies", "microsoft")},
        set(),
    ),
    # ------------------------------------------------------------------ supplies: runs on
    (
        "a company's facility runs on X's chips",
        "Veridian Robotics's data centre outside Oslo runs almost entirely on AMD accelerators.",
        {("amd", "supplies", VR)},
        set(),
    ),
    (
        "all of its workloads remain on X",
        "Veridian Robotics said all of its workloads remain on Microsoft Azure.",
        {("microsoft", "supplies", VR)},
        set(),
    ),
    (
        "distractor: remains on track",
        "Klarfeld AG remains on track to list its shares in Frankfurt, Veridian Robotics said.",
        set(),
        {("veridian-robotics", "supplies", KL), (KL, "supplies", VR)},
    ),
    (
        "rolled out X's assistant to its staff",
        "Klarfeld AG rolled out Anthropic's Claude to its 4,000 employees last month.",
        {("anthropic", "supplies", KL)},
        set(),
    ),
    (
        "distractor: switched on a cluster is not a switch to a supplier",
        "Last week Klarfeld AG switched on Project Rainier, a cluster of Trainium2 chips.",
        set(),
        {("amazon-web-services", "supplies", KL)},
    ),
    # ------------------------------------------------------------------ supplies: roles
    (
        "coordinated roles: provider and training partner",
        "Amazon Web Services remains Veridian Robotics's primary cloud provider and training partner.",
        {("amazon-web-services", "supplies", VR)},
        set(),
    ),
    (
        "provider for a company's product",
        "Oracle will remain the exclusive cloud provider for Klarfeld AG's inspection service, the companies said.",
        {("oracle", "supplies", KL)},
        set(),
    ),
    (
        "manufacturing partner for a company's systems",
        "Veridian Robotics will become a preferred manufacturing partner for Klarfeld AG's warehouse robots.",
        {(VR, "supplies", KL)},
        {(VR, "partners_with", KL)},
    ),
    (
        "product maker as the customer: the X maker's provider",
        "OpenAI released a new model, and Azure is the ChatGPT maker's exclusive cloud provider.",
        {("microsoft", "supplies", "openai")},
        set(),
    ),
    (
        "a buyer of X modems",
        "Klarfeld AG, long a big buyer of Broadcom modems, is moving to its own designs.",
        {("broadcom", "supplies", KL)},
        set(),
    ),
    (
        "passive designation as supplier",
        "Klarfeld AG was picked by Veridian Robotics as its preferred cloud provider.",
        {(KL, "supplies", VR)},
        {(VR, "supplies", KL)},
    ),
    # ------------------------------------------------------------------ supplies: making things for
    (
        "fabricates a company's chips",
        "Samsung fabricates Veridian Robotics's vision chips at its plants in Korea.",
        {("samsung-electronics", "supplies", VR)},
        {(VR, "supplies", "samsung-electronics")},
    ),
    (
        "relative clause: the wafers that X fabricates for Y",
        "The wafers that Samsung fabricates for Veridian Robotics are shipped to Texas.",
        {("samsung-electronics", "supplies", VR)},
        set(),
    ),
    (
        "relative clause: the campus that X is building for Y",
        "The campus that Klarfeld AG is building for Oracle will house thousands of GPUs.",
        {(KL, "supplies", "oracle")},
        set(),
    ),
    (
        "distractor: makes its own chips",
        "Klarfeld AG makes its own chips in Dresden, unlike Veridian Robotics.",
        set(),
        {(KL, "supplies", VR)},
    ),
    # ------------------------------------------------------------------ supplies: use nouns
    (
        "expand its use of X / gain access to X's chips",
        "Klarfeld AG agreed to expand its use of Google Cloud, gaining access to more processors.",
        {("google-cloud", "supplies", KL)},
        set(),
    ),
    (
        "gained access to X's chips",
        "Veridian Robotics gained access to Nvidia's newest chips under the deal.",
        {("nvidia", "supplies", VR)},
        set(),
    ),
    (
        "distractor: lost access",
        "Veridian Robotics lost access to Nvidia's newest chips after the export rules.",
        set(),
        {("nvidia", "supplies", VR)},
    ),
    (
        "purchase commitments for X's accelerators",
        "Klarfeld AG disclosed purchase commitments of €140 million for Intel's Gaudi 3 accelerators.",
        {("intel", "supplies", KL)},
        set(),
    ),
    (
        "reliance on X's cloud",
        "Klarfeld AG's reliance on Amazon's cloud has grown since 2022.",
        {("amazon", "supplies", KL)},
        set(),
    ),
    (
        "models power many of Y's features",
        "Cohere, whose models power many of Oracle's AI features, raised money this year.",
        {("cohere", "supplies", "oracle")},
        set(),
    ),
    # ------------------------------------------------------------------ supplies: distractors
    (
        "distractor: selling a share of a unit is a divestiture",
        "Klarfeld AG agreed to sell 51% of Veridian Robotics, its chip-design unit, to Silver Lake.",
        set(),
        {(KL, "supplies", "silver-lake")},
    ),
    (
        "distractor: a convertible note is money, not a supply",
        "Fernhill Ventures provided a $12 million convertible note to Klarfeld AG.",
        set(),
        {("fernhill-ventures", "supplies", KL)},
    ),
    (
        "distractor: picked up a start-up is an acquisition",
        "In a surprise move, Klarfeld AG picked up search start-up Veridian Robotics last year.",
        {(KL, "acquires", VR)},
        {(VR, "supplies", KL)},
    ),
    (
        "relies on X for cloud, but not 'relied on money from X'",
        "Klarfeld AG relies on Oracle for its cloud computing. Veridian Robotics has relied on money from Fernhill Ventures since 2021.",
        {("oracle", "supplies", KL)},
        {("fernhill-ventures", "supplies", VR)},
    ),
    # ------------------------------------------------------------------ partners_with
    (
        "in partnership with, passive",
        "The forecasting service was built by Veridian Robotics in partnership with Klarfeld AG.",
        {(VR, "partners_with", KL)},
        set(),
    ),
    (
        "X's tie-up with Y",
        "Klarfeld AG's tie-up with Veridian Robotics, first struck in 2022, now covers warehouse robots.",
        {(KL, "partners_with", VR)},
        set(),
    ),
    (
        "A and B announced a partnership to develop",
        "Klarfeld AG and Veridian Robotics announced a partnership to jointly develop sensors for warehouses.",
        {(KL, "partners_with", VR)},
        set(),
    ),
    (
        "A and B will jointly develop",
        "Veridian Robotics and Klarfeld AG will jointly develop processors for data centres.",
        {(VR, "partners_with", KL)},
        set(),
    ),
    (
        "joined forces, with and without 'with'",
        "Klarfeld AG has joined forces with Veridian Robotics on delivery drones.",
        {(KL, "partners_with", VR)},
        set(),
    ),
    (
        "distractor: joined the board is no partnership",
        "Klarfeld AG's finance chief joined the board of Veridian Robotics in March.",
        set(),
        {(KL, "partners_with", VR)},
    ),
    (
        "tied up with",
        "Veridian Robotics tied up with Klarfeld AG on warehouse sensors.",
        {(VR, "partners_with", KL)},
        set(),
    ),
    (
        "A and B formed an alliance with C: all three partner",
        "Klarfeld AG and Veridian Robotics have formed an alliance with Amazon Web Services to sell robots to retailers.",
        {(KL, "partners_with", VR), (KL, "partners_with", "amazon-web-services"), (VR, "partners_with", "amazon-web-services")},
        set(),
    ),
    (
        "A and B set up a joint venture",
        "Klarfeld AG and Veridian Robotics have set up a joint venture to sell robots in Japan.",
        {(KL, "partners_with", VR)},
        set(),
    ),
    (
        "a research partner of X",
        "Veridian Robotics, a research partner of Klarfeld AG, said its trial had succeeded.",
        {(VR, "partners_with", KL)},
        set(),
    ),
    (
        "MoU with X to develop",
        "Veridian Robotics signed a memorandum of understanding with Klarfeld AG to develop data-centre chips.",
        {(VR, "partners_with", KL)},
        {(VR, "supplies", KL), (KL, "supplies", VR)},
    ),
    (
        "agreed with X to jointly develop",
        "Veridian Robotics said on Thursday that it had agreed with Klarfeld AG to jointly develop drones.",
        {(VR, "partners_with", KL)},
        set(),
    ),
    (
        "distractor: talks on an alliance collapsed",
        "Talks on a chip-design alliance between Veridian Robotics and Klarfeld AG collapsed last week.",
        set(),
        {(VR, "partners_with", KL)},
    ),
    (
        "distractor: denied agreeing a partnership",
        "Klarfeld AG denied a report that it had agreed a partnership with Veridian Robotics on sensors.",
        set(),
        {(KL, "partners_with", VR)},
    ),
    (
        "distractor: a regulator's 'its cooperation' is not a partnership",
        "The Bundeskartellamt cited Microsoft's own assistant and its cooperation with Klarfeld AG.",
        set(),
        {("bundeskartellamt", "partners_with", KL)},
    ),
    # ------------------------------------------------------------------ round 2: reselling another's goods
    (
        "offers X's and Y's models to its customers",
        "Klarfeld AG will offer Mistral AI's and Cohere's models to customers of its procurement software.",
        {("mistral-ai", "supplies", KL), ("cohere", "supplies", KL)},
        {(KL, "supplies", "mistral-ai")},
    ),
    (
        "resells X's chips to third parties",
        "Veridian Robotics resells Nvidia's H100 accelerators to universities across Bavaria.",
        {("nvidia", "supplies", VR)},
        {(VR, "supplies", "nvidia")},
    ),
    (
        "distractor: selling its own goods names no upstream supplier",
        "Veridian Robotics sells its own sensors to Klarfeld AG.",
        {(VR, "supplies", KL)},
        {(KL, "supplies", VR)},
    ),
    # ------------------------------------------------------------------ relative clause and shared passive
    (
        "the goods that X sells to Y",
        "Klarfeld AG complained about the prices of the GPUs that Nvidia sells to it.",
        {("nvidia", "supplies", KL)},
        set(),
    ),
    (
        "relative clause with 'which' object: the customer is the modified name",
        "Ostwind Energy, which Klarfeld AG supplies with batteries, reported a loss.",
        {(KL, "supplies", "ostwind-energy")},
        {("ostwind-energy", "supplies", KL)},
    ),
    (
        "built by X and leased to Y (shared passive)",
        "The new campus in Ohio is being built by Veridian Robotics and leased to Klarfeld AG.",
        {(VR, "supplies", KL)},
        set(),
    ),
    (
        "designed by X and sold to Y (shared passive, other verbs)",
        "The sensors were designed by Veridian Robotics and sold to Ostwind Energy.",
        {(VR, "supplies", "ostwind-energy")},
        set(),
    ),
    (
        "distractor: financed by X and leased to Y is no supply by the financier",
        "The campus was financed by Blue Owl Capital and leased to Klarfeld AG.",
        set(),
        {("blue-owl-capital", "supplies", KL)},
    ),
    (
        "passive 'powered by X's models': the powered thing's owner is the customer",
        "Klarfeld AG's chatbot is powered by Mistral AI's models.",
        {("mistral-ai", "supplies", KL)},
        set(),
    ),
    # ------------------------------------------------------------------ where goods come from
    (
        "the components in X's products come from Y and from Z",
        "The optical transceivers in Klarfeld AG's switches come from Coherent and from a smaller supplier, Veridian Robotics.",
        {("coherent", "supplies", KL), (VR, "supplies", KL)},
        set(),
    ),
    (
        "most of the memory in X's servers comes from Y",
        "Most of the memory in Veridian Robotics' servers comes from SK Hynix.",
        {("sk-hynix", "supplies", VR)},
        set(),
    ),
    (
        "its chips come off Y's production lines",
        "Klarfeld AG said its chips will keep coming off TSMC's production lines.",
        {("tsmc", "supplies", KL)},
        set(),
    ),
    (
        "distractors: people and ideas 'come from' a company; negated origin",
        "The idea for the chip came from Google. Its chief executive came from Nvidia. The chips in Klarfeld AG's servers do not come from AMD.",
        set(),
        {("google", "supplies", KL), ("nvidia", "supplies", KL), ("amd", "supplies", KL)},
    ),
    (
        "data centres packed with X's chips",
        "Veridian Robotics' data centres are packed with Nvidia chips.",
        {("nvidia", "supplies", VR)},
        set(),
    ),
    (
        "distractor: offices packed with engineers",
        "Klarfeld AG's offices are packed with engineers from Google.",
        set(),
        {("google", "supplies", KL)},
    ),
    # ------------------------------------------------------------------ customers as a share of revenue
    (
        "A and B accounted for a share of X's revenue",
        "Klarfeld AG and Ostwind Energy together accounted for 40% of Veridian Robotics' revenue last year.",
        {(VR, "supplies", KL), (VR, "supplies", "ostwind-energy")},
        {(KL, "supplies", VR)},
    ),
    (
        "more than half of X's revenue comes from Y",
        "More than half of Veridian Robotics' revenue comes from Klarfeld AG.",
        {(VR, "supplies", KL)},
        set(),
    ),
    (
        "distractor: a unit's share of its parent's income, a country's share of revenue",
        "AWS accounted for 60% of Amazon's operating income. China accounted for 13% of Nvidia's revenue.",
        set(),
        {("amazon", "supplies", "amazon-web-services"), ("nvidia", "supplies", "china")},
    ),
    # ------------------------------------------------------------------ a service run for a company
    (
        "inference for X's chatbot is handled by Y",
        "At Penrose Legal, inference for its chatbot is handled by Together AI.",
        {("together-ai", "supplies", "penrose-legal")},
        set(),
    ),
    (
        "X's data centres are operated by Y",
        "Veridian Robotics' data centres are operated by Klarfeld AG.",
        {(KL, "supplies", VR)},
        set(),
    ),
    (
        "distractor: a company run by a person",
        "Veridian Robotics is run by Klarfeld AG's former chief.",
        set(),
        {(KL, "supplies", VR)},
    ),
    # ------------------------------------------------------------------ partners
    (
        "the two companies struck their partnership",
        "Veridian Robotics has been paying Klarfeld AG for years. When the two companies struck their partnership in 2021, Klarfeld said the sensors would be co-designed.",
        {(VR, "partners_with", KL)},
        set(),
    ),
    (
        "distractor: 'the two companies ... their partnership' after three names is ambiguous",
        "Veridian Robotics, Ostwind Energy and Klarfeld AG all make sensors. When the two companies struck their partnership in 2021, prices fell.",
        set(),
        {(VR, "partners_with", "ostwind-energy"), (VR, "partners_with", KL), ("ostwind-energy", "partners_with", KL)},
    ),
    (
        "'X partners with Y' misread as a noun, in main and subordinate clauses",
        "Although Veridian Robotics partners with Klarfeld AG on sensors, it builds its own chips. Ostwind Energy partners with Cohere on search.",
        {(VR, "partners_with", KL), ("ostwind-energy", "partners_with", "cohere")},
        set(),
    ),
    (
        "distractor: a company's partners with a property",
        "Veridian Robotics partners with deep pockets are rare, Klarfeld AG said.",
        set(),
        {(VR, "partners_with", KL)},
    ),
    # ------------------------------------------------------------------ round 2b: made by an agent
    (
        "passive 'X's chips are manufactured by Y'",
        "Klarfeld AG's chips, like most of its rivals', are manufactured by TSMC.",
        {("tsmc", "supplies", KL)},
        {(KL, "supplies", "tsmc")},
    ),
    (
        "participle 'X's sensors, designed by Y,' and a product 'made by Y'",
        "Ostwind Energy's sensors, designed by Veridian Robotics, go on sale in May. The H100, made by TSMC, is scarce.",
        {(VR, "supplies", "ostwind-energy"), ("tsmc", "supplies", "nvidia")},
        set(),
    ),
    (
        "distractor: in-house design, and goods with no owner",
        "Klarfeld AG's sensors are designed by Klarfeld AG. The chips were designed by Nvidia.",
        set(),
        {("nvidia", "supplies", KL), (KL, "supplies", KL)},
    ),
    (
        "causative 'have/get X made by/at/on Y'",
        "Klarfeld AG will have its sensors built by Veridian Robotics. Ostwind Energy gets its chips made at TSMC. "
        "Cohere said it would have one of its chip designs manufactured on Intel's 18A process.",
        {(VR, "supplies", KL), ("tsmc", "supplies", "ostwind-energy"), ("intel", "supplies", "cohere")},
        set(),
    ),
    (
        "supplies goods 'for Y's product'",
        "Veridian Robotics also provides memory for Klarfeld AG's inspection robots.",
        {(VR, "supplies", KL)},
        set(),
    ),
    (
        "deploys chips for a customer (and uses the maker's chips)",
        "Klarfeld AG will deploy 4,000 Nvidia GPUs for Ostwind Energy.",
        {(KL, "supplies", "ostwind-energy"), ("nvidia", "supplies", KL)},
        set(),
    ),
    (
        "distractor: 'made an offer for' a product is not manufacturing",
        "Veridian Robotics, which made an unsolicited $3bn offer for Chrome last month, declined to comment.",
        set(),
        {(VR, "supplies", "google")},
    ),
    (
        "distractor: powering in-house services",
        "Klarfeld AG's new chips will start powering in-house services such as Klarfeld Search next year.",
        set(),
        {("klarfeld", "supplies", "klarfeld")},
    ),
    (
        "relative clause 'X's product, which runs on Y's models/servers'",
        "Klarfeld AG's search engine, which runs on Veridian Robotics' servers, launched in May.",
        {(VR, "supplies", KL)},
        set(),
    ),
    (
        "double object: 'sells the maker most of its capacity' never reverses",
        "Veridian Robotics sells Klarfeld AG most of its sensors. Microsoft also sells the ChatGPT maker most of its computing capacity.",
        {(VR, "supplies", KL)},
        {(KL, "supplies", VR), ("openai", "supplies", "microsoft")},
    ),
    (
        "'gives the recipient access to X's chips': a misattached subject never supplies itself",
        "Google's expanded deal with Anthropic, which gives the startup access to up to one million TPUs, is under review.",
        set(),
        {("anthropic", "supplies", "google")},
    ),
    (
        "chose/selected/picked X to supply: the chosen firm supplies the chooser",
        "Ostwind Energy selected Klarfeld AG to supply the cooling systems for its campus near Leipzig. "
        "Marlow Foods picked Veridian Robotics to provide sensors for its warehouses.",
        {(KL, "supplies", "ostwind-energy"), (VR, "supplies", "marlow-foods")},
        {("ostwind-energy", "supplies", KL), ("marlow-foods", "supplies", VR)},
    ),
    # ------------------------------------------------------------------ round 2b: partners
    (
        "co-markets a line of systems with X ('with' attached low)",
        "Veridian Robotics already co-markets a line of inspection systems with Klarfeld AG.",
        {(VR, "partners_with", KL)},
        set(),
    ),
    (
        "gapped partnerships: 'A's partnership with B and C's with D'",
        "Regulators examined Veridian Robotics' partnership with Klarfeld AG and Ostwind Energy's with Cohere.",
        {(VR, "partners_with", KL)},
        {(VR, "partners_with", "ostwind-energy")},
    ),
    (
        "distractor: 'work with' only between named firms stated as fact",
        "Veridian Robotics bought a stake in Ostwind Energy. It works with Klarfeld AG on sensors. "
        "Cohere is reported to be working with Klarfeld AG.",
        set(),
        {("ostwind-energy", "partners_with", KL), (VR, "partners_with", KL), ("cohere", "partners_with", KL)},
    ),
]


@pytest.mark.parametrize("name,text,expected,forbidden", CASES, ids=[c[0] for c in CASES])
def test_phrasing(extractor, name: str, text: str, expected: set[Triple], forbidden: set[Triple]) -> None:  # type: ignore[no-untyped-def]
    assert_triples(sym(triples(extractor, text)), expected, forbidden, name)


def test_partner_role_needs_a_business_modifier(extractor) -> None:  # type: ignore[no-untyped-def]
    """"Jane Holt, a partner of Sequoia" is a job title; a fund's "limited partner" is an investor."""
    for text in (
        "Jane Holt, a partner of Sequoia Capital, joined the board of Veridian Robotics.",
        "Klarfeld AG, a limited partner of Index Ventures, reported gains.",
    ):
        assert not {t for t in triples(extractor, text) if t[1] == "partners_with"}, text


def test_exclusive_provider_keeps_exclusivity(extractor) -> None:  # type: ignore[no-untyped-def]
    facts = [f for f in run(extractor, "Oracle is Veridian Robotics's exclusive cloud provider.").facts if f.predicate == "supplies"]
    assert [(f.subject, f.object) for f in facts] == [("oracle", VR)]
    assert facts[0].attributes.get("exclusivity") == "exclusive"


def test_in_house_distribution_is_not_a_supply(extractor) -> None:  # type: ignore[no-untyped-def]
    """A maker building its assistant into its own subsidiary's app is not selling to it."""
    got = triples(extractor, "Meta faces a probe for building its AI assistant into WhatsApp.")
    assert not {t for t in got if t[1] == "supplies"}


# ------------------------------------------------------------------ precision: what is not a supply
PRECISION_CASES: list[tuple[str, str, set[Triple], set[Triple]]] = [
    (
        "buying goods from a maker is a supply",
        "Veltrana Systems bought 20,000 chips from Corvane Semiconductors last year.",
        {("corvane-semiconductors", "supplies", "veltrana-systems")},
        set(),
    ),
    (
        "buying 'the chip developer X' is an acquisition, not a purchase of goods",
        "Veltrana Systems bought the Danish chip developer Corvane Semiconductors for $2bn in 2021.",
        {("veltrana-systems", "acquires", "corvane-semiconductors")},
        {("corvane-semiconductors", "supplies", "veltrana-systems")},
    ),
    (
        "buying part of a firm's modem business is not buying its modems",
        "Veltrana Systems bought the bulk of Orvik Group's modem business for $1bn in 2022.",
        set(),
        {("orvik-group", "supplies", "veltrana-systems")},
    ),
    (
        "paid for access to services: the payee supplies",
        "Orvik Group paid Veltrana Systems $40m for access to its cloud computing services.",
        {("veltrana-systems", "supplies", "orvik-group")},
        set(),
    ),
    (
        "paid X to use its chips: X is paid to be a customer, not a supplier",
        "Orvik Group paid Veltrana Systems $40m to use its chips exclusively.",
        set(),
        {("veltrana-systems", "supplies", "orvik-group")},
    ),
    (
        "a named offering's owner is the customer",
        "Veltrana Systems bought Corvane Labs last year. Corvane Cloud, Corvane Labs's hosted service, runs on Halvard Cloud.",
        {("halvard-cloud", "supplies", "corvane-labs")},
        {("halvard-cloud", "supplies", "corvane-cloud")},
    ),
    (
        "an offering with an unresolved 'its' owner is not itself the customer",
        "Veltrana Systems bought Corvane Labs last year. Corvane Cloud, its hosted service, runs on Halvard Cloud.",
        set(),
        {("halvard-cloud", "supplies", "corvane-cloud"), ("halvard-cloud", "supplies", "veltrana-systems")},
    ),
    (
        "'X named Y its provider': 'its' is the namer, not a firm named before",
        "Amazon invested $2bn in Veltrana Systems in March, and Veltrana Systems named Amazon Web Services its primary cloud provider.",
        {("amazon-web-services", "supplies", "veltrana-systems")},
        {("amazon-web-services", "supplies", "amazon")},
    ),
    (
        "'the cloud of X's biggest backer' is the backer's cloud: X is not the customer",
        "Kestrel Robotics on Tuesday released Aurel 2, its new language model, and named Halvard Technologies as its "
        "preferred partner for the launch, a choice that puts Kestrel's model inside the cloud of Veltrana Systems' biggest backer.",
        set(),
        {("kestrel", "supplies", "veltrana-systems"), ("kestrel-robotics", "supplies", "veltrana-systems")},
    ),
    (
        "control: 'inside the cloud of X' with no role noun keeps X as the customer",
        "Kestrel Robotics put its model inside the cloud of Veltrana Systems.",
        {("kestrel-robotics", "supplies", "veltrana-systems")},
        set(),
    ),
]


@pytest.mark.parametrize("name,text,expected,forbidden", PRECISION_CASES, ids=[c[0] for c in PRECISION_CASES])
def test_supply_precision(extractor, name: str, text: str, expected: set[Triple], forbidden: set[Triple]) -> None:  # type: ignore[no-untyped-def]
    assert_triples(triples(extractor, text), expected, forbidden, name)
