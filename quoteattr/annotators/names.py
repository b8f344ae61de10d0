"""Names for the parse path: a parser's entities, cleaned, combined with quoteattr's own.

A statistical tagger's entity spans are taken from tokens, and its tokens are not
quoteattr's: a span may keep the quotation mark before a name (``Marcia "``), the
possessive ending (``CBC Sports'``) or a full stop, or run over a paragraph break
("Justin Trudeau\\n\\nTrudeau"). :func:`clean_entity` trims such spans to the name.

A tagger also misses names a reporter would not (a bare surname in ``"...," Surname
said``), and a Document may have no NER at all. :func:`combine_entities` therefore adds
the names the built-in name finder (:class:`~.embedded.EmbeddedAnnotator`) sees where
the tagger saw none, but only on evidence a journalist would accept: the name stands
right beside a speech verb ("Okafor said", "said Okafor") or as a dash credit line
("― Okafor"), carries a title ("Sen. Okafor"), repeats a word of a name the tagger
did find (the surname "Okafor" after "Grace Okafor"), or recurs through the text (the
finder sees it three times or more). A tagged place or thing ("confessed Tuppence" as a
place) gives way to the finder's name only beside a speech verb. Without any NER from
the Document, the built-in names are used alone.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence

import regex

from ..annotation import Entity, EntityLabel
from ..lexicon import Lexicon
from ..spans import Span
from .embedded import EmbeddedAnnotator

ENTITY_LABELS: dict[str, EntityLabel] = {
    "PERSON": "PERSON", "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE", "LOC": "GPE", "FAC": "GPE",
    "NORP": "NORP",
    "MISC": "MISC",
}
"""OntoNotes / CoNLL-03 entity type -> Annotation label; types not listed are dropped.

PERSON, ORG and NORP keep their label; GPE, LOC and FAC become GPE (places). The numeric
and time types (DATE, CARDINAL, MONEY, ...) are never names, and EVENT, WORK_OF_ART,
LAW, PRODUCT and LANGUAGE are not mapped to MISC because the mention stage treats MISC
as a possible speaker's name, which those never are. CoNLL-03's PER and LOC map to
PERSON and GPE. stanza's and spaCy's English NER both use these types."""

_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "MISC"})
"""The labels the mention stage takes as names a quote's speaker can have."""
_EDGE = "\"'“”‘’«»‹›„‚‛‟`´()[]{}<>,;:!?*•·|/\\―—–‒‑‐-~_ \t\u00a0\u2009\u200a\u202f"
"""Characters trimmed from both ends of an entity span: quotation marks, brackets and
punctuation no name begins or ends with (a full stop is kept: "Corp.", "Jr.")."""
_POSSIBLE_ENDS = frozenset(_EDGE) | {"s", "S"}
"""Last characters that may need trimming: punctuation, or the s of a possessive."""
_POSSESSIVE = regex.compile(r"(?:['’]s|(?<=s)['’])\Z", regex.IGNORECASE)
_LINE_BREAK = regex.compile(r"[\n\r\u2028\u2029\f\v]")
_GAP = r"(?:[ \t\u00a0]+|[ \t\u00a0]*\r?\n[ \t\u00a0]*)"
"""Space between two words of one sentence: a hard-wrapped line's break, never a blank line."""
_SPEECH_AFTER = regex.compile(r"[ \t\u00a0]*,?" + _GAP + r"(\p{Ll}+)\b")
_SPEECH_BEFORE = regex.compile(r"(?r)\b(\p{Ll}+),?" + _GAP + r"\Z")


def clean_entity(text: str, start: int, end: int) -> list[Span]:
    """The name pieces of the span ``[start, end)``: cut at line breaks, with quotation
    marks, punctuation and a possessive ending trimmed off; empty pieces are dropped."""
    if (start < end and text[start] not in _EDGE and text[end - 1] not in _POSSIBLE_ENDS
            and "\n" not in text[start:end] and _LINE_BREAK.search(text, start, end) is None):
        return [Span(start, end)]  # most spans: nothing to trim or cut
    pieces: list[Span] = []
    piece_start = start
    for match in _LINE_BREAK.finditer(text, start, end):
        pieces.append(Span(piece_start, match.start()))
        piece_start = match.end()
    pieces.append(Span(piece_start, end))
    out = []
    for piece in pieces:
        s, e = piece.start, piece.end
        while True:
            while s < e and text[s] in _EDGE:
                s += 1
            while e > s and text[e - 1] in _EDGE:
                e -= 1
            possessive = _POSSESSIVE.search(text, s, e)
            if possessive is None or possessive.start() == s:
                break
            e = possessive.start()
        if e > s and any(c.isalnum() for c in text[s:e]):
            out.append(Span(s, e))
    return out


