"""Pronouns -> entities: "he", "she", "it" and "they" go to the most salient entity they
agree with, with three readings a reporter's sentences make certain before salience is
asked: the one who reports right before a "he" or "she" is its subject ("Wood admitted he
was worried"); a "he" or "she" inside an opening participle's clause is the subject named
after its comma ("Asked whether she would move, Maria Furtado shook her head"); and the
"he said" of a quote is the person a sentence just brought in ("One supporter summed up
the mood. '...,' he said"). "I" and "we" are the speaker's own words and are not resolved
here."""

from __future__ import annotations

import regex

from ..mention_words import object_pronoun_after
from .agreement import compatible
from .openers import OPENERS
from .reporters import narrative_end
from .salience import Salience, best_of

_NEWCOMER_OPENINGS = ("a ", "an ", "another ", "one ")
"""How a phrase that brings a new, unnamed person into the story opens (lower-cased)."""
_CLOSING_MARKS = "\"'”’»"
"""The closing quotation marks a quote's "he said" follows."""


def resolve_pronoun(sal: Salience, i: int) -> int | None:
    """The entity pronoun ``i`` refers to, None when nothing agrees with it."""
    m = sal.ents.index.mentions[i]
    if m.head in ("i", "we"):
        return None
    scores = sal.candidates(i)
    if not scores:
        return None
    if m.head in ("he", "she") and i:
        reporter = _reporter_before(sal, i)
        if reporter is not None and reporter in scores:
            return reporter
        subject = _subject_after_participle(sal, i)
        if subject is None:
            subject = _relative_clause_owner(sal, i)
        if subject is not None:
            return subject
        newcomer = _newcomer_before(sal, i)
        if newcomer is None:
            newcomer = _asked_before(sal, i)
        if newcomer is not None and newcomer in scores:
            return newcomer
    return best_of(scores)


def _reporter_before(sal: Salience, i: int) -> int | None:
    """The entity of the mention right before pronoun ``i`` when only a speech verb (and
    "that") stands between them: "Wood admitted he was worried", "Ms Lee said that she
    would stay". The one who speaks is, nearly always, the subject of what they report."""
    ents = sal.ents
    mentions, text = ents.index.mentions, ents.text
    before, m = mentions[i - 1], mentions[i]
    gap = text[before.span.end : m.span.start]
    if not (2 < len(gap) < 24 and gap[0] == " " and gap[-1] == " "):
        return None
    words = gap.split()
    if len(words) == 2 and words[1] == "that":
        words = words[:1]
    if len(words) != 1 or words[0] not in ents.lexicon.speech_verbs or words[0].endswith("ing"):
        return None
    return ents.of[i - 1] if ents.resolved[i - 1] else None


def _relative_clause_owner(sal: Salience, i: int) -> int | None:
    """The person whose "who" clause holds pronoun ``i`` and nobody else: "One Ashcombe
    midwife, who spoke on condition that she was not identified, said ...", "Okafor, who
    said he would stand down". None when another mention comes between."""
    ents = sal.ents
    mentions, text = ents.index.mentions, ents.text
    owner, m = mentions[i - 1], mentions[i]
    if _WHO_CLAUSE.fullmatch(text, owner.span.end, m.span.start) is None or not (
            ents.resolved[i - 1]) or owner.label != "PERSON" or owner.kind == "pronoun":
        return None
    c = ents.of[i - 1]
    return c if c is not None and compatible(m, ents.clusters[c]) else None


_WHO_CLAUSE = regex.compile(r", who [^,.;:!?\"“”\n]{0,80} ")
"""From a person's mention to a pronoun inside the "who" clause after it."""


def _subject_after_participle(sal: Salience, i: int) -> int | None:
    """The named person after the comma of an opening participle's clause that holds
    pronoun ``i``: "Asked whether she would consider moving, Mrs Furtado shook her head",
    "Pressed on whether he would resign, Okafor said ...". The participle's doer is the
    main clause's subject, and a "he" or "she" inside its clause is that person (the
    reading a reporter intends; "he" of an opening "When he ..." may still be someone
    earlier, so only a participle decides). None when no such name agrees."""
    ents = sal.ents
    mentions, text = ents.index.mentions, ents.text
    m = mentions[i]
    if i + 1 >= len(mentions):
        return None
    s = sal.sentence_of(m.span.start)
    if not sal.opens_with_participle(s):
        return None
    comma = sal.intro_end(s)
    if comma < m.span.end:
        return None
    nxt = mentions[i + 1]
    subject_start = nxt.title_start if nxt.title_start >= 0 else nxt.span.start
    if nxt.kind != "name" or text[comma:subject_start] != ", " or not ents.resolved[i + 1]:
        return None
    c = ents.of[i + 1]
    if c is None:
        return None
    cluster = ents.clusters[c]
    return c if cluster.type == "person" and compatible(m, cluster) else None


