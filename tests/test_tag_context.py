"""A tagger's entity types mended by the words around each span (``tag_context``).

No model is needed: each case gives the spans and types a small tagger (spaCy's
``en_core_web_sm``) hands over for copy of this kind, misreadings included, and asserts
the names the parse path then keeps. The texts are written for these tests, in the
styles of several outlets (Welsh, Irish, Scottish, US, Ghanaian, Nigerian, German).
"""

from __future__ import annotations

import pytest
from tagged_support import combined_names, tagged_spans

from quoteattr.annotators.tag_context import mend_types
from quoteattr.lexicon import default_lexicon


def _mended(text: str, tagged: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(text[s:e], kind) for kind, s, e in
            mend_types(text, tagged_spans(text, tagged), default_lexicon())]


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        # a post-nominal tagged apart, or inside the person's span
        ("Labour's Huw Prosser MS said the plan was rushed.",
         [("Huw Prosser", "PERSON"), ("MS", "ORG")], [("Huw Prosser", "PERSON")]),
        ("The inquiry heard from Dame Ruth Avery KC on Monday.",
         [("Ruth Avery KC", "PERSON")], [("Ruth Avery", "PERSON")]),
        # a party member after "the", however the tagger cut it
        ('"We will not back down," the Liberal Democrat said.',
         [("Liberal", "ORG"), ("Democrat", "NORP")], []),
        ('"The voters have spoken," the Ohio Republican said.',
         [("Ohio", "GPE"), ("Republican", "NORP")], []),
        # a nation's adjective before a party's stays the party
        ("Scottish Labour said the figures were shameful.",
         [("Scottish", "NORP"), ("Labour", "ORG")], [("Scottish", "NORP"), ("Labour", "ORG")]),
        # a place after "in" that the tagger called a person
        ("She was born in Kumasi in 1950 and trained as a nurse.",
         [("Kumasi", "PERSON")], [("Kumasi", "GPE")]),
        # ... but not someone's view, nor a person with a given name
        ("In Okafor's view, in Okafor's words, the deal is dead.",
         [("Okafor", "PERSON")], [("Okafor", "PERSON")]),
        ("The award went to a nurse, in Grace Mensah's words a team effort.",
         [("Grace Mensah", "PERSON")], [("Grace Mensah", "PERSON")]),
        # a given name and surname after a party's possessive
        ("Fine Gael's Niamh Brennan disagreed.",
         [("Fine Gael's", "PERSON"), ("Niamh Brennan", "ORG")],
         [("Fine Gael's", "ORG"), ("Niamh Brennan", "PERSON")]),
        ("Apple's Vision Pro goes on sale in March.",
         [("Apple", "ORG"), ("Vision Pro", "ORG")], [("Apple", "ORG"), ("Vision Pro", "ORG")]),
        # a given name alone after a person's role noun or a naming phrase
        ("Her brother, Tendai, still farms the land.", [("Tendai", "ORG")],
         [("Tendai", "PERSON")]),
        ("Okoro's daughter Adaeze, 17, wants to study law.", [("Adaeze", "PRODUCT")],
         [("Adaeze", "PERSON")]),
        ("A fisherman who gave his name only as Ramon said the nets were empty.",
         [("Ramon", "ORG")], [("Ramon", "PERSON")]),
        # a given name alone, then described as a person, that the tagger called a body
        ("Not everyone was upset. Marcus, a junior who works at the hall, said so.",
         [("Marcus", "ORG")], [("Marcus", "PERSON")]),
        ("Chelsea, a nurse at the clinic, welcomed it.", [("Chelsea", "GPE")],
         [("Chelsea", "PERSON")]),
        ("Marcus, whose shop closed, was angry.", [("Marcus", "ORG")],
         [("Marcus", "PERSON")]),
        # ... not a body or place described as one
        ("Chelsea, a club that has won the league, regretted the fixture.",
         [("Chelsea", "ORG")], [("Chelsea", "ORG")]),
        ("Chelsea, a wealthy district, voted against it.", [("Chelsea", "GPE")],
         [("Chelsea", "GPE")]),
        # ... not a given name after a word that is no role, nor a body after one
        ("Sales in Florence, Georgia and Chelsea fell.", [("Florence", "GPE")],
         [("Florence", "GPE")]),
        ("Her brother, Unilever, sells soap.", [("Unilever", "ORG")], [("Unilever", "ORG")]),
        # a given name read as a nationality, then a person's description (a literary prize
        # report; a Dutch regional paper)
        ("Marguerite Oyelaran, the critic who chaired the panel, said so.",
         [("Marguerite Oyelaran", "NORP")], [("Marguerite Oyelaran", "PERSON")]),
        ("Joost Friesland, who farms 80 hectares near the dyke, was not surprised.",
         [("Joost Friesland", "NORP")], [("Joost Friesland", "PERSON")]),
        # a South Asian given name: a person after a role that may be a body's ("operator")
        ("Sewing operator Shahnaz Begum, 45, was less hopeful.",
         [("Shahnaz Begum", "PERSON")], [("Shahnaz Begum", "PERSON")]),
        ("Line supervisor Tanvir Hossain said the owners had promised payment.",
         [("Tanvir Hossain", "PERSON")], [("Tanvir Hossain", "PERSON")]),
        # a person's span that is a body's
        ("The landlord, Kessler Wohnen GmbH, declined to comment. Kessler later said rents "
         "would rise.", [("Kessler Wohnen GmbH", "PERSON"), ("Kessler", "PERSON")],
         [("Kessler Wohnen GmbH", "ORG"), ("Kessler", "ORG")]),
        ("The march was called by the charity Hearthstone, whose director spoke.",
         [("Hearthstone", "PERSON")], [("Hearthstone", "ORG")]),
        # an office named for a body, then its holder, tagged as one span from "the"
        ("Leader of the Opposition R. Venkatesh Naidu said the bill was rushed.",
         [("the Opposition R. Venkatesh Naidu", "ORG")],
         [("the Opposition", "ORG"), ("R. Venkatesh Naidu", "PERSON")]),
        ("President of the Law Society Lubna Shuja said legal aid had been cut.",
         [("the Law Society Lubna Shuja", "ORG")],
         [("the Law Society", "ORG"), ("Lubna Shuja", "PERSON")]),
        ("The Governor of the Central Bank, Adaeze Okafor, held rates.",
         [("the Central Bank", "ORG"), ("Adaeze Okafor", "PERSON")],
         [("the Central Bank", "ORG"), ("Adaeze Okafor", "PERSON")]),
        # ... not a body alone, nor one after "of" that follows no office
        ("A spokesman for the Bank of the Republic Grain Board said prices would rise.",
         [("the Republic Grain Board", "ORG")], [("the Republic Grain Board", "ORG")]),
        ("Shares of the John Lewis Partnership fell.",
         [("the John Lewis Partnership", "ORG")], [("the John Lewis Partnership", "ORG")]),
        # a storm never speaks, however it was tagged; a relief fund named after one does
        ("Tropical Storm Maring is expected to make landfall on Thursday.",
         [("Tropical Storm Maring", "ORG"), ("Thursday", "DATE")],
         [("Tropical Storm Maring", "EVENT"), ("Thursday", "DATE")]),
        ("Cyclone Idai flattened the port city of Beira.",
         [("Cyclone Idai", "PERSON"), ("Beira", "GPE")],
         [("Cyclone Idai", "EVENT"), ("Beira", "GPE")]),
        ("The Hurricane Relief Fund said it had raised $2m.",
         [("The Hurricane Relief Fund", "ORG"), ("$2m", "MONEY")],
         [("The Hurricane Relief Fund", "ORG"), ("$2m", "MONEY")]),
        # a body named by its appositive, that the tagger called a person or a place
        ("Tunnilsfelagið, the company that built the tunnel, blamed the banks.",
         [("Tunnilsfelagið", "PERSON")], [("Tunnilsfelagið", "ORG")]),
        ("Nordgruva, the firm behind the mine, cited power costs.",
         [("Nordgruva", "GPE")], [("Nordgruva", "ORG")]),
        ("Vakaivosa, a cooperative based in Lautoka, has not been paid.",
         [("Vakaivosa", "PERSON"), ("Lautoka", "GPE")],
         [("Vakaivosa", "ORG"), ("Lautoka", "GPE")]),
        # ... not a person whose role a body's noun only modifies, nor a body's owner
        ("Ingrid Solberg, a company director, paid more.",
         [("Ingrid Solberg", "PERSON")], [("Ingrid Solberg", "PERSON")]),
        ("Olsen, the firm's founder, said little.", [("Olsen", "PERSON")],
         [("Olsen", "PERSON")]),
        ("Lautoka, the town where the mill stands, waited.", [("Lautoka", "GPE")],
         [("Lautoka", "GPE")]),
        # a double given name, then a person's description, that the tagger called a body
        ("Marja-Leena Sihvonen, who runs a café, was upset.",
         [("Marja-Leena Sihvonen", "ORG")], [("Marja-Leena Sihvonen", "PERSON")]),
        ("Rolls-Royce Holdings, which makes engines, was upset.",
         [("Rolls-Royce Holdings", "ORG")], [("Rolls-Royce Holdings", "ORG")]),
        # a nickname in quotation marks, however the tagger cut across its marks
        ('Zhou beat Callum "The Comet" Rowe 6-5 on Thursday.',
         [("Zhou", "PERSON"), ("Callum", "ORG"), ('The Comet" Rowe 6-5', "WORK_OF_ART"),
          ("Thursday", "DATE")],
         [("Zhou", "PERSON"), ("Callum", "PERSON"), ("Comet", "PERSON"), ("Rowe", "PERSON"),
          ("Thursday", "DATE")]),
        ('Darnell "The Hammer" Okoye is unbeaten. "Soon," The Hammer said.',
         [('"The Hammer" Okoye', "WORK_OF_ART"), ("The Hammer", "WORK_OF_ART")],
         [("Darnell", "PERSON"), ("Hammer", "PERSON"), ("Okoye", "PERSON"),
          ("Hammer", "PERSON")]),
        # a role that leads a name, tagged as a person of its own
        ("Locum vet Anika Voss was blunter on LinkedIn.",
         [("Locum", "PERSON"), ("Anika Voss", "PERSON")], [("Anika Voss", "PERSON")]),
        # ... not a given name before another person
        ("Grace said nurse Mary Kelly agreed.",
         [("Grace", "PERSON"), ("Mary Kelly", "PERSON")],
         [("Grace", "PERSON"), ("Mary Kelly", "PERSON")]),
        # ... not a title between two words that are no given name and surname
        ('The band played "Hello" Tuesday night, and the crowd sang along.',
         [("Hello", "WORK_OF_ART"), ("Tuesday night", "TIME")],
         [("Hello", "WORK_OF_ART"), ("Tuesday night", "TIME")]),
    ],
)
def test_types_are_mended_by_the_words_around(
    text: str, tagged: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    assert _mended(text, tagged) == expected


def test_nothing_to_mend_gives_the_list_itself() -> None:
    text = "Grace Okafor of the Dock Workers Union spoke in Halifax."
    spans = tagged_spans(text, [("Grace Okafor", "PERSON"), ("the Dock Workers Union", "ORG"),
                          ("Halifax", "GPE")])
    assert mend_types(text, spans, default_lexicon()) is spans


def test_a_rank_in_capitals_before_a_name_after_a_role() -> None:
    """"The district commander, ASP Yaw Mensah," tagged ORG: the person after the rank."""
    text = "The district commander, ASP Yaw Mensah, said roads were closed."
    assert ("Yaw Mensah", "PERSON") in combined_names(text, [("ASP Yaw Mensah", "ORG")])
    # no role before the rank: an organisation's name stays one
    other = "Shares in ACME Yaw Holdings fell."
    assert combined_names(other, [("ACME Yaw Holdings", "ORG")]) == [("ACME Yaw Holdings", "ORG")]


def test_a_hospital_named_after_a_queen_stays_a_body() -> None:
    text = "Patients waited at the Queen Elizabeth University Hospital for hours."
    assert combined_names(text, [("the Queen Elizabeth University Hospital", "ORG")]) == [
        ("Queen Elizabeth University Hospital", "ORG")]  # the tagger's "the" left out


def test_a_given_name_joined_to_a_tagged_couple_is_kept() -> None:
    """"Pavel and Jana Tesar": the couple's surname is written once, and the tagger took
    only "Jana Tesar"; the given name before "and" is a name too."""
    text = "Pavel and Jana Tesar drove all night to help."
    assert ("Pavel", "PERSON") in combined_names(text, [("Jana Tesar", "PERSON")])
    # a capitalised word that is no given name stays out
    other = "Harbour and Jana Tesar's boat were saved."
    assert [n for n, _ in combined_names(other, [("Jana Tesar", "PERSON")])] == ["Jana Tesar"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Carmen, who asked that her surname not be published, has lived there 40 years.",
         "Carmen"),
        ("Not everyone agreed. Priya, a student who asked that only her first name be used, "
         "said the hall needed work.", "Priya"),
    ],
)
def test_a_given_name_alone_then_described_is_a_person(text: str, name: str) -> None:
    # The tagger saw nothing there (as en_core_web_sm often does with a first name alone).
    assert (name, "PERSON") in combined_names(text, [])