def combine_entities(
    text: str,
    paragraphs: Sequence[Span],
    tagged: Iterable[tuple[str, int, int]] | None,
    lexicon: Lexicon,
) -> tuple[Entity, ...]:
    """The Document's entities (``(type, start, end)``; None when it has no NER), cleaned,
    plus the built-in name finder's names that evidence supports (see the module doc)."""
    own = _finder(lexicon)._entities(text, tuple(paragraphs))  # noqa: SLF001 - same package
    if tagged is None:
        return tuple(own)
    found: set[Entity] = set()
    covered: list[Span] = []  # tagged spans that are not names a speaker can have
    name_words: set[str] = set()
    for kind, start, end in tagged:
        label = ENTITY_LABELS.get(str(kind).upper())
        for span in clean_entity(text, start, end):
            if label is None or label not in _SPEAKER_LABELS:
                covered.append(span)
            if label is None:
                continue
            found.add(Entity(span, label))
            if label in ("PERSON", "ORG"):
                name_words.update(w for w in span.slice(text).split() if w[:1].isupper())
    recurring = Counter(e.span.slice(text) for e in own)
    kept = _Spans(e.span for e in found if e.label in _SPEAKER_LABELS)
    others = _Spans(covered)
    replaced: list[Span] = []
    for entity in own:
        if entity.label not in _SPEAKER_LABELS:
            continue
        span = entity.span
        if kept.overlaps(span):
            continue
        words = span.slice(text).split()
        if len(words) == 1 and _not_a_name(words[0], lexicon):
            continue
        beside_verb = _beside_speech_verb(text, span, lexicon) or _credited(text, span)
        if not (beside_verb or _has_title(text, span, lexicon)
                or (len(words) == 1 and words[0] in name_words)
                or recurring.get(span.slice(text), 0) >= 3):
            continue
        if others.overlaps(span):
            if not beside_verb:
                continue  # the tagger called it something else (a date, a work, a place)
            replaced.append(span)  # "confessed Tuppence" is no place, whatever the tagger says
        found.add(entity)
    if replaced:
        swept = _Spans(replaced)
        found = {e for e in found if e.label in _SPEAKER_LABELS or not swept.overlaps(e.span)}
    return tuple(sorted(found, key=_ORDER))


def _ORDER(entity: Entity) -> tuple[int, int, str]:  # noqa: N802 - a sort key, like _SPAN_KEY
    return (entity.span.start, entity.span.end, entity.label)


def _SPAN_KEY(span: Span) -> tuple[int, int]:  # noqa: N802
    """Ints compared in C, not the dataclass's generated ``__lt__``."""
    return (span.start, span.end)


class _Spans:
    """Spans sorted by start, for quick overlap tests (a tagger's spans do not nest)."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = sorted(spans, key=_SPAN_KEY)
        self.starts = [s.start for s in self.spans]
        self.longest = max((len(s) for s in self.spans), default=0)

    def overlaps(self, span: Span) -> bool:
        i = bisect_left(self.starts, span.start - self.longest)
        for other in self.spans[i:]:
            if other.start >= span.end:
                return False
            if other.end > span.start:
                return True
        return False


_FINDERS: dict[int, tuple[Lexicon, EmbeddedAnnotator]] = {}


def _finder(lexicon: Lexicon) -> EmbeddedAnnotator:
    """One built-in name finder per lexicon, made once (it builds tables from the lexicon)."""
    held = _FINDERS.get(id(lexicon))
    if held is None or held[0] is not lexicon:
        held = _FINDERS[id(lexicon)] = (lexicon, EmbeddedAnnotator(lexicon))
    return held[1]


def _beside_speech_verb(text: str, span: Span, lexicon: Lexicon) -> bool:
    """``Okafor said``, ``said Okafor``, ``says Okafor,``: a speech verb right beside it.
    A weak one ("spoke", "resumed", "returned") counts only beside a name of several words
    ("Ana Duarte spoke"): one capitalised word before it may be any noun ("Ferries
    resumed")."""
    several = " " in text[span.start : span.end].strip()
    verbs = lexicon.speech_verbs if several else lexicon.strong_speech_verbs
    after = _SPEECH_AFTER.match(text, span.end, min(len(text), span.end + 40))
    if after is not None and after.group(1) in verbs:
        return True
    before = _SPEECH_BEFORE.search(text, max(0, span.start - 40), span.start)
    return before is not None and before.group(1) in verbs


_CREDIT_BEFORE = regex.compile(r"(?r)[―—–-][ \t\u00a0]*\Z")
_CREDIT_AFTER = regex.compile(r"[ \t\u00a0.,]*(?:$|\n|\r)", regex.MULTILINE)


def _credited(text: str, span: Span) -> bool:
    """A credit line: the name after a dash, ending its line ("― Okafor" under a quote)."""
    return (_CREDIT_BEFORE.search(text, max(0, span.start - 4), span.start) is not None
            and _CREDIT_AFTER.match(text, span.end) is not None)


def _not_a_name(word: str, lexicon: Lexicon) -> bool:
    """A capitalised pronoun or function word ("She", "But"): never a name added here."""
    low = word.lower()
    return low in lexicon.pronouns or low in lexicon.function_words


def _has_title(text: str, span: Span, lexicon: Lexicon) -> bool:
    """A title word right before the name: "Sen. Okafor", "Mr Lloyd"."""
    head = text[max(0, span.start - 30) : span.start].rstrip()
    if len(head) == span.start - max(0, span.start - 30):
        return False  # no space before the name
    word = head.rsplit(None, 1)[-1].lower() if head.split() else ""
    return word in lexicon.titles or word + "." in lexicon.titles


__all__ = ["ENTITY_LABELS", "clean_entity", "combine_entities"]
