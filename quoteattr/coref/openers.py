"""How a sentence opens: its first word, and whether that word is a participle opening an
introductory phrase ("Asked whether she would move, Mrs Furtado shook her head"), whose
names are not the sentence's subject. Salience and the pronoun readings ask this."""

from __future__ import annotations

from bisect import bisect_left

from ..mentions import MentionIndex

OPENERS = "\"'“‘«(["
"""What may open a sentence before its first word."""


def first_word(text: str, start: int) -> str:
    """The first word of the sentence starting at ``start``, without the marks that may
    open it ("" when none ends within 30 characters)."""
    stop = text.find(" ", start, start + 30)
    return text[start:stop].strip(OPENERS) if stop > 0 else ""


def opening_participle(text: str, index: MentionIndex, start: int, first: str) -> bool:
    """Whether ``first``, the first word of the sentence at ``start``, is a participle
    opening it ("Asked", "Speaking"; not "Khaled" of "Khaled Mahmoud, a spokesman, said",
    a name)."""
    if not (first.endswith(("ed", "ing")) and len(first) > 4 and first[:1].isupper()):
        return False
    position = text.find(first, start, start + 30)
    k = bisect_left(index.starts, position)
    return not (k < len(index.starts) and index.starts[k] == position
                and index.mentions[k].kind == "name")
