"""The evidence a name of the built-in finder needs on the parse path beside a tagger's.

:func:`~.names.combine_entities` adds a name the finder reads where the tagger saw none
only on evidence a journalist would accept; each test here is one kind: a speech verb
beside it, a dash credit line, a title before it, a given name then described, a given
name joined by "and" to a tagged person. Cheap tests on the text around the name, as
they run for every finder's name the tagger missed.
"""

from __future__ import annotations

from typing import Any

import regex

from ..lexicon import Lexicon
from .own_names import OwnNames
from .owner_caches import cache_of
from .tagged_spans import Bounds

_GAP = r"(?:[ \t\u00a0]+|[ \t\u00a0]*\r?\n[ \t\u00a0]*)"
"""Space between two words of one sentence: a hard-wrapped line's break, never a blank line."""
_SPEECH_AFTER = regex.compile(r"[ \t\u00a0]*,?" + _GAP + r"(\p{Ll}+)\b")
_SPEECH_BEFORE = regex.compile(r"(?r)\b(\p{Ll}+),?" + _GAP + r"\Z")
_SPEECH_AFTER_FIRST = frozenset(" \t\u00a0,\r\n")
"""The characters :data:`_SPEECH_AFTER` can start with (one of them must be there)."""
_SPEECH_BEFORE_LAST = frozenset(" \t\u00a0\n")
"""The characters a gap before the name (in :data:`_SPEECH_BEFORE`) can end with."""


def beside_speech_verb(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """``Okafor said``, ``said Okafor``, ``says Okafor,``: a speech verb right beside it.
    A weak one ("spoke", "resumed", "returned") counts only beside a name of several words
    ("Ana Duarte spoke"): one capitalised word before it may be any noun ("Ferries
    resumed"). The name is ``text[start:end]``."""
    several = " " in text[start:end].strip()
    verbs = lexicon.speech_verbs if several else lexicon.strong_speech_verbs
    last = _LAST_VERB_ENDS  # the lexicon asked about last, read without a call
    heads, tails, n = last[1] if last[0] is lexicon else _verb_ends(lexicon)
    # Each regex runs only where the word it would read can be a verb: the word after the
    # name opens at the first character past the gap (and comma), the one before it ends
    # at the last one before them, so its first or last ``n`` letters must be some speech
    # verb's (:func:`_verb_ends`).
    if text[end : end + 1] in _SPEECH_AFTER_FIRST and (  # else no verb can follow
            text[end : end + 40].lstrip(_SPEECH_GAP)[:n] in heads):
        after = _SPEECH_AFTER.match(text, end, min(len(text), end + 40))
        if after is not None and after.group(1) in verbs:
            return True
    if text[start - 1 : start] not in _SPEECH_BEFORE_LAST or (
            text[max(0, start - 40) : start].rstrip(_SPEECH_GAP)[-n:] not in tails):
        return False
    before = _SPEECH_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and before.group(1) in verbs


_SPEECH_GAP = " \t\u00a0,\r\n"
"""The characters between a name and a speech verb beside it (:data:`_SPEECH_AFTER` and
:data:`_SPEECH_BEFORE` read at most these before the verb)."""
_VERB_ENDS: dict[int, tuple[Any, dict[int, tuple[frozenset[str], frozenset[str], int]]]] = {}


def _verb_ends(lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str], int]:
    """The first and the last ``n`` letters of every speech verb of ``lexicon`` that a
    pattern's ``\\p{Ll}+`` can read (``n``: the shortest such verb's length, at most four),
    and ``n``: made once per lexicon."""
    cache = cache_of(_VERB_ENDS, lexicon)
    held = cache.get(0)
    if held is None:
        verbs = {v for v in (*lexicon.speech_verbs, *lexicon.strong_speech_verbs)
                 if v.isalpha() and v.islower()}
        n = min(4, *map(len, verbs)) if verbs else 1
        held = cache[0] = (frozenset(v[:n] for v in verbs), frozenset(v[-n:] for v in verbs), n)
    global _LAST_VERB_ENDS  # noqa: PLW0603 - a one-slot memo, replaced whole
    _LAST_VERB_ENDS = (lexicon, held)
    return held


_LAST_VERB_ENDS: tuple[Any, tuple[frozenset[str], frozenset[str], int]] = (
    None, (frozenset(), frozenset(), 1))
"""The lexicon :func:`_verb_ends` answered last, and its answer (one tuple, replaced
whole, so that a thread reads a lexicon with its own answer)."""


_CREDIT_BEFORE = regex.compile(r"(?r)[―—–-][ \t\u00a0]*\Z")
_CREDIT_AFTER = regex.compile(r"[ \t\u00a0.,]*(?:$|\n|\r)", regex.MULTILINE)
_CREDIT_AFTER_FIRST = frozenset(("", " ", "\t", "\u00a0", ".", ",", "\n", "\r"))
"""What may follow a credit line's name: the text's end, or a character of :data:`_CREDIT_AFTER`."""


def credited(text: str, start: int, end: int) -> bool:
    """A credit line: the name after a dash, ending its line ("― Okafor" under a quote)."""
    # _CREDIT_BEFORE's test in string methods: the last character before the name that is
    # no space or tab is a dash (``_DASHES``), within four characters.
    return (text[end : end + 1] in _CREDIT_AFTER_FIRST  # the cheap test first
            and text[max(0, start - 4) : start].rstrip(" \t\u00a0")[-1:] in _DASHES
            and _CREDIT_AFTER.match(text, end) is not None)


