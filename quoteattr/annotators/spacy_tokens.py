"""A spaCy Doc's tokens as a :class:`~quoteattr.annotation.TokenTable`, and its sentences.

The offsets and the sentence starts come from the adapter's ``to_array`` table (see
:mod:`.spacy`). The parse's own columns (heads, relations, UPOS, lemmas) are read by a
second ``to_array`` call when a rule makes the first token (:func:`tokens_of`): each
column costs ``to_array`` a call per token, the rules read the tokens of most parsed
texts but only around their quotes, and a caller that converts a Doc only for its
sentences and names reads none of them.
"""

from __future__ import annotations

import importlib
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, overload

from ..annotation import Column, TokenTable
from ..spans import Span
from .own_names import new_spans
from .spacy_labels import ud_relation

_PARSE_NAMES = ("HEAD", "DEP", "POS", "LEMMA")
(_HEAD, _DEP, _POS, _LEMMA) = range(len(_PARSE_NAMES))
_PARSE_IDS: list[int] = []
"""The spaCy attribute ids of :data:`_PARSE_NAMES`, read when the first Doc's parse is."""


def tokens_of(
    doc: Any, sent_start: Any, starts_of: Any, ends_of: Any, space: Any, *, has_pos: bool,
    has_deps: bool,
) -> tuple[TokenTable, list[Span]]:
    """The Doc's non-space tokens, and the
    sentences (first to last non-space token) where the Doc marks sentence starts.

    ``sent_start`` is the ``SENT_START`` column of the adapter's ``to_array`` table;
    ``starts_of``, ``ends_of`` and ``space`` each token's offsets and whether it is white
    space (:func:`.spacy_words.read_words`). No Python object is made per token."""
    numpy = importlib.import_module("numpy")
    n = len(space) - int(numpy.count_nonzero(space))
    kept = None
    if n != len(space):
        kept = numpy.flatnonzero(~space)
        sent_start, starts_of, ends_of = (sent_start.take(kept), starts_of.take(kept),
                                          ends_of.take(kept))
    starts, ends = _ints(starts_of), _ints(ends_of)
    tokens = TokenTable(starts, ends, *_parse_columns(
        doc, kept, space, n, has_pos=has_pos, has_deps=has_deps))
    if not n:  # nothing but white space
        return tokens, []
    firsts = numpy.flatnonzero(sent_start == 1)
    if not len(firsts) or firsts[0] != 0:
        firsts = numpy.concatenate(([0], firsts))
    lasts = numpy.empty_like(firsts)  # each sentence's last token: the next one's first - 1
    lasts[:-1] = firsts[1:] - 1
    lasts[-1] = n - 1
    return tokens, new_spans(starts_of.take(firsts).tolist(), ends_of.take(lasts).tolist())


def _parse_columns(doc: Any, kept: Any, space: Any, n: int, *, has_pos: bool,
                   has_deps: bool) -> tuple[Sequence[str | None], Sequence[str | None],
                                         Sequence[int | None], Sequence[str | None]]:
    """The parse's columns of the Doc's non-space tokens (``kept``, None when every token
    is): their parts of speech, lemmas, heads and relations, from one ``to_array`` call,
    the heads' arithmetic on the arrays, a label looked up in the string store only when a
    rule reads it."""
    numpy = importlib.import_module("numpy")
    if not _PARSE_IDS:
        attrs = importlib.import_module("spacy.attrs")
        _PARSE_IDS.extend(getattr(attrs, name) for name in _PARSE_NAMES)
    table = doc.to_array(_PARSE_IDS)
    columns = (table if kept is None else table.take(kept, axis=0)).T
    if has_deps:
        # A head is stored as an offset from its token (a negative one wrapped around
        # in the unsigned table: viewed as signed, it is the offset again).
        if kept is None:  # no space token: indices stay
            old_index = numpy.arange(n)
            head_at = columns[_HEAD].view(numpy.int64) + old_index
            heads: Sequence[int | None] = _ints(numpy.where(head_at == old_index, -1,
                                                            head_at))
        else:
            head_at = columns[_HEAD].view(numpy.int64) + kept
            new_index = numpy.cumsum(~space)  # old token index -> among the kept, + 1
            new_index -= 1
            to = new_index.take(head_at)
            is_root = (head_at == kept) | space.take(head_at)
            heads = _ints(numpy.where(is_root, -1, to))
    else:
        heads = [None] * n
    nothing: Column = Column([0] * n, {0: None})
    strings = _Names(doc.vocab.strings.__getitem__)
    lemmas = _ArrayColumn(columns[_LEMMA], strings)
    upos = _ArrayColumn(columns[_POS], strings) if has_pos else nothing
    relations = (_ArrayColumn(columns[_DEP],
                              _Names(lambda key: ud_relation(doc.vocab.strings[key])))
                 if has_deps else nothing)
    return upos, lemmas, heads, relations


def _ints(column: Any) -> array[int]:
    """A column of the table as an ``array`` of 64-bit ints, copied in one go: ``tolist``
    makes a Python int of every token's value, and the rules read (bisect) a few."""
    return array("q", column.astype("int64", copy=False).tobytes())


class _ArrayColumn(Column):
    """A :class:`~quoteattr.annotation.Column` whose keys stay a column of the
    ``to_array`` table: the rules read the labels of a few tokens around each quote, so
    the keys are made Python ints one at a time, when read, not all at once."""

    __slots__ = ()

    @overload
    def __getitem__(self, index: int) -> str | None: ...

    @overload
    def __getitem__(self, index: slice) -> list[str | None]: ...

    def __getitem__(self, index: int | slice) -> str | None | list[str | None]:
        if isinstance(index, slice):
            return [self.table[k] for k in self.keys[index].tolist()]  # type: ignore[attr-defined]
        return self.table[int(self.keys[index])]


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


__all__ = ["tokens_of"]
