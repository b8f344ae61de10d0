"""The speaker of each hand-written case sentence, for every case table of news patterns.

Each table (``fixtures/cases/<name>.jsonl``) holds invented sentences from several kinds of
outlets, each naming the quote and the speaker a journalist would give it; the modules named
after the tables test the parts (lexicons, helpers) behind them.
"""

from __future__ import annotations

from typing import Any

import pytest
from case_support import case_params, read_cases, speaker_of_case_quote

import quoteattr

CASE_TABLES = {"intl_news": 6, "tool_patterns": 5, "world_news": 5, "news3_patterns": 6,
               "news5_patterns": 6, "news6_patterns": 5, "news7_patterns": 5,
               "news9_patterns": 5, "news12_patterns": 6,
               "news13_patterns": 8, "news14_patterns": 5,
               "tagger_misreadings": 8, "news15_patterns": 8,
               "document_issuers": 10, "appositive_bodies": 8,
               "named_after_quote": 8, "news18_patterns": 5}
"""Each table of speaker cases and the fewest outlets its cases must come from."""


@pytest.mark.parametrize(
    ("table", "case"),
    [pytest.param(name, p.values[0], id=f"{name}-{p.id}")
     for name in CASE_TABLES for p in case_params(name)],
)
def test_case_speaker(table: str, case: dict[str, Any], attributor: quoteattr.Attributor) -> None:
    assert speaker_of_case_quote(attributor, case) == case["speaker"], table


@pytest.mark.parametrize(("table", "outlets"), CASE_TABLES.items())
def test_cases_are_varied(table: str, outlets: int) -> None:
    assert len({c.get("outlet") for c in read_cases(table)}) >= outlets
