"""Word tables built once per lexicon for finding mentions and speech cues."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from itertools import product
from types import MappingProxyType

from ..lexicon import Lexicon, default_lexicon
from ..wordtrie import WordScan, whole_words
from .bytescan import ByteWordScan
from .types import MentionLabel


@dataclass(frozen=True, slots=True)
class MentionPatterns:
    """Word tables built once per lexicon, so finding mentions is one pass of set look-ups
    over the words of the text (a regex alternation of 700 nouns is 15 times slower)."""

    pronoun_mentions: Mapping[str, tuple[MentionLabel, str, str, str]]
    """Each nominative pronoun that can be a speaker -> the label, gender and number of its
    mentions, worked out once, and the word itself (one string for every "he" of a text)."""
    nouns: Mapping[str, tuple[str, ...]]
    """First word -> the role and group nouns starting with it, longest first."""
    words: WordScan
    """The pronouns and first words as whole words, for lower-cased text (a text that
    ``byte_words`` cannot read)."""
    words_any_case: WordScan
    """The same, case-insensitive, for the rare text whose lower-casing changes its length."""
    byte_words: ByteWordScan | None
    """The same words found over one byte per character (most texts; ``None`` for a
    lexicon with words beyond Latin-1)."""
    title_lead: frozenset[str]
    """Every lower-cased word the title look-back accepts right before a name: titles (also
    without their full stop, "Mr" for "mr.") and title modifiers. A name whose word before
    is not one has no title, so most names skip the look-back (see :func:`.names.names_of`)."""
    title_lead_ends: frozenset[str] | None
    """The last three characters of each ``title_lead`` word in every ASCII case (for a
    two-letter word, after any ASCII character): a quicker first test of the word before
    a name (see :func:`.names.names_of`). ``None`` when some lead word is a single character (the
    test would not be exact; the look-back then goes by ``title_lead`` alone)."""
    genders: Mapping[str, str]
    """Given name -> "m" or "f": ``lexicon.first_names`` without the unisex ("u") names."""
    modifiers: frozenset[str]
    """Lower-case words that may modify a bare plural speaker: "union" leaders, "city"
    officials, "senior" officials (one-word role nouns, organisation words, title modifiers)."""
    speech_verbs: frozenset[str]
    """Strong speech-verb forms (not "email", as often a noun): a determiner's modifiers
    never run over one ("the Prairie Grain Co-operative told" investors is not one phrase)."""
    determiner_codes: dict[str, int]
    """What each word met before a role noun can be in its phrase, worked out once
    (:func:`.determiners.determiner_start`); filled as texts are read."""

    @classmethod
    def of(cls, lexicon: Lexicon) -> MentionPatterns:
        """The tables of ``lexicon``, built once per process for the default one: every
        Attributor shares them (they hold 1.2 MB, mostly ``title_lead_ends``), so the one
        :func:`quoteattr.attribute` makes for a second genre costs no second copy."""
        return _default_patterns() if lexicon is default_lexicon() else cls.from_lexicon(lexicon)

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> MentionPatterns:
        nominative = frozenset(
            p for p, info in lexicon.pronouns.items() if info.case == "nom" and p != "you"
        )
        by_first: dict[str, list[str]] = {}
        for noun in set(lexicon.role_nouns) | set(lexicon.group_nouns):
            by_first.setdefault(noun.split()[0], []).append(noun)
        nouns = {w: tuple(sorted(v, key=len, reverse=True)) for w, v in by_first.items()}
        words = nominative | set(nouns)
        pronoun_mentions: dict[str, tuple[MentionLabel, str, str, str]] = {}
        for word in nominative:
            info = lexicon.pronouns[word]
            label: MentionLabel = (
                "PERSON" if info.gender in ("m", "f") or info.person == "1"
                else "ORG" if word == "it" else "UNKNOWN"
            )
            pronoun_mentions[word] = (label, info.gender, info.number, word)
        titles = lexicon.titles
        title_lead = frozenset(titles).union(
            (t[:-1] for t in titles if t.endswith(".")), lexicon.title_modifiers
        )
        return cls(
            pronoun_mentions=MappingProxyType(pronoun_mentions),
            nouns=MappingProxyType(nouns),
            words=WordScan.build(words),
            words_any_case=WordScan.build(words, ignore_case=True),
            byte_words=ByteWordScan.build(words),
            title_lead=title_lead,
            title_lead_ends=_word_ends(title_lead),
            genders=MappingProxyType(
                {name: g for name, g in lexicon.first_names.items() if g != "u"}
            ),
            modifiers=frozenset(n for n in lexicon.role_nouns if " " not in n).union(
                lexicon.org_words, lexicon.title_modifiers
            ),
            speech_verbs=lexicon.strong_speech_verbs,
            determiner_codes={},
        )


@cache
def _default_patterns() -> MentionPatterns:
    return MentionPatterns.from_lexicon(default_lexicon())


def _word_ends(words: frozenset[str]) -> frozenset[str] | None:
    """The table :attr:`MentionPatterns.title_lead_ends` describes, or ``None``.

    A word that does not end in ASCII ("señor") needs no entry: three ASCII characters
    of the text can never lower-case to its end.
    """
    if any(len(w) < 2 for w in words):
        return None
    ascii_chars = [chr(c) for c in range(128)]
    ends: set[str] = set()
    for word in words:
        tail = word[-3:]
        if not tail.isascii():
            continue
        cased = ["".join(c) for c in product(*({c.lower(), c.upper()} for c in tail))]
        ends.update(cased if len(tail) == 3 else (c + w for c in ascii_chars for w in cased))
    return frozenset(ends)


@cache
def speech_cue_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern matching any speech-verb form as a whole lower-case word."""
    return whole_words(forms)
