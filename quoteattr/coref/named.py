"""Descriptions that a naming phrase ties to a name: "a nurse named Joanne", "My friend,
a cleaner called Tendai,", "a resident who gave his name only as Abu Bakr".

Wire and local copy often introduce a source by a description and a name given in passing;
the description (and the appositive it completes) then belongs to the named person's
entity, so that "he" or "the nurse" later resolves to the name.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..mentions.types import full_start
from ..naming_phrases import DESCRIBING, IDENTIFYING, IDENTIFYING_ANCHORS
from .clusters import Entities

_NAMED_GAP = re.compile(r" |, (?:an?|the) (?:[^\W\d_A-Z][\w'’-]* ){1,3}")
"""Between a description and "named": nothing, or an appositive whose noun is no mention
(", a cleaner " in "My friend, a cleaner named Tendai")."""


def _identifications(text: str) -> list[int]:
    """Where the name after each identification phrase ("gave his name only as") starts,
    in text order. Each phrase holds one of :data:`.IDENTIFYING_ANCHORS`: ``str.find``
    finds those (few) words, and the pattern is tried only around them, not at every
    character of the text."""
    found: set[int] = set()
    for word in IDENTIFYING_ANCHORS:
        pos = text.find(word)
        while pos >= 0:
            match = IDENTIFYING.search(text, max(0, pos - 24), pos + 60)
            if match is not None:
                found.add(match.end())
            pos = text.find(word, pos + 1)
    return sorted(found)


def _link_identified(ents: Entities, at: int) -> None:
    """The person description before an identification phrase is the person the name at
    ``at`` names ("One survivor, a 19-year-old from Guinea who gave his name only as Ibrahim,"
    is Ibrahim), when only places or organisations lie between, in the same sentence."""
    mentions, text, starts = ents.index.mentions, ents.text, ents.index.starts
    k = bisect_left(starts, at)
    if k >= len(mentions) or starts[k] != at or mentions[k].kind != "name" or (
        mentions[k].label not in ("PERSON", "UNKNOWN")
    ):
        return
    c = ents.of[k]
    j = k - 1
    while j >= 0 and j >= k - 3 and mentions[j].kind != "pronoun" and (
        mentions[j].label != "PERSON"
    ):
        j -= 1  # "from Guinea", "in the northern city"
    if c is None or j < 0 or mentions[j].kind != "nominal" or mentions[j].label != "PERSON" or (
        ents.of[j] is not None or at - mentions[j].span.end > 120
        or _sentence_end_between(text, mentions[j].span.end, at)
    ):
        return
    ents.add(c, j)
    before = mentions[j - 1] if j else None  # "A taxi driver, a father of four who gave ..."
    if before is not None and before.kind == "nominal" and before.label == "PERSON" and (
        ents.of[j - 1] is None and before.span.end + 2 == mentions[j].span.start
        and text.startswith(", ", before.span.end)
    ):
        ents.add(c, j - 1)


def _sentence_end_between(text: str, start: int, end: int) -> bool:
    """Whether a sentence ends between ``start`` and ``end`` (". " before a capital)."""
    return _SENTENCE_END.search(text, start, end) is not None


_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+[^\W\d_a-z]")


def _namings(text: str) -> list[tuple[int, int]]:
    """Where each "named "/"called " starts as a word before a capital, and where that
    capital is, in text order. Found by ``str.find``, not a regex scan: ``re`` cannot skip
    ahead to a ``\\b`` and tries the pattern at every character (34 M instructions on 60
    news articles, where most have "named " or "called " somewhere)."""
    found: list[tuple[int, int]] = []
    for word in DESCRIBING:
        verb = text.find(word)
        while verb >= 0:
            at = verb + len(word)
            before = text[verb - 1] if verb else " "
            if not (before.isalnum() or before == "_") and "A" <= text[at : at + 1] <= "Z":
                found.append((verb, at))  # a word starts here (no re \w before), [A-Z] after
            verb = text.find(word, at)
    found.sort()
    return found


def _link_named(ents: Entities, verb: int, at: int) -> None:
    """"a nurse named Joanne", "My neighbour, a nurse named Joanne,", "My friend, a cleaner
    named Tendai,": the description (and the appositive it completes) is the person the name
    at ``at`` names; ``verb`` is where "named"/"called" starts."""
    mentions, text, starts = ents.index.mentions, ents.text, ents.index.starts
    k = bisect_left(starts, at)
    if k == 0 or k >= len(mentions) or mentions[k].kind != "name" or full_start(
        mentions[k]
    ) != at or mentions[k - 1].kind != "nominal" or ents.of[k - 1] is not None:
        return
    c = ents.of[k]
    gap = _NAMED_GAP.fullmatch(text, mentions[k - 1].span.end, verb)
    if c is None or gap is None:
        return
    ents.add(c, k - 1)
    if mentions[k - 1].label == "ORG":  # "a Facebook group called Nossa Terra": a body's
        ents.clusters[c].add_label("ORG")  # name, whatever the finder made of it
    before = k - 2  # "My neighbour, " before "a nurse named Joanne"
    if gap.group() == " " and before >= 0 and mentions[before].kind == "nominal" and (
        ents.of[before] is None and text.startswith(", ", mentions[before].span.end)
        and mentions[before].span.end + 2 == mentions[k - 1].span.start
    ):
        ents.add(c, before)


def link_named_persons(ents: Entities) -> None:
    """Every naming phrase of the text: "named"/"called" first, then "gave his name as"."""
    text = ents.text
    for verb, at in _namings(text):
        _link_named(ents, verb, at)
    for at in _identifications(text):
        _link_identified(ents, at)


__all__ = ["link_named_persons"]
