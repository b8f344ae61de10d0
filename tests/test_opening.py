"""A text that opens with a book's heading is read as fiction under the default genre too;
news copy, whose first lines are a headline, a byline or a feature series' part, is not."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.confidence import genre_read
from quoteattr.opening import opens_as_novel

_SCENE = ("Mrs. Dunmore set the tray down by the fire.\n\n"
          "\u201cYou are late again, Arthur,\u201d she said.\n\n"
          "\u201cThe ferry was held at the bar.\u201d\n\n"
          "\u201cThe ferry is always held at the bar.\u201d\n\n"
          "\u201cThen I am always late.\u201d\n")


@pytest.mark.parametrize("opening", [
    "CHAPTER I", "Chapter 12", "Chapter Four. The Ferry", "BOOK THE FIRST",
    "VOLUME I\n\nCHAPTER I.",
    "PART ONE\n\nChapter I: The Landing", "Prologue", "II.", "I. THE PRISON DOOR",
    "THE HARBOUR LIGHTS\n\nI\n\nA FERRY AT DUSK", "Letter IV. To Miss Vane",
])
def test_a_book_heading_opens_a_novel(opening: str) -> None:
    assert opens_as_novel(f"{opening}\n\nThe fog came in at four.")


@pytest.mark.parametrize("opening", [
    "Chapter 11: What the filing means for the mill's workers",
    "PART TWO: THE FLOOD\n\nBy Ana Duarte", "Section 3", "Introduction",
    "Storm closes harbour\n\nBy Jo Reyes, Staff reporter", "I am a rather elderly man.",
    "I. Smith, the chairman, declined to comment.",
])
def test_news_and_prose_openings_are_no_novel(opening: str) -> None:
    assert not opens_as_novel(f"{opening}\n\nThe council met on Monday.")


def _speakers(text: str, genre: str = "auto") -> list[str | None]:
    return [q.speaker.name if q.speaker else None
            for q in quoteattr.attribute(text, genre=genre).quotes]


def test_a_chapter_alternates_its_turns_under_the_default_genre() -> None:
    chapter = "CHAPTER III.\n\nTHE FERRY\n\n" + _SCENE
    assert _speakers(chapter) == _speakers(chapter, "fiction")
    assert _speakers(chapter)[1] != _speakers(chapter)[2]  # the untagged reply is Arthur's


def test_the_same_scene_without_a_heading_keeps_the_news_convention() -> None:
    # news carries an untagged quote to the last speaker unless the exchange is a clear one
    assert _speakers(_SCENE) != _speakers(_SCENE, "fiction")
    assert _speakers(_SCENE) == _speakers(_SCENE, "news")


def test_an_explicit_news_genre_never_switches_to_fiction() -> None:
    chapter = "CHAPTER III.\n\nTHE FERRY\n\n" + _SCENE
    assert _speakers(chapter, "news") != _speakers(chapter, "fiction")
    assert _speakers(chapter, "news")[1:] == _speakers(_SCENE, "news")[1:]


_HEADLESS = ("The gate had not been oiled since spring, and Miss Arden heard it from the "
             "scullery.\n\n"
             "\u201cIs that you, Robert?\u201d cried she.\n\n"
             "\u201cWho else would it be at this hour, aunt?\u201d\n\n"
             "\u201cA thief, for all I know.\u201d\n\n"
             "\u201cA thief would oil the gate first.\u201d\n\n"
             "\u201cYou are impertinent, Robert!\u201d said she, laughing in spite of herself.\n\n"
             "\u201cI am hungry, aunt. It is not the same thing.\u201d\n")


def _genre(text: str, genre: str = "auto") -> str:
    return genre_read(quoteattr.attribute(text, genre=genre))


def test_a_chapter_without_its_heading_is_known_by_its_conversation() -> None:
    # "cried she", replies standing alone, questions and vocatives: a novel's dialogue
    assert _genre(_HEADLESS) == "fiction"
    assert _speakers(_HEADLESS) == _speakers(_HEADLESS, "fiction")
    assert _genre(_HEADLESS, "news") == "news"


@pytest.mark.parametrize("story", [
    # a news story with a question among many tagged quotes
    "The council voted 7-2 on Monday to close the Harbour Road library.\n\n"
    "\u201cWhere will the children go after school?\u201d asked parent Lena Ortiz.\n\n"
    "\u201cWe have no money left,\u201d said council leader Tom Price. \u201cNone.\u201d\n\n"
    "Mr. Price said the building would be sold.\n\n"
    "\u201cIt is a sad day,\u201d he said.\n\n"
    "\u201cWe will appeal,\u201d said Ms. Ortiz.\n",
    # a radio exchange: a few untagged questions and answers
    "\u201cThe road is under water,\u201d Councillor Omar Haddad told listeners.\n\n"
    "\u201cWill the school open tomorrow?\u201d asked presenter Dana Whitlock.\n\n"
    "\u201cNot before Thursday, I am afraid.\u201d\n\n"
    "\u201cAnd the buses?\u201d\n\n"
    "\u201cThey run from noon.\u201d\n",
])
def test_news_with_questions_and_replies_stays_news(story: str) -> None:
    assert _genre(story) == "news"
