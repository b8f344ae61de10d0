"""Finding the speaker phrase before a speech cue: subjects, appositives, clause subjects.

Every function returns a :data:`~quoteattr.rules.base.SpeakerPhrase`: a known mention
when one fits, else a noun phrase ("a spokeswoman", "voices across Europe"), else None.
"""

from __future__ import annotations

import re
from bisect import bisect_left

import regex

from ..lexicon import word_list
from ..mentions import Mention, MentionIndex
from ..spans import Span
from .base import RuleInput, SpeakerPhrase
from .gaps import gap_to_cue
from .inverted import possessed_end


def _prepositions(*kinds: str) -> str:
    """The words of ``data/speaker_prepositions.tsv`` of ``kinds``, as alternatives."""
    rows = zip(word_list("speaker_prepositions"), word_list("speaker_prepositions", "kind"),
               strict=True)
    return "|".join(word for word, kind in rows if kind in kinds)


_PREPOSITION_BEFORE = regex.compile(rf"\b(?:{_prepositions('place', 'both')})\s+\Z")

_OBJECT_OF = regex.compile(
    rf"(?<![\p{{L}}'’-])(?:{_prepositions('object', 'both')})\s+\Z"
)
"""A preposition right before a mention: it is an object there, not a subject."""

_NOT_IN_NP = regex.compile(r"\b(?:and|or|but|\p{Ll}+ly)\b")

_APPOSITIVE_TAIL = regex.compile(
    r",\s*(?:who|which|a|an|the|\d)\b[^,;:!?\"“”\n]{0,200},\s*\Z"
)
"""A relative clause or appositive between a noun phrase and its cue."""

_OF_WORDS = ("of", "for", "from", "across", "at", "in", "with", "on")
_OF_PHRASE = regex.compile(
    r"(?<![\p{L}'’-])((?:(?:the|a|an|one|another|The|A|An|One|Another)\s+)?(?:[\p{L}-]+\s+){0,2}"
    r"(?P<head>[\p{L}-]+))\s+(?:" + "|".join(_OF_WORDS) + r")\s+(?:the\s+)?\Z"
)
_OF_PHRASE_ENDS = frozenset((*_OF_WORDS, "the"))
"""The last word of every window that ``_OF_PHRASE`` matches (see _noun_before_preposition)."""
"""A noun phrase and a preposition before a name: "voices across Europe", "a spokesman for"."""

_PREPOSITIONAL_OPENER = regex.compile(
    r"\s*(?:" + "|".join(w.capitalize() for w in word_list("clause_openers"))
    + r")\b[^,;:\"“”]{1,120},\s*"
)
"""A sentence-opening phrase whose nouns are not the clause's subject (its first word from
``data/clause_openers.tsv``; whole words, so their order is no matter)."""

_PARTICIPLE_OPENER = regex.compile(r"\s*(\p{Lu}\p{Ll}{2,}ing)\b[^,;:\"“”]{1,120},\s*")
"""A sentence-opening participle phrase ("Observing his daughter at her hat, he said:"):
its nouns are not the clause's subject either."""

_VERB_LIKE = regex.compile(
    r"(?:\s*\([^()]{1,30}\))?\s+(?:(?:also|then|later|again|quickly|once|not|never|has|had|have|will|"
    r"would|could|can|may|might|did|does)\s+)*(?:\p{Ll}+ed|\p{Ll}{2,}s|is|was|are|were|"
    + "|".join(word_list("irregular_past_verbs")) + r")\b"
)
"""A word after a mention that suggests the mention is a clause's subject ("Trump returned");
the irregular past forms are ``data/irregular_past_verbs.tsv``."""

_GENERIC_NP_BEFORE = regex.compile(
    r"(?:(?<![\p{L}'’-])(?:"
    + "|".join(f"{w}|{w.capitalize()}" for w in word_list("role_determiners"))
    + r")\s+(?:[\p{L}\p{N}'’-]+\s+){0,5}?[\p{L}\p{N}'’-]+|(?<![\p{L}'’-])"
    r"[\p{L}'’-]+)\s*\Z"
)
"""A noun phrase just before a cue: a determiner (``data/role_determiners.tsv``, lower-case
or capitalised) and up to six words, or one word."""


_NP_WORDS = 7
"""The most words a match of :data:`_GENERIC_NP_BEFORE` holds: a determiner, five words and
the head."""
_WORD_PUNCTUATION = "'’-"
_DETERMINERS_ARE_WORDS = all(w.isalpha() for w in word_list("role_determiners"))
"""What :func:`_phrase_floor` counts on (``data/role_determiners.tsv``)."""


