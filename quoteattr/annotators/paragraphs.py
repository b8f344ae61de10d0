"""Paragraphs: how a text splits into them (every annotator), and sentences cut at their
breaks (the stanza and spaCy adapters).

Apart from :mod:`.parsed`, which imports the adapters when a parsed document arrives, so
that no adapter imports the module that imports it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence

import regex

from ..spans import BLANK, Span
from ..wrap import hard_wrapped

_TO_NEWLINE = {ord("\r"): "\n", 0x2028: "\n", 0x2029: "\n"}
"""The line breaks that end a line (a paragraph is one or more lines), all as "\\n"."""
_WRAPPED = regex.compile(r"(?:\r\n|\n|\r)[ \t]*\p{Ll}")
"""One line break, then a lower-case word: the line was wrapped, not ended."""
_MIN_WRAPPED_LINE = 30
_OPEN_TAG = regex.compile(r"[,?!][\"”’'][ \t]+\p{Ll}+(?:[ \t]+\p{Ll}+)?[ \t]*\Z")
"""A line that ends inside a quote's tag ('"Ten minutes," said' + "Tobias."): the quote's
sentence goes on, whatever the next line's case."""
_QUOTE_ENDS = (',"', ",”", ",’", ",'", '?"', "?”", "?’", "?'", '!"', "!”", "!’", "!'")
"""A quote closed by one of these is followed by its tag, which a lower-case next line is."""
_QUOTE_LAST = frozenset(end[-1] for end in _QUOTE_ENDS)
"""The last characters of :data:`_QUOTE_ENDS`: most paragraphs end with none of them."""
_ONE_BREAK = ("\n", "\r\n", "\r", "\u2028")
"""A single line break: inside a paragraph of a hard-wrapped text."""



def within_paragraphs(
    sentences: Sequence[Span], paragraphs: Sequence[Span], text: str
) -> tuple[Span, ...]:
    """Cut any sentence that runs over a paragraph break, so sentences nest in paragraphs.

    Stanza ends paragraphs only at blank lines; quoteattr (like news copy) also ends them
    at single line breaks, and a headline without a full stop would otherwise run on
    into the first paragraph's sentence.
    """
    out: list[Span] = []
    ends = [p.end for p in paragraphs]  # paragraphs are in order and do not overlap
    count = len(ends)
    first = 0  # the first paragraph ending after the sentence's start
    last_start = -1
    for sent in sentences:
        start = sent.start
        if start < last_start:  # out of order: look it up afresh
            first = bisect_right(ends, start)
        last_start = start
        while first < count and ends[first] <= start:  # sentences come in order: walk on
            first += 1
        if first < count and paragraphs[first].start <= start and sent.end <= ends[first]:
            out.append(sent)  # most sentences: inside one paragraph
            continue
        pieces = []
        for p in paragraphs[first:]:
            if p.start >= sent.end:
                break
            piece = Span(max(sent.start, p.start), min(sent.end, p.end))
            if piece.slice(text).strip():
                pieces.append(piece)
        out.extend(pieces or [sent])
    return tuple(out)


def paragraphs_of(text: str) -> tuple[Span, ...]:
    """The paragraphs of ``text`` as this annotator splits them; other backends reuse it.
    In a hard-wrapped text (:func:`quoteattr.wrap.hard_wrapped`) only blank lines end one."""
    return tuple(_join_wrapped_lines(text, wrapped=hard_wrapped(text)))


def _join_wrapped_lines(text: str, *, wrapped: bool = False) -> Iterator[Span]:
    """Lines as paragraphs, except that a hard-wrapped line (a long line ending mid-sentence,
    followed by a single line break and a lower-case word) runs on into the next."""
    # Lines are found with str.find, far cheaper per character than a regex scan; every
    # line break becomes "\n" first (one character for one, so offsets stay).
    lines = text
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        lines = text.translate(_TO_NEWLINE)
    length = len(text)
    start = end = -1  # the paragraph so far
    pos = 0
    while pos < length:
        stop = lines.find("\n", pos)
        if stop < 0:
            stop = length
        # A line is blank when it strips to nothing; one whose first character is not
        # blank (nearly every line) needs no copy to tell.
        if stop > pos and (text[pos] not in BLANK or text[pos:stop].strip(BLANK)):
            if start >= 0 and wrapped and text[end:pos] in _ONE_BREAK or start >= 0 and (
                end - start >= _MIN_WRAPPED_LINE and text[end - 1].isalpha()
                or text[end - 1] == "," or text[end - 1] in _QUOTE_LAST
                and text.endswith(_QUOTE_ENDS, start, end)
            ) and _WRAPPED.match(text, end, concurrent=False) or start >= 0 and text[
                end - 1
            ].islower() and text[end:pos] in _ONE_BREAK and _OPEN_TAG.search(
                text, max(start, end - 40), end, concurrent=False
            ):  # the cheap tests first
                end = stop
            else:
                if start >= 0:
                    yield Span(start, end)
                start, end = pos, stop
        pos = stop + 1
    if start >= 0:
        yield Span(start, end)


def paragraph_of(start: int, paragraphs: Iterator[Span]) -> tuple[int, int]:
    """The bounds of the first paragraph left in ``paragraphs`` that ends after ``start``;
    past the last one, an empty range after ``start``."""
    for para in paragraphs:
        if start < para.end:
            return para.start, para.end
    return start + 1, start + 1


def joined_over_names(sentences: Sequence[Span], names: Sequence[Span]) -> tuple[Span, ...]:
    """``sentences`` with any two neighbours joined when a name runs over the border
    between them: a parser may end a sentence inside a name it does not know ("Bà Lê" /
    "Thị Thu, 88, who ..."), which no reader would. ``names`` in text order; the
    sentences themselves when no border falls inside one (nearly always)."""
    out: list[Span] = []
    k = 0
    count = len(names)
    for sent in sentences:
        if out:
            border = sent.start
            while k < count and names[k].end <= border:
                k += 1
            if k < count and names[k].start < out[-1].end and border < names[k].end:
                out[-1] = Span(out[-1].start, sent.end)  # the border is inside a name
                continue
        out.append(sent)
    return tuple(sentences) if len(out) == len(sentences) else tuple(out)
