"""Candidate speaker mentions (names, pronouns, role nouns) and speech cues.

Mentions are found once over the whole text, because coreference and salience need all of
them in order; speech cues are found on demand inside the short windows around each quote,
where the rules look for them. ``types`` holds what a mention is, ``patterns`` the word
tables built once per lexicon, ``names`` the name mentions and their titles, ``finder`` the
pass that finds them all.
"""

from .finder import find_mentions, name_mentions
from .patterns import MentionPatterns, speech_cue_pattern
from .types import Mention, MentionIndex, MentionKind, MentionLabel

__all__ = [
    "Mention", "MentionIndex", "MentionKind", "MentionLabel", "MentionPatterns",
    "find_mentions", "name_mentions", "speech_cue_pattern",
]
