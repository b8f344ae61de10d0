"""``quoteattr.kinds``: direct, mixed (partial), nested and scare quotes, through ``attribute``.

Each case (fixtures/cases/kinds.jsonl) names one quote in a text (by its text, marks
included) and the kind it must get.
"""

from __future__ import annotations

from typing import Any

import pytest
from case_support import read_cases

import quoteattr
from quoteattr.records import Quote


def _quote(text: str, quote: str) -> Quote:
    found = [q for q in quoteattr.attribute(text).quotes if q.text == quote]
    assert len(found) == 1, [q.text for q in quoteattr.attribute(text).quotes]
    return found[0]


def _kind_cases() -> list[Any]:
    return [pytest.param(c["text"], c["quote"], c["kind"], id=c["label"])
            for c in read_cases("kinds")]


KIND_CASES = _kind_cases()
"""Direct, mixed and scare quotes, one per line of fixtures/cases/kinds.jsonl."""


@pytest.mark.parametrize(("text", "quote", "kind"), KIND_CASES)
def test_kind(text: str, quote: str, kind: str) -> None:
    """The quote's kind."""
    assert _quote(text, quote).kind == kind


def test_scare_quotes_are_not_attributed() -> None:
    """Scare quotes are not speech: no speaker, rule ``not_speech``, confidence 0."""
    q = _quote('The "Green Wave" movement held a rally on Sunday.', '"Green Wave"')
    assert (q.speaker, q.rule, q.confidence) == (None, "not_speech", 0.0)


def test_mixed_quote_is_attributed_to_the_reporting_clause_speaker() -> None:
    """A partial quote belongs to the subject of the speech verb that reports it."""
    q = _quote('Ana Duarte said the plan was "a step too far" for the small town.',
               '"a step too far"')
    assert q.speaker is not None and q.speaker.name == "Ana Duarte"


def test_inner_quote_is_nested_with_parent() -> None:
    """A quote inside a quote is ``nested`` and ``parent`` is the index of the outer quote."""
    doc = quoteattr.attribute("\"He told me 'never again' and left,\" said Ana Duarte.")
    assert [q.text for q in doc.quotes] == [
        "\"He told me 'never again' and left,\"",
        "'never again'",
    ]
    outer, inner = doc.quotes
    assert (outer.kind, outer.parent) == ("direct", None)
    assert (inner.kind, inner.parent) == ("nested", 0)


def test_nested_parent_counts_earlier_quotes() -> None:
    """``parent`` indexes ``quotes``, so a nested quote in the second quote points at index 1."""
    doc = quoteattr.attribute(
        '"We are ready," said Ana Duarte. "He told me \'never again\' and left," she added.'
    )
    assert [(q.kind, q.parent) for q in doc.quotes] == [
        ("direct", None),
        ("direct", None),
        ("nested", 1),
    ]


def test_two_levels_of_nesting_point_at_the_nearest_parent() -> None:
    """A quote two levels deep has the depth-1 quote as parent, not the outermost."""
    doc = quoteattr.attribute('"One \'two "three" two\' one," said Ana Duarte.')
    assert [(q.kind, q.parent) for q in doc.quotes] == [
        ("direct", None),
        ("nested", 0),
        ("nested", 1),
    ]
