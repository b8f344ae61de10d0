"""The embedded, model-free annotator: paragraphs, sentences and name spans by rule.

It needs nothing beyond ``regex`` and the lexicons, so quoteattr works offline out
of the box. Names are runs of capitalised words; leading titles ("US Secretary of
State") are cut off so the entity is the bare name, as a neural NER tags it, and
each run is labelled PERSON, ORG, NORP or MISC from the lexicons.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import Any

import regex

from ..annotation import Annotation, Entity, EntityLabel, Layer
from ..lexicon import Lexicon, default_lexicon, word_list
from ..spans import Span
from .name_runs import in_context, name_in
from .name_words import (
    CAPITALISED,
    LEGAL_FORM_HEADS,
    Word,
    abbreviated,
    capitalised_words,
    common_text,
    hyphen_particle,
    joinable,
    sentence_initial,
    title_first_words,
)
from .paragraphs import paragraph_of, paragraphs_of
from .sentences import INITIALISM, NEXT_WORD, OPENERS, SentenceSplitter, next_word_may_open

# Calls into ``regex`` here pass concurrent=False: by default it releases and retakes the
# GIL on every call, which costs more than these short matches (whole-text scans ran 7-16%
# faster without it; threads gain nothing either way, see docs/guarantees.md).
_AFTER_PARTICIPLE = word_list("participle_followers")  # whole words: their order is no matter
_PARTICIPLE = regex.compile(
    r"\p{Lu}\p{Ll}+ (?:" + "|".join(_AFTER_PARTICIPLE) + r")\b|\p{Lu}\p{Ll}{4,}ed of\b")
"""A sentence-initial "Closing the debate", "Asked about" or "Born in" opens a participle
phrase (the caller checks the word is one); the word after it tells it from a surname such
as "Husted said" or "Schilling told". A long "-ed" word before "of" opens one too
("Reminded of his promise", "Accused of"; a surname is rarely so long and so made)."""
_BARE_OPENERS = frozenset(
    word for word, kind in zip(word_list("clause_openers"), word_list("clause_openers", "kind"),
                               strict=True) if kind == "participle")
"""Participles that may open a sentence alone before a comma ("Reacting, the minister said",
Nigerian and Indian papers' style): never a name there."""
_IRREGULAR_PARTICIPLES = frozenset(w for w in _BARE_OPENERS if not w.endswith(("ing", "ed"))) | {
    word for word, kind in zip(word_list("clause_openers"), word_list("clause_openers", "kind"),
                               strict=True) if kind == "adverb"}
"""Participles without -ing or -ed that open a sentence ("Born in 1938, Oyelaran ..."), and
adverbs that open one as they do ("Back at the stand, Nagwa Fathy ...")."""
PARTY_MEMBERS = frozenset(word_list("party_members"))
"""A party's member: "the Ohio Republican" is a description of a person, no name."""
MEMBER_WORDS = 3
"""The most words of such a description ("the Liberal Democrat", "the North Carolina
Republican")."""
_AFTER_PARTICIPLE_INITIALS = frozenset(word[0] for word in _AFTER_PARTICIPLE)
_NOT_WHITESPACE = frozenset(c for c in map(chr, range(128)) if not regex.match(r"\s", c))
"""ASCII characters that ``regex``'s \\s does not match (Python's isspace differs)."""
_INVERTED_CUE_BEFORE = regex.compile(r"[,!?]\s*[\"”’']\s*(\p{Ll}+)\s+\Z")
"""A quote's closing mark and an inverted cue, before a name: ``," said`` May."""
_NOT_SPEAKERS = frozenset({"it", "this", "that", "there", "who", "the", "a", "an", "these",
                           "those", "each", "every", "no", "some", "any", "all", "both"})
"""Capitalised function words that never name who speaks ("The email goes on"; "May said"
does)."""
_new_tuple = tuple.__new__
"""Makes a named tuple (a Word, an Entity) from a tuple of its fields: calling the class
runs a Python-level __new__, made once for every capitalised word and name of the text,
this only the C one (the result is the same)."""
_PLURAL_OWNERS = frozenset({"s' ", "s’ "})
"""A plural possessive's ending and space inside a body's name, before its organisation
word: "the Irish Farmers' Association", "the Allied Transport Workers' Union"."""
_NOT_NAME, _PARTICIPLE_LIKE, _BARE_OPENER, _SPEAKERLESS = 1, 2, 4, 8
"""The tests that may drop a capitalised word from a name, and a pronoun or function word
that never speaks (see ``_word_kind``)."""
_MAX_KINDS = 10_000
"""The most words (and runs) an annotator keeps what it found of, then starts again: a few
hundred articles' worth, a megabyte or two at most."""
_UNKNOWN: Any = object()
_FREE_BEFORE = frozenset(" \n\t\"'“‘(")
"""Characters before a word that never glue it to the one before (see ``_runs``)."""
_NO_SPAN = (sys.maxsize, sys.maxsize)
"""Where the next span to pass over starts and ends when none is left (see ``_runs``)."""


def _not_name_compound(word: str, low: str, lex: Lexicon) -> bool:
    """A hyphenated word of a word that is no name and a lower-case half, capitalised as a
    sentence opens: "Second-year student Chidera Okafor", "Well-known", "All-party"."""
    head = low.partition("-")[0]
    return head in lex.not_names and word[len(head) + 1 : len(head) + 2].islower()


class EmbeddedAnnotator:
    """Rule-based annotator: paragraphs, sentences and named-entity spans, no models."""

    name = "embedded"
    provides: frozenset[Layer] = frozenset({"paragraphs", "sentences", "entities"})

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()
        self._title_starts = title_first_words(self.lexicon)
        verb_initials = {verb[:1] for verb in self.lexicon.speech_verbs}
        self._not_verb_starts = frozenset(
            c for c in _NOT_WHITESPACE if c not in verb_initials and c not in OPENERS
        )
        """ASCII characters that, after one space, start no speech verb (see
        _before_speech_verb)."""
        self._verb_head = min(map(len, self.lexicon.speech_verbs), default=0)
        self._verb_heads = frozenset(verb[: self._verb_head] for verb in self.lexicon.speech_verbs)
        """Every speech verb's first letters, as many as the shortest verb has."""
        calendar = self.lexicon.calendar_words
        self._calendar_surnames = frozenset(w for w in calendar if not w.endswith("day"))
        """Months and short weekdays, which are surnames after a given name or a title
        ("Fiona Sun", "Mrs March"); a full weekday never is ("Jordan Sunday")."""
        self._weekdays = frozenset(w for w in calendar if w.endswith("day"))
        """Full weekdays: "Thursday told Fox News" is a date before a verb, not a name."""
        self._calendar_short = frozenset(
            w for w in calendar if any(o != w and o.startswith(w) for o in calendar)
        )
        """Short forms ("sun", "sept"): after an inverted cue ("said Sun,") a name, not a date."""
        self._splitter = SentenceSplitter(self.lexicon)
        self._word_kinds: dict[str, tuple[int, str, str, int]] = {}
        """Per capitalised word as matched: what ``_word_kind`` says of it."""
        self._names: dict[str, tuple[int, int, EntityLabel] | None] = {}
        """Per run of words as written: :func:`.name_runs.name_in` of it."""

    def annotate(self, text: str) -> Annotation:
        """Split ``text`` into paragraphs and sentences and tag its names."""
        return self.annotate_paragraphs(text, paragraphs_of(text))

    def annotate_paragraphs(self, text: str, paragraphs: tuple[Span, ...]) -> Annotation:
        """:meth:`annotate` with ``paragraphs_of(text)`` already known (the pipeline finds
        them first to flatten the text; nearly always nothing changes, and they are kept)."""
        common = common_text(text)  # its patterns may run on ``re``
        sentences = tuple(self._splitter.split(text, paragraphs, common))
        entities = tuple(self._entities(text, paragraphs, common))
        return Annotation(text, paragraphs, sentences, entities, provides=self.provides)

    # -- sentences -------------------------------------------------------------------------

    def _sentences(self, text: str, para: Span) -> list[Span]:
        """The sentences of one paragraph (the parse path's splitter without a parser's)."""
        return self._splitter.split(text, (para,))

    # -- entities --------------------------------------------------------------------------

    def _entities(self, text: str, paragraphs: tuple[Span, ...],
                  common: bool | None = None) -> list[Entity]:
        classified = self._classified
        return [_new_tuple(Entity, (Span(found[0], found[1]), found[2]))
                for run in self._runs(text, paragraphs, common)
                if (found := classified(text, run)) is not None]

    def _runs(self, text: str, paragraphs: tuple[Span, ...], common: bool | None = None,
              passed: Sequence[tuple[int, int]] = ()) -> Iterator[list[Word]]:
        """Maximal runs of capitalised words, joined by single spaces or name particles;
        a run never crosses a paragraph. Yielded one at a time: the words of a whole text
        of names, all at once, would cost more than the entities made from them.
        ``common``: whether :func:`.name_words.common_text` holds, if known. ``passed``:
        spans, sorted by start, whose words belong to no run and end the run before them
        (the names a tagger found, which the parse path takes as they are: about half
        the capitalised words of news)."""
        # Runs once per capitalised word of the text: lexicon sets are bound to locals and
        # the cheapest tests come first. One scan of the whole text finds the same words as
        # one per paragraph (a word holds no line break, and paragraphs end at one), so the
        # paragraph is only tracked, to end a run at its end.
        run: list[Word] = []
        last_end = -1
        known = self._word_kinds
        word_kind = self._word_kind
        paras = iter(paragraphs)
        new_tuple = _new_tuple
        para_start = para_end = -1
        surnames: set[str] = set()  # months and weekdays seen as surnames ("Carys March")
        spans_passed = iter(passed)
        pass_start, pass_end = next(spans_passed, _NO_SPAN)
        for match in capitalised_words(text, common):
            start, end = match.span()
            if start >= para_end:  # into the next paragraph
                if run:
                    yield run
                    run = []
                para_start, para_end = paragraph_of(start, paras)
            word = match[0]
            if start > para_start:
                before = text[start - 1]
                if before not in _FREE_BEFORE and (before.isalnum() or before == "-"):
                    particle = hyphen_particle(text, start) if before == "-" else 0
                    if not particle or start - particle < para_start:
                        continue
                    start -= particle  # "al-Assad": the particle is part of the word
                    word = text[start:end]
            elif start < para_start:
                continue  # outside the paragraphs (only blank text lies between them)
            if end > pass_start:  # maybe in a span passed over: the spans from it on
                while pass_end <= start:
                    pass_start, pass_end = next(spans_passed, _NO_SPAN)
                if pass_start < end:
                    if run:
                        yield run
                        run = []
                    continue
            kind = known.get(word)
            if kind is None:
                kind = word_kind(word)
            cut, word, low, tests = kind
            end -= cut  # a sentence's full stop, not part of the name
            if tests and not (  # "A.Zhanar": an initial glued to a name, no article
                end - start <= 2 and text[end : end + 1] == "."
                and text[end + 1 : end + 2].isupper()
            ) and (
                tests & _NOT_NAME and not self._name_all_the_same(
                    text, run, last_end, start, end, low, surnames, tests & _SPEAKERLESS)
                or tests & _PARTICIPLE_LIKE
                and text[end : end + 1] == " "
                and text[end + 1 : end + 2] in _AFTER_PARTICIPLE_INITIALS
                and sentence_initial(text, start, para_start)
                and _PARTICIPLE.match(text, start, min(para_end, start + 100), concurrent=False)
                is not None
                or tests & _BARE_OPENER and text[end : end + 1] == ","
                and sentence_initial(text, start, para_start)
            ):
                if run:
                    yield run
                    run = []
                continue
            # One space is the usual gap between two words of a run: tested here, before
            # the call that weighs longer gaps.
            if run and (start != last_end + 1 or text[last_end] != " ") and not joinable(
                text, last_end, start
            ) and not (start == last_end + 2 and text[last_end - 1 : start] in _PLURAL_OWNERS
                       and low in self.lexicon.org_words  # "the Farmers' Association"
                       or start == last_end + 1 and text[last_end] == "."
                       and run[-1].end - run[-1].start <= 2  # "D.Oyunchimeg", "Ts.Enkhtuya"
                       and not abbreviated(run[-1].low, self.lexicon)):  # not "Mr.Smith"
                yield run
                run = []
            run.append(new_tuple(Word, (start, end, word, low)))
            last_end = end
        if run:
            yield run

    def _word_kind(self, matched: str) -> tuple[int, str, str, int]:
        """What :meth:`_runs` asks of a capitalised word as matched, whatever its place:
        the characters to cut from its end (a sentence's full stop), the word and its
        lower case, and which of the tests that can drop it apply (``_NOT_NAME``,
        ``_PARTICIPLE_LIKE``, ``_BARE_OPENER``; 0 for most words). Kept per word, as names
        recur through an article and across articles."""
        lex = self.lexicon
        word, low = matched, matched.lower()
        cut = 0
        if (
            word[-1] == "."
            and low not in lex.abbreviations
            and len(word) != 2
            and (word[1:2] != "." or not INITIALISM.fullmatch(word, concurrent=False))
        ):  # ("U.S.": an initialism has a full stop second)
            cut, word, low = 1, word[:-1], low[:-1]
        tests = 0
        if low in lex.not_names and low not in lex.titles or "-" in low and _not_name_compound(
                word, low, lex):
            tests |= _NOT_NAME
        if (low.endswith(("ing", "ed")) or low in _IRREGULAR_PARTICIPLES) and (
            low not in lex.first_names
        ):
            tests |= _PARTICIPLE_LIKE
        if low in _BARE_OPENERS:
            tests |= _BARE_OPENER
        if low in lex.pronouns or low in _NOT_SPEAKERS:
            tests |= _SPEAKERLESS
        kinds = self._word_kinds
        if len(kinds) >= _MAX_KINDS:
            kinds.clear()
        kind = kinds[matched] = (cut, word, low, tests)
        return kind

    def _name_all_the_same(
        self, text: str, run: list[Word], last_end: int, start: int, end: int, low: str,
        surnames: set[str], speakerless: int = 0,
    ) -> bool:
        """A word of ``not_names`` that is a name here: before a speech verb ("May said"),
        after an inverted cue ("said April,"), a given name before a surname ("April
        Sands") or a surname after a given name or title ("Fiona Sun"); a month or weekday
        taken as a surname is added to ``surnames`` (later "added March," is hers too).
        ``speakerless``: the word is one that :meth:`_before_speech_verb` never takes for
        a name ("He said"); where the white space before it makes it the word that method
        reads, its look at the next word is skipped."""
        if low not in self._weekdays and not (
            speakerless and end - start < 60 and (start == 0 or text[start - 1].isspace())
        ) and self._before_speech_verb(text, end):
            return True  # "May said"; not "Thursday told Fox News"
        if text[end : end + 1] in ",." and self._after_inverted_cue(text, start, end, surnames):
            return True
        if low in self.lexicon.first_names and self._surname_follows(text, end):
            return True
        if run and start == last_end + 1 and text[last_end] == " " and self._surname_after(
            run[-1].low, low
        ) or low in self._calendar_surnames and run and start == last_end + 1 and (
            text[last_end] == " " and not text[end + 1 : end + 2].isdigit()
        ):  # "Glyn Sun" too, but not "Fed March 15"
            if low in self._calendar_surnames:
                surnames.add(low)
            return True
        return False

    def _surname_after(self, before: str, low: str) -> bool:
        """"Theresa May", "Fiona Sun", "Mrs March": after a given name, a function word, a
        month or a short weekday is a surname; after a title, a month or a short weekday
        (and a function word after an honorific: "Mr May")."""
        lex = self.lexicon
        if low in lex.function_words:
            return before in lex.first_names or any(
                t is not None and t.kind in ("honorific", "family")
                for t in (lex.titles.get(before), lex.titles.get(before + "."))
            )
        return low in self._calendar_surnames and (
            before in lex.first_names or lex.is_title(before)
        )

    def _surname_follows(self, text: str, end: int) -> bool:
        """"April Sands", "June Okafor": a month that is also a given name, followed by a
        capitalised word that could be a surname, starts a name."""
        if text[end : end + 1] != " " or not text[end + 1 : end + 2].isupper():
            return False
        match = CAPITALISED.match(text, end + 1, concurrent=False)
        return match is not None and match.group().rstrip(".").lower() not in (
            self.lexicon.not_names
        )

    def _after_inverted_cue(
        self, text: str, start: int, end: int, surnames: frozenset[str] | set[str] = frozenset()
    ) -> bool:
        """``"...," said May, who``: a capitalised function word alone between an
        inverted cue right after a quote and a comma or full stop is a surname."""
        if text[end : end + 1] not in (",", ".") or text[end + 1 : end + 2].isalnum():
            return False
        word = text[start:end].lower()
        lex = self.lexicon
        if not (  # the word first, the regex call only for a word that may be a name here
            # not "said Monday.": a function word, a given name ("said April,") or a
            # short weekday or month ("said Sun,")
            word in lex.function_words or word in lex.first_names or word in self._calendar_short
            or word in surnames  # "added March," after "Carys March"
        ) or word in lex.pronouns:  # not "said I,"
            return False
        match = _INVERTED_CUE_BEFORE.search(text, max(0, start - 30), start, concurrent=False)
        return match is not None and match.group(1) in lex.speech_verbs

    def _before_speech_verb(self, text: str, end: int) -> bool:
        """"Will wrote", "May said", "April said": a capitalised not-name word before a speech
        verb is a name."""
        # The next word first: it is rarely a speech verb, so this usually decides. Most
        # often one space and a letter no speech verb starts with are enough to tell, without
        # the regex call (NEXT_WORD would need white space, then take that letter).
        after = text[end : end + 2]
        if after[:1] in _NOT_WHITESPACE or (
            after[:1] == " " and len(after) == 2 and after[1] in self._not_verb_starts
        ):
            return False
        if not next_word_may_open(text, end, self._verb_heads, self._verb_head):
            return False
        match = NEXT_WORD.match(text, end, concurrent=False)
        if match is None or match.group(1) not in self.lexicon.speech_verbs or (
            match.group(1).endswith("ing")
        ):  # "Also speaking was Cllr Ashby": a participle, no verb a name is subject of
            return False
        # The word itself, after any white space (a paragraph's "He writes" has a line break
        # before it, not a space); bounded: text without spaces must not copy its prefix.
        words = text[max(0, end - 60) : end].split()
        word = words[-1].lower() if words else ""
        return not (word in self.lexicon.pronouns or word in _NOT_SPEAKERS)

    def _classified(self, text: str, run: list[Word]) -> tuple[int, int, EntityLabel] | None:
        """The name in ``run`` (its title words cut off): start, end and label, no object made
        (the parse path keeps few of them); None for a run that is all title. Worked out once
        per run as written (:func:`.name_runs.name_in`), as names recur."""
        first, last = run[0], run[-1]
        start = first.start
        before = text[max(0, start - 4) : start]
        if last.low in PARTY_MEMBERS and len(run) <= MEMBER_WORDS and before.lower() == "the ":
            return None  # "the Wisconsin Republican said": a description of someone, no name
        if first is last and before == "the " and first.low in self.lexicon.first_names:
            return None  # "who tabled the Bill", "the Will of the people": a thing
        key = first.text if first is last else text[start : last.end]
        names = self._names
        known = names.get(key, _UNKNOWN)
        if known is _UNKNOWN:
            if len(names) >= _MAX_KINDS:
                names.clear()
            known = names[key] = name_in(text, run, self.lexicon, self._title_starts)
        if first is not last or text[last.end + 1 : last.end + 4] in LEGAL_FORM_HEADS:
            known = in_context(text, run, self.lexicon, known)  # the words around (not kept)
        if known is None:
            return None
        return start + known[0], start + known[1], known[2]
