"""Two people named together, then spoken of as one or as the other: "Flatmates Ollie
Brennan and Kwame Asante-Boateng said ...", then "..., said the pair": one speaker named
for both ("Ollie Brennan and Kwame Asante-Boateng"), as a reader of the quote would name
it, since neither alone said it; "two sisters, Amira and Hana Qureshi" ... "said Amira"
... "her sister added": the other of the two (``data/pair_nouns.tsv``).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..lexicon import word_list
from ..mentions.types import full_start
from .clusters import Entities

_MEANS = dict(zip(word_list("pair_nouns"), word_list("pair_nouns", "means"), strict=True))
PAIR_NOUNS = frozenset(noun for noun, means in _MEANS.items() if means == "both")
"""Nouns for two people just named together ("the pair")."""
OTHER_NOUNS = frozenset(noun for noun, means in _MEANS.items() if means == "other")
"""Nouns that, after a possessive, are the other one of two named together ("her sister")."""

_REACH = 600
"""The most characters back from "the pair" to the two names."""
_JOINTS = (" and ", " & ")


def named_pair(ents: Entities, i: int) -> int | None:
    """The entity of the two people named together last before mention ``i`` ("the
    pair"), made the first time it is asked for; None when no two people stand so near."""
    pair = next(_pairs_before(ents, i), None)
    if pair is None:
        return None
    if isinstance(pair, int):  # one name of both: "Amira and Hana Qureshi"
        return ents.of[pair]
    c_a, c_b = pair
    phrase = f"{ents.clusters[c_a].name} and {ents.clusters[c_b].name}"
    known = ents.unnamed_by_key.get(phrase.lower())
    if known is not None:
        return known
    c = ents.new_cluster()
    ents.name_unnamed(c, phrase, ents.index.mentions[i].head)
    ents.clusters[c].add_label("GROUP")
    return c


def other_of_pair(ents: Entities, i: int, owner: int) -> int | None:
    """The other one of the two people named together with ``owner`` before mention ``i``
    ("her sister" when "her" is Amira of "Amira and Hana Qureshi"), None when ``owner``
    was named with no one."""
    for pair in _pairs_before(ents, i):
        if isinstance(pair, int):
            other = _other_name(ents, pair, ents.clusters[owner].name)
            if other is not None:
                return person_named(ents, other)
        elif owner in pair:
            return pair[1] if owner == pair[0] else pair[0]
    return None


def _other_name(ents: Entities, k: int, owner: str) -> str | None:
    """In one name of two people ("Amira and Hana Qureshi", mention ``k``), the other's
    full name when ``owner`` is one of them by given name ("Amira"); else None."""
    m = ents.index.mentions[k]
    first, _, second = ents.text[m.span.start : m.span.end].partition(" and ")
    words = second.split()
    if " " in first or len(words) < 2 or not owner:
        return None
    given = owner.split()[0]
    if given == first:
        return second
    if given == words[0]:
        return f"{first} {words[-1]}"  # the shared surname: "Amira Qureshi"
    return None


def person_named(ents: Entities, name: str) -> int:
    """The person entity of that full name, made when the text has none."""
    for c, cluster in enumerate(ents.clusters):
        if cluster.named and cluster.name == name:
            return c
    c = ents.new_cluster()
    ents.clusters[c].add_name(name)
    ents.clusters[c].add_label("PERSON")
    return c


def _pairs_before(ents: Entities, i: int) -> Iterator[tuple[int, int] | int]:
    """The people named together ("A and B"), back from mention ``i``: the entities of the
    two names, or the index of one name of both ("Amira and Hana Qureshi", a group's)."""
    mentions, text = ents.index.mentions, ents.text
    floor = mentions[i].span.start - _REACH
    for j in range(i - 1, -1, -1):
        b = mentions[j]
        if b.span.start < floor:
            return
        if b.kind == "name" and b.label == "GROUP" and " and " in text[b.span.start : b.span.end]:
            yield j
            continue
        a = mentions[j - 1] if j else None
        if a is None or a.kind != "name" or b.kind != "name" or text[
                a.span.end : full_start(b)] not in _JOINTS:
            continue
        c_a, c_b = ents.of[j - 1], ents.of[j]
        if c_a is None or c_b is None or c_a == c_b or not (
            _person(ents, c_a) and _person(ents, c_b)
        ):
            return  # the last two names so joined are no two people: no pair
        yield c_a, c_b


def _person(ents: Entities, c: int) -> bool:
    cluster = ents.clusters[c]
    return cluster.type == "person" or cluster.type == "unknown" and cluster.person_cue


__all__ = ["OTHER_NOUNS", "PAIR_NOUNS", "named_pair", "other_of_pair", "person_named"]
