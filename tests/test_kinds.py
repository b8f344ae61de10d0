"""``quoteattr.kinds``: direct, mixed (partial), nested and scare quotes, through ``attribute``.

Each case names one quote in a text (by its text, marks included) and the kind
it must get.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.records import Quote


def _quote(text: str, quote: str) -> Quote:
    found = [q for q in quoteattr.attribute(text).quotes if q.text == quote]
    assert len(found) == 1, [q.text for q in quoteattr.attribute(text).quotes]
    return found[0]


KIND_CASES = [
    # -- direct: the quote stands as a clause of its own -------------------------------------
    pytest.param(
        'Ana Duarte said: "We will rebuild the harbour before winter."',
        '"We will rebuild the harbour before winter."',
        "direct",
        id="direct-after-said-colon",
    ),
    pytest.param(
        'Ana Duarte said, "We will rebuild."', '"We will rebuild."', "direct",
        id="direct-after-said-comma",
    ),
    pytest.param(
        '"We will rebuild," Ana Duarte said.', '"We will rebuild,"', "direct",
        id="direct-opening-sentence",
    ),
    pytest.param(
        '"Enough," Ana Duarte said.', '"Enough,"', "direct", id="direct-one-word-with-cue-after",
    ),
    pytest.param(
        'Ana Duarte arrived at noon.\n\n"We will rebuild."', '"We will rebuild."', "direct",
        id="direct-whole-paragraph",
    ),
    pytest.param(
        'Ana Duarte said: "Harbour first."', '"Harbour first."', "direct",
        id="direct-short-after-colon",
    ),
    pytest.param(
        '"We are ready," Ana Duarte said, "and we will stay."', '"and we will stay."', "direct",
        id="direct-second-half-of-split-quote",
    ),
    # -- mixed: quoted words inside reported speech ------------------------------------------
    pytest.param(
        'Ana Duarte said the plan was "a step too far" for the small town.',
        '"a step too far"',
        "mixed",
        id="mixed-in-said-clause",
    ),
    pytest.param(
        'Ana Duarte described the storm as "the worst in fifty years."',
        '"the worst in fifty years."',
        "mixed",
        id="mixed-ends-sentence",
    ),
    pytest.param(
        'Ana Duarte warned that "nobody is safe until the wall is finished."',
        '"nobody is safe until the wall is finished."',
        "mixed",
        id="mixed-after-that",
    ),
    pytest.param(
        'Hollis Brandt, the harbour master, said the boats were "a total loss" after the storm.',
        '"a total loss"',
        "mixed",
        id="mixed-after-appositive-speaker",
    ),
    pytest.param(
        'Ana Duarte said the city is "ready for anything" and "not afraid."',
        '"not afraid."',
        "mixed",
        id="mixed-second-fragment-same-clause",
    ),
    pytest.param(
        'According to Ana Duarte, the repairs are "well under way."',
        '"well under way."',
        "mixed",
        id="mixed-according-to",
    ),
    # -- scare: quotation marks that are not speech ------------------------------------------
    pytest.param(
        'The "Green Wave" movement held a rally on Sunday.', '"Green Wave"', "scare",
        id="scare-title-case-name",
    ),
    pytest.param(
        "The “Green Wave” movement held a rally on Sunday.", "“Green Wave”", "scare",
        id="scare-curly-name",
    ),
    pytest.param(
        "The 'Green Wave' movement held a rally on Sunday.", "'Green Wave'", "scare",
        id="scare-single-name",
    ),
    pytest.param(
        'Critics of the so-called "reform" gathered outside.', '"reform"', "scare",
        id="scare-so-called",
    ),
    pytest.param(
        'The word "resilience" appeared 40 times in the report.', '"resilience"', "scare",
        id="scare-word-as-word",
    ),
    pytest.param(
        "Ana Duarte's \"Harbour First\" plan was approved on Monday.", '"Harbour First"', "scare",
        id="scare-plan-name-after-speaker",
    ),
]


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
