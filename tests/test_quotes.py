"""``quoteattr.quotes``: pairing marks into quotes (nesting, paragraphs, stray marks).

Each case (fixtures/cases/pairing.jsonl, paragraph_quotes.jsonl) runs
``pair_quotes(text, find_marks(text, lex), paragraphs)`` with the
embedded annotator's paragraphs and lists the paired quotes, marks included, in
the order ``pair_quotes`` returns them (by start, outer before inner).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from case_support import read_cases

import quoteattr
from quoteattr.quotes import QuoteSpan

PAIRING_CASES = [pytest.param(c["text"], c["quotes"], id=c["label"])
                 for c in read_cases("pairing")]
"""Double, single (near apostrophes), other conventions, nesting, split quotes, stray and
unclosed marks, and marks around no word (a quote holds a letter, digit or symbol such as
an emoji; bare marks and punctuation make no quote): fixtures/cases/pairing.jsonl."""


@pytest.mark.parametrize(("text", "expected"), PAIRING_CASES)
def test_pairing(
    text: str, expected: list[str], quote_texts: Callable[[str], list[str]]
) -> None:
    """The quotes paired in ``text``, marks included, in order."""
    assert quote_texts(text) == expected


# -- nesting depth -----------------------------------------------------------------------------


def test_nested_quote_has_depth_one(find_quotes: Callable[[str], tuple[QuoteSpan, ...]]) -> None:
    """A quote inside a quote has depth 1 and lies inside its parent's content."""
    outer, inner = find_quotes("\"He told me 'never again' and left,\" said Ana Duarte.")
    assert (outer.depth, inner.depth) == (0, 1)
    assert outer.content.start <= inner.span.start and inner.span.end <= outer.content.end


def test_three_levels_of_nesting(find_quotes: Callable[[str], tuple[QuoteSpan, ...]]) -> None:
    """Alternating families nest to any depth: 0, 1, 2."""
    quotes = find_quotes('"One \'two "three" two\' one," she said.')
    assert [q.depth for q in quotes] == [0, 1, 2]


def test_content_excludes_marks(find_quotes: Callable[[str], tuple[QuoteSpan, ...]]) -> None:
    """``content`` is the text between the marks; for '' marks it skips both characters."""
    text = "''We will rebuild,'' said Ana Duarte."
    (quote,) = find_quotes(text)
    assert text[quote.content.start : quote.content.end] == "We will rebuild,"
    assert quote.family == "double"


# -- quotes over several paragraphs ------------------------------------------------------------

MULTI_PARAGRAPH = [pytest.param(c["text"], c["paragraphs"], id=c["label"])
                   for c in read_cases("paragraph_quotes")]
"""Quotes over 2-3 paragraphs (straight, curly, British single, single-newline and CRLF
paragraphs): fixtures/cases/paragraph_quotes.jsonl."""


@pytest.mark.parametrize(("text", "paragraphs"), MULTI_PARAGRAPH)
def test_multi_paragraph_quote_is_one_span(
    text: str, paragraphs: int, find_quotes: Callable[[str], tuple[QuoteSpan, ...]]
) -> None:
    """News style: open with no close, re-open each paragraph, close at the end -> ONE quote."""
    (quote,) = find_quotes(text)
    assert quote.paragraphs == paragraphs
    # The quote runs from the first mark to the closing mark before the attribution.
    assert quote.span.start == 0
    assert text[quote.span.end :] in (" Ana Duarte said.", " Tom Reyes said.")


def test_multi_paragraph_quote_after_a_closed_one(
    quote_texts: Callable[[str], list[str]],
) -> None:
    """A closed quote earlier in the paragraph does not stop a later one from continuing."""
    text = 'Ana Duarte said: "One." Then she added: "Two.\n\n"Three," she said.'
    assert quote_texts(text) == ['"One."', '"Two.\n\n"Three,"']


def test_closed_quote_then_new_paragraph_quote_are_two(
    quote_texts: Callable[[str], list[str]],
) -> None:
    """A paragraph starting with a mark after a *closed* quote starts a new quote."""
    text = '"We will fix it," said Ana Duarte.\n\n"Soon," she added.'
    assert quote_texts(text) == ['"We will fix it,"', '"Soon,"']


def test_multi_paragraph_quote_not_closed_at_end_is_dropped(
    quote_texts: Callable[[str], list[str]],
) -> None:
    """A quote re-opened in every paragraph but never closed is no quote at all."""
    assert quote_texts('"One.\n\n"Two.\n\n"Three.') == []


def test_multi_paragraph_quote_through_attribute() -> None:
    """The public API reports the multi-paragraph quote once, slicing the original text."""
    text = (
        "“The first paragraph runs on.\n\n“The second paragraph also runs on.\n\n"
        "“The last one closes,” Ana Duarte said."
    )
    (quote,) = quoteattr.attribute(text).quotes
    assert quote.text == text[: text.index(" Ana Duarte")]
    assert quote.kind == "direct"
