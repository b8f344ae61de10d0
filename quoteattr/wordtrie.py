"""Fast patterns for "any of these words": an alternation folded into a prefix tree.

A plain alternation of hundreds of words (or ``regex``'s ``\\L<list>``) makes the
engine try every word at every position of the text. Folded into a trie
("sa(?:id|ys)") and compiled with the standard library's ``re``, which runs such
patterns faster than ``regex`` does, it is one quick pass over the text (the figures:
docs/batch.md, "Where the time goes"). Speech cues and mention words are found this way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import methodcaller

_Trie = dict[str, "_Trie"]
"""Character -> the subtree after it; the key "" marks the end of a word."""

LETTER = r"[^\W\d_]"
"""A letter in ``re`` syntax (``\\p{L}`` is not available there)."""


def trie_alternation(words: Iterable[str]) -> str:
    """A regex source matching exactly the given words, longest first at each branch.

    Words are literal; an empty word list gives a pattern that never matches.
    """
    tree: _Trie = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    if not tree:
        return "(?!)"
    return _source(tree)


def _source(node: _Trie) -> str:
    branches = [re.escape(char) + _source(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # An ending here is tried last, so the longest word wins, as in a sorted alternation.
    return f"(?:{body})?" if "" in node else body


def whole_words(
    words: Iterable[str], *, joiners: str = "'’-", joiner_needs_letter: bool = False,
    ignore_case: bool = False,
) -> re.Pattern[str]:
    """A pattern for ``words`` standing as whole words: no letter directly before or
    after, and no ``joiners`` character ("ex-minister" and "minister's" are one longer
    word). With ``joiner_needs_letter`` a joiner counts only with a letter on its far
    side, so "'minister" and "ministers'" still hold the word."""
    joiner = f"[{re.escape(joiners)}]"
    if joiner_needs_letter:
        before = f"(?<!{LETTER})(?<!{LETTER}{joiner})"
        after = f"(?!{LETTER})(?!{joiner}{LETTER})"
    else:
        before = f"(?<!{LETTER})(?<!{joiner})"
        after = f"(?!{LETTER})(?!{joiner})"
    source = before + trie_alternation(words) + after
    return re.compile(source, re.IGNORECASE if ignore_case else 0)


_JOINERS = "'’-"
_SPLITTABLE = re.compile(f"{LETTER}+(?:[{re.escape(_JOINERS)}]{LETTER}+)*")
_WORD_START = methodcaller("start", 1)


@dataclass(frozen=True, slots=True)
class WordScan:
    """Finds what ``whole_words(words, joiner_needs_letter=True)`` finds, faster.

    That pattern starts with look-behinds, so ``re`` runs it at every character of the
    text. Here it is split by the character before the word: a space, any other
    character, or none (the start of the text). The first two patterns consume that
    character, so ``re`` jumps between spaces with a fast literal search (or between
    non-letters with a set test) and tries the trie only where a word can start.

    The split is exact when every word is letters, single joiners between them (no
    match can then start inside another). Other word lists, and ``ignore_case``
    (kept for rare texts), use the plain pattern.
    """

    after_space: re.Pattern[str]
    after_other: re.Pattern[str] | None
    at_start: re.Pattern[str] | None
    """``None`` with ``after_other``: ``after_space`` is then the one plain pattern."""

    @classmethod
    def build(cls, words: Iterable[str], *, ignore_case: bool = False) -> WordScan:
        words = set(words)
        joiner = f"[{re.escape(_JOINERS)}]"
        before = f"(?<!{LETTER})(?<!{LETTER}{joiner})"
        body = f"({trie_alternation(words)})(?!{LETTER})(?!{joiner}{LETTER})"
        if ignore_case or not words or not all(_SPLITTABLE.fullmatch(w) for w in words):
            return cls(re.compile(before + body, re.IGNORECASE if ignore_case else 0), None, None)
        # A space is neither a letter nor a joiner: no look-behind needed after it.
        # [^ a-zA-Z] is a quick set test; the look-behinds then reject other letters. It
        # stops at every digit, mark and line break: the look-ahead for a letter some
        # word starts with ends most of those tries before the look-behinds and the trie
        # (which cost some 2,000 instructions a try).
        firsts = "".join(sorted({w[0] for w in words}))
        return cls(re.compile(" " + body),
                   re.compile(f"[^ a-zA-Z](?=[{firsts}])" + before + body), re.compile(body))

    def matches(self, text: str) -> Iterator[re.Match[str]]:
        """The matches in text order, one at a time; group 1 is the word.

        Lazily: a list of every match object of a long text costs more than the text. The
        matches after a space come from the scan; the rarer others (after a line break or
        punctuation, at the text start) are merged in by start (no two share one).
        """
        if self.after_other is None or self.at_start is None:
            return self.after_space.finditer(text)
        others = list(self.after_other.finditer(text))
        first = self.at_start.match(text)
        if first is not None:
            others.insert(0, first)  # at 0, before every match after a character
        if not others:
            return self.after_space.finditer(text)
        return _merged(self.after_space.finditer(text), others)


def _merged(scan: Iterator[re.Match[str]], others: list[re.Match[str]]) -> Iterator[re.Match[str]]:
    """``scan``'s matches with ``others`` (few, in order) merged in by the start of group 1."""
    i, n = 0, len(others)
    at = others[0].start(1)
    for match in scan:
        start = match.start(1)
        while at < start:
            yield others[i]
            i += 1
            if i == n:  # the rest is the scan's
                yield match
                yield from scan
                return
            at = others[i].start(1)
        yield match
    yield from others[i:]