_DASHES = frozenset("―—–-")
"""The dashes of :data:`_CREDIT_BEFORE`."""


def joined_to_person(text: str, start: int, end: int, kept: Bounds, lexicon: Lexicon) -> bool:
    """A given name joined to a tagged name by "and": "Pavel" in "Pavel and Jana Tesar"
    (the couple's shared surname written once), where the tagger took only the second."""
    if not text.startswith((" and ", " & "), end) or text[start:end].lower() not in (
        lexicon.first_names
    ):
        return False
    after = end + (5 if text[end + 1] == "a" else 3)
    return kept.hits(after, after + 1)


def not_a_name(word: str, lexicon: Lexicon) -> bool:
    """A capitalised pronoun or function word ("She", "But"): never a name added here."""
    low = word.lower()
    return low in lexicon.pronouns or low in lexicon.function_words


def has_title(text: str, start: int, lexicon: Lexicon) -> bool:
    """A title word right before the name: "Sen. Okafor", "Mr Lloyd"."""
    head = text[max(0, start - 30) : start].rstrip()
    if len(head) == start - max(0, start - 30):
        return False  # no space before the name
    word = head.rsplit(None, 1)[-1].lower() if head.split() else ""
    return lexicon.is_title(word)


def defined_abbreviation(text: str, start: int, end: int) -> bool:
    """An abbreviation in brackets right after the capitalised words it shortens: "The
    Municipal Chief Executive (MCE)", "the Electoral Commission (EC)". The text defines it
    as a name, and it recurs as one ("the MCE added") where a tagger often misses it."""
    return (text[start - 1 : start] == "(" and text[end : end + 1] == ")"
            and end - start > 1 and text[start:end].isupper()
            and text[start - 3 : start - 2].isalpha()
            and _CAPITALISED_BEFORE.search(text, max(0, start - 40), start - 1) is not None)


_CAPITALISED_BEFORE = regex.compile(r"(?r)\b\p{Lu}[\p{L}.'’-]*[ \t\u00a0]*\Z")


RELATIVE_AFTER = (", who ", ", whose ")
"""A relative clause after a name, said only of a person: "Carmen, who asked that her
surname not be published,"."""
APPOSITIVE_AFTER = (", a ", ", an ", ", the ")
"""An appositive's opening after a name: "Priya, a student who ..."."""
_DESCRIBED_AFTER = RELATIVE_AFTER + APPOSITIVE_AFTER
"""What follows a person named by a given name alone and then described."""


def given_name_described(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """A given name of the lexicon's followed by a relative clause or an appositive: a
    person the reporter names by first name only, whom a tagger often misses."""
    return text.startswith(_DESCRIBED_AFTER, end) and (
        text[start:end].lower() in lexicon.first_names)



_NICKNAME_AFTER = regex.compile(r" [\"“‘'][\p{Lu}\p{Ll}][\p{L}\p{N}-]*[\"”’'] \p{Lu}")
"""After a given name: a nickname in quotation marks, then the surname (' "Vulto" F')."""
_OPENING_MARKS = frozenset("\"“‘'")
"""The marks :data:`_NICKNAME_AFTER` opens a nickname with (after one space)."""
_NICKNAME_AROUND = regex.compile(r"(?r)\p{L} [\"“‘']\Z")
"""Before a nickname: a name's last letter, a space and the opening mark."""


def in_nicknamed_name(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is the given name or the quoted nickname of a
    name written Mateus "Vulto" Ferraz: the nickname is the person's other name
    (:mod:`quoteattr.coref.nicknames`), and a tagger seldom gives either word."""
    if text[end + 1 : end + 2] in _OPENING_MARKS and text[end : end + 1] == " " and (
            _NICKNAME_AFTER.match(text, end, end + 40, concurrent=False) is not None):
        return True  # "Mateus"
    return text[end : end + 1] in "\"”’'" and text[end + 1 : end + 2] == " " and (
        text[end + 2 : end + 3].isupper()) and _NICKNAME_AROUND.search(
            text, max(0, start - 3), start, concurrent=False) is not None  # "Vulto"


def single_word_evidence(text: str, start: int, end: int, name: str, last_word: str,
                         name_words: set[str] | None, own_surnames: set[str], kept: Bounds,
                         own: OwnNames, lexicon: Lexicon) -> bool:
    """Whether a one-word name of the finder's where the tagger saw none has evidence
    (:mod:`.names`' doc), the cheapest tests first; each test of the words after the name
    runs only where the character after it can open what it reads."""
    after = text[end : end + 1]
    return (name_words is not None and name in name_words
            # the surname of a full name the finder read earlier ("Darnell Ruffin")
            or name in own_surnames
            or has_title(text, start, lexicon)
            or after == "," and given_name_described(text, start, end, lexicon)
            or after == " " and joined_to_person(text, start, end, kept, lexicon)
            or after == ")" and defined_abbreviation(text, start, end)
            or after in _NICKNAME_NEXT and in_nicknamed_name(text, start, end)
            or beside_speech_verb(text, start, end, lexicon)
            or credited(text, start, end)
            # recurs: the finder reads it three times or more (each of its names another
            # place in the text, so no str.count of the text first)
            or own.count(name, last_word) >= 3)


_NICKNAME_NEXT = frozenset(" \"”’'")
"""What follows a name that :func:`in_nicknamed_name` can take."""


__all__ = ["beside_speech_verb", "credited", "defined_abbreviation", "given_name_described",
           "has_title",
           "joined_to_person", "not_a_name", "single_word_evidence"]
