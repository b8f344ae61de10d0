"""Character spans into the caller's original string, and helpers over them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from types import MemberDescriptorType

INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"
"""Zero-width characters (a byte-order mark, zero-width spaces) that count as blank space."""
BLANK = " \t\r\n\f\v\u00a0\u2028\u2029" + INVISIBLE
"""Characters stripped around clauses: whitespace plus the invisible ones."""

_OTHER_LINE_BREAKS = re.compile("\r(?!\n)|[\x0b\x0c\x85\u2028\u2029]")
"""Line breaks other than LF and CRLF: a lone CR (old Mac), VT, FF, NEL, U+2028, U+2029."""


def plain_line_breaks(text: str) -> str:
    """``text`` with every line break other than LF and CRLF made an LF.

    The rules read a line break as "\\n" (a CRLF ends in one): this makes a lone-CR or
    U+2028 copy of an article read as the LF one. One character for one, so offsets into
    the result are offsets into ``text``, and spans still slice the caller's string.
    """
    if ("\r" in text or "\u2028" in text or "\x85" in text or "\x0c" in text
            or "\x0b" in text or "\u2029" in text):
        return _OTHER_LINE_BREAKS.sub("\n", text)
    return text


def one_line(phrase: str) -> str:
    """``phrase`` with every run of white space made one space and none at either end.

    A name wrapped over a line break ("his\r\nsister", "the\nministry") or written with a
    no-break space is the same name as on one line: coreference keys its entities by this
    form and a result names its speakers in it. A printable phrase holds no white space but
    the plain space, so one with no doubled or outer space is returned as it is, uncopied.
    """
    if phrase.isprintable() and "  " not in phrase and not (
            phrase.startswith(" ") or phrase.endswith(" ")):
        return phrase
    return " ".join(phrase.split())


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of Python str offsets into the original text."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """True when ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def slice(self, text: str) -> str:
        """The text this span covers."""
        return text[self.start : self.end]


def _fast_init() -> None:
    """Give :class:`Span` an ``__init__`` that fills its two slots through their
    descriptors: the one ``dataclass`` writes for a frozen class calls
    ``object.__setattr__`` per field, and a document makes a span per sentence, paragraph,
    name and pronoun (about 4,000 instructions a span, 2,600 this way; 15,600 spans on 60
    news articles). Only where the slots are plain member descriptors: mypyc's compiled
    class makes its own."""
    start, end = vars(Span).get("start"), vars(Span).get("end")
    if not isinstance(start, MemberDescriptorType) or not isinstance(end, MemberDescriptorType):
        return
    set_start, set_end = start.__set__, end.__set__

    def __init__(self: Span, start: int, end: int) -> None:  # noqa: N807 - the class's own
        set_start(self, start)
        set_end(self, end)

    __init__.__qualname__ = "Span.__init__"
    type.__setattr__(Span, "__init__", __init__)


_fast_init()


_LOWER_PIECE = 1 << 14
"""Characters lower-cased at a time by :func:`lower_pieces`."""


_ASCII_BYTES = bytes(range(128))


def _lower(text: str) -> str:
    """``text.lower()``. A text beyond ASCII whose other characters no lower-casing changes
    (curly quotes, dashes, no-break spaces: most news) is lower-cased as UTF-8 bytes,
    ASCII letters only, at a third of the cost of ``str.lower``'s look-up per character.
    (Only the final sigma's mapping depends on its neighbours, and a sigma always changes.)"""
    if text.isascii():
        return text.lower()
    data = text.encode("utf-8", "surrogatepass")
    others = data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    if others.lower() != others:
        return text.lower()
    return data.lower().decode("utf-8", "surrogatepass")


def lower_pieces(text: str) -> Iterator[tuple[int, str]]:
    """``text.lower()`` a piece at a time, each piece with the offset of its first
    character in ``text``: one piece for a text of up to 16 k characters.

    Whole, the lower-case copy of a long text costs what the text does (twice that while
    pieces are joined), and for a text beyond ASCII ``str.lower`` first fills a buffer of
    three 4-byte code points per character: in pieces, neither is held beside the
    pipeline's tables. A piece ends after a space, and the next one starts on that space,
    so a word scan (:class:`~quoteattr.wordtrie.WordScan`) sees the space before a word
    and the two characters after it as it would in the whole text. No case mapping looks
    across a space (only a final sigma reads its neighbours, and a space stops it), so the
    pieces are the pieces of ``text.lower()``. Lower-casing changes no length except for
    "İ" (U+0130), which the caller checks for.
    """
    n = len(text)
    if n <= _LOWER_PIECE:
        yield 0, _lower(text)
        return
    start = 0
    while start < n:
        end = start + _LOWER_PIECE
        if end < n:
            cut = text.rfind(" ", start + 1, end)
            end = n if cut < 0 else cut + 1  # no space in a whole piece: the rest at once
        yield start, _lower(text[start:end])
        start = end - 1 if end < n else n  # the next piece starts on the space
