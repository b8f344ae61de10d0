"""Sports copy names a player once and then by what they do ("the skater said", "said the
batsman"): those role nouns (data/role_nouns.tsv) describe the person just named."""

from __future__ import annotations

import pytest

import quoteattr


@pytest.mark.parametrize(("text", "who"), [
    ('Mira Jansen took gold in the 500m. "I cannot believe it," the skater said.',
     "Mira Jansen"),
    ('Joe Marsh made 142 at the Oval. "The pitch was flat," said the batsman.', "Joe Marsh"),
    ('Rory Byrne shot a 66 on Sunday. "I putted well," the golfer told reporters.',
     "Rory Byrne"),
    ('Tom Ellis, 19, made his first start on Saturday. "It was a dream," the youngster said.',
     "Tom Ellis"),
])
def test_a_sport_role_noun_is_the_player_just_named(text: str, who: str) -> None:
    quotes = quoteattr.attribute(text).quotes
    assert [q.speaker.name if q.speaker else None for q in quotes] == [who]
    assert quotes[0].mention is not None and quotes[0].mention.text.startswith("the ")
