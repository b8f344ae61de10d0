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
    ``take`` reads all three. The words read lately wait in ``recent_keys`` and
    ``recent_info`` (the same, smaller): adding to the arrays copies them, so the big
    ones are not copied for each Doc's new words (see :data:`_RECENT`). Replaced whole
    when words are added, so that a thread reads one consistent generation; ``codes``
    only grows (a bigger array holds the old code points at the same places), so every
    later generation's ``codes`` serves an earlier's offsets. ``used`` code points of
    ``codes`` are filled. Each pair of arrays starts with key 0, which no word has
    (spaCy refuses it): every lookup finds a place, and a missing word is told by its
    key."""

    keys: Any
    info: Any
    recent_keys: Any
    recent_info: Any
    codes: Any
    used: int


_LENGTH_MASK = (1 << 31) - 1
_CODES_LIMIT = 1 << 31
"""Code points held per store before the table starts afresh (the offsets' 31 bits)."""
_RECENT = 16
"""The recent arrays are merged into the big ones when they hold more than a
sixteenth as many words: a Doc's new words then copy a sixteenth of the words, and
the big arrays are copied once per sixteenth of their words added."""
_SMALL = 16_384
"""Big arrays of fewer words take each Doc's new words at once (copying them costs
less than looking words up in the recent arrays too)."""


class _Store:
    """One StringStore's table of words; new words are added under ``lock``."""

    __slots__ = ("lock", "store", "table")

    def __init__(self, store: Any, dtype: Any, numpy: Any) -> None:
        self.store = store  # held, so that its id stays its own
        self.table = _empty(dtype, numpy)
        self.lock = threading.Lock()


def _empty(dtype: Any, numpy: Any) -> _Table:
    zero, key = numpy.zeros(1, dtype=numpy.int64), numpy.zeros(1, dtype=dtype)
    return _Table(key, zero, key, zero, numpy.empty(_FIRST_CODES, dtype=numpy.uint32), 0)


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
    info, missing = _looked_up(table, orth, numpy)
    if len(missing):  # new words: read from the store, added, then looked up again
        wanted = orth.take(missing)
        added, afresh = _added(store, table, wanted, orth, numpy)
        if afresh:  # the table started afresh: every word from the new one
            info = _looked_up(added, orth, numpy)[0]
        else:
            info[missing] = _looked_up(added, wanted, numpy)[0]
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


def _looked_up(table: _Table, keys: Any, numpy: Any) -> tuple[Any, Any]:
    """The info of each of ``keys`` in ``table`` (the big arrays, then the recent ones),
    and the indices of those in neither (their info is then meaningless)."""
    at = table.keys.searchsorted(keys)
    info = table.info.take(at, mode="clip")
    missing = numpy.flatnonzero(table.keys.take(at, mode="clip") != keys)
    if len(missing) and len(table.recent_keys) > 1:
        wanted = keys.take(missing)
        at = table.recent_keys.searchsorted(wanted)
        info[missing] = table.recent_info.take(at, mode="clip")
        missing = missing[table.recent_keys.take(at, mode="clip") != wanted]
    return info, missing


def _added(
    store: _Store, seen: _Table, wanted: Any, orth: Any, numpy: Any
) -> tuple[_Table, bool]:
    """The store's table once the words with keys ``wanted`` (missing from table
    ``seen``) are read from the string store and added: their code points appended to
    the store's, their keys merged into the recent arrays (and those into the big ones
    once they hold enough); and whether the table started afresh (past the limit), with
    the words of ``orth`` (the whole Doc's) alone."""
    with store.lock:
        table = store.table
        if table is not seen:  # another thread added words meanwhile: only the rest
            wanted = wanted.take(_looked_up(table, wanted, numpy)[1])
            if not len(wanted):
                return table, False
        keys = _unique(wanted, numpy)
        words = [store.store[key] for key in keys.tolist()]
        size = sum(map(len, words)) + len(words)
        afresh = (len(table.keys) + len(table.recent_keys) + len(keys) > _TABLE_LIMIT
                  or table.used + size >= _CODES_LIMIT)
        fresh = None
        if afresh:  # a new store; the threads that hold this one keep reading it
            store = fresh = _Store(store.store, keys.dtype, numpy)
            table = store.table
            keys = _unique(orth, numpy)
            words = [store.store[key] for key in keys.tolist()]
        codes = numpy.frombuffer(("".join(word + " " for word in words)).encode(
            _ENCODING, "surrogatepass"), dtype=numpy.uint32)
        used, room = table.used, table.codes
        if used + len(codes) > len(room):  # a bigger array, the old code points kept
            room = numpy.empty(max(2 * len(room), used + len(codes)), dtype=numpy.uint32)
            room[:used] = table.codes[:used]
        room[used:used + len(codes)] = codes
        lengths = numpy.fromiter(map(len, words), dtype=numpy.int64, count=len(words))
        info = (lengths + 1).cumsum()  # past each word and its space, less those two
        info += used - 1
        info -= lengths
        info <<= 32
        info |= lengths << 1
        info |= numpy.fromiter(map(str.isspace, words), dtype=numpy.int64, count=len(words))
        recent = (table.recent_keys, table.recent_info)
        if len(table.keys) < _SMALL or len(recent[0]) + len(keys) > len(table.keys) // _RECENT:
            if len(recent[0]) > 1:  # the recent words join the big arrays, with the new
                keys, info = _merged(recent[0][1:], recent[1][1:], keys, info, numpy)
                recent = (recent[0][:1], recent[1][:1])
            big = _merged(table.keys, table.info, keys, info, numpy)
        else:
            big = (table.keys, table.info)
            recent = _merged(*recent, keys, info, numpy)
        store.table = table = _Table(*big, *recent, room, used + len(codes))
        if fresh is not None:
            # Published only now, filled: a thread that found it earlier would add its
            # words under the new store's lock while this one, under the old store's,
            # writes the same code points (two Docs' texts garbled into each other).
            _STORES[id(fresh.store)] = fresh
        return table, afresh


def _unique(keys: Any, numpy: Any) -> Any:
    """``keys`` sorted, each once (``numpy.unique`` costs several times as much on a few
    hundred keys)."""
    keys = numpy.sort(keys)
    first = numpy.empty(len(keys), dtype=bool)
    first[:1] = True
    numpy.not_equal(keys[1:], keys[:-1], out=first[1:])
    return keys[first]


def _merged(keys: Any, info: Any, new_keys: Any, new_info: Any, numpy: Any) -> tuple[Any, Any]:
    """``keys`` and their ``info`` with the sorted ``new_keys`` and their ``new_info`` put
    in order (``numpy.insert``'s work, without its checks, on both arrays at once)."""
    at = keys.searchsorted(new_keys)
    at += numpy.arange(len(new_keys))  # where each new key lands in the merged arrays
    old = numpy.ones(len(keys) + len(new_keys), dtype=bool)
    old[at] = False
    merged_keys = numpy.empty(len(old), dtype=keys.dtype)
    merged_keys[at] = new_keys
    merged_keys[old] = keys
    merged_info = numpy.empty(len(old), dtype=info.dtype)
    merged_info[at] = new_info
    merged_info[old] = info
    return merged_keys, merged_info


__all__ = ["Words", "read_words"]
