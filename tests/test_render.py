"""Tests for quoteattr/render/table.py: the plain-text table built from records alone."""

from __future__ import annotations

import re

import quoteattr
from quoteattr.records import DocumentResult, Quote, Speaker, SpeakerRef, TextSpan
from quoteattr.render import render_table

LONG = '"' + "The levee held for forty hours, and then the water came over the top. " * 2 + '"'


def _span(text: str, start: int, part: str) -> TextSpan:
    begin = text.index(part, start)
    return TextSpan(start=begin, end=begin + len(part), text=part)


def _quote(
    text: str,
    part: str,
    *,
    speaker: SpeakerRef | None = None,
    mention: TextSpan | None = None,
    cue: TextSpan | None = None,
    rule: str = "unattributed",
    confidence: float = 0.0,
) -> Quote:
    span = _span(text, 0, part)
    return Quote(start=span.start, end=span.end, text=span.text, kind="direct", speaker=speaker,
                 mention=mention, cue=cue, rule=rule, confidence=confidence)


def _document() -> DocumentResult:
    text = (
        '"We will rebuild the bridge," Mayor Ana Duarte said.\n\n'
        + LONG + " she added.\r\n\"Line one\r\nline two\nline three,\" a voice said."
    )
    return DocumentResult(
        doc_id="harbour",
        quotes=(
            _quote(text, '"We will rebuild the bridge,"',
                   speaker=SpeakerRef(id="S1", name="Ana Duarte"),
                   mention=_span(text, 0, "Mayor Ana Duarte"), cue=_span(text, 0, "said"),
                   rule="quote_speaker_cue", confidence=0.95),
            _quote(text, LONG, speaker=SpeakerRef(id="S1", name="Ana Duarte"),
                   mention=_span(text, 0, "she"), cue=_span(text, 0, "added"),
                   rule="quote_speaker_cue", confidence=0.9),
            _quote(text, '"Line one\r\nline two\nline three,"'),
        ),
        speakers=(
            Speaker(id="S1", name="Ana Duarte", type="person", titles=("Mayor", "Acting Chair")),
        ),
    )


def test_table_is_exact() -> None:
    assert render_table(_document()) == "\n".join([
        "document: harbour",
        "#  span     kind    speaker     rule               conf  quote",
        '0  0-29     direct  Ana Duarte  quote_speaker_cue  0.95  "We will rebuild the bridge,"',
        '1  54-196   direct  Ana Duarte  quote_speaker_cue  0.90  '
        '"The levee held for forty hours, and then the water came ov\u2026',
        '2  209-241  direct  -           unattributed       0.00  '
        '"Line one\u23celine two\u23celine three,"',
        "",
        "speakers:",
        "id  name        type    titles",
        "S1  Ana Duarte  person  Mayor; Acting Chair",
    ])


def test_long_quotes_are_shortened_to_sixty_characters() -> None:
    row = render_table(_document()).splitlines()[3]
    quote_cell = row[row.index('"The levee'):]
    assert len(quote_cell) == 60
    assert quote_cell.endswith("\u2026")
    assert LONG.startswith(quote_cell[:-1])


def test_newlines_never_break_a_row() -> None:
    table = render_table(_document())
    # header + 3 quotes + blank + "speakers:" + header + 1 speaker + "document:" line
    assert len(table.splitlines()) == 9
    assert "\r" not in table
    assert '"Line one\u23celine two\u23celine three,"' in table  # \r\n is a single mark


def test_control_characters_are_shown_not_obeyed() -> None:
    text = '"Red \x1b[31malert\u202e now," Ana Duarte said.'
    part = '"Red \x1b[31malert\u202e now,"'
    doc = DocumentResult(quotes=(_quote(text, part),))
    row = render_table(doc).splitlines()[1]
    assert row.endswith('"Red \\x1b[31malert\\u202e now,"')
    assert "\x1b" not in row and "\u202e" not in row


def test_wide_speaker_names_keep_columns_aligned() -> None:
    text = '"Yes," said \u738b\u5c0f\u660e. "No," said Bo.'
    doc = DocumentResult(quotes=(
        _quote(text, '"Yes,"', speaker=SpeakerRef(id="S1", name="\u738b\u5c0f\u660e")),
        _quote(text, '"No,"', speaker=SpeakerRef(id="S2", name="Bo")),
    ))
    wide, narrow = render_table(doc).splitlines()[1:3]
    # Each CJK character takes two terminal columns, so its row has 3 fewer characters
    # before the rule column than the row of "Bo", and both rules start in one column.
    assert wide.index("unattributed") + 3 == narrow.index("unattributed")


def test_empty_result() -> None:
    assert render_table(DocumentResult()) == "no quotes found\nspeakers: none"


def test_real_result_shows_each_speaker_and_rule() -> None:
    text = (
        'Minister Karin Holm said the plan was "a disaster for farmers". '
        '"We will fight it," she said.\n\n"Hi," said Bo Lindqvist.'
    )
    result = quoteattr.attribute(text, doc_id="farm")
    table = render_table(result)
    rows = table.splitlines()[2 : 2 + len(result.quotes)]
    assert len(rows) == len(result.quotes) == 3
    for row, quote in zip(rows, result.quotes, strict=True):
        assert quote.speaker is not None
        assert quote.speaker.name in row
        assert quote.rule in row
        assert quote.text in row
    assert re.search(r"^S1  Karin Holm +person  Minister$", table, re.MULTILINE)
