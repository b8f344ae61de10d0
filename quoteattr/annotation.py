"""The backend-neutral annotation of a text, and the protocol every annotator follows.

An :class:`Annotation` is what the rules read: paragraphs, sentences and named
entities always; tokens with parts of speech and dependencies, and coreference
chains, when the backend provides them. Every span indexes the caller's original
string, whichever backend made it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field
from typing import Literal, NamedTuple, Protocol, overload, runtime_checkable

from .spans import Span

EntityLabel = Literal["PERSON", "ORG", "GPE", "NORP", "MISC"]
Layer = Literal["paragraphs", "sentences", "entities", "tokens", "pos", "deps", "coref"]


class Token(NamedTuple):
    """One token; ``head`` is the index of its syntactic head in the same annotation, or None.

    A named tuple, like :class:`Entity`: a parsed document has one per word, and the
    adapters make them by the tens of thousands per archive page."""

    span: Span
    upos: str | None = None
    lemma: str | None = None
    head: int | None = None
    deprel: str | None = None


class Column(Sequence[str | None]):
    """A column of labels kept as keys, each looked up when read: ``table[keys[i]]``."""

    __slots__ = ("keys", "table")

    def __init__(self, keys: Sequence[int], table: Mapping[int, str | None]) -> None:
        self.keys, self.table = keys, table

    def __len__(self) -> int:
        return len(self.keys)

    @overload
    def __getitem__(self, index: int) -> str | None: ...

    @overload
    def __getitem__(self, index: slice) -> list[str | None]: ...

    def __getitem__(self, index: int | slice) -> str | None | list[str | None]:
        if isinstance(index, slice):
            return [self.table[k] for k in self.keys[index]]
        return self.table[self.keys[index]]


class TokenTable(Sequence[Token]):
    """Tokens stored as columns; each :class:`Token` is made the first time it is read.

    A parsed page has thousands of tokens and the rules read only those around its
    quotes, so an adapter that hands its columns over (spaCy's ``Doc.to_array``) need not
    make a Python object for every word. It reads like a tuple of tokens: indexing,
    slicing, ``len``, iteration and equality with any sequence of the same tokens.
    ``starts`` is the column of start offsets, which the rules bisect. A head of -1 in
    ``heads`` means none, like None.
    """

    __slots__ = ("_made", "deprels", "ends", "heads", "lemmas", "starts", "upos")

    def __init__(
        self,
        starts: Sequence[int],
        ends: Sequence[int],
        upos: Sequence[str | None],
        lemmas: Sequence[str | None],
        heads: Sequence[int | None],
        deprels: Sequence[str | None],
    ) -> None:
        if not len(starts) == len(ends) == len(upos) == len(lemmas) == len(heads) == len(
            deprels
        ):
            msg = "TokenTable columns must all have one entry per token"
            raise ValueError(msg)
        self.starts, self.ends, self.upos = starts, ends, upos
        self.lemmas, self.heads, self.deprels = lemmas, heads, deprels
        self._made: list[Token | None] = [None] * len(starts)

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Token, ...]: ...

    def __getitem__(self, index: int | slice) -> Token | tuple[Token, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        token = self._made[index]
        if token is None:
            if index < 0:
                index += len(self)
            head = self.heads[index]
            token = self._made[index] = Token(
                Span(self.starts[index], self.ends[index]), self.upos[index],
                self.lemmas[index], None if head is None or head < 0 else head,
                self.deprels[index],
            )
        return token

    def __iter__(self) -> Iterator[Token]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"TokenTable({len(self)} tokens)"


class Entity(NamedTuple):
    """A named entity: a person, organisation, place or group name (a named tuple, as one
    is made for every name of the text: docs/batch.md, "Where the time goes")."""

    span: Span
    label: EntityLabel


@dataclass(frozen=True, slots=True)
class Annotation:
    """What an annotator found in one text; ``provides`` names the layers that are filled."""

    text: str
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    entities: tuple[Entity, ...] = ()
    tokens: Sequence[Token] = ()
    """A tuple of tokens, or a :class:`TokenTable` (which reads like one)."""
    coref: tuple[tuple[Span, ...], ...] = ()
    """Chains of coreferent mention spans, when the backend resolves coreference."""
    provides: frozenset[Layer] = field(
        default_factory=lambda: frozenset({"paragraphs", "sentences", "entities"})
    )


@runtime_checkable
class Annotator(Protocol):
    """Turns a text into an :class:`Annotation`; ``provides`` lists the layers it fills."""

    @property
    def name(self) -> str:
        """A short name for the backend ("embedded", "stanza")."""
        ...

    @property
    def provides(self) -> Set[Layer]:
        """The annotation layers this annotator fills."""
        ...

    def annotate(self, text: str) -> Annotation:
        """Annotate ``text``; spans must index ``text`` itself."""
        ...
