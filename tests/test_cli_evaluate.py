"""Tests for ``quoteattr evaluate``: the real command, run in a subprocess."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cli_support import run

from quoteattr import Attributor
from quoteattr.cli import main
from quoteattr.evaluation import GoldDocument, evaluate, parse_gold, predict

GOLD = Path(__file__).resolve().parent.parent / "fixtures" / "gold.jsonl"


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.fixture(scope="module")
def gold() -> tuple[GoldDocument, ...]:
    return parse_gold(GOLD.read_text(encoding="utf-8").split("\n"))


def test_table_is_the_report_of_a_fresh_run(
    tmp_path: Path, gold: tuple[GoldDocument, ...], attributor: Attributor
) -> None:
    proc = run("evaluate", str(GOLD), cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    report = evaluate(gold, predict(gold, attributor)).report()
    assert proc.stdout == report.to_table() + "\n"
    assert proc.stdout.splitlines()[0].split() == ["P", "R", "F1"]
    assert "resolved speakers (direct quotes with a named speaker" in proc.stdout
    assert "name calibration: estimated share of attributed quotes whose resolved NAME" in (
        proc.stdout)


def test_json_with_breakdown_and_errors(
    tmp_path: Path, gold: tuple[GoldDocument, ...], attributor: Attributor
) -> None:
    proc = run("evaluate", str(GOLD), "--format", "json", "--by", "rule", "--errors", "3",
               cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    report = evaluate(gold, predict(gold, attributor)).report(by="rule", errors=3)
    assert json.loads(proc.stdout) == report.to_dict()
    assert proc.stdout.startswith('{\n  "scores": {\n    "docs": 13,\n')
    assert len(json.loads(proc.stdout)["errors"]) <= 3


def _gold_as_predictions(gold: tuple[GoldDocument, ...]) -> list[dict[str, Any]]:
    """Every gold quote predicted with its gold speaker and mention, except the first one;
    plus one prediction where the gold has none (the "scare" quote)."""
    records = []
    for n, d in enumerate(gold):
        quotes = [
            {"start": q.start, "end": q.end, "speaker": q.speaker,
             "speaker_start": q.speaker_mentions[0][0] if q.speaker_mentions else None,
             "speaker_end": q.speaker_mentions[0][1] if q.speaker_mentions else None,
             "rule": "copied", "kind": "direct", "confidence": 0.9}
            for q in d.quotes[1 if n == 0 else 0 :]
        ]
        records.append({"doc_id": d.doc_id, "quotes": quotes})
    records[0]["quotes"].append({"start": 0, "end": 5, "speaker": None, "speaker_start": None,
                                 "speaker_end": None, "kind": "scare"})
    return records


def test_saved_predictions(tmp_path: Path, gold: tuple[GoldDocument, ...]) -> None:
    assert gold[0].quotes[0].speaker  # the dropped quote has a speaker
    write_jsonl(tmp_path / "pred.jsonl", _gold_as_predictions(gold))
    proc = run("evaluate", str(GOLD), "--pred", "pred.jsonl", "--format", "json", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    scores = json.loads(proc.stdout)["scores"]
    assert {k: scores[k] for k in ("gold_quotes", "pred_quotes", "matched", "correct")} == {
        "gold_quotes": 103, "pred_quotes": 103, "matched": 102, "correct": 100
    }
    assert [scores[k] for k in ("quote_P", "quote_R", "quote_F1")] == [99.0, 99.0, 99.0]
    assert [scores[k] for k in ("attr_P", "attr_R", "attr_F1")] == [97.1, 99.0, 98.0]

    proc = run("evaluate", str(GOLD), "--pred", "pred.jsonl", "--kinds", "direct",
               "--by", "kind", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    lines = proc.stdout.splitlines()
    assert lines[1].split() == ["quotes", "100.0", "99.0", "99.5"]  # the scare quote dropped
    # the gold's own names: every name the reference can compare is right
    assert lines[3].split() == ["name", "attribution", "98.0", "99.0", "98.5"]
    assert lines[7].split() == ["kind", "predicted", "matched", "correct", "attr", "P"]
    assert lines[8].split() == ["direct", "102", "102", "100", "98.0"]


def test_output_file(tmp_path: Path, gold: tuple[GoldDocument, ...]) -> None:
    write_jsonl(tmp_path / "pred.jsonl", _gold_as_predictions(gold))
    proc = run("evaluate", str(GOLD), "--pred", "pred.jsonl", "-o", "report.txt", cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")
    report = (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert report.splitlines()[1].split() == ["quotes", "99.0", "99.0", "99.0"]


@pytest.mark.parametrize(
    ("args", "files", "message"),
    [
        (("missing.jsonl",), {}, "cannot read missing.jsonl: no such file"),
        (("gold.jsonl", "--pred", "nope.jsonl"), {"gold.jsonl": '{"doc_id": "a", "text": ""}\n'},
         "cannot read nope.jsonl: no such file"),
        (("gold.jsonl", "--pred", "pred.jsonl"),
         {"gold.jsonl": '{"doc_id": "a", "text": "", "quotes": []}\n',
          "pred.jsonl": '{"doc_id": "a", "quotes": []}\n\n{"doc_id": "b", "quotes": [}\n'},
         "pred.jsonl line 3: not valid JSON: Expecting value at column 28"),
        (("gold.jsonl",), {"gold.jsonl": '{"doc_id": "a", "text": "ab", "quotes": '
                                         '[{"start": 1, "end": 9}]}\n'},
         'gold.jsonl line 1: "quotes[0]" spans [1, 9): expected 0 <= start <= end <= 2, '
         "the length of the text"),
        (("gold.jsonl",), {"gold.jsonl": '{"doc_id": "a", "text": "ab"}\n'},
         'gold.jsonl line 1: "quotes" must be an array of quotes, got null'),
        (("gold.jsonl",), {"gold.jsonl": '{"doc_id": "a", "text": "ab", "quotes": [5]}\n'},
         'gold.jsonl line 1: "quotes[0]" must be an object, got a number'),
        (("gold.jsonl", "--pred", "pred.jsonl"),
         {"gold.jsonl": '{"doc_id": "a", "text": "", "quotes": []}\n',
          "pred.jsonl": '{"doc_id": "a", "quotes": "none"}\n'},
         'pred.jsonl line 1: "quotes" must be an array of quotes, got a string'),
        (("gold.jsonl", "--pred", "pred.jsonl"),
         {"gold.jsonl": '{"doc_id": "a", "text": "", "quotes": []}\n',
          "pred.jsonl": '{"doc_id": "a", "quotes": [{"start": 0, "end": 0}, []]}\n'},
         'pred.jsonl line 1: "quotes[1]" must be an object, got an array'),
        (("gold.jsonl",), {"gold.jsonl": "\n"},
         "gold.jsonl holds no documents: expected one JSON object per line"),
        (("gold.jsonl", "--kinds", "direct,quoted"), {},
         "--kinds 'direct,quoted': expected kinds separated by commas, from direct, mixed, "
         "nested, scare, thought"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, args: tuple[str, ...], files: dict[str, str], message: str
) -> None:
    for name, text in files.items():
        (tmp_path / name).write_bytes(text.encode("utf-8"))
    proc = run("evaluate", *args, cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (2, "", f"quoteattr: error: {message}\n")


def test_undecodable_file_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "gold.jsonl").write_bytes(b'{"doc_id": "a", "text": "", "quotes": []}\n\xff\n')
    proc = run("evaluate", "gold.jsonl", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("quoteattr: error: gold.jsonl line 2: not valid utf-8 (")


@pytest.mark.parametrize(
    ("args", "error"),
    [(("--errors", "-1"), "argument --errors: expected a whole number >= 0, got '-1'"),
     (("--by", "speaker"), "argument --by: invalid choice: 'speaker'"),
     (("--format", "csv"), "argument --format: invalid choice: 'csv'")],
)
def test_bad_options_exit_2(tmp_path: Path, args: tuple[str, ...], error: str) -> None:
    proc = run("evaluate", str(GOLD), *args, cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert error in proc.stderr.splitlines()[-1]


def test_main_returns_2_without_a_gold_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate"]) == 2
    assert "required: GOLD" in capsys.readouterr().err


def test_fiction_scores_thoughts_as_quotes_unless_kinds_say_otherwise(tmp_path: Path) -> None:
    """With --genre fiction a quoted thought is a quotation the gold may hold; --kinds still
    chooses (a reader who wants speech alone asks for direct)."""
    text = 'Mara looked at the grey water for a long time.\n\n"Too late," Mara thought.'
    start = text.index('"Too')
    gold = write_jsonl(tmp_path / "gold.jsonl", [{
        "doc_id": "sea", "text": text,
        "quotes": [{"start": start, "end": start + len('"Too late,"'), "speaker": "Mara",
                    "speaker_mentions": [[text.rindex("Mara"), text.rindex("Mara") + 4]]}],
    }])
    counts = {}
    for extra in ([], ["--kinds", "direct"]):
        proc = run("evaluate", str(gold), "--genre", "fiction", "--format", "json", *extra,
                   cwd=tmp_path)
        assert (proc.returncode, proc.stderr) == (0, "")
        counts[tuple(extra)] = json.loads(proc.stdout)["scores"]["matched"]
    assert counts == {(): 1, ("--kinds", "direct"): 0}
