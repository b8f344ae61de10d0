"""Who reports: the subjects salience makes the latest speaker, ahead of the last quote's.

A reporter's sentence before a quote says who speaks next in two ways: a subject with a
speech verb ("Wood admitted ...", "Another resident, Naseem Bibi, said ..."), and a
person brought in as the subject of the sentence right before a quote in its paragraph
("Tahlia Ngata did not hesitate. '...,' she said"). :class:`.salience.Salience` asks these
of the subjects it meets while scoring a pronoun's candidates."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from ..mention_words import object_pronoun_after, speech_verb_after, verb_after_subject
from ..mentions import Mention
from .clusters import Entities


def reports(ents: Entities, m: Mention, person: bool = False) -> bool:
    """Whether subject ``m`` is a person's name or description with a finite speech verb
    after it ("Wood admitted", "Mr. Schmidt said", "Another resident, Naseem Bibi, said",
    "A driver who sought anonymity said"): reported speech makes them the latest speaker,
    ahead of the speaker of the last quote. A participle ("Kasich claiming") does not, nor
    a verb followed by "to" ("Mr. Lynch agreed to participate"). A name of no known kind
    reports when its entity is a ``person`` by the words around it ("Sze Wing-kwan, a
    community organiser, said")."""
    if m.kind == "pronoun" or m.label != "PERSON" and not (person and m.label == "UNKNOWN"):
        return False
    text, end = ents.text, m.span.end
    verb = speech_verb_after(text, end, ents.lexicon)
    if verb is None:  # "Another resident, Naseem Bibi, said", "A driver who ... said"
        verb = verb_after_subject(text, end, ents.lexicon)
    # a participle is no report, nor a verb of saying used for agreeing to do something
    return verb is not None and not verb.group(1).endswith("ing") and not (
        text.startswith(" to ", verb.end())) and not (
        # "A reporter asked Sanders": Sanders answers ("A trader said Bangladesh ...": no)
        m.kind != "name" and text[verb.end() + 1 : verb.end() + 2].isupper() and (
            verb.group(1) in ents.lexicon.addressee_verbs
            or ents.lexicon.speech_verbs.get(verb.group(1)) == "ask"))


def brought_in(ents: Entities, quote_starts: Sequence[int], j: int, c: int,
               others: int | None, back: int, turn_start: int, m: Mention) -> bool:
    """Whether subject ``j`` (entity ``c``), ``back`` sentences before ``m`` and after
    ``turn_start`` (m's paragraph, or the one before when m's opens with its quote), is
    the person the reporter brings in to speak next: "Tahlia Ngata did not hesitate.
    '...,' she said". Not when ``others`` (the entity of the mentions after it that agree
    with ``m``) is someone else's, nor after "A police officer stopped him.", whose "him"
    may be the one who speaks."""
    subject = ents.index.mentions[j]
    start = subject.span.start
    owner = _OWNERS.get(m.head, "\0")
    if ents.text.startswith(owner, start):
        return False  # "Her partner is a fisherman ... '...,' she said": she is the "her"
    if back == 2:  # "X, 20, a nurse, lives in Y. Her shifts end at 8. '...,' she said"
        back = 1 if _owner_opens_next(ents.text, subject.span.end, m.span.start, owner) else 2
    return start >= turn_start and back <= 1 and (
        subject.label == "PERSON" or ents.clusters[c].person_cue) and (
        others is None or others == c) and not object_pronoun_after(
            ents.text, subject.span.end, narrative_end(quote_starts, start, m.span.start),
            m.gender)


def _owner_opens_next(text: str, end: int, before: int, owner: str) -> bool:
    """Whether the sentence after the one ending past ``end`` opens with ``owner`` ("Her
    shifts end at 8 p.m."): it goes on about the same person."""
    stop = text.find(". ", end, before)
    return stop >= 0 and text.startswith(owner, stop + 2)


_OWNERS = {"she": "Her ", "he": "His "}
"""The possessive that opens a subject owned by the one a pronoun may mean."""


def narrative_end(quote_starts: Sequence[int], start: int, end: int) -> int:
    """Where the narrative from ``start`` stops before ``end``: at the first quote that
    opens between them (``quote_starts`` sorted; a quote's own words are not the
    narrative's)."""
    k = bisect_right(quote_starts, start)
    return min(end, quote_starts[k]) if k < len(quote_starts) else end
