"""Table rows of results: ``DocumentResult.to_records`` / ``to_dataframe`` and
``quoteattr.rows.records_of`` / ``dataframe_of``."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

import quoteattr
from quoteattr.errors import BackendUnavailableError
from quoteattr.records import DocumentResult
from quoteattr.rows import _RECORD_COLUMNS, dataframe_of, records_of

TEXT = (
    '"We will rebuild," Mayor Ana Duarte said on Monday. "He told me \'never again\' and '
    'left," she added.\n\nHollis Brandt said the plan was "a step too far." '
    'The "Green Wave" movement held a rally.'
)
HAS_PANDAS = importlib.util.find_spec("pandas") is not None


@pytest.fixture(scope="module")
def doc() -> DocumentResult:
    return quoteattr.attribute(TEXT, doc_id="harbour-1")


def test_one_row_per_quote_with_its_fields(doc: DocumentResult) -> None:
    rows = doc.to_records()
    assert len(rows) == len(doc.quotes) > 3
    for n, (row, q) in enumerate(zip(rows, doc.quotes, strict=True)):
        assert (row["doc_id"], row["quote"], row["start"], row["end"], row["text"]) == (
            "harbour-1", n, q.start, q.end, q.text
        )
        assert (row["kind"], row["rule"], row["confidence"], row["parent"]) == (
            q.kind, q.rule, q.confidence, q.parent
        )
        assert TEXT[row["start"] : row["end"]] == row["text"]
        if q.speaker is None:
            assert row["speaker_id"] is row["speaker_name"] is row["speaker_type"] is None
        else:
            speaker = doc.speaker(q.speaker.id)
            assert speaker is not None
            assert (row["speaker_id"], row["speaker_name"], row["speaker_type"]) == (
                speaker.id, speaker.name, speaker.type
            )
        for part in ("mention", "cue"):
            span = getattr(q, part)
            got = (row[f"{part}_start"], row[f"{part}_end"], row[f"{part}_text"])
            assert got == ((span.start, span.end, span.text) if span else (None, None, None))


def test_rows_have_the_same_keys_in_order_and_are_plain(doc: DocumentResult) -> None:
    rows = doc.to_records()
    assert all(tuple(row) == _RECORD_COLUMNS for row in rows)
    assert json.loads(json.dumps(rows)) == rows


def test_unattributed_and_nested_rows(doc: DocumentResult) -> None:
    rows = doc.to_records()
    assert any(r["speaker_id"] is None and r["kind"] == "scare" for r in rows)
    nested = [r for r in rows if r["parent"] is not None]
    assert nested and all(rows[r["parent"]]["start"] <= r["start"] for r in nested)


def test_empty_and_error_results_have_no_rows() -> None:
    assert DocumentResult(doc_id="x").to_records() == []
    assert DocumentResult(doc_id="x", error="ValueError: boom").to_records() == []


def test_records_of_many_results_keeps_order(doc: DocumentResult) -> None:
    other = quoteattr.attribute('"Hi," said Bo Lindqvist.', doc_id="hi")
    rows = records_of([doc, DocumentResult(doc_id="none"), other])
    assert [r["doc_id"] for r in rows] == ["harbour-1"] * len(doc.quotes) + ["hi"]
    assert rows == doc.to_records() + other.to_records()


@pytest.mark.skipif(not HAS_PANDAS, reason="pandas not installed")
def test_dataframe_matches_records(doc: DocumentResult) -> None:
    frame = doc.to_dataframe()
    assert list(frame.columns) == list(_RECORD_COLUMNS)
    assert len(frame) == len(doc.quotes)
    assert frame["text"].tolist() == [q.text for q in doc.quotes]
    for column in ("mention_start", "mention_end", "cue_start", "cue_end", "parent"):
        assert str(frame[column].dtype) == "Int64"  # stays integer around missing values
    assert frame[frame["confidence"] >= 0.9]["quote"].tolist() == [
        n for n, q in enumerate(doc.quotes) if q.confidence >= 0.9
    ]


@pytest.mark.skipif(not HAS_PANDAS, reason="pandas not installed")
def test_dataframe_of_nothing_has_the_columns() -> None:
    frame = dataframe_of([])
    assert list(frame.columns) == list(_RECORD_COLUMNS) and len(frame) == 0


def test_missing_pandas_is_a_clear_error(
    doc: DocumentResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without pandas (None in sys.modules blocks its import) the error says what to do."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(BackendUnavailableError) as info:
        doc.to_dataframe()
    message = str(info.value)
    assert 'pip install "quoteattr[pandas]"' in message and "to_records()" in message
    assert info.value.code == "QA004"


def test_core_import_does_not_load_pandas() -> None:
    """``to_records`` needs nothing; pandas is imported only by ``to_dataframe``."""
    code = (
        "import sys, quoteattr; "
        "quoteattr.attribute('\"Hi,\" said Bo.').to_records(); "
        "print('pandas' in sys.modules)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False, timeout=120)
    assert proc.stdout.strip() == "False", proc.stderr
