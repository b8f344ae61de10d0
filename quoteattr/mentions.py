"""Candidate speaker mentions (names, pronouns, role nouns) and speech cues.

Mentions are found once over the whole text, because coreference and salience
need all of them in order; speech cues are found on demand inside the short
windows around each quote, where the rules look for them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, partial
from itertools import product
from operator import attrgetter
from types import MappingProxyType
from typing import Literal, NamedTuple, cast

import regex

from .annotation import Annotation, Entity
from .lexicon import Lexicon, RoleNoun
from .mention_words import (
    after_inverted_cue,
    before_speech_verb,
    crosses_verb,
    modifiers_start,
    phrase_at,
)
from .spans import Span
from .wordtrie import WordScan, whole_words

# concurrent=False on ``regex`` calls: see the note in annotators/embedded.py.

MentionKind = Literal["name", "pronoun", "nominal"]
MentionLabel = Literal["PERSON", "ORG", "GROUP", "UNKNOWN"]

# (?r) searches from the end: a forward search would try every start in the window.
_TITLE_WORD = regex.compile(r"(?r)(\S+)\s+\Z")
_ODD_SPACES = "\x1c\x1d\x1e\x1f"
"""Space to ``str.isspace`` but not to ``regex``'s ``\\s``: texts with these take the regex path."""


_GROUP_ROLE = RoleNoun("group", "-")
_SPAN_START = attrgetter("span.start")
_SPAN_END = attrgetter("span.end")
_ROLE_LABELS: dict[str, MentionLabel] = {
    "person": "PERSON", "group": "GROUP", "organization": "ORG",
}


class Mention(NamedTuple):
    """A phrase that may refer to a speaker.

    A named tuple rather than a frozen dataclass: just as immutable, and three times
    quicker to make, which counts at one per name, pronoun and role noun of an archive.
    """

    span: Span
    """The mention itself: the bare name, the pronoun, or the determiner + role noun."""
    kind: MentionKind
    label: MentionLabel
    head: str
    """The bare name ("John Kerry"), pronoun ("he") or role noun ("prime minister")."""
    title: str = ""
    """Title words before a name ("US Secretary of State"), or "" when there are none."""
    title_start: int = -1
    """Where the title phrase starts, or -1 when there is none."""
    gender: str = "-"
    number: str = "sg"
    gender_from_name: bool = False
    """True when ``gender`` is only a guess from the given name (weaker than "Mrs." or "she")."""

    @property
    def full_span(self) -> Span:
        """The mention with its title phrase ("US Secretary of State John Kerry")."""
        return Span(self.title_start, self.span.end) if self.title_start >= 0 else self.span


_MentionFields = tuple[Span, MentionKind, MentionLabel, str, str, int, str, str, bool]
_new_mention = cast("Callable[[_MentionFields], Mention]", partial(tuple.__new__, Mention))
"""``Mention(*fields)`` without the Python-level ``__new__`` of a named tuple, which only
passes its arguments on to ``tuple.__new__``: a third less work per mention, and there is
one per name, pronoun and role noun. All nine fields are given, in order."""


@dataclass(frozen=True, slots=True)
class MentionIndex:
    """Mentions sorted by start, with a start-offset array for fast window look-ups."""

    mentions: tuple[Mention, ...]
    starts: tuple[int, ...]

    def between(self, start: int, end: int) -> tuple[Mention, ...]:
        """Mentions that lie wholly inside ``[start, end)``."""
        i = bisect_right(self.starts, start - 1)
        out = []
        while i < len(self.mentions) and self.mentions[i].span.start < end:
            if self.mentions[i].span.end <= end:
                out.append(self.mentions[i])
            i += 1
        return tuple(out)

    def index_of(self, mention: Mention) -> int:
        """The position of ``mention`` in :attr:`mentions`."""
        i = bisect_right(self.starts, mention.span.start) - 1
        while i >= 0 and self.mentions[i] is not mention and self.mentions[i] != mention:
            i -= 1
        return i

    def starting_at(self, start: int) -> Mention | None:
        """The mention (or its title phrase) that begins exactly at ``start``, if any."""
        i = bisect_right(self.starts, start - 1)
        best: Mention | None = None
        for m in self.mentions[max(0, i - 3) : i + 3]:
            at_start = m.span.start == start or m.title_start == start
            if at_start and (best is None or m.span.end > best.span.end):
                best = m
        return best


