"""The embedded, model-free annotator: paragraphs, sentences and name spans by rule.

It needs nothing beyond ``regex`` and the lexicons, so quoteattr works offline out
of the box. Names are runs of capitalised words; leading titles ("US Secretary of
State") are cut off so the entity is the bare name, as a neural NER tags it, and
each run is labelled PERSON, ORG, NORP or MISC from the lexicons.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

import regex

from ..annotation import Annotation, Entity, EntityLabel, Layer
from ..lexicon import Lexicon, default_lexicon
from ..spans import BLANK, Span
from ..wrap import hard_wrapped

# Calls into ``regex`` here pass concurrent=False: by default it releases and retakes the
# GIL on every call, which costs more than these short matches (whole-text scans ran 7-16%
# faster without it; threads gain nothing either way, see docs/guarantees.md).
_TO_NEWLINE = {ord("\r"): "\n", 0x2028: "\n", 0x2029: "\n"}
"""The line breaks that end a line (a paragraph is one or more lines), all as "\\n"."""
_WRAPPED = regex.compile(r"(?:\r\n|\n|\r)[ \t]*\p{Ll}")
"""One line break, then a lower-case word: the line was wrapped, not ended."""
_MIN_WRAPPED_LINE = 30
_ONE_BREAK = ("\n", "\r\n", "\r", "\u2028")
"""A single line break: inside a paragraph of a hard-wrapped text."""
_SENTENCE_END = regex.compile(
    r"""[.!?…]+["'”’»)\]]*(?=\s+["“‘'(\[«\-—–]?[\p{Lu}\p{N}])"""
)
_WORD_BEFORE = regex.compile(r"(?r)(\S+)\Z")  # (?r): searched from the end
_OPENERS = "\"“‘'([«-—–"
"""What may open a word, after white space, in _NEXT_WORD."""
_NEXT_WORD = regex.compile(r"\s+[" + regex.escape(_OPENERS) + r"]?([\p{L}\p{N}][\p{L}\p{N}.'’-]*)")
_INITIALISM = regex.compile(r"(?:\p{L}\.)+\Z")
_NAME_WORD = r"""
    (?:\p{Lu}\.){2,}                                  # U.S., H.W.
    | (?:Mc|Mac|O['’]|D['’])?\p{Lu}[\p{L}\p{M}]*      # Kerry, McCain, O'Neill
      (?:-\p{L}[\p{L}\p{M}]*)*                         # Jean-Claude, el-Bakraoui
      (?:['’](?![sS]\b)\p{L}+)?                        # N'Diaye, not Kerry's
      \.?                                              # Sen., Jr.
"""
# (?=\p{Lu}) changes no match (every word starts with a capital) but lets ``regex`` skip
# ahead to the next capital instead of trying the whole pattern at every character.
_CAPITALISED = regex.compile(r"(?=\p{Lu})(?:" + _NAME_WORD + ")", regex.VERBOSE)
_PARTICLES = frozenset({"de", "van", "von", "der", "den", "bin", "al", "da", "di", "du", "la",
                        "le", "del", "dos", "das", "of", "for", "ibn", "ter"})
"""Lower-case words that may sit inside a name or organisation name ("Ministry of Defence")."""
_ACRONYM = regex.compile(r"\p{Lu}{2,5}\Z|(?:\p{Lu}\.){2,}\Z")
"""An organisation's initials (NATO, F.B.I.); longer all-capital words are datelines or shouting."""


_AFTER_PARTICIPLE = ("the", "a", "an", "his", "her", "their", "its", "to", "on", "in", "at",
                     "for", "with", "by", "about", "after", "before", "from", "up", "out",
                     "over")
_PARTICIPLE = regex.compile(r"\p{Lu}\p{Ll}+(?:ing|ed) (?:" + "|".join(_AFTER_PARTICIPLE) + r")\b")
"""A sentence-initial "Closing the debate" or "Asked about" opens a participle phrase; the
word after it tells it from a surname such as "Husted said" or "Schilling told"."""
_AFTER_PARTICIPLE_INITIALS = frozenset(word[0] for word in _AFTER_PARTICIPLE)
_NOT_WHITESPACE = frozenset(c for c in map(chr, range(128)) if not regex.match(r"\s", c))
"""ASCII characters that ``regex``'s \\s does not match (Python's isspace differs)."""
_LONGEST_PARTICLE = max(map(len, _PARTICLES))
_INVERTED_CUE_BEFORE = regex.compile(r"[,!?]\s*[\"”’']\s*(\p{Ll}+)\s+\Z")
"""A quote's closing mark and an inverted cue, before a name: ``," said`` May."""


