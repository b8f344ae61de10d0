"""``quoteattr.quotemarks``: which characters may open or close a quote, from their neighbours."""

from __future__ import annotations

import pytest

from quoteattr.lexicon import Lexicon
from quoteattr.quotemarks import find_marks


def _marks(text: str, lexicon: Lexicon) -> list[tuple[str, bool, bool]]:
    return [(m.mark, m.can_open, m.can_close) for m in find_marks(text, lexicon)]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("They don't know.", id="contraction"),
        pytest.param("Tom Reyes’s boat", id="curly-possessive-s"),
        pytest.param("Declan O'Rourke left.", id="irish-surname"),
        pytest.param("back in the '90s", id="decade"),
        pytest.param("the ’16 race", id="curly-clipped-year"),
        pytest.param("he loves rock 'n' roll", id="rock-n-roll"),
        pytest.param("let 'em go", id="clipped-em"),
        pytest.param("a \" b", id="spaced-straight-double"),
    ],
)
def test_apostrophes_and_spaced_marks_are_not_quote_marks(text: str, lexicon: Lexicon) -> None:
    """Apostrophes (in words, before decades and clipped words) and spaced marks are dropped."""
    assert _marks(text, lexicon) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('said "yes" twice', [('"', True, False), ('"', False, True)], id="straight"),
        pytest.param("said “yes” twice", [("“", True, False), ("”", False, True)], id="curly"),
        pytest.param("said 'yes' twice", [("'", True, False), ("'", False, True)], id="single"),
        pytest.param("dit « oui » deux", [("«", True, False), ("»", False, True)], id="guillemets"),
        pytest.param(
            "said ''yes'' twice",
            [("''", True, False), ("''", False, True)],
            id="doubled-apostrophes",
        ),
        pytest.param(
            "said ``yes'' twice", [("``", True, False), ("''", False, True)], id="latex-style"
        ),
        pytest.param(
            '"Go," she said',
            [('"', True, False), ('"', False, True)],
            id="text-start",
        ),
        pytest.param(
            'Ana left.\n"Go," she said', [('"', True, False), ('"', False, True)], id="line-start"
        ),
    ],
)
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
