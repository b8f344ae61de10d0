"""What may stand between a speaker and the speech cue after it: ``Kerry said``, ``Jim Carr,
a farmer near Moncton, said``, ``Ms Lund, speaking to reporters in Boise, has also said``.

The pattern is the rules' most called; short gaps (the same few spaces, commas and adverbs)
are remembered, and long ones that cannot fit are told apart by str tests first.
"""

from __future__ import annotations

import regex

from ..lexicon import word_list

_GAP_WORDS = "|".join(word.replace(" ", r"\s+") for word in word_list("cue_gap_words"))
"""Has, also, went on to: ``data/cue_gap_words.tsv`` (whole words; a space is any whitespace)."""
_GAP_TO_CUE = regex.compile(
    r"""\A
    (?:\s*\([^()\n]{1,40}\),?)?                                # (D-S.C.)
    (?:\s+of\s+\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,2})?    # of Fresno
    (?:\s*,\s*\d{1,3}\s*,(?:[^,;:!?"“”\n]{1,200},(?:[^,;:!?"“”\n]{1,120},){0,2})?  # , 82,
                                      # (, 41, of Dayton, Ohio, who was surveyed,)
     |\s*,[^,;:!?"“”\n]{1,200},(?:[^,;:!?"“”\n]{1,120},)?)?      # , a spokesman for X,
    (?:\s+(?:(?:speaking|talking|writing)\s+(?:to|with|on|in)|close\s+to|familiar\s+with)
       \s+[^,;:!?"“”\n]{1,60}?)?                                # speaking to Reuters
    (?:\s+(?:on|last|late|early|this)\s+\p{Lu}\p{Ll}+day)?              # on Monday (said)
    \s+(?:\p{Ll}+(?:\s+\p{Ll}+){0,3}\s+(?:and|but)\s+)?         # laughed and / but (said)
    (?:(?:"""
    + _GAP_WORDS
    + r"""|\p{Ll}+ly)\s+){0,3}                          # has also, later (said)
    (?:(?:was|is|were|are|has\s+been|had\s+been)\s+quoted\s+(?:\p{Ll}+\s+)?as\s+)?  # quoted as
    \Z""",
    regex.VERBOSE,
)

_SHORT_GAP = 24
"""Gaps up to this long are remembered (:func:`gap_to_cue`)."""
_SHORT_GAPS: dict[str, bool] = {}
"""Short gaps already tested: the same few (" ", ", ", " also ", " has ") stand between
most speakers and their cues, and the pattern's many repeats cost some ten thousand
instructions to set up per match, whatever the gap."""
_SHORT_GAPS_KEPT = 4096


_GAP_LAST_WORDS = frozenset(w.split()[-1] for w in word_list("cue_gap_words")) | {
    "as", "and", "but"}
"""The words a gap may end with (past its last white space) beside the cases
:func:`_may_reach_cue` tests by their form."""
_FREE_PHRASE_WORDS = ("speaking", "talking", "writing", "close", "familiar")
"""The words that open the one part of :data:`_GAP_TO_CUE` that may end with any word
("speaking to reporters in Boise")."""


def _may_reach_cue(gap: str) -> bool:
    """False when :data:`_GAP_TO_CUE` cannot match ``gap``, told by str tests alone: each
    of its parts opens with white space, a bracket or a comma, and it ends with white
    space after a word of a known form (a capitalised name, a comma or bracket, "-ly",
    "-day", a gap word). Most long gaps are a stretch of a sentence ("'s lawyers relied
    on ..."), for which the pattern costs some ten thousand instructions to say no."""
    first = gap[:1]
    if not (first.isspace() or first in "(,") or not gap[-1:].isspace():
        return False
    words = gap.rsplit(None, 1)
    if not words:
        return True  # white space alone: the pattern decides
    last = words[-1]
    return (last[-1] in ",)" or last[0].isupper() or last.endswith(("ly", "day"))
            or last in _GAP_LAST_WORDS or any(w in gap for w in _FREE_PHRASE_WORDS))


def gap_to_cue(gap: str) -> bool:
    """Whether ``gap`` may stand between a subject and its speech cue (:data:`_GAP_TO_CUE`),
    remembered for short gaps (the answer reads the gap alone)."""
    if len(gap) > _SHORT_GAP:
        return _may_reach_cue(gap) and _GAP_TO_CUE.match(gap) is not None
    known = _SHORT_GAPS.get(gap)
    if known is None:
        known = _GAP_TO_CUE.match(gap) is not None
        if len(_SHORT_GAPS) < _SHORT_GAPS_KEPT:
            _SHORT_GAPS[gap] = known
    return known
