"""What rules hand back (:class:`Found`) and what they read (:class:`RuleInput`).

Kept apart from the rules so that the surface-pattern rules, the parse-based rules
and the speaker-phrase helpers can share them without importing each other.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from heapq import heappop, heappush
from itertools import islice
from re import Pattern
from typing import NamedTuple, TypeVar

import regex

from ..annotation import Token
from ..context import QuoteContext
from ..errors import InputTypeError, InputValueError, describe_type
from ..lexicon import Lexicon, word_list
from ..mentions import Mention, MentionIndex
from ..spans import Span

SpeakerPhrase = tuple[int | None, Span, str]
"""A speaker found in the text: its mention index (or None), its span, and its text when it
is not a known mention."""

CueCache = dict[tuple[int, int], tuple[Span, ...]]
"""The speech cues of each ``(start, end)`` window of one document already searched."""


class Found(NamedTuple):
    """What a rule found: the speaker phrase, the cue and how sure the rule is (a named
    tuple: quicker to make than a frozen dataclass, and rules make one per attribution)."""

    rule: str
    confidence: float
    mention: int | None
    """Index of the speaker mention in the document's :class:`MentionIndex`, if it is one."""
    mention_span: Span | None
    cue: Span | None
    phrase: str = ""
    """For a speaker phrase that is not a known mention ("voices across Europe"): its text."""
    inherited_from: int | None = None
    """For a follow-on quote: the position of the quote whose speaker it took."""


class Earlier:
    """The decisions made for the quotes before one quote: what a rule found for each and
    the entity it was resolved to (the follow-on and conversation rules read them).

    A read-only view, given to the rules of each quote in turn: it shows the first
    ``count`` decisions of the pipeline's running lists, which are appended to only after
    the quote's rules have returned, so what a rule reads here never changes under it.
    """

    __slots__ = ("_found", "_speakers", "count")

    def __init__(
        self, found: Sequence[Found | None], speakers: Sequence[int | None], count: int
    ) -> None:
        self._found = found
        self._speakers = speakers
        self.count = count
        """How many quotes come before: the position of the quote the rules are reading."""

    def found(self, position: int) -> Found | None:
        """What a rule found for the quote at ``position`` (None: no rule fired, or it was
        not speech)."""
        return self._found[self._decided(position)]

    def speaker(self, position: int) -> int | None:
        """The entity the quote at ``position`` was resolved to, or None."""
        return self._speakers[self._decided(position)]

    def _decided(self, position: int) -> int:
        """``position``, checked to be one of the quotes decided so far."""
        if not 0 <= position < self.count:
            msg = f"position must be in range({self.count}), the quotes decided so far"
            raise IndexError(msg)
        return position


@dataclass(frozen=True, slots=True)
class RuleInput:
    """Everything the rules may read about one document; the decisions made so far come to
    each rule apart, as an :class:`Earlier`."""

    text: str
    lexicon: Lexicon
    mentions: MentionIndex
    contexts: Sequence[QuoteContext]
    paragraphs: Sequence[Span]
    direct: Sequence[bool]
    """Whether each top-level quote is a direct quote."""
    cues: Pattern[str]
    """The speech-verb pattern built from ``lexicon`` (see :func:`speech_cue_pattern`)."""
    tokens: Sequence[Token] = ()
    """Tokens with parts of speech and dependencies, when the annotator provides them."""
    token_starts: Sequence[int] = field(default_factory=tuple)
    """``tokens[i].span.start`` for each token, for bisection."""
    layers: frozenset[str] = frozenset({"paragraphs", "sentences", "entities"})
    """The annotation layers the annotator filled; rules needing others are skipped."""
    cue_cache: CueCache = field(default_factory=dict, compare=False, repr=False)
    """The cues found in each window so far (see :func:`find_cues`)."""
    lead_cache: dict[tuple[int, int], Found | None] = field(default_factory=dict, compare=False,
                                                            repr=False)
    """A cache, by quote span: the one pass over the cues before a quote that
    ``speaker_cue_quote`` and ``cue_speaker_quote`` share (a function of the text alone, so
    keeping it changes nothing either rule finds)."""
    cluster_of: Callable[[int], int | None] | None = field(default=None, compare=False,
                                                           repr=False)
    """The entity of a mention (by index), when coreference is at hand."""
    genre: str = "news"
    """The genre's conventions to follow: "news" or "fiction" (see :data:`GENRES`)."""
    is_character: Callable[[int], bool] | None = field(default=None, compare=False, repr=False)
    """Whether an entity is a person the text names more than once or knows as a person
    (a quote that is one capitalised word addresses a character, "Ralph!", not "Ditto!")."""

    def tokens_between(self, start: int, end: int) -> range:
        """Indices of the tokens that start inside ``[start, end)``."""
        return range(bisect_left(self.token_starts, start), bisect_left(self.token_starts, end))


