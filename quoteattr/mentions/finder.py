"""Finding every mention of a text: names (see :mod:`.names`), pronouns and role nouns.

Mentions are found once over the whole text, because coreference and salience need all of
them in order.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from operator import attrgetter, le

import regex

from ..annotation import Annotation
from ..lexicon import Lexicon, RoleNoun
from ..mention_words import modifiers_start, phrase_at
from ..spans import Span, lower_pieces
from .bytescan import Hit, pieces
from .columns import PACK_ABOVE, PACK_TEXT_ABOVE, PackedMentions, mention_index
from .determiners import determiner_start
from .names import ODD_SPACES, join_coordinated, names_of
from .patterns import MentionPatterns
from .types import Mention, MentionIndex, MentionLabel, new_mention

# concurrent=False on ``regex`` calls: see the note in annotators/embedded.py.

_GROUP_ROLE = RoleNoun("group", "-")
_SPAN_START = attrgetter("span.start")
_SPAN_END = attrgetter("span.end")
_ROLE_LABELS: dict[str, MentionLabel] = {
    "person": "PERSON", "group": "GROUP", "organization": "ORG",
}


_GROUP_FOLLOWS = regex.compile(r"[ \t\u00a0]*+(?:[,.;:!?)\"”’'\n]|\Z|who\b|(\p{Ll}+)\b)")
"""What may follow a group noun that a name modifies ("Toronto police"): punctuation, "who",
or a word that :func:`_noun_reading` checks."""


_COMPOUND_GAPS = frozenset({" ", "' ", "’ "})
"""Between two role nouns of one phrase: a space, or a plural possessive's mark and a space."""


def _noun_reading(text: str, end: int, speech_verbs: frozenset[str]) -> bool:
    """Whether the plural ending at ``end`` is a noun rather than a verb after a name: it is
    followed by punctuation, "who", a speech verb or a past tense ("Toronto police said",
    "Clinton supporters cheered"), not by an object ("Sanders advocates tax increases")."""
    match = _GROUP_FOLLOWS.match(text, end, concurrent=False)
    if match is None:
        return False
    word = match.group(1)
    return word is None or word in speech_verbs or word.endswith("ed")


_ACRONYM_MAX = 4
"""The longest role noun written as capitals ("MP", "TD", "MCA", "MSP")."""
_NAME_AFTER = regex.compile(r"[ \t\u00a0]++\p{Lu}")
"""A capitalised word next: "Labour MP Jane Dodds", where the office is a title."""


def _acronym_role(text: str, at: int, noun: str) -> bool:
    """Whether the capitals at ``at`` are a role noun that is always so written: "the
    Donegal TD said", "the Labour MP added" are the member just named, as "the
    councillor"; before a name ("MP Jane Dodds") the office is her title, no mention."""
    end = at + len(noun)
    return len(noun) <= _ACRONYM_MAX and text[at:end].isupper() and (
        _NAME_AFTER.match(text, end, concurrent=False) is None)


def _abbreviation_it(text: str, at: int) -> bool:
    """"IT" in capitals among words in lower case ("an IT manager"): information
    technology, no pronoun; in a line set in capitals ("WHY IT MATTERS") it is one."""
    if text[at : at + 2] != "IT":
        return False
    before = text[max(0, at - 12) : at].rsplit("\n", 1)[-1]
    return any(c.islower() for c in before) and not text[at + 2 : at + 4].strip(" ").isupper()


def _name_ending(ends: list[int], position: int) -> int:
    """The last of the names' ``ends`` (sorted) that is ``position``, or -1."""
    k = bisect_right(ends, position) - 1
    return k if k >= 0 and ends[k] == position else -1


def name_mentions(
    annotation: Annotation, lexicon: Lexicon, patterns: MentionPatterns
) -> list[Mention]:
    """The name mentions of the annotation's entities, in order."""
    text = annotation.text
    plain_spaces = not any(c in text for c in ODD_SPACES)
    return join_coordinated(text, names_of(text, annotation.entities, lexicon, patterns,
                                           plain_spaces))


