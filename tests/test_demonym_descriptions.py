"""A demonym after "the" standing for one person ("the Belgian said"), as sports and
foreign copy name someone just introduced, is a description of that person, not a person
called "Belgian"; a people ("the French") or a modifier ("the Belgian team") is not."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.lexicon import default_lexicon
from quoteattr.mentions.names import _one_of_a_people


def _speakers(text: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in quoteattr.attribute(text).quotes]


@pytest.mark.parametrize("text", [
    'Jonas Verhoeven won the stage in Liege. "It was the hardest day of my life," '
    "the Belgian said.",
    'Wanjiru Kamau led from the gun. "I felt strong from the first lap," the Kenyan said.',
    'Chloe Ngata scored twice. "The forwards made it easy," the New Zealander said.',
    'Thabo Nkosi won the sprint. "I felt strong," said the South African, who is 24.',
    'Daniel Ortiz lost in three sets. "I had no legs," said the Spaniard, who turns 30 in '
    "May.",
    'Chloe Ngata scored twice in the second half. "The forwards made it easy," '
    "the Australian said.",
])
def test_the_demonym_is_the_person_just_named(text: str) -> None:
    assert len(_speakers(text)) == 1
    assert _speakers(text)[0] == text.split(" ", 2)[0] + " " + text.split(" ", 2)[1]


@pytest.mark.parametrize(("text", "end", "expected"), [
    ("the Belgian said", 11, True),
    ("said the Iraqi, who", 14, True),
    ("the Belgian team won", 11, False),  # a modifier
    ("the French said", 10, False),  # a people
    ("the Chinese said", 11, False),
    ("the U.S. cited", 8, False),  # no person
])
def test_one_of_a_people(text: str, end: int, expected: bool) -> None:
    low = text[text.index(" ") + 1 if text.startswith("the") else 9 : end].lower()
    assert _one_of_a_people(text, end, low, default_lexicon()) is expected


@pytest.mark.parametrize("text", [
    # nouns for one person whose ending does not show it (data/people_nouns.tsv)
    'Viktor Lindqvist beat the top seed in straight games. "I felt the shuttle from the '
    'first rally," the Dane said.',
    'Astrid Holm finished fourth in the giant slalom. "My skis were too slow on the flat," '
    "the Swede said.",
    'Tomasz Wrona cleared 5.80 metres at the first attempt. "The wind was perfect," said the '
    "Pole, who is 22.",
    'Ewan Laidlaw carded a 66 to lead by two. "The greens were soft," the Scot said.',
    'Petra Novakova won the sprint stage. "The team rode perfectly," the Czech said.',
])
def test_a_peoples_noun_without_a_telling_ending_is_the_person_just_named(text: str) -> None:
    assert _speakers(text) == [" ".join(text.split(" ", 2)[:2])]


def test_a_given_name_that_is_also_a_peoples_noun_stays_a_name() -> None:
    text = ('"We gave away too many points at the net," Dane Whitcombe, the home coach, said. '
            '"Nobody is hurt," said Finn Calloway, the team doctor.')
    assert _speakers(text) == ["Dane Whitcombe", "Finn Calloway"]
