"""A tagger's entity spans as text: trimmed to their names, and tested for overlap.

A statistical tagger's entity spans are taken from tokens, and its tokens are not
quoteattr's: a span may keep the quotation mark before a name (``Marcia "``), the
possessive ending (``CBC Sports'``) or a full stop, or run over a paragraph break
("Justin Trudeau\\n\\nTrudeau"). :func:`clean_entity` trims such spans to the name;
:class:`Bounds` tells whether a span overlaps any of many, cleaned or not yet.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from operator import le

import regex

from ..spans import Span

EDGE = "\"'“”‘’«»‹›„‚‛‟`´()[]{}<>,;:!?*•·|/\\―—–‒‑‐-~_ \t\u00a0\u2009\u200a\u202f"
"""Characters trimmed from both ends of an entity span: quotation marks, brackets and
punctuation no name begins or ends with (a full stop is kept: "Corp.", "Jr.")."""
POSSIBLE_ENDS = frozenset(EDGE) | {"s", "S"}
"""Last characters that may need trimming: punctuation, or the s of a possessive."""
_POSSESSIVE = regex.compile(r"(?:['’]s|(?<=s)['’])\Z", regex.IGNORECASE)
LINE_BREAK = regex.compile(r"[\n\r\u2028\u2029\f\v]")
_CUT = regex.compile(r"[\n\r\u2028\u2029\f\v]|[ ]*\(|(?<=[,.!?;:])[\"”»]")
"""Where a tagged span holds two names: a line break, an opening bracket ("The
Federated Dockworkers' Union (Fedu": the body, then its short form), or a quote's
closing mark after its punctuation ("paranoia,”Clinton said", one token to a tokenizer
when no space follows the mark; a nickname's marks, ``Mateus "Vulto" Ferraz``, stay)."""
HYPHENS = frozenset("-\u2010\u2011")
"""The hyphens inside a name ("Tawhiri-Lowe")."""


def hyphen_fragment(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is part of a hyphenated name, not all of it: "Tawhiri"
    tagged alone in "Mere Tawhiri-Lowe", "Claude Juncker" in "Jean-Claude Juncker". Such a
    span is no name of its own; the built-in finder reads the whole word. A hyphen
    before a lower-case word ("Tauranga-based"), or after a word that is no name
    ("ex-Senator") or ends in a capital ("US-Mexico"), leaves the span whole."""
    return ((text[end:end + 1] in HYPHENS and text[end + 1:end + 2].isupper())
            or (text[start - 1:start] in HYPHENS and start > 1
                and not text[start - 2].isupper() and text[start - 2].isalpha()
                and _word_capitalised(text, start - 2)))


def _word_capitalised(text: str, last: int) -> bool:
    """Whether the word ending at index ``last`` begins with a capital."""
    first = last
    while first > 0 and text[first - 1].isalpha():
        first -= 1
    return text[first].isupper()


def clean_entity(text: str, start: int, end: int) -> list[Span]:
    """The name pieces of the span ``[start, end)``: cut at line breaks and opening
    brackets, with quotation marks, punctuation and a possessive ending trimmed off;
    empty pieces are dropped."""
    if start < end and text[start] not in EDGE and text[end - 1] not in POSSIBLE_ENDS:
        written = text[start:end]
        # _CUT needs a line break (never printable), a bracket or a closing mark: without
        # them, no regex call
        if "\n" not in written and (
                written.isprintable() and "(" not in written and '"' not in written
                and "”" not in written and "»" not in written
                or _CUT.search(text, start, end) is None):
            return [Span(start, end)]  # most spans: nothing to trim or cut
    pieces: list[Span] = []
    piece_start = start
    for match in _CUT.finditer(text, start, end):
        pieces.append(Span(piece_start, match.start()))
        piece_start = match.end()
    pieces.append(Span(piece_start, end))
    out = []
    for piece in pieces:
        s, e = piece.start, piece.end
        while True:
            while s < e and text[s] in EDGE:
                s += 1
            while e > s and text[e - 1] in EDGE:
                e -= 1
            possessive = _POSSESSIVE.search(text, s, e)
            if possessive is None or possessive.start() == s:
                break
            e = possessive.start()
        if e > s and any(c.isalnum() for c in text[s:e]):
            out.append(Span(s, e))
    return out


def person_end(text: str, start: int, end: int) -> int:
    """Where a tagged person's name ends when numbers follow it in the span: "Mei-Lin
    Ashcroft 6-4" (a score) is "Mei-Lin Ashcroft"; no word of a person's name holds a
    digit. ``end`` itself for most spans (their last character is no digit)."""
    while text[end - 1].isdigit():
        space = text.rfind(" ", start, end)
        if space <= start:
            break
        end = space
        while end > start and text[end - 1] in EDGE:
            end -= 1
    return end


class Bounds:
    """Spans as (start, end) or (start, end, uncleaned), sorted, for quick overlap tests.
    A span marked uncleaned is a tagger's raw span: it overlaps only if one of the pieces
    :func:`clean_entity` makes of it does."""

    def __init__(self, spans: Iterable[tuple[int, int] | tuple[int, int, bool]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s[0] for s in self.spans]
        ends = [s[1] for s in self.spans]
        self.disjoint = all(map(le, ends, self.starts[1:]))
        """No span overlaps the next (a tagger's spans): ends grow with starts."""
        self.longest = max((s[1] - s[0] for s in self.spans), default=0)

    def hits(self, start: int, end: int) -> bool:
        """Whether a span overlaps ``[start, end)``, when every span is cleaned (no flag).

        Disjoint spans (a tagger's): only the last one starting before ``end`` can, as
        the ends grow with the starts."""
        if self.disjoint:
            i = bisect_left(self.starts, end) - 1
            return i >= 0 and self.spans[i][1] > start
        return self.overlaps(start, end, "")

    def overlaps(self, start: int, end: int, text: str) -> bool:
        spans = self.spans
        if self.disjoint:  # back from the last span starting before ``end``
            i = bisect_left(self.starts, end) - 1
            while i >= 0 and spans[i][1] > start:
                if _overlap(spans[i], start, end, text):
                    return True
                i -= 1
            return False
        for i in range(bisect_left(self.starts, start - self.longest), len(spans)):
            other = spans[i]
            if other[0] >= end:
                return False
            if other[1] > start and _overlap(other, start, end, text):
                return True
        return False


def _overlap(span: tuple[int, int] | tuple[int, int, bool], start: int, end: int,
             text: str) -> bool:
    """Whether ``span``, known to overlap [start, end), still does once cleaned."""
    return len(span) == 2 or not span[2] or any(
        p.start < end and start < p.end for p in clean_entity(text, span[0], span[1]))


def capitalised_end(text: str, start: int, end: int) -> int:
    """Where the span's last capitalised word ends: a tagger may take the honorific after
    a name into it ("Tofig" of "Tofig muallim")."""
    while (space := text.rfind(" ", start, end)) > start and text[space + 1 : end].islower():
        end = space
    return end


__all__ = ["EDGE", "HYPHENS", "LINE_BREAK", "POSSIBLE_ENDS", "Bounds", "capitalised_end",
           "clean_entity", "hyphen_fragment"]
