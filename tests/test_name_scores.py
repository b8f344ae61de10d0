"""``name_attr_F1`` and the name calibration of ``quoteattr.evaluation``.

The synthetic gold and predictions are written here and the figures computed by hand;
where the shared evaluation folder (``../shared/eval``) is present, the same pair is scored
by the reference scorer and every figure must agree, and so must PolNeAR dev and LitBank
dev.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from eval_support import EVAL_DIR, load_reference

from quoteattr import Attributor
from quoteattr.evaluation import evaluate, parse_gold, parse_predictions, predict

ROOT = Path(__file__).resolve().parent.parent
DEV = EVAL_DIR / "polnear-dev.jsonl"
LITBANK = EVAL_DIR / "litbank-dev.jsonl"

Doc = dict[str, Any]

# One 300-character document: offsets are all the scorer reads.
GOLD: list[Doc] = [{"doc_id": "city-hall", "text": "x" * 300, "quotes": [
    {"start": 0, "end": 20, "speaker": "Ana Duarte", "speaker_mentions": [[25, 35]]},
    {"start": 40, "end": 60, "speaker": "he", "speaker_mentions": [[62, 64]]},
    {"start": 80, "end": 100, "speaker": "Mayor Ana Duarte", "speaker_mentions": [[105, 115]]},
    {"start": 120, "end": 140, "speaker": "the minister", "speaker_mentions": [[142, 154]]},
    {"start": 160, "end": 180, "speaker": "Bo Li", "speaker_mentions": [[185, 190]]},
    {"start": 200, "end": 220, "speaker": None, "speaker_mentions": []},
]}]


def _pred(start: int, end: int, speaker: str | None, mention: tuple[int, int] | None,
          confidence: float, **extra: Any) -> Doc:
    return {"start": start, "end": end, "speaker": speaker,
            "speaker_start": mention[0] if mention else None,
            "speaker_end": mention[1] if mention else None, "confidence": confidence, **extra}


PRED: list[Doc] = [{"doc_id": "city-hall", "quotes": [
    # the mention and the name are right
    _pred(0, 20, "Duarte", (25, 35), 0.95),
    # gold "he" has no name word: the mention decides, whatever the name
    _pred(40, 60, "Carl Ek", (62, 64), 0.85),
    # an unresolved pronoun: the mention is right, but there is no name
    _pred(80, 100, None, (105, 115), 0.0),
    # gold "the minister" has no name word either: the mention decides
    _pred(120, 140, "the minister", (142, 154), 0.55),
    # the mention's text names Bo Li, the resolved name does not: attribution only
    _pred(160, 180, "the spokesman", (192, 200), 0.8, speaker_mention="Bo Li"),
    # the gold has no speaker: never right
    _pred(200, 220, "Bo Li", (225, 230), 0.9),
    # spurious
    _pred(250, 270, "Bo Li", (275, 280), 1.0),
]}]


def _lines(records: list[Doc]) -> list[str]:
    return [json.dumps(r) for r in records]


def test_name_attr_f1_by_hand_and_as_the_reference_computes_it() -> None:
    evaluation = evaluate(parse_gold(_lines(GOLD)), parse_predictions(_lines(PRED)))
    s = evaluation.scores
    # 7 predictions, 5 gold quotes with a speaker; right speakers: quotes 1-5; right names:
    # 1, 2 and 4 (2 and 4 by the mention, as their gold has no name word).
    assert (s.pred_quotes, s.gold_with_speaker, s.correct, s.name_correct) == (7, 5, 5, 3)
    assert (s.attr_p, s.attr_r, s.attr_f1) == (71.4, 100.0, 83.3)
    assert (s.name_attr_p, s.name_attr_r, s.name_attr_f1) == (42.9, 60.0, 50.0)
    reference = load_reference()
    if reference is not None:
        expected = reference.score({d["doc_id"]: d for d in GOLD},
                                   {p["doc_id"]: p for p in PRED}, 0.5)
        ours = s.to_dict()
        assert {k: ours[k] for k in expected} == expected


def test_name_calibration_judges_only_names_the_gold_gives() -> None:
    evaluation = evaluate(parse_gold(_lines(GOLD)), parse_predictions(_lines(PRED)))
    calibration = evaluation.name_calibration()
    assert calibration is not None
    bands = {b.label: b for b in calibration.bands}
    assert [b.label for b in calibration.bands] == [
        "0.9-1.0", "0.8-0.9", "0.7-0.8", "0.6-0.7", "0.5-0.6", "0.0-0.5"]
    # 0.9-1.0: the right Duarte (0.95), the quote the gold gives no speaker (0.9: judged,
    # wrong) and the spurious one at exactly 1.0 (not matched, so not judged).
    top = bands["0.9-1.0"]
    assert (top.attributed, top.matched, top.judged, top.name_right) == (3, 2, 2, 1)
    assert top.share == 33.3  # 2/3 matched x 1/2 right
    assert top.mean_confidence == pytest.approx(0.95)
    assert top.gap == -61.7
    # 0.8-0.9: "Carl Ek" for a gold "he" cannot be judged by name; "the spokesman" for Bo Li
    # is judged and wrong.
    mid = bands["0.8-0.9"]
    assert (mid.attributed, mid.matched, mid.judged, mid.name_right) == (2, 2, 1, 0)
    assert (mid.share, mid.gap) == (0.0, -82.5)
    # 0.5-0.6: "the minister" against a gold role noun: not judged; no share, no gap.
    low = bands["0.5-0.6"]
    assert (low.attributed, low.judged, low.share, low.gap) == (1, 0, None, None)
    # the unresolved pronoun names nobody, so it is in no band
    assert (calibration.attributed, calibration.matched, calibration.judged,
            calibration.name_right) == (6, 5, 3, 1)
    assert calibration.mean_gap == round((61.7 * 2 + 82.5) / 3, 1)  # weighted by judged


def test_name_calibration_needs_confidences() -> None:
    bare = [{"doc_id": "city-hall", "quotes": [{"start": 0, "end": 20, "speaker": "Duarte"}]}]
    evaluation = evaluate(parse_gold(_lines(GOLD)), parse_predictions(_lines(bare)))
    assert evaluation.name_calibration() is None
    assert evaluation.report().to_dict()["name_calibration"] is None


def test_report_prints_name_scores_and_the_calibration() -> None:
    report = evaluate(parse_gold(_lines(GOLD)), parse_predictions(_lines(PRED))).report()
    table = report.to_table()
    assert table.splitlines()[3].split() == ["name", "attribution", "42.9", "60.0", "50.0"]
    block = next(b for b in table.split("\n\n") if b.startswith("name calibration"))
    assert block.splitlines()[1].split() == [
        "confidence", "attributed", "matched", "judged", "name", "right", "share", "mean",
        "conf", "gap"]
    assert block.splitlines()[2].split() == [
        "0.9-1.0", "3", "2", "2", "1", "33.3", "0.95", "-61.7"]
    data = report.to_dict()
    assert data["scores"]["name_attr_F1"] == 50.0
    assert data["name_calibration"]["bands"][0]["judged"] == 2


@pytest.mark.parametrize("path", [DEV, LITBANK], ids=["polnear-dev", "litbank-dev"])
def test_shared_dev_sets_score_as_the_reference(attributor: Attributor, path: Path) -> None:
    """News gold gives "he" for pronoun sources, so name_attr_F1 is partly strict there;
    fiction names every speaker, so it is strict: on both, every figure must agree."""
    if not path.exists():
        pytest.skip("../shared/eval is not present")
    reference = load_reference()
    assert reference is not None
    gold = parse_gold(path.read_text(encoding="utf-8").split("\n"))
    predictions = predict(gold, attributor)
    ours = evaluate(gold, predictions).scores.to_dict()
    expected = reference.score(reference.read_jsonl(str(path)),
                               {p.doc_id: p.to_dict() for p in predictions}, 0.5)
    assert "name_attr_F1" in expected
    assert {k: ours[k] for k in expected} == expected
