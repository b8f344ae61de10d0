"""The text around each quote that the attribution rules read.

For every quote this fixes the clause before it (from the sentence start or the
previous quote's end) and the clause after it (to the sentence end or the next
quote), never crossing a paragraph, so every rule looks at the same windows.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from .quotes import QuoteSpan
from .spans import Span

_SHORT_TAIL_SENTENCE = 80
"""A sentence this short right after a quote may carry its attribution ("Kerry said."); a
longer one only when a speech cue comes early in it ("Mr. Trump asked, repeating ...")."""


class QuoteContext(NamedTuple):
    """One quote with the clause windows around it (a named tuple, one per quote:
    docs/batch.md, "Where the time goes")."""

    position: int
    """Index of the quote in the document's top-level quote list."""
    quote: QuoteSpan
    paragraph: Span
    paragraph_index: int
    left: Span
    """From the start of the quote's clause to the opening mark."""
    right: Span
    """From the closing mark to the end of the clause after the quote."""
    enclosing: QuoteSpan | None = None
    """For a nested quote, the quote that contains it."""
    right_is_next_sentence: bool = False
    """True when the quote ends its sentence and ``right`` is the short sentence after it."""

    @property
    def starts_paragraph(self) -> bool:
        return self.left.start == self.paragraph.start and self.left.start == self.quote.span.start


def _containing(starts: Sequence[int], spans: Sequence[Span], position: int) -> Span | None:
    k = bisect_right(starts, position) - 1
    if k >= 0 and spans[k].start <= position < spans[k].end:
        return spans[k]
    return None


def build_contexts(
    text: str,
    quotes: Sequence[QuoteSpan],
    paragraphs: Sequence[Span],
    sentences: Sequence[Span],
    cues: re.Pattern[str],
) -> tuple[QuoteContext, ...]:
    """A context for each top-level quote, in order; nested quotes get theirs inside the parent."""
    para_starts = [p.start for p in paragraphs]
    sent_starts = [s.start for s in sentences]
    top = [q for q in quotes if q.depth == 0]
    out: list[QuoteContext] = []
    for i, q in enumerate(top):
        p_index = max(0, bisect_right(para_starts, q.span.start) - 1)
        para = paragraphs[p_index] if paragraphs else Span(0, len(text))
        prev_end = top[i - 1].span.end if i and top[i - 1].span.end > para.start else para.start
        # The clause after a quote lies in the paragraph where the quote ends.
        end_para = paragraphs[max(0, bisect_right(para_starts, q.span.end - 1) - 1)] if (
            paragraphs) else para
        next_start = (
            top[i + 1].span.start if i + 1 < len(top) and top[i + 1].span.start < end_para.end
            else end_para.end
        )
        sentence = _containing(sent_starts, sentences, q.span.start)
        left_start = max(prev_end, sentence.start if sentence else para.start, para.start)
        left_start = min(left_start, q.span.start)
        right_end, next_sentence = _right_end(
            text, q, sent_starts, sentences, min(next_start, end_para.end), cues
        )
        out.append(
            QuoteContext(i, q, para, p_index, Span(left_start, q.span.start),
                         Span(q.span.end, max(q.span.end, right_end)),
                         right_is_next_sentence=next_sentence)
        )
    return tuple(out)


def _right_end(
    text: str,
    q: QuoteSpan,
    sent_starts: Sequence[int],
    sentences: Sequence[Span],
    limit: int,
    cues: re.Pattern[str],
) -> tuple[int, bool]:
    """Where the clause after ``q`` ends, and whether it is the next sentence."""
    last_inside = max(q.span.start, q.span.end - 1)
    sentence = _containing(sent_starts, sentences, last_inside)
    end = sentence.end if sentence else limit
    next_sentence = False
    if end <= q.span.end:
        nxt = _containing(sent_starts, sentences, q.span.end + 1) or _containing(
            sent_starts, sentences, min(len(text) - 1, q.span.end + 2)
        )
        if nxt is not None and (
            nxt.end - nxt.start <= _SHORT_TAIL_SENTENCE or cues.search(text, nxt.start,
                                                                      nxt.start + 60)
        ):
            end, next_sentence = nxt.end, True
    return min(end, limit), next_sentence


def nested_contexts(
    text: str, quotes: Sequence[QuoteSpan], parent: QuoteContext
) -> tuple[QuoteContext, ...]:
    """Contexts for quotes nested directly inside ``parent``, windows bounded by its content."""
    # Quotes are sorted by start: only those starting inside the parent can nest in it.
    lo = bisect_left(quotes, parent.quote.content.start, key=lambda q: q.span.start)
    hi = bisect_left(quotes, parent.quote.content.end, key=lambda q: q.span.start)
    inner = [
        q for q in quotes[lo:hi]
        if q.depth == parent.quote.depth + 1 and parent.quote.content.contains(q.span)
    ]
    out = []
    for i, q in enumerate(inner):
        start = inner[i - 1].span.end if i else parent.quote.content.start
        end = inner[i + 1].span.start if i + 1 < len(inner) else parent.quote.content.end
        cut = max(text.rfind(". ", start, q.span.start) + 2, start)
        out.append(
            QuoteContext(parent.position, q, parent.paragraph, parent.paragraph_index,
                         Span(cut, q.span.start), Span(q.span.end, end), enclosing=parent.quote)
        )
    return tuple(out)
