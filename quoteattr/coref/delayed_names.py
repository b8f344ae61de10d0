"""A person described at length before the name: the description joins the named person.

"The engineer who led the design team, a 20-year veteran of Kestrel Semiconductor,
Rafael Lindqvist-Amado, said ..." and "Her neighbour, a retired minibus driver who gave
only his surname, Lau, said ...": the sentence opens with a role noun, goes on with what
the person is and did, and names them last, in apposition before the verb. The role noun
is the sentence's subject, so the name it holds back is who the next "he" or "she" means.
:func:`.names.link_appositives` joins a role noun and a name that stand side by side; this
joins them across the description.
"""

from __future__ import annotations

import re
from bisect import bisect_left

import regex

from ..mentions.types import full_start
from .appositives import role_joins
from .clusters import Entities

_DESCRIPTION_OPENS = (" who ", " whose ", ", ", " of ", " at ", " in ", " from ", " for ",
                      " with ", " on ")
"""What follows a role noun that goes on describing the person: a relative clause, an
appositive, the body or place the role is of."""
_NAME_ENDS = regex.compile(
    r"(?:[ ](?:of|at|from)[ ]\p{Lu}[\p{L}'’.&-]*(?:[ ]\p{Lu}[\p{L}'’.&-]*){0,3})?"
    r",[ ](\p{Ll}+)\b")
"""After the name: maybe the body it is of (" of Tzafon Capital"), then the appositive's
comma and the verb's first word ("said", "was")."""
_NOT_VERBS = frozenset({"who", "whose", "which", "and", "but", "or", "a", "an", "the", "his",
                        "her", "their", "its", "our", "my"})
"""Words after the name's comma that begin no verb of the sentence ("and" lists names;
"a" opens another appositive)."""
_COMMA = re.compile(", ")
_SENTENCE_BREAK = regex.compile(r"[.!?]['\"’”]?\s|[\n:;\"“”]")
_SENTENCE_END = regex.compile(r"[.!?]['\"’”]?\s+\Z")
"""A sentence's end right before a mention: the mention opens the next."""
_GENDERS = ("m", "f")
_LONGEST = 320
"""The most characters from the role noun to the name."""


def link_delayed_names(ents: Entities) -> None:
    """Join each sentence-opening role noun to the person named at the end of its
    description, before the verb (see the module doc)."""
    mentions, text = ents.index.mentions, ents.text
    starts = ents.index.starts
    # the name mentions right after ", ": a bisection per comma (a text has fewer commas
    # than mentions), the cheap tests before the pattern
    for comma in _COMMA.finditer(text):
        k = bisect_left(starts, comma.end())
        if not 0 < k < len(mentions):
            continue
        b = mentions[k]
        if b.kind != "name" or b.label not in ("PERSON", "UNKNOWN") or (
            full_start(b) != comma.end() or text[b.span.end : b.span.end + 1] not in ", "
        ):
            continue
        after = _NAME_ENDS.match(text, b.span.end, min(len(text), b.span.end + 80))
        if after is None or after[1] in _NOT_VERBS:
            continue
        role = _opening_role(ents, k)
        c = ents.of[k]
        if role is None or c is None:
            continue
        said, known = mentions[role].gender, ents.clusters[c].gender
        if said in _GENDERS and known in _GENDERS and said != known:
            continue  # "The Chairman, ..., Hon. Funke Olaniyan,": a word's gender, not hers
        role_joins(ents, c, role)


def _opening_role(ents: Entities, k: int) -> int | None:
    """The unresolved person role noun that opens the sentence of name ``k`` and whose
    description runs unbroken to the name's comma; None when there is none."""
    mentions, text = ents.index.mentions, ents.text
    name_start = full_start(mentions[k])
    for j in range(k - 1, -1, -1):
        a = mentions[j]
        if name_start - a.span.end > _LONGEST:
            return None
        if _SENTENCE_BREAK.search(text, a.span.end, name_start - 2) is not None:
            return None
        if a.kind == "name" and a.label == "PERSON" and text.startswith(", ", a.span.end):
            return None  # another person named in apposition first
        opens = full_start(a)
        if opens == 0 or _sentence_opens_at(text, opens):
            if a.kind != "nominal" or a.label != "PERSON" or ents.resolved[j] or not (
                text.startswith(_DESCRIPTION_OPENS, a.span.end)
            ):
                return None
            return j
    return None


def _sentence_opens_at(text: str, start: int) -> bool:
    """Whether a sentence or paragraph begins at ``start``."""
    before = text[max(0, start - 3) : start]
    return before.endswith("\n") or _SENTENCE_END.search(before) is not None


__all__ = ["link_delayed_names"]
