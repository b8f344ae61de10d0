"""Fiction's characters by name: the speaker a reader would name for each quote of a scene.

The scenes in fixtures/cases/fiction_names.jsonl were written for these tests in several
periods and styles (Victorian and Edwardian parlours, the American South, a ship, a modern
flat, first-person memoirs, British single quotes): each lists, quote by quote, the name
``genre="fiction"`` must give (null: no speaker). The tests below them pin where the news
default keeps its own conventions.
"""

from __future__ import annotations

from typing import Any

import pytest
from case_support import read_cases

import quoteattr
from quoteattr.furniture import find_furniture
from quoteattr.lexicon import default_lexicon

CASES = read_cases("fiction_names")


def _names(text: str, genre: str = "fiction") -> list[str | None]:
    doc = quoteattr.attribute(text, genre=genre)
    return [q.speaker.name if q.speaker else None for q in doc.quotes
            if q.kind in ("direct", "thought")]


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_scene_speakers(case: dict[str, Any]) -> None:
    assert _names(case["text"]) == case["names"]


def test_a_wife_is_not_her_husband_by_his_given_name_in_news_too() -> None:
    text = ("Councillor Paul Whitcombe opened the new library wing on Saturday with his wife "
            "beside him.\n\n\"This town has waited long enough for a proper reading room,\" "
            "Mrs. Whitcombe said.")
    assert _names(text, "news") == ["Mrs. Whitcombe"]


@pytest.mark.parametrize("block", [
    "CHAPTER I", "Chapter XII.", "PART ONE", "Letter IV. To Miss Mirvan", "Stave III",
    "THE EARLY YEARS OF THE FAMILY", "The Missing Heir.", "Book Two",
])
def test_headings(block: str) -> None:
    text = f"{block}\n\nThe rain had not stopped since Tuesday."
    regions = find_furniture(text, default_lexicon(), "fiction").regions
    assert [text[s.start : s.end] for s in regions] == [block]


@pytest.mark.parametrize("block", [
    "Part of me wanted to stay.", "Good Heavens!", "Nobody answered.",
    "\u201cThe Bottoms\u201d was the name of the row.", "Letter from home lay on the table.",
])
def test_not_headings(block: str) -> None:
    text = f"{block}\n\nThe rain had not stopped since Tuesday."
    assert find_furniture(text, default_lexicon(), "fiction").regions == ()


def test_a_name_ending_in_ing_opening_a_sentence_is_no_participle_phrase() -> None:
    text = ("Finding the minutes unsigned, the clerk looked up.\n\n"
            "Fleming looked hard at the committee, then at the clerk:\n\n\"We will appeal.\"")
    assert _names(text, "news") == ["Fleming"]



@pytest.mark.parametrize(("heading", "name"), [
    ("JONAS PELL'S JOURNAL", "Jonas Pell"), ("The Narrative of Ada Lind", "Ada Lind"),
    ("Miss Hester Vane\u2019s Diary.", "Hester Vane"),
])
def test_a_record_heading_names_the_narrator(heading: str, name: str) -> None:
    text = (f"{heading}\n\nI reached the inn after dark and asked for a room.\n\n"
            "\u201cThere is one left,\u201d said the landlord.\n\n"
            "\u201cThen I shall take it,\u201d I said.")
    assert _names(text)[-1] == name
    assert _names(text.replace(heading, "A Night at the Inn"))[-1] == "narrator"
