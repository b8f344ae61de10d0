"""A spaCy Doc's text, joined from two ``to_array`` columns without a Python call per word.

spaCy's own ``Doc.text`` makes a Python ``Token`` of every word to join their texts. The
adapter reads the words' string-store keys (``ORTH``) and trailing-space flags
(``SPACY``) in its one ``to_array`` call instead, and :func:`joined` turns them into the
text. A key's string costs a call into the ``StringStore``; a dict of the strings seen
before still costs a Python int and a hash lookup per word. Here, per store, the keys seen
so far are held sorted in a numpy array beside two object arrays of their strings (bare,
and with the one space spaCy writes after a word), so one ``searchsorted`` finds every
word of a Doc and two array lookups pick its pieces; only a Doc's new words (a name, most
often) are read from the store, once.

The white-space tokens (``Token.is_space``) are found on the text's code points
(:func:`space_tokens`), which costs less than ``to_array``'s ``IS_SPACE`` column (read
through each word's lexeme).
"""

from __future__ import annotations

import importlib
import sys
from typing import Any, NamedTuple

_ENCODING = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
"""The code points' bytes in the machine's order (as numpy's ``uint32``); with
``surrogatepass``, a lone surrogate in a text comes through as it is."""


class _Words(NamedTuple):
    """One store's words: ``keys`` sorted, ``bare[i]`` and ``spaced[i]`` the string of
    ``keys[i]`` without and with its trailing space, and ``new``, the words read since
    the arrays were last made (a dict: adding to the arrays copies them whole, so a Doc's
    few new words wait there until there are enough to merge at once). Replaced whole
    when merged (a thread reading the old one still reads a consistent table)."""

    store: Any
    keys: Any
    bare: Any
    spaced: Any
    new: dict[int, str]


_TABLES: dict[int, _Words] = {}
"""Per spaCy StringStore (by id; the store is held so that the id stays its own)."""
_TABLE_LIMIT = 500_000
"""Words held per store before the table starts afresh (a long stream of new names)."""
_MERGE_AT = 2_000
"""New words held in the dict before they are merged into the arrays (or a quarter of
the arrays' words, when that is more: the merge copies the arrays)."""


def joined(strings: Any, orth: Any, spacy: Any) -> str:
    """The text of the words with keys ``orth`` (a ``to_array`` column), each followed by
    one space where ``spacy`` is not 0: what ``Doc.text`` joins, exactly."""
    numpy = importlib.import_module("numpy")
    table = _TABLES.get(id(strings))
    if table is None or table.store is not strings:
        if len(_TABLES) >= 8:  # a process rarely has more than a few pipelines
            _TABLES.clear()
        table = _TABLES[id(strings)] = _empty(strings, orth.dtype, numpy)
    keys, spaced = table.keys, spacy != 0
    if len(keys):
        at = keys.searchsorted(orth)
        pieces = table.bare.take(at, mode="clip")
        pieces[spaced] = table.spaced.take(at[spaced], mode="clip")
        missing = numpy.flatnonzero(keys.take(at, mode="clip") != orth)
    else:
        pieces = numpy.empty(len(orth), dtype=object)
        missing = numpy.arange(len(orth))
    if len(missing):  # words not in the arrays: from the dict, else from the store
        new, store = table.new, table.store
        words = [new[key] if key in new else new.setdefault(key, store[key])
                 for key in orth.take(missing).tolist()]
        pieces[missing] = [word + " " if space else word
                           for word, space in zip(words, spaced.take(missing).tolist(),
                                                  strict=True)]
        if len(new) >= max(_MERGE_AT, len(keys) // 4):
            _merged(table, numpy)
    return "".join(pieces.tolist())


def _empty(store: Any, dtype: Any, numpy: Any) -> _Words:
    nothing = numpy.empty(0, dtype=object)
    return _Words(store, numpy.empty(0, dtype=dtype), nothing, nothing, {})


def _merged(table: _Words, numpy: Any) -> None:
    """Merge ``table``'s new words into its arrays (a fresh table past the limit)."""
    keys, bare, spaced = table.keys, table.bare, table.spaced
    if len(keys) + len(table.new) > _TABLE_LIMIT:
        keys, bare, spaced = keys[:0], bare[:0], spaced[:0]
    added = numpy.fromiter(table.new, dtype=keys.dtype, count=len(table.new))
    order = added.argsort()
    added = added.take(order)
    words = numpy.empty(len(added), dtype=object)
    words[:] = list(table.new.values())
    words = words.take(order)
    with_space = numpy.empty(len(added), dtype=object)
    with_space[:] = [word + " " for word in words.tolist()]
    where = keys.searchsorted(added)
    _TABLES[id(table.store)] = _Words(
        table.store, numpy.insert(keys, where, added), numpy.insert(bare, where, words),
        numpy.insert(spaced, where, with_space), {})


def codes_of(text: str) -> Any:
    """The code points of ``text`` as a numpy ``uint32`` array."""
    numpy = importlib.import_module("numpy")
    return numpy.frombuffer(text.encode(_ENCODING, "surrogatepass"), dtype=numpy.uint32)


_SPACE_CODES: list[Any] = []
"""A lookup table: True at the code points that ``str.isspace`` accepts (all below
U+3001), False past them (its last entry, which larger code points are clipped to)."""


def space_tokens(text: str, starts: Any, ends: Any) -> Any:
    """Which tokens are white space (spaCy's ``Token.is_space`` is ``str.isspace`` of the
    word), as a numpy bool array: only the tokens whose first character is white space
    are tested in Python, and a spaCy tokenizer makes few."""
    numpy = importlib.import_module("numpy")
    if not _SPACE_CODES:
        _SPACE_CODES.append(numpy.array([chr(c).isspace() for c in range(0x3002)]))
    if not text:
        return numpy.zeros(len(starts), dtype=bool)
    space = _SPACE_CODES[0].take(codes_of(text).take(starts, mode="clip"), mode="clip")
    maybe = numpy.flatnonzero(space)
    for i, start, end in zip(maybe.tolist(), starts.take(maybe).tolist(),
                             ends.take(maybe).tolist(), strict=True):
        if not text[start:end].isspace():
            space[i] = False  # "\u00a0x": a word that only starts with white space
    return space


__all__ = ["codes_of", "joined", "space_tokens"]
