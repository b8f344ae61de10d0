"""Reading a stanza ``Document``'s words: the whole Document in bulk, or one word.

Apart from :mod:`.stanza` so that the adapter stays small; it reads stanza's objects by
duck typing and imports neither stanza nor torch.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate, chain, repeat
from operator import add, attrgetter, itemgetter, le
from typing import Any

_FIELDS_OF = attrgetter("__dict__")
_FIELD_GETTERS = tuple(map(itemgetter, ("_id", "_start_char", "_end_char", "_head", "_deprel",
                                        "_upos", "_lemma")))
"""A stanza ``Word``'s fields, read from its ``__dict__`` (see :func:`word_fields`)."""


def document_columns(
    sentences: Sequence[Any], size: int
) -> tuple[list[Any], list[Any], list[int | None], list[Any], list[Any], list[Any], bool,
           bool, list[int]] | None:
    """The whole Document's columns (starts, ends, heads as indices into the Document's
    words, relations, UPOS, lemmas), whether it has UPOS tags and relations, and each
    sentence's word count, read and checked a column at a time, with no Python call per
    word. None when any check fails or a word is not a plain stanza ``Word`` (ids 1 to
    n in each sentence, int offsets inside the text, heads 0 to n, or all None): then
    the adapter reads word by word, so that its error says which word is wrong."""
    word_lists = [sentence.words for sentence in sentences]
    lengths = list(map(len, word_lists))
    try:
        fields = list(map(_FIELDS_OF, chain.from_iterable(word_lists)))
        # a column at a time: cheaper than a tuple of fields per word, then transposed
        ids, starts, ends, heads, deprels, upos, lemmas = (
            list(map(get, fields)) for get in _FIELD_GETTERS)
    except (AttributeError, KeyError, TypeError):
        return None
    n = len(fields)
    if not n or 0 in lengths:
        return None
    types = set(map(type, starts))
    types.update(map(type, ends))
    if (types != {int} or min(starts) < 0 or max(ends) > size
            or not all(map(le, starts, ends))
            or ids != list(chain.from_iterable(range(1, k + 1) for k in lengths))):
        return None
    nones = heads.count(None)
    head_column: list[int | None]
    if nones == n:
        head_column = [None] * n
        has_deps = False
    elif (nones or set(map(type, heads)) != {int} or min(heads) < 0
          or not all(map(le, heads, chain.from_iterable(repeat(k, k) for k in lengths)))):
        return None
    else:
        bases = accumulate(lengths[:-1], initial=-1)  # each sentence's first index, less 1
        head_column = list(map(add, heads, chain.from_iterable(
            repeat(b, k) for b, k in zip(bases, lengths, strict=True))))
        at = -1
        while True:  # the roots (one or two a sentence) have no head
            try:
                at = heads.index(0, at + 1)
            except ValueError:
                break
            head_column[at] = None
        has_deps = deprels.count(None) != n
    return (starts, ends, head_column, deprels, upos, lemmas, upos.count(None) != n,
            has_deps, lengths)


def word_fields(word: Any) -> tuple[Any, Any, Any, Any, Any, Any, Any]:
    """(id, start, end, head, deprel, upos, lemma) of a word.

    A stanza ``Word`` keeps its fields in ``_``-prefixed attributes behind properties;
    reading its ``__dict__`` once is several times cheaper than seven property calls,
    which made this adapter cost more than the whole rule path. Any other object (or a
    multi-word token's word without offsets) is read through its public attributes.
    """
    fields = getattr(word, "__dict__", None)
    if fields is not None and "_start_char" in fields and fields["_start_char"] is not None:
        wid = fields["_id"]
        return (wid if type(wid) is int else int(wid), fields["_start_char"],
                fields["_end_char"], fields["_head"], fields["_deprel"], fields["_upos"],
                fields["_lemma"])
    start, end = getattr(word, "start_char", None), getattr(word, "end_char", None)
    if start is None or end is None:
        parent = getattr(word, "parent", None)
        if parent is not None:
            start, end = parent.start_char, parent.end_char
    head = getattr(word, "head", None)
    return (int(word.id), start, end, None if head is None else int(head),
            getattr(word, "deprel", None), getattr(word, "upos", None),
            getattr(word, "lemma", None))


__all__ = ["document_columns", "word_fields"]
