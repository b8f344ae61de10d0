"""Newsroom furniture: the parts of an article that are not its story.

Wire and web copy carries lines no one speaks: bylines ("By Ana Duarte, The Canadian
Press"), datelines ("KYIV, March 3 (AP) —"), agency tags ("— Reuters"), photo credits
("Photo: Jane Roe/Getty Images", "(Jane Roe / CBC)") and captions, link lines ("READ
MORE: ...") and publication notes ("This report by The Canadian Press was first
published March 3, 2024."), and in books the headings ("CHAPTER IV.", "Chapter Four: The
Visitor", "A VISITOR AT NIGHT" alone in capitals). A name in them is never a speaker,
and must not become the antecedent of a later "she said"; a quote in them is not speech.
The regions are found in one pass over the text's lines (patterns built from the agency
names in ``data/agencies.tsv``, tried only where a cheap string test lets them match);
the mentions inside them are then dropped.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from operator import attrgetter
from typing import NamedTuple

import regex

from .lexicon import Lexicon, word_list
from .mentions import Mention, MentionIndex
from .mentions.columns import PackedMentions, mention_index
from .spans import Span

_SPAN_START = attrgetter("span.start")

# concurrent=False on ``regex`` calls: see the note in annotators/embedded.py.

_NAME = r"\p{Lu}[\p{L}'’.-]*+(?:[ \t]+(?:\p{Lu}[\p{L}'’.-]*+|de|da|van|von|del|la|le|bin|al)){0,4}"
"""A capitalised name of one to five words ("Ana Duarte", "Jean de la Roche")."""
_NAMES = rf"{_NAME}(?:[ \t]*(?:,|&|\band\b)[ \t]*{_NAME})*"
_ROLE = (r"(?i:reporter|correspondent|writer|columnist|editor|contributor|staff|bureau|"
         r"posted|updated|published|news)")
_END = r"[ \t]*$(?<![.!?:;,][ \t]*)"
"""A furniture line does not end as a sentence does."""
_PLAIN = r"(?:[^\n\"“”!?.]|\.(?![ \t]+\p{Lu}))"
"""A character of a credit line: no quotation mark, and no full stop ending a sentence."""
_DASH = r"(?:—|–|―|--?)"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CITY = r"\p{Lu}[\p{Lu}'’.-]++(?:[ \t]+\p{Lu}[\p{Lu}'’.-]++){0,3}"
"""A dateline's city is set in capitals: OTTAWA, ST. JOHN'S, NEW YORK."""
_PUBLISHED = (r"[ \t]*\(?This (?:report|story|article) (?:by|from|was)\b[^\n]{0,80}?"
              r"(?:first|originally) published[^\n]*")
"""'This report by The Canadian Press was first published March 3, 2024.'"""
_SHORT_LINE = 160
"""The longest line read as a byline, credit, link or note line (a caption may be long)."""
_TAIL = 60
"""How far from a line's end an agency tag ("— The Canadian Press") may start."""
_SENTENCE_END = frozenset(".!?…:;,\"'”’»")
_CASED: dict[str, Callable[[str], str]] = {"upper": str.upper, "title": str.title, "lower": str}
_LABELS = tuple(
    _CASED[case](word)
    for word, cases in zip(word_list("furniture_labels"), word_list("furniture_labels", "cases"),
                           strict=True)
    for case in cases.split()
)
"""How the furniture lines that may end with a full stop begin, in the letter cases
``data/furniture_labels.tsv`` gives each word ("READ", "Read", "(This", "©")."""
_PLACE = r"\p{Lu}[\p{L}'’.-]*+(?:[ \t]+\p{Lu}[\p{L}'’.-]*+){0,2}"
_ITALICS = regex.compile(r"(?<![\p{L}\p{N}_])_(?=\p{Lu})[^_\n]{1,80}?(?<=\S)_(?![\p{L}\p{N}_])")
"""A capitalised run in plain-text italics, as Project Gutenberg sets them: "_Golden Fleece_"."""
_HEADING_LINE = 80
"""The longest line read as a book's heading ("CHAPTER XII. IN WHICH A COLLAR IS NOT BOUGHT")."""
_NOT_IN_HEADING = frozenset("\"“”‘«»„")
"""A line with a quotation mark, or opening with a single one ("'Stop!'"), is speech or a
title in quotes, not a heading ("’" is also the apostrophe of "THE WARDEN’S DAUGHTER")."""


