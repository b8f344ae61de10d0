"""A storm's name never speaks, and a body described after it is not the storm.

Copy of this kind comes from weather desks everywhere (Philippine, Australian, US,
Mozambican wire stories); the texts are written for these tests."""

from __future__ import annotations

import pytest

import quoteattr


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Tropical Storm Maring is expected to make landfall on Thursday.\n\n"
         "\"Residents of low-lying areas should move now,\" the weather bureau said.",
         "the weather bureau"),
        ("Cyclone Jasper Ellery crossed the coast near Cairns overnight.\n\n"
         "\"We have crews on every road,\" the emergency service said.",
         "the emergency service"),
        ("Hurricane Delia Marsh strengthened over warm water on Sunday.\n\n"
         "\"This is a life-threatening storm,\" the forecast centre said.",
         "the forecast centre"),
    ],
)
def test_a_body_described_after_a_storm_is_not_the_storm(text: str, speaker: str) -> None:
    quote = quoteattr.attribute(text).quotes[0]
    assert quote.speaker is not None and quote.speaker.name == speaker


def test_a_named_airline_is_still_the_airline_described_after_it() -> None:
    text = ("Skyline Air cancelled more than 300 flights on Monday as pilots began a strike."
            "\n\n\"We apologise to every passenger,\" the airline said.")
    quote = quoteattr.attribute(text).quotes[0]
    assert quote.speaker is not None and quote.speaker.name == "Skyline Air"
