"""Decide, for every quotation-mark character in a text, whether it may open or close a quote.

The decision looks only at the neighbouring characters (a mark that follows a
space and precedes a letter opens; one that follows a letter and precedes a space
or punctuation closes), the rule CoreNLP's quote annotator and typographers use.
Apostrophes inside words (``don't``, ``Kerry’s``) and before years or clipped
words (``'90s``, ``rock 'n' roll``, ``'em``) are dropped here, so they never pair,
except at a clause start outside any quote, where the pairing may let them open
(``'Tis the season,' she said``). Tokenised text (``he said , " yes , "``) spaces its
marks off their words, so there a spaced mark still counts.
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
_INVISIBLE = INVISIBLE + "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Zero-width characters, and the invisible direction marks (left-to-right embedding and the
like) that web copy puts before a paragraph: next to a mark, they count as a space."""
_SPACED_CLOSE_AFTER = frozenset(",.!?;:…")
"""Punctuation after which a spaced mark may close a quote (``this, " Trump said``)."""
_CLAUSE_BEFORE = frozenset(".!?…:;,—–-(")
"""What may stand before a clipped word (after a space) that starts a clause: there, an
apostrophe-led word ("'Tis the season,' she said") may be the quote's own opening mark."""
_APOSTROPHE_FAMILIES = frozenset({"single", "grave"})
"""Families whose marks double as apostrophes (``'``, ``’``, the typewriter backquote)."""
_MAY_QUOTE, _APOSTROPHE, _WEAK = 0, 1, 2
"""What :func:`_apostrophe_kind` says of a single mark: a quotation mark; an apostrophe; or
an apostrophe before a clipped word at a clause start, which opens a quote only where no
quote is open."""


@cache
def _clipped_pattern(words: frozenset[str]) -> regex.Pattern[str]:
    """Words that start with an apostrophe rather than a quotation mark: the lexicon's
    clipped words, and the ``n`` of rock 'n' roll and rock 'n roll."""
    listed = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"n['’]?(?=\s)|(?:{listed or '(?!)'})\b", regex.I)


class MarkToken(NamedTuple):
    """One quotation mark found in the text, with what its context allows it to do (a
    named tuple, as a text may hold one per character: docs/batch.md, "Where the time
    goes")."""

    start: int
    end: int
    mark: str
    family: str
    can_open: bool
    can_close: bool
    also_closes: frozenset[str]
    weak: bool = False
    """An apostrophe that may open a quote only where no quote is open ('Tis, '90s)."""


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
    character instead of a regex scan, since quotation marks are rare (the cost:
    docs/batch.md, "Where the time goes").
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
    clipped = _clipped_pattern(lexicon.clipped_words)
    found: list[MarkToken] = []
    n = len(text)
    tokenised: bool | None = None  # worked out at the first spaced mark only
    for start, matched in _closing_runs_first(text, _mark_matches(text, marks), table):
        end = start + len(matched)
        if len(matched) == 2 and _splits_before_clipped(text, matched, end, clipped):
            matched, end = matched[0], end - 1  # ''Tis: an opening mark, then an apostrophe
        info = table[matched]
        before = text[start - 1] if start else ""
        after = text[end] if end < n else ""
        # Whether each neighbour is a break (text edge, space, invisible), once per mark;
        # the text edge "" needs no test of its own: it is in INVISIBLE.
        before_break = before.isspace() or before in _INVISIBLE
        after_break = after.isspace() or after in _INVISIBLE
        weak = False
        if info.family in _APOSTROPHE_FAMILIES:
            kind = _apostrophe_kind(text, start, end, before, after, before_break, after_break,
                                    clipped)
            if kind == _APOSTROPHE:
                continue
            weak = kind == _WEAK
            if before_break and not weak and _CLITIC.match(text, end, concurrent=False):
                if tokenised is None:
                    tokenised = _TOKENISED.search(text, concurrent=False) is not None
                if tokenised:
                    continue  # `` I 'm tired , '' -- a clitic split off its word
        direction = info.direction
        if before.isdigit() and direction == "either" and _after_feet(text, start):
            continue  # 5'10": an inch sign
        if weak:
            can_open, can_close = True, False
        else:
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
                elif last and last in _SPACED_CLOSE_AFTER and after_break:
                    # 'this, " Trump said' closes; 'said, " We go."' opens: the pairing decides
                    right_flanking = True
                    left_flanking = direction == "either"
            if direction == "either":
                if before and before in ",.!?;" and after.isalpha():
                    right_flanking = True  # 'audiences,"Katie' -- a closer glued to the next word
                    if before in ".!?" and after.isupper():
                        left_flanking = True  # 'authorities."We' -- or an opener, unspaced
                elif before_break and after_break and not right_flanking:
                    # A spaced " or '' is an inch sign or a stray, except in tokenised text
                    # (`` he said , '' ...), where every mark stands apart from its words.
                    if tokenised is None:
                        tokenised = _TOKENISED.search(text, concurrent=False) is not None
                    right_flanking = tokenised
                    left_flanking = tokenised and info.family not in _APOSTROPHE_FAMILIES
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
            # info.mark is the table's own string, shared by every mark of that kind
            found.append(MarkToken(start, end, info.mark, info.family, can_open, can_close,
                                   info.also_closes, weak))
    return tuple(found)