_DETERMINER_BEFORE = regex.compile(  # (?r): searched from the end, as _TITLE_WORD
    r"(?r)\b(?:the|a|an|another|one|this|that|its|his|her|their|our|my|your)\s++"
    r"(?:(?!(?:the|a|an|and|or|but|who|which|that|said|says)\b)[\p{L}\p{N}'’-]++\s++){0,4}\Z",
    regex.IGNORECASE,
)
"""The determiner (and up to four modifiers) before a role noun: "the state weather" service.

The word and space runs are possessive (``++``) because giving back part of one can never
help: what comes before a word must be a space and what comes before a space a word, so
a shorter run always fails. Without the backtracking the search costs a third less."""


@dataclass(frozen=True, slots=True)
class MentionPatterns:
    """Word tables built once per lexicon, so finding mentions is one pass of set look-ups
    over the words of the text (a regex alternation of 700 nouns is 15 times slower)."""

    pronoun_mentions: Mapping[str, tuple[MentionLabel, str, str]]
    """Each nominative pronoun that can be a speaker -> the label, gender and number of its
    mentions, worked out once."""
    nouns: Mapping[str, tuple[str, ...]]
    """First word -> the role and group nouns starting with it, longest first."""
    words: WordScan
    """The pronouns and first words as whole words, for lower-cased text."""
    words_any_case: WordScan
    """The same, case-insensitive, for the rare text whose lower-casing changes its length."""
    title_lead: frozenset[str]
    """Every lower-cased word the title look-back accepts right before a name: titles (also
    without their full stop, "Mr" for "mr.") and title modifiers. A name whose word before
    is not one has no title, so most names skip the look-back (see :func:`_names`)."""
    title_lead_ends: frozenset[str] | None
    """The last three characters of each ``title_lead`` word in every ASCII case (for a
    two-letter word, after any ASCII character): a quicker first test of the word before
    a name (see :func:`_names`). ``None`` when some lead word is a single character (the
    test would not be exact; the look-back then goes by ``title_lead`` alone)."""
    genders: Mapping[str, str]
    """Given name -> "m" or "f": ``lexicon.first_names`` without the unisex ("u") names."""
    modifiers: frozenset[str]
    """Lower-case words that may modify a bare plural speaker: "union" leaders, "city"
    officials, "senior" officials (one-word role nouns, organisation words, title modifiers)."""
    speech_verbs: frozenset[str]
    """Strong speech-verb forms (not "email", as often a noun): a determiner's modifiers
    never run over one ("the Prairie Grain Co-operative told" investors is not one phrase)."""

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
        pronoun_mentions: dict[str, tuple[MentionLabel, str, str]] = {}
        for word in nominative:
            info = lexicon.pronouns[word]
            label: MentionLabel = (
                "PERSON" if info.gender in ("m", "f") or info.person == "1"
                else "ORG" if word == "it" else "UNKNOWN"
            )
            pronoun_mentions[word] = (label, info.gender, info.number)
        titles = lexicon.titles
        title_lead = frozenset(titles).union(
            (t[:-1] for t in titles if t.endswith(".")), lexicon.title_modifiers
        )
        return cls(
            pronoun_mentions=MappingProxyType(pronoun_mentions),
            nouns=MappingProxyType(nouns),
            words=WordScan.build(words),
            words_any_case=WordScan.build(words, ignore_case=True),
            title_lead=title_lead,
            title_lead_ends=_word_ends(title_lead),
            genders=MappingProxyType(
                {name: g for name, g in lexicon.first_names.items() if g != "u"}
            ),
            modifiers=frozenset(n for n in lexicon.role_nouns if " " not in n).union(
                lexicon.org_words, lexicon.title_modifiers
            ),
            speech_verbs=lexicon.strong_speech_verbs,
        )


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


