"""``quoteattr.quotemarks``: which characters may open or close a quote, from their neighbours.

The case tables are fixtures/cases/marks.jsonl (``group`` names the test that reads a case)."""

from __future__ import annotations

from typing import Any

import pytest
from case_support import read_cases

from quoteattr.lexicon import Lexicon
from quoteattr.quotemarks import find_marks


def _marks(text: str, lexicon: Lexicon) -> list[tuple[str, bool, bool]]:
    return [(m.mark, m.can_open, m.can_close) for m in find_marks(text, lexicon)]


_CASES = read_cases("marks")
"""The mark cases (fixtures/cases/marks.jsonl), each in a ``group`` named for its test."""


def _group(group: str) -> list[dict[str, Any]]:
    cases = [c for c in _CASES if c["group"] == group]
    assert cases, group
    return cases


def _texts(group: str) -> list[Any]:
    return [pytest.param(c["text"], id=c["label"]) for c in _group(group)]


def _with_marks(group: str) -> list[Any]:
    """``(text, [(mark, can_open, can_close), ...])`` for each case of ``group``."""
    return [pytest.param(c["text"], [tuple(m) for m in c["marks"]], id=c["label"])
            for c in _group(group)]


@pytest.mark.parametrize("text", _texts("not_marks"))
def test_apostrophes_and_spaced_marks_are_not_quote_marks(text: str, lexicon: Lexicon) -> None:
    """Apostrophes (in words, before decades and clipped words) and spaced marks are dropped."""
    assert _marks(text, lexicon) == []


@pytest.mark.parametrize(("text", "expected"), _with_marks("open_close"))
def test_marks_open_before_words_and_close_after_them(
    text: str, expected: list[tuple[str, bool, bool]], lexicon: Lexicon
) -> None:
    """A mark after a space, before a word, opens; after a word or comma, before a space, closes."""
    assert _marks(text, lexicon) == expected


def test_possessive_plural_may_only_close(lexicon: Lexicon) -> None:
    """``the ministers' plan``: the mark after plural -s is kept but can only close."""
    assert _marks("the ministers' plan", lexicon) == [("'", False, True)]


def test_german_low_opener_and_its_closer(lexicon: Lexicon) -> None:
    """German „…“: „ opens and “ may close it."""
    marks = find_marks("Sie sagte: „Ja.“ Dann ging sie.", lexicon)
    assert [m.mark for m in marks] == ["„", "“"]
    assert marks[0].can_open
    assert marks[1].can_close
    assert "„" in marks[1].also_closes


def test_mark_offsets_index_the_text(lexicon: Lexicon) -> None:
    """Each mark's ``start:end`` slices the mark out of the caller's text (two chars for '')."""
    text = "Ana said ''we will,'' and “then” « oui » 'so'."
    for m in find_marks(text, lexicon):
        assert text[m.start : m.end] == m.mark


@pytest.mark.parametrize(
    ("text", "weak"),
    [pytest.param(c["text"], c["weak"], id=c["label"]) for c in _group("clause_start")],
)
def test_clipped_word_at_clause_start_may_open(
    text: str, weak: list[bool], lexicon: Lexicon
) -> None:
    """An apostrophe before a clipped word or a year at a clause start is kept as a weak
    opener (it opens only where no quote is open); the closing mark stays ordinary."""
    marks = find_marks(text, lexicon)
    assert [m.weak for m in marks] == weak
    assert marks[0].can_open and not marks[0].can_close


@pytest.mark.parametrize("text", _texts("mid_clause"))
def test_clipped_word_mid_clause_is_an_apostrophe(text: str, lexicon: Lexicon) -> None:
    """Mid-clause, or right after an opening mark, a clipped word's apostrophe is dropped."""
    assert [m.mark for m in find_marks(text, lexicon)] == (["‘"] if text[0] == "‘" else [])


def test_clipped_words_come_from_the_lexicon(lexicon: Lexicon) -> None:
    """The clipped words are data (clipped_words.tsv): without them 'em is a quote mark."""
    from dataclasses import replace

    bare = replace(lexicon, clipped_words=frozenset())
    assert "em" in lexicon.clipped_words
    assert _marks("Tell 'em no.", lexicon) == []
    assert _marks("Tell 'em no.", bare) == [("'", True, False)]


def test_doubled_apostrophe_before_clipped_word_splits(lexicon: Lexicon) -> None:
    """``''Tis``: an opening single mark, then the apostrophe of 'Tis (not a double opener)."""
    marks = find_marks("''Tis late,' she said.", lexicon)
    assert [(m.start, m.end, m.family) for m in marks] == [(0, 1, "single"), (11, 12, "single")]


@pytest.mark.parametrize(("text", "expected"), _with_marks("tokenised"))
def test_spaced_marks_pair_only_in_tokenised_text(
    text: str, expected: list[tuple[str, bool, bool]], lexicon: Lexicon
) -> None:
    """In tokenised text (spaced punctuation) a spaced " or '' may open or close and a split
    clitic ('m, 's) is no mark; elsewhere a spaced straight mark is an inch sign or a stray."""
    assert _marks(text, lexicon) == expected


def test_latex_single_marks(lexicon: Lexicon) -> None:
    """`…': the backquote opens, the apostrophe closes it (family grave, also_closes)."""
    marks = find_marks("He said `no' twice.", lexicon)
    assert [(m.mark, m.family, m.can_open, m.can_close) for m in marks] == [
        ("`", "grave", True, False), ("'", "single", False, True)]
    assert "`" in marks[1].also_closes
