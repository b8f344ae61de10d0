"""Pronouns -> entities: "he", "she", "it" and "they" go to the most salient entity they
agree with; "I" and "we" are the speaker's own words and are not resolved here."""

from __future__ import annotations

from .salience import Salience, best_of


def resolve_pronoun(sal: Salience, i: int) -> int | None:
    """The entity pronoun ``i`` refers to, None when nothing agrees with it."""
    m = sal.ents.index.mentions[i]
    if m.head in ("i", "we"):
        return None
    scores = sal.candidates(i)
    if not scores:
        return None
    return best_of(scores)
