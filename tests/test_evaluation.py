"""Tests for quoteattr/evaluation.py: the reference metrics, breakdowns, errors and parsing.

Every synthetic case asserts hand-computed figures, so the file runs anywhere. Where the
shared evaluation folder (``../shared/eval`` beside the checkout) is present, each case is
also scored by the reference scorer there, and the two must agree on every figure.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from eval_support import EVAL_DIR, load_reference
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import Attributor, InputValueError
from quoteattr.evaluation import (
    ERROR_TYPES,
    Evaluation,
    GoldDocument,
    PredictedDocument,
    evaluate,
    parse_gold,
    parse_predictions,
    predict,
)

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "fixtures" / "gold.jsonl"
DEV = EVAL_DIR / "polnear-dev.jsonl"
SCORING_DATA = resources.files("quoteattr").joinpath("data", "scoring")

Doc = dict[str, Any]


REFERENCE = load_reference()
needs_reference = pytest.mark.skipif(REFERENCE is None, reason="../shared/eval is not present")


def lines(records: Iterable[Doc]) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in records]


def score(gold: list[Doc], pred: list[Doc]) -> dict[str, Any]:
    """Our scores through the JSON-lines parsers; checked against the reference when present."""
    ours = evaluate(parse_gold(lines(gold)), parse_predictions(lines(pred))).scores.to_dict()
    if REFERENCE is not None:
        expected = REFERENCE.score(
            {d["doc_id"]: d for d in gold}, {p["doc_id"]: p for p in pred}, 0.5
        )
        assert {k: ours[k] for k in expected} == expected
    return ours


def doc(doc_id: str, quotes: list[Doc], *, length: int = 300, **extra: Any) -> Doc:
    return {"doc_id": doc_id, "text": "x" * length, "quotes": quotes, **extra}


def gq(start: int, end: int, speaker: str | None = None,
       mentions: list[list[int]] | None = None) -> Doc:
    return {"start": start, "end": end, "speaker": speaker, "speaker_mentions": mentions or []}


def pq(start: int, end: int, speaker: str | None = None, mention: tuple[int, int] | None = None,
       **extra: Any) -> Doc:
    return {"start": start, "end": end, "speaker": speaker,
            "speaker_start": mention[0] if mention else None,
            "speaker_end": mention[1] if mention else None, **extra}


def pick(scores: dict[str, Any], *keys: str) -> tuple[Any, ...]:
    return tuple(scores[k] for k in keys)


QUOTE_PRF = ("quote_P", "quote_R", "quote_F1")
ATTR_PRF = ("attr_P", "attr_R", "attr_F1")


# -- (a) the reference metrics ---------------------------------------------------------------


def test_overlap_of_exactly_half_the_union_matches() -> None:
    gold = [doc("b", [gq(0, 10, "Ana Duarte"), gq(100, 110, "Ana Duarte")])]
    pred = [{"doc_id": "b", "quotes": [
        pq(0, 5, "Duarte"),  # Jaccard 5/10 = 0.5: a match
        pq(100, 104, "Duarte"),  # 4/10: no match
    ]}]
    s = score(gold, pred)
    assert pick(s, "gold_quotes", "pred_quotes", "matched", "correct") == (2, 2, 1, 1)
    assert pick(s, *QUOTE_PRF) == (50.0, 50.0, 50.0)
    assert pick(s, *ATTR_PRF) == (50.0, 50.0, 50.0)


def test_matching_is_one_to_one_and_greedy_by_overlap() -> None:
    # P fits A exactly; Q overlaps A and B by 8/12 each. Taking the best pair first
    # leaves B for Q; pairing Q with A first would leave P with B at 6/14 < 0.5.
    gold = [doc("g", [gq(0, 10, "Alice Ng"), gq(4, 14, "Bob Li")])]
    pred = [{"doc_id": "g", "quotes": [pq(2, 12, "Bob Li"), pq(0, 10, "Alice Ng")]}]
    s = score(gold, pred)
    assert pick(s, "matched", "correct", "quote_F1", "attr_F1") == (2, 2, 100.0, 100.0)


def test_a_tie_goes_to_the_later_gold_quote() -> None:
    # P overlaps A and B by 9/11 each; like the reference, the later gold quote (B) wins.
    gold = [doc("t", [gq(0, 10, "Alice Ng"), gq(2, 12, "Bob Li")])]
    pred = [{"doc_id": "t", "quotes": [pq(1, 11, "Bob Li")]}]
    s = score(gold, pred)
    assert pick(s, "matched", "correct") == (1, 1)
    assert pick(s, *QUOTE_PRF) == (100.0, 50.0, 66.7)
    assert pick(s, *ATTR_PRF) == (100.0, 50.0, 66.7)


def test_predictions_mostly_inside_unscored_spans_are_ignored() -> None:
    gold = [doc("u", [gq(0, 10, "Ana Duarte"), gq(100, 120, "Ana Duarte")],
                unscored_spans=[[20, 40], [95, 130]])]
    pred = [{"doc_id": "u", "quotes": [
        pq(22, 38),  # wholly inside: ignored
        pq(30, 50),  # exactly half inside: ignored
        pq(31, 50),  # 9 of 19 inside: scored, and spurious
        pq(100, 120, "Duarte"),  # inside an unscored span but matching a gold quote: scored
        pq(0, 10, "Ana Duarte"),
    ]}]
    s = score(gold, pred)
    assert pick(s, "pred_quotes", "matched", "correct") == (3, 2, 2)
    assert pick(s, *QUOTE_PRF) == (66.7, 100.0, 80.0)
    assert pick(s, *ATTR_PRF) == (66.7, 100.0, 80.0)


def test_speaker_by_mention_span_or_by_name_word() -> None:
    gold = [doc("s", [
        gq(0, 10, "Sen. John Kerry", [[12, 17]]),
        gq(20, 30, "Sen. John Kerry", [[32, 37]]),
        gq(40, 50, "Sen. John Kerry", [[52, 57]]),
        gq(60, 70, "he", [[72, 74]]),
        gq(80, 90, "he", [[92, 94]]),
        gq(100, 110, "Secretary Clinton", [[112, 130]]),
        gq(140, 150, None),
    ])]
    pred = [{"doc_id": "s", "quotes": [
        pq(0, 10, "Kerry"),  # right: shares the name word "kerry"
        pq(20, 30, "Mr. Smith", (33, 36)),  # right: the mention overlaps the gold mention
        pq(40, 50, "Senator", (57, 60)),  # wrong: a title is no name word; mentions only touch
        pq(60, 70, "he"),  # wrong: pronouns are no name words
        pq(80, 90, "John Kerry", (92, 94)),  # right, by the mention
        pq(100, 110, None, speaker_mention="Mrs. Clinton's"),  # right, by the mention's text
        pq(140, 150, "Kerry"),  # wrong: the gold quote has no speaker
    ]}]
    s = score(gold, pred)
    assert pick(s, "gold_with_speaker", "matched", "correct") == (6, 7, 4)
    assert s["speaker_acc_on_matched"] == 57.1
    assert pick(s, *ATTR_PRF) == (57.1, 66.7, 61.5)


def test_a_document_missing_from_the_predictions_counts_as_nothing_found() -> None:
    gold = [doc("d1", [gq(0, 10, "Ana Duarte")]),
            doc("d2", [gq(0, 10, "Ana Duarte"), gq(20, 30, "Ana Duarte")])]
    pred = [{"doc_id": "d1", "quotes": [pq(0, 10, "Ana Duarte")]},
            {"doc_id": "d9", "quotes": [pq(0, 10, "Ana Duarte")]}]
    s = score(gold, pred)
    assert pick(s, "docs", "docs_missing_in_pred", "pred_docs_not_in_gold") == (2, 1, 1)
    assert pick(s, *QUOTE_PRF) == (100.0, 33.3, 50.0)


def test_no_predictions_at_all_scores_zero() -> None:
    s = score([doc("z", [gq(0, 10, "Ana Duarte")])], [])
    assert pick(s, *QUOTE_PRF, *ATTR_PRF, "speaker_acc_on_matched") == (0.0,) * 7


@pytest.fixture(scope="module")
def fixture_gold() -> tuple[GoldDocument, ...]:
    return parse_gold(GOLD.read_text(encoding="utf-8").split("\n"), source="gold.jsonl")


@pytest.fixture(scope="module")
def fixture_eval(
    fixture_gold: tuple[GoldDocument, ...], attributor: Attributor
) -> tuple[Evaluation, tuple[PredictedDocument, ...]]:
    predictions = predict(fixture_gold, attributor)
    return evaluate(fixture_gold, predictions), predictions


def test_fixture_gold_scores_are_sane(
    fixture_eval: tuple[Evaluation, tuple[PredictedDocument, ...]],
) -> None:
    s = fixture_eval[0].scores
    assert (s.docs, s.gold_quotes, s.gold_with_speaker) == (13, 103, 101)
    assert 0 < s.correct <= s.matched <= min(s.gold_quotes, s.pred_quotes)
    assert all(q.kind == "direct" for d in fixture_eval[1] for q in d.quotes)


@needs_reference
def test_fixture_gold_scores_equal_the_reference(
    fixture_eval: tuple[Evaluation, tuple[PredictedDocument, ...]],
) -> None:
    assert REFERENCE is not None
    evaluation, predictions = fixture_eval
    gold = REFERENCE.read_jsonl(str(GOLD))
    pred = {p.doc_id: p.to_dict() for p in predictions}
    expected = REFERENCE.score(gold, pred, 0.5)
    assert {k: evaluation.scores.to_dict()[k] for k in expected} == expected


@pytest.mark.skipif(not DEV.exists(), reason="../shared/eval is not present")
def test_dev_scores_equal_the_reference(attributor: Attributor) -> None:
    assert REFERENCE is not None
    gold_docs = parse_gold(DEV.read_text(encoding="utf-8").split("\n"))
    predictions = predict(gold_docs, attributor)
    ours = evaluate(gold_docs, predictions).scores.to_dict()
    expected = REFERENCE.score(
        REFERENCE.read_jsonl(str(DEV)), {p.doc_id: p.to_dict() for p in predictions}, 0.5
    )
    assert {k: ours[k] for k in expected} == expected


_NAMES = st.sampled_from([
    None, "", "he", "Ana Duarte", "Duarte", "Ms. Duarte's", "Sen. John Kerry", "Kerry",
    "the minister", "Secretary of State", "O'Neil", "Jean-Luc Picard", "U.S. Rep. A. B. Cox",
])


@st.composite
def _span(draw: st.DrawFn, size: int = 60) -> tuple[int, int]:
    start = draw(st.integers(0, size))
    return start, draw(st.integers(start, size))


def _spans(n: int) -> st.SearchStrategy[list[tuple[int, int]]]:
    return st.lists(_span(), max_size=n)


@st.composite
def _cases(draw: st.DrawFn) -> tuple[list[Doc], list[Doc]]:
    """Up to three 60-character documents with overlapping quotes, spans and names."""
    gold, pred = [], []
    for n in range(draw(st.integers(1, 3))):
        gold_spans = draw(_spans(5))
        quotes = [gq(s, e, draw(_NAMES), [list(m) for m in draw(_spans(2))])
                  for s, e in gold_spans]
        gold.append(doc(f"d{n}", quotes, length=60,
                        unscored_spans=[list(u) for u in draw(_spans(2))]))
        if draw(st.booleans()):
            near = [(max(0, s - draw(st.integers(0, 3))), e + draw(st.integers(-1, 3)))
                    for s, e in gold_spans if draw(st.booleans())]
            pred.append({"doc_id": f"d{n}", "quotes": [
                pq(s, max(s, e), draw(_NAMES), draw(st.none() | _span()),
                   speaker_mention=draw(_NAMES))
                for s, e in draw(st.permutations([*near, *draw(_spans(3))]))
            ]})
    return gold, pred


@needs_reference
@settings(max_examples=300, deadline=None)
@given(_cases())
def test_random_cases_score_like_the_reference(case: tuple[list[Doc], list[Doc]]) -> None:
    score(*case)  # asserts equality with the reference


# -- (b) breakdowns add up -------------------------------------------------------------------


@pytest.mark.parametrize("by", ["rule", "kind"])
def test_breakdown_adds_up_to_the_totals(
    fixture_eval: tuple[Evaluation, tuple[PredictedDocument, ...]], by: str
) -> None:
    evaluation = fixture_eval[0]
    s = evaluation.scores
    groups = evaluation.breakdown(by)  # type: ignore[arg-type]
    assert sum(g.predicted for g in groups) == s.pred_quotes
    assert sum(g.matched for g in groups) == s.matched
    assert sum(g.correct for g in groups) == s.correct
    assert [g.predicted for g in groups] == sorted((g.predicted for g in groups), reverse=True)


def test_breakdown_by_rule_groups_and_precision() -> None:
    gold = parse_gold(lines([doc("r", [gq(0, 10, "Ana Duarte"), gq(20, 30, "Ana Duarte")])]))
    pred = parse_predictions(lines([{"doc_id": "r", "quotes": [
        pq(0, 10, "Ana Duarte", rule="quote_speaker_cue"),
        pq(20, 30, "Bo Li", rule="quote_speaker_cue"),
        pq(40, 50, "Bo Li"),
    ]}]))
    groups = evaluate(gold, pred).breakdown("rule")
    assert [(g.group, g.predicted, g.matched, g.correct, g.precision) for g in groups] == [
        ("quote_speaker_cue", 2, 2, 1, 50.0), ("(none)", 1, 0, 0, 0.0)
    ]
    with pytest.raises(InputValueError, match="by must be one of rule, kind"):
        evaluate(gold, pred).breakdown("speaker")  # type: ignore[arg-type]


def test_calibration_bands_add_up_and_threshold_precision() -> None:
    gold = parse_gold(lines([doc("c", [gq(i * 20, i * 20 + 10, "Ana Duarte") for i in range(5)])]))
    confidences = [0.97, 0.9, 0.85, 0.2, None]
    speakers = ["Duarte", "Bo Li", "Duarte", "Duarte", "Duarte"]
    pred = parse_predictions(lines([{"doc_id": "c", "quotes": [
        pq(i * 20, i * 20 + 10, speakers[i], confidence=c) for i, c in enumerate(confidences)
    ]}]))
    calibration = evaluate(gold, pred).calibration()
    assert calibration is not None
    assert (calibration.predicted, calibration.correct, calibration.precision) == (2, 1, 50.0)
    assert [(b.label, b.predicted, b.correct) for b in calibration.bands] == [
        (">= 0.9", 2, 1), ("0.8-0.9", 1, 1), ("< 0.5", 1, 1), ("none", 1, 1)
    ]
    assert calibration.bands[0].mean_confidence == pytest.approx(0.935)
    without = parse_predictions(lines([{"doc_id": "c", "quotes": [pq(0, 10, "Duarte")]}]))
    assert evaluate(gold, without).calibration() is None


def test_fixture_calibration_and_errors_add_up(
    fixture_eval: tuple[Evaluation, tuple[PredictedDocument, ...]],
) -> None:
    evaluation = fixture_eval[0]
    s = evaluation.scores
    calibration = evaluation.calibration()
    assert calibration is not None
    assert sum(b.predicted for b in calibration.bands) == s.pred_quotes
    assert sum(b.correct for b in calibration.bands) == s.correct
    counts = dict(evaluation.error_counts())
    assert counts == {"wrong_speaker": s.matched - s.correct,
                      "spurious": s.pred_quotes - s.matched,
                      "missed": s.gold_quotes - s.matched}
    errors = evaluation.errors()
    assert {t: sum(e.type == t for e in errors) for t in ERROR_TYPES} == counts


# -- resolved speakers -----------------------------------------------------------------------


RESOLVED_TEXT = (
    '"We stay," he said. "We go," the minister said. "Fine," Ana Duarte said. '
    '"Ja," Castrovia\'s top diplomat said. "Hm," officials said. Reis called it "a plan". '
    '"Boo!" came a shout.'
)


def _at(text: str, part: str) -> list[int]:
    start = text.index(part)
    return [start, start + len(part)]


def _resolved_case() -> tuple[Doc, Doc]:
    t = RESOLVED_TEXT

    def quote(q: str, speaker: str | None, mention: str | None, kind: str = "direct") -> Doc:
        start, end = _at(t, q)
        return {"start": start, "end": end, "kind": kind, "speaker": speaker,
                "speaker_mentions": [_at(t, mention)] if mention else []}

    all_quotes = [
        quote('"We stay,"', "Ana Duarte", "he"),
        quote('"We go,"', "Ana Duarte", "the minister"),
        quote('"Fine,"', "Ana Duarte", "Ana Duarte"),
        quote('"Ja,"', "Ana Duarte", "Castrovia's top diplomat"),
        quote('"Hm,"', "the Port Authority", "officials"),
        quote('"a plan"', "Sofia Reis", "Reis", "mixed"),
        quote('"Boo!"', None, None),
    ]
    gold = {"doc_id": "r", "text": t, "quotes": [q for q in all_quotes if q["kind"] == "direct"],
            "all_quotes": all_quotes, "unscored_spans": [_at(t, '"a plan"')]}

    def exact(q: str, speaker: str) -> Doc:
        start, end = _at(t, q)
        return pq(start, end, speaker)

    shifted = _at(t, '"Fine,"')
    pred = {"doc_id": "r", "quotes": [
        exact('"We stay,"', "ana duarte"),  # right: case does not matter
        exact('"We go,"', "Viktor Halasz"),  # wrong name
        pq(shifted[0] + 1, shifted[1], "Ana Duarte"),  # the span is not exact
        exact('"Ja,"', "Ana Duarte"),
        exact('"Hm,"', "Port Authority"),  # right: a leading "the" is ignored
        exact('"a plan"', "Sofia Reis"),
    ]}
    return gold, pred


def test_resolved_speaker_accuracy_by_mention_type() -> None:
    gold, pred = _resolved_case()
    evaluation = evaluate(parse_gold(lines([gold])), parse_predictions(lines([pred])))
    resolved = evaluation.resolved_speakers()
    assert resolved is not None
    assert (resolved.total, resolved.correct, resolved.accuracy) == (5, 3, 60.0)
    assert [(g.group, g.total, g.correct) for g in resolved.by_mention] == [
        ("pronoun", 1, 1), ("role noun", 3, 2), ("name", 1, 0)
    ]
    with_mixed = evaluation.resolved_speakers(kinds=("direct", "mixed"))
    assert with_mixed is not None
    assert (with_mixed.total, with_mixed.correct) == (6, 4)


def test_resolved_speakers_need_all_quotes() -> None:
    gold = parse_gold(lines([doc("n", [gq(0, 10, "Ana Duarte")])]))
    assert evaluate(gold, []).resolved_speakers() is None


# -- (c) errors ------------------------------------------------------------------------------


def _errors_case() -> Evaluation:
    gold = [doc("e1", [gq(0, 10, "Ana Duarte"), gq(20, 30, "Ana Duarte"),
                       gq(40, 50, "Ana Duarte"), gq(60, 70, "Ana Duarte")]),
            doc("e2", [gq(0, 10, "Bo Li")])]
    pred = [
        {"doc_id": "e1", "quotes": [
            pq(0, 10, "Bo Li", (80, 82), rule="quote_speaker_cue", confidence=0.95),
            pq(20, 30, "Cy Ek", confidence=0.5),
            pq(40, 50, None, rule="unattributed", confidence=0.0),
            pq(100, 110, "Ana Duarte", confidence=0.97),
            pq(200, 210, "Ana Duarte"),
        ]},
        {"doc_id": "e2", "quotes": [pq(0, 10, "Bo Li", confidence=0.99)]},
    ]
    return evaluate(parse_gold(lines(gold)), parse_predictions(lines(pred)))


def test_errors_are_sorted_worst_first() -> None:
    errors = _errors_case().errors()
    assert [(e.type, e.start, e.confidence) for e in errors] == [
        ("spurious", 100, 0.97),
        ("wrong_speaker", 0, 0.95),
        ("wrong_speaker", 20, 0.5),
        ("wrong_speaker", 40, 0.0),
        ("spurious", 200, None),
        ("missed", 60, None),
    ]
    first = errors[1]
    assert (first.doc_id, first.gold_speaker, first.pred_speaker, first.rule) == (
        "e1", "Ana Duarte", "Bo Li", "quote_speaker_cue"
    )
    assert (first.quote, first.before, first.after) == ("x" * 10, "", "x" * 80)
    assert first.pred_mention == "xx"
    assert len(errors[2].before) == 20


@pytest.mark.parametrize("n", [0, 1, 3, 6, 10])
def test_errors_n_returns_at_most_n_in_the_same_order(n: int) -> None:
    evaluation = _errors_case()
    assert evaluation.errors(n) == evaluation.errors()[:n]
    assert len(evaluation.errors(n)) == min(n, 6)


def test_errors_n_must_be_a_count() -> None:
    with pytest.raises(InputValueError, match="non-negative"):
        _errors_case().errors(-1)


def test_report_holds_the_parts_asked_for() -> None:
    report = _errors_case().report(by="rule", errors=2)
    data = report.to_dict()
    assert list(data) == ["scores", "by_rule", "calibration", "name_calibration",
                          "resolved_speakers", "error_counts", "errors"]
    assert len(data["errors"]) == 2
    assert data["error_counts"] == {"wrong_speaker": 3, "spurious": 2, "missed": 1}
    assert "errors" not in _errors_case().report().to_dict()
    table = report.to_table()
    assert table.splitlines()[0].split() == ["P", "R", "F1"]
    assert "errors: 2 worst of 6 (wrong_speaker 3, spurious 2, missed 1)" in table
    # scores, by rule, calibration, name calibration, errors
    assert len(table.split("\n\n")) == 5


# -- reading ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("records", "message"),
    [
        (['{"doc_id": "a", "text": "x", "quotes": []}', "", "{bad"],
         r"^gold line 3: not valid JSON: Expecting property name .* at column 2$"),
        (["[1, 2]"], r"^gold line 1: expected a JSON object, got an array$"),
        (['{"doc_id": "a", "quotes": []}'], r'^gold line 1: "text" must be a string, got null$'),
        (['{"text": "x", "quotes": []}'], r'^gold line 1: "doc_id" must be a string, got null$'),
        (['{"doc_id": "a", "text": "abc", "quotes": [{"start": 0, "end": 5}]}'],
         r'^gold line 1: "quotes\[0\]" spans \[0, 5\): expected 0 <= start <= end <= 3'),
        (['{"doc_id": "a", "text": "abc", "quotes": [{"start": "0", "end": 2}]}'],
         r'^gold line 1: "quotes\[0\].start" must be an integer, got a string$'),
        (['{"doc_id": "a", "text": "abc", "quotes": [], "unscored_spans": [[1]]}'],
         r'^gold line 1: "unscored_spans\[0\]" must be a \[start, end\] pair'),
        (['{"doc_id": "a", "text": "x", "quotes": []}'] * 2,
         r"^gold line 2: doc_id 'a' is already on line 1: doc_ids must be unique$"),
    ],
)
def test_bad_gold_names_the_line_and_the_fix(records: list[str], message: str) -> None:
    with pytest.raises(InputValueError, match=message):
        parse_gold(records, source="gold")


def test_bad_predictions_name_the_file_and_line() -> None:
    bad = '{"doc_id": "a", "quotes": [{"start": 1, "end": 2, "confidence": "high"}]}'
    with pytest.raises(InputValueError,
                       match=r'^p\.jsonl line 1: "quotes\[0\].confidence" must be a number'):
        parse_predictions([bad], source="p.jsonl")
    with pytest.raises(InputValueError, match=r"^p\.jsonl line 1: .*expected 0 <= start <= end$"):
        parse_predictions(['{"doc_id": "a", "quotes": [{"start": 5, "end": 2}]}'],
                          source="p.jsonl")


def test_prediction_kinds_filter_keeps_quotes_without_a_kind() -> None:
    record = {"doc_id": 7, "quotes": [pq(0, 5, kind="direct"), pq(5, 9, kind="mixed"), pq(9, 12)]}
    (everything,) = parse_predictions(lines([record]))
    (direct,) = parse_predictions(lines([record]), kinds=("direct",))
    assert everything.doc_id == "7"
    assert [q.start for q in everything.quotes] == [0, 5, 9]
    assert [q.start for q in direct.quotes] == [0, 9]


@pytest.mark.parametrize(
    ("kinds", "message"),
    [(("quoted",), "unknown quote kind quoted: choose from direct, mixed, nested, scare, thought"),
     ((), "no quote kind given"),
     ("direct", "not a single str")],
)
def test_kinds_are_checked(kinds: Any, message: str) -> None:
    with pytest.raises(InputValueError, match=message):
        parse_predictions([], kinds=kinds)


def test_predict_keeps_the_kinds_asked_for(
    fixture_gold: tuple[GoldDocument, ...], attributor: Attributor
) -> None:
    both = predict(fixture_gold, attributor, kinds=("direct", "mixed"))
    assert {q.kind for d in both for q in d.quotes} == {"direct", "mixed"}
    roundtrip = parse_predictions(lines(d.to_dict() for d in both))
    assert roundtrip == both


def test_evaluate_rejects_predictions_given_twice() -> None:
    gold = parse_gold(lines([doc("a", [])]))
    twice = [PredictedDocument("a"), PredictedDocument("a")]
    with pytest.raises(InputValueError, match="given twice"):
        evaluate(gold, twice)


# -- word lists ------------------------------------------------------------------------------


def _rows(name: str) -> tuple[list[str], list[list[str]]]:
    text = SCORING_DATA.joinpath(f"{name}.tsv").read_text(encoding="utf-8")
    comments = [line for line in text.splitlines() if line.startswith("#")]
    body = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return comments, body


@pytest.mark.parametrize("name", ["name_stopwords", "determiners"])
def test_scoring_word_lists_follow_the_data_format(name: str) -> None:
    comments, body = _rows(name)
    assert len(comments) == 3
    assert comments[1].startswith("# source:") and comments[2].startswith("# licence:")
    assert body[0] == ["word", "kind"]
    words = [row[0] for row in body[1:]]
    assert all(len(row) == 2 for row in body)
    assert words == sorted(set(words))
    assert all(w == w.lower().strip() for w in words)


@needs_reference
def test_name_stopwords_are_the_reference_lists() -> None:
    assert REFERENCE is not None
    _, body = _rows("name_stopwords")
    assert {w for w, _ in body[1:]} == REFERENCE.TITLES | REFERENCE.PRONOUNS
    assert {w for w, kind in body[1:] if kind == "pronoun"} == REFERENCE.PRONOUNS


def test_name_words_ignore_titles_pronouns_and_possessives() -> None:
    gold = parse_gold(lines([doc("w", [gq(0, 10, "Sen. John Kerry's"), gq(20, 30, "U.S. he")])]))

    def correct(name: str) -> int:
        pred = [{"doc_id": "w", "quotes": [pq(0, 10, name), pq(20, 30, name)]}]
        return evaluate(gold, parse_predictions(lines(pred))).scores.correct

    assert correct("Kerry") == 1
    assert correct("JOHN") == 1
    assert correct("Senator Smith") == 0
    assert correct("he") == 0
