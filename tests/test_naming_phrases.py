"""Every phrase of data/naming_phrases.tsv ties the person it describes to the name after
it, so that "the fisherman" later resolves to the name (coreference; both paths read the
one list)."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.lexicon import read_table
from quoteattr.naming_phrases import IDENTIFYING, NAMING_BEFORE

_FILL = {"{possessive}": "his", "{reflexive}": "himself"}


def _written(phrase: str) -> str:
    return " ".join(_FILL.get(word, word) for word in phrase.split())


_PHRASES = [(_written(r["phrase"]), r["kind"]) for r in read_table("naming_phrases")]


@pytest.mark.parametrize(("phrase", "kind"), _PHRASES)
def test_the_person_a_naming_phrase_describes_is_the_name_after_it(phrase: str,
                                                                   kind: str) -> None:
    who = "" if kind == "description" else "who "  # "a fisherman named Ramon"
    intro = f"A fisherman {who}{phrase} Ramon had lost two boats in the storm."
    text = (f"{intro}\n\nThe harbour master, Julia Weston, said repairs would start soon.\n\n"
            "\"We have nothing left to fish with,\" the fisherman said.")
    quote = quoteattr.attribute(text).quotes[0]
    assert quote.speaker is not None and quote.speaker.name == "Ramon", phrase


@pytest.mark.parametrize("phrase", [p for p, kind in _PHRASES if kind == "identification"])
def test_identification_phrases_need_a_capital_after_them(phrase: str) -> None:
    assert IDENTIFYING.search(f"a man who {phrase} Ramon") is not None
    assert IDENTIFYING.search(f"a man who {phrase} a fisherman") is None


def test_a_naming_phrase_is_found_only_right_before_the_position() -> None:
    text = "a resident who gave her name only as Maria"
    at = text.index("Maria")
    assert NAMING_BEFORE.search(text, 0, at) is not None
    assert NAMING_BEFORE.search(text, 0, at - 3) is None
