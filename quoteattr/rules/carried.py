"""Rules that carry a speaker to a quote without a cue of its own: from the reported
speech before it, from the subject of the sentence before it, or from the quote before it."""

from __future__ import annotations

import regex

from ..context import QuoteContext
from ..lexicon import word_list
from ..spans import Span
from .base import Earlier, Found, RuleInput, cues_in, make_found
from .inverted import speaker_after_cue
from .speakers import clause_subject, sentence_start, speaker_before

_MAX_PARTIAL_GAP = 30
"""Longest text between two partial quotes of one clause ("and", "or even")."""

_CARRY_SENTENCES = 3
"""How many sentences back a paragraph-opening quote may find its speaker's reported speech."""
_CARRIED_CONFIDENCE = 0.4
_MAX_CARRIED_TAIL = 300
"""The most narrative (characters) a speaker carries over to a paragraph-opening quote."""
_REPLY_TAG = regex.compile(
    r"[\s\u00a0]*(?:was|came)[\s\u00a0]+(?:the|his|her|their|my)[\s\u00a0]+(?:"
    + "|".join(word_list("reply_nouns")) + r")\b[\s\u00a0]*[,;.:!?—–-]*[\s\u00a0]*",
    regex.IGNORECASE)
"""A speakerless tag after a quote ("was the reply", "came the answer";
``data/reply_nouns.tsv``): the quote answers the turn before it."""


def reply_tagged(inp: RuleInput, ctx: QuoteContext) -> bool:
    """Whether ``ctx``'s quote is tagged as a reply ("...," was the reply.): then it is not
    the previous quote's speaker carried on, but another person answering."""
    return _REPLY_TAG.match(inp.text, ctx.quote.span.end, ctx.paragraph.end) is not None


def previous_sentence_cue(ctx: QuoteContext, inp: RuleInput, earlier: Earlier) -> Found | None:
    """``..., Schiff said. "..."``: a quote right after a reported-speech sentence in the same
    paragraph takes that sentence's speaker."""
    if not inp.direct[ctx.position] or inp.text[ctx.left.start : ctx.left.end].strip():
        return None
    confidence = 0.8
    floor = ctx.paragraph.start
    end = ctx.left.start
    if ctx.starts_paragraph:
        if ctx.paragraph_index == 0 or reply_tagged(inp, ctx):
            return None  # a reply answers the speech before it: another person's
        if inp.genre == "fiction" and ctx.position and (
            inp.contexts[ctx.position - 1].quote.span.end > inp.paragraphs[
                ctx.paragraph_index - 1].start
        ):
            return None  # the paragraph before is a turn: this one is the next turn's
        prev = inp.paragraphs[ctx.paragraph_index - 1]
        floor, end, confidence = prev.start, prev.end, 0.4
    prev_quote_end = inp.contexts[ctx.position - 1].quote.span.end if ctx.position else -1
    # A quote opening a paragraph continues the last reported speech of the paragraph before
    # ("Okafor said the clinic would reopen. Staff trained all winter." + a new paragraph):
    # news introduces a new speaker before quoting one, so narrative sentences may stand
    # between, as long as they name no other person.
    for _ in range(_CARRY_SENTENCES if ctx.starts_paragraph else 1):
        start = max(sentence_start(inp.text, floor, end - 2), prev_quote_end)
        if start >= end:
            return None
        window = Span(start, end)
        for cue in reversed(cues_in(inp, window)):
            speaker = speaker_before(inp, window.start, cue.start) or speaker_after_cue(
                inp, cue, cue.end, window.end
            )
            if speaker is not None and speaker[0] is not None:
                return make_found("previous_sentence_cue", confidence, speaker, cue, inp)
        if start <= floor or _names_person(inp, window):
            return None
        end, confidence = start, _CARRIED_CONFIDENCE
    return None


def _names_person(inp: RuleInput, window: Span) -> bool:
    """Whether ``window`` introduces a person (who might be the next quote's speaker): a
    person's name, a name of two words or more, or "a nurse", "the coach". A lone
    capitalised word ("Crews stayed overnight") does not: news gives a new person in full."""
    return any(m.label == "PERSON" and not inp.text.startswith(
                   ("his ", "her ", "their ", "its "), m.span.start) and m.kind != "pronoun"
               or m.kind == "name" and m.label == "UNKNOWN" and " " in m.head
               for m in inp.mentions.between(window.start, window.end))