def _sentence_initial(text: str, start: int, para_start: int) -> bool:
    before = text[max(para_start, start - 40) : start].rstrip()
    return not before or before[-1] in ".!?:"


class _Word(NamedTuple):
    """One capitalised word (a tuple: made for every capitalised word of the text)."""

    start: int
    end: int
    text: str
    low: str
    """``text`` lower-cased, once."""


_new_tuple = tuple.__new__
"""Makes a named tuple (a _Word, an Entity) from a tuple of its fields: calling the class
runs a Python-level __new__, made once for every capitalised word and name of the text,
this only the C one (the result is the same)."""


class EmbeddedAnnotator:
    """Rule-based annotator: paragraphs, sentences and named-entity spans, no models."""

    name = "embedded"
    provides: frozenset[Layer] = frozenset({"paragraphs", "sentences", "entities"})

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()
        self._title_starts = _title_first_words(self.lexicon)
        verb_initials = {verb[:1] for verb in self.lexicon.speech_verbs}
        self._not_verb_starts = frozenset(
            c for c in _NOT_WHITESPACE if c not in verb_initials and c not in _OPENERS
        )
        """ASCII characters that, after one space, start no speech verb (see
        _before_speech_verb)."""
        abbreviations = self.lexicon.abbreviations
        self._abbreviation_tails = frozenset(
            {a[-3:] for a in abbreviations} | {a[-4:] for a in abbreviations}
        )
        """The last three and four characters of every abbreviation (see _ends_sentence)."""

    def annotate(self, text: str) -> Annotation:
        """Split ``text`` into paragraphs and sentences and tag its names."""
        paragraphs = paragraphs_of(text)
        sentences = tuple(s for p in paragraphs for s in self._sentences(text, p))
        entities = tuple(self._entities(text, paragraphs))
        return Annotation(text, paragraphs, sentences, entities, provides=self.provides)

    # -- sentences -------------------------------------------------------------------------

    def _sentences(self, text: str, para: Span) -> Iterator[Span]:
        start = para.start
        for match in _SENTENCE_END.finditer(text, para.start, para.end, concurrent=False):
            if not self._ends_sentence(text, match.start(), match.end(), para):
                continue
            end = match.end()
            if end > start:
                yield Span(start, end)
            start = end
            while start < para.end and text[start].isspace():
                start += 1
        if start < para.end:
            yield Span(start, para.end)

    def _ends_sentence(self, text: str, stop: int, after_stop: int, para: Span) -> bool:
        if text[stop] != ".":
            return True
        # Most full stops follow a word too long, or ending in letters, that no abbreviation
        # ends with; the last two or three characters tell, without the regex calls.
        # (ASCII letters and digits: no initialism ends so, and lower() maps them alone.)
        tail = text[max(para.start, stop - 3) : stop]
        if len(tail) == 3 and not tail.isalnum():
            tail = tail[1:]
        if (len(tail) >= 2 and tail.isascii() and tail.isalnum()
                and tail.lower() + "." not in self._abbreviation_tails):
            return True
        word_match = _WORD_BEFORE.search(text, max(para.start, stop - 100), stop + 1,
                                         concurrent=False)
        word = word_match.group(1).lower() if word_match else ""
        word = word.lstrip("\"“‘'([«").rstrip(")]")
        word = word.rsplit("-", 1)[-1]  # (R-Fla.) ends with the abbreviation "fla."
        if word in self.lexicon.abbreviations or _INITIALISM.fullmatch(word, concurrent=False):
            # "Mr. Smith" never ends; "in the U.S. The" does when a function word follows.
            is_title = word in self.lexicon.titles
            next_match = _NEXT_WORD.match(text, after_stop, para.end, concurrent=False)
            next_word = next_match.group(1).lower() if next_match else ""
            return not is_title and next_word in self.lexicon.function_words
        return True

    # -- entities --------------------------------------------------------------------------

    def _entities(self, text: str, paragraphs: tuple[Span, ...]) -> list[Entity]:
        classify = self._classify
        return [entity for run in self._runs(text, paragraphs)
                if (entity := classify(text, run)) is not None]

    def _runs(self, text: str, paragraphs: tuple[Span, ...]) -> list[list[_Word]]:
        """Maximal runs of capitalised words, joined by single spaces or name particles;
        a run never crosses a paragraph."""
        # Runs once per capitalised word of the text: lexicon sets are bound to locals and
        # the cheapest tests come first. One scan of the whole text finds the same words as
        # one per paragraph (a word holds no line break, and paragraphs end at one), so the
        # paragraph is only tracked, to end a run at its end.
        runs: list[list[_Word]] = []
        run: list[_Word] = []
        last_end = -1
        lex = self.lexicon
        not_names, abbreviations, titles = lex.not_names, lex.abbreviations, lex.titles
        first_names = lex.first_names
        paras = iter(paragraphs)
        new_tuple = _new_tuple
        para_start = para_end = -1
        for match in _CAPITALISED.finditer(text, concurrent=False):
            start, end = match.span()
            if start >= para_end:  # into the next paragraph
                if run:
                    runs.append(run)
                    run = []
                para_start, para_end = _paragraph_of(start, paras)
            if start > para_start:
                before = text[start - 1]
                if before.isalnum() or before == "-":
                    continue
            elif start < para_start:
                continue  # outside the paragraphs (only blank text lies between them)
            word = match.group()
            low = word.lower()
            if (
                word[-1] == "."
                and low not in abbreviations
                and len(word) != 2
                and not _INITIALISM.fullmatch(word, concurrent=False)
            ):
                end -= 1  # a sentence's full stop, not part of the name
                word, low = word[:-1], low[:-1]
            if (low in not_names and low not in titles
                    and not self._before_speech_verb(text, end)
                    and not (text[end : end + 1] in ",." and self._after_inverted_cue(
                        text, start, end))
                    and not (run and start == last_end + 1 and text[last_end] == " "
                             and run[-1].low in first_names  # "Theresa May", "Jamie May"
                             and low in lex.function_words)) or (
                low.endswith(("ing", "ed"))  # cheap tests first: _PARTICIPLE needs them
                and low not in first_names
                and text[end : end + 1] == " "
                and text[end + 1 : end + 2] in _AFTER_PARTICIPLE_INITIALS
                and _sentence_initial(text, start, para_start)
                and _PARTICIPLE.match(text, start, min(para_end, start + 100), concurrent=False)
            ):
                if run:
                    runs.append(run)
                    run = []
                continue
            # One space is the usual gap between two words of a run: tested here, before
            # the call that weighs longer gaps.
            if run and (start != last_end + 1 or text[last_end] != " ") and not _joinable(
                text, last_end, start
            ):
                runs.append(run)
                run = []
            run.append(new_tuple(_Word, (start, end, word, low)))
            last_end = end
        if run:
            runs.append(run)
        return runs

    def _after_inverted_cue(self, text: str, start: int, end: int) -> bool:
        """``"...," said May, who``: a capitalised function word alone between an
        inverted cue right after a quote and a comma or full stop is a surname."""
        if text[end : end + 1] not in (",", ".") or text[end + 1 : end + 2].isalnum():
            return False
        match = _INVERTED_CUE_BEFORE.search(text, max(0, start - 30), start, concurrent=False)
        word = text[start:end].lower()
        return match is not None and match.group(1) in self.lexicon.speech_verbs and (
            word in self.lexicon.function_words  # not "said Monday."
        ) and word not in self.lexicon.pronouns  # not "said I,"

    def _before_speech_verb(self, text: str, end: int) -> bool:
        """"Will wrote", "May said": a capitalised function word before a speech verb is a name."""
        # The next word first: it is rarely a speech verb, so this usually decides. Most
        # often one space and a letter no speech verb starts with are enough to tell, without
        # the regex call (_NEXT_WORD would need white space, then take that letter).
        after = text[end : end + 2]
        if after[:1] in _NOT_WHITESPACE or (
            after[:1] == " " and len(after) == 2 and after[1] in self._not_verb_starts
        ):
            return False
        match = _NEXT_WORD.match(text, end, concurrent=False)
        if match is None or match.group(1) not in self.lexicon.speech_verbs:
            return False
        # The word itself, after any white space (a paragraph's "He writes" has a line break
        # before it, not a space); bounded: text without spaces must not copy its prefix.
        words = text[max(0, end - 60) : end].split()
        word = words[-1].lower() if words else ""
        return not (word in self.lexicon.pronouns or word in ("it", "this", "that", "there", "who"))

    def _classify(self, text: str, run: list[_Word]) -> Entity | None:
        """The name in ``run`` (its title words cut off) and its label; None for a run that
        is all title."""
        lex = self.lexicon
        if len(run) == 1:  # most runs: no title to cut, no order of words to weigh
            word = run[0]
            return _new_tuple(Entity, (Span(word.start, word.end), _single_word_label(word, lex)))
        name_start = _title_end(text, run, lex, self._title_starts)
        name = run[name_start:]
        if not name:
            return None
        lowered = [w.low for w in name]
        if len(name) >= 3 and lowered[1] in lex.first_names and lowered[0] not in lex.first_names:
            # "Organiser Declan Moss": an unlisted title before a given name
            name, lowered, name_start = name[1:], lowered[1:], name_start + 1
        label: EntityLabel
        if len(name) == 1:
            label = _single_word_label(name[0], lex)
            if label == "MISC" and name_start > 0:
                label = "PERSON"  # a surname after a title: "Secretary Kerry"
        elif not lex.org_words.keys().isdisjoint(lowered) and any(
            _is_org_word(w, i, len(lowered), lex) for i, w in enumerate(lowered)
        ):
            label = "ORG"
        elif name_start > 0 or lowered[0] in lex.first_names:
            label = "PERSON"
        else:
            label = "MISC"
        return _new_tuple(Entity, (Span(name[0].start, name[-1].end), label))


