"""Patterns the news3 sets (fixtures/news3_eval) found weak: a role noun with a place, party
or other modifier for the person just named ("the Mayo TD said"), an introduction with the
subject after the verb ("Among those waiting was X"), documents as speakers ("the letter
said", "the judgment read", "quoted him as saying") and descriptions by family ("the father
of three").

Each case in fixtures/cases/news3_patterns.jsonl is its own made-up text (none comes from
the evaluation sets nor from fixtures/news3_eval) naming one quote and the speaker a reader
would give it; every case named the wrong speaker before the fix it stands for.

The speaker of each case in fixtures/cases/news3_patterns.jsonl is tested in test_speaker_cases.py;
this module tests the parts behind them.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.annotators.embedded import EmbeddedAnnotator
from quoteattr.coref.described import counted_phrase, distinctive, member_phrase


@pytest.mark.parametrize(
    ("phrase", "head", "expected"),
    [
        ("the Mayo TD", "td", True),
        ("the Mumbai-based analyst", "analyst", True),
        ("the retired postman", "postman", True),
        ("the prime minister", "minister", False),  # part of the title
        ("the other senator", "senator", False),  # says which one, no new fact
        ("the senator", "senator", False),
    ],
)
def test_a_distinctive_modifier_is_a_new_fact(phrase: str, head: str, expected: bool) -> None:
    assert distinctive(phrase, head) is expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("the father of three", True), ("the mother-of-two", True),
     ("the father of the bride", False), ("the mother", False)],
)
def test_a_family_description_counts_its_relatives(phrase: str, expected: bool) -> None:
    assert counted_phrase(phrase) is expected


def test_an_office_in_capitals_before_a_name_stays_her_title(
    attributor: quoteattr.Attributor,
) -> None:
    """"the Labour MP said" is a mention of the member just named, but in "Labour MP Jane
    Dodds" the office is her title: the quote is hers, named in full."""
    text = ("Rail fares\n\nLabour MP Jane Dodds said fares were too high. \"Commuters are "
            "paying more for less,\" said Labour MP Jane Dodds.")
    doc = attributor.attribute(text)
    assert [q.speaker.name if q.speaker else None for q in doc.quotes] == ["Jane Dodds"]


def test_a_word_before_a_participle_is_no_name() -> None:
    """"Also speaking was X": a capitalised word before "speaking" is no speaker's name, as
    one before "said" may be ("May said")."""
    text = "Also speaking was Cllr Tom Ashby. May said nothing."
    names = {text[e.span.start : e.span.end] for e in EmbeddedAnnotator().annotate(text).entities}
    assert "Also" not in names
    assert "May" in names


def test_the_object_of_the_sentence_before_is_not_described(
    attributor: quoteattr.Attributor,
) -> None:
    """The description goes to the subject of the sentence before, never to a name in its
    predicate ("X attacked Y ... the veteran councillor said" is X)."""
    text = ("Council row\n\nCouncil leader Tom Harker said the scheme worked. \"It paid for "
            "itself,\" Harker said.\n\nOpposition leader Jean Ward went after Harker at the "
            "meeting. \"The figures do not add up,\" the veteran councillor said.")
    doc = attributor.attribute(text)
    assert doc.quotes[-1].speaker is not None
    assert doc.quotes[-1].speaker.name == "Jean Ward"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("the Ohio Republican", True), ("the Liberal Democrat", True), ("the Tory", True),
     ("the Republican Party", False), ("Republican", False)],
)
def test_a_party_member_phrase_describes_someone(phrase: str, expected: bool) -> None:
    assert member_phrase(phrase) is expected


def test_a_party_member_after_the_is_no_name_but_the_party_is() -> None:
    """"the Ohio Republican" describes a person (no entity), "the Republican Party" and
    "Republican Joe Hart" keep theirs."""
    text = ("The Ohio Republican spoke. The Republican Party met. Republican Joe Hart "
            "voted.")
    names = {text[e.span.start : e.span.end] for e in EmbeddedAnnotator().annotate(text).entities}
    assert "Ohio Republican" not in names
    assert "Republican Party" in names
    assert "Joe Hart" in names