_BOOK_ROWS = tuple(zip(word_list("book_headings"), word_list("book_headings", "kind"),
                       word_list("book_headings", "novel"), strict=True))


def book_heading_words(*kinds: str, novel_only: bool = False) -> tuple[str, ...]:
    """The words of ``data/book_headings.tsv`` of the given kinds ("numbered", "alone",
    "number"), only those marked as opening a novel when ``novel_only``: the one reader
    of that list for the heading lines here and the opening of a book
    (:mod:`quoteattr.opening`)."""
    return tuple(w for w, kind, novel in _BOOK_ROWS
                 if kind in kinds and (not novel_only or novel == "yes"))


def _book_heading() -> regex.Pattern[str]:
    """A heading line opened by a division word and its number ("CHAPTER IV.", "Book the
    First", "Part Two: The Voyage", "Chapter 1. Mr. Holmes"), or a heading word alone
    ("Prologue"); the words are ``data/book_headings.tsv``'s."""

    def words(kind: str) -> str:
        return "|".join(regex.escape(w) for w in book_heading_words(kind))

    number = rf"(?i:{words('number')})"
    numeral = rf"(?:[IVXLCDM]++|\d++|(?i:the[ \t]+)?{number}(?:-{number})?)(?![\p{{L}}\p{{N}}])"
    title = r"[^\n\"“”‘«»„]*"
    capitals = r"[^\n\p{Ll}\"“”‘«»„]*"  # "CHAPTER I IN WHICH I THROW": no separator, capitals
    return regex.compile(
        rf"[ \t]*(?=\p{{Lu}})(?:(?i:{words('numbered')})[ \t]+{numeral}"
        rf"(?:[ \t]*(?:[.:—–-]|--)[ \t]*{title}|[ \t]+{capitals})?|(?i:{words('alone')})\.?)"
        r"[ \t]*$")


_BOOK_HEADING = _book_heading()
_HEADING_STARTS = book_heading_words("numbered", "alone")
"""The words :data:`_BOOK_HEADING` opens with: a short line opening with none of them
(after blanks) is tested without the regex call, which costs more than the line's test."""


def is_heading(line: str, fiction: bool = False) -> bool:
    """Whether ``line`` (short) is a book's heading: all in capitals (a chapter's title, a
    roman numeral; not a transcript's "SMITH:" label) or a division word and its number;
    in a novel (``fiction``) also a chapter's title in title case ("The Missing Heir.").
    No line with a quotation mark is one, whatever the genre."""
    if fiction and not _quoted(line) and _titled(line.strip()):
        return True
    if len(line) > _HEADING_LINE:
        return False
    if line.isupper():
        return not _quoted(line) and not line.rstrip().endswith(":")
    if not line.lstrip()[:1].isupper():
        return False
    if line.isascii() and not line.lstrip(" \t").lower().startswith(_HEADING_STARTS):
        return False  # an ASCII line folds case as lower() does: no division word opens it
    return _BOOK_HEADING.match(line, concurrent=False) is not None  # its title has no quote


def _quoted(line: str) -> bool:
    """Whether ``line`` holds a quotation mark or opens with a single one ("'Stop!'")."""
    return not _NOT_IN_HEADING.isdisjoint(line) or line.lstrip()[:1] == "'"


class _Patterns(NamedTuple):
    line: regex.Pattern[str]
    """Matched at the start of a short line: bylines, credit, link and note lines."""
    dateline: regex.Pattern[str]
    """Matched at the start of any line (a dateline opens a long paragraph)."""
    bracket: regex.Pattern[str]
    """Matched at an opening bracket: "(AP)", "(Jane Roe / CBC)"."""
    tail: regex.Pattern[str]
    """Searched in a line's last characters: "— Reuters"."""


