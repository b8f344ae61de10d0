"""Decide, for every quotation-mark character in a text, whether it may open or close a quote.

The decision looks only at the neighbouring characters (a mark that follows a
space and precedes a letter opens; one that follows a letter and precedes a space
or punctuation closes), the rule CoreNLP's quote annotator and typographers use.
Apostrophes inside words (``don't``, ``Kerry’s``) and before decades or clipped
words (``'90s``, ``rock 'n' roll``) are dropped here, so they never pair.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import NamedTuple

import regex

from .lexicon import Lexicon, QuoteMark
from .spans import INVISIBLE

# concurrent=False on ``regex`` calls: see the note in annotators/embedded.py.

_OPEN_BEFORE = frozenset("([{<—–-/:;,=*|\u00a0")
"""Characters after which a mark may still open a quote (besides space and line start)."""
_CLOSE_AFTER = frozenset(".,;:!?)]}>—–-…/*|\u00a0")
"""Characters before which a mark may still close a quote (besides space and line end)."""
_CLIPPED_WORDS = regex.compile(r"n['’](?=\s)|(?:em|til|cause|tis|twas|bout|round|nuff)\b", regex.I)
"""Words that start with an apostrophe rather than a quotation mark."""


class MarkToken(NamedTuple):
    """One quotation mark found in the text, with what its context allows it to do (a
    named tuple: a text may hold one per character, and tuples are smaller and quicker
    to make than frozen dataclasses)."""

    start: int
    end: int
    mark: str
    family: str
    can_open: bool
    can_close: bool
    also_closes: frozenset[str]


@cache
def _mark_pattern(marks: tuple[str, ...]) -> regex.Pattern[str]:
    alternatives = sorted(marks, key=len, reverse=True)
    return regex.compile("|".join(regex.escape(m) for m in alternatives))


@cache
def _marks_by_first_char(marks: tuple[str, ...]) -> dict[str, tuple[str, ...]] | None:
    """The marks under each first character, longest first (the order of
    :func:`_mark_pattern`'s alternatives); None when a mark is empty."""
    if "" in marks:
        return None
    out: dict[str, tuple[str, ...]] = {}
    for mark in sorted(marks, key=len, reverse=True):
        out[mark[0]] = (*out.get(mark[0], ()), mark)
    return out


def _mark_matches(text: str, marks: tuple[str, ...]) -> list[tuple[int, str]]:
    """Where ``_mark_pattern(marks).finditer(text)`` matches, and which mark: the start
    and the mark's string for each match, in text order.

    The same leftmost, non-overlapping matches, found by ``str.find`` of each first
    character instead: a regex scan costs some 80-200 instructions per character of
    text, and quotation marks are rare (fewer than one character in a hundred).
    """
    by_first = _marks_by_first_char(marks)
    if by_first is None:  # an empty mark matches everywhere: leave that to the regex
        return [(m.start(), m.group())
                for m in _mark_pattern(marks).finditer(text, concurrent=False)]
    starts: list[int] = []
    find = text.find
    for first in by_first:
        i = find(first)
        while i >= 0:
            starts.append(i)
            i = find(first, i + 1)
    starts.sort()
    out: list[tuple[int, str]] = []
    free = 0  # where the last match ended: matches do not overlap
    for start in starts:
        if start < free:
            continue
        for mark in by_first[text[start]]:
            if text.startswith(mark, start):
                out.append((start, mark))
                free = start + len(mark)
                break
    return out


_TABLES: dict[int, tuple[Mapping[str, QuoteMark], tuple[str, ...], frozenset[str]]] = {}
"""Per quote-mark table (by id; the entry holds the table, so the id stays its own): the
marks sorted and every character of them, worked out once instead of for every text."""


def _marks_of(table: Mapping[str, QuoteMark]) -> tuple[tuple[str, ...], frozenset[str]]:
    """The marks of ``table`` sorted, and the characters they are made of."""
    entry = _TABLES.get(id(table))
    if entry is None or entry[0] is not table:
        entry = _TABLES[id(table)] = (table, tuple(sorted(table)), frozenset("".join(table)))
    return entry[1], entry[2]


def find_marks(text: str, lexicon: Lexicon) -> tuple[MarkToken, ...]:
    """Every quotation mark in ``text`` that could open or close a quote, in text order."""
    table = lexicon.quote_marks
    marks, mark_chars = _marks_of(table)
    found: list[MarkToken] = []
    n = len(text)
    for start, matched in _mark_matches(text, marks):
        end = start + len(matched)
        info = table[matched]
        before = text[start - 1] if start else ""
        after = text[end] if end < n else ""
        # Whether each neighbour is a break (text edge, space, invisible), once per mark;
        # the text edge "" needs no test of its own: it is in INVISIBLE.
        before_break = before.isspace() or before in INVISIBLE
        after_break = after.isspace() or after in INVISIBLE
        if info.family == "single" and not _single_may_be_quote(
            text, start, end, before, after, before_break, after_break
        ):
            continue
        left_flanking = not after_break and (
            before_break or before in _OPEN_BEFORE or before in mark_chars
        )
        right_flanking = not before_break and (
            after_break or after in _CLOSE_AFTER or after in mark_chars
        )
        if not right_flanking and before == " ":
            last = text[max(0, start - 40) : start].rstrip()[-1:]
            if last and last in mark_chars:
                right_flanking = True  # 'term,' " -- a closer spaced off an inner closer
        direction = info.direction
        if direction == "either" and before and before in ",.!?;" and after.isalpha():
            right_flanking = True  # 'audiences,"Katie' -- a closer glued to the next word
        if direction == "open":
            can_open, can_close = True, right_flanking and not left_flanking
        elif direction == "close":
            at_line_start = before in ("", "\n", "\r")
            can_open, can_close = at_line_start or (left_flanking and not right_flanking), True
        else:
            can_open, can_close = left_flanking, right_flanking
            if not can_open and not can_close and not (before_break and after_break):
                # Glued on both sides (word"word): let the pairing decide.
                can_open = can_close = True
        if can_open or can_close:
            # info.mark is the table's own string: a "“" per mark would cost 76 bytes each
            found.append(MarkToken(start, end, info.mark, info.family, can_open, can_close,
                                   info.also_closes))
    return tuple(found)


def _single_may_be_quote(
    text: str, start: int, end: int, before: str, after: str, before_break: bool,
    after_break: bool,
) -> bool:
    """False for apostrophes: inside words, before decades and clipped words."""
    if before.isalnum() and after.isalnum():
        return False  # don't, Kerry’s, O'Neill
    if after.isdigit() and (before_break or not before.isalnum()):
        return False  # '90s, ’16
    if (before_break or before in "(") and _CLIPPED_WORDS.match(text, end, concurrent=False):
        return False  # 'em, rock 'n' roll (the first mark)
    # rock 'n' roll: the second mark
    return not (before == "n" and start >= 2 and text[start - 2] in "'’" and after_break)
