"""Names the finder reads whole: an initial glued to a name ("D.Oyunchimeg", as Mongolian
papers write a father's initial), and no name in a sentence-opening adverb ("Back at the
stand, ...") (annotators/embedded.py, annotators/names.py, coref/names.py)."""

from __future__ import annotations

import pytest
from tagged_support import finder_names

import quoteattr


@pytest.mark.parametrize(("sentence", "name"), [
    ("In Bayanzurkh, D.Oyunchimeg, 58, said the fire dies at midnight.", "D.Oyunchimeg"),
    ("The director, G.Bat-Erdene, said prices were held.", "G.Bat-Erdene"),
    ("His neighbour, A.Zhanar, 38, said she would walk.", "A.Zhanar"),
    ("Ts.Enkhtuya said her pension no longer covered fuel.", "Ts.Enkhtuya"),
])
def test_an_initial_glued_to_a_name_is_part_of_it(sentence: str, name: str) -> None:
    assert name in finder_names("Heating costs bite.\n\n" + sentence)


@pytest.mark.parametrize("sentence", [
    "Mr.Smith said the plan would fail.",
    "Dr.Oz agreed with the plan.",
])
def test_a_title_glued_to_a_name_is_no_initial(sentence: str) -> None:
    names = finder_names("Heating costs bite.\n\n" + sentence)
    assert not any("." in name for name in names)


def test_the_bare_name_after_a_glued_initial_is_the_same_person() -> None:
    text = ("Heating costs bite\n\nIn Bayanzurkh, D.Oyunchimeg, 58, a pensioner, said the "
            "family lets the fire die.\n\nDr. S.Altantsetseg said the clinic was full.\n\n"
            '"It is very cold," Oyunchimeg said.')
    quote = next(q for q in quoteattr.attribute(text).quotes if q.text.startswith('"It is'))
    assert quote.speaker is not None and quote.speaker.name == "D.Oyunchimeg"


@pytest.mark.parametrize("sentence", [
    "Back at the stand, Nagla Ibrahim had heard it before.",
    "Back in Cairo, Nagla Ibrahim had heard it before.",
    "Out on the water, Nagla Ibrahim had heard it before.",
])
def test_a_sentence_opening_adverb_is_no_name(sentence: str) -> None:
    names = finder_names("The bread price is steady.\n\n" + sentence)
    assert "Nagla Ibrahim" in names
    assert not any(name.split()[0] in ("Back", "Out") for name in names)


@pytest.mark.parametrize(("name", "kind"), [("D.Oyunchimeg", "GPE"), ("G.Bat-Erdene", "ORG")])
def test_a_tagged_body_or_place_with_a_glued_initial_is_a_person(name: str, kind: str) -> None:
    from quoteattr.annotators.tag_context import mend_types
    from quoteattr.lexicon import default_lexicon

    text = f"In the district, {name}, 58, said the fire dies at midnight."
    start = text.index(name)
    mended = mend_types(text, [(kind, start, start + len(name))], default_lexicon())
    assert mended == [("PERSON", start, start + len(name))]


def test_a_tagged_place_with_an_abbreviation_stays_a_place() -> None:
    from quoteattr.annotators.tag_context import mend_types
    from quoteattr.lexicon import default_lexicon

    text = "Fans came from St.Kilda and from the U.S. on Sunday."
    start = text.index("St.Kilda")
    tagged = [("GPE", start, start + len("St.Kilda"))]
    assert mend_types(text, tagged, default_lexicon()) == tagged