@cache
def _patterns(agencies: frozenset[str]) -> _Patterns:
    names = sorted(agencies, key=lambda a: (-len(a), a))
    ag = "|".join(regex.escape(a).replace(r"\ ", r"[ \t]+") for a in names)
    ag = rf"(?<![\p{{L}}\p{{N}}])(?i:{ag})(?![\p{{L}}\p{{N}}])" if names else "(?!)"
    credit = rf"(?:{_NAME}[ \t]*/[ \t]*(?:{ag}|{_NAME})|{ag}(?:[ \t]+Photo)?[ \t]*/[ \t]*{_NAME})"
    photo = r"(?:Photo|PHOTO|Photos|PHOTOS|Photograph|Photography|Image|IMAGE|Credit|CREDIT)"
    line = [
        # A caption labelled as one (one ending with a bracketed credit: see below).
        rf"[ \t]*(?:{photo}|Caption|CAPTION|File photo)[ \t]*(?::|by\b|BY\b)[^\n]*$",
        # A byline, and the lines of names, outlets or roles right under it.
        rf"[ \t]*(?:By|BY)(?:[ \t]+|[ \t]*\n[ \t]*){_NAMES}"
        rf"(?:[ \t]*[,|·—–-][ \t]*[^\n\"“”!?]{{1,80}}?)?{_END}"
        rf"(?:\n(?:[ \t]*\n)?[ \t]*(?:{ag}|{_NAMES})"
        rf"(?:[ \t]*[,|·—–-][ \t]*[^\n\"“”!?.]{{1,60}}?)?{_END}){{0,3}}",
        # "Ana Duarte | Staff reporter", "Li Wei · CBC News · Posted: Mar 3, 2024".
        rf"[ \t]*{_NAMES}[ \t]*[|·,—–]{_PLAIN}{{0,80}}?(?:\b{_ROLE}\b|{ag}){_PLAIN}{{0,60}}?{_END}",
        # An agency alone on its line, or "with files from ...".
        rf"[ \t]*(?:{_DASH}[ \t]*)?(?:(?i:with files from)[^\n]*|{ag}{_END})",
        # A link line, a publication note or a copyright line.
        r"[ \t]*(?:READ MORE|Read more|Read More|READ ALSO|WATCH|Watch|RELATED|Related|"
        r"LISTEN|Listen|SEE ALSO|See also|ALSO READ|Also read|MORE|VIDEO|Video|PHOTOS|"
        r"RECOMMENDED|TRENDING|LIVE|SUBSCRIBE|Subscribe)[ \t]*[:|»>][^\n]*$",
        _PUBLISHED,
        # A caption whose credit follows its sentence: "... on Monday. Photo: Jane Roe/AFP",
        # also after a quote: "Ana Ruiz at home: \"We cope.\" Photo: Jane Roe".
        rf"[^\n]*?[.!?][\"'”’»]*[ \t]+(?:{photo}[ \t]*(?::|by\b)[^\n]*$|{_PUBLISHED})",
        r"[ \t]*(?:©|Copyright|\(c\))[ \t]*(?:\d{4}|[^\n]{0,40}\d{4})[^\n]*$",
        # Wire credits: "Reporting by ...; Editing by ...", "... contributed to this report."
        r"[ \t]*\(?(?:Reporting|Additional reporting|Writing|Editing)[ \t]+by\b[^\n]*$",
        rf"[ \t]*(?:{ag}|{_NAMES})(?:,?[ \t]+(?:and[ \t]+)?(?:{ag}|{_NAMES}))*[ \t]+"
        r"contributed[ \t]+to[ \t]+this[ \t]+(?:report|story|article)\.?[ \t]*$",
    ]
    # A dateline, up to its dash: "TORONTO, Ont. —", "LONDON, March 3 (Reuters) -".
    dateline = (
        rf"[ \t]*(?:{_CITY}|{_PLACE}(?=(?:,[^\n(]{{1,30}})?[ \t]*\({ag}\)))"
        rf"(?:,[ \t]*{_PLACE})?(?:,[ \t]*{_MONTH}[ \t]+\d{{1,2}})?"
        # the service in brackets may be one no list knows: "LISBON (Wire) -"
        rf"(?:[ \t]*\((?:{ag}|\p{{Lu}}[\p{{L}}&.' ]{{0,30}})\)[ \t]*|[ \t]+)"
        rf"{_DASH}[ \t]*"  # "NOW OPEN—" is a kicker
    )
    # "(AP)", "(AP Photo/Jane Roe)", "(THE CANADIAN PRESS/Li Wei)", "(Jane Roe / CBC)"; a
    # credit that ends its line makes the line a caption.
    bracket = (rf"\([ \t]*(?:{ag}|{credit}|{photo}[ \t]*(?::|by\b)[^\n)]*)[ \t]*\)"
               r"(?P<caption>[ \t]*$)?")
    tail = rf"(?:—|–|―|--|(?<=[ \t])-)[ \t]*{ag}{_END}"  # "... on Monday. — Reuters"
    flags = regex.MULTILINE
    return _Patterns(regex.compile("|".join(f"(?:{x})" for x in line), flags),
                     regex.compile(dateline, flags), regex.compile(bracket, flags),
                     regex.compile(tail, flags))


