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

from ..lexicon import Lexicon

MISREAD_TYPES = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT"})
"""Tagger types no speaker's name has, which a small tagger gives a person after a role
("Skipper Aarav Rathore" as a work): their spans are looked at too."""
_WORD = regex.compile(r"\S+")
_WORD_BEFORE = regex.compile(r"(?r)(\S+)[ \t\u00a0]+\Z")
"""The word right before a span, on the same line."""


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
        return None
    words = [(m.start(), m.group()) for m in _WORD.finditer(text, start, end)]
    for i, (at, word) in enumerate(words[:-1]):
        if word.lower() not in firsts:
            continue
        if not all(w[:1].isupper() and w.lower() not in lexicon.org_words
                   for _, w in words[i:]):
            return None  # a word in lower case, or an organisation's ("Fergus Quay Holdings")
        if i:
            before: str | None = words[i - 1][1]
        else:
            found = _WORD_BEFORE.search(text, max(0, start - 40), start)
            before = found.group(1) if found is not None else None
        return at if before is not None and _is_role(before, lexicon) else None
    return None


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
    return low in lexicon.role_nouns or low in lexicon.titles or low + "." in lexicon.titles


__all__ = ["MISREAD_TYPES", "person_after_role"]
