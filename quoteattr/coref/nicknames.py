"""The other names a person goes by, which copy then calls them by alone.

A nickname set in quotation marks inside a name: Mateus "Vulto" Ferraz, Lionel "Tiger"
Holder. Sport, esports and crime copy then call the person by the nickname alone ("Vulto
said"), so the given name, the nickname and the surname are one person, named without the
nickname ("Mateus Ferraz"). A name a person is known by, given after their own: "Fatima
al-Khatib, 61, known in her village as Umm Yousef," - a teknonym, a market name, a stage
name - and "Umm Yousef said" later is hers, named by her own name.
"""

from __future__ import annotations

from bisect import bisect_left

import regex

from ..naming_phrases import KNOWN_AS
from .appositives import role_joins
from .clusters import Entities

_NICKNAMED = regex.compile(r"(?<=\S) [\"“‘'](?:The )?([^\"”’'\s]++)[\"”’'] (?=\S)")
"""A word alone in quotation marks, maybe after "The", a space either side, between two
others: the nickname (group 1) of Mateus "Vulto" Ferraz or Callum "The Comet" Rowe, when
name mentions stand there. One scan of the text
finds the few there are, where a test of every mention cost a loop over all of them."""


def link_nicknames(ents: Entities) -> None:
    """Join each ``Given "Nickname" Surname`` (three name mentions, the middle one alone in
    quotation marks, one space apart) into the surname's entity, named "Given Surname"."""
    mentions, text, starts = ents.index.mentions, ents.text, ents.index.starts
    for found in _NICKNAMED.finditer(text, concurrent=False):
        start, end = found.span(1)
        k = bisect_left(starts, start)
        if not 0 < k < len(mentions) - 1 or starts[k] != start:
            continue
        nick, given, last = mentions[k], mentions[k - 1], mentions[k + 1]
        if nick.kind != "name" or nick.span.end != end or given.kind != "name" or (
                last.kind != "name" or given.span.end != found.start()
                or last.span.start != found.end()):
            continue
        c_given, c_nick, c_last = ents.of[k - 1], ents.of[k], ents.of[k + 1]
        if c_given is None or c_nick is None or c_last is None or len(
                {c_given, c_nick, c_last}) < 3 or " " in nick.head:
            continue
        target = c_last
        if ents.clusters[c_last].fullest_words > 1:
            # the surname alone had joined another full name ("Marlene Achterberg", his
            # wife): only this mention of it is his
            target = c_given
            ents.clusters[c_last].mentions.remove(k + 1)
            ents.move(k + 1, target)
        else:
            _join(ents, c_given, target)
        _join(ents, c_nick, target)
        cluster = ents.clusters[target]
        name = f"{given.head.split()[-1]} {last.head}"
        cluster.fullest, cluster.fullest_words, cluster.fullest_chars = (
            name, len(name.split()), len(name))
        cluster.add_label("PERSON")


def link_known_names(ents: Entities) -> None:
    """Join the name after ``X, known as`` (:data:`KNOWN_AS`) into the entity of the name
    ``X`` right before it, which stays the person's name; every other mention of the name
    they go by ("Umm Yousef said") is theirs then too. A description ``X`` ("A young porter,
    known to traders as Kayayo Abena,") joins the name's entity instead."""
    mentions, text, starts = ents.index.mentions, ents.text, ents.index.starts
    for found in KNOWN_AS.finditer(text, concurrent=False):
        k = bisect_left(starts, found.end())
        if not 0 < k < len(mentions) or starts[k] != found.end():
            continue
        j = bisect_left(starts, found.start()) - 1  # the mention before (not "traders")
        alias, own = mentions[k], mentions[j]
        if j < 0 or alias.kind != "name" or own.span.end != found.start():
            continue
        c_alias, c_own = ents.of[k], ents.of[j]
        if own.kind == "nominal" and own.label == "PERSON" and c_alias is not None and (
                not ents.resolved[j]):
            role_joins(ents, c_alias, j)  # "A young porter, known to traders as X,": X
            ents.clusters[c_alias].add_label("PERSON")
            continue
        if own.kind != "name":
            continue
        if c_alias is None or c_own is None or c_alias == c_own:
            continue
        cluster = ents.clusters[c_own]
        named = cluster.fullest, cluster.fullest_words, cluster.fullest_chars
        _join(ents, c_alias, c_own)
        cluster.fullest, cluster.fullest_words, cluster.fullest_chars = named
        cluster.add_label("PERSON")


def _join(ents: Entities, source: int, target: int) -> None:
    """Every mention of entity ``source`` joins entity ``target``."""
    moved = ents.clusters[source].mentions
    for k in list(moved):
        ents.move(k, target)
    del moved[:]


__all__ = ["link_known_names", "link_nicknames"]
