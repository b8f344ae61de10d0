"""What a mention is: the phrase that may refer to a speaker, and the sorted index of them.

The bottom of the mentions package: the finders build these, and coreference, the rules,
furniture and confidence read them.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from operator import attrgetter
from typing import Literal, NamedTuple, cast, overload

from ..spans import Span

MentionKind = Literal["name", "pronoun", "nominal"]
MentionLabel = Literal["PERSON", "ORG", "GROUP", "UNKNOWN"]


class Mention(NamedTuple):
    """A phrase that may refer to a speaker.

    A named tuple rather than a frozen dataclass: just as immutable, and three times
    quicker to make, which counts at one per name, pronoun and role noun of an archive.
    """

    span: Span
    """The mention itself: the bare name, the pronoun, or the determiner + role noun."""
    kind: MentionKind
    label: MentionLabel
    head: str
    """The bare name ("John Kerry"), pronoun ("he") or role noun ("prime minister")."""
    title: str = ""
    """Title words before a name ("US Secretary of State"), or "" when there are none."""
    title_start: int = -1
    """Where the title phrase starts, or -1 when there is none."""
    gender: str = "-"
    number: str = "sg"
    gender_from_name: bool = False
    """True when ``gender`` is only a guess from the given name (weaker than "Mrs." or "she")."""

    @property
    def full_span(self) -> Span:
        """The mention with its title phrase ("US Secretary of State John Kerry")."""
        return Span(self.title_start, self.span.end) if self.title_start >= 0 else self.span


_MentionFields = tuple[Span, MentionKind, MentionLabel, str, str, int, str, str, bool]
new_mention = cast("Callable[[_MentionFields], Mention]", partial(tuple.__new__, Mention))
"""``Mention(*fields)`` without the Python-level ``__new__`` of a named tuple, which only
passes its arguments on to ``tuple.__new__``: a third less work per mention, and there is
one per name, pronoun and role noun. All nine fields are given, in order."""


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
        out = PackedMentions(())
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
                out.append(self._made(i))
                kept_end = ends[i]
        return out

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
        ``spans``, packed: one mention is made at a time."""
        out = PackedMentions(())
        previous, n = 0, len(self.starts)
        for first, last in (*ranges, (n, n)):
            for i in range(previous, first):
                m = self._made(i)
                if m.span not in spans:
                    out.append(m)
            previous = last
        return out


@dataclass(frozen=True, slots=True)
class MentionIndex:
    """Mentions sorted by start, with a start-offset array for fast window look-ups."""

    mentions: Sequence[Mention]
    """A tuple, or in a long text :class:`PackedMentions` (see :meth:`of`)."""
    starts: Sequence[int]

    @classmethod
    def of(cls, mentions: Sequence[Mention]) -> MentionIndex:
        """The index of ``mentions`` (sorted by start): packed when there are more than
        :data:`PACK_ABOVE`."""
        if isinstance(mentions, PackedMentions):
            return cls(mentions, mentions.starts)
        if len(mentions) > PACK_ABOVE:
            packed = PackedMentions(mentions)
            return cls(packed, packed.starts)
        return cls(tuple(mentions), tuple(map(_SPAN_START, mentions)))

    def between(self, start: int, end: int) -> tuple[Mention, ...]:
        """Mentions that lie wholly inside ``[start, end)``."""
        mentions = self.mentions  # each read once: a packed mention is made at each read
        i, n = bisect_right(self.starts, start - 1), len(mentions)
        out = []
        while i < n:
            m = mentions[i]
            if m.span.start >= end:
                break
            if m.span.end <= end:
                out.append(m)
            i += 1
        return tuple(out)

    def index_of(self, mention: Mention) -> int:
        """The position of ``mention`` in :attr:`mentions`."""
        mentions = self.mentions
        i = bisect_right(self.starts, mention.span.start) - 1
        while i >= 0 and (m := mentions[i]) is not mention and m != mention:
            i -= 1
        return i

    def starting_at(self, start: int) -> Mention | None:
        """The mention (or its title phrase) that begins exactly at ``start``, if any."""
        i = bisect_right(self.starts, start - 1)
        best: Mention | None = None
        for m in self.mentions[max(0, i - 3) : i + 3]:
            at_start = m.span.start == start or m.title_start == start
            if at_start and (best is None or m.span.end > best.span.end):
                best = m
        return best
