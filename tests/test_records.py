"""``quoteattr.records``: the pydantic JSON contract (validation, immutability, round-trip)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

import quoteattr
from quoteattr.records import DocumentResult, Quote, Speaker, SpeakerRef, TextSpan

TEXT = (
    '"We will rebuild," Mayor Ana Duarte said on Monday. "He told me \'never again\' and '
    'left," she added.\n\nHollis Brandt said the plan was "a step too far." '
    'The "Green Wave" movement held a rally.'
)


@pytest.fixture(scope="module")
def doc() -> DocumentResult:
    return quoteattr.attribute(TEXT, doc_id="harbour-1")


def _quote_fields(**overrides: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "start": 0, "end": 3, "text": '"a"', "kind": "direct", "speaker": None,
        "mention": None, "cue": None, "rule": "unattributed", "confidence": 0.0,
    }
    fields.update(overrides)
    return fields


def test_fixture_document_exercises_every_record(doc: DocumentResult) -> None:
    """The round-trip document has speakers, mentions, cues, a nested quote and a scare quote."""
    assert doc.speakers and any(s.mentions for s in doc.speakers)
    assert any(q.cue is not None and q.mention is not None for q in doc.quotes)
    assert {"direct", "nested", "mixed", "scare"} <= {q.kind for q in doc.quotes}
    assert any(q.parent is not None for q in doc.quotes)


# -- TextSpan validation -----------------------------------------------------------------------


def test_text_span_accepts_consistent_span() -> None:
    """Control: a span whose text length is end - start validates."""
    span = TextSpan(start=2, end=5, text="abc")
    assert (span.start, span.end, span.text) == (2, 5, "abc")
    assert TextSpan(start=4, end=4, text="").text == ""


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        pytest.param(5, 3, "", id="end-before-start"),
        pytest.param(5, 3, "ab", id="end-before-start-with-text"),
        pytest.param(0, 3, "ab", id="text-too-short"),
        pytest.param(0, 1, "ab", id="text-too-long"),
        pytest.param(-1, 1, "ab", id="negative-start"),
    ],
)
def test_text_span_rejects_inconsistent_span(start: int, end: int, text: str) -> None:
    """``end >= start >= 0`` and ``len(text) == end - start``."""
    with pytest.raises(ValidationError):
        TextSpan(start=start, end=end, text=text)


def test_quote_inherits_span_check() -> None:
    """A Quote is a TextSpan: its own text must fit its offsets too."""
    with pytest.raises(ValidationError):
        Quote(**_quote_fields(end=10))


@pytest.mark.parametrize(
    "override",
    [
        pytest.param({"confidence": 1.5}, id="confidence-above-1"),
        pytest.param({"confidence": -0.1}, id="confidence-below-0"),
        pytest.param({"kind": "partial"}, id="unknown-kind"),
        pytest.param({"cue": {"start": 0, "end": 2, "text": "x"}}, id="bad-nested-span"),
    ],
)
def test_quote_rejects_bad_values(override: dict[str, Any]) -> None:
    """Confidence lies in 0..1, kind is one of four, nested spans are checked."""
    Quote(**_quote_fields())  # control
    with pytest.raises(ValidationError):
        Quote(**_quote_fields(**override))


def test_speaker_type_is_restricted() -> None:
    """Speaker.type is person, organization, group or unknown."""
    Speaker(id="S1", name="Ana Duarte", type="person")
    with pytest.raises(ValidationError):
        Speaker(id="S1", name="Ana Duarte", type="robot")


# -- strictness --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        pytest.param(TextSpan, {"start": 0, "end": 1, "text": "a"}, id="TextSpan"),
        pytest.param(SpeakerRef, {"id": "S1", "name": "Ana"}, id="SpeakerRef"),
        pytest.param(Speaker, {"id": "S1", "name": "Ana", "type": "person"}, id="Speaker"),
        pytest.param(Quote, _quote_fields(), id="Quote"),
        pytest.param(DocumentResult, {}, id="DocumentResult"),
    ],
)
def test_extra_fields_are_forbidden(model: type[Any], fields: dict[str, Any]) -> None:
    """``extra="forbid"``: a misspelt or unknown field is an error, not silently dropped."""
    model(**fields)  # control
    with pytest.raises(ValidationError, match="extra"):
        model(**fields, speeker="oops")


def test_records_are_frozen(doc: DocumentResult) -> None:
    """Records cannot be changed after they are built."""
    quote = doc.quotes[0]
    with pytest.raises(ValidationError):
        quote.kind = "scare"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        doc.doc_id = "other"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        doc.speakers[0].name = "Someone Else"  # type: ignore[misc]


def test_collections_are_tuples(doc: DocumentResult) -> None:
    """Frozen is only shallow, so records hold tuples, not lists (also after loading JSON)."""
    loaded = DocumentResult.model_validate_json(doc.model_dump_json())
    for result in (doc, loaded):
        assert type(result.quotes) is tuple
        assert type(result.speakers) is tuple
        assert all(type(s.mentions) is tuple and type(s.titles) is tuple for s in result.speakers)


# -- JSON --------------------------------------------------------------------------------------


def test_json_round_trip_preserves_every_field(doc: DocumentResult) -> None:
    """model_dump_json -> model_validate_json gives back the same data."""
    loaded = DocumentResult.model_validate_json(doc.model_dump_json())
    assert loaded.model_dump() == doc.model_dump()
    assert loaded.model_dump_json() == doc.model_dump_json()


def test_json_round_trip_equals_original(doc: DocumentResult) -> None:
    """A result loaded from its own JSON compares equal to the original."""
    assert DocumentResult.model_validate_json(doc.model_dump_json()) == doc


def test_to_json_is_the_model_json(doc: DocumentResult) -> None:
    """``to_json`` is the documented contract: the same text as model_dump_json."""
    assert doc.to_json() == doc.model_dump_json()
    data = json.loads(doc.to_json())
    assert data["doc_id"] == "harbour-1"
    assert "_text" not in data and "text" not in data


def test_json_offsets_slice_the_original_text(doc: DocumentResult) -> None:
    """Every ``text`` in the JSON equals ``original[start:end]``."""
    data = json.loads(doc.to_json())
    spans = []
    for q in data["quotes"]:
        spans.append(q)
        spans.extend(s for s in (q["mention"], q["cue"]) if s is not None)
    for s in data["speakers"]:
        spans.extend(s["mentions"])
    assert spans
    for span in spans:
        assert TEXT[span["start"] : span["end"]] == span["text"]


def test_text_property_is_the_original(doc: DocumentResult) -> None:
    """``DocumentResult.text`` is the very string passed to attribute()."""
    assert doc.text == TEXT


def test_speaker_lookup(doc: DocumentResult) -> None:
    """``speaker(id)`` finds a speaker by id and returns None for an unknown id."""
    first = doc.speakers[0]
    assert doc.speaker(first.id) == first
    assert doc.speaker("S999") is None


def test_speaker_lookup_takes_a_quotes_speaker_ref(doc: DocumentResult) -> None:
    """``doc.speaker(quote.speaker)`` gives the full record; None for an unattributed quote;
    anything else is a clear error."""
    attributed = [q for q in doc.quotes if q.speaker is not None]
    assert attributed
    for q in attributed:
        assert q.speaker is not None
        found = doc.speaker(q.speaker)
        assert found is not None and (found.id, found.name) == (q.speaker.id, q.speaker.name)
    assert doc.speaker(None) is None
    assert doc.speaker(SpeakerRef(id="S999", name="Nobody")) is None
    with pytest.raises(quoteattr.InputTypeError, match="SpeakerRef or a speaker id"):
        doc.speaker(1)  # type: ignore[arg-type]


def test_repr_is_short_and_names_the_document(doc: DocumentResult) -> None:
    """One short line (pydantic's runs to kilobytes): id, counts and the first words."""
    long_doc = quoteattr.attribute(TEXT * 40, doc_id="harbour-40")
    for result in (doc, long_doc):
        shown = repr(result)
        assert "\n" not in shown and len(shown) < 160, shown
        assert shown.startswith(f"<DocumentResult {result.doc_id!r}: {len(result.quotes)} quotes")
        assert f"{len(result.speakers)} speakers" in shown
        assert str(result) == shown
    assert '"We will rebuild," Mayor Ana Duarte' in repr(doc)
    assert repr(DocumentResult()) == "<DocumentResult: 0 quotes, 0 speakers>"
    failed = DocumentResult(doc_id="x", error="ValueError: bad")
    assert repr(failed) == "<DocumentResult 'x': error 'ValueError: bad'>"


def test_a_result_read_from_json_says_it_has_no_text(doc: DocumentResult) -> None:
    """The JSON holds offsets, not the article: ``text`` raises a clear error instead of
    giving an empty string, and ``with_text`` puts the original back, checked."""
    loaded = DocumentResult.model_validate_json(doc.to_json())
    assert loaded == doc
    with pytest.raises(quoteattr.TextUnavailableError, match="with_text"):
        _ = loaded.text
    restored = loaded.with_text(TEXT)
    assert restored.text == TEXT and restored == doc
    with pytest.raises(quoteattr.TextUnavailableError):
        _ = loaded.text  # with_text gives a copy; the loaded result is unchanged
    with pytest.raises(quoteattr.InputValueError, match=r"quotes\[0\]"):
        loaded.with_text("x" * len(TEXT))
    with pytest.raises(quoteattr.InputTypeError, match="decode it first"):
        loaded.with_text(TEXT.encode())  # type: ignore[arg-type]


def test_an_empty_text_is_carried_not_missing() -> None:
    """``attribute("")`` carries its (empty) text: empty is not the same as absent."""
    assert quoteattr.attribute("").text == ""


def test_schema_documents_fields() -> None:
    """Field docstrings become schema descriptions (``use_attribute_docstrings``)."""
    schema = DocumentResult.model_json_schema()
    quote = schema["$defs"]["Quote"]["properties"]
    assert "description" in quote["kind"]
    assert "description" in quote["confidence"]
    assert quote["confidence"]["maximum"] == 1.0