@dataclass(frozen=True, slots=True)
class Furniture:
    """The furniture regions of one text, sorted and apart."""

    regions: tuple[Span, ...]
    starts: tuple[int, ...]
    italics: tuple[Span, ...] = ()
    """Plain-text italics (``_Margaret Ann_``): a name set in them is a ship's, a book's or a
    newspaper's, not a person's."""

    def clause_start(self, pos: int, floor: int) -> int:
        """Where the clause holding ``pos`` starts, given that it starts at ``floor`` or
        later: after a dateline that ends inside it ("OTTAWA — "...), and -1 when
        ``pos`` is itself inside furniture (a quote in a caption or link line)."""
        i = bisect_right(self.starts, pos) - 1
        if i < 0:
            return floor
        end = self.regions[i].end
        return -1 if pos < end else max(floor, end)

    def without(self, mentions: MentionIndex) -> MentionIndex:
        """``mentions`` less those inside furniture: a byline's name is no speaker, nor the
        antecedent of a pronoun."""
        starts = mentions.starts
        drop: list[tuple[int, int]] = []  # index ranges of mentions, one per region
        for region in self.regions:  # a few regions: bisect, no look at every mention
            first = bisect_left(starts, region.start)
            last = bisect_left(starts, region.end, first)
            if last > first:
                drop.append((first, last))
        italic = self._italic_names(mentions)
        if not drop and not italic:
            return mentions
        if isinstance(mentions.mentions, PackedMentions):  # a long text's: kept packed
            return mention_index(mentions.mentions.without(drop, italic))
        kept: list[Mention] = []
        previous = 0
        for first, last in drop:
            kept.extend(mentions.mentions[previous:first])
            previous = last
        kept.extend(mentions.mentions[previous:])
        if italic:
            kept = [m for m in kept if m.span not in italic]
        return mention_index(kept)

    def _italic_names(self, mentions: MentionIndex) -> set[Span]:
        """The spans of the names that lie inside italics (pronouns there are emphasis)."""
        found: set[Span] = set()
        starts = mentions.starts
        for span in self.italics:
            first = bisect_left(starts, span.start)
            for m in mentions.mentions[first : bisect_left(starts, span.end, first)]:
                if m.kind == "name" and m.span.end <= span.end:
                    found.add(m.span)
        return found


def find_furniture(text: str, lexicon: Lexicon, genre: str = "news") -> Furniture:
    """The furniture of ``text``; in ``genre`` "fiction" a chapter's title in title case
    too (:func:`is_heading`).

    One pass over its lines, with C-level string tests choosing the few places a pattern
    is tried: the start of a short line that does not end as a sentence does or starts
    with a label (bylines, credits, link lines), a line opening in capitals or with a
    bracket near its start (datelines), each opening bracket, and the end of a line with
    no sentence end ("— Reuters"), rather than one scan of one pattern over the whole
    text (the cost of each: docs/batch.md, "Where the time goes").
    """
    pats = _patterns(lexicon.agencies)
    fiction = genre == "fiction"
    heading_line = _HEADING_CHARS if fiction else _HEADING_LINE
    if "\r" in text:  # a CRLF line reads as an LF one with a trailing blank; same offsets
        text = text.replace("\r\n", " \n")
    regions: list[Span] = []
    n = len(text)
    start = 0
    lines = 0  # the lines with text read so far (a colon dateline opens the story)
    while start < n:
        end = text.find("\n", start)
        if end < 0:
            end = n
        last = text[end - 1]
        if last.isspace():  # trailing blanks, or a blank line
            stripped = text[start:end].rstrip()
            if not stripped:
                start = end + 1
                continue
            last = stripped[-1]
        found = None
        # Most lines end as sentences do, and furniture lines do not, save a few that
        # start with their own label ("READ MORE:", "This report by ...", "Photo:").
        plain = last not in _SENTENCE_END
        if end - start <= _SHORT_LINE and (
            plain or text.startswith(_LABELS, start)
            or text.find(" contributed to this ", start, end) >= 0
        ):
            found = pats.line.match(text, start, n, concurrent=False)
        if found is None and (text[start + 1 : start + 2].isupper()
                              or text.find("(", start, min(end, start + 40)) >= 0):
            found = pats.dateline.match(text, start, end, concurrent=False)
        if found is None and lines < _LEDE_LINES and text[start + 1 : start + 2].isupper():
            found = _colon_dateline(text, start, end, lexicon)
        lines += 1
        if found is not None:
            _add(regions, found.start(), found.end())
        elif end - start <= heading_line and is_heading(text[start:end], fiction):
            _add(regions, start, end)
        bracket = text.find("(", start, end)
        while bracket >= 0:
            m = pats.bracket.match(text, bracket, end, concurrent=False)
            if m is not None:
                _add(regions, start if m.group("caption") is not None else bracket, m.end())
            bracket = text.find("(", bracket + 1, end)
        if plain:
            m = pats.tail.search(text, max(start, end - _TAIL), end, concurrent=False)
            if m is not None:
                _add(regions, m.start(), m.end())
        start = max(end + 1, regions[-1].end if regions else 0)
    italics = tuple(Span(*m.span()) for m in _ITALICS.finditer(text)) if "_" in text else ()
    return Furniture(tuple(regions), tuple(r.start for r in regions), italics)