def find_mentions(
    annotation: Annotation, lexicon: Lexicon, patterns: MentionPatterns | None = None,
    names: list[Mention] | None = None,
) -> MentionIndex:
    """All name, pronoun and role-noun mentions in the text, in order.

    ``names`` are the annotation's name mentions (:func:`name_mentions`) when the caller
    found them first, to let the entities go before the rest is found; the list is emptied.
    """
    patterns = patterns or MentionPatterns.from_lexicon(lexicon)
    text = annotation.text
    # A long text's mentions are packed as they are found (never all held as objects).
    found: list[Mention] | PackedMentions = [] if len(text) <= PACK_TEXT_ABOVE else (
        PackedMentions(()))
    if names is None:
        names = name_mentions(annotation, lexicon, patterns)
    found.extend(names)
    # Where each name ends and its title starts, for a bare plural after one ("Toronto
    # police"): sorted lists bisected (names do not overlap), not a dict of the names.
    name_ends = [m.span.end for m in names]
    ordered = names
    if not all(map(le, name_ends, name_ends[1:])):  # an annotator's entities out of order
        by_end = {m.span.end: m for m in names}
        ordered = sorted(by_end.values(), key=_SPAN_END)
        name_ends = [m.span.end for m in ordered]
    name_starts = [m.title_start if m.title_start >= 0 else m.span.start for m in ordered]
    del ordered
    if isinstance(found, PackedMentions):
        names.clear()
    roles = lexicon.role_nouns
    pronoun_mentions = patterns.pronoun_mentions
    last_nominal_end = 0  # "the minister told reporters": one nominal may not swallow another
    # The mention words (pronouns, role nouns' first words) a piece at a time, found over
    # one byte per character (.bytescan); "İ" lower-cases to two characters: then the
    # whole text, case-insensitive, with the str word trie.
    any_case = "\u0130" in text
    plain_spaces = not any(c in text for c in ODD_SPACES)
    byte_words = patterns.byte_words
    batches: Iterable[list[Hit]]
    if byte_words is not None and not any_case and byte_words.fits(text):
        batches = (byte_words.hits(text, start, end) for start, end in pieces(text))
    else:
        batches = _trie_hits(patterns, text, any_case)
    for batch in batches:
        for at, word_end, word in batch:
            pronoun = pronoun_mentions.get(word)
            if pronoun is not None:
                if word == "i" and text[at] != "I" or word == "it" and _abbreviation_it(text, at):
                    continue
                label, gender, number, head = pronoun
                found.append(new_mention((Span(at, word_end), "pronoun", label,
                                          head, "", -1, gender, number, False)))
                continue
            phrases = patterns.nouns.get(word)
            if phrases is None:
                continue
            noun = phrase_at(text, at, phrases)
            if noun is None or text[at].isupper() and not _acronym_role(text, at, noun):
                continue  # a capitalised "Ministry" belongs to a name, found above
            role = roles.get(noun) or _GROUP_ROLE
            end = at + len(noun)
            previous = found[-1] if found else None
            if previous is not None and previous.kind == "nominal" and (
                text[previous.span.end : at] in _COMPOUND_GAPS
            ):
                # a compound: "one Trump campaign" + "source" is one nominal headed by
                # "source"; "the local hunters'" + "association" by "association"
                start = previous.span.start
                found.pop()
            else:
                floor = max(0, at - 60, last_nominal_end)
                # a blank line ends a paragraph: "CHAPTER I" ⏎⏎ "My mother picked me up" is
                # no "CHAPTER I My mother" (one line break inside the phrase still joins it)
                if text.find("\n", floor, at) >= 0:  # one search first: most windows hold none
                    floor = max(floor, text.rfind("\n\n", floor, at) + 1,
                                text.rfind("\n\r\n", floor, at) + 1)
                determiner = determiner_start(text, floor, at, plain_spaces,
                                              patterns.determiner_codes, patterns.speech_verbs)
                if determiner >= 0:
                    start = determiner
                elif role.type == "group" and (noun.endswith("s") or noun in roles):
                    # a bare plural: "officials said", "Protesters chanted", "union leaders said"
                    start = modifiers_start(text, at, max(floor, at - 40), patterns.modifiers)
                    name = _name_ending(name_ends, start - 1) if (
                    text[start - 1 : start] == " ") else -1
                    if name >= 0 and _noun_reading(text, end, patterns.speech_verbs):
                        # a name as modifier: "Toronto police", "Halifax residents", "Biden
                        # aides" are the group, never the place or the person
                        start = name_starts[name]
                    elif not noun.endswith("s"):
                        continue  # "police" alone stays a phrase for the rules
                else:
                    continue
            last_nominal_end = end
            found.append(
                new_mention((Span(start, end), "nominal", _ROLE_LABELS[role.type], noun, "", -1,
                              role.gender, "pl" if role.type == "group" else "sg", False))
            )
    if isinstance(found, PackedMentions):
        return mention_index(found.sorted_kept())
    # By start, longer first: two stable sorts with C-level keys, no Python call per mention.
    found.sort(key=_SPAN_END, reverse=True)
    found.sort(key=_SPAN_START)
    if len(found) > PACK_ABOVE:  # a dense text: each mention packed and let go in turn
        names.clear()
        return mention_index(_packed(found))
    kept: list[Mention] = []
    kept_end = -1
    for m in found:
        span = m.span
        if span.start < kept_end:
            continue  # a pronoun or role noun inside a longer mention
        kept.append(m)
        kept_end = span.end
    found.clear()  # the list, and the mentions left out, go before the index is made
    return mention_index(kept)


def _trie_hits(patterns: MentionPatterns, text: str, any_case: bool) -> Iterator[list[Hit]]:
    """The mention words as the ``str`` word trie finds them in the lower-cased text, a
    piece at a time (or, for ``any_case``, in the text itself, case-insensitive)."""
    if any_case:
        yield [(m.start(1), m.end(1), m.group(1).lower())
               for m in patterns.words_any_case.matches(text)]
        return
    for shift, piece in lower_pieces(text):
        yield [(m.start(1) + shift, m.end(1) + shift, m.group(1))
               for m in patterns.words.matches(piece)]


def _packed(found: list[Mention]) -> PackedMentions:
    """The mentions of ``found`` (sorted) that lie inside no earlier one, packed; ``found``
    is emptied, each mention going once it is packed, so they are never all held twice."""
    packed = PackedMentions(())
    found.reverse()
    kept_end = -1
    while found:
        m = found.pop()
        if m.span.start >= kept_end:  # else a pronoun or role noun inside a longer mention
            packed.append(m)
            kept_end = m.span.end
    return packed
