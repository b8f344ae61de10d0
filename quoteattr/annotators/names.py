"""Names for the parse path: a parser's entities, cleaned, combined with quoteattr's own.

A statistical tagger's entity spans are taken from tokens, and its tokens are not
quoteattr's: a span may keep the quotation mark before a name (``Marcia "``), the
possessive ending (``CBC Sports'``) or a full stop, or run over a paragraph break
("Justin Trudeau\\n\\nTrudeau"). :func:`clean_entity` trims such spans to the name.

A tagger also misses names a reporter would not (a bare surname in ``"...," Surname
said``), and a Document may have no NER at all. :func:`combine_entities` therefore adds
the names the built-in name finder (:class:`~.embedded.EmbeddedAnnotator`) sees where
the tagger saw none, but only on evidence a journalist would accept: the name stands
right beside a speech verb ("Okafor said", "said Okafor") or as a dash credit line
("― Okafor"), carries a title ("Sen. Okafor"), repeats a word of a name the tagger
did find (the surname "Okafor" after "Grace Okafor"), recurs through the text (the
finder sees it three times or more), or is of several words where the tagger saw none.
A person read as an organisation, place or work for the role before the name ("Shop
owner Catriona MacLeod") is a person (:mod:`.role_names`); otherwise a tagged place or
thing gives way to the finder's name only beside a speech verb ("confessed Tuppence").
Without any NER from the Document, the built-in names are used alone."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import repeat
from operator import le
from typing import Any

import regex

from ..annotation import Entity, EntityLabel
from ..lexicon import Lexicon
from ..spans import Span
from ..wrap import flatten
from .embedded import EmbeddedAnnotator
from .name_words import Word, joinable
from .own_names import OwnNames, finder_for, new_spans
from .role_names import MISREAD_TYPES, person_after_role, person_of_tagged
from .tag_context import mend_types

ENTITY_LABELS: dict[str, EntityLabel] = {
    "PERSON": "PERSON", "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE", "LOC": "GPE", "FAC": "GPE",
    "NORP": "NORP",
    "MISC": "MISC",
}
"""OntoNotes / CoNLL-03 entity type -> Annotation label; types not listed are dropped.

PERSON, ORG and NORP keep their label; GPE, LOC and FAC become GPE (places). The numeric
and time types (DATE, CARDINAL, MONEY, ...) are never names, and EVENT, WORK_OF_ART,
LAW, PRODUCT and LANGUAGE are not mapped to MISC because the mention stage treats MISC
as a possible speaker's name, which those never are. CoNLL-03's PER and LOC map to
PERSON and GPE. stanza's and spaCy's English NER both use these types."""

_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "MISC"})
"""The labels the mention stage takes as names a quote's speaker can have."""
_EDGE = "\"'“”‘’«»‹›„‚‛‟`´()[]{}<>,;:!?*•·|/\\―—–‒‑‐-~_ \t\u00a0\u2009\u200a\u202f"
"""Characters trimmed from both ends of an entity span: quotation marks, brackets and
punctuation no name begins or ends with (a full stop is kept: "Corp.", "Jr.")."""
_POSSIBLE_ENDS = frozenset(_EDGE) | {"s", "S"}
"""Last characters that may need trimming: punctuation, or the s of a possessive."""
_POSSESSIVE = regex.compile(r"(?:['’]s|(?<=s)['’])\Z", regex.IGNORECASE)
_LINE_BREAK = regex.compile(r"[\n\r\u2028\u2029\f\v]")
_GAP = r"(?:[ \t\u00a0]+|[ \t\u00a0]*\r?\n[ \t\u00a0]*)"
"""Space between two words of one sentence: a hard-wrapped line's break, never a blank line."""
_SPEECH_AFTER = regex.compile(r"[ \t\u00a0]*,?" + _GAP + r"(\p{Ll}+)\b")
_SPEECH_BEFORE = regex.compile(r"(?r)\b(\p{Ll}+),?" + _GAP + r"\Z")
_SPEECH_AFTER_FIRST = frozenset(" \t\u00a0,\r\n")
"""The characters :data:`_SPEECH_AFTER` can start with (one of them must be there)."""
_SPEECH_BEFORE_LAST = frozenset(" \t\u00a0\n")
"""The characters a gap before the name (in :data:`_SPEECH_BEFORE`) can end with."""


