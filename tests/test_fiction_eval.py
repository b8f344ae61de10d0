"""fixtures/fiction_eval/: the hand-written fiction set stays buildable and in sync with its
annotations, and benchmarks/run_eval.py scores it with ``--genre fiction``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from eval_support import run_eval_scores

import quoteattr

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "fixtures" / "fiction_eval"
SETS = (SET / "fiction_eval.jsonl", SET / "holdout" / "fiction_holdout.jsonl")


def test_run_eval_scores_the_set_as_fiction(tmp_path: Path) -> None:
    scores = run_eval_scores(SET / "fiction_eval.jsonl", tmp_path / "pred.jsonl",
                             "--genre", "fiction")
    assert scores["docs"] == 6 and scores["gold_quotes"] == 160
    assert scores["quote_F1"] >= 95.0 and scores["attr_F1"] >= 85.0


def _rewrap(text: str, width: int) -> str:
    """``text`` with each paragraph's lines filled again to ``width`` (same length: a line
    break stands where a space stood), as another edition of the book would set it."""
    out = []
    for part in re.split(r"(\n\s*\n)", text):
        if not part.strip() or "\n\n" in part:
            out.append(part)
            continue
        lines: list[str] = []
        for word in part.replace("\n", " ").split(" "):
            if lines and len(lines[-1]) + 1 + len(word) <= width:
                lines[-1] += " " + word
            else:
                lines.append(word)
        out.append("\n".join(lines))
    return "".join(out)


@pytest.mark.parametrize("width", [45, 78])
def test_speakers_do_not_depend_on_the_wrap_width(width: int) -> None:
    """A chapter wrapped at 45 or 78 columns (dialogue of one-line paragraphs, a few longer
    ones wrapped) reads as the same paragraphs as the chapter as written."""
    attributor = quoteattr.Attributor(genre="fiction")
    for line in (SET / "fiction_eval.jsonl").read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        rewrapped = _rewrap(text, width)
        assert len(rewrapped) == len(text)
        before = [(q.start, q.speaker and q.speaker.name)
                  for q in attributor.attribute(text).quotes]
        after = [(q.start, q.speaker and q.speaker.name)
                 for q in attributor.attribute(rewrapped).quotes]
        assert after == before
