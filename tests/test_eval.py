"""The scorer on tiny hand-made gold, the eval command end to end, and a pin on the tune-split
score so extraction quality cannot silently drop."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.evaluate import (
    DIRECTED,
    GoldLine,
    NameIndex,
    Prediction,
    read_entities,
    read_gold,
    score,
)
from kg.cli import main
from kg.errors import RegwatchError

ROOT = Path(__file__).resolve().parent.parent
TUNE_ARTICLES = ROOT / "data" / "articles" / "tune.jsonl"
TUNE_GOLD = ROOT / "data" / "gold" / "tune.jsonl"
ENTITIES = ROOT / "data" / "gold" / "entities.json"

# Measured on the tune split when the pin was set; the test allows 0.02 below it.
TUNE_MICRO_F1_DIRECTED = 0.723
TUNE_PRECISION_DIRECTED = 0.965

INDEX = NameIndex(
    {
        "Amazon": ["Amazon", "Amazon.com Inc."],
        "Anthropic": ["Anthropic", "Anthropic PBC"],
        "Google": ["Google"],
        "Federal Trade Commission": ["Federal Trade Commission", "FTC"],
        "Mistral AI": ["Mistral AI", "Mistral"],
        "Microsoft": ["Microsoft"],
    }
)


def pred(article: str, s: str, p: str, o: str, s_names: tuple[str, ...] = (), o_names: tuple[str, ...] = ()) -> Prediction:
    return Prediction(article, s, p, o, s_names, o_names)


def test_alias_and_legal_suffix_match_gold_names() -> None:
    gold = [GoldLine("a1", "Amazon", "invests_in", "Anthropic")]
    preds = [pred("a1", "Amazon.com, Inc.", "invests_in", "anthropic")]
    rep = score(preds, gold, INDEX)
    c = rep.per_predicate["invests_in"]
    assert (c.tp, c.fp, c.fn) == (1, 0, 0)


def test_aliases_seen_in_articles_are_used_when_the_label_is_unknown() -> None:
    gold = [GoldLine("a1", "Federal Trade Commission", "regulates", "Amazon")]
    preds = [pred("a1", "US FTC", "regulates", "Amazon", s_names=("FTC",))]
    assert score(preds, gold, INDEX).per_predicate["regulates"].tp == 1


def test_false_positive_and_negative_are_counted_per_article() -> None:
    gold = [
        GoldLine("a1", "Amazon", "invests_in", "Anthropic"),
        GoldLine("a2", "Google", "invests_in", "Anthropic"),
    ]
    # right triple, wrong article: one FP in a1 and one FN in a2
    preds = [pred("a1", "Amazon", "invests_in", "Anthropic"), pred("a1", "Google", "invests_in", "Anthropic")]
    rep = score(preds, gold, INDEX)
    c = rep.per_predicate["invests_in"]
    assert (c.tp, c.fp, c.fn) == (1, 1, 1)
    assert c.precision == pytest.approx(0.5) and c.recall == pytest.approx(0.5) and c.f1 == pytest.approx(0.5)
    assert rep.false_positives == [("a1", ("Google", "invests_in", "Anthropic"))]
    assert rep.false_negatives == [("a2", ("Google", "invests_in", "Anthropic"))]


def test_direction_matters_except_for_partners_with() -> None:
    gold = [
        GoldLine("a1", "Amazon", "invests_in", "Anthropic"),
        GoldLine("a1", "Microsoft", "partners_with", "Mistral AI"),
    ]
    preds = [pred("a1", "Anthropic", "invests_in", "Amazon"), pred("a1", "Mistral", "partners_with", "Microsoft")]
    rep = score(preds, gold, INDEX)
    assert (rep.per_predicate["invests_in"].tp, rep.per_predicate["invests_in"].fp) == (0, 1)
    assert (rep.per_predicate["partners_with"].tp, rep.per_predicate["partners_with"].fp) == (1, 0)


def test_optional_lines_are_neither_rewarded_nor_penalised() -> None:
    gold = [
        GoldLine("a1", "Amazon", "invests_in", "Anthropic"),
        GoldLine("a1", "Google", "invests_in", "Anthropic", optional=True),
    ]
    with_opt = score([pred("a1", "Amazon", "invests_in", "Anthropic"), pred("a1", "Google", "invests_in", "Anthropic")], gold, INDEX)
    without = score([pred("a1", "Amazon", "invests_in", "Anthropic")], gold, INDEX)
    for rep in (with_opt, without):
        c = rep.per_predicate["invests_in"]
        assert (c.tp, c.fp, c.fn) == (1, 0, 0)


def test_duplicate_predictions_count_once() -> None:
    gold = [GoldLine("a1", "Amazon", "invests_in", "Anthropic")]
    preds = [pred("a1", "Amazon", "invests_in", "Anthropic")] * 3 + [pred("a1", "Amazon.com Inc.", "invests_in", "Anthropic PBC")]
    c = score(preds, gold, INDEX).per_predicate["invests_in"]
    assert (c.tp, c.fp, c.fn) == (1, 0, 0)


def test_micro_over_directed_predicates_ignores_partners_with() -> None:
    gold = [GoldLine("a1", "Amazon", "invests_in", "Anthropic"), GoldLine("a1", "Google", "partners_with", "Anthropic")]
    preds = [pred("a1", "Amazon", "invests_in", "Anthropic")]
    rep = score(preds, gold, INDEX)
    assert "partners_with" not in DIRECTED
    assert rep.micro(DIRECTED).recall == pytest.approx(1.0)
    assert rep.micro().recall == pytest.approx(0.5)


def test_articles_without_gold_still_count_their_predictions() -> None:
    rep = score([pred("a9", "Amazon", "acquires", "Anthropic")], [], INDEX, articles=["a9"])
    assert rep.per_predicate["acquires"].fp == 1


def test_bad_gold_line_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"article": "a", "subject": "X"}\n')
    with pytest.raises(RegwatchError, match=r"gold\.jsonl:1"):
        read_gold(bad)
    wrong = tmp_path / "g2.jsonl"
    wrong.write_text('{"article": "a", "subject": "X", "predicate": "owns", "object": "Y"}\n')
    with pytest.raises(RegwatchError, match="unknown predicate"):
        read_gold(wrong)


def test_entities_file_is_read(tmp_path: Path) -> None:
    f = tmp_path / "e.json"
    f.write_text(json.dumps({"Amazon": {"type": "company", "aliases": ["AMZN"], "parent": None}}))
    assert read_entities(f) == {"Amazon": ["Amazon", "AMZN"]}


def test_eval_command_on_a_hand_made_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    arts = tmp_path / "a.jsonl"
    arts.write_text(
        json.dumps({"id": "x1", "title": "t", "date": "2024-01-02", "text": "Nvidia has invested in Cohere. Oracle acquired Cerner in 2022."})
        + "\n"
    )
    gold = tmp_path / "g.jsonl"
    gold.write_text(
        json.dumps({"article": "x1", "subject": "Nvidia", "predicate": "invests_in", "object": "Cohere", "optional": False})
        + "\n"
        + json.dumps({"article": "x1", "subject": "Oracle", "predicate": "supplies", "object": "Cerner", "optional": False})
        + "\n"
    )
    ents = tmp_path / "e.json"
    ents.write_text(json.dumps({n: {"type": "company", "aliases": [n]} for n in ("Nvidia", "Cohere", "Oracle", "Cerner")}))
    assert main(["eval", "--gold", str(gold), "--entities", str(ents), str(arts), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["per_predicate"]["invests_in"]["tp"] == 1
    assert out["per_predicate"]["supplies"]["fn"] == 1
    assert out["per_predicate"]["acquires"]["fp"] == 1  # Oracle acquires Cerner is not in this gold
    assert out["micro_directed"]["precision"] == pytest.approx(0.5)


def test_eval_errors_list_false_positives_with_their_evidence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    arts = tmp_path / "a.jsonl"
    text = "Oracle acquired Cerner in 2022. Nvidia has invested in Cohere."
    arts.write_text(json.dumps({"id": "x2", "title": "t", "date": "2024-01-02", "text": text}) + "\n")
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"article": "x2", "subject": "Nvidia", "predicate": "supplies", "object": "Cohere"}) + "\n")
    ents = tmp_path / "e.json"
    ents.write_text(json.dumps({n: {"aliases": [n]} for n in ("Nvidia", "Cohere", "Oracle", "Cerner")}))
    assert main(["eval", "--gold", str(gold), "--entities", str(ents), str(arts), "--errors"]) == 0
    lines = capsys.readouterr().out.splitlines()
    fp = lines.index("false positive\tx2\tOracle\tacquires\tCerner")
    assert "Oracle acquired Cerner in 2022." in lines[fp + 1] and "rule:acquire" in lines[fp + 1]
    assert "false negative\tx2\tNvidia\tsupplies\tCohere" in lines


def test_eval_command_table_and_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "--gold", str(tmp_path / "nope.jsonl"), "--entities", str(ENTITIES), str(TUNE_ARTICLES)]) == 1
    assert "cannot read gold file" in capsys.readouterr().err


def test_tune_split_score_is_pinned() -> None:
    """Guards against silent regressions; re-measure and raise the pin when rules improve."""
    from ingest.evaluate import predictions_from_store
    from kg.pipeline import ingest_paths
    from kg.store import OxigraphStore

    store = OxigraphStore(None)
    summary = ingest_paths(store, [TUNE_ARTICLES])
    assert summary.ingested == sum(1 for line in TUNE_ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip())
    rep = score(predictions_from_store(store), read_gold(TUNE_GOLD), NameIndex(read_entities(ENTITIES)))
    micro = rep.micro(DIRECTED)
    assert micro.f1 >= TUNE_MICRO_F1_DIRECTED - 0.02, rep.as_dict()["per_predicate"]
    assert micro.precision >= TUNE_PRECISION_DIRECTED - 0.02