def clean_entity(text: str, start: int, end: int) -> list[Span]:
    """The name pieces of the span ``[start, end)``: cut at line breaks, with quotation
    marks, punctuation and a possessive ending trimmed off; empty pieces are dropped."""
    if (start < end and text[start] not in _EDGE and text[end - 1] not in _POSSIBLE_ENDS
            and "\n" not in text[start:end] and _LINE_BREAK.search(text, start, end) is None):
        return [Span(start, end)]  # most spans: nothing to trim or cut
    pieces: list[Span] = []
    piece_start = start
    for match in _LINE_BREAK.finditer(text, start, end):
        pieces.append(Span(piece_start, match.start()))
        piece_start = match.end()
    pieces.append(Span(piece_start, end))
    out = []
    for piece in pieces:
        s, e = piece.start, piece.end
        while True:
            while s < e and text[s] in _EDGE:
                s += 1
            while e > s and text[e - 1] in _EDGE:
                e -= 1
            possessive = _POSSESSIVE.search(text, s, e)
            if possessive is None or possessive.start() == s:
                break
            e = possessive.start()
        if e > s and any(c.isalnum() for c in text[s:e]):
            out.append(Span(s, e))
    return out


def combine_entities(
    text: str,
    paragraphs: Sequence[Span],
    tagged: Iterable[tuple[str, int, int]] | None,
    lexicon: Lexicon,
) -> tuple[Entity, ...]:
    """The Document's entities (``(type, start, end)``; None when it has no NER), cleaned,
    plus the built-in name finder's names that evidence supports (see the module doc).

    Written for speed, as it runs on every parsed document: spans are kept as pairs of
    ints until the end, a tagged span of a type that is no name (a date, a number) is
    cleaned only if a finder's name overlaps it, and the finder reads only the words
    outside the tagged names (its runs end at them, and its names are classified one by
    one), all but the count of recurring names, which is made only when asked."""
    finder = finder_for(lexicon)
    paragraphs = tuple(paragraphs)
    # A hard-wrapped line's break inside a paragraph is a space, as the embedded path reads
    # it ("Miss\nBartlett" is one name); every offset stays (quoteattr.wrap.flatten).
    text = flatten(text, paragraphs)
    if tagged is None:
        return tuple(finder._entities(text, paragraphs))  # noqa: SLF001 - same package
    found: set[tuple[int, int, EntityLabel]] = set()
    kept: list[tuple[int, int]] = []  # tagged spans of names a speaker can have
    covered: list[tuple[int, int, bool]] = []  # other tagged spans; True: not yet cleaned
    named: list[tuple[int, int]] = []  # tagged PERSON and ORG spans
    labels = _labels_of_types
    tagged = mend_types(text, tagged if isinstance(tagged, list) else list(tagged), lexicon)
    surnames: frozenset[str] | None = None
    for kind, start, end in tagged:
        label = labels.get(kind, _MISSING)
        if label is _MISSING:
            if len(labels) > _MAX_TYPES:
                labels.clear()
            label = labels[kind] = ENTITY_LABELS.get(str(kind).upper())
        if label is None:
            if kind not in MISREAD_TYPES or person_after_role(text, start, end, lexicon) is None:
                covered.append((start, end, True))
                continue
            label = "GPE"  # a work's span holding a person's name: read as a place's below
        if (start < end and text[start] not in _EDGE and text[end - 1] not in _POSSIBLE_ENDS
                and (text[start:end].isprintable() or _LINE_BREAK.search(text, start, end)
                     is None)):
            pieces: Iterable[tuple[int, int]] = ((start, end),)  # most spans: nothing to trim
        else:
            pieces = [(p.start, p.end) for p in clean_entity(text, start, end)]
        for bounds in pieces:
            if not text[bounds[0]].isupper() and text[bounds[0] : bounds[1]].islower():
                covered.append((*bounds, False))  # "sternly", "donna sang": no name at all
                continue
            if label in _PERSON_OR_MISREAD:
                if surnames is None:
                    surnames = _surnames(text, tagged)
                bounds, label = person_of_tagged(text, bounds, label, finder, surnames)
            found.add((*bounds, label))
            if label in _SPEAKER_LABELS:
                kept.append(bounds)
                if label != "MISC":
                    named.append(bounds)
            else:
                covered.append((*bounds, False))
    kept.sort()
    kept_spans = _Bounds(kept)
    hits_kept = kept_spans.hits  # kept spans are cleaned already
    others = _Bounds(covered)
    runs = _runs_between(text, paragraphs, kept, finder)
    own = OwnNames(text, runs, finder._classify)  # noqa: SLF001
    entities = own.entities
    classify = own.classify
    name_words: set[str] | None = None
    own_surnames: set[str] = set()  # the last words of the finder's people's full names
    replaced: list[tuple[int, int, bool]] = []
    pronouns, function_words = lexicon.pronouns, lexicon.function_words
    for n, run in enumerate(runs):
        last = run[-1]
        entity = entities[n] = classify(text, run)
        if entity is None or entity.label not in _SPEAKER_LABELS:
            continue
        span = entity.span
        start, end = span.start, span.end
        if len(run) == 1:  # most runs: the name is the word tested above
            single = True
            if last.low in pronouns or last.low in function_words:
                continue  # :func:`_not_a_name`
        else:
            if hits_kept(start, end):
                continue
            single = " " not in text[start:end]
            if single and _not_a_name(text[start:end], lexicon):
                continue
        if others.overlaps(start, end, text):
            # The tagger called it something else (a date, a place): only a speech verb
            # beside it ("confessed Tuppence") or a role before a given name says otherwise.
            if person_after_role(text, start, end, lexicon) == start:  # "worker Thandiwe X"
                entity = Entity(span, "PERSON")
            elif not (_beside_speech_verb(text, span, lexicon) or _credited(text, span)):
                continue
            replaced.append((start, end, False))
        else:  # any evidence will do: the cheapest tests first
            if single and name_words is None:
                # Every word of a tagged name: the word asked about is capitalised (a
                # finder's word), so no word need be tested for its capital here.
                name_words = set(" ".join([text[s:e] for s, e in named]).split())
            if not ((single and name_words is not None and text[start:end] in name_words)
                    # Two capitalised words or more that the finder reads as a name, where
                    # the tagger saw nothing at all: the tagger missed it ("Skyline Air",
                    # a name it never met), and the finder's reading is the embedded path's.
                    or not single
                    or _has_title(text, span, lexicon)
                    or single and _given_name_described(text, start, end, lexicon)
                    or single and _joined_to_person(text, start, end, kept_spans, lexicon)
                    or _beside_speech_verb(text, span, lexicon) or _credited(text, span)
                    or (text.count(text[start:end]) >= 3  # counts at least the finder's
                        and own.count(text[start:end], last.text) >= 3)):
                continue
        found.add((start, end, entity.label))
        if entity.label == "PERSON" and not single:
            own_surnames.add(text[text.rindex(" ", start, end) + 1 : end])
    if replaced:
        swept = _Bounds(replaced)
        found = {e for e in found
                 if e[2] in _SPEAKER_LABELS or not swept.overlaps(e[0], e[1], text)}
    if own_surnames:
        # "the MCM's Mahlatsi" tagged a place, after the finder's "Thabo Mahlatsi": the
        # person's surname, as after a tagged person's full name (role_names.person_of_tagged)
        found = {(s, e, "PERSON") if label in _PLACE_OR_BODY and text[s:e] in own_surnames
                 else (s, e, label) for s, e, label in found}
    if not found:
        return ()
    starts, ends, names = zip(*sorted(found), strict=True)  # spans and entities in bulk
    spans = new_spans(starts, ends)
    return tuple(map(tuple.__new__, repeat(Entity), zip(spans, names, strict=True)))