def find_mentions(
    annotation: Annotation, lexicon: Lexicon, patterns: MentionPatterns | None = None
) -> MentionIndex:
    """All name, pronoun and role-noun mentions in the text, in order."""
    patterns = patterns or MentionPatterns.from_lexicon(lexicon)
    text = annotation.text
    found: list[Mention] = []
    plain_spaces = not any(c in text for c in _ODD_SPACES)
    names = _names(text, annotation.entities, lexicon, patterns, plain_spaces)
    found.extend(_join_coordinated(text, names))
    roles = lexicon.role_nouns
    pronoun_mentions = patterns.pronoun_mentions
    last_nominal_end = 0  # "the minister told reporters": one nominal may not swallow another
    lowered = text.lower()
    if len(lowered) == len(text):  # a compiled word trie over the text, offsets unchanged
        candidates = patterns.words.matches(lowered)
    else:  # "İ" lower-cases to two characters
        candidates = patterns.words_any_case.matches(text)
    for match in candidates:  # group 1 is the word
        word = match.group(1).lower()
        at = match.start(1)
        pronoun = pronoun_mentions.get(word)
        if pronoun is not None:
            if word == "i" and text[at] != "I":
                continue
            label, gender, number = pronoun
            found.append(_new_mention((Span(at, match.end(1)), "pronoun", label, word, "", -1,
                                       gender, number, False)))
            continue
        phrases = patterns.nouns.get(word)
        if phrases is None:
            continue
        noun = phrase_at(text, at, phrases)
        if noun is None or text[at].isupper():
            continue  # a capitalised "Ministry" belongs to a name, found above
        role = roles.get(noun) or _GROUP_ROLE
        end = at + len(noun)
        previous = found[-1] if found else None
        if previous is not None and previous.kind == "nominal" and (
            text[previous.span.end : at] == " "
        ):
            # a compound: "one Trump campaign" + "source" is one nominal headed by "source"
            start = previous.span.start
            found.pop()
        else:
            floor = max(0, at - 60, last_nominal_end)
            determiner = _DETERMINER_BEFORE.search(text, floor, at, concurrent=False)
            if determiner is not None and text.count(" ", determiner.start(), at) > 1 and (
                crosses_verb(text, determiner.start(), at, patterns.speech_verbs)
            ):
                determiner = None  # "the Grain Co-operative told investors"
            if determiner is not None:
                start = determiner.start()
            elif role.type == "group" and noun.endswith("s"):
                # a bare plural: "officials said", "Protesters chanted", "union leaders said"
                start = modifiers_start(text, at, max(floor, at - 40), patterns.modifiers)
            else:
                continue
        last_nominal_end = end
        found.append(
            _new_mention((Span(start, end), "nominal", _ROLE_LABELS[role.type], noun, "", -1,
                          role.gender, "pl" if role.type == "group" else "sg", False))
        )
    # By start, longer first: two stable sorts with C-level keys, no Python call per mention.
    found.sort(key=_SPAN_END, reverse=True)
    found.sort(key=_SPAN_START)
    kept: list[Mention] = []
    kept_end = -1
    for m in found:
        span = m.span
        if span.start < kept_end:
            continue  # a pronoun or role noun inside a longer mention
        kept.append(m)
        kept_end = span.end
    return MentionIndex(tuple(kept), tuple(map(_SPAN_START, kept)))


def _join_coordinated(text: str, names: list[Mention]) -> list[Mention]:
    """"Pavel and Jana Tesar": two person names joined by "and" are one plural mention."""
    out: list[Mention] = []
    i = 0
    while i < len(names):
        m = names[i]
        if i + 1 < len(names) and m.label != "ORG" and names[i + 1].label != "ORG":
            nxt = names[i + 1]
            if text.startswith(" and ", m.span.end) and nxt.full_span.start == m.span.end + 5:
                span = Span(m.full_span.start, nxt.span.end)
                out.append(_new_mention((span, "name", "GROUP", text[m.span.start : nxt.span.end],
                                         "", -1, "-", "pl", False)))
                i += 2
                continue
        out.append(m)
        i += 1
    return out


_NAME_LABELS = frozenset({"PERSON", "ORG", "MISC"})
_UNTITLED_LABELS: dict[str, MentionLabel] = {
    "PERSON": "PERSON", "ORG": "ORG", "MISC": "UNKNOWN", "NORP": "UNKNOWN",
}
"""A name's mention label when no title comes before it (a title makes a person)."""


