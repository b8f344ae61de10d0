"""Newsroom copy: furniture (bylines, datelines, credits) never speaks, and quotes that are not
speech (headlines, link lines, captions, pull-quotes, titles, signs, unsaid words) are ``scare``.

The cases in fixtures/cases/newsroom.jsonl are written for quoteattr: wire, local, broadcast,
business and sport copy, each with the quote's expected kind and resolved speaker.
"""

from __future__ import annotations

from typing import Any

import pytest
from case_support import case_params

import quoteattr
from quoteattr.furniture import find_furniture
from quoteattr.lexicon import default_lexicon


@pytest.fixture(scope="module")
def attributor() -> quoteattr.Attributor:
    return quoteattr.Attributor()


@pytest.mark.parametrize("case", case_params("newsroom"))
def test_newsroom_case(case: dict[str, Any], attributor: quoteattr.Attributor) -> None:
    doc = attributor.attribute(case["text"])
    matches = [q for q in doc.quotes if q.text == case["quote"]]
    assert matches, f"quote not found; found {[q.text for q in doc.quotes]}"
    quote = matches[0]
    assert quote.kind == case["kind"]
    assert (quote.speaker.name if quote.speaker else None) == case["speaker"]
    if quote.kind == "scare":
        assert quote.rule == "not_speech" and quote.confidence == 0.0
    furniture = find_furniture(case["text"], default_lexicon())
    for speaker in doc.speakers:  # no speaker is ever named by a byline, dateline or credit
        for mention in speaker.mentions:
            assert furniture.clause_start(mention.start, 0) >= 0, mention.text


def _regions(text: str) -> list[str]:
    return [text[r.start : r.end] for r in find_furniture(text, default_lexicon()).regions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By Ana Duarte\n\nThe port reopened.", ["By Ana Duarte"]),
        ("By Ana Duarte and Li Wei, The Canadian Press\n\nThe port reopened.",
         ["By Ana Duarte and Li Wei, The Canadian Press"]),
        ("By Ana Duarte\nLi Wei\nThe Canadian Press\n\nThe port reopened.",
         ["By Ana Duarte\nLi Wei\nThe Canadian Press"]),
        ("Ana Duarte | Staff reporter\n\nThe port reopened.", ["Ana Duarte | Staff reporter"]),
        ("Li Wei · CBC News · Posted: Mar 03, 2024 4:00 AM ET\n\nThe port reopened.",
         ["Li Wei · CBC News · Posted: Mar 03, 2024 4:00 AM ET"]),
        ("WASHINGTON — The Senate met.", ["WASHINGTON — "]),
        ("LONDON (Reuters) - Shares fell.", ["LONDON (Reuters) - "]),
        ("KYIV, March 3 (AP) — Sirens sounded.", ["KYIV, March 3 (AP) — "]),
        ("TORONTO, Ont. — The line opened.", ["TORONTO, Ont. — "]),
        ("Kyiv, Ukraine (AFP) – Sirens sounded.", ["Kyiv, Ukraine (AFP) – "]),
        ("The port reopened on Monday. — Reuters", ["— Reuters"]),
        ("The port reopened.\n\nThe Canadian Press", ["The Canadian Press"]),
        ("The port reopened.\n\n— With files from Global News", ["— With files from Global News"]),
        ("Photo: Jane Roe/Getty Images\n\nThe port reopened.", ["Photo: Jane Roe/Getty Images"]),
        ("Photograph by Jane Roe\n\nThe port reopened.", ["Photograph by Jane Roe"]),
        ("The port reopened. (THE CANADIAN PRESS/Li Wei)\n\nShips left.",
         ["The port reopened. (THE CANADIAN PRESS/Li Wei)"]),
        ("Crews work at the port on Monday. (Jane Roe / CBC)\n\nShips left.",
         ["Crews work at the port on Monday. (Jane Roe / CBC)"]),
        ("The port reopened.\n\nThis report by The Canadian Press was first published "
         "March 3, 2024.", ["This report by The Canadian Press was first published "
                            "March 3, 2024."]),
        ("The port reopened.\n\nREAD MORE: Port strike ends after 40 days\n\nShips left.",
         ["READ MORE: Port strike ends after 40 days"]),
        ("By\nAna Duarte\n\nThe port reopened.", ["By\nAna Duarte"]),
        ("HALIFAX, N.S., March 3 (CP) — The port reopened.", ["HALIFAX, N.S., March 3 (CP) — "]),
        ("The port reopened.\n\nThe Associated Press contributed to this report.",
         ["The Associated Press contributed to this report."]),
        ("Ships left.\n\n(Reporting by Ana Duarte; Editing by Li Wei)",
         ["(Reporting by Ana Duarte; Editing by Li Wei)"]),
        ("Ships left.\n\n© 2024 The Canadian Press", ["© 2024 The Canadian Press"]),
    ],
)
def test_furniture_regions(text: str, expected: list[str]) -> None:
    assert _regions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "By Monday morning, the talks had stalled.",
        "By contrast, the plan costs less.",
        "By 2026, the deficit will be larger.",
        "Reuters reported the deal on Monday, citing two sources.",
        "She told The Associated Press she would run again.",
        "Watch the full interview below.",
        "Related charges were dropped on Friday.",
        "The photo, by a local artist, won first prize.",
        "NOW OPEN—\"A gallery by the river,\" by Ana Duarte.",
        "Duarte, who is a former editor, said the paper would close.",
        "A spokeswoman said the plan (first floated in May) was dead.",
        "The mayor said residents contributed to this report.",
        "A (very) long night ended with a vote — and a recount.",
    ],
)
def test_running_text_is_not_furniture(text: str) -> None:
    assert _regions(text) == []


