"""Names for the parse path: a parser's entities, cleaned, combined with quoteattr's own.

A statistical tagger's entity spans are taken from tokens, and its tokens are not
quoteattr's: a span may keep the quotation mark before a name (``Marcia "``), the
possessive ending (``CBC Sports'``) or a full stop, or run over a paragraph break
("Justin Trudeau\\n\\nTrudeau"). :func:`~.tagged_spans.clean_entity` trims such spans
to the name.

A tagger also misses names a reporter would not (a bare surname in ``"...," Surname
said``), and a Document may have no NER at all. :func:`combine_entities` therefore adds
the names the built-in name finder (:class:`~.embedded.EmbeddedAnnotator`) sees where
the tagger saw none, but only on evidence a journalist would accept: the name stands
right beside a speech verb ("Okafor said", "said Okafor") or as a dash credit line
("― Okafor"), carries a title ("Sen. Okafor"), repeats a word of a name the tagger
did find (the surname "Okafor" after "Grace Okafor"), recurs through the text (the
finder sees it three times or more), or is of several words where the tagger saw none
(the tests: :mod:`.name_evidence`).
A person read as an organisation, place or work for the role before the name ("Shop
owner Catriona MacLeod") is a person (:mod:`.role_names`); otherwise a tagged place or
thing gives way to the finder's name only beside a speech verb ("confessed Tuppence").
Without any NER from the Document, the built-in names are used alone."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import repeat
from typing import Any

import regex

from ..annotation import Entity, EntityLabel
from ..lexicon import Lexicon
from ..spans import Span
from ..wrap import flatten
from .embedded import EmbeddedAnnotator
from .name_evidence import (
    beside_speech_verb,
    credited,
    not_a_name,
    single_word_evidence,
)
from .name_words import Word, abbreviated, joinable
from .own_names import OwnNames, finder_for, new_spans
from .owner_caches import cache_of
from .role_names import MISREAD_TYPES, person_after_role, person_of_tagged, uncut_person
from .tag_context import mend_types
from .tag_extents import Joined, hyphen_tail_end, only_titles, widened
from .tag_neighbours import described_as_person
from .tagged_spans import (
    EDGE,
    HYPHENS,
    LINE_BREAK,
    POSSIBLE_ENDS,
    Bounds,
    clean_entity,
    hyphen_fragment,
    person_end,
)

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
    clean_names, plain_people = cache_of(_CLEAN, finder), cache_of(_PLAIN_PEOPLE, finder)
    tagged, surnames = _undecided_left_out(
        text, mend_types(text, tagged if isinstance(tagged, list) else list(tagged), lexicon))
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
        written = text[start:end]
        if end - start > 1 and label != "PERSON":  # most names: nothing to trim, and no
            clean = clean_names.get(written)  # hyphen beside them: as in the loop below
            if clean is None:
                if len(clean_names) >= _MAX_SHAPES:
                    clean_names.clear()
                clean = clean_names[written] = _clean(text, start, end, written)
            if clean and text[end : end + 1] not in HYPHENS and (
                    text[start - 1 : start] not in HYPHENS):
                bounds = start, end
                if label in _PERSON_OR_MISREAD:
                    bounds, label = person_of_tagged(text, bounds, label, finder, surnames)
                found.add((*bounds, label))
                if label in _SPEAKER_LABELS:
                    kept.append(bounds)
                    if label != "MISC":
                        named.append(bounds)
                else:
                    covered.append((*bounds, False))
                continue
        elif end - start > 1:  # a person's: most are kept as they are (person_of_tagged)
            plain = plain_people.get(written)
            if plain is None:
                if len(plain_people) >= _MAX_SHAPES:
                    plain_people.clear()
                plain = plain_people[written] = _clean(text, start, end, written) and (
                    not text[end - 1].isdigit() and uncut_person(written, finder))
            if plain and text[end : end + 1] not in HYPHENS and (
                    text[start - 1 : start] not in _HYPHENS_OR_STOP):
                found.add((start, end, "PERSON"))
                kept.append((start, end))
                named.append((start, end))
                continue
        if _nothing_to_trim(text, start, end, written):
            pieces: Iterable[tuple[int, int]] = ((start, end),)  # most spans: nothing to trim
        else:
            pieces = [(p.start, p.end) for p in clean_entity(text, start, end)]
        for bounds in pieces:
            if not text[bounds[0]].isupper() and text[bounds[0] : bounds[1]].islower():
                covered.append((*bounds, False))  # "sternly", "donna sang": no name at all
                continue
            if (text[bounds[1] : bounds[1] + 1] in HYPHENS
                    or text[bounds[0] - 1 : bounds[0]] in HYPHENS) and hyphen_fragment(
                        text, *bounds):
                continue  # "Tawhiri" of "Mere Tawhiri-Lowe": the finder reads the name
            if label == "PERSON" and text[bounds[0] - 1 : bounds[0]] == ".":
                bounds = _initial_before(text, bounds[0], lexicon), bounds[1]  # "Ts.Enkhtuya"
            if label == "PERSON" and text[bounds[1] - 1].isdigit():
                bounds = bounds[0], person_end(text, *bounds)  # "Mei-Lin Ashcroft 6-4"
            elif label == "PERSON" and text[bounds[1] : bounds[1] + 1] == "-":
                bounds = bounds[0], hyphen_tail_end(text, *bounds)  # "Doris Fung Siu-ling"
            if label in _PERSON_OR_MISREAD:
                bounds, label = person_of_tagged(text, bounds, label, finder, surnames)
            if label != "PERSON" and text.startswith(_ARTICLES, bounds[0]) and (
                    bounds[1] - bounds[0] > 4):  # "The Senate Finance Committee", as the
                bounds = bounds[0] + 4, bounds[1]  # embedded path reads it
            found.add((*bounds, label))
            if label in _SPEAKER_LABELS:
                kept.append(bounds)
                if label != "MISC":
                    named.append(bounds)
            else:
                covered.append((*bounds, False))
    kept.sort()
    kept_spans = Bounds(kept)
    hits_kept = kept_spans.hits  # kept spans are cleaned already
    others = Bounds(covered)
    joined: list[Joined] = []
    runs = _runs_between(text, paragraphs, kept, finder, joined)
    own = OwnNames(text, runs, finder._classified)  # noqa: SLF001
    entities = own.entities
    classified = own.classified
    name_words: set[str] | None = None
    own_surnames: set[str] = set()  # the last words of the finder's people's full names
    replaced: list[tuple[int, int, bool]] = []
    pronouns, function_words = lexicon.pronouns, lexicon.function_words
    for n, run in enumerate(runs):
        last = run[-1]
        entity = entities[n]  # classified already if a count asked for it
        if entity is False:
            entity = entities[n] = classified(text, run)
        if entity is None or entity[2] not in _SPEAKER_LABELS:
            continue
        start, end, label = entity
        if len(run) == 1:  # most runs: the name is the word tested above
            single = True
            if last.low in pronouns or last.low in function_words:
                continue  # :func:`_not_a_name`
        else:
            if hits_kept(start, end):
                continue
            # a name of one word, not one with a glued initial ("Ts.Enkhtuya": two words)
            single = " " not in text[start:end] and _GLUED_INITIAL.match(
                text, start, end) is None
            if single and not_a_name(text[start:end], lexicon):
                continue
        if others.overlaps(start, end, text):
            # The tagger called it something else (a date, a place): only a speech verb
            # beside it ("confessed Tuppence") or a role before a given name says otherwise.
            if person_after_role(text, start, end, lexicon) == start:  # "worker Thandiwe X"
                label = "PERSON"
            elif not single and not others.overlaps(start, run[0].end, text) and (
                    described_as_person(text, end, lexicon)):
                label = "PERSON"  # "Mere Tahana, who runs" ("Tahana" a place)
            elif not (beside_speech_verb(text, start, end, lexicon) or credited(
                    text, start, end)):
                continue
            replaced.append((start, end, False))
        else:  # any evidence will do: the cheapest tests first
            if single and name_words is None:
                # Every word of a tagged name: the word asked about is capitalised (a
                # finder's word), so no word need be tested for its capital here.
                name_words = set(" ".join([text[s:e] for s, e in named]).split())
            # Two capitalised words or more that the finder reads as a name, where the
            # tagger saw nothing at all: the tagger missed it ("Skyline Air", a name it
            # never met), and the finder's reading is the embedded path's.
            if single and not single_word_evidence(
                    text, start, end, text[start:end], last.text, name_words, own_surnames,
                    kept_spans, own, lexicon):
                continue
        found.add((start, end, label))
        if not single and (label == "PERSON" or _DOUBLE_BARRELLED.search(
                text, start, end) is not None):  # "Mere Tawhiri-Lowe", read MISC
            own_surnames.add(text[text.rindex(" ", start, end) + 1 : end])
    if joined:
        found = widened(text, found, joined, classified, lexicon,
                        lambda s, e: others.overlaps(s, e, text))
    if replaced:
        swept = Bounds(replaced)
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
_GLUED_INITIAL = regex.compile(r"\p{Lu}\p{Ll}?\.\p{Lu}")
"""An initial glued to the name after it: "D.Oyunchimeg", "Ts.Enkhtuya"."""
_INITIAL_BEFORE = regex.compile(r"(?r)(?<![\p{L}.])\p{Lu}\p{Ll}?\.\Z")


def _nothing_to_trim(text: str, start: int, end: int, written: str) -> bool:
    """Whether :func:`~.tagged_spans.clean_entity` leaves the span ``written`` at
    ``[start, end)`` whole, told by string tests (most spans)."""
    return (start < end and text[start] not in EDGE and (
            text[end - 1] not in POSSIBLE_ENDS  # nor an "s" with no possessive's mark:
            or text[end - 1] in "sS" and text[end - 2] not in "'’")  # "Reuters", "Jones"
            and (written.isprintable() or LINE_BREAK.search(text, start, end) is None)
            and "(" not in written and '"' not in written and "”" not in written
            and "»" not in written)  # a quote's closing marks (tagged_spans._CUT)


def _clean(text: str, start: int, end: int, written: str) -> bool:
    """Whether a tagged name of two characters or more (``written``, at ``[start, end)``)
    has nothing to trim and more than lower case: what the loop of :func:`combine_entities`
    asks of every span first. It depends on the name alone (the one character outside it
    that :func:`_nothing_to_trim` may read is inside it from two characters on), so it is
    kept per name, and for a person's name with the digit test and
    :func:`.role_names.uncut_person`. A name opening with an article is not: the loop
    leaves the article out of a body's or place's name."""
    return _nothing_to_trim(text, start, end, written) and (
        text[start].isupper() or not written.islower()) and not written.startswith(_ARTICLES)


_CLEAN: dict[int, tuple[EmbeddedAnnotator, dict[str, bool]]] = {}
"""Per finder (by id, the finder held): :func:`_clean` of each name of no person's."""
_PLAIN_PEOPLE: dict[int, tuple[EmbeddedAnnotator, dict[str, bool]]] = {}
"""Per finder: whether each tagged person's name is kept as it is (:func:`_clean`)."""
_MAX_SHAPES = 100_000
_HYPHENS_OR_STOP = HYPHENS | {"."}


