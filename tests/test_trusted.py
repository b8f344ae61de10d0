"""The pipeline's records are made without pydantic's checks (quoteattr/trusted.py): they must
be indistinguishable from records pydantic validated, and the checks no type gives (a span
inside the text, a confidence inside [0, 1]) must still fail loudly."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from pydantic import ValidationError

from quoteattr import Attributor, DocumentResult
from quoteattr.annotators.embedded import EmbeddedAnnotator
from quoteattr.confidence import genre_read, resolutions
from quoteattr.errors import InputTypeError
from quoteattr.records import Quote, Speaker, TextSpan
from quoteattr.result import Rows, finish_result
from quoteattr.spans import Span

ARTICLES = sorted((Path(__file__).parent.parent / "fixtures" / "articles").glob("*.txt"))

TEXTS = (
    # local news: a named speaker, a pronoun, a partial quote
    "Residents packed the hall on Tuesday. \u201cWe were never asked,\u201d said Maria Olsen, "
    "who has lived on Fenwick Road for 30 years. Councillor Dev Patel said the plan would "
    "\u201cbring jobs back\u201d. \u201cI hear them,\u201d he added.",
    # wire copy: a quote split around its cue (one cue for two quotes), a nested quote
    '"We will appeal," the company\'s lawyer, Ruth Abebe, said on Monday, "and we '
    "expect to win.\" She added: \"The judge told us 'this is far from over'.\"",
    # a broadcast transcript with a lone surrogate in it
    "ANCHOR: Shares fell \udc80 4%. \u201cA hard quarter,\u201d the chief executive, Tom "
    "Reyes, said.",
)


def _validated(result: DocumentResult) -> DocumentResult:
    """The same result as pydantic builds it, field by field, from its plain values."""
    return DocumentResult.model_validate(result.model_dump(exclude_unset=True))._attach_text(
        result.text, resolutions(result), genre_read(result))


def _records(result: DocumentResult) -> list[object]:
    out: list[object] = [result]
    for q in result.quotes:
        out.extend(part for part in (q, q.mention, q.cue, q.speaker) if part is not None)
    for s in result.speakers:
        out.append(s)
        out.extend(s.mentions)
    return out


@pytest.mark.parametrize("text", TEXTS + tuple(p.read_text(encoding="utf-8")
                                               for p in ARTICLES[:4]))
def test_trusted_records_equal_validated_ones_in_every_respect(
    attributor: Attributor, text: str
) -> None:
    made = attributor.attribute(text, doc_id="wire-1")
    checked = _validated(made)
    assert made == checked
    assert made.model_dump_json() == checked.model_dump_json()
    assert repr(made) == repr(checked)
    for a, b in zip(_records(made), _records(checked), strict=True):
        assert type(a) is type(b)
        assert a.__dict__ == b.__dict__  # type: ignore[attr-defined]
        assert list(a.__dict__) == list(b.__dict__)  # type: ignore[attr-defined]
        assert {k: type(v) for k, v in a.__dict__.items()} == {  # type: ignore[attr-defined]
            k: type(v) for k, v in b.__dict__.items()}  # type: ignore[attr-defined]
        assert a.model_fields_set == b.model_fields_set  # type: ignore[attr-defined]
        assert a.__pydantic_extra__ is None  # type: ignore[attr-defined]
    assert made.text is text
    assert all(text[s.start : s.end] == s.text for _, s in made.spans())
    assert made.model_fields_set == {"doc_id", "quotes", "speakers"}


def test_the_texts_exercise_mentions_cues_nested_quotes_and_shared_cues(
    attributor: Attributor,
) -> None:
    results = [attributor.attribute(t) for t in TEXTS]
    quotes = [q for r in results for q in r.quotes]
    assert any(q.parent is not None for q in quotes)
    assert any(q.mention is not None and q.cue is not None for q in quotes)
    cues = [(q.cue.start, q.cue.end) for q in results[1].quotes if q.cue is not None]
    assert len(cues) > len(set(cues))  # one "said" attributes both halves


def test_a_quotes_mention_is_its_speakers_own_record(attributor: Attributor) -> None:
    result = attributor.attribute(TEXTS[0])
    for q in result.quotes:
        speaker = result.speaker(q.speaker)
        if q.mention is not None and speaker is not None:
            assert any(m is q.mention for m in speaker.mentions)


def test_trusted_records_stay_frozen_and_round_trip(attributor: Attributor) -> None:
    result = attributor.attribute(TEXTS[1], doc_id="a")
    with pytest.raises(ValidationError):
        result.quotes[0].start = 5  # type: ignore[misc]
    assert hash(result) == hash(_validated(result))
    assert pickle.loads(pickle.dumps(result)) == result
    assert DocumentResult.model_validate_json(result.to_json()) == result
    assert result.model_copy(update={"doc_id": "b"}).doc_id == "b"
    assert resolutions(result) and genre_read(result) == "news"


def _rows(text: str, quote_end: int, mention: Span | None = None,
          confidence: float = 0.5) -> Rows:
    return Rows(quotes=[(0, quote_end, "direct", None, mention, None, "colon", confidence,
                         None)],
                speakers=[], resolutions=(None,))


def test_a_span_outside_the_text_or_a_confidence_outside_0_1_raises() -> None:
    text = '"Yes."'
    assert finish_result(text, None, _rows(text, 6)).quotes[0].text == text
    with pytest.raises(ValueError, match=r"span \[0, 9\)"):
        finish_result(text, None, _rows(text, 9))
    with pytest.raises(ValueError, match=r"span \[7, 12\)"):
        finish_result(text, None, _rows(text, 6, mention=Span(7, 12)))
    with pytest.raises(ValueError, match="confidence 1.5"):
        finish_result(text, None, _rows(text, 6, confidence=1.5))
    speakers = [{"id": "S1", "name": "Ann", "type": "person", "titles": (),
                 "mentions": [(0, 3), (4, 20)]}]
    with pytest.raises(ValueError, match=r"span \[4, 20\)"):
        finish_result(text, None, Rows([], speakers, ()))  # type: ignore[arg-type]


def test_a_doc_id_of_a_str_subclass_comes_back_a_plain_str(attributor: Attributor) -> None:
    class Tag(str):
        __slots__ = ()

    result = attributor.attribute(TEXTS[0], doc_id=Tag("page-7"))
    assert type(result.doc_id) is str and result.doc_id == "page-7"


def test_attribute_annotation_checks_its_doc_id(attributor: Attributor) -> None:
    annotation = EmbeddedAnnotator(attributor.lexicon).annotate(TEXTS[0])
    with pytest.raises(InputTypeError, match="doc_id must be str or None"):
        attributor.attribute_annotation(annotation, doc_id=7)  # type: ignore[arg-type]
    assert attributor.attribute_annotation(annotation, doc_id="x").doc_id == "x"


def test_a_speaker_record_holds_tuples_like_a_validated_one(attributor: Attributor) -> None:
    speaker = attributor.attribute(TEXTS[0]).speakers[0]
    assert isinstance(speaker, Speaker)
    assert type(speaker.titles) is tuple and type(speaker.mentions) is tuple
    assert all(type(m) is TextSpan for m in speaker.mentions)
    assert Quote.model_fields.keys() == set(attributor.attribute(TEXTS[0]).quotes[0].__dict__)
