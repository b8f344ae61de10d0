"""The project's own annotated articles (fixtures/gold.jsonl): spans, kinds and resolved speakers.

``visit_brussels_style`` mirrors every pattern of the mission's two reference
articles and must pass in full. Other known misses are listed, with reasons, in
fixtures/known_failures.json and run as strict xfails, so a fix shows up as XPASS.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import quoteattr

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _gold() -> list[dict[str, Any]]:
    lines = (FIXTURES / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _known_failures() -> dict[str, str]:
    data: dict[str, str] = json.loads(
        (FIXTURES / "known_failures.json").read_text(encoding="utf-8")
    )
    return data


def _normalise(name: str | None) -> str:
    return (name or "").lower().removeprefix("the ")


def _quote_params() -> list[Any]:
    known = _known_failures()
    params = []
    for doc in _gold():
        for gold in doc["all_quotes"]:
            key = f"{doc['doc_id']}:{gold['start']}"
            marks = []
            if key in known:
                marks.append(pytest.mark.xfail(strict=True, reason=known[key]))
            params.append(pytest.param(doc, gold, id=key, marks=marks))
    return params


@pytest.fixture(scope="module")
def results() -> dict[str, quoteattr.DocumentResult]:
    attributor = quoteattr.Attributor()
    return {d["doc_id"]: attributor.attribute(d["text"], doc_id=d["doc_id"]) for d in _gold()}


@pytest.mark.parametrize(("doc", "gold"), _quote_params())
def test_quote_span_kind_and_speaker(
    doc: dict[str, Any], gold: dict[str, Any], results: dict[str, quoteattr.DocumentResult]
) -> None:
    found = {(q.start, q.end): q for q in results[doc["doc_id"]].quotes}
    quote = found.get((gold["start"], gold["end"]))
    assert quote is not None, "quote span not found"
    assert quote.text == doc["text"][gold["start"] : gold["end"]]
    assert quote.kind == gold["kind"]
    name = quote.speaker.name if quote.speaker else None
    assert _normalise(name) == _normalise(gold["speaker"])


def test_not_speech_is_never_attributed(results: dict[str, quoteattr.DocumentResult]) -> None:
    for doc in _gold():
        found = {(q.start, q.end): q for q in results[doc["doc_id"]].quotes}
        for span in doc["not_speech"]:
            quote = found.get((span["start"], span["end"]))
            assert quote is not None and quote.kind == "scare" and quote.speaker is None, span


def test_reference_patterns_article_has_no_known_failures() -> None:
    """The seed-like article is the acceptance test: nothing in it may be excused."""
    assert not [k for k in _known_failures() if k.startswith("visit_brussels_style:")]


def test_known_failures_name_real_quotes() -> None:
    keys = {f"{d['doc_id']}:{q['start']}" for d in _gold() for q in d["all_quotes"]}
    assert set(_known_failures()) <= keys
