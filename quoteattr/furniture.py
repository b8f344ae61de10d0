"""Newsroom furniture: the parts of an article that are not its story.

Wire and web copy carries lines no one speaks: bylines ("By Ana Duarte, The Canadian
Press"), datelines ("KYIV, March 3 (AP) —"), agency tags ("— Reuters"), photo credits
("Photo: Jane Roe/Getty Images", "(Jane Roe / CBC)") and captions, link lines ("READ
MORE: ...") and publication notes ("This report by The Canadian Press was first
published March 3, 2024."). A name in them is never a speaker, and must not become the
antecedent of a later "she said"; a quote in them is not speech. The regions are found
by one scan of one pattern per text, built from the agency names in
``data/agencies.tsv``; the mentions inside them are then dropped.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

import regex

from .lexicon import Lexicon
from .mentions import MentionIndex
from .spans import Span

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
_PLACE = r"\p{Lu}[\p{L}'’.-]*+(?:[ \t]+\p{Lu}[\p{L}'’.-]*+){0,2}"


@cache
def _pattern(agencies: frozenset[str]) -> regex.Pattern[str]:
    names = sorted(agencies, key=lambda a: (-len(a), a))
    ag = "|".join(regex.escape(a).replace(r"\ ", r"[ \t]+") for a in names)
    ag = rf"(?<![\p{{L}}\p{{N}}])(?i:{ag})(?![\p{{L}}\p{{N}}])"
    ag = ag if names else "(?!)"
    credit = rf"(?:{_NAME}[ \t]*/[ \t]*(?:{ag}|{_NAME})|{ag}(?:[ \t]+Photo)?[ \t]*/[ \t]*{_NAME})"
    photo = r"(?:Photo|PHOTO|Photos|PHOTOS|Photograph|Photography|Image|IMAGE|Credit|CREDIT)"
    short_line = [
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
        # A caption whose credit follows its sentence: "... on Monday. Photo: Jane Roe/AFP".
        rf"[^\n]*?[.!?][ \t]+(?:{photo}[ \t]*(?::|by\b)[^\n]*$|{_PUBLISHED})",
        r"[ \t]*(?:©|Copyright|\(c\))[ \t]*(?:\d{4}|[^\n]{0,40}\d{4})[^\n]*$",
    ]
    dateline = (
        # A dateline, up to its dash: "TORONTO, Ont. —", "LONDON, March 3 (Reuters) -".
        rf"[ \t]*(?:{_CITY}|{_PLACE}(?=(?:,[^\n(]{{1,30}})?[ \t]*\({ag}\)))"
        rf"(?:,[ \t]*{_PLACE})?(?:,[ \t]*{_MONTH}[ \t]+\d{{1,2}})?"
        rf"(?:[ \t]*\({ag}\)[ \t]*|[ \t]+){_DASH}[ \t]*"  # "NOW OPEN—" is a kicker
    )
    anywhere = [
        # "(AP)", "(AP Photo/Jane Roe)", "(THE CANADIAN PRESS/Li Wei)", "(Jane Roe / CBC)".
        rf"\([ \t]*(?:{ag}|{credit}|{photo}[ \t]*(?::|by\b)[^\n)]*)[ \t]*\)(?P<caption>[ \t]*$)?",
        # An agency after a dash at a line's end: "... on Monday. — Reuters".
        rf"(?:—|–|―|--|(?<=[ \t])-)[ \t]*{ag}{_END}",
    ]
    # Each alternative starts with a character the scan can skip to: a line start is the
    # "\n" before it (the text is scanned with one put in front), far quicker than "^";
    # the line alternatives other than the dateline are tried on short lines only.
    return regex.compile(
        rf"\n\K(?:(?=[^\n]{{0,{_SHORT_LINE}}}$)(?:" + "|".join(short_line) + f")|{dateline})|"
        + "|".join(f"(?:{a})" for a in anywhere),
        regex.MULTILINE,
    )


@dataclass(frozen=True, slots=True)
class Furniture:
    """The furniture regions of one text, sorted and apart."""

    regions: tuple[Span, ...]
    starts: tuple[int, ...]

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
        if not self.regions:
            return mentions
        kept = tuple(m for m in mentions.mentions if self.clause_start(m.span.start, 0) >= 0)
        if len(kept) == len(mentions.mentions):
            return mentions
        return MentionIndex(kept, tuple(m.span.start for m in kept))


def find_furniture(text: str, lexicon: Lexicon) -> Furniture:
    """The furniture of ``text``: one scan of one pattern."""
    regions: list[Span] = []
    for m in _pattern(lexicon.agencies).finditer("\n" + text, concurrent=False):
        start, end = m.start() - 1, m.end() - 1  # offsets into ``text``
        if m.group("caption") is not None:  # a credit ends the line: the line is a caption
            start = text.rfind("\n", 0, start) + 1
        if regions and start < regions[-1].end:
            start = regions[-1].start
            del regions[-1]
        if end > start:
            regions.append(Span(start, end))
    return Furniture(tuple(regions), tuple(r.start for r in regions))
