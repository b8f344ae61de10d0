"""Positions of a document that salience reads: where its story starts after a headline,
which mentions lie outside quotes, and which sentence each falls in; each by bisections
over sorted offsets, not a test per mention."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ..spans import Span

_HEADLINE_WORDS = 20
"""A first line of more words than this is a sentence of the story, not its headline."""
_HEADLINE_ENDS = ".!?…:;,\"'”’»)]"
"""A line ending in one of these ends as a sentence (or a quote) does: no headline."""


def headline_end(text: str, paragraphs: Sequence[Span]) -> int:
    """Where the story starts after its headline (0 when it has none): a first paragraph of
    one short line that does not end as a sentence does, with more text after it."""
    if len(paragraphs) < 2:
        return 0
    first = paragraphs[0]
    line = text[first.start : first.end].rstrip()
    if not line or "\n" in line or "\r" in line or line[-1] in _HEADLINE_ENDS or (
        line.count(" ") >= _HEADLINE_WORDS
    ):
        return 0
    return paragraphs[1].start


def outside_quotes(
    positions: Sequence[int], quote_starts: Sequence[int], quote_ends: Sequence[int]
) -> list[int]:
    """The indices of the sorted ``positions`` that do not lie strictly inside the last quote
    starting at or before them (quotes sorted by start).

    Quote ``k`` is that last quote for the positions in ``[start_k, start_k+1)``, so it
    rules out those in ``(start_k, min(end_k, start_k+1))``: two bisections per quote find
    them, instead of one per position (a document has far more mentions than quotes).
    """
    kept: list[int] = []
    done = 0
    last = len(quote_starts) - 1
    for k, start in enumerate(quote_starts):
        stop = quote_ends[k]
        if k < last and quote_starts[k + 1] < stop:
            stop = quote_starts[k + 1]
        inside = bisect_right(positions, start, done)
        kept.extend(range(done, inside))
        done = bisect_left(positions, stop, inside)
    kept.extend(range(done, len(positions)))
    return kept


def buckets(positions: Sequence[int], bounds: Sequence[int]) -> list[int]:
    """``bisect_right(bounds, p) - 1`` for each of the sorted ``positions`` (sorted
    ``bounds``), by one bisection per bound rather than one per position."""
    out: list[int] = []
    done = 0
    for k, bound in enumerate(bounds):
        below = bisect_left(positions, bound, done)  # these lie before ``bound``: bucket k - 1
        out += [k - 1] * (below - done)
        done = below
    out += [len(bounds) - 1] * (len(positions) - done)
    return out
