"""Capitalised words and how they join into names: the word tables of the embedded annotator.

A name is a run of capitalised words (with particles: "Ministry of Defence"); its leading
title phrase ("US Secretary of State") is cut off, and a one-word name is labelled by the
word alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

import regex

from ..annotation import EntityLabel
from ..lexicon import Lexicon, word_list

_NAME_WORD = r"""
    (?:\p{Lu}\.){2,}                                  # U.S., H.W.
    | (?:[OD]['’])?\p{Lu}[\p{L}\p{M}]*                # Kerry, McCain, O'Neill, D'Souza
      (?:-\p{L}[\p{L}\p{M}]*)*                         # Jean-Claude, el-Bakraoui
      (?:['’](?![sS]\b)\p{L}+)?                        # N'Diaye, not Kerry's
      \.?                                              # Sen., Jr.
"""
# McCain needs no prefix of its own (a capital and letters cover it), and an alternation
# of prefixes costs the scan at every capital. (?=\p{Lu}) changes no match (every word
# starts with a capital) but lets ``regex`` skip ahead to the next capital instead of
# trying the whole pattern at every character.
CAPITALISED = regex.compile(
    r"(?=\p{Lu})(?:" + _NAME_WORD + r")(?![\p{L}\p{M}\p{N}])", regex.VERBOSE
)
"""(A word glued to digits, "L2" or "G7", is a code, not a name's word; no match stops inside
a word, so "Kerry2" is no "Kerr" either.)"""
_COMMON = "".join(map(chr, range(0x280))) + "".join(map(chr, range(0x2000, 0x3000)))
"""The characters of nearly all English news: Basic Latin to IPA, and the punctuation and
symbol blocks (curly quotes, dashes, the euro sign). In them :data:`CAPITALISED` can run
on the standard library's ``re`` (:func:`capitalised_words`)."""
_COMMON_BYTES = bytes(b for b in range(256) if not 0xCA <= b <= 0xE1 and b < 0xE3)
"""UTF-8 bytes that start no character outside :data:`_COMMON` (its characters are bytes
below 0xCA, or start with 0xE2): deleted from a common text's bytes, none is left."""


def common_text(text: str) -> bool:
    """Whether every character of ``text`` is of :data:`_COMMON` (its UTF-8 bytes checked,
    at a few instructions each): then ``re`` patterns with classes from
    :func:`class_of` find what the ``regex`` ones do."""
    return text.isascii() or not text.encode("utf-8", "surrogatepass").translate(
        None, _COMMON_BYTES)


def class_of(prop: str) -> str:
    """The characters of :data:`_COMMON` that ``regex`` puts in ``prop``, as the inside
    of a ``re`` character class (ranges of consecutive characters)."""
    codes = [ord(c) for c in regex.findall(prop, _COMMON)]
    out = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        out.append(re.escape(chr(codes[i])) + ("-" + re.escape(chr(codes[j])) if j > i else ""))
        i = j + 1
    return "".join(out)


def _capitalised_re() -> re.Pattern[str]:
    """:data:`CAPITALISED` for text of :data:`_COMMON` characters, in ``re``: a ``regex``
    call costs some 3,500 instructions a match more, and its scan twice as much a
    character. Each ``\\p{...}`` (and the ``\\w`` that ``\\b`` reads) is the class of
    exactly the characters ``regex`` puts in it; the pattern opens with a capital's class
    (so ``re`` skips to the next capital), then the alternatives as they go on from
    there, each a branch that opens with a character (``|)`` for ``?`` and ``*``: ``re``
    tests a branch's first character before entering it, and makes no repeat context)."""
    upper, letter, mark = class_of(r"\p{Lu}"), class_of(r"\p{L}"), class_of(r"[\p{L}\p{M}]")
    word, edge = class_of(r"\w"), class_of(r"[\p{L}\p{M}\p{N}]")
    hyphened = f"-[{letter}][{mark}]*"
    rest = (f"[{mark}]*(?:{hyphened}(?:{hyphened})*|)"
            f"(?:['’](?![sS](?![{word}]))[{letter}]+|)\\.?")
    return re.compile(
        f"[{upper}](?:\\.[{upper}]\\.(?:[{upper}]\\.)*|['’](?<=[OD]['’])[{upper}]{rest}|{rest})"
        f"(?![{edge}])"
    )


_CAPITALISED_RE: list[re.Pattern[str]] = []
""":func:`_capitalised_re`, made at the first text that can use it (a few milliseconds)."""


def capitalised_words(
    text: str, common: bool | None = None
) -> Iterator[re.Match[str] | regex.Match[str]]:
    """What ``CAPITALISED.finditer(text)`` finds: by ``re`` when every character of the
    text is of :data:`_COMMON` (``common``: :func:`common_text`, if the caller knows it),
    else by ``regex``."""
    if common_text(text) if common is None else common:
        if not _CAPITALISED_RE:
            _CAPITALISED_RE.append(_capitalised_re())
        return _CAPITALISED_RE[0].finditer(text)
    return CAPITALISED.finditer(text, concurrent=False)


_PARTICLES = frozenset(word_list("name_particles"))
"""Lower-case words that may sit inside a name or organisation name ("Ministry of Defence"),
from ``data/name_particles.tsv``."""
HYPHEN_PARTICLES = frozenset(word_list("hyphen_particles"))
"""Particles joined by a hyphen to a surname ("al-Assad"), from ``data/hyphen_particles.tsv``:
the finder keeps them in the word, and coreference lets the surname alone name the person."""
_LEGAL_FORM = regex.compile(r" (?:" + "|".join(
    regex.escape(form) for form in sorted(word_list("legal_forms"), key=len, reverse=True)
) + r")(?![\p{L}\p{N}])")
LEGAL_FORM_HEADS = frozenset(form[:3] for form in word_list("legal_forms"))
"""The first three characters of each company form: ``text[end + 1 : end + 4]`` in it is
the cheap test a caller makes before :func:`legal_form_end` ("sai" of "said" is none)."""


def legal_form_end(text: str, end: int) -> int:
    """Where a company form in lower case after a name ending at ``end`` ends ("Trans-Vjosa"
    " shpk", "Kovac" " d.o.o."; ``data/legal_forms.tsv``); -1 when none follows."""
    if text[end + 1 : end + 4] not in LEGAL_FORM_HEADS or text[end : end + 1] != " ":
        return -1
    found = _LEGAL_FORM.match(text, end)
    return -1 if found is None else found.end()


STORM_WORDS = frozenset(word_list("storm_words"))
"""Words that make a capitalised name a storm's or other natural event's ("Typhoon Hagupit"),
from ``data/storm_words.tsv``: such a name never speaks, nor is it a body's."""
_ACRONYM = regex.compile(r"\p{Lu}{2,5}\Z|(?:\p{Lu}\.){2,}\Z")
"""An organisation's initials (NATO, F.B.I.); longer all-capital words are datelines or shouting."""
_LONGEST_PARTICLE = max(map(len, _PARTICLES))


class Word(NamedTuple):
    """One capitalised word (a tuple: made for every capitalised word of the text)."""

    start: int
    end: int
    text: str
    low: str
    """``text`` lower-cased, once."""


_GAP = " \t\u00a0"
"""The spaces that may stand between two words of a line."""


def word_before(text: str, start: int, reach: int = 40) -> str:
    """The word (a run of non-spaces, punctuation kept) right before ``start`` across
    spaces or tabs on the same line, looked for within ``reach`` characters; "" if none.
    String methods, not a pattern: it runs for many tagged names of every parsed text."""
    low = max(0, start - reach)
    end = start
    while end > low and text[end - 1] in _GAP:
        end -= 1
    if end in (start, low) or text[end - 1].isspace():
        return ""
    words = text[low:end].split()
    return words[-1] if words else ""


def looks_like_acronym(word: str) -> bool:
    """NATO, F.B.I. (the second character is tested first: most names fail there)."""
    return len(word) > 1 and (word[1].isupper() or word[1] == ".") and bool(
        _ACRONYM.match(word, concurrent=False)
    )


def joinable(text: str, end: int, start: int) -> bool:
    """True when the gap ``text[end:start]`` between two capitalised words keeps them in
    one name: a single space, or a particle ("Ministry of Defence")."""
    if start == end + 1 and text[end] == " ":
        return True
    if text[end] != " " or text[start - 1] != " ":
        return False
    if (start - end > _LONGEST_PARTICLE + 2 and not text[end + 1].isspace()
            and not text[start - 2].isspace()):
        return False  # the gap strips to more than a particle (and copying it costs)
    gap = text[end:start]
    inner = gap.strip()
    return gap.startswith(" ") and gap.endswith(" ") and inner.lower() in _PARTICLES


def is_org_word(word: str, index: int, length: int, lex: Lexicon) -> bool:
    position = lex.org_words.get(word)
    if position is None:
        return False
    if position == "head":
        return index == length - 1 and length > 1
    if position == "start":
        return index == 0 and length > 1
    return length > 1


def single_word_label(word: Word, lex: Lexicon) -> EntityLabel:
    """The label of a one-word name by the word alone (an organisation word such as
    "Ministry" names no organisation by itself); a title before it makes a MISC a PERSON."""
    if word.low in lex.title_modifiers:
        return "NORP"
    if word.low in lex.place_abbreviations and ("." in word.low[:-1] or len(word.low) > 4):
        return "GPE"  # "N.C.", "Calif."; not the short ones that are words too ("Pa.", "Del.")
    if looks_like_acronym(word.text):
        return "ORG"
    return "PERSON" if word.low in lex.first_names else "MISC"


def title_first_words(lex: Lexicon) -> frozenset[str]:
    """Every word that can begin a title phrase, with and without its full stop ("gen")."""
    firsts = {title.split()[0] for title in lex.titles}
    return frozenset(firsts | {word[:-1] for word in firsts if word.endswith(".")})


def title_end(text: str, run: list[Word], lex: Lexicon, title_starts: frozenset[str]) -> int:
    """Index of the first word after the leading title phrase ("US Secretary of State").
    ``title_starts``: :func:`title_first_words` of ``lex``."""
    for w in run[:-1]:  # the last word is always the name, even a title ("President")
        if w.low in title_starts:
            break
    else:
        return 0  # no title can start before the last word ("John Kerry")
    last = len(run) - 1
    end = 0
    i = 0
    while i < last:
        matched = 0
        # A title's phrase opens with a word of ``title_starts`` (its first word, maybe
        # without the full stop), so only such a word is tried with the words after it.
        for length in (4, 3, 2, 1) if run[i].low in title_starts else ():
            if i + length > last:
                continue
            phrase = " ".join(text[run[i].start : run[i + length - 1].end].lower().split())
            if lex.is_title(phrase):
                matched = length
                break
        if matched:
            i += matched
            end = i
        elif run[i].low in lex.first_names and is_honorific(run[i + 1].low, lex):
            break  # "Sita Kumari Gurung": after a given name an honorific is a middle name
        else:
            i += 1  # a modifier ("US"), a particle or a name word: the title may start later
    return end


def is_honorific(low: str, lex: Lexicon) -> bool:
    """Whether lower-cased ``low`` is an honorific title ("kumari", "mrs")."""
    title = lex.titles.get(low)
    return title is not None and title.kind == "honorific"


def sentence_initial(text: str, start: int, para_start: int) -> bool:
    """Whether the word at ``start`` opens its sentence (or its paragraph, from
    ``para_start``)."""
    before = text[max(para_start, start - 40) : start].rstrip()
    return not before or before[-1] in ".!?:"


def hyphen_particle(text: str, start: int) -> int:
    """How many characters a particle and its hyphen take right before the capitalised
    word at ``start`` ("al-" before "Assad" in "Bashar al-Assad"), the particle standing
    as a word of its own; 0 when none does."""
    for size in (2, 3):
        at = start - size - 1
        if at >= 0 and text[at : start - 1] in HYPHEN_PARTICLES and (
            at == 0 or not text[at - 1].isalnum()
        ):
            return size + 1
    return 0


def abbreviated(low: str, lexicon: Lexicon) -> bool:
    """Whether a short lower-cased word before a full stop is a title or an abbreviation
    ("mr", "dr", "st"), not a name's initial glued to the name after it ("Ts.Enkhtuya")."""
    return lexicon.is_title(low) or low + "." in lexicon.abbreviations
