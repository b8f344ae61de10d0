"""A text that opens as a novel does: with a book's heading ("CHAPTER I", "Book the First",
"LETTER IV", "I. THE PRISON DOOR").

The default genre is news, yet a chapter handed to quoteattr without ``genre="fiction"`` is
still a chapter: its untagged turns alternate, its titles are no speakers. News copy never
opens with such a line (a feature series' "Part Two" or a report's "Section 3" is not one,
nor a headline on a bankruptcy, "Chapter 11: ..."), so reading these texts as fiction
changes nothing for news."""

from __future__ import annotations

import regex

from .furniture import book_heading_words, is_heading


def _words(kind: str) -> str:
    """A book's opening heading words of ``kind``, as alternatives: any number word, but
    only the division and heading words a news story never opens with."""
    return "|".join(regex.escape(w) for w in book_heading_words(
        kind, novel_only=kind != "number"))


_NUMBER = rf"(?i:the[ \t]+)?(?i:{_words('number')})(?:-(?i:{_words('number')}))?"
_ROMAN = r"(?=[IVXLC])(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})"
_END = r"(?![\p{L}\p{N}])"
_OPENING = regex.compile(
    rf"[ \t]*(?:(?i:{_words('numbered')})[ \t]+(?:(?:{_ROMAN}|{_NUMBER}|1){_END}[^\n]*"
    rf"|\d+\.?[ \t]*$)"  # "Chapter 12" alone, never "Chapter 11: What it means"
    rf"|(?i:{_words('alone')})\.?[ \t]*$"
    rf"|{_ROMAN}(?:\.(?P<title>[^\n]*))?[ \t]*$)")
"""A heading only a book opens with: a division word a news story never uses, and a roman
numeral, a number word or its first chapter's 1; a lone prologue; a roman numeral alone or
before its chapter's title (a heading itself: "I. THE PRISON DOOR", "II. The Return")."""
_LINES = 5
"""The headings a book may stack before its text: "VOLUME I" / "CHAPTER I." / "A BOARDING
SCHOOL."."""


def opens_as_novel(text: str) -> bool:
    """Whether the first lines of ``text`` are a book's headings and one of them is a
    heading only a book has (:data:`_OPENING`)."""
    start, seen, n = 0, 0, len(text)
    while start < n and seen < _LINES:
        end = text.find("\n", start)
        end = n if end < 0 else end
        line = text[start:end]
        start = end + 1
        if not line.strip():
            continue
        found = _OPENING.match(line, concurrent=False)
        if found is not None and (not found.group("title") or is_heading(
                found.group("title"), fiction=True)):
            return True
        if len(line) > 100 or not is_heading(line, fiction=True):
            return False
        seen += 1
    return False


def genre_of(text: str, genre: str) -> str:
    """The conventions to read ``text`` by: ``genre`` itself, or for "auto" news unless the
    text opens as a novel does (a chapter handed over without ``genre="fiction"`` is still a
    chapter); an explicit "news" never switches."""
    if genre != "auto":
        return genre
    return "fiction" if opens_as_novel(text) else "news"
