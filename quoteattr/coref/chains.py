"""A backend's coreference chains (stanza coref) -> entities."""

from __future__ import annotations

from collections.abc import Sequence

from ..spans import Span
from .clusters import Entities


def apply_chains(ents: Entities, chains: Sequence[Sequence[Span]]) -> None:
    """A backend's chains decide what its pronouns and role nouns refer to: each joins the
    chain's first named entity; the salience rules stay the fallback for mentions outside
    chains."""
    index = ents.index
    mentions = index.mentions
    for chain in chains:
        members: list[int] = []
        for span in chain:
            members.extend(index.index_of(m) for m in index.between(
                span.start, span.end) if m.span.overlaps(span))
        named = [c for i in members if mentions[i].kind == "name"
                 and (c := ents.of[i]) is not None]
        if not named:
            continue
        target = named[0]
        for i in members:
            if ents.of[i] is None:
                ents.add(target, i)
