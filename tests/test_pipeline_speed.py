"""The pipeline's shortcuts give what the plain stages give.

``Attributor.attribute`` finds a text's paragraphs once and, when no paragraph holds a
line break (nearly every news text), annotates with those paragraphs and skips the second
flattening; ``attribute_annotation`` runs the plain way (annotate, then flatten).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quoteattr
from quoteattr.annotators.embedded import EmbeddedAnnotator
from quoteattr.annotators.paragraphs import paragraphs_of
from quoteattr.wrap import flatten

_ARTICLES = sorted((Path(__file__).parent.parent / "fixtures" / "articles").glob("*.txt"))
_ATTRIBUTOR = quoteattr.Attributor()
_ANNOTATOR = EmbeddedAnnotator()


def _plain(text: str) -> quoteattr.DocumentResult:
    return _ATTRIBUTOR.attribute_annotation(_ANNOTATOR.annotate(text))


@pytest.mark.parametrize("path", _ARTICLES, ids=lambda p: p.stem)
def test_articles_as_the_plain_stages_read_them(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if flatten(text, paragraphs_of(text)) is not text:
        pytest.skip("a paragraph holds a line break: the plain path reads another text")
    assert _ATTRIBUTOR.attribute(text).model_dump() == _plain(text).model_dump()


_PIECES = st.sampled_from([
    '"We will rebuild," Mayor Ana Duarte said. ', "He said: 'Not yet.' ", "\n", "\n\n",
    "the council, which met on Monday, ", "Duarte told reporters ", "“Never,” she said.\n",
    "OTTAWA — ", "By Li Wei\n",
])


@settings(max_examples=60, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=12))
def test_generated_texts_as_the_plain_stages_read_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    if flatten(text, paragraphs_of(text)) is not text:
        return  # the plain path would annotate another (flattened) text
    assert _ATTRIBUTOR.attribute(text).model_dump() == _plain(text).model_dump()
