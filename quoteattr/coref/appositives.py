"""Appositives -> entities: a role noun beside a name joins the name's entity.

"Olu Adeyemi, the transport director," and "the transport director, Olu Adeyemi," make
the role noun one of the name's titles; so do "Fathimath Nuha, 20, a trainee nurse at the
atoll hospital in Naifaru," (an age and a place between), "Her neighbour, fisherman Ramon
Bautista," (a role noun leading the name) and "A shopkeeper in Samanabad, Muhammad Tariq,"
(a place no mention stands for). Runs after the names are clustered (:mod:`.names`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress, count, islice
from operator import attrgetter

from ..mentions import Mention
from ..mentions.types import full_start
from .clusters import Entities
from .named import link_named_persons
from .titles import (
    bare_roles_as_titles,
    link_office_initials,
    link_title_initials,
    title_before_name,
)

_COMMA_SPACE = re.compile(", ")
_SPAN_END = attrgetter("span.end")
_DESCRIPTOR = re.compile(r"(?:[^\W\d_A-Z][\w'’-]* ){0,2}([^\W\d_A-Z][\w'’-]*) ")
"""One to three lower-case words before a name in an appositive ("fisherman ", "retired
teacher "); the last must be a role noun (:func:`_descriptor`)."""


_ABBREVIATION = re.compile(r"[A-Z]{2,4} ")
_AGE = re.compile(r"\d{1,3}-year-old ")
"""An age before a name in an appositive: "one of the victims, 68-year-old Sharda Kulkarni,"."""


def _descriptor(ents: Entities, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a bare role-noun phrase leading a name ("fisherman",
    "retired teacher"), an abbreviation before the name's own title ("IT" of "IT manager
    Suresh Pillai"), or an age ("68-year-old ", "68-year-old retired teacher "), not
    "prompted by" or "and"."""
    age = _AGE.match(ents.text, start, end)
    if age is not None:
        if age.end() == end:
            return True  # "One of the victims, 68-year-old Sharda Kulkarni,"
        start = age.end()
    if _ABBREVIATION.fullmatch(ents.text, start, end):
        return True  # "Her neighbour, IT manager Suresh Pillai,": the title is the name's
    match = _DESCRIPTOR.fullmatch(ents.text, start, end)
    if match is None:
        return False
    role = ents.lexicon.role_nouns.get(match.group(1))
    return role is not None and role.type == "person"


def link_appositives(ents: Entities) -> None:
    """"Olu Adeyemi, the transport director," and "the transport director, Olu Adeyemi,":
    the role noun joins the name's entity and becomes one of its titles."""
    mentions, text = ents.index.mentions, ents.text
    # Few mentions are followed by ", ": one C scan finds where the text has one, and a
    # set test per mention replaces a startswith call per mention.
    commas = {match.start() for match in _COMMA_SPACE.finditer(text)}
    # the indices of the mentions (but the last) that end on one, picked in C: a Python
    # test per mention was the costliest line of coreference; islice, not a slice: a long
    # text's packed mentions would all be made at once
    last = max(0, len(mentions) - 1)
    ends_on_comma = map(commas.__contains__, map(_SPAN_END, islice(mentions, last)))
    for i in compress(count(), ends_on_comma):
        a, b = mentions[i], mentions[i + 1]
        if a.kind == "nominal" and b.span.start == a.span.end + 2 and _abbreviation_before(
            text, b, mentions, i + 2
        ):  # "Her colleague, HR manager Tafadzwa Moyo-Banda,"
            c = ents.of[i + 2]
            if a.label == "PERSON" and c is not None and not ents.resolved[i]:
                role_joins(ents, c, i)
            continue
        if full_start(b) != a.span.end + 2 and not (
            a.kind == "nominal" and b.kind == "name" and _descriptor(
                ents, a.span.end + 2, full_start(b))
        ) and not (a.kind == "name" and b.kind == "nominal" and _AGE_BETWEEN.fullmatch(
                text, a.span.end, b.span.start) is not None):
            # "Her neighbour, fisherman Ramon Bautista,": a role noun may lead the name;
            # "Fathimath Nuha, 20, a trainee nurse": an age may stand between
            continue
        if text[b.span.end : b.span.end + 1] not in _APPOSITIVE_ENDS and not (
            a.kind == "name" and b.kind == "nominal" and (
                _role_at_place_ends(text, b.span.end)
                or text.startswith(_ROLE_RELATIVES, b.span.end)
            )
        ):  # "reached Warschauer Strasse, the crowd took up": not an appositive; "Demerara
            # Offshore Partners, the consortium that operates ...," is one
            continue
        if a.kind == "name" and b.kind == "nominal":
            name, role = i, i + 1
        elif a.kind == "nominal" and b.kind == "name":
            name, role = i + 1, _holder_of(ents, i)
        elif a.kind == "name" and b.kind == "name":
            role = _holder_of(ents, i)  # "A shopkeeper in Samanabad, Muhammad Tariq,"
            if role == i:
                title_before_name(ents, i)
                continue
            name = i + 1
        else:
            continue
        c = ents.of[name]
        if c is not None and not ents.resolved[role]:
            role_joins(ents, c, role)
    _link_across_places(ents, commas)
    link_named_persons(ents)
    bare_roles_as_titles(ents)
    link_office_initials(ents)
    link_title_initials(ents)



_HOLDER_JOINT = re.compile(r" (?:of|for|at|in|on|from)(?: the)? ")
"""Between a person's role noun and the body or place it is of: " of the " in "The chairman
of the Cocoa Farmers Association"."""
_ROLE_AT_PLACE = re.compile(
    r"(?:" + _HOLDER_JOINT.pattern
    + r"(?:[A-Z][\w'’.-]*(?:(?: | of | de | and )[A-Z][\w'’.-]*){0,3}"
    r"|[a-z][\w'’-]*(?: [a-z][\w'’-]*)?)){1,2}")
"""Between a person's role noun and a comma before a name, a place or body that is no
mention (no name a speaker can have, nor a person's role noun): " in Samanabad" in "A
shopkeeper in Samanabad, Muhammad Tariq,", " at the plant" in "The works council chief at
the plant, Jürgen Hallmann,", " at the atoll hospital in Naifaru" (two at most)."""


_AGE_BETWEEN = re.compile(r", \d{1,3}, ")
"""An age between a name and its appositive."""
_RELATIVE_BEFORE_NAME = re.compile(r" (?:that|which|who) [a-z]+(?: [a-z]+){0,3}")
"""A short relative clause of lower-case words between a role noun and the comma before
the name it is in apposition with: " that serves the island" in "A small airline that
serves the island, Island Hop Air,"."""
_APPOSITIVE_ENDS = (",", ".", ";", ")", "")
"""What may follow an appositive (the text's end included)."""
_ROLE_AT_PLACE_ENDS = re.compile(_ROLE_AT_PLACE.pattern + r"(?=[,.;)]|\Z)")
""":data:`_ROLE_AT_PLACE`, then an appositive's end (" at the clinic in Tromsø,": the
words after a joint are the place's only as far as the next joint)."""
_ROLE_RELATIVES = (" that ", " which ", " who ", " whose ", " behind ", " based ",
                   " founded ", " owned ", " run by ", " set up ")
"""A relative clause, or its short form, that goes on with an appositive's role noun ("the
consortium that operates all three oilfields", "a cooperative based in Lautoka", "the firm
behind the project")."""


def _role_at_place_ends(text: str, at: int) -> bool:
    """Whether a role's place or body, then an appositive's end, follows ``at``: " at
    Simba Ridge Securities," in "Wanjiku Mutua, a senior economist at Simba Ridge
    Securities, said"."""
    return _ROLE_AT_PLACE_ENDS.match(text, at) is not None


def _link_across_places(ents: Entities, commas: set[int]) -> None:
    """"A shopkeeper in Samanabad, Muhammad Tariq,", where the place between the role noun
    and the name is no mention (a tagger's place), and "A small airline that serves the
    island, Island Hop Air,", where a short relative clause is: the role noun joins the
    name's entity, as :func:`link_appositives` joins it when the place is a mention."""
    mentions, text = ents.index.mentions, ents.text
    after_comma = {c + 2 for c in commas}
    # the mentions that start right after ", ", picked in C (see link_appositives)
    for k in compress(count(), map(after_comma.__contains__, ents.index.starts)):
        b = mentions[k]
        if not k or b.kind != "name" or text[b.span.end : b.span.end + 1] not in (
                _APPOSITIVE_ENDS):
            continue
        role = _role_across(ents, k)
        c = ents.of[k]
        if role >= 0 and c is not None:
            role_joins(ents, c, role)


def _role_across(ents: Entities, k: int) -> int:
    """The role noun mention that name ``k`` (after a comma) is in apposition with across
    a place that is no mention ("A shopkeeper in Samanabad,") or a short relative clause,
    whatever mention it holds ("A charity that runs the food bank,"); -1 for none."""
    mentions, text = ents.index.mentions, ents.text
    at = mentions[k].span.start - 2
    a = mentions[k - 1]
    if a.kind == "nominal" and a.label == "PERSON" and not ents.resolved[k - 1] and (
            mentions[k].label in ("PERSON", "UNKNOWN")) and _ROLE_AT_PLACE.fullmatch(
            text, a.span.end, at):
        return k - 1
    for j in range(k - 1, max(-1, k - 3), -1):
        a = mentions[j]
        if a.kind == "nominal" and a.label != "GROUP" and not ents.resolved[j] and (
                _RELATIVE_BEFORE_NAME.fullmatch(text, a.span.end, at)):
            return j
    return -1


def role_joins(ents: Entities, c: int, role: int) -> None:
    """The role noun mention ``role`` joins entity ``c`` and becomes one of its titles; a
    body's role noun opening a clause ("A regional bus operator, Transports Kiefer,") says
    that a name of no known kind is a body's (not an object's: "who started its first
    homework club, Hyacinth Bromfield, said")."""
    mention = ents.index.mentions[role]
    ents.add(c, role)
    if mention.label == "ORG" and ents.clusters[c].type == "unknown" and (
            ents.text[max(0, mention.span.start - 3) : mention.span.start].rstrip(" \t\"“‘'")[-1:]
            in _CLAUSE_ENDS):
        ents.clusters[c].add_label("ORG")
    ents.clusters[c].add_title(ents.text[mention.span.start : mention.span.end])
    ents.titles_changed()


_CLAUSE_ENDS = ("", ".", "!", "?", "\n", ",", ";", ":")
"""What may stand before a role noun that opens a clause (spaces and an opening quotation
mark aside): nothing at all (the text's start), a sentence's end, a line break, a comma."""


def _abbreviation_before(text: str, b: Mention, mentions: Sequence[Mention], k: int) -> bool:
    """Whether name ``b`` is an abbreviation that only modifies the titled name after it
    ("HR" of "HR manager Tafadzwa Moyo-Banda"); the role noun then joins that name, as
    "IT manager" joins (:func:`_descriptor`)."""
    if b.kind != "name" or not _ABBREVIATION.fullmatch(text, b.span.start, b.span.end + 1):
        return False
    if k >= len(mentions) or mentions[k].kind != "name" or not mentions[k].title or (
        full_start(mentions[k]) != b.span.end + 1
    ):
        return False
    return text[mentions[k].span.end : mentions[k].span.end + 1] in _APPOSITIVE_ENDS


def _holder_of(ents: Entities, i: int) -> int:
    """The mention an appositive name completes when mention ``i`` (no person) is the body or
    place a person's role noun is of: "the chairman of the local government, Hon. Gbolahan
    Adeyinka," names the chairman, not the local government, "A shopkeeper in Samanabad,
    Muhammad Tariq," the shopkeeper; else ``i`` itself."""
    mentions = ents.index.mentions
    a = mentions[i]
    if a.label == "PERSON" or i == 0:
        return i
    p = mentions[i - 1]
    if p.kind == "nominal" and p.label == "PERSON" and _HOLDER_JOINT.fullmatch(
        ents.text, p.span.end, full_start(a)
    ):
        return i - 1
    return i
