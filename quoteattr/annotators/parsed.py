"""Parsed documents handed to quoteattr: which they are, and their Annotation.

:class:`~quoteattr.Attributor` takes a str, a stanza ``Document`` or a spaCy ``Doc``.
The two libraries are recognised by their types' module names, so neither is
imported here (stanza imports torch); their adapters are imported when a document of
theirs arrives. The adapters' shared :func:`within_paragraphs` lives apart, in
:mod:`.paragraphs`, so that they never import this module that imports them.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..annotation import Annotation, Token, TokenTable
from ..errors import InputTypeError, describe_type, expect_str
from ..lexicon import Lexicon
from .paragraphs import within_paragraphs


def token_starts(tokens: Sequence[Token]) -> Sequence[int]:
    """Each token's start offset: a :class:`TokenTable`'s own column, or read off the tuple."""
    if isinstance(tokens, TokenTable):
        return tokens.starts
    return tuple(t.span.start for t in tokens)


def is_parsed(value: object) -> bool:
    """A stanza Document or a spaCy Doc, recognised without importing either library."""
    kind = type(value)
    return kind.__name__ in ("Document", "Doc") and kind.__module__.startswith(
        ("stanza.", "spacy."))


def parsed_text(value: object) -> str | None:
    """The text of a parsed document, or None when it has none (CoNLL-U read without it)."""
    kind = type(value)
    if kind.__name__ == "Doc" and kind.__module__.startswith("spacy."):
        from .spacy import doc_text  # spaCy's Doc.text makes a Python object per token

        return doc_text(value)
    text = getattr(value, "text", None)
    return text if isinstance(text, str) else None


def parsed_annotation(value: object, lexicon: Lexicon, text: str | None = None) -> Annotation:
    """The annotation of a parsed document (see :func:`is_parsed`); ``text`` is its
    :func:`parsed_text` when the caller has read it already (a spaCy ``Doc`` rebuilds
    its text on every read)."""
    if type(value).__module__.startswith("spacy."):
        from .spacy import annotation_from_spacy

        return annotation_from_spacy(value, lexicon=lexicon, text=text)
    from .stanza import annotation_from_document

    return annotation_from_document(value, lexicon=lexicon)


def expect_text(value: object, argument: str) -> str:
    """``value`` as a str; an object carrying a ``text`` (a spaCy ``Span``, a stanza
    ``Sentence``) is told which parsed inputs are accepted."""
    if isinstance(value, str) or not hasattr(value, "text"):
        return expect_str(value, argument=argument)
    msg = (f"{argument} must be str, got {describe_type(value)}: a parsed text must be a "
           f"whole stanza Document or spaCy Doc (for a spaCy Span, pass span.as_doc())")
    raise InputTypeError(msg)


__all__ = ["expect_text", "is_parsed", "parsed_annotation", "parsed_text", "token_starts",
           "within_paragraphs"]
