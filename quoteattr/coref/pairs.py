"""Two people named together, then spoken of as one: "Flatmates Ollie Brennan and Kwame
Asante-Boateng said ...", then "..., said the pair". The pair is one speaker named for
both ("Ollie Brennan and Kwame Asante-Boateng"), as a reader of the quote would name it;
neither of the two alone said it.
"""

from __future__ import annotations

from ..lexicon import word_list
from ..mentions.types import full_start
from .clusters import Entities

PAIR_NOUNS = frozenset(word_list("pair_nouns"))
"""Nouns for two people just named together (``data/pair_nouns.tsv``)."""

_REACH = 600
"""The most characters back from "the pair" to the two names."""
_JOINTS = (" and ", " & ")


def named_pair(ents: Entities, i: int) -> int | None:
    """The entity of the two people named together last before mention ``i`` ("the
    pair"), made the first time it is asked for; None when no two people stand so near."""
    mentions, text = ents.index.mentions, ents.text
    floor = mentions[i].span.start - _REACH
    for j in range(i - 1, 0, -1):
        b = mentions[j]
        if b.span.start < floor:
            break
        a = mentions[j - 1]
        if a.kind != "name" or b.kind != "name" or text[a.span.end : full_start(b)] not in (
            _JOINTS
        ):
            continue
        c_a, c_b = ents.of[j - 1], ents.of[j]
        if c_a is None or c_b is None or c_a == c_b or not (
            _person(ents, c_a) and _person(ents, c_b)
        ):
            return None  # the last two names so joined are no two people: no pair
        phrase = f"{ents.clusters[c_a].name} and {ents.clusters[c_b].name}"
        known = ents.unnamed_by_key.get(phrase.lower())
        if known is not None:
            return known
        c = ents.new_cluster()
        ents.name_unnamed(c, phrase, mentions[i].head)
        ents.clusters[c].add_label("GROUP")
        return c
    return None


def _person(ents: Entities, c: int) -> bool:
    cluster = ents.clusters[c]
    return cluster.type == "person" or cluster.type == "unknown" and cluster.person_cue


__all__ = ["PAIR_NOUNS", "named_pair"]
