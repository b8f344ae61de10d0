"""Fiction's described speakers answered by name (``quoteattr.speaker_names``): '"...,"
said my brother's wife. / "My dear Rose," I answered' makes the described speaker Rose.
The chapters are written for these tests."""

from __future__ import annotations

import pytest

import quoteattr

ANSWERED = (
    "CHAPTER II.\n\nBreakfast at Holm Lacy was never quiet.\n\n"
    "“Are you ever going to settle anywhere, Hugh?” said my brother’s wife.\n\n"
    "“My dear Rose,” I answered, “I am settled now, in this chair.”\n\n"
    "Rose laughed in spite of herself, and poured the tea.\n\n"
    "“You are impossible,” she said.\n"
)


def _speakers(text: str, genre: str = "auto") -> dict[str, str | None]:
    result = quoteattr.attribute(text, genre=genre)
    return {q.text: q.speaker.name if q.speaker else None for q in result.quotes}


@pytest.mark.parametrize("genre", ["auto", "fiction"])
def test_a_described_speaker_answered_by_name_is_that_character(genre: str) -> None:
    speakers = _speakers(ANSWERED, genre)
    assert speakers["“Are you ever going to settle anywhere, Hugh?”"] == "Rose"
    assert speakers["“You are impossible,”"] == "Rose"
    assert speakers["“My dear Rose,”"] == "Hugh"  # the narrator, by the first vocative
    result = quoteattr.attribute(ANSWERED, genre=genre)
    rose = next(s for s in result.speakers if s.name == "Rose")
    # the description is one of Rose's mentions now, and every span slices back
    assert "my brother’s wife" in {m.text for m in rose.mentions}
    assert all(ANSWERED[m.start : m.end] == m.text for m in rose.mentions)


def test_news_keeps_the_description() -> None:
    """Read as news, a relation stays a description: a reply's vocative in an interview
    is as often to a third person in the room."""
    assert _speakers(ANSWERED, "news")["“Are you ever going to settle anywhere, Hugh?”"] == (
        "my brother’s wife")


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    # a word of kinship is no name: his mother stays his mother
    ("CHAPTER V.\n\nThe kitchen smelt of bread.\n\n“Wipe your boots,” said his mother, "
     "without turning round.\n\n“Yes, Ma,” said Davy, and did not.\n",
     "“Wipe your boots,”", "his mother"),
    # a man described is not the woman the reply turns to
    ("CHAPTER IX.\n\nThe ferry was late.\n\n“You will miss the tide,” said the old "
     "boatman.\n\n“Then I shall swim, Agnes,” said Hugh Pellew, with a glance at his "
     "sister.\n\nAgnes Pellew only shook her head.\n",
     "“You will miss the tide,”", "the old boatman"),
])
def test_no_name_for_a_description_the_reply_cannot_mean(
    text: str, quote: str, speaker: str,
) -> None:
    assert _speakers(text)[quote] == speaker
