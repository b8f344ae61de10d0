"""Patterns other quote tools test themselves on, that the hand-written set
fixtures/tool_cases found weak: a titled role after a capitalised club or body ("City boss
X"), a quote whose speaker the next sentence names ("That's how X describes ..."), a dash
credit after a title or an organisation's role, an adjective before an inverted name ("said
a tearful Ms Ncube"), a participle cue that never inverts ("X objected, saying the board
..."), and a work's title credited with "by" (no speech).

Each case in fixtures/cases/tool_patterns.jsonl is its own made-up text, different from the
set's; ``speaker`` is the name a reader would give (None: nobody is named).

The speaker of each case in fixtures/cases/tool_patterns.jsonl is tested in test_speaker_cases.py;
this module tests the parts behind them.
"""

from __future__ import annotations

import pytest

import quoteattr


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ('"River of Salt", by Imogen Tate, follows three families.', '"River of Salt"'),
        ('Her pick is "The Long Field," by Oskar Brandt, a farming memoir.', '"The Long Field,"'),
    ],
)
def test_title_credited_with_by_is_not_speech(text: str, title: str) -> None:
    doc = quoteattr.attribute(text)
    [quote] = [q for q in doc.quotes if q.text == title]
    assert quote.kind == "scare" and quote.speaker is None


def test_speech_followed_by_lower_case_by_stays_speech() -> None:
    doc = quoteattr.attribute('"We will rebuild," by all accounts, was the mayor\'s promise.')
    assert [q.kind for q in doc.quotes] == ["direct"]


def test_comparative_before_a_name_is_not_the_namesake() -> None:
    """"said the younger Mr. Varga" is the son, not the senator named before him."""
    doc = quoteattr.attribute(
        "Senator Paul Varga and his son spoke at the rally.\n\n\"This is just the beginning,\" "
        "said the younger Mr. Varga, who is running for the state house."
    )
    [quote] = [q for q in doc.quotes if q.kind == "direct"]
    assert quote.speaker is not None and quote.speaker.name != "Paul Varga"
    assert quote.mention is not None and quote.mention.text.startswith("the younger")
