"""``quoteattr.quotes``: pairing marks into quotes (nesting, paragraphs, stray marks).

Each case runs ``pair_quotes(text, find_marks(text, lex), paragraphs)`` with the
embedded annotator's paragraphs and lists the paired quotes, marks included, in
the order ``pair_quotes`` returns them (by start, outer before inner).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

import quoteattr
from quoteattr.quotes import QuoteSpan

PAIRING_CASES = [
    # -- double quotes ----------------------------------------------------------------------
    pytest.param(
        '"We will rebuild," Mayor Ana Duarte said on Monday.',
        ['"We will rebuild,"'],
        id="straight-double",
    ),
    pytest.param(
        "“We will rebuild,” Mayor Ana Duarte said on Monday.",
        ["“We will rebuild,”"],
        id="curly-double",
    ),
    pytest.param(
        '"We are ready," said Ana Duarte. "It will pass," she added. "Go."',
        ['"We are ready,"', '"It will pass,"', '"Go."'],
        id="three-straight-in-a-row",
    ),
    # -- British single quotes near apostrophes ----------------------------------------------
    pytest.param(
        "'The delay at Brussels' airport is unacceptable,' said Tom Reyes.",
        ["'The delay at Brussels' airport is unacceptable,'"],
        id="single-possessive-place-name",
    ),
    pytest.param(
        "‘The delay at Brussels’ airport is unacceptable,’ said Tom Reyes.",
        ["‘The delay at Brussels’ airport is unacceptable,’"],
        id="curly-single-possessive-place-name",
    ),
    pytest.param(
        "Tom Reyes said: 'We were kids in the '90s and loved rock 'n' roll. I don't regret it.'",
        ["'We were kids in the '90s and loved rock 'n' roll. I don't regret it.'"],
        id="single-decade-rock-n-roll-contraction",
    ),
    pytest.param(
        "'The ministers' plan is dead,' said Tom Reyes.",
        ["'The ministers' plan is dead,'"],
        id="single-plural-possessive",
    ),
    pytest.param(
        "'The teachers' union and the nurses' union agree,' said Tom Reyes.",
        ["'The teachers' union and the nurses' union agree,'"],
        id="single-two-possessives",
    ),
    pytest.param(
        "The ministers' plan was called 'reckless' by Tom Reyes.",
        ["'reckless'"],
        id="possessive-before-quote",
    ),
    pytest.param(
        "'We won,' said the players' coach.",
        ["'We won,'"],
        id="possessive-after-quote",
    ),
    pytest.param(
        "‘I don’t know,’ said Tom Reyes. ‘Ask the ministers’ office.’",
        ["‘I don’t know,’", "‘Ask the ministers’ office.’"],
        id="curly-single-contraction-and-possessive",
    ),
    # -- other conventions -------------------------------------------------------------------
    pytest.param(
        "Il a dit : « Nous reconstruirons. » Puis il est parti. «Demain», a-t-il ajouté.",
        ["« Nous reconstruirons. »", "«Demain»"],
        id="guillemets-spaced-and-tight",
    ),
    pytest.param(
        "Er sagte: „Wir bauen wieder auf.“ Sie sagte: „Nein.“",
        ["„Wir bauen wieder auf.“", "„Nein.“"],
        id="german-low-high",
    ),
    pytest.param(
        "''I don't know,'' said Ana Duarte. ''Ask the ministers' office.''",
        ["''I don't know,''", "''Ask the ministers' office.''"],
        id="nyt-doubled-apostrophes",
    ),
    pytest.param(
        "``We will rebuild,'' said Ana Duarte.",
        ["``We will rebuild,''"],
        id="grave-accents-and-apostrophes",
    ),
    # -- nesting -----------------------------------------------------------------------------
    pytest.param(
        "\"He told me 'never again' and left,\" said Ana Duarte.",
        ["\"He told me 'never again' and left,\"", "'never again'"],
        id="nested-single-in-straight-double",
    ),
    pytest.param(
        "“He told me ‘never again’ and left,” said Ana Duarte.",
        ["“He told me ‘never again’ and left,”", "‘never again’"],
        id="nested-curly",
    ),
    pytest.param(
        "'I said \"no\" twice,' said Tom Reyes.",
        ["'I said \"no\" twice,'", '"no"'],
        id="nested-double-in-british-single",
    ),
    pytest.param(
        "\"She called it 'the best',\" said Ana Duarte.",
        ["\"She called it 'the best',\"", "'the best'"],
        id="nested-closing-together-with-comma",
    ),
    # -- split quotes ------------------------------------------------------------------------
    pytest.param(
        '"A," Ana Duarte said, "b."', ['"A,"', '"b."'], id="split-straight"
    ),
    pytest.param("“A,” Ana Duarte said, “b.”", ["“A,”", "“b.”"], id="split-curly"),
    pytest.param("'A,' Ana Duarte said, 'b.'", ["'A,'", "'b.'"], id="split-single"),
    # -- stray and unclosed marks ------------------------------------------------------------
    pytest.param(
        'Mayor vows city "will rebuild\n\nAna Duarte spoke on Monday. "We will rebuild," '
        'she said. "It will take years."',
        ['"We will rebuild,"', '"It will take years."'],
        id="stray-headline-opener",
    ),
    pytest.param(
        'Mayor vows city will rebuild"\n\n"We will rebuild," Ana Duarte said. '
        '"It will take years," she added.',
        ['"We will rebuild,"', '"It will take years,"'],
        id="stray-headline-closer",
    ),
    pytest.param(
        'The 5" pipe burst. Ana Duarte said "we will fix it" and left. "Soon," she added.',
        ['"we will fix it"', '"Soon,"'],
        id="stray-inch-mark",
    ),
    pytest.param(
        'He said "yes and "We will fix it," said Ana Duarte. "Soon," she added.',
        ['"We will fix it,"', '"Soon,"'],
        id="stray-opener-same-paragraph",
    ),
    pytest.param(
        '«Rebuild now, Ana Duarte said "we are ready" and left.',
        ['"we are ready"'],
        id="stray-opener-other-family",
    ),
    pytest.param(
        'Ana Duarte said: "We will rebuild." Hollis Brandt said: "We',
        ['"We will rebuild."'],
        id="unclosed-at-end-dropped",
    ),
    pytest.param(
        '"We will fix it," said Ana Duarte.\n\n"Soon," she added. "Maybe',
        ['"We will fix it,"', '"Soon,"'],
        id="unclosed-in-last-paragraph-dropped",
    ),
    pytest.param(
        'Ana Duarte said: "We will rebuild the harbour',
        [],
        id="only-quote-unclosed",
    ),
    pytest.param(
        '"First part of the quote.\n\nThe harbour was quiet. "We are ready," she said.',
        ['"We are ready,"'],
        id="unclosed-paragraph-not-reopened",
    ),
    pytest.param(
        'Storm "hits coast\n\n"We are ready," said Ana Duarte. "It will pass," she added.',
        ['"We are ready,"', '"It will pass,"'],
        id="stray-headline-then-quote-paragraph",
    ),
]


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The field read "" and then "?" on the form.', []),
        ('She posted “🙏” and “…” overnight.', ["“🙏”"]),
        ('"It was 1989," he said. "" ', ['"It was 1989,"']),
        ('"" "" "" “” ‘’ «»', []),
    ],
)
def test_marks_around_no_word_are_no_quote(
    text: str, expected: list[str], quote_texts: Callable[[str], list[str]]
) -> None:
    """A quote holds a letter, digit or symbol (an emoji); bare marks and punctuation are
    left as text, so a string of nothing but marks makes no records."""
    assert quote_texts(text) == expected


# -- quotes over several paragraphs ------------------------------------------------------------

MULTI_PARAGRAPH = [
    pytest.param(
        '"The first paragraph runs on.\n\n"The second paragraph also runs on.\n\n'
        '"The last one closes," Ana Duarte said.',
        3,
        id="straight-three-paragraphs",
    ),
    pytest.param(
        "“The first paragraph runs on.\n\n“The second paragraph also runs on.\n\n"
        "“The last one closes,” Ana Duarte said.",
        3,
        id="curly-three-paragraphs",
    ),
    pytest.param(
        "‘The first paragraph runs on.\n\n‘The last one closes,’ Tom Reyes said.",
        2,
        id="british-single-two-paragraphs",
    ),
    pytest.param(
        '"The first paragraph runs on.\n"The last one closes," Ana Duarte said.',
        2,
        id="single-newline-paragraphs",
    ),
    pytest.param(
        '"The first paragraph runs on.\r\n\r\n"The last one closes," Ana Duarte said.',
        2,
        id="crlf-paragraphs",
    ),
]


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
