"""Sources a reader finds from how the text first described them: by age and hometown, by a
stack of titles and a place ("Rev. Canon Felix Oduya of St Luke's Church"), or as the
author of a document ("The letter, sent by ...", "the memo, which was signed by ...").

Each text quotes someone else first, so falling back on the last speaker is wrong. The
texts are written for these tests (Fijian, Ugandan, UK trade and US campus styles)."""

from __future__ import annotations

import pytest

import quoteattr

_OPENING = ('Mayor Tendai Chikwanha said the council would find the money.\n\n'
            '"We will not leave anyone behind," Chikwanha said.\n\n')


def _last_speaker(text: str) -> str | None:
    quote = quoteattr.attribute(text).quotes[-1]
    return quote.speaker.name if quote.speaker is not None else None


@pytest.mark.parametrize(
    ("middle", "speaker"),
    [
        ("Rev. Canon Felix Oduya of St Luke's Church, Mbarara, who runs the night shelter, "
         'said demand had doubled.\n\n"We turn people away every night," he said.',
         "Felix Oduya"),
        ("President Grace Mwansa of the Farmers Union said prices had fallen.\n\n"
         '"Our members are selling at a loss," she said.', "Grace Mwansa"),
        ("The letter, sent on Friday by Greenleaf Markets' commercial director Hamish "
         'Boyd-Orr, asks suppliers for a rebate.\n\n"We are asking our partners to share '
         'the cost," the letter says.', "Hamish Boyd-Orr"),
        ('"The library will close at 10pm from Monday," according to the memo, which was '
         "signed by Provost Dr. Imelda Fairweather-Ross.", "Imelda Fairweather-Ross"),
    ],
)
def test_a_source_is_the_one_first_described_so(middle: str, speaker: str) -> None:
    assert _last_speaker(_OPENING + middle + "\n") == speaker


def test_an_age_and_hometown_describe_the_player_just_named() -> None:
    text = ("Fiji 7s beat Samoa in the Cup final\n\nFlanker Isikeli Naulu-Baleiwai scored "
            'the opening try on Sunday.\n\n"We trained for this all season," the '
            "24-year-old from Lautoka said.\n")
    assert _last_speaker(text) == "Isikeli Naulu-Baleiwai"


def test_a_letter_to_someone_is_not_theirs() -> None:
    text = (_OPENING + "The letter, addressed to chief executive Hamish Boyd-Orr, was "
            'leaked on Friday.\n\n"Suppliers cannot pay this," the letter says.\n')
    assert _last_speaker(text) != "Hamish Boyd-Orr"
