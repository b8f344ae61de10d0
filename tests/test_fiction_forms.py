"""Fiction's forms: book headings name no speaker, cue verbs of novels ("put in", "quoth",
"used to say"), and the speakerless reply tag ('"...," was the reply.')."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.furniture import is_heading


@pytest.mark.parametrize("line", [
    "CHAPTER XIV.", "Chapter Nine", "Chapter 3. Mrs. Quarle Calls", "Book the Third",
    "PART TWO", "Chapter Twenty-One", "STAVE II: THE FIRST OF THE SPIRITS",
    "CHAPTER IV IN WHICH WE LOSE THE DOG", "Prologue", "IX.", "THE ORCHARD GATE",
])
def test_book_headings_are_furniture(line: str) -> None:
    assert is_heading(line)


@pytest.mark.parametrize("line", [
    "Part of the roof fell in.", "Chapter 11 filing came on Monday", "The Orchard Gate",
    "HOLT: We will not comment.", "“STOP THAT NOISE!”", "Book Review",
])
def test_prose_labels_and_shouted_quotes_are_no_headings(line: str) -> None:
    assert not is_heading(line)


def _speakers(text: str, genre: str = "fiction") -> list[str | None]:
    result = quoteattr.attribute(text, genre=genre)
    return [q.speaker.name if q.speaker else None for q in result.quotes]


@pytest.mark.parametrize("genre", ["news", "fiction"])
def test_a_chapter_number_never_takes_a_turn(genre: str) -> None:
    text = ("THE LONG ROAD\n\nChapter Seven\n\n“Is it far?” asked Hal.\n\n“Ten miles.”\n\n"
            "“Then we walk.”")
    speakers = _speakers(text, genre)
    assert speakers[0] == "Hal"
    assert not {"Seven", "LONG ROAD", "THE LONG ROAD"} & set(speakers)


@pytest.mark.parametrize(("text", "speaker"), [
    ("“Nobody asked you,” put in Greta.", "Greta"),
    ("“Fortune favours fools,” quoth the tinker.", "the tinker"),
    ("“Waste not,” Grandfather Obi used to say.", "Obi"),
])
def test_fiction_cue_verbs(text: str, speaker: str) -> None:
    (name,) = _speakers(text)
    assert name is not None and speaker in name


@pytest.mark.parametrize("genre", ["news", "fiction"])
def test_a_reply_is_never_the_last_speaker_carried_on(genre: str) -> None:
    text = ("Mrs. Ashby rang for the maid.\n\n“Has the post come, Jenny?” she asked.\n\n"
            "“Not yet, ma'am,” was the reply.")
    first, reply = _speakers(text, genre)
    assert first is not None and "Ashby" in first
    assert reply is None or "Ashby" not in reply


def test_the_quote_after_a_reply_tag_continues_the_reply() -> None:
    text = ("“Will you row us over?” asked Bram.\n\n“Not tonight,” said the ferryman.\n\n"
            "“Is the river so high, then?”\n\n"
            "“Higher than I have seen it,” was the answer; “and rising still.”")
    speakers = _speakers(text)
    assert speakers[-2] == speakers[-1] == "the ferryman"


@pytest.mark.parametrize(("text", "speaker"), [
    ("“Shut the door,” said the sexton gravely.", "the sexton"),
    ("“Shut the door,” said the sexton one evening.", "the sexton"),
    ("“Shut the door,” said the sexton next morning.", "the sexton"),
    ("“Shut the door,” said the sexton yesterday.", "the sexton"),
    ("“Shut the door,” said the whole family.", "the whole family"),
    ("“Shut the door,” said her stepmother.", "her stepmother"),
    ("“Shut the door,” broke in the sexton.", "the sexton"),
    ("“Shut the door,” said another.", "another"),
    ("“Shut the door,” cried one, a stout woman in a shawl.", "one"),
    ("“Shut the door,” said the sexton's voice with a crack in it.", "the sexton's voice"),
    ("“Shut the door,” said a girl as she ran past.", "a girl"),
    ("“Shut the door,” cried a voice from the far end of the nave.", "a voice"),
    ("“Shut the door,” cried a voice from the nave.", "a voice from the nave"),
])
def test_the_speaker_after_an_inverted_verb_ends_at_its_noun(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize("genre", ["news", "fiction"])
def test_a_name_in_plain_text_italics_is_no_speaker(genre: str) -> None:
    text = ("The _Swift Heron_ came in on the evening tide.\n\n"
            "“Is she sound?” asked the harbourmaster.\n\n“Sound enough.”")
    speakers = _speakers(text, genre)
    assert speakers[0] == "the harbourmaster"
    assert "Swift Heron" not in speakers


@pytest.mark.parametrize("text", [
    "“Mind the step,” said\nWinifred Ash, “it is loose.”",
    "“Mind the step,”\nsaid Winifred Ash, “it is loose.”",
    "“Is the step loose?”\nasked Winifred Ash.",
])
def test_a_line_break_inside_a_quote_tag_of_a_short_text(text: str) -> None:
    """Too short to read as hard-wrapped, the text still breaks a line inside the tag:
    a line ending in '," said' or a quote closed by a comma goes on into the next."""
    assert set(_speakers(text, "news")) == {"Winifred Ash"}


@pytest.mark.parametrize(("tag", "speaker"), [
    ("says old Wat Hobley, knocking out his pipe", "Wat Hobley"),
    ("said young Kester", "Kester"),
    ("cried poor Ysolde Trench", "Ysolde Trench"),
])
def test_an_epithet_before_a_name_no_list_knows_still_tags_the_speaker(
    tag: str, speaker: str,
) -> None:
    """Dialect and Victorian tags put "old", "young", "poor" before a character's own name,
    which may be one no given-name list has; in a novel the name is the speaker."""
    text = f"The wind got up after dark.\n\n“There’ll be no boats out the morn,” {tag}.\n"
    assert _speakers(text) == [speaker]

