"""Role nouns and descriptions -> entities: "the prime minister" goes first to the named
entity the text gives that title, "the company" to the company named before, and an
unmatched "the mayor" to one unnamed entity that later "the mayor"s share."""

from __future__ import annotations

from .clusters import Entities
from .organisations import named_organisation
from .salience import Salience, best_of


def resolve_nominal(sal: Salience, i: int) -> int:
    """The entity role noun ``i`` refers to, a new unnamed one when no known one fits."""
    ents = sal.ents
    m = ents.index.mentions[i]
    head = m.head
    definite = ents.text[m.span.start : m.span.start + 4].lower() == "the "
    # The salience scores matter only to the branches below that read them; most role
    # nouns ("a spokesman", "the residents") reach none of those, so the scan is skipped.
    may_hold = may_have_holders(ents, head)
    if may_hold or definite and (
        m.label == "ORG" or m.label == "PERSON" and bool(ents.lexicon.role_titles.get(head))
    ):
        scores = sal.candidates(i)
    else:
        scores = {}
    holders = role_holders(ents, head, scores) if may_hold else []
    if holders:
        return max(holders, key=lambda c: (scores.get(c, 0.0), -c))
    if definite and m.label == "ORG":
        named_orgs = named_organisation(ents, head, scores)
        if named_orgs is not None:
            return named_orgs
    if definite and m.label == "PERSON":
        named = {c: s for c, s in scores.items() if ents.clusters[c].named}
        equivalents = ents.lexicon.role_titles.get(head, ())
        if equivalents and named:
            return best_of(named)
    if definite and head in ents.unnamed_by_head:
        return ents.unnamed_by_head[head]
    c_new = ents.new_cluster()
    ents.name_unnamed(c_new, ents.text[m.span.start : m.span.end], head)
    return c_new


def may_have_holders(ents: Entities, head: str) -> bool:
    """Whether :func:`role_holders` could find any entity for ``head`` among all of the
    document's named entities (a superset of any candidates)."""
    known = ents.may_hold.get(head)
    if known is None:
        if ents.named_titles is None:
            # One string for the substring tests; "\n" joins, as no title word holds one.
            ents.named_titles = "\n".join(
                c.titles_lower for c in ents.clusters if c.named and c.titles_lower
            )
        titles = ents.named_titles
        known = head in titles or any(
            w in titles for w in ents.lexicon.role_titles.get(head, ())
        )
        ents.may_hold[head] = known
    return known


def role_holders(ents: Entities, head: str, among: dict[int, float]) -> list[int]:
    """Named entities among the recent candidates whose titles contain ``head`` or a
    title it stands for (looking only at recent ones keeps this linear in the text)."""
    wanted = {head, *ents.lexicon.role_titles.get(head, ())}
    holders = []
    for c in (ents.clusters[k] for k in among):
        if not c.named:
            continue
        if any(w in c.titles_lower for w in wanted):
            holders.append(c.index)
    return holders
