"""Quotation conventions, one fixture file each (fixtures/quote_cases/*.jsonl, format in
its README): every case lists all the quotes its marks make, nested ones included, as
exact spans of the text. The pairing must find exactly those, no more and no fewer."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quoteattr.quotes import QuoteSpan

CASES_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "quote_cases"


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                params.append(pytest.param(case, id=f"{path.stem}:{case['label']}"))
    return params


def test_every_convention_has_cases() -> None:
    """The fixture folder holds the conventions this test is meant to cover."""
    names = {p.stem for p in CASES_DIR.glob("*.jsonl")}
    assert {"same_mark_nesting", "latex_ascii", "apostrophes", "multi_paragraph", "tokenised",
            "typewriter", "spacing", "unclosed"} <= names


@pytest.mark.parametrize("case", _cases())
def test_quote_case(
    case: dict[str, Any], find_quotes: Callable[[str], tuple[QuoteSpan, ...]]
) -> None:
    """The quotes paired in ``text`` are exactly the expected spans, in order."""
    text = case["text"]
    expected = [(q["start"], q["end"]) for q in case["quotes"]]
    # The fixture itself: each span slices out the quote it names.
    assert [text[s:e] for s, e in expected] == [q["text"] for q in case["quotes"]]
    found = [(q.span.start, q.span.end) for q in find_quotes(text)]
    assert found == expected, [text[s:e] for s, e in found]
