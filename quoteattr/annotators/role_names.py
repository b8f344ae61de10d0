"""A person's name that a tagger read as something else because of the role before it.

A small statistical tagger (spaCy's ``en_core_web_sm``) often labels a person introduced
by a role an organisation, a place or a work: "Shop owner Catriona MacLeod" (ORG),
"Radio presenter Declan Furey" (FAC), "Skipper Aarav Rathore" (WORK_OF_ART), "shop owner
Thabo Nkosi" (ORG). Taken as given, the person is lost as a speaker, and "she" in the
next paragraph goes to another woman. :func:`person_after_role` finds such a person: a
given name of the lexicon's, followed by capitalised words to the span's end, after a
role word (a lower-case word that is no function word, or a title). An organisation
named after a person ("Morgan Stanley", "John Lewis") has no role word before it, or a
function word ("at Morgan Stanley"), and stays an organisation.
"""

from __future__ import annotations

import regex

from ..annotation import EntityLabel
from ..lexicon import Lexicon
from .embedded import EmbeddedAnnotator
from .name_runs import given_name_after
from .name_words import Word, is_honorific, title_end, word_before
from .owner_caches import cache_of
from .tag_neighbours import role_before

MISREAD_TYPES = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT"})
"""Tagger types no speaker's name has, which a small tagger gives a person after a role
("Skipper Aarav Rathore" as a work): their spans are looked at too."""
_WORD = regex.compile(r"\S+")


def person_after_role(text: str, start: int, end: int, lexicon: Lexicon) -> int | None:
    """Where a person's name starts in the tagged span ``[start, end)`` that is no
    person's, or None: a given name not last in the span, every word from it on
    capitalised and none an organisation's word, after a role word inside the span or
    right before it."""
    name = text[start:end]
    if " " not in name:  # most spans: one word ("Reuters", "Ohio"), which is no such name
        return None
    firsts = lexicon.first_names
    if not any(word.lower() in firsts for word in name.split()[:-1]):
        return _named_after_person_role(text, start, name, lexicon)
    words = [(m.start(), m.group()) for m in _WORD.finditer(text, start, end)]
    for i, (at, word) in enumerate(words[:-1]):
        if word.lower() not in firsts:
            continue
        if not all(w[:1].isupper() and w.lower() not in lexicon.org_words
                   for _, w in words[i:]):
            return None  # a word in lower case, or an organisation's ("Fergus Quay Holdings")
        while True:
            before = words[i - 1][1] if i else word_before(text, start)
            if before and _is_role(before, lexicon):
                return at
            if not i or not _rank_like(words[i - 1][1], lexicon):
                return None
            i -= 1  # "Fire Officer, ACFO I Kwabena Asante": a rank's letters before the name
    return None


def _named_after_person_role(text: str, start: int, name: str, lexicon: Lexicon) -> int | None:
    """``start`` for a name of two or three capitalised words, none an organisation's or a
    people's, right after a person's role noun in lower case ("Council chairman Meirion
    Jones", "Retired teacher Elfed Pugh" with given names the lexicon does not hold);
    a body after a role is no person ("supplier Octopus Energy" has no person's role)."""
    if not text[start - 2 : start - 1].islower():
        return None  # no lower-case word right before (nor a comma): the cheapest test first
    words = name.split()
    if len(words) > 3 or not _plain_name_words(words, lexicon, hyphens=False):
        return None
    return start if role_before(text, start, lexicon, "person") else None


def _rank_like(word: str, lexicon: Lexicon) -> bool:
    """A rank or office in capitals or as a title ("ACFO", "I", "Supt."), before a name."""
    low = word.lower()
    return word.isupper() or lexicon.is_title(low)


def _is_role(word: str, lexicon: Lexicon) -> bool:
    """A role before a name: a lower-case word that is no function word ("owner",
    "councillor", "three" of "mother of three"), or a role noun or title of the lexicon's
    however written ("Cyclist" opening a sentence, "TD"); after a comma, a role noun
    only (the name in apposition: "Mr Moriarty's sister, Aoife Moriarty")."""
    if word.endswith(",") and len(word) > 1:
        return word[:-1].lower() in lexicon.role_nouns
    low = word.lower()
    if word.isalpha() and word.islower():
        return low not in lexicon.function_words and low not in lexicon.pronouns
    return low in lexicon.role_nouns or lexicon.is_title(low)


