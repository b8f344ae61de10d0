"""Pair quotation marks into quotations: nesting, paragraph re-opening and stray marks.

Pairing is a left-to-right scan with a stack of open quotes, one paragraph at a
time. An opening mark nests inside the open quote, whatever its mark (“How “are”
you?”); a closing mark closes the innermost quote of its family. A quote still open
at the end of its paragraph continues only when the next paragraph re-opens it with
the same mark (the news convention for a quote that runs over paragraphs);
otherwise it was a stray mark and is dropped, so one stray mark never shifts the
pairing of the quotes after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import regex

from .quotemarks import MarkToken
from .spans import Span

# concurrent=False on ``regex`` calls: see the note in annotators/embedded.py.

_LOOK_AHEAD = 64
"""How many later marks a possessive-looking mark checks for a better closer."""
MAX_DEPTH = 8
"""The deepest nesting reported: a quote inside eight enclosing quotes is still a quote,
one inside nine is not (its marks stay plain text of the quote around it). News nests
three levels at most; without a cap, text of nothing but nested marks would make each
quote's ``text`` repeat its enclosing quote's, and the records grow with the square of
the input."""
_LOOK_DOWN = 64
"""How far down the stack of open quotes a closing mark looks for its opener. Text has
two or three quotes open at once; a text of thousands of unclosed marks of other
families must not make every later mark walk past all of them."""
_WORDLIKE = regex.compile(r"[\p{L}\p{N}\p{So}]")
"""What a quotation holds at least one of: a letter, a digit or a symbol such as an emoji.
Marks around nothing else (``""``, ``“…”``, ``'?'``) quote no words; a text made only of
quotation marks would otherwise make a record for every pair of them."""
_CONTINUES_AFTER = frozenset(".!?…;:,—–-)")
"""A quote runs on into the next paragraph only from a paragraph that ends a clause;
a headline with a lone mark does not."""


_CLAUSE_PUNCT = frozenset(",.;:!?")
"""Punctuation between a plural possessive and the quote's real closer (``Joneses',' she``)."""


class QuoteSpan(NamedTuple):
    """A paired quotation: the span covers both marks; ``content`` lies between them.

    A named tuple, as :class:`~quoteattr.mentions.Mention`: as immutable as a frozen
    dataclass and cheaper to make (docs/batch.md, "Where the time goes").
    """

    span: Span
    content: Span
    family: str
    depth: int
    """0 for a top-level quote, 1 for a quote inside it, and so on."""
    paragraphs: int
    """How many paragraphs the quote runs over (1 for most quotes)."""


@dataclass(slots=True)
class _Open:
    mark: MarkToken
    depth: int
    paragraphs: int = 1
    holds_same: bool = False
    """A quote opened by the same mark closed inside it (“How “are” you?”): if this one is
    still open at the end of its paragraph, its mark was a stray, not a quote running on."""


def _closes(mark: MarkToken, entry: _Open) -> bool:
    return mark.can_close and (
        entry.mark.family == mark.family or entry.mark.mark in mark.also_closes
    )


def _single_line_break(text: str, end: int, start: int) -> bool:
    """True when two lines are separated by one line break, not a blank line."""
    gap = text[end:start]
    return gap.count("\n") + gap.count("\r") - gap.count("\r\n") <= 1


def _looks_possessive(text: str, mark: MarkToken, stack: list[_Open], target: int) -> bool:
    """A single mark after a plural -s, before a lower-case word (``the ministers' plan``),
    or before punctuation and the same mark (``the Joneses',' she said``: then only when
    no other quote of the family is open, as ``'yes','`` may close two)."""
    if mark.family != "single" or mark.start == 0 or text[mark.start - 1] not in "sS":
        return False
    rest = text[mark.end : mark.end + 2]
    if len(rest) < 2:
        return False
    if rest[0] == " ":
        return rest[1].islower()  # not "'Images' Have 'No Place'": headlines in title case
    return (rest[0] in _CLAUSE_PUNCT and text.startswith(mark.mark, mark.end + 1)
            and not any(entry.mark.family == mark.family
                        for entry in stack[max(0, target - _LOOK_DOWN) : target]))


def pair_quotes(
    text: str, marks: tuple[MarkToken, ...], paragraphs: tuple[Span, ...]
) -> tuple[QuoteSpan, ...]:
    """Pair ``marks`` into quotes, sorted by start (outer before inner at the same start)."""
    quotes: list[QuoteSpan] = []
    stack: list[_Open] = []
    index = 0
    n_marks = len(marks)
    for p_index, para in enumerate(paragraphs):
        para_marks: list[MarkToken] = []
        while index < n_marks and marks[index].start < para.end:
            if marks[index].start >= para.start:
                para_marks.append(marks[index])
            index += 1
        if stack:
            if _runs_on(text, stack[0], para_marks, paragraphs[p_index - 1], para):
                del stack[1:]
                stack[0].paragraphs += 1
                para_marks = para_marks[1:]
            elif not _single_line_break(text, paragraphs[p_index - 1].end, para.start):
                stack.clear()
            # else: a quote broken by one line break (wrapped text) may close on this line
        if para_marks:  # most paragraphs hold no mark, and no mark changes nothing
            _pair_paragraph(text, para_marks, stack, quotes)
        # An open quote may continue only if the paragraph ended inside it.
        if stack and p_index + 1 == len(paragraphs):
            stack.clear()
    quotes.sort(key=lambda q: (q.span.start, -q.span.end))
    return _with_depths(text, quotes)