def _names(
    text: str, entities: Iterable[Entity], lexicon: Lexicon, patterns: MentionPatterns,
    plain_spaces: bool,
) -> list[Mention]:
    """The name mentions among ``entities``: persons, organisations, other names, and
    nationality words standing as surnames ("Cuban said"), in order.

    Most names have no title, and the title look-back gives up at the first word before
    the name unless that word is in ``patterns.title_lead``: for any other word (or no
    space before the name) the mention is exactly what :func:`_untitled_name` builds, so
    only the rest go through :func:`_name_mention`. Texts with odd spaces (see
    :func:`_title_start`) always do: ``str.rsplit`` would see other words there.

    Before splitting off the word, its last three characters are looked up in
    ``patterns.title_lead_ends``: a lead word ends so in some case, and ASCII characters
    lower-case alone, so three ASCII characters that are not there cannot end one. Where
    they may not be the word's end (a second space or a control character right before
    the name's space, or a text start), the test is skipped.
    """
    lead = patterns.title_lead
    ends = patterns.title_lead_ends
    genders = patterns.genders
    out: list[Mention] = []
    for span, label in entities:
        if label not in _NAME_LABELS and (
            label != "NORP" or not before_speech_verb(text, span.end, lexicon)
            and not (text[span.end : span.end + 1] in ",." and after_inverted_cue(
                text, span, lexicon))
        ):
            continue
        start = span.start
        if start and text[start - 1].isspace():
            tail = text[start - 4 : start - 1] if start > 3 else ""
            if ends is None or not tail or tail[2] <= " " or tail in ends or not tail.isascii():
                before = text[max(0, start - 40) : start].rsplit(None, 1)
                if not plain_spaces or (before and before[-1].lower().strip(",") in lead):
                    out.append(_name_mention(text, span, label, lexicon, patterns, plain_spaces))
                    continue
        out.append(_untitled_name(text, span, label, genders))
    return out


def _untitled_name(text: str, span: Span, label: str, genders: Mapping[str, str]) -> Mention:
    """A name mention without a title: its gender, if any, is a guess from the given name."""
    name = text[span.start : span.end]
    first = name.split(None, 1)
    gender = genders.get(first[0].lower(), "-") if first else "-"
    return _new_mention((span, "name", _UNTITLED_LABELS.get(label, "UNKNOWN"), name, "", -1,
                         gender, "sg", gender != "-"))


def _name_mention(
    text: str, span: Span, label: str, lexicon: Lexicon, patterns: MentionPatterns,
    plain_spaces: bool = True,
) -> Mention:
    """A name mention, with the title phrase before it ("Belgian Prime Minister") attached.

    A title makes the name a person's (unless it is an organisation's), and a title word
    ("Mrs.") tells the gender more surely than the given name does.
    """
    mention = _untitled_name(text, span, label, patterns.genders)
    title_start = _title_start(text, span.start, lexicon, plain_spaces)
    if title_start == span.start:
        return mention
    title = text[title_start : span.start].strip()
    gender, from_name = mention.gender, mention.gender_from_name
    for word in title.lower().split():
        info = lexicon.titles.get(word) or lexicon.titles.get(word + ".")
        if info is not None and info.gender != "-":
            gender, from_name = info.gender, False
    return mention._replace(label="ORG" if label == "ORG" else "PERSON", title=title,
                            title_start=title_start, gender=gender, gender_from_name=from_name)


def _title_start(text: str, pos: int, lexicon: Lexicon, plain_spaces: bool) -> int:
    """Where the title phrase before a name at ``pos`` starts, or ``pos`` when there is none.

    ``plain_spaces`` says the text has none of the four characters (U+001C to U+001F)
    that ``str.isspace`` counts as space and the ``regex`` module's ``\\s`` does not; then
    ``str.rstrip``/``str.rsplit`` find the word before ``pos`` exactly as ``_TITLE_WORD``
    would, at a fraction of the cost of a regex call.
    """
    title_start = pos
    words: list[str] = []
    titles = lexicon.titles
    for _ in range(6):
        if not pos or not text[pos - 1].isspace():
            break  # "(Kerry", "“Kerry": no title word can end right here
        low_end = max(0, pos - 40)
        if plain_spaces:
            head = text[low_end:pos].rstrip()
            if not head:
                break
            word = head.rsplit(None, 1)[-1]
            word_start = low_end + len(head) - len(word)
        else:
            match = _TITLE_WORD.search(text, low_end, pos, concurrent=False)
            if not match:
                break
            word = match.group(1)
            word_start = match.start(1)
        low = word.lower().strip(",")
        if low + "." in titles:
            low += "."  # British style drops the dot: "Mr Lloyd"
        if word.endswith(","):
            break
        if low in titles or low in lexicon.title_modifiers or words and (
            " ".join([low, *words[:2]]) in titles or low in ("of", "the")
        ):
            words.insert(0, low)
            pos = word_start
            if low not in ("of", "the"):
                title_start = pos
            continue
        break
    return title_start
