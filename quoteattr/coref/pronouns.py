"""Pronouns -> entities: "he", "she", "it" and "they" go to the most salient entity they
agree with, unless the one who reports right before a "he" or "she" is its subject ("Wood
admitted he was worried"); "I" and "we" are the speaker's own words and are not resolved
here."""

from __future__ import annotations

from .salience import Salience, best_of


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
