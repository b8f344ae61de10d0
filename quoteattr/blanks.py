"""Skipping the blanks at a position with str tests, before (or instead of) a regex call.

A ``regex`` call costs a few thousand instructions whatever it finds, and several rules
match a short lead pattern (blanks, a comma, a dash) at the window after every quote.
Most such windows open with a space and a word, which these tests settle alone; a text
that holds any other white space (a no-break space, a carriage return) is left to the
pattern, so the answer is always the pattern's own.
"""

from __future__ import annotations

ASCII_BLANKS = " \t\n"
"""The white space nearly every text uses: what ``\\s`` matches and these skip."""


def past(text: str, start: int, end: int, chars: str) -> int:
    """The first position in ``[start, end)`` whose character is not in ``chars`` (``end``
    when there is none)."""
    i = start
    while i < end and text[i] in chars:
        i += 1
    return i


def settles(text: str, i: int, end: int, triggers: str) -> bool:
    """Whether the character at ``i`` (none at ``end``) is neither white space nor one of
    ``triggers``: a lead pattern made of white space and ``triggers`` ends right before it,
    with no need to run the pattern."""
    if i >= end:
        return True
    c = text[i]
    return c not in triggers and not c.isspace()