def test_regions_index_the_callers_text() -> None:
    """The scan puts a line break before the text; offsets must still index the text itself,
    also for furniture on its first line and at its very end."""
    text = "By Ana Duarte\n\nOTTAWA — \"We are ready,\" she said. — Reuters"
    regions = find_furniture(text, default_lexicon()).regions
    assert [text[r.start : r.end] for r in regions] == ["By Ana Duarte", "OTTAWA — ",
                                                         "— Reuters"]
    assert all(a.end <= b.start for a, b in zip(regions, regions[1:], strict=False))


def test_dateline_clause_start_and_inside() -> None:
    text = "OTTAWA — \"We are ready,\" she said.\n\nREAD MORE: \"Done,\" says mayor"
    furniture = find_furniture(text, default_lexicon())
    quote = text.index('"We')
    assert furniture.clause_start(quote, 0) == quote  # the clause begins after the dateline
    assert furniture.clause_start(text.index('"Done'), 0) == -1  # inside a link line
    assert furniture.clause_start(3, 0) == -1  # inside the dateline


def test_lexicon_tables() -> None:
    lex = default_lexicon()
    assert {"the canadian press", "reuters", "ap", "getty images"} <= lex.agencies
    assert lex.not_speech_nouns["report"] == "work"
    assert lex.not_speech_nouns["t-shirt"] == "inscription"
    assert "sign" not in lex.not_speech_nouns  # protest signs count as speech in PolNeAR


def test_custom_lexicon_without_agencies_still_finds_bylines() -> None:
    """A lexicon built without the agency table (its defaults) loses agency tags only: a
    dateline in capitals is known by its shape, whatever service its brackets name."""
    from dataclasses import replace

    lex = replace(default_lexicon(), agencies=frozenset())
    text = "By Ana Duarte\n\nWASHINGTON (AP) — The Senate met. — Reuters"
    regions = [text[r.start : r.end] for r in find_furniture(text, lex).regions]
    assert regions == ["By Ana Duarte", "WASHINGTON (AP) — "]


@pytest.mark.parametrize("line", ["LISBON (Wire) - The port reopened.",
                                  "MADRID (Local News Service) — Rain fell.",
                                  "ST. JOHN'S, N.L. (NTV) — The ferry ran late."])
def test_a_dateline_with_a_service_no_list_knows(line: str) -> None:
    regions = [line[r.start : r.end] for r in find_furniture(line, default_lexicon()).regions]
    assert len(regions) == 1 and line.startswith(regions[0]) and regions[0].rstrip()[-1] in "—-"


def test_a_bracket_after_a_name_in_running_text_is_no_dateline() -> None:
    text = "The mayor (Ind.) - who won by 40 votes - said little."
    assert find_furniture(text, default_lexicon()).regions == ()