_COLON_DATELINE = regex.compile(rf"[ \t]*({_CITY}):[ \t]+(?=\p{{Lu}}\p{{Ll}})")
"""South Asian papers' dateline: "ISLAMABAD: Federal Minister ...", "NEW DELHI: The ..."."""
_LEDE_LINES = 3
"""A colon dateline stands on one of the first lines (after a headline and a byline)."""


def _colon_dateline(text: str, start: int, end: int, lexicon: Lexicon) -> regex.Match[str] | None:
    """A city in capitals and a colon opening the story's first lines; not a transcript's
    speaker label ("PAT KENNY: Minister, ...", "MINISTER: ..."), whose words are a given
    name, a title or a role."""
    found = _COLON_DATELINE.match(text, start, end, concurrent=False)
    if found is None:
        return None
    for word in found.group(1).lower().split():
        if word in lexicon.first_names or word in lexicon.titles or word in lexicon.role_nouns:
            return None
    return found


_HEADING_LABELS = frozenset(_HEADING_STARTS)
"""The words that open a section heading before its number ("Chapter I.", "PART ONE")."""
_HEADING_SMALL = frozenset(word_list("title_small_words"))
_HEADING_WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|\d+")
_SECTION_NUMBER = regex.compile(
    r"(?i:[ivxlcdm]+|\d+|the|" + "|".join(book_heading_words("number")) + ")")
"""A section's number after its label: a numeral, a number word of ``data/book_headings.tsv``
("PART ONE", "Book First"), or the "the" of "Book the First"."""
_HEADING_CHARS = 100
"""The longest line read as a chapter's title in a novel: a title, not a sentence."""
_HEADING_WORDS = 12
_TITLE_WORDS = 8


def _titled(block: str) -> bool:
    """Whether ``block`` (a stripped line of a novel) is a section's title: a section label
    and its number ("Chapter I.", "PART ONE", "Letter IV. To Miss Mirvan"), capitals
    ("THE YOUNG ADVENTURERS, LTD.") or title case ("The Missing Heir."). An excerpt of a
    novel starts at one; its capitalised words are never the characters of the scene below
    (nor a "he" for its first line)."""
    words = _HEADING_WORD.findall(block)
    if not words or len(words) > _HEADING_WORDS:
        return False
    if words[0].lower() in _HEADING_LABELS and len(words) > 1 and _SECTION_NUMBER.fullmatch(
        words[1]
    ):
        return True
    if block[-1] in "?!":
        return False  # "Good heavens!" or "Jo?" alone is a cry, not a title
    if block.upper() == block:
        return any(ch.isalpha() for ch in block)
    return len(words) <= _TITLE_WORDS and all(
        w[0].isupper() or w[0].isdigit() or (k and w.lower() in _HEADING_SMALL)
        for k, w in enumerate(words))


def _add(regions: list[Span], start: int, end: int) -> None:
    """Append a region, merged with the last one when they overlap."""
    if regions and start < regions[-1].end:
        start = min(start, regions[-1].start)
        end = max(end, regions[-1].end)
        del regions[-1]
    if end > start:
        regions.append(Span(start, end))
