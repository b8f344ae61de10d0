"""A long text's mentions as columns of offsets (:class:`PackedMentions`), and the index
of any text's mentions (:func:`mention_index`).

Not compiled with the hot path (pyproject.toml's mypyc list): a class that reads as a
``Sequence`` stays a Python class, so ``isinstance`` and the ``Sequence`` methods behave
as they do without the compiled build.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from operator import attrgetter
from typing import overload

from ..spans import Span
from .types import Mention, MentionIndex, MentionKind, MentionLabel, new_mention

_SPAN_START = attrgetter("span.start")

PACK_ABOVE = 4096
"""A text of more mentions than this (a book, an archive in one string, not an article)
keeps them packed (:class:`PackedMentions`): a mention as an object is a 9-field tuple, a
``Span`` and two ints, some 224 bytes, 5.6 bytes per character of news."""

PACK_TEXT_ABOVE = 32 * PACK_ABOVE
"""A text of more characters than this has its mentions packed as they are found, so they
are never all objects at once: news has about 23 mentions per 1,000 characters."""

_NARROW = 2**31 - 1
"""The largest offset a packed column of C ints holds."""

_Shape = tuple[MentionKind, MentionLabel, str, str, bool]
"""A mention's kind, label, gender, number and ``gender_from_name``: a handful per text."""
_UNTITLED = ("", -1)


class PackedMentions(Sequence[Mention]):
    """Mentions as columns (offsets in arrays, a shape number per mention), each
    :class:`Mention` made again when it is read.

    It reads like the tuple of mentions it replaces (indexing, slicing, ``len``,
    iteration), and a mention read twice is equal, not identical. Reading costs a tuple and
    a ``Span`` each time, so only a long text (:data:`PACK_TEXT_ABOVE`, :data:`PACK_ABOVE`)
    is packed: there the rules and coreference read each mention a few times, and most are
    never read again once the entities are built.
    """

    __slots__ = ("_ends", "_heads", "_numbers", "_shape_of", "_shapes", "_titled", "starts")

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.starts = array("i")  # 4 bytes an offset (wider when a text needs it)
        self._ends = array("i")
        self._heads: list[str] = []
        self._shape_of = array("H")
        self._numbers: dict[_Shape, int] = {}
        self._shapes: list[_Shape] = []
        self._titled: dict[int, tuple[str, int]] = {}
        for m in mentions:
            self.append(m)

    def append(self, m: Mention) -> None:
        """Pack ``m`` after the others."""
        shape = (m.kind, m.label, m.gender, m.number, m.gender_from_name)
        number = self._numbers.get(shape)
        if number is None:
            number = self._numbers[shape] = len(self._shapes)
            self._shapes.append(shape)
        if m.title_start >= 0 or m.title:
            self._titled[len(self.starts)] = (m.title, m.title_start)
        if m.span.end > _NARROW and self._ends.typecode == "i":  # a text of 2 G characters
            self.starts, self._ends = array("q", self.starts), array("q", self._ends)
        self.starts.append(m.span.start)
        self._ends.append(m.span.end)
        self._heads.append(m.head)
        self._shape_of.append(number)

    def extend(self, mentions: Iterable[Mention]) -> None:
        for m in mentions:
            self.append(m)

    def pop(self) -> Mention:
        """The last mention, unpacked."""
        last = self[-1]
        self._titled.pop(len(self.starts) - 1, None)
        for column in (self.starts, self._ends, self._heads, self._shape_of):
            column.pop()
        return last

    def sorted_kept(self) -> PackedMentions:
        """These mentions by start, the longer first at one start (else in the order
        packed), less those that start inside one before them: one int key per mention
        sorted in C, where objects sorted twice by a key would all be made."""
        n, starts, ends = len(self.starts), self.starts, self._ends
        out = self._like()
        if not n:
            return out
        room = max(ends) + 2
        keys = [(s * room + room - 1 - e) * n + i
                for i, (s, e) in enumerate(zip(starts, ends, strict=True))]
        keys.sort()
        kept_end = -1
        for key in keys:
            i = key % n
            if starts[i] >= kept_end:  # else a pronoun or role noun inside a longer mention
                self._copy(i, out)
                kept_end = ends[i]
        return out

    def _like(self) -> PackedMentions:
        """An empty store of these shapes (numbered alike) and offset width."""
        out = PackedMentions(())
        out._numbers, out._shapes = dict(self._numbers), list(self._shapes)
        width = self._ends.typecode
        out.starts, out._ends = array(width), array(width)
        return out

    def _copy(self, i: int, out: PackedMentions) -> None:
        """Append mention ``i`` to ``out`` (made by :meth:`_like`), column by column."""
        titled = self._titled.get(i)
        if titled is not None:
            out._titled[len(out.starts)] = titled
        out.starts.append(self.starts[i])
        out._ends.append(self._ends[i])
        out._heads.append(self._heads[i])
        out._shape_of.append(self._shape_of[i])

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Mention: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Mention, ...]: ...

    def __getitem__(self, index: int | slice) -> Mention | tuple[Mention, ...]:
        if isinstance(index, slice):
            return tuple(map(self._made, range(*index.indices(len(self.starts)))))
        if index < 0:
            index += len(self.starts)
        return self._made(index)

    def _made(self, i: int) -> Mention:
        kind, label, gender, number, from_name = self._shapes[self._shape_of[i]]
        title, title_start = self._titled.get(i, _UNTITLED)
        return new_mention((Span(self.starts[i], self._ends[i]), kind, label, self._heads[i],
                            title, title_start, gender, number, from_name))

    def __iter__(self) -> Iterator[Mention]:
        return map(self._made, range(len(self.starts)))

    def without(self, ranges: Sequence[tuple[int, int]], spans: set[Span]) -> PackedMentions:
        """These mentions less those of the index ``ranges`` (sorted, apart) and those at
        ``spans``, packed: no mention is made."""
        out = self._like()
        previous, n = 0, len(self.starts)
        starts, ends = self.starts, self._ends
        for first, last in (*ranges, (n, n)):
            for i in range(previous, first):
                if not spans or Span(starts[i], ends[i]) not in spans:
                    self._copy(i, out)
            previous = last
        return out


def mention_index(mentions: Sequence[Mention]) -> MentionIndex:
    """The index of ``mentions`` (sorted by start): packed when there are more than
    :data:`PACK_ABOVE`, or when they are packed already."""
    if isinstance(mentions, PackedMentions):
        return MentionIndex(mentions, mentions.starts)
    if len(mentions) > PACK_ABOVE:
        packed = PackedMentions(mentions)
        return MentionIndex(packed, packed.starts)
    return MentionIndex(tuple(mentions), tuple(map(_SPAN_START, mentions)))
