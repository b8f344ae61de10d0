"""The case tables of the tests, read from ``fixtures/cases/<name>.jsonl``.

A case is one JSON object per line with a unique ``label`` (the test id); keeping the
tables as data lets a reader add a case without touching test code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

CASES_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "cases"


def read_cases(name: str) -> list[dict[str, Any]]:
    """The cases of ``fixtures/cases/<name>.jsonl``, in file order; a repeated label fails."""
    path = CASES_DIR / f"{name}.jsonl"
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    labels = [case["label"] for case in cases]
    repeated = sorted({label for label in labels if labels.count(label) > 1})
    assert not repeated, f"{path.name}: labels used twice: {repeated}"
    return cases


def case_params(name: str) -> list[Any]:
    """:func:`read_cases` as pytest parameters, each named by its label."""
    return [pytest.param(case, id=case["label"]) for case in read_cases(name)]


def speaker_of_case_quote(attributor: Any, case: dict[str, Any]) -> str | None:
    """The resolved name of the one quote of ``case["text"]`` whose text is ``case["quote"]``
    (``None``: found but unattributed); fails when that quote is not found exactly once."""
    doc = attributor.attribute(case["text"])
    matches = [q for q in doc.quotes if q.text == case["quote"]]
    assert len(matches) == 1, f"quote not found once; found {[q.text for q in doc.quotes]}"
    speaker = matches[0].speaker
    return speaker.name if speaker else None
