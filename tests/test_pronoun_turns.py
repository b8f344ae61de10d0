"""Who a "he" or "she" means where a reporter's sentence makes it plain (coref/pronouns.py,
coref/reporters.py, mention_words.py), and the opening participles the name finder must not
read as names.

The speakers of whole articles are in ``fixtures/cases/news12_patterns.jsonl`` (run by
test_speaker_cases.py); these tests pin the parts behind them."""

from __future__ import annotations

import pytest
from tagged_support import finder_names

from quoteattr.mention_words import object_pronoun_after


@pytest.mark.parametrize(("sentence", "opener"), [
    ("Asked whether she would move, Maria Okonjo shook her head.", "Asked"),
    ("Pressed on why he stayed, Marcus Ruiz laughed.", "Pressed"),
    ("Reminded of his promise, Rohan Mehta was unapologetic.", "Reminded"),
    ("Questioned how the money was spent, Dana Pike said nothing.", "Questioned"),
])
def test_an_opening_participle_is_no_name(sentence: str, opener: str) -> None:
    text = "The council met.\n\n" + sentence
    names = finder_names(text)
    assert opener not in names
    assert any(" " in n for n in names)  # the person after the comma is still found


@pytest.mark.parametrize("sentence", [
    "Husted of the agency said the plan would fail.",
    "Whitfield of the union said the offer was an insult.",
])
def test_a_surname_before_of_stays_a_name(sentence: str) -> None:
    text = "The council met.\n\n" + sentence
    names = finder_names(text)
    assert sentence.split()[0] in names


@pytest.mark.parametrize(("between", "gender", "expected"), [
    ("A police officer stopped him at the corner.", "m", True),
    ("A nurse told her that the ward was full.", "f", True),
    ("A nurse thanked her.", "f", True),
    ("Mrs Okonjo shook her head.", "f", False),  # her own head: a possessive
    ("One fan summed up his mood.", "m", False),
    ("A neighbour stopped him.", "-", True),
    ("A neighbour stopped him.", "f", False),
])
def test_an_object_pronoun_keeps_another_person_in_view(
    between: str, gender: str, expected: bool
) -> None:
    assert object_pronoun_after(between, 0, len(between), gender) is expected
