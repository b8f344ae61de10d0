"""fixtures/newsroom_eval/: the hand-written set of other newsrooms' copy stays buildable and
in sync with its annotations, and benchmarks/run_eval.py scores it without ../shared/eval."""

from __future__ import annotations

from pathlib import Path

from eval_support import run_eval_scores

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "fixtures" / "newsroom_eval"


SETS = (SET / "newsroom_eval.jsonl", SET / "holdout" / "newsroom_holdout.jsonl")


def test_run_eval_scores_the_set_with_the_own_scorer(tmp_path: Path) -> None:
    scores = run_eval_scores(SET / "newsroom_eval.jsonl", tmp_path / "pred.jsonl")
    assert scores["docs"] == 26 and scores["gold_quotes"] == 151
    assert scores["quote_F1"] >= 95.0 and scores["name_attr_F1"] >= 85.0
