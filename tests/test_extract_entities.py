"""Entity finding, typing and canonicalisation: gazetteer over NER, unknown companies from cues,
legal suffixes, possessives, acronyms introduced in the text, short references and case."""

from __future__ import annotations

import pytest
from extract_fixtures import run
from extract_fixtures import triples as facts

from ingest.entities import canonical_name, guess_type, name_key, strip_legal_suffix
from kg.model import slugify


def types(extractor, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {e.id: e.type for e in run(extractor, text).entities}


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("Acme Robotics, Inc.", "Acme Robotics"),
        ("Siemens AG", "Siemens"),
        ("Atos S.A.", "Atos"),
        ("Mistral AI SAS", "Mistral AI"),
        ("Hooli LLC", "Hooli"),
        ("Initech Corp.", "Initech"),
        ("Vodafone Group plc", "Vodafone Group"),
        ("OpenAI's", "OpenAI"),
        ("Nvidia’s", "Nvidia"),
        ("The Kroger Co.", "Kroger"),
        ("Arm Holdings plc", "Arm Holdings"),
        ("Inc.", "Inc"),
    ],
)
def test_canonical_name(raw: str, expected: str) -> None:
    assert canonical_name(raw) == expected


def test_name_key_is_case_and_suffix_insensitive() -> None:
    assert name_key("NVIDIA Corp.") == name_key("Nvidia") == "nvidia"
    assert strip_legal_suffix("Novo Holdings A/S") == "Novo Holdings"


def test_guess_type_from_head_words() -> None:
    assert guess_type("Dutch Authority for Consumers and Markets", "ORG") == "regulator"
    assert guess_type("Ministry of Economy", "ORG") == "government"
    assert guess_type("Balderton Capital", "PERSON") == "company"
    assert guess_type("Jane Doe", "PERSON") == "person"
    assert guess_type("Quillon Labs", "ORG") == "company"


def test_gazetteer_corrects_the_ner(extractor) -> None:  # type: ignore[no-untyped-def]
    t = types(extractor, "Anthropic will train its models on Trainium chips from AWS.")
    assert t["anthropic"] == "company"  # the small model says GPE or PERSON
    assert t["trainium"] == "product"
    assert t["amazon-web-services"] == "company"


def test_reference_entities_carry_ids_qids_and_parents(extractor) -> None:  # type: ignore[no-untyped-def]
    ref = {e.id: e for e in extractor.reference_entities()}
    assert ref["amazon"].qid == "Q3884"
    assert ref["amazon-web-services"].parent == "amazon"
    assert ref["trainium"].type == "product" and ref["trainium"].parent == "amazon-web-services"
    assert ref["competition-and-markets-authority"].type == "regulator"
    assert "AWS" in ref["amazon-web-services"].aliases
    for e in ref.values():  # gazetteer ids are the slugs of their labels
        assert e.id == slugify(e.label), e


def test_case_and_suffix_variants_are_one_entity(extractor) -> None:  # type: ignore[no-untyped-def]
    ex = run(extractor, "NVIDIA Corp. reported results. Nvidia said demand was strong. Nvidia's shares rose.")
    ids = {m.entity_id for m in ex.mentions}
    assert ids == {"nvidia"}


def test_unknown_company_from_cue_and_suffix(extractor) -> None:  # type: ignore[no-untyped-def]
    t = types(
        extractor,
        "Quillon, a Berlin startup that builds coding agents, has hired staff. "
        "Brightwater Analytics Inc. said it would expand.",
    )
    assert t.get("quillon") == "company"
    assert t.get("brightwater-analytics") == "company"


def test_acronym_introduced_in_text(extractor) -> None:  # type: ignore[no-untyped-def]
    ex = run(
        extractor,
        "The Dutch Authority for Consumers and Markets (ACM) opened a review. The ACM said the "
        "review of the deal would take months.",
    )
    ids = [m.entity_id for m in ex.mentions]
    assert ids.count("dutch-authority-for-consumers-and-markets") >= 2
    assert "acm" not in ids
    assert {e.id: e.type for e in ex.entities}["dutch-authority-for-consumers-and-markets"] == "regulator"


