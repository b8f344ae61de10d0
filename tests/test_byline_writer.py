"""A column's or first-person report's "I" is the writer its byline names ('"...?" I
asked' under "By Gwen Tasker"), in news; a story with no such byline keeps the narrator
unnamed (quoteattr.narrator.byline_writer)."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.narrator import byline_writer


@pytest.mark.parametrize(("text", "writer"), [
    # a consumer column: its title and its writer on one line
    ("'The firm won't refund us'\n\nYour Rights, with Gwen Tasker\n\nCarol Thursby paid "
     "for a new boiler in January.\n\nWhen I contacted the company, I put her question "
     "directly. 'Why should a 74-year-old man sit in his coat for a week?' I asked.",
     "Gwen Tasker"),
    # a first-person report under a plain byline
    ("Night shift on the ward\n\nBy Tomasz Wren\n\nThe ward was quiet at 3am. 'Is it "
     "always like this?' I asked the charge nurse.", "Tomasz Wren"),
])
def test_the_narrating_i_of_news_is_the_bylined_writer(text: str, writer: str) -> None:
    quotes = quoteattr.attribute(text, genre="news").quotes
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name == writer


def test_a_byline_of_two_writers_names_no_narrator() -> None:
    assert byline_writer("Flood talks\n\nBy Ana Duarte and Tom Brandt\n\nText.") is None
    assert byline_writer("Flood talks\n\nBy Ana Duarte\n\nText.") == "Ana Duarte"


@pytest.mark.parametrize("text", [
    # an alumni magazine's profile under one writer's byline
    ("Alumni Profiles\n\nBy Owen Castellane\n\nMira Sato builds bridges in Oslo.\n\n"
     "“Do you ever miss the piano?” we asked.\n\n“Every day,” Sato says."),
    # a food column
    ("Lunch with the baker\n\nBy Hamid Qureshi\n\nThe bakery opens at five. 'How early "
     "do you get up?' we asked over coffee.\n\n'Half past three,' said Nell Brandt."),
])
def test_a_narrating_we_under_one_writers_byline_is_that_writer(text: str) -> None:
    quote = quoteattr.attribute(text, genre="news").quotes[0]
    writer = text.split("By ", 1)[1].split("\n", 1)[0]
    assert quote.speaker is not None and quote.speaker.name == writer
    assert quote.mention is not None and quote.mention.text == "we"


def test_a_narrating_we_without_a_byline_stays_we() -> None:
    text = ("THE SEED ROUND\n\nMira Sato builds bridges in Oslo.\n\n"
            "“Do you ever miss the piano?” we asked.\n\n“Every day,” Sato says.")
    quote = quoteattr.attribute(text, genre="news").quotes[0]
    assert quote.speaker is not None and quote.speaker.name == "we"


def test_a_we_inside_a_quote_is_not_the_writer() -> None:
    text = ("Harbour notes\n\nBy Owen Castellane\n\nThe crews met on Monday. “We told "
            "them, ‘Not this winter,’” said Ana Ruiz, a skipper.")
    speakers = [q.speaker.name for q in quoteattr.attribute(text, genre="news").quotes
                if q.speaker is not None]
    assert "Owen Castellane" not in speakers