def _phrase_floor(text: str, start: int, end: int) -> int:
    """Where a match of :data:`_GENERIC_NP_BEFORE` ending at ``end`` may start at the
    earliest: the start of the seventh word back, or of the first word after any other
    character (its words are letters, digits, apostrophes and hyphens apart from white
    space, and its determiners are words). Searching from there finds the match the
    search from ``start`` would (its lookbehinds still read the text before), without
    trying every position of an 80-character window.

    The walk back is one ``re`` match over the window reversed (:data:`_WORDS_BACK`): a
    loop over its characters in Python cost some 24,000 instructions a call."""
    if not _DETERMINERS_ARE_WORDS:
        return start
    back = _WORDS_BACK.match(text[start:end][::-1])
    return end - back.end() if back is not None else end


_WORDS_BACK = re.compile(rf"\s*(?:(?:[^\W_]|['’-])+\s*){{0,{_NP_WORDS}}}")
"""White space and up to :data:`_NP_WORDS` words, read from the end of a window reversed:
``re``'s ``\\s`` is ``str.isspace`` and ``[^\\W_]`` is ``str.isalnum``, character for
character, and the word's other characters are :data:`_WORD_PUNCTUATION`."""


_POSSESSOR_BEFORE = regex.compile(
    r"(?<![\p{L}\p{N}'’-])\p{Lu}[\p{L}\p{M}-]*+(?: \p{Lu}[\p{L}\p{M}-]*+){0,2}['’]s? \Z"
)
"""A named possessor right before a role noun: "Voss's" lawyer, "Ana Ruiz's" agent."""

_NOUN_END = regex.compile(r"(?<![\p{L}\p{N}'’.-])\p{Ll}{3,}\Z")
"""A lower-case word (a common noun: "mother", "spokesman") ending a phrase."""

_ROLE_PLACE_JOINT = regex.compile(r" (?:for|of|in|at) (?:the )?")


def _role_of_place_before(inp: RuleInput, k: int, floor: int) -> bool:
    """"The Green candidate for Hillcrest, Amaya Torres,": mention ``k`` is the name in an
    appositive after a person's role and the place or body it serves, as with a common
    noun right before it ("grandmother, Oyinda Bakare,")."""
    mentions, text = inp.mentions.mentions, inp.text
    if k < 2:
        return False
    place, role = mentions[k - 1], mentions[k - 2]
    return role.kind == "nominal" and role.label == "PERSON" and role.span.start >= floor and (
        place.kind == "name" and place.span.end + 2 == mentions[k].full_span.start
        and _ROLE_PLACE_JOINT.fullmatch(text, role.span.end, place.full_span.start,
                                        concurrent=False) is not None)


_NEAREST = 8
"""How many mentions before a cue :func:`speaker_before` tries as its subject."""


def last_mentions(index: MentionIndex, floor: int, end: int, limit: int) -> list[int]:
    """Indices of the last ``limit`` mentions wholly inside ``[floor, end)``, the last first:
    the mentions of ``index.between(floor, end)[:-limit - 1:-1]``, found by walking back from
    ``end`` instead of forward through the whole window (a clause may hold dozens)."""
    starts, mentions = index.starts, index.mentions
    out: list[int] = []
    k = bisect_left(starts, end) - 1
    while k >= 0 and starts[k] >= floor and len(out) < limit:
        if mentions[k].span.end <= end:
            out.append(k)
        k -= 1
    return out


def _position(index: MentionIndex, k: int) -> int:
    """``index.index_of(index.mentions[k])``: ``k`` itself unless an equal mention with the
    same start follows it (index_of returns the last such one)."""
    starts = index.starts
    if k + 1 == len(starts) or starts[k + 1] != starts[k]:
        return k
    return index.index_of(index.mentions[k])


def speaker_at(inp: RuleInput, start: int, cue_start: int) -> SpeakerPhrase | None:
    """The person or group mention that opens a clause at ``start`` when only an appositive
    or adverbs separate it from the cue: ``Jim Carr, a farmer near Moncton, N.B., said``.
    Looked at before :func:`speaker_before`, which goes back from the cue and would stop
    at a name inside the appositive (the place, the employer)."""
    m = inp.mentions.starting_at(start)
    if m is None or m.label == "ORG" or m.kind == "pronoun":
        return None
    if inp.text[m.span.end : m.span.end + 1] in ("'", "’"):
        return None  # "Okafor's partner": the possessor does not speak
    if not gap_to_cue(inp.text[m.span.end : cue_start]):
        return None
    return inp.mentions.index_of(m), m.full_span, ""