_WORD = regex.compile(r"\S+")


def _runs_between(text: str, paragraphs: tuple[Span, ...], kept: list[tuple[int, int]],
                  finder: EmbeddedAnnotator) -> list[list[Word]]:
    """The finder's runs of capitalised words between the tagged names ``kept`` (sorted),
    as it would have read them with the tagged words in: a run it would have carried on
    into a tagged name is that name's title ("Mr." before a tagged "Obama") and is left
    out, and one it would have carried on out of a tagged name takes that name's words
    back, so that what the finder's name is stays its own ("Councillor" tagged, then
    "Ana Ruiz": the finder's "Ana Ruiz"; "Marieke Botha" tagged, then "MP": no name)."""
    starts = [start for start, _ in kept]
    runs = []
    for run in finder._runs(text, paragraphs, None, kept):  # noqa: SLF001 - same package
        end, start = run[-1].end, run[0].start
        i = bisect_left(starts, end)  # the first tagged name after the run
        if i < len(starts) and joinable(text, end, starts[i]):
            continue
        if i and kept[i - 1][1] <= start and joinable(text, kept[i - 1][1], start):
            run = [Word(m.start(), m.end(), m[0], m[0].lower())
                   for m in _WORD.finditer(text, kept[i - 1][0], kept[i - 1][1])] + run
        runs.append(run)
    return runs