def _runs_on(
    text: str, first: _Open, para_marks: list[MarkToken], previous: Span, para: Span
) -> bool:
    """Whether the outermost quote still open at the end of ``previous`` runs on into
    ``para``: the paragraph starts with the quote's own opening mark, and the quote either
    ended its paragraph on a clause break or, ending on a word, is the whole paragraph or
    follows a colon (a one-word first paragraph: ``“Well`` then ``“I suppose …”``)."""
    if not para_marks or first.holds_same:
        return False
    reopen = para_marks[0]
    if not (reopen.can_open and reopen.mark == first.mark.mark
            and (reopen.start == para.start or not text[para.start : reopen.start].strip())):
        return False
    previous_end = text[max(previous.start, previous.end - 40) : previous.end].rstrip()[-1:]
    if previous_end in _CONTINUES_AFTER:
        return True
    if not previous_end.isalnum():
        return False  # a paragraph ending on a closing mark or a symbol
    opened = first.mark.start
    if first.paragraphs > 1 or previous.start > opened:
        return True
    lead = text[previous.start : opened].rstrip()
    # The paragraph is the quote, or the quote was introduced by a colon (She said: “Well);
    # an opener after a word is a headline's stray (Storm "hits coast).
    return not lead.strip() or lead[-1] == ":"


def _with_depths(text: str, quotes: list[QuoteSpan]) -> tuple[QuoteSpan, ...]:
    """Recompute each quote's nesting depth from containment (stray marks can skew the
    stack), and leave out the quotes nested deeper than :data:`MAX_DEPTH` and those with
    no word in them (see :data:`_WORDLIKE`)."""
    out: list[QuoteSpan] = []
    enclosing: list[int] = []
    for quote in quotes:
        while enclosing and enclosing[-1] <= quote.span.start:
            enclosing.pop()
        depth = len(enclosing)
        if depth > MAX_DEPTH:
            continue  # checked first: the word search below must not run at every depth
        if not _WORDLIKE.search(text, quote.content.start, quote.content.end,
                                concurrent=False):
            continue  # and its own marks are plain text of the quote around it
        enclosing.append(quote.span.end)
        if depth != quote.depth:
            quote = QuoteSpan(quote.span, quote.content, quote.family, depth, quote.paragraphs)
        out.append(quote)
    return tuple(out)


def _pair_paragraph(
    text: str, marks: list[MarkToken], stack: list[_Open], quotes: list[QuoteSpan]
) -> None:
    for i, mark in enumerate(marks):
        target = None
        top = len(stack) - 1 if mark.can_close else -1
        for depth in range(top, max(-1, top - _LOOK_DOWN), -1):
            if _closes(mark, stack[depth]):
                target = depth
                break
        if target is not None and mark.can_open and target != len(stack) - 1:
            target = None  # an ambiguous mark that would skip open quotes opens instead
        if (
            target is not None
            and _looks_possessive(text, mark, stack, target)
            and any(_closes(later, stack[target])
                    for later in marks[i + 1 : i + 1 + _LOOK_AHEAD])
        ):
            target = None
        if target is not None:
            entry = stack[target]
            if target and stack[target - 1].mark.mark == entry.mark.mark:
                stack[target - 1].holds_same = True
            del stack[target:]
            quotes.append(_quote(entry, mark.start, mark.end))
            continue
        halves = _halves_close(mark, stack) if mark.can_close else 0
        if halves == 2:  # ’’ or '' closing two single quotes at once (‘He said ‘no’’)
            inner, outer = stack.pop(), stack.pop()
            quotes.append(_quote(inner, mark.start, mark.start + 1))
            quotes.append(_quote(outer, mark.start + 1, mark.end))
            continue
        if halves == 1:  # a possessive, then the closer ('It is James'' she said)
            quotes.append(_quote(stack.pop(), mark.start + 1, mark.end))
            continue
        if not mark.can_open:
            continue
        if mark.weak and stack:
            continue  # 'Tis, 'cause inside a quote: only an apostrophe
        stack.append(_Open(mark, len(stack)))


def _quote(entry: _Open, content_end: int, end: int) -> QuoteSpan:
    """The quote ``entry`` opened, its content ending at ``content_end`` where its closing
    mark starts, and the mark at ``end``."""
    return QuoteSpan(
        span=Span(entry.mark.start, end),
        content=Span(entry.mark.end, content_end),
        family=entry.mark.family,
        depth=entry.depth,
        paragraphs=entry.paragraphs,
    )


def _halves_close(mark: MarkToken, stack: list[_Open]) -> int:
    """How many one-character quotes of another family, opened last, a doubled closing mark
    (``’’``, ``''``) closes when it closes no quote of its own: two single quotes ending
    together (``‘He said ‘no’’``), or one after an apostrophe (``'It is James'' she said``)."""
    if len(mark.mark) != 2 or mark.mark[0] != mark.mark[1] or not stack:
        return 0
    inner = stack[-1].mark
    if inner.family == mark.family or len(inner.mark) != 1:
        return 0
    if len(stack) > 1:
        outer = stack[-2].mark
        if outer.family == inner.family and len(outer.mark) == 1:
            return 2
    return 1