def paragraphs_of(text: str) -> tuple[Span, ...]:
    """The paragraphs of ``text`` as this annotator splits them; other backends reuse it.
    In a hard-wrapped text (:func:`quoteattr.wrap.hard_wrapped`) only blank lines end one."""
    return tuple(_join_wrapped_lines(text, wrapped=hard_wrapped(text)))


def _join_wrapped_lines(text: str, *, wrapped: bool = False) -> Iterator[Span]:
    """Lines as paragraphs, except that a hard-wrapped line (a long line ending mid-sentence,
    followed by a single line break and a lower-case word) runs on into the next."""
    # Lines are found with str.find, far cheaper per character than a regex scan; every
    # line break becomes "\n" first (one character for one, so offsets stay).
    lines = text
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        lines = text.translate(_TO_NEWLINE)
    length = len(text)
    start = end = -1  # the paragraph so far
    pos = 0
    while pos < length:
        stop = lines.find("\n", pos)
        if stop < 0:
            stop = length
        if stop > pos and text[pos:stop].strip(BLANK):
            if start >= 0 and wrapped and text[end:pos] in _ONE_BREAK or start >= 0 and (
                end - start >= _MIN_WRAPPED_LINE and text[end - 1].isalpha()
                or text[end - 1] == ","
            ) and _WRAPPED.match(text, end, concurrent=False):  # the cheap tests first
                end = stop
            else:
                if start >= 0:
                    yield Span(start, end)
                start, end = pos, stop
        pos = stop + 1
    if start >= 0:
        yield Span(start, end)


