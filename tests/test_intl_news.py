"""Other countries' house styles: the patterns the hand-written set fixtures/intl_eval found
weak (Nigerian, Ghanaian, Indian, Pakistani, Hong Kong, Malaysian, Irish and Māori names,
titles and appositives).

Each case in fixtures/cases/intl_news.jsonl is its own made-up text (none comes from the
evaluation sets nor from fixtures/intl_eval) naming one quote and the speaker a reader would
give it; every case named the wrong speaker before the fix it stands for.

The speaker of each case in fixtures/cases/intl_news.jsonl is tested in test_speaker_cases.py;
this module tests the parts behind them.
"""

from __future__ import annotations

import pytest

from quoteattr.annotators.embedded import EmbeddedAnnotator
from quoteattr.lexicon import default_lexicon
from quoteattr.mentions import find_mentions


def _entities(text: str) -> dict[str, str]:
    return {text[e.span.start : e.span.end]: e.label
            for e in EmbeddedAnnotator().annotate(text).entities}


@pytest.mark.parametrize(
    ("text", "office"),
    [
        ("The Commissioner for Lands, Engr. Musa Danladi, inspected the site.", "Lands"),
        ("The Minister of State for Trade, Dr. Ada Obi, opened the fair.", "State for Trade"),
        ("Officials of the Secretary of State for Wales met farmers.", "Wales"),
    ],
)
def test_an_office_of_a_portfolio_is_no_person(text: str, office: str) -> None:
    """"Minister of State for Trade": what follows "of"/"for" after a title is the office's
    portfolio, not a person the title is given to."""
    assert _entities(text).get(office) != "PERSON"


def test_a_title_before_a_given_name_still_makes_a_person() -> None:
    """Only a joint ("of", "for") between title and name makes an office: "Commissioner
    Aisha Bala" and "President of the Senate Aisha Bala" still name her."""
    entities = _entities("Commissioner Tamuno Briggs spoke. Later Senator Aisha Bala spoke.")
    assert entities.get("Tamuno Briggs") == "PERSON"
    assert entities.get("Aisha Bala") == "PERSON"


@pytest.mark.parametrize("opener", ["Reacting", "Responding", "Commenting", "Continuing"])
def test_a_bare_participle_opener_is_no_name(opener: str) -> None:
    """"Reacting, the spokesman said": Nigerian and Indian papers open a sentence with a
    participle and a comma; it is no one a later "he" can mean."""
    text = f"Traders protested on Monday.\n\n{opener}, the spokesman said the levy stays."
    assert opener not in _entities(text)


def test_a_surname_ending_in_ing_before_a_comma_stays_a_name() -> None:
    """Only the listed participles are openers: "Manning, 45, said" is a person."""
    assert _entities("Tom Manning arrived. Manning, 45, said he was tired.").get(
        "Manning") is not None


@pytest.mark.parametrize(
    ("name", "gender"),
    [("seán", "m"), ("siobhán", "f"), ("pádraig", "m"), ("wiremu", "m"), ("aroha", "f"),
     ("kehinde", "u"), ("nonhlanhla", "f"), ("harpreet", "u"), ("gavin", "m")],
)
def test_international_given_names_are_listed(name: str, gender: str) -> None:
    """Irish names keep their fada ("Seán" is no "Sean" to a lookup), and Māori, Yoruba,
    Zulu and Punjabi given names say a run of capitals is a person."""
    assert default_lexicon().first_names[name] == gender


@pytest.mark.parametrize("title", ["engr.", "barr.", "alhaji", "shri", "smt.", "mdm", "puan",
                                   "comrade", "tan sri"])
def test_honorifics_of_other_newsrooms_are_titles(title: str) -> None:
    assert title in default_lexicon().titles


@pytest.mark.parametrize(("text", "name", "gender"), [
    ("For Marie-Josée Ouellet, 84, the closure means a bus ride.", "Marie-Josée Ouellet", "f"),
    ("Jean-Baptiste Roulin rents skis beside the lift.", "Jean-Baptiste Roulin", "m"),
    ("Anne-Sophie Lambert buys her bread there.", "Anne-Sophie Lambert", "f"),
])
def test_a_double_given_name_is_a_person_of_its_first_name_s_gender(
        text: str, name: str, gender: str) -> None:
    """French double given names are seldom listed whole: the first name of the pair says the
    run is a person's and which pronoun fits ("she" after "Marie-Josée Ouellet")."""
    assert _entities(text).get(name) == "PERSON"
    lexicon = default_lexicon()
    mentions = find_mentions(EmbeddedAnnotator(lexicon).annotate(text), lexicon).mentions
    genders = {text[m.span.start : m.span.end]: m.gender for m in mentions}
    assert genders[name] == gender


def test_a_hyphenated_surname_alone_takes_no_gender_from_its_first_part() -> None:
    """"Lloyd-Webber" alone is a surname: "Lloyd" says nothing of the person's sex."""
    text = "Lloyd-Webber said the show would go on."
    lexicon = default_lexicon()
    mentions = find_mentions(EmbeddedAnnotator(lexicon).annotate(text), lexicon).mentions
    assert [m.gender for m in mentions if text[m.span.start : m.span.end] == "Lloyd-Webber"] in (
        [], ["-"])


@pytest.mark.parametrize(("text", "name"), [
    ("The supplier, Kovac d.o.o., said it had not been paid.", "Kovac d.o.o."),
    ("Trans-Vjosa shpk says it has not been paid since June.", "Trans-Vjosa shpk"),
    ("The crane belongs to Hafnarvirki ehf., which runs the quay.", "Hafnarvirki ehf."),
])
def test_a_company_form_in_lower_case_joins_the_name_as_a_body_s(text: str, name: str) -> None:
    """Balkan, Central European and Nordic firms keep their lower-case form in English copy
    (data/legal_forms.tsv): it is part of the name, and says the name is a body's."""
    assert _entities(text).get(name) == "ORG"


def test_an_everyday_word_after_a_name_is_no_company_form() -> None:
    """"as" is a Norwegian company form, but in English copy it is the conjunction."""
    entities = _entities("Ingrid Dahl as a rule walks to work.")
    assert entities.get("Ingrid Dahl") == "PERSON" and "Ingrid Dahl as" not in entities
