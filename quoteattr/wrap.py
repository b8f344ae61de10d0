"""Hard-wrapped text: books and old archives break lines inside sentences.

In such a text a single line break is a space and only a blank line ends a paragraph; a
line break between a quote and ``said Tobias`` (or inside ``Mr.\\nDarcy``) must not cost
the attribution. Whether a text is hard-wrapped is read from its shape, not guessed from
its genre: many lines, grouped in blocks between blank lines, most of them filled to a
similar width well under a news paragraph's length. News that puts one paragraph on each
line has long lines and is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .spans import Span

_BREAK = regex.compile(r"[\r\n\u2028\u2029]")

_MIN_LINES = 8
"""Fewer lines say nothing about a text's shape."""
_MAX_WIDTH = 100
"""A wrapped line is at most this long (books: 60-80 characters); 95% of lines must be."""
_SLACK = 20
"""A line this much shorter than the longest line of the text's blocks was filled up to the
wrap width all the same (a ragged right edge; the last line of a block is shorter)."""
_MIN_FILLED = 30
"""Lines this short are a list's or a poem's, whatever the longest one."""
_BLOCK_SHARE = 5
"""One line in this many must run on into the next: a novel's dialogue is mostly paragraphs
of one line, and only the longer paragraphs wrap."""
_NEWLINES = {ord("\r"): "\n", 0x2028: "\n", 0x2029: "\n"}


def hard_wrapped(text: str) -> bool:
    """Whether ``text`` is hard-wrapped: at least :data:`_MIN_LINES` non-blank lines, 95% of
    them at most :data:`_MAX_WIDTH` characters, one in :data:`_BLOCK_SHARE` inside a block of
    several lines, and most of those filled to near the width of the longest of them (within
    :data:`_SLACK`, and at least :data:`_MIN_FILLED` characters)."""
    if "\n" not in text and "\r" not in text:
        return False
    plain = text
    if "\r" in text or "\u2028" in text or "\u2029" in text:  # translate is dear per char
        plain = text.replace("\r\n", "\n").translate(_NEWLINES)
    lengths = list(map(len, map(str.strip, plain.split("\n"))))  # C loops: one per line
    full = list(filter(None, lengths))  # the non-blank lines' lengths
    if len(full) < _MIN_LINES or len(full) == len(lengths):  # no blank line: no blocks
        return False
    if sum(n > _MAX_WIDTH for n in full) * 20 > len(full):
        return False
    block = [n for i, n in enumerate(lengths[:-1]) if n and lengths[i + 1]]  # runs on
    if len(block) * _BLOCK_SHARE < len(full) or len(block) < 2:
        return False
    least = max(_MIN_FILLED, min(max(block), _MAX_WIDTH) - _SLACK)
    return sum(n >= least for n in block) * 2 >= len(block)


def flatten(text: str, paragraphs: Sequence[Span]) -> str:
    """``text`` with each line break inside a paragraph made a space (one character for
    one, so every offset stays valid); ``text`` itself when no paragraph holds one."""
    breaks: list[int] = []
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        for p in paragraphs:
            breaks.extend(m.start() for m in _BREAK.finditer(text, p.start, p.end))
    elif "\n" in text:
        # LF only (nearly every text): str.find per paragraph, a C scan, where a regex
        # call per paragraph cost more than the rest of this function.
        find = text.find
        for p in paragraphs:
            end = p.end
            i = find("\n", p.start, end)
            while i >= 0:
                breaks.append(i)
                i = find("\n", i + 1, end)
    if not breaks:
        return text
    chars = list(text)
    for i in breaks:
        chars[i] = " "
    return "".join(chars)