GENRES = ("news", "fiction")
"""The genres whose conventions the rules know."""
GENRE_CHOICES = ("auto", *GENRES)
"""What a caller may ask for: a genre, or "auto" (the default): news, unless the text opens
with a book's heading ("CHAPTER I"; quoteattr.opening), when it is read as fiction."""



def check_genre(genre: object) -> str:
    """``genre`` when it is one of :data:`GENRE_CHOICES`; else an error naming the argument."""
    if not isinstance(genre, str):
        msg = f"genre must be a str, one of {list(GENRE_CHOICES)}, got {describe_type(genre)}"
        raise InputTypeError(msg)
    if genre not in GENRE_CHOICES:
        msg = f"genre must be one of {list(GENRE_CHOICES)}, got {genre!r}"
        raise InputValueError(msg)
    return genre


Rule = Callable[[QuoteContext, RuleInput, Earlier], "Found | None"]
"""A rule reads one quote's context, the document and the decisions for the quotes before."""


_ROUNDED: dict[float, float] = {}
"""One float object per rounded confidence (a few dozen values), shared by every Found."""


def make_found(
    rule: str, confidence: float, speaker: SpeakerPhrase, cue: Span | None, inp: RuleInput
) -> Found:
    """A :class:`Found`, a little less sure when the speaker is "it" or "they"."""
    mention, span, phrase = speaker
    if mention is not None:
        m: Mention = inp.mentions.mentions[mention]
        if m.kind == "pronoun" and m.head in ("it", "they"):
            confidence -= 0.05
    rounded = round(confidence, 2)
    return Found(rule, _ROUNDED.setdefault(rounded, rounded), mention, span, cue, phrase)


def find_cues(
    cues: Pattern[str], text: str, start: int, end: int, cache: CueCache
) -> tuple[Span, ...]:
    """The matches of ``cues`` inside ``[start, end)``, searched once per window and
    document: the kind test and several rules all read the clause before a quote."""
    key = (start, end)
    found = cache.get(key)
    if found is None:
        found = tuple([Span(*m.span()) for m in cues.finditer(text, start, end)])
        cache[key] = found
    return found


_Cached = TypeVar("_Cached")
"""The value type of a cache :class:`CueForgetter` trims."""


class CueForgetter:
    """Drops the cached entries of a per-window cache (keyed by a window's start and end)
    that lie before a position, at a cost per entry (each is pushed on a heap once, popped
    once), not per entry cached: the kind test fills the cue cache for every quote of the
    text first, so rebuilding the dict each time made a long novel's attribution quadratic.
    ``by_end`` forgets a window by its end (the cue cache: a window read until it ends),
    else by its start (the lead cache, keyed by a quote's span)."""

    def __init__(self, by_end: bool = True) -> None:
        self._field = 1 if by_end else 0
        self._keys: list[tuple[int, tuple[int, int]]] = []
        self._known = 0  # entries of the cache already on the heap (the oldest ones)
        self._most = 0  # the most entries the cache held since its table was last made

    def forget(self, cache: dict[tuple[int, int], _Cached], before: int) -> None:
        """Remove every entry of ``cache`` whose window ends (or starts) before ``before``."""
        field = self._field
        for key in islice(reversed(cache), len(cache) - self._known):
            heappush(self._keys, (key[field], key))  # a dict iterates newest last: new ones
        keys = self._keys
        self._most = max(self._most, len(cache))
        while keys and keys[0][0] < before:
            cache.pop(heappop(keys)[1], None)
        # A dict keeps its table as entries go, and a long text's cue cache held a window of
        # every quote (the kind test): made again once three quarters of its most are gone,
        # over however many calls they went.
        if len(cache) * 4 < self._most:
            kept = dict(cache)
            cache.clear()
            cache.update(kept)
            self._most = len(cache)
        self._known = len(cache)


