"""A question put to the speaker, quoted in the clause that introduces the answer:
``Asked by a reporter, "Did you think it was over?", Vukelic laughed.`` The quoted words
are the asker's (the reporter's), not those of the one who answers, whom the clause names;
an asker the text does not name ("Asked, "Why now?", she smiled") leaves the question
with no speaker rather than give it to the one who was asked.
"""

from __future__ import annotations

import regex

from ..context import QuoteContext
from ..spans import Span
from .base import Earlier, Found, RuleInput, make_found

_ASKED = regex.compile(
    r"[\s\"“‘']*+(?:(?:When|Once|After being) )?[Aa]sked(?: by (?P<by>[^,\"“”‘’\n]{2,80}?))?"
    r"[ \t]*,[ \t]*")
"""The introductory phrase before the question, to the quote's opening mark."""
_CLOSING = "\"'”’» "


def asked_question(ctx: QuoteContext, inp: RuleInput, earlier: Earlier) -> Found | None:
    """``Asked by a reporter, "...?"``: the question is the asker's (see the module doc)."""
    text, left, quote = inp.text, ctx.left, ctx.quote
    if text.find("sked", left.start, min(quote.span.start, left.start + 20)) < 0:
        return None  # (str.find first: nearly every quote has no "Asked" before it)
    lead = _ASKED.fullmatch(text, left.start, quote.span.start)
    if lead is None or not text[quote.content.start : quote.content.end].rstrip(
            _CLOSING).endswith("?"):
        return None
    cue = Span(lead.start() + lead.group().index("sked") - 1,
               lead.start() + lead.group().index("sked") + 4)
    if lead["by"] is None:
        return Found("asked_question", 0.8, None, None, cue)  # the asker is not named
    start, end = lead.span("by")
    m = inp.mentions.starting_at(start)
    if m is not None and m.span.end <= end:
        return make_found("asked_question", 0.85, (inp.mentions.index_of(m), m.full_span, ""),
                          cue, inp)
    return make_found("asked_question", 0.85, (None, Span(start, end), text[start:end]), cue,
                      inp)


__all__ = ["asked_question"]
