"""Sentences by rule: a sentence ends at a run of ``.``, ``!``, ``?`` or ``…`` (and any
closing marks) before white space and a capital or digit, except after an abbreviation
or a title ("Mr. Smith", "the U.S. Army").

Every paragraph of a text is split in one pass: the full stops and other marks are found
by ``str.find`` (a C scan far cheaper per character than a regex search for a set of
characters), and the sentence-end pattern is only tried where one stands.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

import regex

from ..lexicon import Lexicon
from ..spans import Span
from .name_words import class_of

# Calls into ``regex`` pass concurrent=False: see embedded.py.
_MARKS = ".!?…"
"""The characters a sentence's end starts with (the first character class of _SENTENCE_END)."""
SENTENCE_END = regex.compile(
    r"""[.!?…]+["'”’»)\]]*(?=\s+["“‘'(\[«\-—–]?[\p{Lu}\p{N}])"""
)
_WORD_BEFORE = regex.compile(r"(?r)(\S+)\Z")  # (?r): searched from the end
OPENERS = "\"“‘'([«-—–"
"""What may open a word, after white space, in NEXT_WORD."""
NEXT_WORD = regex.compile(r"\s+[" + regex.escape(OPENERS) + r"]?([\p{L}\p{N}][\p{L}\p{N}.'’-]*)")
INITIALISM = regex.compile(r"(?:\p{L}\.)+\Z")
_OPENER_SET = frozenset(OPENERS)


def next_word_may_open(text: str, end: int, heads: frozenset[str], n: int) -> bool:
    """Whether the word :data:`NEXT_WORD` reads after ``end`` may open with one
    of ``heads`` (strings of ``n`` characters), told by string methods, no regex call:
    ``isspace`` holds for every character ``\\s`` matches, and one opening mark may stand
    before the word. True when the 40 characters after ``end`` cannot tell."""
    rest = text[end : end + 40].lstrip()
    if rest[:1] in _OPENER_SET:
        rest = rest[1:]
    return len(rest) <= n or rest[:n] in heads


_FAST_END: list[re.Pattern[str]] = []
""":data:`SENTENCE_END` in ``re``, for text of common characters (see :func:`_fast_end`)."""


def _fast_end() -> re.Pattern[str]:
    """:data:`SENTENCE_END` for text of which :func:`.name_words.common_text` holds, in
    ``re`` (its classes drawn from ``regex``): a ``regex`` call costs some 2,000
    instructions more, and there is one per full stop. Made at the first such text."""
    if not _FAST_END:
        space, capital = class_of(r"\s"), class_of(r"[\p{Lu}\p{N}]")
        _FAST_END.append(re.compile(
            "[.!?…]+[\"'”’»)\\]]*(?=[" + space + "]+[\"“‘'(\\[«\\-—–]?[" + capital + "])"))
    return _FAST_END[0]


def _mark_positions(text: str) -> list[int]:
    """Where each of ``_MARKS`` stands in ``text``, in order."""
    found: list[int] = []
    kinds = 0
    for mark in _MARKS:
        i = text.find(mark)
        if i >= 0:
            kinds += 1
        while i >= 0:
            found.append(i)
            i = text.find(mark, i + 1)
    if kinds > 1:
        found.sort()
    return found


class SentenceSplitter:
    """Splits paragraphs into sentences with the abbreviations and titles of a lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        abbreviations = lexicon.abbreviations
        self._abbreviation_tails = frozenset(
            {a[-3:] for a in abbreviations} | {a[-4:] for a in abbreviations}
        )
        """The last three and four characters of every abbreviation (see _ends_sentence)."""

    def split(self, text: str, paragraphs: tuple[Span, ...] | list[Span],
              common: bool = False) -> list[Span]:
        """The sentences of every paragraph (in order, and in order within each).

        What a ``SENTENCE_END.finditer`` over each paragraph would find: a match can only
        start at one of the marks, one that fails there fails at every mark of the same run
        (the same closing marks and white space must follow the run), and the search goes
        on after a match's end, so marks inside a match are passed over.
        ``common``: :func:`.name_words.common_text` holds for ``text`` (the pattern then
        runs on ``re``)."""
        marks = _mark_positions(text)
        count = len(marks)
        i = 0
        out: list[Span] = []
        match_end: Callable[[str, int, int], re.Match[str] | regex.Match[str] | None] = (
            _fast_end().match if common else partial(SENTENCE_END.match, concurrent=False))
        ends_sentence = self._ends_sentence
        for para in paragraphs:
            start, para_end = para.start, para.end
            while i < count and marks[i] < start:
                i += 1
            resume = start
            while i < count:
                stop = marks[i]
                if stop + 3 > para_end:
                    break  # no room for the mark, white space and a capital: no end
                i += 1
                if stop < resume or text[stop + 1].isalnum():
                    continue  # inside the last match, or a mark inside a word or number
                match = match_end(text, stop, para_end)
                if match is None:
                    continue
                end = resume = match.end()
                if not ends_sentence(text, stop, end, para):
                    continue
                if end > start:
                    out.append(Span(start, end))
                start = end
                while start < para_end and text[start].isspace():
                    start += 1
            if start < para_end:  # a paragraph of one sentence: its own span (a frozen one)
                out.append(para if start == para.start else Span(start, para_end))
        return out

    def _ends_sentence(self, text: str, stop: int, after_stop: int, para: Span) -> bool:
        if text[stop] != ".":
            return True
        # Most full stops follow a word too long, or ending in letters, that no abbreviation
        # ends with; the last two or three characters tell, without the regex calls.
        # (ASCII letters and digits: no initialism ends so, and lower() maps them alone.)
        tail = text[max(para.start, stop - 3) : stop]
        if len(tail) == 3 and not tail.isalnum():
            tail = tail[1:]
        if (len(tail) >= 2 and tail.isascii() and tail.isalnum()
                and tail.lower() + "." not in self._abbreviation_tails):
            return True
        word_match = _WORD_BEFORE.search(text, max(para.start, stop - 100), stop + 1,
                                         concurrent=False)
        word = word_match.group(1).lower() if word_match else ""
        word = word.lstrip("\"“‘'([«").rstrip(")]")
        word = word.rsplit("-", 1)[-1]  # (R-Fla.) ends with the abbreviation "fla."
        lex = self.lexicon
        if word in lex.abbreviations or INITIALISM.fullmatch(word, concurrent=False):
            # "Mr. Smith" never ends; "in the U.S. The" does when a function word follows.
            is_title = word in lex.titles
            next_match = NEXT_WORD.match(text, after_stop, para.end, concurrent=False)
            next_word = next_match.group(1).lower() if next_match else ""
            return not is_title and next_word in lex.function_words
        return True


__all__ = ["INITIALISM", "NEXT_WORD", "OPENERS", "SENTENCE_END", "SentenceSplitter",
           "next_word_may_open"]