_PLACE_OR_BODY = frozenset({"ORG", "GPE"})
_PERSON_OR_MISREAD = frozenset({"PERSON", "ORG", "GPE"})
"""Labels whose spans :func:`_person` looks at: a person's, or one a tagger gives a person."""


def _surnames(text: str, tagged: list[tuple[str, int, int]]) -> frozenset[str]:
    """The last words of the tagged persons' names of two words or more."""
    out = set()
    for kind, start, end in tagged:
        if kind in ("PERSON", "PER"):
            words = text[start:end].split()
            if len(words) > 1:
                out.add(words[-1])
    return frozenset(out)


_MISSING: Any = object()
_MAX_TYPES = 1000
_labels_of_types: dict[Any, EntityLabel | None] = {}
"""Tagger entity types already mapped by :data:`ENTITY_LABELS` (a few per tagger)."""


class _Bounds:
    """Spans as (start, end) or (start, end, uncleaned), sorted, for quick overlap tests.
    A span marked uncleaned is a tagger's raw span: it overlaps only if one of the pieces
    :func:`clean_entity` makes of it does."""

    def __init__(self, spans: Iterable[tuple[int, int] | tuple[int, int, bool]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s[0] for s in self.spans]
        ends = [s[1] for s in self.spans]
        self.disjoint = all(map(le, ends, self.starts[1:]))
        """No span overlaps the next (a tagger's spans): ends grow with starts."""
        self.longest = max((s[1] - s[0] for s in self.spans), default=0)

    def hits(self, start: int, end: int) -> bool:
        """Whether a span overlaps ``[start, end)``, when every span is cleaned (no flag).

        Disjoint spans (a tagger's): only the last one starting before ``end`` can, as
        the ends grow with the starts."""
        if self.disjoint:
            i = bisect_left(self.starts, end) - 1
            return i >= 0 and self.spans[i][1] > start
        return self.overlaps(start, end, "")

    def overlaps(self, start: int, end: int, text: str) -> bool:
        spans = self.spans
        if self.disjoint:  # back from the last span starting before ``end``
            i = bisect_left(self.starts, end) - 1
            while i >= 0 and spans[i][1] > start:
                if _overlap(spans[i], start, end, text):
                    return True
                i -= 1
            return False
        for i in range(bisect_left(self.starts, start - self.longest), len(spans)):
            other = spans[i]
            if other[0] >= end:
                return False
            if other[1] > start and _overlap(other, start, end, text):
                return True
        return False


def _overlap(span: tuple[int, int] | tuple[int, int, bool], start: int, end: int,
             text: str) -> bool:
    """Whether ``span``, known to overlap [start, end), still does once cleaned."""
    return len(span) == 2 or not span[2] or any(
        p.start < end and start < p.end for p in clean_entity(text, span[0], span[1]))


def _beside_speech_verb(text: str, span: Span, lexicon: Lexicon) -> bool:
    """``Okafor said``, ``said Okafor``, ``says Okafor,``: a speech verb right beside it.
    A weak one ("spoke", "resumed", "returned") counts only beside a name of several words
    ("Ana Duarte spoke"): one capitalised word before it may be any noun ("Ferries
    resumed")."""
    start, end = span.start, span.end
    several = " " in text[start:end].strip()
    verbs = lexicon.speech_verbs if several else lexicon.strong_speech_verbs
    if text[end : end + 1] in _SPEECH_AFTER_FIRST:  # else no verb can follow: skip the regex
        after = _SPEECH_AFTER.match(text, end, min(len(text), end + 40))
        if after is not None and after.group(1) in verbs:
            return True
    if text[start - 1 : start] not in _SPEECH_BEFORE_LAST:
        return False
    before = _SPEECH_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and before.group(1) in verbs


_CREDIT_BEFORE = regex.compile(r"(?r)[―—–-][ \t\u00a0]*\Z")
_CREDIT_AFTER = regex.compile(r"[ \t\u00a0.,]*(?:$|\n|\r)", regex.MULTILINE)
_CREDIT_AFTER_FIRST = frozenset(("", " ", "\t", "\u00a0", ".", ",", "\n", "\r"))
"""What may follow a credit line's name: the text's end, or a character of :data:`_CREDIT_AFTER`."""


def _credited(text: str, span: Span) -> bool:
    """A credit line: the name after a dash, ending its line ("― Okafor" under a quote)."""
    return (text[span.end : span.end + 1] in _CREDIT_AFTER_FIRST  # the cheap test first
            and _CREDIT_BEFORE.search(text, max(0, span.start - 4), span.start) is not None
            and _CREDIT_AFTER.match(text, span.end) is not None)


def _joined_to_person(text: str, start: int, end: int, kept: _Bounds, lexicon: Lexicon) -> bool:
    """A given name joined to a tagged name by "and": "Pavel" in "Pavel and Jana Tesar"
    (the couple's shared surname written once), where the tagger took only the second."""
    if not text.startswith((" and ", " & "), end) or text[start:end].lower() not in (
        lexicon.first_names
    ):
        return False
    after = end + (5 if text[end + 1] == "a" else 3)
    return kept.hits(after, after + 1)


def _not_a_name(word: str, lexicon: Lexicon) -> bool:
    """A capitalised pronoun or function word ("She", "But"): never a name added here."""
    low = word.lower()
    return low in lexicon.pronouns or low in lexicon.function_words


def _has_title(text: str, span: Span, lexicon: Lexicon) -> bool:
    """A title word right before the name: "Sen. Okafor", "Mr Lloyd"."""
    head = text[max(0, span.start - 30) : span.start].rstrip()
    if len(head) == span.start - max(0, span.start - 30):
        return False  # no space before the name
    word = head.rsplit(None, 1)[-1].lower() if head.split() else ""
    return lexicon.is_title(word)


_DESCRIBED_AFTER = (", who ", ", whose ", ", a ", ", an ", ", the ")
"""What follows a person named by a given name alone and then described: "Carmen, who
asked that her surname not be published,", "Priya, a student who ..."."""


def _given_name_described(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """A given name of the lexicon's followed by a relative clause or an appositive: a
    person the reporter names by first name only, whom a tagger often misses."""
    return text.startswith(_DESCRIBED_AFTER, end) and (
        text[start:end].lower() in lexicon.first_names)


__all__ = ["ENTITY_LABELS", "clean_entity", "combine_entities"]
