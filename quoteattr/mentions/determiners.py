"""Where a role noun's determiner starts: "the" minister, "the state weather" service.

A noun found by the word scan takes the determiner before it and up to four modifiers
(:data:`DETERMINER_BEFORE`). That pattern, searched backwards from the noun, costs some
20,000 instructions a noun; :func:`determiner_start` finds the same from the last five
words before the noun, each word's verdict worked out once.
"""

from __future__ import annotations

import regex

from ..lexicon import word_list

# concurrent=False on ``regex`` calls: see the note in annotators/embedded.py.

_DETERMINERS = word_list("role_determiners")
_STOPS = word_list("modifier_stops")

DETERMINER_BEFORE = regex.compile(  # (?r): searched from the end, as names._TITLE_WORD
    r"(?r)\b(?:" + "|".join(_DETERMINERS) + r")\s++"
    r"(?:(?!(?:" + "|".join(_STOPS) + r")\b)[\p{L}\p{N}'’-]++\s++){0,4}\Z",
    regex.IGNORECASE,
)
"""The determiner (``data/role_determiners.tsv``; whole words, so their order is no matter)
and up to four modifiers before a role noun, none of them a word of ``data/modifier_stops.tsv``:
"the state weather" service.

The word and space runs are possessive (``++``) because giving back part of one can never
help: what comes before a word must be a space and what comes before a space a word, so
a shorter run always fails. Without the backtracking the search costs a third less."""


_MODIFIER = regex.compile(
    r"(?!(?:" + "|".join(_STOPS) + r")\b)[\p{L}\p{N}'’-]++\Z", regex.IGNORECASE)
"""One modifier of :data:`DETERMINER_BEFORE`, as a whole word."""
_DETERMINER_END = regex.compile(
    r"(?r)\b(?:" + "|".join(_DETERMINERS) + r")\Z", regex.IGNORECASE)
"""A determiner of :data:`DETERMINER_BEFORE` ending a word, after a boundary: "(the"."""
_ASCII_WORD = "0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
"""``\\w`` in ASCII."""
_DETERMINER_WORDS = frozenset(_DETERMINERS)
_STOP_WORDS = frozenset(_STOPS)

_MODIFIER_BIT = 1
_SPEECH_BIT = 2
_DETERMINER_BIT = 4
_OFFSET_SHIFT = 3
_CODES_LIMIT = 1 << 16
"""Words remembered in a table of codes; past this it starts again (a long archive)."""


def determiner_start(
    text: str, floor: int, at: int, plain_spaces: bool, codes: dict[str, int],
    speech_verbs: frozenset[str],
) -> int:
    """Where :data:`DETERMINER_BEFORE`, searched in ``text[floor:at]``, starts the phrase
    of the noun at ``at``, or -1: none, or its modifiers run over a speech verb ("the
    Prairie Grain Co-operative told" investors is not one phrase).

    The pattern reads the words before the noun from the right: as many modifiers as
    there are (up to four), then gives back one at a time until a determiner ends the
    word before them. That is the leftmost word a determiner ends among the modifiers
    and the word before them, found here from the last five words (``str.rsplit``),
    with each word's verdict worked out once into ``codes`` (:func:`_code`; a table per
    lexicon, as it says which words are ``speech_verbs``). Where those words are apart
    by one space each (nearly always) the offsets follow from their lengths. The words
    apart by other spaces, a text with U+001C to U+001F (spaces to ``str.split``, not to
    ``regex``) and a determiner starting right at ``floor`` (the word boundary before it
    depends on the character before the window) are searched with the pattern.
    """
    if not plain_spaces:
        return _searched(text, floor, at, speech_verbs)
    window = text[floor:at]
    words = window.rsplit(None, 5)
    j = len(words) - 1
    last = 1 if j == 5 else 0  # a sixth part is the rest of the window
    best = offset = -1
    speech = crossed = 0
    for _ in range(5):  # the determiner's word and up to four modifiers after it
        if j < last:
            break
        word = words[j]
        code = codes.get(word)
        if code is None:
            code = _code(word, codes, speech_verbs)
        if code & _DETERMINER_BIT:
            best, offset, crossed = j, code >> _OFFSET_SHIFT, speech
        if not code & _MODIFIER_BIT:
            break
        speech |= code
        j -= 1
    if best < 0:
        return -1
    tail = " ".join(words[best:]) + " "
    start = at - len(tail) + offset
    if start == floor or not window.endswith(tail):
        return _searched(text, floor, at, speech_verbs)
    return -1 if crossed & _SPEECH_BIT else start


def _code(word: str, codes: dict[str, int], speech_verbs: frozenset[str]) -> int:
    """What ``word`` can be in the phrase, put in ``codes``: a modifier
    (``_MODIFIER_BIT``; ``_SPEECH_BIT`` too if a speech verb), a word a determiner ends
    (``_DETERMINER_BIT``, with the determiner's offset in the word from ``_OFFSET_SHIFT``).

    A word of ASCII and "’" is read with ``str`` methods: a modifier is letters, digits
    and joiners only, its first run of letters and digits (what ``\\b`` ends) no stop
    word; a determiner is the run of word characters ending the word. Other words are
    asked of the pattern's pieces (``_MODIFIER``, ``_DETERMINER_END``).
    """
    plain = word.replace("’", "'")
    if plain.isascii():
        low = plain.lower()
        core = low.replace("'", "").replace("-", "")
        modifier = (not core or core.isalnum()) and (
            low.replace("-", "'").partition("'")[0] not in _STOP_WORDS)
    else:
        modifier = _MODIFIER.match(word, concurrent=False) is not None
    rest = word.rstrip(_ASCII_WORD)
    if rest and not rest[-1].isascii():
        found = _DETERMINER_END.search(word, concurrent=False)
        offset = -1 if found is None else found.start()
    else:
        offset = len(rest) if word[len(rest) :].lower() in _DETERMINER_WORDS else -1
    code = offset << _OFFSET_SHIFT | _DETERMINER_BIT if offset >= 0 else 0
    if modifier:
        code |= _MODIFIER_BIT | (_SPEECH_BIT if word.lower() in speech_verbs else 0)
    if len(codes) >= _CODES_LIMIT:
        codes.clear()
    codes[word] = code
    return code


def _searched(text: str, floor: int, at: int, speech_verbs: frozenset[str]) -> int:
    """:func:`determiner_start` by :data:`DETERMINER_BEFORE` itself."""
    found = DETERMINER_BEFORE.search(text, floor, at, concurrent=False)
    if found is None:
        return -1
    start = found.start()
    return -1 if _crosses_verb(text, start, at, speech_verbs) else start


def _crosses_verb(text: str, start: int, at: int, speech_verbs: frozenset[str]) -> bool:
    """Whether a speech verb is among the modifiers between the determiner at ``start``
    and the noun at ``at`` ("the Grain Co-operative told" investors)."""
    return text.count(" ", start, at) > 1 and not speech_verbs.isdisjoint(
        text[start:at].lower().split()[1:])
