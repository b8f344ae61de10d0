"""The person a recording shows speaking: ``footage of Okafor saying, "..."``.

A participle cue after a comma usually continues its clause's subject ("Trump attacked
Clinton, saying"); after a recording ("The network aired a clip of Harlan Pryce, the
club chairman, saying"), the one recorded speaks, not whoever airs or shows it. The
recording nouns are ``data/media_nouns.tsv``.
"""

from __future__ import annotations

import regex

from ..lexicon import word_list
from ..spans import Span
from .base import RuleInput, SpeakerPhrase
from .inverted import speaker_after

_RECORDED = regex.compile(
    r"(?r)\b(?:" + "|".join(sorted(map(regex.escape, word_list("media_nouns")), key=len,
                                   reverse=True))
    + r")\s+of\s+(?P<who>[^.!?;:\"“”«»]{1,80}?),?\s+\Z",
    regex.IGNORECASE,
)
"""A recording noun, "of", and the one recorded, right before the participle."""


def recorded_speaker(inp: RuleInput, floor: int, participle: Span) -> SpeakerPhrase | None:
    """The person a recording noun shows, right before ``participle`` ("saying", "telling"):
    "video of the senator saying", "tape of the pilot, Capt. Joan Reyes, saying". None
    unless the phrase after "of" opens with a mention (not "footage of the rally") or is
    a bare name that no mention covers alone ("Footage of Okafor" taken as one
    capitalised run)."""
    text = inp.text
    if not text[participle.start : participle.end].endswith("ing"):
        return None
    match = _RECORDED.search(text, max(floor, participle.start - 120), participle.start)
    if match is None:
        return None
    start, end = match.span("who")
    speaker = speaker_after(inp, start, end)
    if speaker is not None and speaker[0] is not None:
        return speaker  # a mention (a tagger may call a person's name an ORG)
    who = text[start:end]
    if speaker is None and _NAME.fullmatch(who):  # "Footage of Okafor" read as one name
        return None, Span(start, end), who
    return None


_NAME = regex.compile(r"\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,3}")
"""A name of one to four capitalised words, with no mention of its own."""


__all__ = ["recorded_speaker"]
