"""What a mention is: the phrase that may refer to a speaker, and the sorted index of them.

The bottom of the mentions package: the finders build these, and coreference, the rules,
furniture and confidence read them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Literal, NamedTuple, cast

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


@dataclass(frozen=True, slots=True)
class MentionIndex:
    """Mentions sorted by start, with a start-offset array for fast window look-ups."""

    mentions: Sequence[Mention]
    """A tuple, or in a long text :class:`~quoteattr.mentions.columns.PackedMentions`
    (:func:`~quoteattr.mentions.columns.mention_index` makes the index)."""
    starts: Sequence[int]

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


def full_start(m: Mention) -> int:
    """``m.full_span.start`` without building the span."""
    return m.title_start if m.title_start >= 0 else m.span.start