def speaker_before(
    inp: RuleInput, floor: int, cue_start: int
) -> SpeakerPhrase | None:
    """The subject phrase that ends just before a cue: a mention, else a noun phrase."""
    text = inp.text
    mentions = inp.mentions.mentions
    for k in last_mentions(inp.mentions, floor, cue_start, _NEAREST):  # nearest the cue first
        m = mentions[k]
        if m.kind == "pronoun" and m.head not in ("he", "she", "they", "we", "i", "it"):
            continue
        gap = text[m.span.end : cue_start]
        if not gap_to_cue(gap) and not (
            gap.startswith(", ") and (gap == ", " or gap_to_cue(gap[1:]))
            and m.kind == "name"
            and text[max(0, m.full_span.start - 2) : m.full_span.start] == ", " and (
                m.label == "PERSON" or m.label == "UNKNOWN" and (_NOUN_END.search(
                    text, max(floor, m.full_span.start - 30), m.full_span.start - 2)
                    or _role_of_place_before(inp, k, floor))
            )
        ):  # the second test: "Ortiz's campaign manager, Dana Reyes, said" (a person's
            # name, or any name after a common noun: "Kieran's mother, Jodie Lowe, said";
            # not the place in "Jim Carr, of Moncton, N.B., said"), also with words of
            # _GAP_TO_CUE after the comma ("..., Priya Raman, has posted")
            continue
        wider = _noun_before_preposition(inp, floor, m)
        if wider is not None:
            return wider
        if m.label != "PERSON" and k > 0:
            person = _person_before_organisation(inp, floor, k)
            if person is not None:
                return person
        if _OBJECT_OF.search(text, max(floor, m.full_span.start - 12), m.full_span.start):
            continue  # "An official speaking to Reuters said": not Reuters
        if text.endswith(", of ", max(floor, m.full_span.start - 5), m.full_span.start):
            continue  # "Keith Ames, of Dunmore, Co Galway, said": where he is from
        return _position(inp.mentions, k), m.full_span, ""
    i = cue_start
    while i > floor and text[i - 1].isspace():
        i -= 1
    # (the pattern ends with a comma and white space: most cues have none before them)
    appositive = _APPOSITIVE_TAIL.search(text, max(floor, cue_start - 240), cue_start) if (
        text[i - 1 : i] == ",") else None
    if appositive is not None:
        cue_start = appositive.start()  # "one board member, who asked not to be named, said"
    window_start = max(floor, cue_start - 80)
    match = _GENERIC_NP_BEFORE.search(text, _phrase_floor(text, window_start, cue_start),
                                      cue_start)
    if match:
        phrase_end = match.start() + len(match.group().rstrip())
        phrase = text[match.start() : phrase_end]
        first = phrase.split()[0].lower()
        head = phrase.split()[-1].lower()
        if phrase.count(" ") == 0 and head not in inp.lexicon.group_nouns and (
            head not in inp.lexicon.role_nouns
        ):
            return None
        if first in inp.lexicon.pronouns or head in inp.lexicon.not_names:
            return None
        if _PREPOSITION_BEFORE.search(text, max(0, match.start() - 20), match.start()) or (
            _NOT_IN_NP.search(phrase)
        ):
            return None  # "through the streets", "the car and repeatedly": not a subject
        owner = _POSSESSOR_BEFORE.search(text, max(floor, match.start() - 40), match.start())
        if owner is not None and phrase.count(" ") == 0:  # "Voss's lawyer", not "lawyer"
            return None, Span(owner.start(), phrase_end), text[owner.start() : phrase_end]
        return None, Span(match.start(), phrase_end), phrase
    return None


_AFFILIATION = regex.compile(r"\s+(?:with|of|from|at)\s+(?:the\s+)?\Z")
"""Between a person and the body they belong to: "Priya Nair with the" Coastal Health Agency."""


def _person_before_organisation(inp: RuleInput, floor: int, k: int) -> SpeakerPhrase | None:
    """"Priya Nair with the Coastal Health Agency says": the person before an affiliation
    speaks, not the organisation the cue follows."""
    m = inp.mentions.mentions[k]
    start = m.title_start if m.title_start >= 0 else m.span.start
    before = inp.mentions.mentions[k - 1]
    if before.label == "ORG" or before.kind != "name" or before.span.start < floor:
        return None
    if not _AFFILIATION.match(inp.text, before.span.end, start):
        return None
    return _position(inp.mentions, k - 1), before.full_span, ""


