"""Tell direct quotes from partial ("mixed") quotes, nested quotes and scare quotes.

A direct quote stands as a clause of its own: it opens a paragraph or sentence,
follows a colon, or follows a speech cue and a comma (``he said, "..."``). Quoted
words in the middle of a clause are partial quotes when the clause reports speech
and scare quotes otherwise; short title-case spans such as ``The "Islamic State"``
are names, not speech.
"""

from __future__ import annotations

import regex

from .blanks import ASCII_BLANKS, past, settles
from .lexicon import word_list
from .quotes import QuoteSpan
from .records import QuoteKind
from .spans import BLANK, Span

# concurrent=False on ``regex`` calls: see the note in annotators/embedded.py.

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]*")
_COUNTED_WORDS = 7
"""One more than the most words :func:`classify_quote` counts up to (a short title has 6)."""
_LOOK_BACK = 200
_DASH_THEN_QUOTE = regex.compile(r"\s*(?:-{1,3}|[—–―])\s*[\"“‘'«„]")
"""A quote joined by a dash to the next one: a saying and its translation."""
_DASHES = "-—–―"
"""The dashes of :data:`_DASH_THEN_QUOTE`."""
_CLOSING_MARKS = "\"'”’»›“"
_TERMINAL = ".?!…"
_GLOSS_WORDS = frozenset(word_list("gloss_words"))
"""Words before a quoted translation of the words just quoted (``data/gloss_words.tsv``)."""
_TITLE_SMALL_WORDS = frozenset(word_list("title_small_words"))
"""Words a quoted title leaves in lower case (``data/title_small_words.tsv``)."""


def _is_title_case(words: list[str]) -> bool:
    if not words:
        return False
    return words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL_WORDS for w in words
    )


def _first_words(content: str) -> list[str]:
    """The words of ``content``, but no more than :data:`_COUNTED_WORDS`: the rules below
    only ask whether a quote has up to 6 words, so a long quote is not scanned to its end."""
    words: list[str] = []
    for match in _WORD.finditer(content, concurrent=False):
        words.append(match.group())
        if len(words) == _COUNTED_WORDS:
            break
    return words


def classify_quote(
    text: str,
    quote: QuoteSpan,
    paragraph: Span,
    clause_start: int,
    has_cue_before: bool,
    word_before_is_cue: bool,
) -> QuoteKind:
    """The kind of one quote, from the text around it.

    ``clause_start`` is where the clause holding the quote begins (the sentence
    start, or the end of the previous quote); ``has_cue_before`` says whether a
    speech verb stands between it and the quote.
    """
    if quote.depth > 0:
        return "nested"
    content = text[quote.content.start : quote.content.end].strip()
    last = content.rstrip(_CLOSING_MARKS + " ")[-1:]
    terminal = bool(last) and (last in _TERMINAL or last in ",—–-:;")
    # The words are read only where a test below needs them: most quotes end in a full
    # stop or a comma, and are no title, so their words are never counted.
    words = _first_words(content) if last and last not in _TERMINAL + "," else None
    short_title = words is not None and len(words) <= 6 and _is_title_case(words)
    # Only the last characters matter; a bounded look keeps long paragraphs linear.
    window_start = max(paragraph.start, quote.span.start - _LOOK_BACK)
    before = text[window_start : quote.span.start].rstrip(BLANK)
    if not before and window_start > paragraph.start:
        before = text[paragraph.start : quote.span.start].rstrip(BLANK)
    prev = before[-1:]
    if prev and prev in "-—–―" and before.rstrip(" -—–―")[-1:] in _CLOSING_MARKS:
        before = before.rstrip(" -—–―")  # "Je suis Bruxellois" -- "I am a citizen"
        prev = before[-1:]
    if prev in _CLOSING_MARKS and len(before) >= 2:
        # a quote right after another ("A" -- "B", or a closing mark then a space)
        prev = before[-2:-1] if before[-2:-1] in _TERMINAL + ",:;" else prev
    opens_clause = (
        prev == ""
        or prev in _TERMINAL
        or prev in ":;"
        or (prev in ",—–-―(" and (has_cue_before or clause_start >= quote.span.start - 3))
        or prev in _CLOSING_MARKS
    )
    after = past(text, quote.span.end, len(text), ASCII_BLANKS)
    paired = not settles(text, after, len(text), _DASHES) and _DASH_THEN_QUOTE.match(
        text, quote.span.end, concurrent=False) is not None
    if short_title and not (opens_clause and (prev in ("", ":") or paired)):
        return "scare"
    if opens_clause:
        if not terminal and prev not in ("", ":") and not paired and len(
            _first_words(content) if words is None else words
        ) <= 2:
            return "mixed" if has_cue_before else "scare"
        return "direct"
    if terminal and (word_before_is_cue or _after_gloss(before)):
        return "direct"  # 'she said, "..."', or '..., meaning "All my money has burnt."'
    if has_cue_before:
        return "mixed"
    return "scare" if len(_first_words(content) if words is None else words) <= 4 else "mixed"


def _after_gloss(before: str) -> bool:
    """Whether the text ``before`` a quote ends in a gloss word ("meaning"), so that the
    quote renders the words just quoted in another language."""
    last = before[-12:].rsplit(None, 1)[-1:]
    return bool(last) and last[0].lower() in _GLOSS_WORDS


_OPENING_CUE = regex.compile(r"[\s\"“‘']*+(?:Asked|Pressed|Questioned)\b")
"""A participle of asking that opens the clause before a quote, capitalised as the
sentence's first word (the cue pattern reads cues in lower case only)."""


def opening_cue_end(text: str, start: int, end: int) -> int:
    """Where "Asked" ends when it opens the clause ``[start, end)`` before a quote ("Asked
    about the fire, "It was terrible," she said": the quote answers, a direct quote; "Asked
    by a reporter, "...?"": the question), else -1."""
    if text.find("ed", start, min(end, start + 16)) < 0:
        return -1  # (str.find first: nearly every clause opens otherwise)
    match = _OPENING_CUE.match(text, start, end, concurrent=False)
    return -1 if match is None else match.end()


_TO_ONESELF = regex.compile(r"[ \t\n]+to[ \t\n]+(?:himself|herself|myself|themselves|ourselves)\b")
"""'"Courage," she said to herself': words said to oneself are thought."""


def is_thought(text: str, cue: Span | None, thought_verbs: frozenset[str]) -> bool:
    """Whether a quote's attributing cue makes it inner speech: a verb of thinking
    ("thought", "wondered") or a speech verb said to oneself."""
    if cue is None:
        return False
    return text[cue.start : cue.end].lower() in thought_verbs or bool(
        _TO_ONESELF.match(text, cue.end, concurrent=False))