def paragraph_subject(ctx: QuoteContext, inp: RuleInput, earlier: Earlier) -> Found | None:
    """A quote with no cue after a sentence about someone: ``Pruitt stopped ... "I did nothing
    wrong."`` takes the subject of the sentence before it in the same paragraph."""
    if not inp.direct[ctx.position] or ctx.left.start == ctx.paragraph.start:
        return None
    if inp.text[ctx.right.start : ctx.right.end].strip(" .,\u00a0"):
        return None
    floor = ctx.paragraph.start
    if inp.genre == "fiction" and ctx.position and inp.direct[ctx.position - 1] and (
        inp.contexts[ctx.position - 1].quote.span.end > floor
    ):  # a turn's subject is not inside the quote before it; news reads the whole
        # sentence, whose subject often stands before an earlier quote ("X said, '...'")
        floor = inp.contexts[ctx.position - 1].quote.span.end
    if floor >= ctx.left.start:
        return None
    before = Span(floor, ctx.left.start)
    start = sentence_start(inp.text, before.start, before.end - 2)
    # A bounded window: the sentence before a quote, not a whole run-on paragraph.
    subject = clause_subject(inp, Span(max(start, before.end - 600), before.end))
    if subject is None or subject[0] is None:
        return None
    if inp.mentions.mentions[subject[0]].label not in ("PERSON", "GROUP", "UNKNOWN"):
        return None
    return make_found("paragraph_subject", 0.55, subject, None, inp)


_MAX_GLOSS_GAP = 80
"""How far (characters) a bracketed gloss may stand from the quote it translates: the
quote's own cue between them ('," said Mama Njeri, who sells flour and cooking oil. (')."""


def _glossed(text: str, prev: QuoteContext, ctx: QuoteContext) -> bool:
    """Whether quote ``ctx`` is a translation or gloss in brackets of quote ``prev``: in
    the same paragraph, the bracket opening right before it and closing right after, and
    between the two quotes nothing but a bracket, or the first quote's cue and sentence end
    ('," she said. (')."""
    between = text[prev.quote.span.end : ctx.quote.span.start].rstrip()
    if not between.endswith(("(", "[")) or not text.startswith((")", "]"), ctx.quote.span.end):
        return False
    cue = between[:-1].rstrip()
    return not cue or (prev.paragraph_index == ctx.paragraph_index
                       and len(cue) <= _MAX_GLOSS_GAP and cue[-1] in ".!?")


def _carried_on(prev_found: Found, prev_index: int, confidence: float) -> Found:
    """The speaker of quote ``prev_index`` (found as ``prev_found``) carried on to the next."""
    return Found("follow_on_quote", confidence, prev_found.mention, prev_found.mention_span,
                 prev_found.cue, prev_found.phrase, inherited_from=prev_index)


def follow_on_quote(ctx: QuoteContext, inp: RuleInput, earlier: Earlier) -> Found | None:
    """A quote with no cue of its own takes the speaker of the quote just before it: the next
    quoted sentence, or a second partial quote in the same clause (``"ready" and "able"``)."""
    if ctx.position == 0:
        return None
    prev_index = ctx.position - 1
    prev = inp.contexts[prev_index]
    prev_found = earlier.found(prev_index)
    if prev_found is None or prev_found.mention_span is None:
        return None
    own_clause = inp.text[ctx.left.start : ctx.left.end].strip()
    if own_clause and prev.paragraph_index == ctx.paragraph_index and (
        (m := _REPLY_TAG.fullmatch(inp.text, prev.quote.span.end, ctx.quote.span.start))
        and m.end() > m.start()
    ):
        # '"Sorry," was the answer; "but not for that."': the tag's second quote goes on
        return _carried_on(prev_found, prev_index, 0.85)
    if _glossed(inp.text, prev, ctx):
        # '... said: "Níl go leor leapacha againn." ("We don't have enough beds.")': the
        # translation or gloss in brackets after a quote is the same speaker's
        return _carried_on(prev_found, prev_index, 0.85)
    if not inp.direct[ctx.position]:
        if ctx.left.start != prev.quote.span.end or len(own_clause) > _MAX_PARTIAL_GAP:
            return None
        return _carried_on(prev_found, prev_index, 0.85)
    if own_clause and own_clause[-1:] not in ".!?:\"”’'":
        return None
    if prev.paragraph_index == ctx.paragraph_index:
        between = inp.text[prev.quote.span.end : ctx.quote.span.start]
        if inp.mentions.between(prev.right.end, ctx.quote.span.start) and len(between) > 200:
            return None
        confidence = 0.85
    elif prev.paragraph_index == ctx.paragraph_index - 1 and ctx.starts_paragraph:
        if reply_tagged(inp, ctx):
            return None  # a reply is another person's turn, never the last speaker's
        if inp.genre == "fiction":
            return None  # a new paragraph is a new turn (conversation.turn_taking), not
            # the last speaker carried on: right for 2 of 17 such quotes on LitBank dev
        prev_para = inp.paragraphs[prev.paragraph_index]
        trailing = inp.text[prev.right.end : prev_para.end].strip()
        confidence = 0.8
        if len(trailing) > 2:
            # narrative after the quote ("The team travels to Halifax next week."): the
            # speaker carries over when it neither quotes, cites nor names anyone else
            tail = Span(prev.right.end, prev_para.end)
            if len(trailing) > _MAX_CARRIED_TAIL or cues_in(inp, tail) or _names_person(
                inp, tail
            ):
                return None
            confidence = _CARRIED_CONFIDENCE
    else:
        return None
    return _carried_on(prev_found, prev_index, confidence)