def _closing_runs_first(
    text: str, matches: list[tuple[int, str]], table: Mapping[str, QuoteMark]
) -> list[tuple[int, str]]:
    """Three apostrophes after a word (``it,''' he said``) close a single quote, then a
    double one: ``'`` then ``''``. The longest match first (``''`` then ``'``) fits only
    where the run opens (``'''College Bowl,'' he said``)."""
    out = matches
    for k in range(len(matches) - 1):
        start, mark = matches[k]
        if (len(mark) == 2 and mark[0] == mark[1] and matches[k + 1] == (start + 2, mark[0])
                and mark[0] in table and start and not text[start - 1].isspace()):
            if out is matches:
                out = list(matches)
            out[k], out[k + 1] = (start, mark[0]), (start + 1, mark)
    return out


_TOKENISED = regex.compile(r"[^\s.] [,;:!?](?= |$)|[^\s.] \.(?= [^.]|$)|`` \w", regex.M)
"""Spaced-off punctuation (``word , word``, ``word .``, not an ellipsis ``. . .``): text split
into tokens, as in research corpora (Penn Treebank style), where quotation marks stand apart
from words too."""


_CLITIC = regex.compile(r"(?:s|m|d|ll|re|ve)(?=\s|$)", regex.I)
"""The clitics a tokeniser splits off with their apostrophe (``Let 's``, ``I 'm``)."""


def _splits_before_clipped(
    text: str, matched: str, end: int, clipped: regex.Pattern[str]
) -> bool:
    """True for a doubled single mark (``''`` or ``‘‘``) before a clipped word or a year
    (``''Tis``, ``‘‘90s``) with no second doubled mark later on the line to close it: one
    opening mark and the word's apostrophe, not a double opener."""
    if matched[0] != matched[1] or end >= len(text):
        return False
    nxt = text[end]
    if not (nxt.isdigit() or (nxt.isalpha() and clipped.match(text, end, concurrent=False))):
        return False
    closer = text.find(matched, end)  # the next doubled mark, not the line end: linear
    return closer < 0 or text.find("\n", end, closer) >= 0


def _after_feet(text: str, start: int) -> bool:
    """True when the mark at ``start`` follows feet and inches (``5'10``, ``6’2``)."""
    j = start - 1
    while j > 0 and text[j].isdigit() and start - j <= 2:
        j -= 1
    return j < start - 1 and j >= 1 and text[j] in "'’′" and text[j - 1].isdigit()


def _apostrophe_kind(
    text: str, start: int, end: int, before: str, after: str, before_break: bool,
    after_break: bool, clipped: regex.Pattern[str],
) -> int:
    """Whether a single mark is an apostrophe: inside a word, before a year or a clipped
    word (_APOSTROPHE, or _WEAK at a clause start), or may be a quotation mark."""
    if before.isalnum() and after.isalnum():
        return _APOSTROPHE  # don't, Kerry’s, O'Neill
    if after.isdigit() or (after.isalpha() and clipped.match(text, end, concurrent=False)):
        if before_break or before == "(":
            return _WEAK if _at_clause_start(text, start) else _APOSTROPHE  # 'em, '90s
        if not before.isalnum():
            return _APOSTROPHE  # ‘’Tis, -'90s: a mark before it is the opener
    # rock 'n' roll: the second mark
    if before == "n" and start >= 2 and text[start - 2] in "'’" and after_break:
        return _APOSTROPHE
    return _MAY_QUOTE


def _at_clause_start(text: str, start: int) -> bool:
    """True at the start of the text, or after a clause break and white space (line breaks
    included: hard-wrapped text breaks lines mid-sentence)."""
    words = text[max(0, start - 40) : start].rstrip()
    return not words or words[-1] in _CLAUSE_BEFORE