def _initial_before(text: str, start: int, lexicon: Lexicon) -> int:
    """Where a person's tagged name starts with the initial glued before it ("Ts." before a
    tagged "Enkhtuya"; not a title: "Mr.Smith"); ``start`` when none is."""
    initial = _INITIAL_BEFORE.search(text, max(0, start - 3), start)
    if initial is None or abbreviated(initial[0][:-1].lower(), lexicon):
        return start
    return initial.start()
_DOUBLE_BARRELLED = regex.compile(r" \p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+\Z")
"""A name ending in a double-barrelled surname: a person's, whatever the finder's label."""


def _runs_between(text: str, paragraphs: tuple[Span, ...], kept: list[tuple[int, int]],
                  finder: EmbeddedAnnotator, joined: list[Joined]) -> list[list[Word]]:
    """The finder's runs of capitalised words between the tagged names ``kept`` (sorted),
    as it would have read them with the tagged words in: a run it would have carried on
    into a tagged name is that name's title ("Mr." before a tagged "Obama") and is left
    out, and one it would have carried on out of a tagged name takes that name's words
    back, so that what the finder's name is stays its own ("Councillor" tagged, then
    "Ana Ruiz": the finder's "Ana Ruiz"; "Marieke Botha" tagged, then "MP": no name).
    Each run that meets a tagged name so, titles alone aside, goes to ``joined`` with the
    tagged words (:mod:`.tag_extents`)."""
    starts = [start for start, _ in kept]
    runs = []
    lexicon = finder.lexicon
    for run in finder._runs(text, paragraphs, None, kept):  # noqa: SLF001 - same package
        end, start = run[-1].end, run[0].start
        i = bisect_left(starts, end)  # the first tagged name after the run
        if i < len(starts) and joinable(text, end, starts[i]):
            if not only_titles(run, lexicon):  # "Dr Ilse" before a tagged "Kaarna-Bright"
                joined.append((*kept[i], run + _words_of(text, kept[i])))
            continue
        if i and kept[i - 1][1] <= start and joinable(text, kept[i - 1][1], start):
            run = _words_of(text, kept[i - 1]) + run
            joined.append((*kept[i - 1], run))
        runs.append(run)
    return runs


