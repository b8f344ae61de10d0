"""Phrases that name a person right before the name, from ``data/naming_phrases.tsv``.

"a nurse named Joanne" (a description, then the naming word) and "a resident who gave his
name only as Abu Bakr" (wire copy's identification of an unnamed source) both tie a
description to the name after them. Coreference links the two (:mod:`.coref.named`), and
the parse path reads a given name after such a phrase as a person's whatever its tagger
called it (:mod:`.annotators.tag_context`): one list for both, so they agree.
"""

from __future__ import annotations

import re

import regex

from .lexicon import word_list

_PLACEHOLDERS = {
    "{possessive}": "(?:his|her|their)",
    "{reflexive}": "(?:himself|herself|themselves)",
}


def _pattern(phrase: str) -> str:
    """The phrase as a regex: its words literal, a placeholder its alternatives."""
    return " ".join(_PLACEHOLDERS.get(word, re.escape(word)) for word in phrase.split())


def _anchor(phrase: str) -> str:
    """The phrase's longest literal word (the first of equals): ``str.find`` looks for
    it before the pattern is tried, as few texts hold any of these phrases."""
    words = [w.strip(",") for w in phrase.split() if w not in _PLACEHOLDERS]
    return max(words, key=len)


_PHRASES = list(zip(word_list("naming_phrases", "phrase"),
                    word_list("naming_phrases", "kind"), strict=True))

DESCRIBING: tuple[str, ...] = tuple(p + " " for p, kind in _PHRASES if kind == "description")
"""The words after a description that name its person, each with its space: "named "."""
IDENTIFYING = re.compile(
    r"\b(?:" + "|".join(_pattern(p) for p, kind in _PHRASES if kind == "identification")
    + r") (?=[^\W\d_a-z])")
"""An identification phrase before a capital: "gave his name only as Abu Bakr"."""
IDENTIFYING_ANCHORS: tuple[str, ...] = tuple(sorted(
    {_anchor(p) for p, kind in _PHRASES if kind == "identification"}))
"""A word each identification phrase holds: where :data:`IDENTIFYING` may match."""
NAMING_BEFORE = re.compile(r"\b(?:" + "|".join(_pattern(p) for p, _ in _PHRASES) + r") \Z")
"""Any naming phrase ending right before a position (search it up to there)."""

_KNOWN_AS_WORDS = (
    r",(?: \d{1,3},)?(?: (?:also|better|widely|popularly|locally|affectionately))? known"
    r"(?: (?:locally|widely|popularly|affectionately|simply))?"
    r"(?: (?:to|in|among|by|around|across|on) [^,.;:!?\"“”\n]{1,40}?)? as [\"“‘']?")
KNOWN_AS = regex.compile(_KNOWN_AS_WORDS + r"(?=\p{Lu})")
"""What stands between a person's name or description and another name they go by:
", 61, known in her village as " (Umm Yousef), ", better known as " (Dona Cida), "A
village teacher, known to everyone as " (Tofig), "An elder, known locally as " (Mzee Kiprop)."""
KNOWN_AS_BEFORE = regex.compile(r"(?r)" + _KNOWN_AS_WORDS + r"\Z")
""":data:`KNOWN_AS` ending right before a position (search it up to there)."""

__all__ = ["DESCRIBING", "IDENTIFYING", "IDENTIFYING_ANCHORS", "KNOWN_AS", "KNOWN_AS_BEFORE",
           "NAMING_BEFORE"]
