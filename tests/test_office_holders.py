"""Office holders named after their portfolio, and names a tagger cuts or misses.

The built-in finder (``annotators/name_runs.py``) cuts an office and its portfolio off the
holder's name ("Minister for Agriculture Sunanda Kulkarni-Desai"); the parse path
(``annotators/names.py``, ``tag_context.py``) mends what a tagger does to such names, to
hyphenated ones and to abbreviations defined in brackets. The tagged spans are those
spaCy's ``en_core_web_sm`` hands over for copy of this kind; the sentences are written for
these tests in the styles of Indian, Nigerian, Kenyan, British, Ghanaian, New Zealand and
Malaysian outlets.
"""

from __future__ import annotations

import pytest
from tagged_support import combined_names

from quoteattr.annotators.embedded import EmbeddedAnnotator
from quoteattr.lexicon import default_lexicon


def _found(text: str) -> list[tuple[str, str]]:
    return [(e.span.slice(text), e.label) for e in EmbeddedAnnotator().annotate(text).entities]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Replying, Minister for Agriculture Sunanda Kulkarni-Desai said the lists were "
         "checked.", "Sunanda Kulkarni-Desai"),
        ("Minister of Petroleum Resources Chidubem Okonjo told reporters in Abuja.",
         "Chidubem Okonjo"),
        ("Secretary of State for Transport Nandita Marr said trains were late.", "Nandita Marr"),
        # a portfolio of two words joined by "and", a known given name after it
        ("Cabinet Secretary for Trade and Industry Keoni Wanjala said the levy would stay.",
         "Keoni Wanjala"),
        ("Minister of Health Paul Okonkwo said the delay was due to checks.", "Paul Okonkwo"),
        # an office of a body with "the"
        ("Leader of the Opposition Anvitha Rao walked out.", "Anvitha Rao"),
        ("The Minister for the Environment Ruaridh Kerr said it.", "Ruaridh Kerr"),
    ],
)
def test_the_holder_after_an_office_and_its_portfolio(text: str, person: str) -> None:
    assert (person, "PERSON") in _found(text)


@pytest.mark.parametrize(
    "text",
    ["The Minister of State for Health said nothing.",
     "Commissioner for Works said nothing."],
)
def test_an_office_alone_names_no_one(text: str) -> None:
    assert [label for _, label in _found(text)] == []


def test_a_body_of_a_portfolio_stays_a_body() -> None:
    assert ("Ministry of Health", "ORG") in _found("The Ministry of Health said so.")


def test_a_tagged_portfolio_and_holder_after_an_office_for() -> None:
    text = "Cabinet Secretary for Trade and Industry Keoni Wanjala said the levy would stay."
    assert ("Keoni Wanjala", "PERSON") in combined_names(
        text, [("Cabinet", "ORG"), ("Trade and Industry Keoni Wanjala", "ORG")])


def test_a_tagged_piece_of_a_hyphenated_name_gives_way_to_the_whole() -> None:
    text = ("Mere Tawhiri-Lowe has run the company for four years.\n\n"
            "\"Diesel, wages and the roads,\" says Tawhiri-Lowe.")
    combined = combined_names(text, [("Tawhiri", "GPE"), ("Tawhiri-Lowe", "ORG")])
    assert ("Tawhiri", "GPE") not in combined
    assert ("Mere Tawhiri-Lowe", "MISC") in combined
    # the double-barrelled surname of the finder's full name is that person's
    assert ("Tawhiri-Lowe", "PERSON") in combined


def test_a_place_before_a_lower_case_hyphen_stays_tagged() -> None:
    text = "The Tauranga-based company posted a profit."
    assert ("Tauranga", "GPE") in combined_names(text, [("Tauranga", "GPE")])


def test_an_abbreviation_defined_in_brackets_is_a_name() -> None:
    text = ("The Municipal Chief Executive (MCE), Mr Kwabena Adomako-Frimpong, spoke.\n\n"
            "\"The assembly will collect no rent,\" the MCE added.")
    combined = combined_names(text, [("Kwabena Adomako-Frimpong", "PERSON")])
    assert ("MCE", "ORG") in combined
    # an abbreviation in brackets after words in lower case is defined by none
    text = "The chief executive (CEO) spoke. The CEO left."
    assert "CEO" not in [name for name, _ in combined_names(text, [])]


def test_a_party_and_its_office_tagged_as_a_person_are_the_party() -> None:
    text = "PDM MLA from Sirpur Syed Imran Qadri walked out."
    combined = combined_names(text, [("PDM MLA", "PERSON"), ("Sirpur Syed Imran Qadri", "PERSON")])
    assert ("PDM", "ORG") in combined
    # the place he is from, tagged inside his name, is cut off it
    assert ("Syed Imran Qadri", "PERSON") in combined
    # a short first word may open the name itself ("Mohd", "Md")
    text = "The motion of Mohd Faizal Ismail was rejected."
    assert ("Mohd Faizal Ismail", "PERSON") in combined_names(
        text, [("Mohd Faizal Ismail", "PERSON")])


def test_a_tagged_body_and_its_short_form_in_brackets_are_two_names() -> None:
    text = "The Federated Dockworkers' Union (Fedu) said it would fight the cuts."
    names = [name for name, _ in combined_names(
        text, [("The Federated Dockworkers' Union (Fedu", "ORG")])]
    assert "Federated Dockworkers' Union" in names  # the tagger's article left out
    assert "Fedu" in names


def test_an_office_of_a_body_before_its_holder_is_no_name() -> None:
    """"Senior Secretary" of "Senior Secretary of the Ministry of Commerce X" is the office
    (the run ends at "of the"), not a name "the secretary" could mean."""
    text = ("Senior Secretary of the Ministry of Commerce Mahbub Alam Talukder, however, "
            "called the fall seasonal.")
    assert _found(text) == [("Mahbub Alam Talukder", "PERSON")]


def test_a_given_name_the_tagger_left_in_the_body_before_joins_the_person() -> None:
    text = "Secretary of the Ministry of Commerce Mahbub Alam Talukder disagreed."
    combined = combined_names(text, [("the Ministry of Commerce Mahbub", "ORG"),
                                ("Alam Talukder", "PERSON")])
    assert ("Ministry of Commerce", "ORG") in combined
    assert ("Mahbub Alam Talukder", "PERSON") in combined


def test_what_the_words_around_a_run_change_is_not_kept_per_run() -> None:
    """The finder keeps its reading of each run as written; an office read from the words
    after a run ("... of the Ministry") or a portfolio from the words before it ("Trade
    and ") must not stick to the same run in another text."""
    reused = EmbeddedAnnotator(default_lexicon())
    texts = ["Senior Secretary of the Ministry of Commerce Mahbub Alam Talukder spoke.",
             "Senior Secretary Wanjiru said the talks went well.",
             "Cabinet Secretary for Trade and Industry Keoni Wanjala spoke.",
             "Industry Keoni Wanjala stock rose.",
             "U.S. Republican U.S. of of", "U.S. Republican U.S."]
    for text in texts + texts[::-1]:
        assert reused.annotate(text).entities == (
            EmbeddedAnnotator(default_lexicon()).annotate(text).entities), text
