"""Organisations and groups: "the ministry" -> the ministry the text named, and an entity
for a speaker phrase that names no known one ("voices across Europe")."""

from __future__ import annotations

import re
from collections.abc import Sequence

import regex

from ..annotators.name_words import STORM_WORDS
from ..spans import one_line
from .clusters import Cluster, Entities

AGE_PHRASE = re.compile(
    r"the (\d{1,3})-year-old(?: (?:from|of|in) [A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})?",
    re.IGNORECASE)
"""A description by age alone, maybe with the place the person is from: "the 42-year-old",
"the 24-year-old from Lautoka"."""


def named_organisation(ents: Entities, head: str, scores: dict[int, float],
                       modifiers: Sequence[str] = ()) -> int | None:
    """"the ministry" -> "the Interior Ministry"; "the group" -> the body the text called a
    group ("Environmental group X"); "the company" -> the most salient company among the
    candidates ``scores``. ``modifiers``: the lower-case words between "the" and the head;
    one that is a word of a name in the text says whose body it is ("the regatta
    committee" after "the Calder Reach Regatta"), and then only a body whose name holds it
    or the head is meant (not "Kelderby Rowing Club")."""
    orgs = [c for c in (ents.clusters[k] for k in scores) if c.type == "organization"
            and (c.named or c.nominal.lower().endswith(head))]
    owners = _owner_words(ents, modifiers) if modifiers and orgs else ()
    if owners:
        orgs = [c for c in orgs if not (words := c.name.lower().split()) or head in words
                or any(w in words for w in owners)]
        if not orgs:
            return _named_for_head(ents, head)
    if orgs and head in ents.lexicon.post_nouns:  # "the caption": not Instagram's words
        orgs = [c for c in orgs if c.name.lower() not in ents.lexicon.platforms]
    if not orgs:  # a document ("the letter says") is no body's name
        if head in ents.lexicon.document_nouns:
            return None
        found = _unknown_organisation(ents, scores)
        # "the trust said" long after "Wealdmoor Hospitals NHS Foundation Trust": the one
        # body named so, out of salience's sight
        return found if found is not None else _named_for_head(ents, head)
    by_head = [c for c in orgs if head in c.name.lower() or head in c.titles_lower]
    if not by_head:  # "the agency" far from "the Orbis Space Agency", an institute nearer
        named = _named_for_head(ents, head)
        if named is not None:
            return named
    pool = by_head or orgs
    return max(pool, key=lambda c: (scores.get(c.index, 0.0), -c.index)).index


def _owner_words(ents: Entities, modifiers: Sequence[str]) -> list[str]:
    """The ``modifiers`` that the text also writes capitalised after a capitalised word, as
    a word of a name of several words: "regatta" of "the Ashwater Regatta" (a tagger may
    call it a work or an event, or see no name at all)."""
    return [w for w in modifiers if _in_a_name(ents.text, " " + w.capitalize())]


def _in_a_name(text: str, word: str) -> bool:
    """Whether ``word`` (with its space before) stands whole after a capitalised word."""
    at = text.find(word)
    while at > 0:
        end = at + len(word)
        if not text[end : end + 1].isalpha() and _NAME_WORD_BEFORE.search(
                text, max(0, at - 40), at) is not None:
            return True
        at = text.find(word, end)
    return False


_NAME_WORD_BEFORE = regex.compile(r"(?r)(?<![\p{L}'’-])\p{Lu}[\p{L}'’-]*\Z")


def _named_for_head(ents: Entities, head: str) -> int | None:
    """The one body the text named with ``head`` as a word of its name ("Orbis Space
    Agency" for "the agency"), wherever it was named; None for none or several. The noun
    alone capitalised ("Council has exhausted ...", a headline's "Airline") is no name."""
    found = [c.index for c in ents.clusters if c.type == "organization" and c.named
             and head in (words := c.name.lower().split()) and len(words) > 1]
    return found[0] if len(found) == 1 else None


_UNKNOWN_ORG_MIN_SCORE = 2.5
"""A name of no known kind must be about as salient as a subject in the same sentence."""


def _unknown_organisation(ents: Entities, scores: dict[int, float]) -> int | None:
    """"Skyline Air cancelled 300 flights, the airline said": with no organisation among
    the candidates, a salient name of no known kind that reads as no person (two words or
    more, no given name first, no person or place cue) is the one "the airline" means."""
    found = [k for k, score in scores.items() if score >= _UNKNOWN_ORG_MIN_SCORE and (
        _reads_as_organisation(ents, ents.clusters[k]))]
    return max(found, key=lambda k: (scores[k], -k)) if found else None


def _reads_as_organisation(ents: Entities, c: Cluster) -> bool:
    words = c.name.split()
    if c.type != "unknown" or not c.named or len(words) < 2 or not STORM_WORDS.isdisjoint(
        w.lower() for w in words
    ):
        return False
    if not c.cues_read:
        ents.read_cues(c)
    return not (c.person_cue or c.place_cue or words[0].lower() in ents.lexicon.first_names)


def phrase_entity(ents: Entities, phrase: str, label: str) -> int:
    """An entity for a speaker phrase that names no known entity; a group when its first
    or last word is a group noun ("residents", "a crowd of protesters")."""
    phrase = one_line(phrase)  # one name whatever breaks a line inside it
    key = phrase.lower()
    if key.startswith("the ") and key in ents.unnamed_by_key:
        return ents.unnamed_by_key[key]
    c_new = ents.new_cluster()
    cluster = ents.clusters[c_new]
    ents.name_unnamed(c_new, phrase, key.split()[-1] if key.split() else "")
    head = key.split()[0] if key.split() else ""
    if head in ents.lexicon.group_nouns or key.split()[-1:] and key.split()[-1] in (
        ents.lexicon.group_nouns
    ):
        cluster.add_label("GROUP")
    else:
        cluster.add_label(label)
    return c_new


_AGE_APPOSITIVE = re.compile(r", (?:an?|the) \Z")
"""Between a name and its age in apposition: ", a " of "Aditya Raghunathan, a 17-year-old
grandmaster"."""


def person_of_age(ents: Entities, age: str, position: int) -> int | None:
    """The entity of the last name before ``position`` given the age ``age`` (digits, or a
    pattern of them): "Jonas Weber, 42," or "42-year-old Jonas Weber", also after a comma
    ("Her navigator, 19-year-old Jory Trethewey,") or in a verb's ("Kieran Lofthouse, is
    nineteen and ...")."""
    index, found = ents.index, None
    for match in re.finditer(rf",\s(?:{age})\b(?!-)|\b(?:{age})-year-old\s"
                             rf"|,?\s(?:is|was|aged)\s(?:{age})\b(?!-)", ents.text[:position]):
        if "-year-old" not in match.group():  # after the name: ", 42" or "(,) is nineteen"
            near = index.between(max(0, match.start() - 80), match.start())
            m = near[-1] if near and near[-1].span.end == match.start() else None
        else:
            after = index.between(match.end(), match.end() + 80)
            m = after[0] if after and after[0].full_span.start == match.end() else None
            article = _AGE_APPOSITIVE.search(ents.text, max(0, match.start() - 6), match.start())
            if m is None and article is not None:  # "Aditya Raghunathan, a 17-year-old
                near = index.between(max(0, article.start() - 80), article.start())
                m = near[-1] if near and near[-1].span.end == article.start() else None
        if m is not None and m.kind == "name":
            k = index.index_of(m)
            if k >= 0 and ents.resolved[k]:
                found = ents.of[k]
    return found
