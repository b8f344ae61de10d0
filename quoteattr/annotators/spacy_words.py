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
"""

from __future__ import annotations

import importlib
from typing import Any, NamedTuple


class _Words(NamedTuple):
    """One store's words seen so far: ``keys`` sorted, ``bare[i]`` and ``spaced[i]`` the
    string of ``keys[i]`` without and with its trailing space. Replaced whole when words
    are added (a thread reading the old one still reads a consistent table)."""

    store: Any
    keys: Any
    bare: Any
    spaced: Any


_TABLES: dict[int, _Words] = {}
"""Per spaCy StringStore (by id; the store is held so that the id stays its own)."""
_TABLE_LIMIT = 500_000
"""Words held per store before the table starts afresh (a long stream of new names)."""


def joined(strings: Any, orth: Any, spacy: Any) -> str:
    """The text of the words with keys ``orth`` (a ``to_array`` column), each followed by
    one space where ``spacy`` is not 0: what ``Doc.text`` joins, exactly."""
    numpy = importlib.import_module("numpy")
    table = _TABLES.get(id(strings))
    if table is None or table.store is not strings:
        if len(_TABLES) >= 8:  # a process rarely has more than a few pipelines
            _TABLES.clear()
        empty = numpy.empty(0, dtype=object)
        table = _TABLES[id(strings)] = _Words(strings, numpy.empty(0, dtype=orth.dtype),
                                              empty, empty)
    at = table.keys.searchsorted(orth)
    if not len(table.keys) or not (table.keys.take(at, mode="clip") == orth).all():
        table = _added(table, orth, numpy)
        at = table.keys.searchsorted(orth)
    pieces = table.bare.take(at)
    spaced = spacy != 0
    pieces[spaced] = table.spaced.take(at[spaced])
    return "".join(pieces.tolist())


def _added(table: _Words, orth: Any, numpy: Any) -> _Words:
    """``table`` with the keys of ``orth`` it lacks (read from the store) added."""
    keys = table.keys
    if len(keys):
        known = keys.take(keys.searchsorted(orth), mode="clip") == orth
        new = numpy.unique(orth[~known])
    else:
        new = numpy.unique(orth)
    if len(keys) + len(new) > _TABLE_LIMIT:
        table = _Words(table.store, keys[:0], table.bare[:0], table.spaced[:0])
        keys, new = table.keys, numpy.unique(orth)
    store = table.store
    bare = numpy.empty(len(new), dtype=object)
    bare[:] = [store[key] for key in new.tolist()]
    spaced = numpy.empty(len(new), dtype=object)
    spaced[:] = [word + " " for word in bare.tolist()]
    where = keys.searchsorted(new)
    table = _Words(store, numpy.insert(keys, where, new), numpy.insert(table.bare, where, bare),
                   numpy.insert(table.spaced, where, spaced))
    _TABLES[id(store)] = table
    return table


__all__ = ["joined"]
