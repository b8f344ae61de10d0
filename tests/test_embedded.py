"""``quoteattr.annotators.embedded``: paragraphs, sentences and name spans by rule.

The case tables are fixtures/cases/embedded.jsonl (``group`` names the test that reads a case)."""

from __future__ import annotations

from typing import Any

import pytest
from case_support import read_cases

from quoteattr.annotation import Annotator
from quoteattr.annotators.embedded import EmbeddedAnnotator

_CASES = read_cases("embedded")
"""The annotator cases (fixtures/cases/embedded.jsonl), each in a ``group`` named for its test."""


def _cases(group: str, key: str) -> list[Any]:
    """``(text, expected)`` for each case of ``group``; ``expected`` is the case's ``key``
    (a list of paragraphs or sentences, or one ``(text, label)`` entity)."""
    cases = [c for c in _CASES if c["group"] == group]
    assert cases, group
    return [pytest.param(c["text"], tuple(c[key]) if key == "entity" else c[key], id=c["label"])
            for c in cases]


def _sentences(annotator: EmbeddedAnnotator, text: str) -> list[str]:
    return [text[s.start : s.end] for s in annotator.annotate(text).sentences]


def _entities(annotator: EmbeddedAnnotator, text: str) -> list[tuple[str, str]]:
    return [(text[e.span.start : e.span.end], e.label) for e in annotator.annotate(text).entities]


def test_is_an_annotator(annotator: EmbeddedAnnotator) -> None:
    """It satisfies the Annotator protocol and declares the layers it fills."""
    assert isinstance(annotator, Annotator)
    assert annotator.name == "embedded"
    assert set(annotator.provides) == {"paragraphs", "sentences", "entities"}
    assert annotator.annotate("Hi.").provides == annotator.provides


# -- paragraphs --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), _cases("paragraphs", "paragraphs"))
def test_paragraphs(annotator: EmbeddedAnnotator, text: str, expected: list[str]) -> None:
    """Every line break ends a paragraph; blank lines are not paragraphs."""
    got = [text[p.start : p.end] for p in annotator.annotate(text).paragraphs]
    assert [p.strip() for p in got] == expected


# -- sentences ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), _cases("sentences", "sentences"))
def test_sentences(annotator: EmbeddedAnnotator, text: str, expected: list[str]) -> None:
    """Sentence splits: not after titles or initialisms before names, nor after (R-Fla.)."""
    assert _sentences(annotator, text) == expected


def test_sentences_stay_inside_paragraphs(annotator: EmbeddedAnnotator) -> None:
    """A sentence never crosses a paragraph break, even without final punctuation."""
    text = "A headline without a stop\nMr. Hollis Brandt arrived. He left."
    assert _sentences(annotator, text) == [
        "A headline without a stop", "Mr. Hollis Brandt arrived.", "He left."
    ]


# -- entities ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), _cases("entities", "entity"))
def test_entities(annotator: EmbeddedAnnotator, text: str, expected: tuple[str, str]) -> None:
    """Entity spans drop leading titles; organisation words make an ORG."""
    assert expected in _entities(annotator, text)


def test_title_is_not_part_of_any_entity(annotator: EmbeddedAnnotator) -> None:
    """No entity overlaps the title phrase before a name."""
    text = "US Secretary of State Jane Doe met the press."
    title_end = text.index("Jane")
    assert all(e.span.start >= title_end for e in annotator.annotate(text).entities)


def test_two_people_in_one_sentence(annotator: EmbeddedAnnotator) -> None:
    """Each titled name is its own PERSON entity."""
    text = "Dr. Lena Voss and Gov. Pavel Orr met in the harbour."
    persons = [t for t, label in _entities(annotator, text) if label == "PERSON"]
    assert persons == ["Lena Voss", "Pavel Orr"]


def test_spans_index_the_original_text(annotator: EmbeddedAnnotator) -> None:
    """Offsets are into the caller's string, also after CRLF, non-ASCII and astral characters."""
    text = "Zoë 🎉 said hi.\r\n\r\nMr. Hollis Brandt, of the Interior Ministry, agreed. He left."
    ann = annotator.annotate(text)
    assert ann.text is text
    assert ("Hollis Brandt", "PERSON") in _entities(annotator, text)
    assert _sentences(annotator, text)[-1] == "He left."
    for para in ann.paragraphs:
        assert "\n" not in text[para.start : para.end]


@pytest.mark.parametrize(("text", "expected"), _cases("unlisted_title", "entity"))
def test_an_unlisted_title_of_several_words_is_cut_before_a_given_name(
    annotator: EmbeddedAnnotator, text: str, expected: tuple[str, str]
) -> None:
    """A capitalised descriptor of two or three words before a given name and a surname is
    no part of the person's name (which would read as an organisation, "Senate" first);
    an organisation word after the given name keeps the run one organisation."""
    assert _entities(annotator, text)[0] == expected


@pytest.mark.parametrize(("text", "expected"), _cases("general", "entity"))
def test_general_before_an_organisation_word_is_no_title(
    annotator: EmbeddedAnnotator, text: str, expected: tuple[str, str]
) -> None:
    """"General" is a rank before a surname but part of a hospital's or company's name
    before an organisation word; a person whose surname is one keeps an office title."""
    assert _entities(annotator, text)[0] == expected
