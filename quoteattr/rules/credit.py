"""A quote standing alone whose speaker the next sentence names: a feature's lede
``"The water came through the floorboards first." That's how Samuel Oduya describes the
night`` or ``"..." Those were the words of Dr Ng``. The opening phrases are
``data/credit_openers.tsv``."""

from __future__ import annotations

import regex

from ..blanks import past
from ..context import QuoteContext
from ..lexicon import word_list
from .base import Earlier, Found, RuleInput, make_found
from .inverted import speaker_after

_PHRASES = word_list("credit_openers")
"""The opening phrases of ``data/credit_openers.tsv``, read once for the tables below."""
_NOUNS = "(?:" + "|".join(word_list("credit_nouns")) + ")s?"
_SPACES = r"[ \t\u00a0]+"
_NOUN_OPENERS = (
    rf"(?:that|this){_SPACES}(?:was|is){_SPACES}the{_SPACES}{_NOUNS}{_SPACES}(?:of|from)",
    rf"(?:those|these){_SPACES}(?:were|are){_SPACES}the{_SPACES}{_NOUNS}{_SPACES}(?:of|from)",
    rf"(?:that|this|those|these|the){_SPACES}{_NOUNS}{_SPACES}came{_SPACES}from",
)
"""Openers built on a noun for what was said (``data/credit_nouns.tsv``): "That was the
advice from", "Those were the views of", "That warning came from"; tried before the
phrases of ``data/credit_openers.tsv``, whose "that was" they begin with."""
_OPENER = regex.compile(
    r"[ \t\u00a0]*+(?:\r?\n[ \t\u00a0]*+){0,2}("
    + "|".join((*_NOUN_OPENERS, *(regex.escape(p).replace(r"\ ", _SPACES)
                                   for p in _PHRASES)))
    + r")[ \t\u00a0]+",
    regex.IGNORECASE,
)
"""The opening phrase right after the quote: in the same paragraph or the next one."""
_NAME_ONLY = frozenset(phrase for phrase, speaker in zip(
    _PHRASES, word_list("credit_openers", "speaker"), strict=True) if speaker == "name")
"""Openers after which only a name is the speaker: "That was Darnell", not "That was the
day the pier closed"."""
_OPENER_BLANKS = " \t\u00a0\r\n"
"""What may stand before a credit opener (:data:`_OPENER`), skipped with str tests."""
_OPENER_FIRST = frozenset(
    c for p in _PHRASES for c in (p[:1].lower(), p[:1].upper()))
"""The first characters a credit opener may start with, in either case."""

_SENTENCE_END = ".!?…"

_MAX_SPEAKER_WINDOW = 120


def credit_after(ctx: QuoteContext, inp: RuleInput, earlier: Earlier) -> Found | None:
    """``"..." That's how Samuel Oduya describes it``: the quote ends its sentence, and the
    sentence after it opens with a credit phrase and names the speaker."""
    text, end = inp.text, ctx.quote.span.end
    content = text[ctx.quote.content.start : ctx.quote.content.end].rstrip()
    if not content or content[-1] not in _SENTENCE_END:
        return None  # "...," ends no sentence: a tag follows, read by the other rules
    limit = min(len(text), end + 60)
    after = past(text, end, limit, _OPENER_BLANKS)  # the next sentence's first word
    first = text[after:limit][:1]
    if first.isascii() and first not in _OPENER_FIRST and not first.isupper():
        return None  # neither a credit's first word nor a subject's can start here
    opener = _OPENER.match(text, end, limit, concurrent=False)
    if opener is None:
        return _said_so(inp, after)
    start = opener.end()
    speaker = speaker_after(inp, start, min(len(text), start + _MAX_SPEAKER_WINDOW))
    if speaker is None or speaker[0] is None:
        return None
    if inp.mentions.mentions[speaker[0]].kind != "name" and (
            " ".join(opener[1].lower().split()) in _NAME_ONLY):
        return None
    return make_found("credit_after", 0.8, speaker, None, inp)


_SAID_SO = regex.compile(
    r"(?:,[^,.!?\n]{1,100},|[ \t\u00a0](?:of|from|in)[ \t\u00a0][^,.!?\n]{1,40}?)?"
    r"[ \t\u00a0]+(?:" + "|".join(word_list("quote_object_verbs")) + r")"
    r"[ \t\u00a0]+(?:it|so|this|as much)(?=[.,;:!?]|[ \t\u00a0](?:" + "|".join(
        word_list("credit_object_followers")) + r")(?![\p{L}\p{N}]))")
"""After the subject of the sentence after a quote, maybe past an appositive or a place:
a speech verb of ``data/quote_object_verbs.tsv`` whose object is the quote itself ("She
said it twice", "X, the critic who chaired the judges, said so at the ceremony", "Chief X
of Vatlesa village said it in Bislama"); not "said that ...", which reports more, nor
"said it would", whose "it" opens what is reported: a punctuation mark or a word of
``data/credit_object_followers.tsv`` must follow the object."""


def _said_so(inp: RuleInput, start: int) -> Found | None:
    """``"..." She said it twice``: the sentence after the quote opens with its speaker,
    whose speech verb takes the quote as its object (:data:`_SAID_SO`)."""
    after = inp.mentions.between(start, start + _MAX_SPEAKER_WINDOW)[:1]
    if not after or after[0].full_span.start != start:
        return None
    m = after[0]
    if _SAID_SO.match(inp.text, m.span.end, min(len(inp.text), m.span.end + 130),
                      concurrent=False) is None:
        return None
    return make_found("credit_after", 0.8, (inp.mentions.index_of(m), m.span, ""), None, inp)
