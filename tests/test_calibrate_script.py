"""``benchmarks/calibrate.py``: what it counts, how it shrinks rare cells, and that it
writes the table only when asked. The gold is four short texts written for this test."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from eval_support import load_calibrate_script

from quoteattr.confidence import RESOLUTIONS
from quoteattr.evaluation import parse_gold
from quoteattr.rules import RULES

ROOT = Path(__file__).resolve().parent.parent


def _script() -> ModuleType:
    return load_calibrate_script("calibrate_script_fit")


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
    # the gold gives only "he": matched, but the name cannot be judged
    _doc("apology", 'Bo Li arrived late. "I am sorry," he said.',
         [('"I am sorry,"', "he", "he")]),
    # a quote the gold does not list: spurious, so not matched
    _doc("vote", 'Bo Li said later that the vote was close. "We will see," she said.', []),
]


@pytest.fixture(scope="module")
def fitted() -> tuple[ModuleType, dict[Any, float], dict[Any, Any]]:
    script = _script()
    gold = parse_gold([json.dumps(d) for d in GOLD])
    table, counts = script.fit(gold, script.attributions(gold), 10.0)
    return script, table, counts


def test_counts_attributed_matched_judged_and_right_per_cell(
    fitted: tuple[ModuleType, dict[Any, float], dict[Any, Any]],
) -> None:
    _, _, counts = fitted
    seen = {cell: (c.attributed, c.matched, c.judged, c.right)
            for cell, c in counts.items() if c.attributed}
    assert seen == {("quote_speaker_cue", "name"): (1, 1, 1, 1),
                    ("quote_speaker_cue", "pronoun"): (3, 2, 1, 0),
                    ("quote_cue_speaker", "name"): (1, 1, 1, 1),
                    ("follow_on_quote", "carried_across"): (1, 1, 1, 1)}


def _shrunk(hits: float, n: float, prior: float, weight: float = 10.0) -> float:
    return (hits + weight * prior) / (n + weight)


def test_a_cell_is_matched_share_times_right_share_each_shrunk(
    fitted: tuple[ModuleType, dict[Any, float], dict[Any, Any]],
) -> None:
    _, table, _ = fitted
    # names: 2 attributed, 2 matched, 2 judged, 2 right over both rules -> Laplace 3/4, 3/4
    assert table[("quote_speaker_cue", "name")] == round(
        _shrunk(1, 1, 0.75) * _shrunk(1, 1, 0.75), 3)
    assert table[("according_to", "name")] == round(0.75 * 0.75, 3)  # never seen
    # pronouns: 3 attributed, 2 matched (one spurious), 1 judged (the "he" is not), 0 right
    pronoun = round(_shrunk(2, 3, 3 / 5) * _shrunk(0, 1, 1 / 3), 3)
    assert table[("quote_speaker_cue", "pronoun")] == pronoun
    assert pronoun < table[("quote_speaker_cue", "name")]
    assert {(r.__name__, res) for r in RULES for res in RESOLUTIONS} <= set(table)
    assert all(0.0 <= v <= 1.0 for v in table.values())


def test_a_carried_cell_is_fitted_against_its_source(
    fitted: tuple[ModuleType, dict[Any, float], dict[Any, Any]],
) -> None:
    _, table, _ = fitted
    source = round(table[("quote_cue_speaker", "name")], 2)  # as the pipeline rounds it
    prior = min(1.0, _shrunk(1, source, 0.5, 2.0))
    stay = min(1.0, _shrunk(1, source, prior))
    expected = _shrunk(1, 1, 2 / 3) * stay
    assert table[("follow_on_quote", "carried_across")] == pytest.approx(expected, abs=0.001)
    assert round(table[("follow_on_quote", "carried_across")] * source, 2) < source


def test_the_written_table_reads_back(
    fitted: tuple[ModuleType, dict[Any, float], dict[Any, Any]],
) -> None:
    script, table, counts = fitted
    text = script.write_table(table, counts, "own-gold.jsonl", 10.0)
    assert ("# source: measured by benchmarks/calibrate.py on own-gold.jsonl "
            "(6 direct attributions, 4 judged by name)") in text
    rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    assert rows[0] == ["rule", "resolution", "confidence", "attributed", "matched", "judged",
                       "right"]
    assert len(rows) - 1 == len(table)
    assert ["quote_speaker_cue", "pronoun", f"{table[('quote_speaker_cue', 'pronoun')]:.3f}",
            "3", "2", "1", "0"] in rows


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
    assert "== gold.jsonl (genre auto): quote F1 90.9" in out  # the spurious quote
    assert "name calibration: estimated share of attributed quotes" in out
    assert not target.exists()
    assert script.main(["--fit", str(gold), "--write"]) == 0
    assert target.read_text(encoding="utf-8").startswith("# confidence of an attribution")


def test_several_files_fitted_at_once_keep_their_documents_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    """Hand-written sets reuse doc ids ("council" in two files): pooled for one fit, each
    file's documents stay its own, and all count (``--fit`` takes several files at once)."""
    script = _script()
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("".join(json.dumps(d) + "\n" for d in GOLD), encoding="utf-8")
    second.write_text("".join(json.dumps(d) + "\n" for d in GOLD[:1]), encoding="utf-8")
    monkeypatch.setattr(script, "TABLE_PATH", tmp_path / "confidence.tsv")
    assert script.main(["--fit", str(first), str(second), "--write"]) == 0
    once = [line for line in capsys.readouterr().out.splitlines() if line.startswith("fitted")]
    assert script.main(["--fit", str(first), "--write"]) == 0
    alone = [line for line in capsys.readouterr().out.splitlines() if line.startswith("fitted")]
    assert "on first.jsonl + second.jsonl" in once[0]
    attributions = [int(line.split(": ")[1].split()[0]) for line in (once[0], alone[0])]
    assert attributions[0] == attributions[1] + 1  # the second file's "council" counts too
