"""fixtures/newsroom_eval/: the hand-written set of other newsrooms' copy stays buildable and
in sync with its annotations, and benchmarks/run_eval.py scores it without ../shared/eval."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "fixtures" / "newsroom_eval"


SETS = (SET / "newsroom_eval.jsonl", SET / "holdout" / "newsroom_holdout.jsonl")


def test_run_eval_scores_the_set_with_the_own_scorer(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run_eval.py"),
         str(SET / "newsroom_eval.jsonl"), "--pred", str(tmp_path / "pred.jsonl")],
        check=True, capture_output=True, text=True,
    )
    scores = json.loads(done.stdout.strip().splitlines()[-1])
    assert scores["docs"] == 26 and scores["gold_quotes"] == 151
    assert scores["quote_F1"] >= 95.0 and scores["name_attr_F1"] >= 85.0