def test_a_capitalised_word_then_described_needs_a_given_name() -> None:
    text = "Meanwhile, a spokesman for the council said the road would reopen."
    assert ("Meanwhile", "PERSON") not in combined_names(text, [])


@pytest.mark.parametrize(
    ("text", "tagged", "name"),
    [
        # a surname the tagger read as a people's word, the given name missed
        ("'We do not allow spamming,' Rosette Pambakian, a Swipely spokeswoman, said.",
         [("Pambakian", "NORP")], "Rosette Pambakian"),
        ('"The ferry is late again," said Arto Hakobyan, 52, a fisherman.',
         [("Hakobyan", "NORP")], "Arto Hakobyan"),
        ("Nairi Sarkissian said the vote would be close.",
         [("Sarkissian", "NORP")], "Nairi Sarkissian"),
    ],
)
def test_a_surname_tagged_as_a_people_is_a_persons(
    text: str, tagged: list[tuple[str, str]], name: str
) -> None:
    assert name in [n for n, _ in combined_names(text, tagged)]


def test_a_faith_after_its_branch_stays_a_people() -> None:
    text = "Many Sunni Muslim voters stayed home, a Shia Muslim cleric said."
    tagged = [("Muslim", "NORP"), ("Shia Muslim", "NORP")]
    assert _mended(text, tagged) == tagged


@pytest.mark.parametrize(
    ("text", "tagged", "name"),
    [
        # no space after the closing mark: a tokenizer makes one token of it and the name
        ('"It was the worst winter in memory,"Okafor said.', [('memory,"Okafor', "ORG")],
         "Okafor"),
        ("“We will appeal,”Halvorsen told NRK.", [("appeal,”Halvorsen", "PERSON")],
         "Halvorsen"),
        ("«Nous restons,»Duval a dit.", [("restons,»Duval", "PERSON")], "Duval"),
    ],
)
def test_a_name_glued_to_a_quotes_closing_mark_is_cut_from_it(
    text: str, tagged: list[tuple[str, str]], name: str
) -> None:
    names = [n for n, _ in combined_names(text, tagged)]
    assert name in names and not any('"' in n or "”" in n or "»" in n for n in names)


def test_a_nicknames_marks_inside_a_tagged_name_stay() -> None:
    text = 'Mateus "Vulto" Ferraz led the comeback.'
    assert ('Mateus "Vulto" Ferraz', "PERSON") in combined_names(
        text, [('Mateus "Vulto" Ferraz', "PERSON")])
