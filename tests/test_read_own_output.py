"""Issue 15: the evaluation reads quoteattr's own result lines as predictions.

``quoteattr extract --jsonl`` writes :class:`DocumentResult` lines (``"speaker"`` an
object, the mention's offsets in ``"mention"``); ``evaluate --pred`` once refused them.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from quoteattr import Attributor, InputValueError
from quoteattr.evaluation import KINDS, evaluate, parse_gold, parse_predictions, predict

GOLD = Path(__file__).parent.parent / "fixtures" / "gold.jsonl"


@pytest.fixture(scope="module")
def gold_lines() -> list[str]:
    return GOLD.read_text(encoding="utf-8").splitlines()


def test_result_lines_read_as_the_predictions_predict_makes(
    attributor: Attributor, gold_lines: list[str]
) -> None:
    gold = parse_gold(gold_lines)
    lines = [attributor.attribute(d.text, doc_id=d.doc_id).to_json() for d in gold]
    read = parse_predictions(lines)
    assert read == predict(gold, attributor, kinds=KINDS)
    assert any(q.speaker_start is not None for d in read for q in d.quotes)
    direct = parse_predictions(lines, kinds=("direct",))
    assert evaluate(gold, direct).scores == evaluate(gold, predict(gold, attributor)).scores


def test_both_formats_mix_in_one_file(attributor: Attributor) -> None:
    ours = attributor.attribute('"We will rebuild," Mayor Ana Duarte said.', doc_id="a")
    theirs = {"doc_id": "b", "quotes": [{"start": 0, "end": 5, "speaker": "Tom Briggs",
                                          "speaker_start": 7, "speaker_end": 17}]}
    a, b = parse_predictions([ours.to_json(indent=None), json.dumps(theirs)])
    q, mention = a.quotes[0], ours.quotes[0].mention
    assert mention is not None
    assert (q.speaker, q.speaker_start, q.speaker_end) == ("Ana Duarte", mention.start, mention.end)
    assert (b.quotes[0].speaker, b.quotes[0].speaker_start) == ("Tom Briggs", 7)


@pytest.mark.parametrize(("quote", "message"), [
    ({"start": 0, "end": 3, "speaker": {"id": "S1", "name": 7}}, "quotes[0].speaker.name"),
    ({"start": 0, "end": 3, "mention": "he"}, "quotes[0].mention"),
    ({"start": 0, "end": 3, "mention": {"start": 5}}, "quotes[0].mention.end"),
])
def test_a_bad_result_line_names_its_field(quote: dict[str, object], message: str) -> None:
    with pytest.raises(InputValueError, match=rf"pred line 2: .*{re.escape(message)}"):
        parse_predictions(["", json.dumps({"doc_id": "x", "quotes": [quote]})], source="pred")


def test_evaluate_reads_what_extract_wrote(tmp_path: Path, gold_lines: list[str]) -> None:
    inputs = tmp_path / "in.jsonl"
    inputs.write_text("".join(json.dumps({"doc_id": json.loads(line)["doc_id"],
                                          "text": json.loads(line)["text"]}) + "\n"
                              for line in gold_lines if line.strip()), encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    cli = [sys.executable, "-m", "quoteattr"]
    subprocess.run([*cli, "extract", "--jsonl", "-q", "-o", str(pred), str(inputs)],
                   check=True, capture_output=True)
    done = subprocess.run([*cli, "evaluate", str(GOLD), "--pred", str(pred)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "quote" in done.stdout.lower()