def _words_of(text: str, bounds: tuple[int, int]) -> list[Word]:
    return [Word(m.start(), m.end(), m[0], m[0].lower())
            for m in _WORD.finditer(text, bounds[0], bounds[1])]


_ARTICLES = ("The ", "the ")
"""An article a tagger takes into a body's or place's name ("the U.N. Security Council")."""
_PLACE_OR_BODY = frozenset({"ORG", "GPE"})
_PERSON_OR_MISREAD = frozenset({"PERSON", "ORG", "GPE"})
"""Labels whose spans :func:`.role_names.person_of_tagged` looks at: a person's, or one a
tagger gives a person."""


_BODY_OR_PLACE_TYPES = frozenset({"ORG", "GPE", "LOC", "FAC"})
"""A tagger's types for a body or a place (OntoNotes and CoNLL-03)."""
_PERSON_TYPES = frozenset({"PERSON", "PER"})
"""A tagger's types for a person."""


def _undecided_left_out(text: str, tagged: list[tuple[str, int, int]]
                        ) -> tuple[list[tuple[str, int, int]], frozenset[str]]:
    """``tagged`` without the one-word names the tagger calls a body in one place and a
    place in another, and never a person ("Montraville", ORG six times and GPE twice in a
    novel): the tagger cannot tell, and the built-in finder reads them as the embedded path
    does. The list itself when there are none (most documents). A tagged person's surname
    stays, as :func:`.role_names.person_of_tagged` reads it as that person.

    With it, the last words of the tagged persons' names of two words or more, which
    :func:`.role_names.person_of_tagged` reads (the spans left out are no person's, so
    they are the same before and after): one pass over the spans gives both."""
    first_kinds: dict[str, str] = {}  # a one-word body's or place's name: its first type
    mixed: set[str] = set()  # one-word names of two body or place types or more
    persons: set[str] = set()  # one-word persons' names
    surnames: set[str] = set()
    for kind, start, end in tagged:
        if kind in _BODY_OR_PLACE_TYPES:
            name = text[start:end]
            if " " not in name and first_kinds.setdefault(name, kind) != kind:
                mixed.add(name)
        elif kind in _PERSON_TYPES:
            name = text[start:end]
            if " " not in name:
                persons.add(name)
            words = name.split()
            if len(words) > 1:
                surnames.add(words[-1])
    if mixed:
        mixed -= persons  # never a person's
        mixed -= surnames  # "Machado" after "Alicia Machado": person_of_tagged's
    if not mixed:
        return tagged, frozenset(surnames)
    return [span for span in tagged if span[0] not in _BODY_OR_PLACE_TYPES
            or text[span[1] : span[2]] not in mixed], frozenset(surnames)


_MISSING: Any = object()
_MAX_TYPES = 1000
_labels_of_types: dict[Any, EntityLabel | None] = {}
"""Tagger entity types already mapped by :data:`ENTITY_LABELS` (a few per tagger)."""


__all__ = ["ENTITY_LABELS", "clean_entity", "combine_entities"]
