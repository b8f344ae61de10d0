"""A tagged person's name completed by the finder's reading of the words beside it
(``tag_extents``).

No model is needed: each case gives the spans a small tagger (spaCy's ``en_core_web_sm``)
hands over for such copy, and asserts the names the parse path keeps. The texts are
written for these tests, in the styles of several outlets (a space agency's release,
Irish, Nigerian, Faroese, Hong Kong, Malaysian, Philippine and US copy).
"""

from __future__ import annotations

import pytest
from tagged_support import combined_names


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        # a given name the tagger left out before the span
        ("The director-general, Dr Ilse Kaarna-Bright, thanked the team.",
         [("Kaarna-Bright", "PERSON")], [("Ilse Kaarna-Bright", "PERSON")]),
        ("Ennisrow Independent TD Marian Fitzgerald-Quinn said she would raise it.",
         [("Fitzgerald-Quinn", "PERSON")], [("Marian Fitzgerald-Quinn", "PERSON")]),
        ('"We held on," Marites Dela Cruz, 52, told reporters.',
         [("Dela Cruz", "PERSON"), ("52", "DATE")], [("Marites Dela Cruz", "PERSON")]),
        ("Committee chairman Datuk Seri Rahimah Abdul Hamid tabled the Bill.",
         [("Abdul Hamid", "PERSON")], [("Rahimah Abdul Hamid", "PERSON")]),
        # ... with a name particle between ("á"), which the finder reads as a plain name
        ("Rógvi á Lakjuni, a member of the Løgting, voted against it.",
         [("Lakjuni", "PERSON")], [("Rógvi á Lakjuni", "PERSON")]),
        # the surname the tagger left out after the span
        ("A patient's relative, Mr. Ikenna Obi, lamented the delay.",
         [("Ikenna", "PERSON")], [("Ikenna Obi", "PERSON")]),
        # the lower-case half of a hyphenated given name
        ("Lawmaker Doris Fung Siu-ling of the alliance objected.",
         [("Doris Fung Siu", "PERSON")], [("Doris Fung Siu-ling", "PERSON")]),
        # ... not a title, a place the tagger gave, nor a word built on the name
        ("Former Prime Minister Tony Blair said so.",
         [("Tony Blair", "PERSON")], [("Tony Blair", "PERSON")]),
        ("In Paris Macron said so.", [("Paris", "GPE"), ("Macron", "PERSON")],
         [("Paris", "GPE"), ("Macron", "PERSON")]),
        ("Yesterday Obama said the plan was sound.", [("Obama", "PERSON")],
         [("Obama", "PERSON")]),
        ("The Jane Smith-led review found nothing.", [("Jane Smith", "PERSON")],
         [("Jane Smith", "PERSON")]),
        ("Dean Marsh said so.", [("Dean Marsh", "PERSON")], [("Dean Marsh", "PERSON")]),
    ],
)
def test_a_tagged_persons_name_takes_the_finders_bounds(
    text: str, tagged: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    assert combined_names(text, tagged) == expected


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        # a club named for its city: the tagger took only the city
        ("Athletic Sporting Lusaka posted a video.", [("Lusaka", "ORG")],
         [("Athletic Sporting Lusaka", "ORG")]),
        ("Fans cheered when Real Sociedad Tirana scored.", [("Tirana", "ORG")],
         [("Real Sociedad Tirana", "ORG")]),
        # ... not a headline's capitals, nor a place the tagger gave
        ("Warren Grills Wells Fargo Chief\n\nThe hearing ran late.", [("Wells Fargo", "ORG")],
         [("Wells Fargo", "ORG")]),
        ("In Paris Renault said so.", [("Paris", "GPE"), ("Renault", "ORG")],
         [("Paris", "GPE"), ("Renault", "ORG")]),
    ],
)
def test_a_tagged_body_takes_the_finders_bounds_before_it(
    text: str, tagged: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    assert combined_names(text, tagged) == expected