def _noun_before_preposition(
    inp: RuleInput, floor: int, m: Mention
) -> SpeakerPhrase | None:
    """"voices across Europe" / "a spokesman for the ministry": the noun before the preposition
    is the speaker, not the name after it."""
    start = m.title_start if m.title_start >= 0 else m.span.start
    window_start = max(floor, start - 60)
    # The pattern ends in a preposition (or "the" after one), which white space stands
    # before and after, so a window whose last word (str.isspace counts every space
    # that regex's \s does) is neither cannot match: a slice and a split instead of a
    # regex search, which costs some 200 instructions per character of the window.
    last = inp.text[window_start:start].rsplit(None, 1)
    if not last or last[-1] not in _OF_PHRASE_ENDS:
        return None
    match = _OF_PHRASE.search(inp.text, window_start, start)
    if match is None:
        return None
    head = match.group("head").lower()
    lex = inp.lexicon
    if head not in lex.group_nouns and head not in lex.role_nouns:
        return None
    phrase_span = Span(match.start(1), match.end(1))
    inner = inp.mentions.between(phrase_span.start, phrase_span.end)
    if inner and inner[-1].kind == "nominal" and len(inner[-1].span) > len(inner[-1].head):
        # "a spokesman for the ministry": the determined noun phrase is the speaker; a bare
        # plural ("voices across Europe") keeps its whole phrase as the speaker's name
        return inp.mentions.index_of(inner[-1]), inner[-1].span, ""
    end = m.span.end
    return None, Span(phrase_span.start, end), inp.text[phrase_span.start : end]


_AUTHOR_JOINTS = (" from ", " by ")
"""Between a document and its author's name (see :func:`document_author`)."""


def document_author(inp: RuleInput, speaker: SpeakerPhrase) -> SpeakerPhrase:
    """The author named right after a document that speaks: "according to a statement from
    the band council" is the band council's words; else ``speaker`` as it is."""
    k = speaker[0]
    if k is None:
        return speaker
    mentions = inp.mentions.mentions
    m = mentions[k]
    joint = next((j for j in _AUTHOR_JOINTS if inp.text.startswith(j, m.span.end)), "")
    if not joint or m.kind != "nominal" or m.head not in inp.lexicon.document_nouns:
        return speaker
    after = m.span.end + len(joint)
    if k + 1 >= len(mentions) or mentions[k + 1].full_span.start != after:
        return speaker
    author = mentions[k + 1]
    return k + 1, Span(after, author.span.end), ""


def is_person_like(inp: RuleInput, speaker: SpeakerPhrase | None) -> bool:
    if speaker is None or speaker[0] is None:
        return False
    return inp.mentions.mentions[speaker[0]].label in ("PERSON", "GROUP")


def sentence_start(text: str, floor: int, end: int) -> int:
    """Where the last sentence before ``end`` starts (after ". "), not before ``floor``."""
    # Bounded, so a paragraph with thousands of quotes is not searched once per quote.
    stop = text.rfind(". ", max(floor, end - 2000), max(end, floor))
    return floor if stop < 0 else stop + 2


def clause_subject(inp: RuleInput, window: Span) -> SpeakerPhrase | None:
    """The likely subject of a clause: a mention followed by a speech verb, else one followed
    by a verb-like word ("Trump returned"), else the first mention. Possessives, modifiers of
    the next name and nouns in a sentence-opening phrase are skipped."""
    opener = _PREPOSITIONAL_OPENER.match(inp.text, window.start, window.end)
    if opener is None:
        opener = _PARTICIPLE_OPENER.match(inp.text, window.start, window.end)
        if opener is not None and inp.mentions.between(opener.start(1), opener.end(1)):
            opener = None  # "Fleming looked at them, then said:": a name, no participle
    if opener is not None:
        window = Span(opener.end(), window.end)  # "In a statement released Thursday, X ..."
    mentions = inp.mentions.between(window.start, window.end)
    text = inp.text
    best: tuple[int, Mention, int] | None = None
    for n, m in enumerate(mentions):
        end = m.span.end
        if text[end : end + 1] in ("'", "’"):
            # "Brandvold's agent brushed off ...": the role after a possessor, if any
            owned = possessed_end(inp, end, window.end)
            if owned is None or n + 1 < len(mentions) and (
                mentions[n + 1].full_span.start <= owned + 2
            ):
                continue  # "Carson's business manager, Armstrong Williams, stated": the name
            end = owned
        elif n + 1 < len(mentions) and mentions[n + 1].full_span.start <= end + 1:
            continue
        if m.kind == "pronoun" and m.head not in ("he", "she", "they", "we", "i"):
            continue
        cue = inp.cues.search(text, end, min(window.end, end + 60))
        if cue is not None and gap_to_cue(text[end : cue.start()]):
            rank = 0
        elif _VERB_LIKE.match(text, end, window.end):
            rank = 1
        else:
            rank = 2
        if end != m.span.end:
            if rank == 2:
                continue  # "to back Clinton's campaign": an object, not the subject
            rank += 1  # a possessor's role: behind a plain mention of the same rank
        if best is None or rank < best[0]:
            best = (rank, m, end)
        if rank == 0:
            break
    if best is None:
        return None
    _, m, end = best
    if end != m.span.end:
        span = Span(m.full_span.start, end)
        return None, span, text[span.start : span.end]
    return inp.mentions.index_of(m), m.full_span, ""
