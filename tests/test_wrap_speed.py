"""wrap.hard_wrapped, which translates line breaks only when a text holds other ones than
LF, gives the answer of the plain per-line reading on any text; wrap.flatten, which finds
LF-only breaks with str.find, gives what its regex scan of every paragraph gave."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import wrap
from quoteattr.annotators.paragraphs import paragraphs_of
from quoteattr.spans import Span


def _plain_hard_wrapped(text: str) -> bool:
    """The per-line reading, without the early exit."""
    if "\n" not in text and "\r" not in text:
        return False
    lines = text.replace("\r\n", "\n").translate(wrap._NEWLINES).split("\n")
    lengths = [len(line.strip()) for line in lines]
    full = [n for n in lengths if n]
    if len(full) < wrap._MIN_LINES or len(full) == len(lengths):
        return False
    if sum(n > wrap._MAX_WIDTH for n in full) * 20 > len(full):
        return False
    block = [n for i, n in enumerate(lengths[:-1]) if n and lengths[i + 1]]
    if len(block) * wrap._BLOCK_SHARE < len(full) or len(block) < 2:
        return False
    least = max(wrap._MIN_FILLED, min(max(block), wrap._MAX_WIDTH) - wrap._SLACK)
    return sum(n >= least for n in block) * 2 >= len(block)


_LINE = st.builds(lambda indent, n, tail: indent + "w" * n + " " * tail,
                  st.sampled_from(["", "", "  ", "\t", "\u00a0", "\x1c", "\u3000 "]),
                  st.sampled_from([0, 0, 30, 60, 95, 99, 100, 101, 102, 150]),
                  st.sampled_from([0, 1]))


@settings(max_examples=400)
@given(lines=st.lists(_LINE, max_size=40), newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_the_fast_reading_agrees_with_the_plain_one(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    assert wrap.hard_wrapped(text) == _plain_hard_wrapped(text)


def _plain_flatten(text: str, paragraphs: list[Span]) -> str:
    """flatten as it was before its LF-only path: a regex scan of every paragraph."""
    breaks = [m.start() for p in paragraphs for m in wrap._BREAK.finditer(text, p.start, p.end)]
    chars = list(text)
    for i in breaks:
        chars[i] = " "
    return "".join(chars)


_PIECES = st.sampled_from(["w", "word ", "\n", "\n\n", " ", "\r\n", "\r", "\u2028", "\u2029",
                           "\u0085", "x\ny"])


@settings(max_examples=400)
@given(pieces=st.lists(_PIECES, max_size=30), cuts=st.lists(st.integers(0, 80), max_size=8))
def test_flatten_agrees_with_the_regex_scan(pieces: list[str], cuts: list[int]) -> None:
    text = "".join(pieces)
    bounds = sorted(min(c, len(text)) for c in cuts)
    paragraphs = [Span(a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=False)]
    flat = wrap.flatten(text, paragraphs)
    assert flat == _plain_flatten(text, paragraphs)
    assert (flat is text) == (flat == text)  # unchanged text comes back as itself


@settings(max_examples=200)
@given(pieces=st.lists(_PIECES, max_size=30))
def test_flatten_over_the_annotators_paragraphs(pieces: list[str]) -> None:
    text = "".join(pieces)
    paragraphs = list(paragraphs_of(text))
    assert wrap.flatten(text, paragraphs) == _plain_flatten(text, paragraphs)
