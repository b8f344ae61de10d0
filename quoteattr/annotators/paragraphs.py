"""Sentences cut at paragraph breaks: shared by the stanza and spaCy adapters.

Apart from :mod:`.parsed`, which imports the adapters when a parsed document arrives, so
that no adapter imports the module that imports it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from ..spans import Span


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
    for sent in sentences:
        first = bisect_right(ends, sent.start)  # the first paragraph ending after the start
        if first < len(paragraphs) and paragraphs[first].contains(sent):
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
