"""Names that are also common words (months, weekdays) and title look-backs, in the embedded
annotator and the mention finder: a month or short weekday is a name beside a given name, a
title or an inverted cue, never a date; a title never reaches back over a blank line."""

from __future__ import annotations

import pytest

from quoteattr.annotators.embedded import EmbeddedAnnotator
from quoteattr.lexicon import default_lexicon
from quoteattr.mentions import find_mentions


def _names(text: str) -> list[str]:
    ann = EmbeddedAnnotator().annotate(text)
    return [text[e.span.start : e.span.end] for e in ann.entities]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Reporter Grace Sun filed the story.", "Grace Sun"),
        ("Mrs March opened the fete.", "March"),
        ("Nurse April Mbeki was on shift.", "April Mbeki"),
        ('"No," said April, and left.', "April"),
        ('"No," said Sun, and left.', "Sun"),
    ],
)
def test_calendar_word_is_a_name_here(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    ("text", "not_name"),
    [
        ('"No," the minister said Monday.', "Monday"),
        ("Talks in Jordan Sunday ended early.", "Jordan Sunday"),
        ("The Fed March 15 meeting was tense.", "Fed March"),
        ('"We will vote," the council said March.', "March"),
    ],
)
def test_calendar_word_stays_a_date(text: str, not_name: str) -> None:
    assert not_name not in _names(text)


def test_a_month_seen_as_a_surname_is_one_after_a_cue_later() -> None:
    text = 'Carys March spoke. Rain is due in March.\n\n"We are ready," added March.'
    ann = EmbeddedAnnotator().annotate(text)
    starts = [e.span.start for e in ann.entities if text[e.span.start : e.span.end] == "March"]
    assert starts == [text.index("March", text.index("added"))]  # the cue's, not "in March."


def test_title_look_back_stops_at_a_blank_line() -> None:
    lexicon = default_lexicon()
    text = "Okafor double sends Town top\n\nIkenna Okafor scored twice."
    index = find_mentions(EmbeddedAnnotator(lexicon).annotate(text), lexicon)
    okafor = [m for m in index.mentions if text[m.span.start : m.span.end] == "Ikenna Okafor"]
    assert len(okafor) == 1 and okafor[0].title == ""
    assert okafor[0].full_span.start == text.index("Ikenna")
    top = "Minister Ana Ruiz spoke."  # on one line a title still joins
    index = find_mentions(EmbeddedAnnotator(lexicon).annotate(top), lexicon)
    assert any(m.title == "Minister" for m in index.mentions)


def test_lexicon_calendar_words_are_months_and_weekdays() -> None:
    calendar = default_lexicon().calendar_words
    assert {"april", "march", "sun", "sunday", "sept"} <= calendar
    assert "the" not in calendar and "may" not in calendar  # "may" is a function word


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Parent Moana Tipene had not slept.", ("Moana Tipene", "PERSON")),
        ("Homeowner Tane Rewi watched the water.", ("Tane Rewi", "PERSON")),
        ("Teacher Retirement System trustees met.", ("Teacher Retirement System", "ORG")),
    ],
)
def test_a_capitalised_role_noun_before_a_name_is_cut_off(
    text: str, entity: tuple[str, str]
) -> None:
    ann = EmbeddedAnnotator().annotate(text)
    assert entity in [(text[e.span.start : e.span.end], e.label) for e in ann.entities]


@pytest.mark.parametrize(
    ("text", "not_name"),
    [
        ("Ortiz later Friday told reporters the deal was close.", "Friday"),
        ("The rival firm L2 said it would bid.", "L"),
    ],
)
def test_weekday_before_a_verb_and_a_code_are_no_names(text: str, not_name: str) -> None:
    assert not_name not in _names(text)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("She moved to Raleigh, N.C., in May.", ("N.C.", "GPE")),
        ("She moved to Fresno, Calif., in May.", ("Calif.", "GPE")),
        ("Rita Olson of Fresno spoke.", ("Rita Olson", "PERSON")),
        ("The Ministry of Defence spoke.", ("Ministry of Defence", "ORG")),
    ],
)
def test_places_and_persons_of_places(text: str, entity: tuple[str, str]) -> None:
    ann = EmbeddedAnnotator().annotate(text)
    assert entity in [(text[e.span.start : e.span.end], e.label) for e in ann.entities]


def test_a_short_state_abbreviation_that_is_a_word_stays_a_name() -> None:
    text = '"Come in," said Pa. He smiled.'
    ann = EmbeddedAnnotator().annotate(text)
    assert [e.label for e in ann.entities if text[e.span.start : e.span.end] == "Pa."] != ["GPE"]


def test_a_name_before_a_bare_plural_is_found_in_any_entity_order() -> None:
    """"Halifax residents" and "Biden aides" are one group mention whose span starts at the
    name; an annotator may list its entities out of order (the look-up of the name before a
    plural bisects the names' ends, sorting them first when they come unsorted)."""
    from dataclasses import replace

    lexicon = default_lexicon()
    text = ("Halifax residents said the ferry was late. Later, Biden aides said the same, "
            "and Toronto police said nothing.")
    ann = EmbeddedAnnotator(lexicon).annotate(text)
    assert len(ann.entities) >= 3
    for annotation in (ann, replace(ann, entities=tuple(reversed(ann.entities)))):
        groups = [text[m.span.start : m.span.end] for m in find_mentions(annotation, lexicon)
                  .mentions if m.kind == "nominal"]
        assert groups == ["Halifax residents", "Biden aides", "Toronto police"]