def _paragraph_of(start: int, paragraphs: Iterator[Span]) -> tuple[int, int]:
    """The bounds of the first paragraph left in ``paragraphs`` that ends after ``start``;
    past the last one, an empty range after ``start``."""
    for para in paragraphs:
        if start < para.end:
            return para.start, para.end
    return start + 1, start + 1


def _looks_like_acronym(word: str) -> bool:
    """NATO, F.B.I. (the second character is tested first: most names fail there)."""
    return len(word) > 1 and (word[1].isupper() or word[1] == ".") and bool(
        _ACRONYM.match(word, concurrent=False)
    )


def _joinable(text: str, end: int, start: int) -> bool:
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


def _is_org_word(word: str, index: int, length: int, lex: Lexicon) -> bool:
    position = lex.org_words.get(word)
    if position is None:
        return False
    if position == "head":
        return index == length - 1 and length > 1
    if position == "start":
        return index == 0 and length > 1
    return length > 1


def _single_word_label(word: _Word, lex: Lexicon) -> EntityLabel:
    """The label of a one-word name by the word alone (an organisation word such as
    "Ministry" names no organisation by itself); a title before it makes a MISC a PERSON."""
    if word.low in lex.title_modifiers:
        return "NORP"
    if _looks_like_acronym(word.text):
        return "ORG"
    return "PERSON" if word.low in lex.first_names else "MISC"


def _title_first_words(lex: Lexicon) -> frozenset[str]:
    """Every word that can begin a title phrase, with and without its full stop ("gen")."""
    firsts = {title.split()[0] for title in lex.titles}
    return frozenset(firsts | {word[:-1] for word in firsts if word.endswith(".")})


def _title_end(text: str, run: list[_Word], lex: Lexicon, title_starts: frozenset[str]) -> int:
    """Index of the first word after the leading title phrase ("US Secretary of State")."""
    for w in run[:-1]:  # the last word is always the name, even a title ("President")
        if w.low in title_starts:
            break
    else:
        return 0  # no title can start before the last word ("John Kerry")
    titles = lex.titles
    last = len(run) - 1
    end = 0
    i = 0
    while i < last:
        matched = 0
        for length in (4, 3, 2, 1):
            if i + length > last:
                continue
            phrase = " ".join(text[run[i].start : run[i + length - 1].end].lower().split())
            if phrase in titles or phrase + "." in titles:
                matched = length
                break
        if matched:
            i += matched
            end = i
        else:
            i += 1  # a modifier ("US"), a particle or a name word: the title may start later
    return end
