"""``benchmarks/calibrate.py``: what it counts, how it shrinks rare cells, and that it
writes the table only when asked. The gold is four short texts written for this test."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from quoteattr.confidence import RESOLUTIONS
from quoteattr.evaluation import parse_gold
from quoteattr.rules import RULES

ROOT = Path(__file__).resolve().parent.parent


def _script() -> ModuleType:
    path = ROOT / "benchmarks" / "calibrate.py"
    spec = importlib.util.spec_from_file_location("calibrate_script_fit", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


def _doc(doc_id: str, text: str, quotes: list[tuple[str, str, str]]) -> dict[str, Any]:
    """Gold quotes given as (quote text, speaker, mention text), found in ``text``."""
    out = []
    for quote, speaker, mention in quotes:
        start = text.index(quote)
        m = text.index(mention)
        out.append({"start": start, "end": start + len(quote), "speaker": speaker,
                    "speaker_mentions": [[m, m + len(mention)]]})
    return {"doc_id": doc_id, "text": text, "quotes": out}


GOLD = [
    # a name at the cue, right
    _doc("council", '"We will reopen the bridge," Mayor Ana Duarte said.',
         [('"We will reopen the bridge,"', "Ana Duarte", "Mayor Ana Duarte")]),
    # a pronoun resolved to Ana Duarte where the gold names someone else: judged, wrong
    _doc("tolls", 'Ana Duarte spoke first. "Tolls stay," she said.',
         [('"Tolls stay,"', "Bo Li", "she")]),
    # a name, then the same speaker carried over a paragraph break: both right
    _doc("prices", '"Prices will rise," said Carl Ek.\n\n"Nobody likes it."',
         [('"Prices will rise,"', "Carl Ek", "Carl Ek"), ('"Nobody likes it."', "Carl Ek",
                                                          "Carl Ek")]),
    # the gold gives only "he": the name cannot be judged, so it is not counted
    _doc("apology", 'Bo Li arrived late. "I am sorry," he said.',
         [('"I am sorry,"', "he", "he")]),
]


@pytest.fixture(scope="module")
def fitted() -> tuple[ModuleType, dict[Any, float], Any, Any]:
    script = _script()
    gold = parse_gold([json.dumps(d) for d in GOLD])
    table, n, k = script.fit(gold, script.attributions(gold), 10.0)
    return script, table, n, k


def test_counts_judged_attributions_per_cell(
    fitted: tuple[ModuleType, dict[Any, float], Any, Any],
) -> None:
    _, _, n, k = fitted
    assert dict(n) == {("quote_speaker_cue", "name"): 1, ("quote_speaker_cue", "pronoun"): 1,
                       ("quote_cue_speaker", "name"): 1, ("follow_on_quote", "carried_across"): 1}
    assert dict(k) == {("quote_speaker_cue", "name"): 1, ("quote_speaker_cue", "pronoun"): 0,
                       ("quote_cue_speaker", "name"): 1, ("follow_on_quote", "carried_across"): 1}


def test_rare_cells_shrink_toward_their_resolution_then_everything(
    fitted: tuple[ModuleType, dict[Any, float], Any, Any],
) -> None:
    _, table, _, _ = fitted
    overall = 2 / 3  # two names right, one pronoun wrong
    name_prior = (2 + 10 * overall) / (2 + 10)
    assert table[("quote_speaker_cue", "name")] == round((1 + 10 * name_prior) / 11, 3)
    assert table[("according_to", "name")] == round(name_prior, 3)  # never seen
    pronoun_prior = (0 + 10 * overall) / (1 + 10)
    assert table[("quote_speaker_cue", "pronoun")] == round(10 * pronoun_prior / 11, 3)
    assert table[("quote_speaker_cue", "pronoun")] < table[("quote_speaker_cue", "name")]
    # one carried quote, right: the chance the speaker stayed is capped at 1
    assert table[("follow_on_quote", "carried_across")] == 1.0
    assert {(r.__name__, res) for r in RULES for res in RESOLUTIONS} <= set(table)
    assert all(0.0 <= v <= 1.0 for v in table.values())


def test_the_written_table_reads_back(
    fitted: tuple[ModuleType, dict[Any, float], Any, Any],
) -> None:
    script, table, n, k = fitted
    text = script.write_table(table, n, k, "own-gold.jsonl", 10.0)
    assert "# source: measured by benchmarks/calibrate.py on own-gold.jsonl (4 judged" in text
    rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    assert rows[0] == ["rule", "resolution", "confidence", "judged", "right"]
    assert len(rows) - 1 == len(table)
    assert ["quote_speaker_cue", "pronoun", f"{table[('quote_speaker_cue', 'pronoun')]:.3f}",
            "1", "0"] in rows


def test_checks_without_writing_unless_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    script = _script()
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(d) + "\n" for d in GOLD), encoding="utf-8")
    target = tmp_path / "confidence.tsv"
    monkeypatch.setattr(script, "TABLE_PATH", target)
    assert script.main(["--fit", str(gold), "--check", str(gold)]) == 0
    out = capsys.readouterr().out
    assert "== gold.jsonl: quote F1 100.0" in out
    assert "name calibration: share of attributed quotes" in out
    assert not target.exists()
    assert script.main(["--fit", str(gold), "--write"]) == 0
    assert target.read_text(encoding="utf-8").startswith("# confidence of an attribution")
