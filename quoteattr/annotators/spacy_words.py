"""A spaCy Doc's text and word offsets, read from two ``to_array`` columns without a
Python call per word.

spaCy's own ``Doc.text`` makes a Python ``Token`` of every word to join their texts. The
adapter reads the words' string-store keys (``ORTH``) and trailing-space flags
(``SPACY``) in its one ``to_array`` call instead, and :func:`read_words` turns them into
the text, each word's start and end offsets and which words are white space. The words
seen so far are held per store: their keys sorted in a numpy array, beside each word's
length, whether it is white space (spaCy's ``Token.is_space``, ``str.isspace`` of the
word) and where its code points start in one ``uint32`` array of code points (each word
followed by a space). One ``searchsorted`` finds every word of a Doc; the offsets are a
cumulative sum of the lengths; the text is one gather of code points, decoded once. No
Python object is made per word: only a Doc's new words (a name, most often) are read
from the store, once. This replaces the ``IDX`` column (the offsets) and ``IS_SPACE``
(read through each word's lexeme) as well: each ``to_array`` column costs about as much
as every other step of the read together.
"""

from __future__ import annotations

import importlib
import sys
import threading
from typing import Any, NamedTuple

_ENCODING = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
"""The code points' bytes in the machine's order (as numpy's ``uint32``); with
``surrogatepass``, a lone surrogate in a word comes through as it is."""


class Words(NamedTuple):
    """What :func:`read_words` reads off a Doc: its text (None when not asked for), each
    word's start and end offsets (``int64`` arrays) and which words are white space (a
    ``bool`` array)."""

    text: str | None
    starts: Any
    ends: Any
    space: Any


class _Table(NamedTuple):
    """One generation of a store's words: ``keys`` sorted; ``info[i]`` where the code
    points of ``keys[i]``'s word start in ``codes`` (the high 32 bits), its length (the
    next 31) and whether it is white space (the lowest bit), one ``int64`` so that one
    ``take`` reads all three. Replaced whole when words are added, so that a thread reads
    one consistent generation; ``codes`` only grows (a bigger array holds the old code
    points at the same places), so every later generation's ``codes`` serves an
    earlier's offsets. ``used`` code points of ``codes`` are filled."""

    keys: Any
    info: Any
    codes: Any
    used: int


_LENGTH_MASK = (1 << 31) - 1
_CODES_LIMIT = 1 << 31
"""Code points held per store before the table starts afresh (the offsets' 31 bits)."""


class _Store:
    """One StringStore's table of words; new words are added under ``lock``."""

    __slots__ = ("lock", "store", "table")

    def __init__(self, store: Any, dtype: Any, numpy: Any) -> None:
        self.store = store  # held, so that its id stays its own
        # One entry to start, key 0, which no word has (spaCy refuses it): every lookup
        # then finds a place in the arrays, and a word not in them is told by its key.
        self.table = _Table(numpy.zeros(1, dtype=dtype), numpy.zeros(1, dtype=numpy.int64),
                            numpy.empty(_FIRST_CODES, dtype=numpy.uint32), 0)
        self.lock = threading.Lock()


_FIRST_CODES = 1 << 16
"""Room for code points a store starts with (doubled as it fills)."""
_STORES: dict[int, _Store] = {}
"""Per spaCy StringStore (by id; the store is held so that the id stays its own)."""
_TABLE_LIMIT = 500_000
"""Words held per store before the table starts afresh (a long stream of new names)."""


def read_words(strings: Any, orth: Any, spacy: Any, *, text: bool = True) -> Words:
    """The words with keys ``orth`` (a ``to_array`` column of string-store ``strings``),
    each followed by one space where ``spacy`` is not 0: the text ``Doc.text`` joins
    (when ``text``), where each word starts and ends in it, and which are white space."""
    numpy = importlib.import_module("numpy")
    store = _STORES.get(id(strings))
    if store is None or store.store is not strings:
        if len(_STORES) >= 8:  # a process rarely has more than a few pipelines
            _STORES.clear()
        store = _STORES[id(strings)] = _Store(strings, orth.dtype, numpy)
    table = store.table
    at = table.keys.searchsorted(orth)
    info = table.info.take(at, mode="clip")
    missing = numpy.flatnonzero(table.keys.take(at, mode="clip") != orth)
    if len(missing):  # new words: read from the store, added, then looked up again
        wanted = orth.take(missing)
        added, afresh = _added(store, table, wanted, orth, numpy)
        if afresh:  # the table started afresh: every word from the new one
            info = added.info.take(added.keys.searchsorted(orth))
        else:
            info[missing] = added.info.take(added.keys.searchsorted(wanted))
        table = added
    lengths = (info >> 1) & _LENGTH_MASK
    pieces = lengths + (spacy != 0)  # each word and the space after it
    ends = pieces.cumsum()
    starts = ends - pieces
    words = Words(None, starts, starts + lengths, (info & 1) != 0)
    if not text:
        return words
    # The text: each piece's code points, gathered from the store's in one go.
    gather = numpy.repeat((info >> 32) - starts, pieces)
    gather += numpy.arange(len(gather))
    return words._replace(
        text=table.codes.take(gather).tobytes().decode(_ENCODING, "surrogatepass"))


def _added(
    store: _Store, seen: _Table, wanted: Any, orth: Any, numpy: Any
) -> tuple[_Table, bool]:
    """The store's table once the words with keys ``wanted`` (missing from table
    ``seen``) are read from the string store and added: their code points appended to
    the store's, their keys merged into the sorted arrays; and whether the table started
    afresh (past the limit), with the words of ``orth`` (the whole Doc's) alone."""
    with store.lock:
        table = store.table
        keys = numpy.unique(wanted)
        if table is not seen:  # another thread added words meanwhile: only the rest
            keys = keys[table.keys.take(table.keys.searchsorted(keys), mode="clip") != keys]
            if not len(keys):
                return table, False
        words = [store.store[key] for key in keys.tolist()]
        size = sum(map(len, words)) + len(words)
        afresh = (len(table.keys) + len(keys) > _TABLE_LIMIT
                  or table.used + size >= _CODES_LIMIT)
        if afresh:  # a new store; the threads that hold this one keep reading it
            store = _STORES[id(store.store)] = _Store(store.store, keys.dtype, numpy)
            table, keys = store.table, numpy.unique(orth)
            words = [store.store[key] for key in keys.tolist()]
        codes = numpy.frombuffer(("".join(word + " " for word in words)).encode(
            _ENCODING, "surrogatepass"), dtype=numpy.uint32)
        used, room = table.used, table.codes
        if used + len(codes) > len(room):  # a bigger array, the old code points kept
            room = numpy.empty(max(2 * len(room), used + len(codes)), dtype=numpy.uint32)
            room[:used] = table.codes[:used]
        room[used:used + len(codes)] = codes
        info = []
        for word in words:
            info.append(used << 32 | len(word) << 1 | word.isspace())
            used += len(word) + 1
        where = table.keys.searchsorted(keys)
        store.table = table = _Table(numpy.insert(table.keys, where, keys),
                                     numpy.insert(table.info, where, info), room, used)
        return table, afresh


__all__ = ["Words", "read_words"]
