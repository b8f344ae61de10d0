"""Whether a pronoun or role noun can refer to an entity, and how well it agrees.

Salience asks this for every candidate entity of every pronoun, so the tests sit below
it, apart from the resolvers that read salience.
"""

from __future__ import annotations

from ..mentions import Mention
from .clusters import Cluster

_GENDER_MATCH = 1.5
_UNKNOWN_SINGLE_NAME = 0.6
_UNNAMED_PERSON = 0.5


def agreement(m: Mention, c: Cluster) -> float:
    """How well ``m`` agrees with ``c``: 0.0 when it cannot refer to it; for a pronoun
    the graded weights of :func:`pronoun_agreement`, else 1.0."""
    if m.kind == "pronoun":
        return pronoun_agreement(m.head, m.gender, c)
    # The "he"/"she" grades live in pronoun_agreement: a name or role noun never has
    # those heads, so only compatibility is left to test here.
    return 1.0 if compatible(m, c) else 0.0


def compatible(m: Mention, c: Cluster) -> bool:
    """Whether ``m`` may refer to ``c`` at all (type and gender)."""
    if m.kind == "pronoun":
        if m.head in ("he", "she"):
            if c.type not in ("person", "unknown") or (
                c.place_cue or c.thing_cue
            ) and not c.person_cue:
                return False
            return c.gender == "-" or c.gender == m.gender
        if m.head == "they":
            return c.type != "person" or "GROUP" in c.labels
        if m.head == "it":
            return c.type in ("organization", "group", "unknown") and c.gender == "-"
        return False
    if m.label == "PERSON":
        if c.type not in ("person", "unknown"):
            return False
        return m.gender == "-" or c.gender in ("-", m.gender)
    if m.label == "ORG":
        return c.type in ("organization", "unknown")
    return c.type in ("group", "organization")


def nominal_agreement(label: str, gender: str, c: Cluster) -> float:
    """:func:`agreement` for a name or role noun of ``label`` and ``gender``: salience
    calls it through a ``partial`` per candidate entity, one Python call instead of two."""
    if label == "PERSON":
        if c.type != "person" and c.type != "unknown":
            return 0.0
        return 1.0 if gender == "-" or c.gender == "-" or c.gender == gender else 0.0
    if label == "ORG":
        return 1.0 if c.type == "organization" or c.type == "unknown" else 0.0
    return 1.0 if c.type == "group" or c.type == "organization" else 0.0


def pronoun_agreement(head: str, gender: str, c: Cluster) -> float:
    """:func:`agreement` for a pronoun, its tests and :func:`compatible`'s merged into one
    pass (salience asks it for every candidate entity of every pronoun)."""
    if head == "he" or head == "she":
        kind = c.type
        if kind != "person" and kind != "unknown":
            return 0.0
        if c.gender != "-" and c.gender != gender:
            return 0.3 if c.gender_from_name else 0.0  # "Ola": a man in Norway, a woman in Poland
        if kind == "unknown" and not c.person_cue:
            if c.place_cue or c.thing_cue:
                return 0.0  # "toured Elmwood Park. 'We'll fix it,' he said": not the park
            return 0.3 if len(c.name.split()) > 1 else _UNKNOWN_SINGLE_NAME
        match = _GENDER_MATCH if c.gender == gender else 1.0
        # "a volunteer", "her father": a person the text never names is the weaker antecedent
        return match if c.named else match * _UNNAMED_PERSON
    if head == "they":
        return 1.0 if c.type != "person" or "GROUP" in c.labels else 0.0
    if head == "it":
        return 1.0 if c.type in ("organization", "group", "unknown") and c.gender == "-" else 0.0
    return 0.0
