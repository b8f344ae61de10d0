"""Role nouns and descriptions after a quote that stand for someone just named, in
reviews, sport and council copy: "says the soprano", "the chairperson said", "the
composer says" after two other people were named, "the 31-year-old said" with the player
named a paragraph back, and "said founder and CEO Priya Raman" (two titles joined)."""

from __future__ import annotations

import pytest

import quoteattr


def _speakers(text: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None
            for q in quoteattr.attribute(text, genre="news").quotes]


@pytest.mark.parametrize(("text", "speaker"), [
    # an opera review: a singer's and a conductor's voice part or job as role nouns
    ("Dafne Olsen sings Nell. 'When the lamp goes out, I stop acting,' says the soprano.",
     "Dafne Olsen"),
    ("In the pit, Anneke Visser draws fine playing from the orchestra.\n\n'You must not "
     "push it,' says the Dutch conductor, who has led the company since 2019.",
     "Anneke Visser"),
    # a concert preview
    ('Marek Holub has played the suites for 30 years. "They still frighten me," the '
     'cellist said.', "Marek Holub"),
    # a Nepali municipal report
    ('The chairperson of the rural municipality, Tek Bahadur Thapa, called the price '
     'unfair.\n\n"We have asked for a cold store for three years," the chairperson said.',
     "Tek Bahadur Thapa"),
])
def test_a_role_noun_is_the_one_just_named(text: str, speaker: str) -> None:
    assert _speakers(text)[-1] == speaker


def test_a_plain_role_noun_is_the_subject_of_the_sentence_before() -> None:
    """Two people named in the paragraphs before, the composer the subject right before."""
    text = ("Ilse Marwood wrote the score in Whitby. 'It is about waiting,' she says.\n\n"
            "Adaora Finch sings Nell. 'She rewrote the aria for me,' Finch says.\n\n"
            "There are weaknesses. Marwood is unapologetic. 'People want things to "
            "happen,' the composer says.")
    assert _speakers(text)[-1] == "Ilse Marwood"


def test_a_plain_role_noun_after_two_subjects_names_nobody() -> None:
    text = ("Mia Lund and Ola Berg wrote the score together. 'It is about waiting,' the "
            "composer says.")
    assert _speakers(text)[-1] not in ("Mia Lund", "Ola Berg")


def test_a_description_opening_a_paragraph_is_the_one_named_before() -> None:
    text = ("Tides beat Ridgebacks\n\nTACOMA -- Ignacio Parraguez scored 31 points and "
            "the Tides won 104-98 on Saturday.\n\nThe Chilean guard hit three 3s in the "
            "fourth quarter. By then the sellout crowd at Harborside Arena was on its "
            "feet.\n\n\"The basket looked like a swimming pool,\" the 31-year-old said.")
    assert _speakers(text) == ["Ignacio Parraguez"]


@pytest.mark.parametrize(("text", "speaker"), [
    ('"We grew fast," said founder and CEO Priya Raman.', "Priya Raman"),
    ('“Every empty chair is a fixed cost,” says co-founder and chief executive Adaeze '
     'Okonjo.', "Adaeze Okonjo"),
    ('"We are hiring," said chairman and managing director Tom Reyes.', "Tom Reyes"),
])
def test_two_titles_joined_before_the_name_after_an_inverted_cue(text: str,
                                                                 speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_an_office_is_held_by_no_place() -> None:
    """"The chairman" is no town a trader bought cloth from, whoever else is in view."""
    text = ("Madam Adjei-Mensah said she had bought cloth from Lomé on Friday.\n\n"
            "The chairman of the traders' union said the fire service had arrived late.\n\n"
            "“When they came, the tanker was half empty,” he said.")
    assert _speakers(text) != ["Lomé"]


def test_an_elders_honorific_before_a_name_is_a_title() -> None:
    text = ("The chairman of the market's traders' association, Opanin Kwabena Owusu-Ansah, "
            "said the fire service had arrived late.\n\n“When they came, the tanker was half "
            "empty,” he said.")
    assert _speakers(text) == ["Kwabena Owusu-Ansah"]


@pytest.mark.parametrize("text", [
    # a Ghanaian paper: Twi, then its English after "meaning"
    ("Madam Comfort Adjei-Mensah has sold wax prints for 26 years.\n\n"
     "“Me sika nyinaa ahye,” she said in Twi, meaning “All my money has burnt. There is "
     "nothing left.”"),
    # a Samoan community paper
    ('"Ua lava," said Tavita Leota, meaning "It is enough. We are tired of waiting."'),
])
def test_a_translation_after_a_gloss_word_is_a_direct_quote(text: str) -> None:
    quotes = quoteattr.attribute(text, genre="news").quotes
    assert [q.kind for q in quotes] == ["direct", "direct"]
    assert quotes[0].speaker is not None and quotes[1].speaker is not None
    assert quotes[1].speaker.id == quotes[0].speaker.id


def test_a_vietnamese_honorific_gives_the_womans_she() -> None:
    text = ("City spokesperson Kelsey Huang said the work was overdue.\n\nBà Lê Thị Thu, 88, "
            "who has not missed a festival since the first one, sat outside a bakery.\n\n"
            '"Every year I go to the park," she said.')
    assert _speakers(text)[-1] == "Lê Thị Thu"
