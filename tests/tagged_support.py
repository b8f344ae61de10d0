"""The names both paths read, for the tests of names.

The parse path's tests give the spans a small tagger (spaCy's ``en_core_web_sm``) hands
over for a sentence as the words it covers, in text order; these helpers turn them into
offsets and read back the names :func:`quoteattr.annotators.names.combine_entities` keeps.
:func:`finder_names` reads the built-in finder's names on the embedded path.
"""

from __future__ import annotations

from quoteattr.annotators.embedded import EmbeddedAnnotator
from quoteattr.annotators.names import combine_entities
from quoteattr.annotators.paragraphs import paragraphs_of
from quoteattr.lexicon import default_lexicon


def tagged_spans(text: str, tagged: list[tuple[str, str]]) -> list[tuple[str, int, int]]:
    """``(type, start, end)`` of each ``(words, type)``, each found after the one before."""
    spans, at = [], 0
    for piece, kind in tagged:
        start = text.index(piece, at)
        spans.append((kind, start, start + len(piece)))
        at = start + len(piece)
    return spans


def combined_names(text: str, tagged: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The names and labels the parse path keeps from ``tagged`` and the finder's names."""
    entities = combine_entities(text, paragraphs_of(text), tagged_spans(text, tagged),
                                default_lexicon())
    return [(e.span.slice(text), e.label) for e in entities]


def finder_names(text: str) -> list[str]:
    """The names the built-in finder reads in ``text`` (the embedded path's entities)."""
    return [e.span.slice(text) for e in EmbeddedAnnotator().annotate(text).entities]