def person_of_tagged(
    text: str, bounds: tuple[int, int], label: EntityLabel, finder: EmbeddedAnnotator,
    surnames: frozenset[str],
) -> tuple[tuple[int, int], EntityLabel]:
    """A tagged span as a person's name: a person's without the title it opens with; an
    organisation or place that is a person's surname given in full elsewhere ("Ferreira"
    after "Tomás Ferreira") or a title before a given name ("Superintendent Marcus Bell")."""
    name = text[bounds[0] : bounds[1]]
    if label == "PERSON":
        return _person_bounds(text, bounds, name, finder), label
    first = name.split(None, 1)[0]
    if name in surnames or _after_honorific(text, bounds[0], finder.lexicon):
        return bounds, "PERSON"  # "Madam Adjei-Mensah" with "Adjei-Mensah" tagged ORG
    if first == name:  # one word ("Reuters", "Ohio"): no role in it, no given name first
        return bounds, label
    if first.lower() not in finder._title_starts:  # noqa: SLF001
        at = person_after_role(text, bounds[0], bounds[1], finder.lexicon)
        if at is not None:
            return (at, bounds[1]), "PERSON"
        return bounds, "PERSON" if _given_name_first(name, finder.lexicon) and not (
            _body_context(text, *bounds)) else label
    untitled = _untitled(text, bounds, finder)
    if untitled == bounds:
        return bounds, label  # no title cut off (most bodies opening with a title's word)
    given, *rest = text[untitled[0] : untitled[1]].lower().split()
    if given not in finder.lexicon.first_names or not (
        finder.lexicon.org_words.keys().isdisjoint(rest)
    ):  # "the Queen Elizabeth University Hospital" stays a body
        return bounds, label
    return untitled, "PERSON"


def _person_bounds(text: str, bounds: tuple[int, int], name: str,
                   finder: EmbeddedAnnotator) -> tuple[int, int]:
    """A tagged person's name without the title it opens with, a longer title before a
    given name, or the place it is from ("MLA from Mallapur Syed Imran Quadri"). What the
    name's own words tell is worked out once per name and finder
    (:func:`_person_cuts`); the words before it are read only where a place may open it."""
    known = _cuts_of(name, finder)
    if known is _NO_CUTS:  # most names
        return bounds
    titled, cut, after_place = known
    if titled:
        return _untitled(text, bounds, finder)
    if cut:
        return bounds[0] + cut, bounds[1]
    if after_place and text.endswith(_PLACE_JOINTS, max(0, bounds[0] - 6), bounds[0]):
        return bounds[0] + after_place, bounds[1]
    return bounds


def _cuts_of(name: str, finder: EmbeddedAnnotator) -> tuple[bool, int, int]:
    cuts = cache_of(_PERSON_CUTS, finder)
    known = cuts.get(name)
    if known is None:
        if len(cuts) >= _MAX_CUTS:
            cuts.clear()
        known = cuts[name] = _person_cuts(name, finder)
    return known


def uncut_person(name: str, finder: EmbeddedAnnotator) -> bool:
    """Whether :func:`person_of_tagged` keeps a tagged person's ``name`` as it is, wherever
    it stands: no title opens it, no longer title, no place's word."""
    return _cuts_of(name, finder) is _NO_CUTS


_NO_CUTS = (False, 0, 0)
_PERSON_CUTS: dict[int, tuple[EmbeddedAnnotator, dict[str, tuple[bool, int, int]]]] = {}
"""Per finder (by id, the finder held): :func:`_person_cuts` of each tagged person's name."""


def _person_cuts(name: str, finder: EmbeddedAnnotator) -> tuple[bool, int, int]:
    """What a tagged person's name tells of itself: whether it opens with a title's first
    word (cut by :func:`_untitled`), where the name after a longer title starts ("Township
    Clerk-Treasurer Ron Vasquez-Hale"; 0: none), and where the person's name starts after
    a place's word if a joint ("from", "of", "in") stands before it (0: none)."""
    first = name.split(None, 1)[0]
    if first.lower() in finder._title_starts:  # noqa: SLF001 - same package
        return True, 0, 0
    if name.count(" ") >= 3:
        cut = given_name_after(name.lower().split(), finder.lexicon)
        if cut:
            return False, len(" ".join(name.split()[:cut])) + 1, 0
    if name.count(" ") >= 2:
        given = name.split(None, 2)[1].lower()
        if len(first) > _SHORT_PREFIX and given in finder.lexicon.first_names and (
            first.lower() not in finder.lexicon.first_names
        ):
            return False, 0, len(first) + 1
    return _NO_CUTS


def _after_honorific(text: str, start: int, lexicon: Lexicon) -> bool:
    """Whether an honorific ("Madam", "Mrs", "Dr.") stands right before ``start``: only a
    person's name follows one."""
    if text[start - 1 : start] != " " or not text[start - 2 : start - 1].isalpha() and (
            text[start - 2 : start - 1] != ".") or not text[start : start + 1].isupper():
        return False  # (most spans: a lower-case word or punctuation before, told cheaply)
    # The word ends right before the space (a letter or a full stop, no gap): the last
    # word of the twelve characters before (``name_words.word_before``'s reach here).
    word = text[max(0, start - 12) : start - 1].rsplit(None, 1)[-1].lower()
    last = _LAST_HONORIFICS  # the lexicon asked about last, read without a call
    return word in (last[1] if last[0] is lexicon else _honorifics(lexicon))


