"""Loading the hand-written case files of fixtures/cases/ as pytest parameters, one per case,
named by its ``label``; shared so each case file's test reads them the same way."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

CASES_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "cases"


def case_params(file_name: str) -> list[Any]:
    """The cases of ``fixtures/cases/<file_name>`` (JSON lines, blank lines skipped)."""
    lines = (CASES_DIR / file_name).read_text(encoding="utf-8").splitlines()
    return [pytest.param(c, id=c["label"]) for c in map(json.loads, filter(str.strip, lines))]
