"""The backend-neutral annotation of a text, and the protocol every annotator follows.

An :class:`Annotation` is what the rules read: paragraphs, sentences and named
entities always; tokens with parts of speech and dependencies, and coreference
chains, when the backend provides them. Every span indexes the caller's original
string, whichever backend made it.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field
from typing import Literal, NamedTuple, Protocol, runtime_checkable

from .spans import Span

EntityLabel = Literal["PERSON", "ORG", "GPE", "NORP", "MISC"]
Layer = Literal["paragraphs", "sentences", "entities", "tokens", "pos", "deps", "coref"]


@dataclass(frozen=True, slots=True)
class Token:
    """One token; ``head`` is the index of its syntactic head in the same annotation, or None."""

    span: Span
    upos: str | None = None
    lemma: str | None = None
    head: int | None = None
    deprel: str | None = None


class Entity(NamedTuple):
    """A named entity: a person, organisation, place or group name (a named tuple: one
    is made for every name of the text, and tuples are quicker to make than frozen
    dataclasses)."""

    span: Span
    label: EntityLabel


@dataclass(frozen=True, slots=True)
class Annotation:
    """What an annotator found in one text; ``provides`` names the layers that are filled."""

    text: str
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    entities: tuple[Entity, ...] = ()
    tokens: tuple[Token, ...] = ()
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