def _newcomer_before(sal: Salience, i: int) -> int | None:
    """The unnamed person a sentence opening the story's last turn brought in, for the
    "he" or "she" after a quote that follows it in the same paragraph: "One supporter in a
    replica shirt summed up the mood. '...,' he said." The reporter brings a new person in
    to quote them; an unnamed person is otherwise a weak antecedent (a named one wins on
    salience alone), so this is decided before salience. Only when the newcomer is the
    only one mentioned between that sentence's start and the quote (not "A police
    officer stopped him. '...,' he said", whose "him" may be the one who speaks)."""
    ents = sal.ents
    mentions, text = ents.index.mentions, ents.text
    m = mentions[i]
    if not _after_quote(text, m.span.start):
        return None  # not the "he said" of a quote
    pos = sal.outside_position(i)
    if not pos:
        return None
    j = sal.outside[pos - 1]
    newcomer = mentions[j]
    if newcomer.kind != "nominal" or newcomer.label != "PERSON" or not text[
        newcomer.span.start : newcomer.span.start + 8
    ].lower().startswith(_NEWCOMER_OPENINGS):
        return None
    s = sal.sentence_of(newcomer.span.start)
    start = sal.sentence_starts[s] if s >= 0 else 0
    if text[start : newcomer.span.start].strip(OPENERS + " "):
        return None  # the newcomer opens its sentence: its subject
    if not 0 <= sal.paragraph_start_of(m.span.start) <= newcomer.span.start:
        return None
    if sal.sentence_of(m.span.start) - s > 1:
        return None
    if object_pronoun_after(text, newcomer.span.end, narrative_end(
            sal.quote_starts, newcomer.span.end, m.span.start), m.gender):
        return None  # "A police officer stopped him.": he may be the one who speaks
    c = ents.of[j] if ents.resolved[j] else None
    if c is None:
        return None
    cluster = ents.clusters[c]
    return c if not cluster.named and compatible(m, cluster) else None


def _asked_before(sal: Salience, i: int) -> int | None:
    """The person the sentence right before a quote asked, for the quote's "he replied":
    "I asked Dr Orme whether there was any hope for hosta lovers. '...,' he replied." The
    one asked answers, whoever the question names; only in the last sentence before the
    quote, in its paragraph, and not for a quote that is itself a question."""
    ents = sal.ents
    mentions, text = ents.index.mentions, ents.text
    m = mentions[i]
    before = _after_quote(text, m.span.start)
    pos = sal.outside_position(i)
    if not before or not pos or before.endswith(_QUESTION_ENDS):
        return None  # "'Will you resign?' he said": the one who asked
    last = sal.sentence_of(sal.ents.index.starts[sal.outside[pos - 1]])
    for k in range(pos - 1, max(-1, pos - 7), -1):  # in the sentence before the quote
        j = sal.outside[k]
        asked = mentions[j]
        start = asked.title_start if asked.title_start >= 0 else asked.span.start
        if sal.sentence_of(start) != last:
            return None
        if asked.kind == "name" and text.endswith(_ASKING, max(0, start - 20), start):
            break  # "I asked Professor Alan Mabey ... what Mr Brewster was doing wrong"
    else:
        return None
    if not 0 <= sal.paragraph_start_of(m.span.start) <= start or (
            sal.sentence_of(m.span.start) - sal.sentence_of(start) > 1):
        return None
    c = ents.of[j] if ents.resolved[j] else None
    return c if c is not None and compatible(m, ents.clusters[c]) else None


_ASKING = ("I asked ", "We asked ", "we asked ", "I put it to ", "We put it to ",
           "reporter asked ", "reporters asked ", "journalists asked ", "presenter asked ",
           "interviewer asked ")
"""Who asks, right before the one asked: the writer ("I asked Dr Orme whether ...") or a
reporter, never the one to be quoted next ("Magistrate Carrodus asked Ms Raghavan whether
... '...,' she said": the magistrate goes on)."""
_QUESTION_ENDS = tuple("?" + mark for mark in _CLOSING_MARKS)


def _after_quote(text: str, start: int) -> str:
    """The few characters before a pronoun at ``start`` that follows a quote's closing mark
    (the "he said" of ``'...,' he said``), without the comma and spaces; "" otherwise."""
    before = text[max(0, start - 5) : start].rstrip(" ,")
    return before if before and before[-1] in _CLOSING_MARKS else ""


__all__ = ["resolve_pronoun"]
