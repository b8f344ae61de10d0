""""footage of X saying, "..."": the one a recording shows speaks, not whoever airs it.

Articles written for these tests (a campaign story, a court report, sport, a broadcast
item); the rule is a surface pattern, so the embedded path shows it without a parser
(tests/test_spacy_documents.py checks the parse path).
"""

from __future__ import annotations

import pytest

import quoteattr


def _speakers(text: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in quoteattr.attribute(text).quotes]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('The network broadcast a clip of Harlan Pryce, the club chairman, saying, '
         '"The manager stays."', "Harlan Pryce"),
        ('Investigators released tape of the pilot, Captain Joan Reyes, saying, '
         '"We have lost an engine."', "Joan Reyes"),
        ('Footage of Okafor saying "the books are balanced" was shown to the committee.',
         "Okafor"),
        ('Opponents circulated a 2019 recording of the councillor, Mary Tanaka, telling '
         'residents, "Your street is next."', "Mary Tanaka"),
        ('Prosecutors played audio of Daniel Marsh saying, "Nobody will ever find it."',
         "Daniel Marsh"),
    ],
)
def test_the_recorded_person_speaks(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_without_a_recording_the_clause_subject_still_speaks() -> None:
    text = 'Mayor Ruth Idowu criticised the council, saying, "This city deserves better."'
    assert _speakers(text) == ["Ruth Idowu"]


def test_a_recording_of_no_one_leaves_the_clause_subject() -> None:
    text = ('Coach Pete Lindqvist showed his players footage of the final, saying, '
            '"Watch how they press."')
    assert _speakers(text) == ["Pete Lindqvist"]