def _honorifics(lexicon: Lexicon) -> frozenset[str]:
    """The lower-cased words :func:`_after_honorific` takes for an honorific: a title of
    the honorific kind, or one whose full stop is dropped ("mr" for "mr."); made once per
    lexicon."""
    held = cache_of(_HONORIFICS, lexicon).get(0)
    if held is None:
        titles = lexicon.titles
        held = cache_of(_HONORIFICS, lexicon)[0] = frozenset(
            word for word in (*titles, *(t[:-1] for t in titles if t.endswith(".")))
            if is_honorific(word if word in titles else word + ".", lexicon))
    global _LAST_HONORIFICS  # noqa: PLW0603 - a one-slot memo, replaced whole
    _LAST_HONORIFICS = (lexicon, held)
    return held


_LAST_HONORIFICS: tuple[Lexicon | None, frozenset[str]] = (None, frozenset())
"""The lexicon :func:`_honorifics` answered last, and its answer (one tuple)."""


_HONORIFICS: dict[int, tuple[Lexicon, dict[int, frozenset[str]]]] = {}


def _given_name_first(name: str, lexicon: Lexicon) -> bool:
    """Whether a name the tagger called a body or place reads as a person's to the finder:
    two or three words of letters in title case, the first a given name, none a body's or
    a people's word ("Grzegorz Walczak" tagged ORG): the finder's reading, a person, as on
    the embedded path (a firm named for its founder, "Morgan Stanley", is read so there
    too)."""
    words = name.split()
    return 2 <= len(words) <= 3 and words[0].lower() in lexicon.first_names and (
        _plain_name_words(words, lexicon, hyphens=True))


def _plain_name_words(words: list[str], lexicon: Lexicon, *, hyphens: bool) -> bool:
    """Whether every word is of letters (``hyphens``: and hyphens) in title case, none a
    body's word or a people's: how a person's name reads where the tagger called it
    something else."""
    return all(
        w[:1].isupper() and w[1:].islower()
        and (w.replace("-", "") if hyphens else w).isalpha()
        and w.lower() not in lexicon.org_words and w.lower() not in lexicon.title_modifiers
        for w in words)


def _body_context(text: str, start: int, end: int) -> bool:
    """Whether the words around a name say it is a body's: a workplace's preposition
    before it ("analysts at Morgan Stanley") or "it" in the words after it ("John Lewis
    said it would close")."""
    if text.endswith(_WORKPLACE_BEFORE, max(0, start - 6), start):
        return True
    return any(w in _BODY_PRONOUNS for w in text[end : end + 30].split()[:4])


_WORKPLACE_BEFORE = (" at ", " of ", " from ", " with ", " for ")
_BODY_PRONOUNS = frozenset({"it", "its", "it's", "it’s"})


_PLACE_JOINTS = (" from ", " of ", " in ")
"""Before a tagged person whose first word may be the place he is from."""
_SHORT_PREFIX = 4
"""A first word this short may open the name itself ("Md", "Mohd", "Abu", "Nik"): kept."""


def _untitled(text: str, bounds: tuple[int, int], finder: EmbeddedAnnotator) -> tuple[int, int]:
    """A tagged person's name without the title it opens with ("Cllr Nigel Stone", "Ms
    Fairweather"), cut as the built-in finder cuts its own names (the last word stays), so
    that the name links to the full name given earlier. A tagger that calls "Dean Marsh"
    a person has read "Dean" as his given name: a first word that is a given name stays.

    The cut depends on the name's own text alone, so it is worked out once per name and
    finder ("the White House" recurs on every page about it)."""
    start, end = bounds
    name = text[start:end]
    cuts = cache_of(_CUTS, finder)
    cut = cuts.get(name)
    if cut is None:
        if len(cuts) >= _MAX_CUTS:
            cuts.clear()
        cut = cuts[name] = _title_cut(name, finder)
    return (start + cut, end) if cut else bounds


def _title_cut(name: str, finder: EmbeddedAnnotator) -> int:
    """How many characters of ``name`` its leading title takes (0: none to cut)."""
    if name.isprintable():  # its only white space is " ": the words by str.split, cheaper
        run, at = [], 0
        for word in name.split(" "):
            if word:
                run.append(Word(at, at + len(word), word, word.lower()))
            at += len(word) + 1
    else:
        run = [Word(m.start(), m.end(), m.group(), m.group().lower())
               for m in _WORD.finditer(name)]
    if run[0].low in finder.lexicon.first_names:
        return 0  # "Dean Marsh": a given name that is a title too stays
    cut = title_end(name, run, finder.lexicon, finder._title_starts)  # noqa: SLF001
    return run[cut].start if 0 < cut < len(run) else 0


_CUTS: dict[int, tuple[EmbeddedAnnotator, dict[str, int]]] = {}
"""Per finder (by id; the finder is held so that the id stays its own): each tagged
name's title cut, as :func:`_title_cut` measures it."""
_MAX_CUTS = 100_000


__all__ = ["MISREAD_TYPES", "person_after_role", "person_of_tagged", "uncut_person"]
