"""Issue 15, library side: any Python ``str`` survives every output path of a result.

A ``str`` may hold surrogate code points (scraped HTML, ``surrogateescape`` decoding,
broken JSON), alone or two in a row that look like a pair. JSON, the HTML view, the
table and the rows must take them, and JSON must give back exactly what went in.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from quoteattr import Attributor, DocumentResult, Quote, TextSpan
from quoteattr.render import render_html, render_table

_surrogate = st.integers(0xD800, 0xDFFF).map(chr)
_split_pair = st.tuples(st.integers(0xD800, 0xDBFF), st.integers(0xDC00, 0xDFFF)).map(
    lambda p: chr(p[0]) + chr(p[1])
)
_any_char = st.one_of(st.characters(), _surrogate)
_piece = st.one_of(
    st.sampled_from(['"', "“", "”", "‘", "’", " said Ana Duarte.", " she said. ", "Mayor ",
                     "Yes", "\n\n", " ", "\\ud800", "\\\\", "\U0001f600"]),
    _surrogate,
    _split_pair,
    st.text(_any_char, max_size=4),
)
_texts = st.lists(_piece, max_size=25).map("".join)
_doc_ids = st.one_of(st.none(), st.text(_any_char, max_size=6))

_SURROGATE_TEXT = (
    '"We will \ud800 rebuild,\udcff" Mayor Ana Duarte said. "Not \ud83d\ude00 yet," she said.'
)
"""Quotes holding a lone high and a lone low surrogate, and a pair held as two code points."""


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")  # raises UnicodeEncodeError on a surrogate code point


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_texts, doc_id=_doc_ids)
def test_every_output_path_takes_any_str(
    attributor: Attributor, text: str, doc_id: str | None
) -> None:
    doc = attributor.attribute(text, doc_id=doc_id)
    for dumped in (doc.model_dump_json(), doc.to_json(), doc.to_json(indent=2)):
        back = DocumentResult.model_validate_json(dumped)
        assert back == doc and back.doc_id == doc.doc_id
        assert DocumentResult.model_validate_json(_utf8(dumped)) == doc
    for quote in doc.quotes:
        assert Quote.model_validate_json(_utf8(quote.model_dump_json())) == quote
    back = DocumentResult.model_validate_json(doc.to_json())
    assert back.to_records() == doc.to_records()
    _utf8(render_html(doc, standalone=True))
    _utf8(render_table(doc))


def test_surrogates_are_written_as_escapes_and_read_back(attributor: Attributor) -> None:
    doc = attributor.attribute(_SURROGATE_TEXT, doc_id="page\udc80")
    texts = ['"We will \ud800 rebuild,\udcff"', '"Not \ud83d\ude00 yet,"']
    assert [q.text for q in doc.quotes] == texts
    dumped = doc.model_dump_json()
    assert "\\ud800" in dumped and "\\udcff" in dumped and "\\ud83d\\ude00" in dumped
    back = DocumentResult.model_validate_json(_utf8(dumped))
    assert back == doc
    assert back.doc_id == "page\udc80"
    assert len(back.quotes[1].text) == len('"Not \ud83d\ude00 yet,"')  # two code points, not one
    # Other JSON readers get valid JSON (json.loads joins the escaped pair, as JSON says).
    assert json.loads(dumped)["quotes"][0]["text"] == '"We will \ud800 rebuild,\udcff"'


def test_plain_text_keeps_pydantics_own_json(attributor: Attributor) -> None:
    doc = attributor.attribute('"We will rebuild," Mayor Ana Duarte said of Zürich \U0001f600.')
    assert doc.model_dump_json() == BaseModel.model_dump_json(doc)
    assert doc.to_json(indent=2) == BaseModel.model_dump_json(doc, indent=2)


def test_json_written_with_escaped_astral_characters_is_read_by_the_json_standard() -> None:
    # json.dumps(ensure_ascii=True) escapes U+1F600 as a pair; the reader must join it.
    span = {"start": 0, "end": 3, "text": "a\U0001f600b"}
    assert TextSpan.model_validate_json(json.dumps(span)) == TextSpan(**span)
    assert TextSpan.model_validate_json(json.dumps(span).encode()) == TextSpan(**span)


def test_an_escaped_backslash_before_ud_is_not_a_surrogate() -> None:
    span = TextSpan(start=0, end=7, text="C:\\ud80")
    assert TextSpan.model_validate_json(span.model_dump_json()) == span


def test_html_and_table_show_a_surrogate_as_its_escape(attributor: Attributor) -> None:
    doc = attributor.attribute(_SURROGATE_TEXT)
    page = render_html(doc)
    table = render_table(doc)
    for shown in (page, table):
        assert "\\ud800" in shown
        _utf8(shown)


def test_rows_and_frame_keep_the_code_points(attributor: Attributor) -> None:
    pd = pytest.importorskip("pandas")
    doc = attributor.attribute(_SURROGATE_TEXT)
    frame = doc.to_dataframe()
    assert isinstance(frame, pd.DataFrame)
    assert frame["text"].tolist() == [q.text for q in doc.quotes]
    assert [r["text"] for r in doc.to_records()] == [q.text for q in doc.quotes]
    assert frame["start"].tolist() == [q.start for q in doc.quotes]
    assert str(frame["mention_start"].dtype) == "Int64"


def test_json_bytes_that_are_not_utf8_raise_a_validation_error() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        TextSpan.model_validate_json(b'{"start": 0, "end": 1, "text": "\\ud800\xff"}')
