"""A text that opens as a novel does: with a book's heading ("CHAPTER I", "Book the First",
"LETTER IV", "I. THE PRISON DOOR").

The default genre is news, yet a chapter handed to quoteattr without ``genre="fiction"`` is
still a chapter: its untagged turns alternate, its titles are no speakers. News copy never
opens with such a line (a feature series' "Part Two" or a report's "Section 3" is not one,
nor a headline on a bankruptcy, "Chapter 11: ..."), so reading these texts as fiction
changes nothing for news. A chapter without its heading (an excerpt, a short story) is known
by its conversation instead: tags such as ``said he``, replies standing alone in their
paragraph, questions and vocatives ("..., sir."), which news quotes seldom are."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .furniture import book_heading_words, is_heading
from .quotes import QuoteSpan
from .spans import Span


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


def genre_of(text: str, genre: str, quotes: Sequence[QuoteSpan] = (),
             paragraphs: Sequence[Span] = ()) -> str:
    """The conventions to read ``text`` by: ``genre`` itself, or for "auto" news unless the
    text opens as a novel does or its quotes talk as a novel's characters do
    (:func:`reads_as_dialogue`: a chapter handed over without its heading, an excerpt, a
    short story); an explicit "news" never switches."""
    if genre != "auto":
        return genre
    if opens_as_novel(text) or reads_as_dialogue(text, quotes, paragraphs):
        return "fiction"
    return "news"


_EVIDENCE = 6
"""Points of :func:`dialogue_evidence` a text needs to be read as fiction: a radio
interview's few untagged questions and answers stay news."""


def reads_as_dialogue(text: str, quotes: Sequence[QuoteSpan], paragraphs: Sequence[Span]) -> bool:
    """Whether the quotes are a conversation of characters: enough evidence, and evidence on
    at least one in three quotes (a long news story with a few questions does not turn)."""
    if not quotes:
        return False
    points = dialogue_evidence(text, quotes, paragraphs)
    return points >= _EVIDENCE and 3 * points >= sum(1 for q in quotes if not q.depth)


_INVERTED = regex.compile(
    r"[ \t]*,?[ \t]*(?:said|quoth|\p{Ll}{2,}ed)[ \t]+(?:he|she|I)(?![\p{L}\p{N}])")
"""A tag after the quote with its pronoun after the verb: ``"...," said he``, ``cried she``."""


def _vocative(tail: str) -> bool:
    """Whether the words after a quote's last comma address its hearer: ``"..., sir."``,
    ``"..., Tess?"`` (one capitalised word, or sir or madam, then only end punctuation)."""
    word = tail.rstrip(".?!…")
    return word in ("sir", "madam") or word.isalpha() and word.istitle()


_REPLY = 120
"""The longest quote read as a short reply standing alone in its paragraph."""


def dialogue_evidence(text: str, quotes: Sequence[QuoteSpan], paragraphs: Sequence[Span]) -> int:
    """How much ``quotes`` read as a novel's conversation: points for a tag that puts its
    pronoun after the verb, a question or exclamation opening its paragraph, a quote that ends
    on a vocative, and a short reply standing alone in the paragraph after another quote's."""
    points, p, n_paras, quoted_para = 0, 0, len(paragraphs), -2
    for q in quotes:
        if q.depth:
            continue
        start, end = q.span.start, q.span.end
        while p < n_paras - 1 and paragraphs[p].end <= start:
            p += 1
        after = text[end : end + 16]
        if (" he" in after or " she" in after or " I" in after) and _INVERTED.match(after):
            points += 2
        last = q.content.end - 1
        while last > start and text[last] in " \t\n":
            last -= 1
        comma = text.rfind(", ", max(start, last - 24), last)
        if comma > start and _vocative(text[comma + 2 : last + 1]):
            points += 1
        para = paragraphs[p] if n_paras else None
        if para is None or start != para.start and text[para.start:start].strip():
            quoted_para = p
            continue  # the quote does not open its paragraph
        if text[last] in "?!":
            points += 1
        if quoted_para == p - 1 and end - start <= _REPLY and not text[end:para.end].strip():
            points += 1
        quoted_para = p
    return points
