"""Issue 15: an article reads the same whatever its line breaks are (LF, CRLF, lone CR,
NEL, U+2028, U+2029, form feed), with spans into the caller's own string.

The articles are generated from pieces of several kinds of copy (bylines, wire credits,
council news, sport, business, transcripts), hard-wrapped at random.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoteattr import Attributor, DocumentResult

_BREAKS = ["\r\n", "\r", "\u2028", "\x85", "\u2029", "\x0c"]

_PARAGRAPHS = [
    "By Ana Duarte\nJohn Smith\nStaff writers",
    "By CLAIRE OKAFOR\nAssociated Reporters",
    "LISBON (Wire) - The port authority said on Friday that the strike would end.",
    "The council voted 7-2 on Tuesday to close the Elm Street library branch.",
    "The minister, who grew up in a fishing town on the coast, described the visit.",
    "\u201cWe did everything we could,\u201d she said. \u201cIt was not enough.\u201d",
    "\"The numbers speak for themselves,\" the chief executive told analysts.",
    "Coach Tom Briggs was blunt: \"We lost because we stopped running.\"",
    "According to the state weather service, \u201cmore rain is expected.\u201d",
    "\"Any officer who broke the rules will face proceedings,\" the ministry said.",
    "HOST: Welcome back.\nMARIA LOPEZ: \"Thank you,\" she said.",
    "Shares of Norvik fell 4 percent. \"A hard quarter,\" said Lena Fischer, its CFO.",
    "\u2014 Reporting by Tom Briggs; editing by Mary Lane",
    "Residents of the valley said the water rose in minutes.",
]


def _wrap(paragraph: str, widths: list[int]) -> str:
    """Hard-wrap ``paragraph`` at the given line widths, as e-mailed copy is."""
    lines: list[str] = []
    line: list[str] = []
    for n, word in enumerate(paragraph.split(" ")):
        line.append(word)
        if len(" ".join(line)) > widths[n % len(widths)]:
            lines.append(" ".join(line))
            line = []
    if line:
        lines.append(" ".join(line))
    return "\n".join(lines)


@st.composite
def _articles(draw: st.DrawFn) -> str:
    paragraphs = draw(st.lists(st.sampled_from(_PARAGRAPHS), min_size=2, max_size=6))
    out = []
    for p in paragraphs:
        if draw(st.booleans()):
            p = _wrap(p, draw(st.lists(st.integers(15, 70), min_size=1, max_size=4)))
        out.append(p)
    return draw(st.sampled_from(["\n", "\n\n"])).join(out)


def _summary(doc: DocumentResult, newline: str) -> list[tuple[str, str, str | None, str]]:
    return [(q.text.replace(newline, "\n"), q.kind, q.speaker.name if q.speaker else None,
             q.rule) for q in doc.quotes]


def _offsets(lf: str, newline: str) -> list[int]:
    """Per offset into ``lf``, the offset of the same character in the copy with ``newline``."""
    out, shift = [], 0
    for char in lf + "\0":
        out.append(len(out) + shift)
        if char == "\n":
            shift += len(newline) - 1
    return out


def _same_reading(attributor: Attributor, lf: str, newline: str) -> None:
    text = lf.replace("\n", newline)
    want = attributor.attribute(lf)
    got = attributor.attribute(text)
    assert _summary(got, newline) == _summary(want, "\n")
    moved = _offsets(lf, newline)
    assert [(q.start, q.end) for q in got.quotes] == [
        (moved[q.start], moved[q.end]) for q in want.quotes]
    for _, span in got.spans():
        assert text[span.start : span.end] == span.text
    assert [s.name for s in got.speakers] == [s.name for s in want.speakers]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lf=_articles(), newline=st.sampled_from(_BREAKS))
def test_any_line_break_reads_as_lf(attributor: Attributor, lf: str, newline: str) -> None:
    _same_reading(attributor, lf, newline)


@pytest.mark.parametrize("newline", _BREAKS)
def test_a_byline_name_ending_a_line_is_no_title_of_the_next(
    attributor: Attributor, newline: str
) -> None:
    # "Ana Duarte" ends the byline's first line; "John Smith" starts the next. Once, one
    # LF between them counted as the one space of "Union leader Joris Bakker", a CRLF not.
    lf = ("By Ana Duarte\nJohn Smith\n\n\nThe minister, who grew up in a fishing town on the "
          "lower Tagus, described the visit. \u201cWe did everything,\u201d she said.")
    _same_reading(attributor, lf, newline)


@pytest.mark.parametrize("newline", _BREAKS)
def test_a_speaker_phrase_wrapped_over_a_line_is_one_name(
    attributor: Attributor, newline: str
) -> None:
    lf = ("\u201cAny officer who broke the rules will face proceedings,\u201d the\n"
          "ministry said on Friday.")
    doc = attributor.attribute(lf.replace("\n", newline))
    assert [q.speaker.name if q.speaker else None for q in doc.quotes] == ["the ministry"]


@pytest.mark.parametrize("newline", ["\r", "\u2028", "\x85"])
def test_a_colon_introduction_reads_the_same_across_a_lone_line_break(
    attributor: Attributor, newline: str
) -> None:
    lf = ("Ilse Marek, who runs the bakery, stood in the mud:\n\"I have lived\nin this valley "
          "all my life and I have\nnever seen anything like it.\"")
    _same_reading(attributor, lf, newline)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("the\r\nministry", "the ministry"),
        ("his\u2028sister", "his sister"),
        ("Ana\u00a0Duarte", "Ana Duarte"),
        ("Tom\t Briggs ", "Tom Briggs"),
        ("  the  port authority", "the port authority"),
        ("Lena Fischer", "Lena Fischer"),
    ],
)
def test_one_line_collapses_every_break_and_blank(phrase: str, expected: str) -> None:
    """One helper gives a name wrapped over a line, or with a no-break space, its one-line
    form (result speaker names and coreference's phrase keys both use it)."""
    from quoteattr.spans import one_line

    assert one_line(phrase) == expected


def test_one_line_keeps_an_unbroken_name_uncopied() -> None:
    """The fast path returns the very string when there is nothing to collapse."""
    from quoteattr.spans import one_line

    name = "".join(["Claire ", "Okafor"])
    assert one_line(name) is name


@pytest.mark.parametrize(
    ("wrapped", "name"),
    [
        ("said his\r\nsister on Friday.", "his sister"),
        ("the port\nauthority said.", "the port authority"),
        ("the port\u2028authority said.", "the port authority"),
    ],
)
def test_a_speaker_wrapped_over_a_line_is_named_on_one_line(wrapped: str, name: str) -> None:
    """A speaker phrase read over a line break is named with one space, as on one line,
    while its mention still slices the caller's text with the break in it."""
    text = ("The storm took the roof off the school.\n\n\"We will rebuild it before the winter "
            "comes, and we will do it together,\" " + wrapped + "\n")
    doc = Attributor().attribute(text)
    assert [s.name for s in doc.speakers] == [name]
    mention = doc.speakers[0].mentions[0]
    assert text[mention.start : mention.end] == mention.text != name


@pytest.mark.parametrize("newline", _BREAKS)
def test_a_headline_ending_in_a_title_word_gives_the_next_paragraph_no_title(
    attributor: Attributor, newline: str
) -> None:
    # "Mayor" ends the headline; across a blank line it is no title of "Okafor", who would
    # become a person (and the "she" of a council meeting) by it
    text = (f"Budget fight splits council and mayor{newline}{newline}Okafor council met on "
            f"Monday. \u201cThis budget is a mess,\u201d she said.")
    doc = attributor.attribute(text)
    assert [q.speaker.name if q.speaker else None for q in doc.quotes] == [None]
