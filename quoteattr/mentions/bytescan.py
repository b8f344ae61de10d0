"""The mention-word scan over one byte per character: what :class:`~quoteattr.wordtrie.WordScan`
finds in the lower-cased text, found without a regex try at every space.

The text is encoded as Latin-1 (a character beyond it becomes "?") and translated by one
table: a letter to its lower case, every other character to a space. ``bytes.split`` then
gives its runs of letters, each tested against a set in C (through ``filter``), and only
the few that start a listed word are located, by a search for the run between spaces. A run
with a letter or a joiner on neither side is the word, as the ``str`` pattern would find
it; beside a joiner or a "?" (any character beyond Latin-1: a letter, a curly apostrophe or
a quotation mark) it is checked with the ``str`` pattern on the lower-cased text around it.
Measured figures: docs/batch.md, issue 17's speed passes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..wordtrie import LETTER, trie_alternation

_LATIN1_LETTERS = bytes(c for c in range(256) if re.match(LETTER, chr(c)))
"""The bytes that ``LETTER`` matches as Latin-1 characters (the ``str`` pattern's letters)."""
_LOWER_ALSO = "\u0130\u0178\u1e9e\u212a\u212b"
"""The characters beyond Latin-1 whose lower case lies in it ("İ" -> "i̇", "K" -> "k",
"Ÿ" ẞ" "Å"): a text holding one is scanned as ``str`` (this copy would cut a word there)."""
_SPLITTABLE = re.compile(f"{LETTER}+(?:['-]{LETTER}+)*")


def _table() -> bytes:
    table = bytearray(b" " * 256)
    for c in _LATIN1_LETTERS:
        table[c] = ord(chr(c).lower())
    return bytes(table)


_TABLE = _table()
Hit = tuple[int, int, str]
"""A word's start, end and lower-case form."""
_PIECE = 1 << 14
"""Characters encoded at a time: the copies of a long text stay small."""


def pieces(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of up to :data:`_PIECE` characters each, covering ``text``: each
    ends after a space, and the next starts on that space (as
    :func:`~quoteattr.spans.lower_pieces` cuts)."""
    n = len(text)
    start = 0
    while start < n:
        end = start + _PIECE
        if end < n:
            cut = text.rfind(" ", start + 1, end)
            end = n if cut < 0 else cut + 1
        else:
            end = n
        yield start, end
        start = end - 1 if end < n else n


_ODD = frozenset(b"'-?")
"""Bytes next to a word that the copy cannot judge: a joiner, or "?" (any character beyond
Latin-1, or a question mark)."""


@dataclass(frozen=True, slots=True)
class ByteWordScan:
    """Finds the words ``whole_words(words, joiner_needs_letter=True)`` finds in the
    lower-cased text, as (start, end, word) in text order."""

    entries: dict[bytes, tuple[str, bytes, bool]]
    """A run of letters -> the word, the run between two spaces (what is searched for),
    and whether it is a word itself (else only the start of one with a joiner,
    "secretary" of "secretary-general")."""
    runs: frozenset[bytes]
    """The keys of :attr:`entries`: ``frozenset.__contains__`` through ``filter`` is the
    cheapest test of the runs in C (``map(dict.get)`` with ``filter(None)`` costs more)."""
    check: re.Pattern[str]
    """The whole-word pattern on the lower-cased ``str`` (group 1 the word)."""
    longest: int

    @classmethod
    def build(cls, words: Iterable[str]) -> ByteWordScan | None:
        """The scan of ``words``, or ``None`` when one is not Latin-1 letters with single
        "'" or "-" between them (the split by character would not be exact)."""
        words = set(words)
        if not words or not all(w.isascii() or _latin1(w) for w in words) or not all(
            _SPLITTABLE.fullmatch(w) for w in words
        ):
            return None
        entries: dict[bytes, tuple[str, bytes, bool]] = {}
        for word in sorted(words, key=len):
            run = re.split("['-]", word)[0]
            key = run.encode("latin-1")
            if run == word or key not in entries:
                entries[key] = (run, b" " + key + b" ", run == word)
        joiner = "['’-]"
        before = f"(?<!{LETTER})(?<!{LETTER}{joiner})"
        body = f"({trie_alternation(words)})(?!{LETTER})(?!{joiner}{LETTER})"
        return cls(entries, frozenset(entries), re.compile(before + body),
                   max(map(len, words)))

    @staticmethod
    def fits(text: str) -> bool:
        """Whether the scan reads ``text`` as the ``str`` scan of ``text.lower()`` does:
        no character beyond Latin-1 lower-cases into it (:data:`_LOWER_ALSO`)."""
        return text.isascii() or not any(c in text for c in _LOWER_ALSO)

    def hits(self, text: str, start: int, end: int) -> list[Hit]:
        """The words in ``text[start:end]`` in order, for a text that :meth:`fits`:
        ``start`` is 0 or a space's offset, ``end`` the text's length or just after a
        space (:func:`pieces`), so no word is cut and each is seen with the characters
        around it that decide whether it is whole.

        The copy's runs of letters, split by ``bytes.split``, are tested against
        :attr:`runs`; each found is located by searching for it between spaces from
        the last one. A word with a joiner or "?" beside it is checked with :attr:`check`.
        """
        raw = b" " + (text if start == 0 and end == len(text) else text[start:end]).encode(
            "latin-1", "replace") + b" "
        copy = raw.translate(_TABLE)
        found: list[Hit] = []
        append = found.append
        entries = self.entries
        at = 0
        for run in filter(self.runs.__contains__, copy.split()):
            word, needle, whole = entries[run]
            at = copy.find(needle, at)  # the space before the word: the word in the piece
            after = at + len(needle) - 1
            if raw[at] in _ODD or raw[after] in _ODD:
                self._checked(text, at + start, append)
            elif whole:
                append((at + start, at + start + len(word), word))
            at = after
        return found

    def _checked(self, text: str, at: int, append: Callable[[Hit], None]) -> None:
        """``append`` the word at ``at`` as the ``str`` pattern reads it, if it is one."""
        window = max(0, at - 2)
        match = self.check.match(text[window : at + self.longest + 2].lower(), at - window)
        if match is not None:
            append((at, at + len(match.group(1)), match.group(1)))


def _latin1(word: str) -> bool:
    try:
        word.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True