def test_gazetteer_acronym_and_full_name(extractor) -> None:  # type: ignore[no-untyped-def]
    ex = run(extractor, "Britain's Competition and Markets Authority (CMA) is looking at cloud. The CMA said so.")
    assert {m.entity_id for m in ex.mentions if "Markets" in m.text or m.text == "CMA"} == {
        "competition-and-markets-authority"
    }


def test_short_reference_resolves_to_the_full_name(extractor) -> None:  # type: ignore[no-untyped-def]
    ex = run(
        extractor,
        "Brightwater Analytics said on Monday it had hired a new chief executive. "
        "Shares in Brightwater rose 4%.",
    )
    assert {m.entity_id for m in ex.mentions} == {"brightwater-analytics"}


def test_mentions_point_into_the_text(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Amazon.com Inc. and Google backed Anthropic PBC, the maker of Claude."
    ex = run(extractor, text)
    assert ex.mentions
    for m in ex.mentions:
        assert m.text in text[m.start : m.end] or text[m.start : m.end].startswith(m.text.split()[0])
    assert {m.entity_id for m in ex.mentions} >= {"amazon", "google", "anthropic", "claude"}


def test_news_outlets_and_generic_words_are_not_companies(extractor) -> None:  # type: ignore[no-untyped-def]
    t = types(extractor, "Google invested in Anthropic, Reuters reported, citing an AI industry source.")
    assert "reuters" not in t and "ai" not in t


def test_unknown_model_is_a_user_error() -> None:
    from ingest.extract import get_extractor
    from kg.errors import RegwatchError

    with pytest.raises(RegwatchError, match="spaCy model 'no_such_model_xyz' is not installed"):
        get_extractor("no_such_model_xyz")


def test_name_part_tagged_as_nationality_stays_in_the_name(extractor) -> None:  # type: ignore[no-untyped-def]
    """"Rivian Automotive": the tagger calls "Rivian" a nationality; the company is not "Automotive"."""
    ext = run(extractor, "Volkswagen Group will invest as much as $5bn in Rivian Automotive, the carmaker said.")
    labels = {e.label for e in ext.entities}
    assert "Rivian Automotive" in labels and "Automotive" not in labels


def test_laws_and_their_acronyms_are_not_companies(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Brussels fined Veltrana Systems under the Platform Fairness Act (PFA) on Monday. "
        "The PFA requires large platforms to open their stores, and the Commission opened a "
        "second PFA probe into Veltrana. Separately the Digital Services Act was amended."
    )
    ids = types(extractor, text)
    assert "pfa" not in ids and "platform-fairness-act" not in ids
    assert not any(o in {"pfa", "dsa"} for _, _, o in facts(extractor, text))


def test_place_in_the_possessive_before_a_known_regulator(extractor) -> None:  # type: ignore[no-untyped-def]
    got = facts(extractor, "Korea's Fair Trade Commission fined Veltrana Systems Inc. $30m for tying its app store.")
    assert ("korea-fair-trade-commission", "regulates", "veltrana-systems") in got


def test_colon_inside_a_name_is_one_token(extractor) -> None:  # type: ignore[no-untyped-def]
    ex = run(extractor, "Halvard agreed to buy Sync:ai, a scheduling startup. Note: terms were not disclosed at 10:30.")
    labels = {e.label for e in ex.entities}
    assert "Sync:ai" in labels and "Sync" not in labels


def test_coordinated_names_in_one_ner_span_are_split(extractor) -> None:  # type: ignore[no-untyped-def]
    ids = types(extractor, "Wispfield raised $40m from Accel and Orbis Investments, which joined late.")
    assert "accel" in ids and "orbis-investments" in ids and "accel-and-orbis-investments" not in ids
    whole = types(extractor, "CoreWeave bought Weights & Biases last year.")
    assert "weights-biases" in whole and "biases" not in whole


def test_a_regulators_official_is_not_regulated(extractor) -> None:  # type: ignore[no-untyped-def]
    got = facts(extractor, "The inquiry, approved by FTC chair Dana Whitlow last month, targets Corvane Cloud.")
    assert not any(o == "dana-whitlow" for _, p, o in got if p == "regulates")
    sued = facts(extractor, "The Securities and Exchange Commission sued John Carter, the founder of Corvane Cloud, in May.")
    assert ("securities-and-exchange-commission", "regulates", "john-carter") in sued


def test_a_pronoun_resolves_to_an_entity_that_fits_its_context(extractor) -> None:  # type: ignore[no-untyped-def]
    # "its takeover": only a company takes over; the clause subject here is a regulator
    got = facts(extractor, "Halvard Systems reported higher sales on Monday. The Federal Trade "
                "Commission has opened an inquiry into its takeover of Lumora Labs.")
    assert ("halvard-systems", "acquires", "lumora-labs") in got
    assert ("federal-trade-commission", "regulates", "halvard-systems") in got


def test_a_known_name_followed_by_unit_words_is_the_unit(extractor) -> None:  # type: ignore[no-untyped-def]
    ids = types(extractor, "Qualcomm Ventures and Intel Capital joined the round, and Intel Foundry will make the chips.")
    assert {"qualcomm-ventures", "intel-capital", "intel-foundry"} <= set(ids)
    assert "qualcomm" not in ids  # the fund, not its owner, invested
    assert "google-cloud" in types(extractor, "Google Cloud signed the contract.")
    telecom = types(extractor, "The regulator cleared the merger of TPG Telecom and Orvik Mobile.")
    assert "tpg-telecom" in telecom and "tpg" not in telecom  # an industry word: another firm


def test_unknown_company_the_ner_mislabels_is_kept_in_a_company_slot(extractor) -> None:  # type: ignore[no-untyped-def]
    got = facts(extractor, "The CMA referred Castellan Foods' takeover of Pemberton Dairies to a phase 2 investigation.")
    assert ("castellan-foods", "acquires", "pemberton-dairies") in got  # the NER says WORK_OF_ART
    assert not types(extractor, "Republicans and the Chinese criticised the deal, the French said.")


def test_places_as_modifiers_and_datelines_are_not_parties(extractor) -> None:  # type: ignore[no-untyped-def]
    got = facts(extractor, "TORONTO - The San Francisco answer-engine start-up Quillfair has snapped up "
                "Carbonet, a Seattle company. China's market regulator said Quillfair broke the law.")
    assert ("quillfair", "acquires", "carbonet") in got
    assert not any({"toronto", "san-francisco", "china"} & {s, o} for s, _, o in got)


def test_chip_model_numbers_and_generic_tech_words_are_not_companies(extractor) -> None:  # type: ignore[no-untyped-def]
    ids = types(extractor, "Veltrana will rent clusters of GB300 and MI355X chips from Corvane Cloud, and its CPU team grew.")
    assert ids.get("gb300") in {None, "product"} and ids.get("mi355x") in {None, "product"}
    assert "cpu" not in ids


def test_a_name_running_into_a_bracket_ends_before_it(extractor) -> None:  # type: ignore[no-untyped-def]
    ex = run(extractor, "The Innovation Park Artificial Intelligence (Ipai) invested in Aleph Alpha.")
    assert not any("(" in e.label for e in ex.entities)


def test_a_capitalised_word_after_a_product_is_part_of_it(extractor) -> None:  # type: ignore[no-untyped-def]
    ids = types(extractor, "TORONTO, July 22 — Corvane will run on clusters that AWS builds with its EC2 UltraServers.")
    assert "ultraservers" not in ids and "toronto" not in ids


def test_a_fund_named_in_a_companys_possessive_is_its_unit(extractor) -> None:  # type: ignore[no-untyped-def]
    ex = run(extractor, "Veltrana raised $75m from Microsoft, OpenAI's Startup Fund and Samsung's Catalyst Fund.")
    units = {e.id: e.parent for e in ex.entities}
    assert units.get("openai-startup-fund") == "openai" and units.get("samsung-catalyst-fund") == "samsung-electronics"
    assert ("openai-startup-fund", "invests_in", "veltrana") in {(f.subject, f.predicate, f.object) for f in ex.facts}


def test_descriptions_the_ner_tags_as_organisations_are_not_names(extractor) -> None:  # type: ignore[no-untyped-def]
    ids = types(extractor, "Microsoft said the Redmond company's purchase of Corvane Cloud closed. The CMA asked "
                "whether the Burlington, Massachusetts company's software would shut out rivals.")
    assert "redmond-company" not in ids and "burlington" not in ids
    assert "lte" not in types(extractor, "Veltrana pays Corvane Cloud to use its LTE chips.")


def test_a_place_is_never_a_short_reference_to_an_organisation(extractor) -> None:  # type: ignore[no-untyped-def]
    """"Britain" after "Britain's Competition and Markets Authority", "Singapore" after "Singapore
    Telecommunications", "Australian" after "Australian Competition and Consumer Commission"."""
    text = (
        "Britain's Competition and Markets Authority cleared the deal. Singapore Telecommunications said the "
        "Australian Competition and Consumer Commission had also been told. Officials in Britain and Singapore "
        "declined to comment, and Australian regulators said nothing."
    )
    doc = extractor.nlp(text)
    by_text = {(m.text, m.entity.id) for m in extractor.resolver.resolve(doc).mentions}
    assert ("Singapore Telecommunications", "singapore-telecommunications") in by_text  # the names still resolve
    places = {(t, e) for t, e in by_text if t in {"Britain", "Singapore", "Australian"}}  # none, or places
    assert not {e for _, e in places} & {
        "competition-and-markets-authority", "singapore-telecommunications", "australian-competition-and-consumer-commission"
    }  # fmt: skip


def test_a_dateline_city_is_not_a_party(extractor) -> None:  # type: ignore[no-untyped-def]
    got = facts(extractor, "TORONTO — Kestrel Robotics raised $500m from Orvik Group and Halvard Capital in a round led by Orvik.")
    assert ("orvik-group", "invests_in", "kestrel-robotics") in got
    assert not {t for t in got if "toronto" in t}


def test_an_org_span_running_over_a_verb_is_the_names_either_side(extractor) -> None:  # type: ignore[no-untyped-def]
    """The small NER sometimes tags "Halvard Capital led Kestrel Robotics'" as one ORG."""
    got = facts(extractor, "Halvard Capital led Kestrel Robotics' Series B round.")
    assert ("halvard-capital", "invests_in", "kestrel-robotics") in got
    assert not {t for t in got if "led" in t[0] or "led" in t[2]}


def test_a_capitalised_phrase_after_an_indefinite_article_is_a_description(extractor) -> None:  # type: ignore[no-untyped-def]
    """"Corvane Stores, a Premium Reseller that sold X computers": the reseller is Corvane."""
    got = facts(extractor, "The complaint came from Corvane Stores, a Premium Reseller that sold Orvik Group computers.")
    assert ("orvik-group", "supplies", "corvane-stores") in got
    assert "premium-reseller" not in types(extractor, "The complaint came from Corvane Stores, a Premium Reseller that sold Orvik Group computers.")


def test_a_sentence_initial_word_the_article_also_writes_in_lower_case_is_no_name(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The regulator said Orvik Group could cut rivals off from Kestrel Robotics' library. Advertising weighed "
        "just as heavily. The panel said the display advertising market was worth about £7bn."
    )
    mentions = {m.entity.id for m in extractor.resolver.resolve(extractor.nlp(text)).mentions}
    assert "advertising" not in mentions and "kestrel-robotics" in mentions
    assert "helsing" in types(extractor, "Helsing has partnered with Orvik Group on drones.")  # an unknown name still is


def test_a_products_plural_is_the_product(extractor) -> None:  # type: ignore[no-untyped-def]
    got = facts(extractor, "The iPhones released last year rely solely on modems made by Intel Corp.")
    assert ("intel", "supplies", "apple") in got  # the phones resolve to their maker
    assert not {t for t in got if "iphones" in t}
