"""The hand-written gold sets (fixtures/newsroom_eval, newsroom_eval2, fiction_eval, tool_cases,
intl_eval, news3_eval to news18_eval, parse_eval and their holdouts) stay in sync with their
hand annotations, and every gold span slices back to a quotation in its text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SETS = (
    FIXTURES / "newsroom_eval" / "newsroom_eval.jsonl",
    FIXTURES / "newsroom_eval" / "holdout" / "newsroom_holdout.jsonl",
    FIXTURES / "newsroom_eval2" / "newsroom_eval2.jsonl",
    FIXTURES / "newsroom_eval2" / "holdout" / "newsroom_eval2_holdout.jsonl",
    FIXTURES / "fiction_eval" / "fiction_eval.jsonl",
    FIXTURES / "fiction_eval" / "holdout" / "fiction_holdout.jsonl",
    FIXTURES / "tool_cases" / "tool_cases.jsonl",
    FIXTURES / "tool_cases" / "holdout" / "tool_cases_holdout.jsonl",
    FIXTURES / "fiction_eval" / "holdout2" / "fiction_holdout2.jsonl",
    FIXTURES / "fiction_eval" / "holdout3" / "fiction_holdout3.jsonl",
    FIXTURES / "intl_eval" / "intl_eval.jsonl",
    FIXTURES / "intl_eval" / "holdout" / "intl_holdout.jsonl",
    *(FIXTURES / f"news{n}_eval" / part
      for n in range(3, 19) for part in (f"news{n}_eval.jsonl", f"holdout/news{n}_holdout.jsonl")),
    FIXTURES / "parse_eval" / "parse_eval.jsonl",
)


@pytest.mark.parametrize("gold", SETS, ids=lambda p: p.stem)
def test_gold_is_built_from_the_annotations(tmp_path: Path, gold: Path) -> None:
    out = tmp_path / "gold.jsonl"
    subprocess.run(
        [sys.executable, str(FIXTURES / "build_gold.py"),
         "--annotations", str(gold.parent / "annotations.json"), "--out", str(out)],
        check=True, capture_output=True,
    )
    assert out.read_text(encoding="utf-8") == gold.read_text(encoding="utf-8")


@pytest.mark.parametrize("gold", SETS, ids=lambda p: p.stem)
def test_every_gold_span_slices_to_a_quote(gold: Path) -> None:
    for line in gold.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        for q in doc["all_quotes"]:
            piece = doc["text"][q["start"] : q["end"]]
            # guillemets and low-9 marks too: French and Icelandic quotes ("« ... »", "„...“")
            assert piece[0] in "\"'“‘«„‚‹" and piece[-1] in "\"'”’»“‘›", piece
            for s, e in q["speaker_mentions"]:
                assert doc["text"][s:e] == q["mention_text"]
