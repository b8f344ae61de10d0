"""A tagged person's name completed by the built-in finder's reading of the words beside it.

A small tagger often leaves part of a person's name out of its span: the given name before
it ("Dr Ilse" then a tagged "Kaarna-Bright", "Independent TD Marian" then
"Fitzgerald-Quinn", "Bir" then "Bahadur Gurung", "Marites" then "Dela Cruz"), or the
surname after it ("Mr. Ikenna" tagged, then "Obi"). The finder reads the whole run of
capitalised words as the embedded path does, titles and roles cut off; where its name is a
person's that holds the tagged span and more, the tagged span takes the finder's bounds
(:func:`widened`). A run of titles alone before a tagged name ("Mr.", "Prime Minister")
is never read: the tagged name stands as it is.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from ..annotation import EntityLabel
from ..lexicon import Lexicon, word_list
from .name_words import Word

Joined = tuple[int, int, list[Word]]
"""A tagged name's bounds and the finder's run of capitalised words with it."""


def only_titles(run: list[Word], lexicon: Lexicon) -> bool:
    """Whether every word of ``run`` is a title ("Mr.", "Prime Minister", "Dr"): the run
    before a tagged name is then that name's title, and nothing is read."""
    return all(lexicon.is_title(word.low) for word in run)


def widened(text: str, found: set[tuple[int, int, EntityLabel]], joined: list[Joined],
            classified: Callable[[str, list[Word]], tuple[int, int, EntityLabel] | None],
            lexicon: Lexicon,
            tagged_other: Callable[[int, int], bool]) -> set[tuple[int, int, EntityLabel]]:
    """``found`` with each tagged person of ``joined`` given the bounds of the finder's
    name for its run, when that name holds the tagged span and more and is a person's, or
    a name of unknown kind that adds one plain word before it ("Rógvi á" before a tagged
    "Lakjuni"). Words the tagger gave another type ("In Paris Macron said") are not
    added (``tagged_other``: whether a span overlaps such a tagged span)."""
    for start, end, run in joined:
        if (start, end, "ORG") in found:
            _body_widened(text, found, start, end, run, classified, lexicon, tagged_other)
            continue
        if (start, end, "PERSON") not in found:
            continue  # a place's span, or one already cut or dropped
        entity = classified(text, run)  # the finder's name: start, end and label
        if entity is None or entity[2] not in ("PERSON", "MISC"):
            continue
        s, e, label = entity
        if label == "MISC" and not (e == end and s == run[0].start and (
                run[1].start == start and _plain_word(run[0].low, lexicon))):
            continue
        if s <= start and e >= end and (s, e) != (start, end) and not (
                s < start and tagged_other(s, start) or e > end and tagged_other(end, e)
                or any(_abbreviation(w.text) for w in run if s <= w.start < start)):
            found.discard((start, end, "PERSON"))
            found.add((s, e, "PERSON"))
    return found


def _body_widened(text: str, found: set[tuple[int, int, EntityLabel]], start: int, end: int,
                  run: list[Word],
                  classified: Callable[[str, list[Word]], tuple[int, int, EntityLabel] | None],
                  lexicon: Lexicon, tagged_other: Callable[[int, int], bool]) -> None:
    """A tagged body whose name the finder reads on from plain capitalised words before
    it takes the finder's bounds: "Athletic Sporting" before a tagged "Lusaka" (a club
    named for its city), "Manchester" before a tagged "United"."""
    entity = classified(text, run)
    if entity is None or entity[2] not in ("ORG", "MISC"):
        return
    s, e, _ = entity
    if s < start and e == end and not tagged_other(s, start) and all(
            _plain_word(w.low, lexicon) for w in run if s <= w.start < start) and (
            not _title_case_line(text, s, e)):
        found.discard((start, end, "ORG"))
        found.add((s, e, "ORG"))


def _title_case_line(text: str, start: int, end: int) -> bool:
    """Whether the line around ``[start, end)`` capitalises every word of four letters or
    more, as a headline does ("Elizabeth Warren Hammers Wells Fargo CEO"): its capitals
    say nothing of where a name ends."""
    line_end = text.find("\n", end)
    line = text[text.rfind("\n", 0, start) + 1 : len(text) if line_end < 0 else line_end]
    return all(not w[:1].islower() for w in line.split() if len(w) >= 4)


_HYPHEN_TAIL = regex.compile(r"-(\p{Ll}{2,6})(?![\p{L}\p{N}-])")
"""The lower-case second half of a hyphenated given name ("-ling" of "Siu-ling")."""
_NOT_NAME_TAILS = frozenset(word_list("hyphen_suffixes"))
"""Halves that make a word of a name ("Smith-led", "Tauranga-based"), from the lexicon."""


def hyphen_tail_end(text: str, start: int, end: int) -> int:
    """Where a tagged person of two words or more ends with the lower-case half of a
    hyphenated given name the tagger cut off ("Doris Fung Siu" of "Doris Fung Siu-ling",
    "Kim Ji" of "Kim Ji-hoon"); ``end`` when there is none."""
    tail = _HYPHEN_TAIL.match(text, end)
    if tail is None or " " not in text[start:end] or tail[1] in _NOT_NAME_TAILS:
        return end
    return tail.end()


_INITIALS = regex.compile(r"(?:\p{Lu}\.)+")


def _abbreviation(word: str) -> bool:
    """A shortened word ("Del.", "Sen.", "Gov."), which the finder may leave in a name it
    has no title for; initials ("C.", "R.M.") are a name's own."""
    return word.endswith(".") and _INITIALS.fullmatch(word) is None


def _plain_word(low: str, lexicon: Lexicon) -> bool:
    """A word that may be a given name the lexicon lacks: no title, role, body's word or
    function word."""
    return not (lexicon.is_title(low) or low in lexicon.role_nouns or low in lexicon.org_words
                or low in lexicon.function_words)


__all__ = ["Joined", "hyphen_tail_end", "only_titles", "widened"]
