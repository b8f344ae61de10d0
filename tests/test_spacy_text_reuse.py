"""``attribute(doc)`` reads a spaCy Doc's text, then converts the Doc with it: the
conversion reuses the words that reading found, and only for that Doc and text."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from quoteattr import Attributor  # noqa: E402
from quoteattr.annotators import spacy as adapter  # noqa: E402
from quoteattr.annotators.spacy import annotation_from_spacy, doc_text  # noqa: E402


def _doc(nlp: object, words: list[str], spaces: list[bool]) -> object:
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=words, spaces=spaces)  # type: ignore[attr-defined]
    doc.ents = [doc.char_span(0, len(words[0]) + 1 + len(words[1]), label="PERSON")]
    return doc


@pytest.fixture
def nlp() -> object:
    return spacy.blank("en")


def test_the_words_read_with_the_text_give_the_same_annotation(nlp: object) -> None:
    doc = _doc(nlp, ["Grace", "Okafor", "said", ":", "\u201c", "Rates", "stay", ".", "\u201d"],
               [True, True, False, True, False, True, False, False, False])
    fresh = annotation_from_spacy(doc)
    text = doc_text(doc)
    assert adapter._Last.read is not None and adapter._Last.read[0] is doc  # noqa: SLF001
    reused = annotation_from_spacy(doc, text=text)
    assert adapter._Last.read is None  # noqa: SLF001 - the slot lets the Doc go once used
    assert reused == fresh


def test_another_docs_words_are_never_taken(nlp: object) -> None:
    first = _doc(nlp, ["Ana", "Duarte", "spoke", "."], [True, True, False, False])
    second = _doc(nlp, ["Grace", "Okafor", "replied", "at", "length", "."],
                  [True, True, True, True, False, False])
    doc_text(first)
    text = doc_text(second)
    doc_text(first)  # the slot now holds the first Doc
    annotation = annotation_from_spacy(second, text=text)
    assert [t.span.slice(text) for t in annotation.entities] == ["Grace Okafor"]
    assert annotation.tokens[-1].span.slice(text) == "."
    assert adapter._Last.read is not None  # noqa: SLF001 - not the first Doc's to use


def test_attribute_of_a_doc_leaves_no_doc_held(nlp: object) -> None:
    doc = _doc(nlp, ["Grace", "Okafor", "said", ":", "\u201c", "Rates", "stay", ".", "\u201d"],
               [True, True, False, True, False, True, False, False, False])
    result = Attributor().attribute(doc)
    assert [q.text for q in result.quotes] == ["\u201cRates stay.\u201d"]
    assert adapter._Last.read is None  # noqa: SLF001
