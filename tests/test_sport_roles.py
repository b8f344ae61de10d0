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
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name == who
    assert quotes[0].mention is not None and quotes[0].mention.text.startswith("the ")


_TWO_SIDES = [
    # a football report: "director of football" is the coach's office at many clubs
    ("Harlow Town 2 Dunmore 1\n\nHarlow director of football Keith Amadi-Bright watched "
     "from the stand. Dunmore head coach Pavel Rusnak was sent off in the first half.\n\n"
     '"We lost our discipline and we lost the game," said Rusnak.\n\nAmadi-Bright, asked '
     'about the red card, shrugged. "Pavel is a passionate man," the coach said. "I would '
     'have done the same."',
     ["Pavel Rusnak", "Keith Amadi-Bright", "Keith Amadi-Bright"]),
    # a rugby report: the skipper is a captain, and the one just named
    ("Ashby Vale 21 Kingsmere 19\n\nKingsmere captain Ben Oduya was sin-binned twice. Ashby "
     'Vale skipper Tom Halloran scored the winning try.\n\n"It hurts," Oduya said.\n\nThe '
     "win lifts Ashby Vale to fourth. Halloran has only one plan for the evening.\n\n"
     '"Ice bath, pizza, bed," said the captain.',
     ["Ben Oduya", "Tom Halloran"]),
    # a cricket wire: two captains, one called the skipper
    ("Colombo, March 3: Sri Lanka skipper Dimuth Perera backed his spinners after the "
     "defeat, while England captain Jack Ormsby praised the pitch.\n\n\"The pitch turned "
     'from the first hour," Ormsby said.\n\nPerera was less sure. "We bowled too short on '
     'day one," the captain said.',
     ["Jack Ormsby", "Dimuth Perera"]),
]


@pytest.mark.parametrize(("text", "who"), _TWO_SIDES)
def test_the_coach_or_captain_of_two_is_the_one_just_named(text: str, who: list[str]) -> None:
    """A match report has two coaches and two captains; "the coach" and "the captain" are
    the one the text has just named, when his office is the role's by another name
    ("director of football" for a coach, "skipper" for a captain: data/role_titles.tsv)."""
    quotes = quoteattr.attribute(text).quotes
    assert [q.speaker.name if q.speaker else None for q in quotes] == who


@pytest.mark.parametrize(("text", "who"), [
    # a chess report, then an athletics result: "said the Spaniard" after the sentence
    # naming her, though another was quoted just before
    ("Aditya Raghunathan won the open, beating the Georgian top seed Levan Kiknadze.\n\n"
     'Kiknadze, 29, did not hide his disappointment. "I played like a tourist," the '
     'Georgian said.\n\nMaria Ruiz won the 10km. "I felt strong," said the Spaniard.',
     "Maria Ruiz"),
    # a cycling report: another rider quoted just before
    ('Stage winner Tomas Berg praised his team.\n\n"They rode all day for me," he said.\n\n'
     'Maria Lindqvist lost two minutes on the climb. "My legs were empty," said the '
     "Norwegian.", "Maria Lindqvist"),
    # a ski race wire
    ('Anna Meyer won the downhill.\n\n"The snow was perfect," she said.\n\nLaura Rossi was '
     'third. "I made one mistake," said the Italian.', "Laura Rossi"),
])
def test_a_nationality_describes_the_one_just_named(text: str, who: str) -> None:
    """ "the Georgian", "the Spaniard": a capitalised nationality after "the" is the person
    the sentence before named, as "the 29-year-old" is."""
    quotes = quoteattr.attribute(text).quotes
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name == who