_DETERMINER = (
    r"(?:(?<![\p{L}'’-])(?:"
    + "|".join(
        [*word_list("noun_determiners")]
        + [w.capitalize() for w, capitalised in zip(
            word_list("noun_determiners"), word_list("noun_determiners", "capitalised"),
            strict=True) if capitalised == "yes"]
    )
    + r")|\p{L}['’]s?)\s+"
)
"""A determiner (``data/noun_determiners.tsv``, whole words) or a possessive ("Bush's")."""
_NOUN_AFTER_MODIFIER = regex.compile(rf"(?r){_DETERMINER}(?:[\p{{L}}-]+\s+){{0,2}}\Z")
_NOUN_CONTEXT = regex.compile(r"\s*:|\s+to\s")
"""What follows a noun, not a verb: "a blunt message to Trump", "Bush's Facebook post:"."""
_NOUN_AFTER_ARTICLE = regex.compile(
    r"(?r)(?<![\p{L}'’-])(?<!\b(?:was|is|were|came|comes)\s+)(?:[Aa]n?|[Tt]he)\s+"
    r"(?:\p{Ll}[\p{Ll}-]*(?:ed|ing)\s+)?\Z")
"""An article, and at most a participle, right before a weak cue: the cue is its noun ("in
such an excited state", "a smile"), whatever follows it; "was the reply", "was the
promise Keller made" name a speaker all the same (``speaker_cue_in_sentence``). Searched
in reverse from the cue, where it must end: forward, it is tried at each of the 30
characters before it."""


def _noun_use(text: str, cue: Span) -> bool:
    """Whether a weak cue word is used as a noun: after a determiner or possessive (and
    modifiers) with a colon or "to" after it ("a blunt message to Trump:", "Bush's Facebook
    post:"); "the letter reads," stays a verb."""
    if _NOUN_AFTER_ARTICLE.search(text, max(0, cue.start - 30), cue.start):
        return True  # "in such an excited state", "was the rallying cry": a noun, said nothing
    if text[cue.end : cue.end + 1] not in (":", " "):
        return False
    return bool(_NOUN_CONTEXT.match(text, cue.end)) and bool(
        _NOUN_AFTER_MODIFIER.search(text, max(0, cue.start - 40), cue.start)
    )


def first_cues_in(inp: RuleInput, span: Span) -> Iterator[Span]:
    """The cues of :func:`cues_in`, found one at a time and not cached: for a window that
    one rule reads, nearly always only up to its first cue ("...," Kerry said, and 190
    characters more that need no search)."""
    strong, text = inp.lexicon.strong_speech_verbs, inp.text
    for match in inp.cues.finditer(text, span.start, span.end):
        cue = Span(*match.span())
        if _verb_use(text, cue, strong):
            yield cue


def cues_in(inp: RuleInput, span: Span) -> tuple[Span, ...]:
    """The speech cues inside ``span`` that are verbs: a weak form used as a noun ("a blunt
    message to Trump:", "Bush's Facebook post:") is no cue."""
    cues = find_cues(inp.cues, inp.text, span.start, span.end, inp.cue_cache)
    if not cues:
        return cues
    strong, text = inp.lexicon.strong_speech_verbs, inp.text
    kept = [c for c in cues if _verb_use(text, c, strong)]
    return cues if len(kept) == len(cues) else tuple(kept)


def _verb_use(text: str, cue: Span, strong: frozenset[str]) -> bool:
    """Whether a cue found by the cue pattern is a verb here: a strong form always is, a
    weak one unless it is used as a noun (:func:`_noun_use`)."""
    return text[cue.start : cue.end] in strong or not _noun_use(text, cue)
