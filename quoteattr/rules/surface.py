"""The surface-pattern rules: quote, cue and speaker in the order the text puts them.

Each function's name is the ``rule`` value in the output and its docstring opens with
the pattern. Confidences are the rule's precision measured on the PolNeAR train split
(benchmarks/run_eval.py, ``quoteattr evaluate --by rule``), rounded down.
"""

from __future__ import annotations

import regex

from ..blanks import ASCII_BLANKS, past, settles
from ..context import QuoteContext
from ..spans import Span
from .base import (
    Earlier,
    Found,
    RuleInput,
    SpeakerPhrase,
    cues_in,
    first_cues_in,
    make_found,
)
from .inverted import is_title_lead, passive_agent, speaker_after, speaker_after_cue
from .media import recorded_speaker
from .speakers import (
    clause_subject,
    document_author,
    is_person_like,
    speaker_at,
    speaker_before,
)

_CONJOINED_CUE = regex.compile(r"\b(?:and|but)\s+(?:\p{Ll}+ly\s+)?\Z")
"""A cue in a second predicate: "She urges her husband to ... and repeatedly says", "He
denied it but said"."""

_LEAD = regex.compile(r"[\s,]*")
_LEAD_CHARS = ASCII_BLANKS + ","

_PARTICLE = regex.compile(r"\s+(?:out|back|up)\b")
"""The particle of a phrasal cue, between it and an inverted speaker: "blurted out Pike"."""

_DASHES = "-—–―‒"
_DASH_LEAD = regex.compile(r"\s*[,]?\s*(?:-{1,3}|[—–―‒])\s*")

_PAIR_GAP = regex.compile(r"\s*(?:-{1,3}|[—–―‒:;])\s*")

_MAX_CREDIT_LINE = 80


_ACCORDING = regex.compile(r"\b[Aa]ccording to\s+")

_SENTENCE_STOP = regex.compile(r"[.!?]\s")

_MAX_TAIL_WORDS = 12
"""How many words may separate a speech cue from the quote it introduces."""

_WORD = r"\p{L}\p{N}'’-"
"""The characters of a word, as the tail limit counts words: letters, digits, apostrophes
and hyphens."""
_TOO_MANY_TAIL_WORDS = regex.compile(rf"(?:[^{_WORD}]*+[{_WORD}]++){{{_MAX_TAIL_WORDS + 1}}}")
"""Matches a tail of more than :data:`_MAX_TAIL_WORDS` words: each round takes one whole
word and the gap before it, so the match stops at the 13th word instead of listing every
word of a long tail."""


def too_many_tail_words(tail: str) -> bool:
    """Whether more than :data:`_MAX_TAIL_WORDS` words separate a cue from its quote.

    Each word after the first needs a character between it and the one before, so a tail
    shorter than :data:`_SHORTEST_LONG_TAIL` cannot hold that many (most tails are ", "
    or ": "): no match is tried for it."""
    return len(tail) >= _SHORTEST_LONG_TAIL and _TOO_MANY_TAIL_WORDS.match(tail) is not None


_SHORTEST_LONG_TAIL = 2 * (_MAX_TAIL_WORDS + 1) - 1
"""The fewest characters a tail of :data:`_MAX_TAIL_WORDS` + 1 words takes (one character
per word and one between each two)."""


_MAX_RIGHT_LEAD = 3

_MAX_TITLE_LEAD = 60
"""Longest title phrase before a speaker's name that quote_speaker_cue looks through."""


def _own_right_clause(ctx: QuoteContext, inp: RuleInput) -> bool:
    """Whether the clause after the quote can be its attribution: a partial quote that ends
    its sentence does not own the next one ("...was "overdue." Brandt said it was ...")."""
    return not ctx.right_is_next_sentence or inp.direct[ctx.position]


def _right_words_start(ctx: QuoteContext, inp: RuleInput) -> int | None:
    """Where the words after the quote begin (past spaces and commas), or None when the
    clause after the quote is not its own (see :func:`_own_right_clause`)."""
    if not _own_right_clause(ctx, inp):
        return None
    text, end = inp.text, ctx.right.end
    i = past(text, ctx.right.start, end, _LEAD_CHARS)
    if settles(text, i, end, ""):
        return i  # (_LEAD stops at the first character neither white space nor a comma)
    lead = _LEAD.match(text, ctx.right.start, end)
    return lead.end() if lead else ctx.right.start


def quote_speaker_cue(ctx: QuoteContext, inp: RuleInput, earlier: Earlier) -> Found | None:
    """``"...," Kerry said`` / ``"...," the minister told reporters``: speaker then cue after."""
    start = _right_words_start(ctx, inp)
    if start is None:
        return None
    if start - ctx.right.start > _MAX_RIGHT_LEAD:
        return None
    for cue in first_cues_in(inp, Span(start, min(ctx.right.end, start + 200))):
        agent = passive_agent(inp, cue, ctx.right.end) or _quoted_after(inp, cue, ctx.right.end)
        if agent is not None:  # "...," Jones was told by Smith / the release quoted him as saying
            return make_found("quote_speaker_cue", 0.9, agent, cue, inp)
        speaker = speaker_before(inp, start, cue.start)
        if speaker is None or speaker[1].start > start + 1:
            # "...," Jim Carr, a farmer near Sussex, N.B., said: not the place nearest the cue
            speaker = speaker_at(inp, start, cue.start) or speaker
        if speaker is not None and (speaker[1].start <= start + 1 or (
            speaker[1].start - start < _MAX_TITLE_LEAD
            and is_title_lead(inp.text[start : speaker[1].start], inp.lexicon)
        )):  # "...," RCMP Cpl. Mary Smith said / Maple Leafs captain Auston Matthews said
            return make_found("quote_speaker_cue", 0.97, speaker, cue, inp)
    return None


def quote_cue_speaker(ctx: QuoteContext, inp: RuleInput, earlier: Earlier) -> Found | None:
    """``"...," said Peter Morgan, a lawyer``: inverted cue right after the quote."""
    start = _right_words_start(ctx, inp)
    if start is None:
        return None
    cue_match = inp.cues.match(inp.text, start, ctx.right.end)
    if cue_match is None:
        return None
    after = cue_match.end()
    particle = _PARTICLE.match(inp.text, after, ctx.right.end)
    start = particle.end() if particle else after
    speaker = speaker_after_cue(inp, Span(*cue_match.span()), start, ctx.right.end)
    if speaker is None:
        return None
    return make_found("quote_cue_speaker", 0.95, speaker, Span(*cue_match.span()), inp)


def speaker_cue_quote(ctx: QuoteContext, inp: RuleInput, earlier: Earlier) -> Found | None:
    """``Kerry said: "..."`` / ``he told the host, "..."``: the cue introduces the quote."""
    found = _cue_before_quote(ctx, inp)
    return found if found is None or found.rule == "speaker_cue_quote" else None


def cue_speaker_quote(ctx: QuoteContext, inp: RuleInput, earlier: Earlier) -> Found | None:
    """``said Keller: "..."``: an inverted cue and its speaker introduce the quote.

    Read in the same pass over the cues as :func:`speaker_cue_quote` (the cue nearest the
    quote decides, whichever way round its speaker stands), so it is tried right after it."""
    found = _cue_before_quote(ctx, inp)
    return found if found is not None and found.rule == "cue_speaker_quote" else None


def _cue_before_quote(ctx: QuoteContext, inp: RuleInput) -> Found | None:
    """The attribution by the cue nearest before the quote: its speaker before it
    (``speaker_cue_quote``) or, failing that, right after it (``cue_speaker_quote``); the
    pass is made once per quote (``inp.lead_cache``)."""
    key = (ctx.quote.span.start, ctx.quote.span.end)
    cache = inp.lead_cache
    if key in cache:
        return cache[key]
    found = cache[key] = _scan_cues_before_quote(ctx, inp)
    return found


def _scan_cues_before_quote(ctx: QuoteContext, inp: RuleInput) -> Found | None:
    """The cues before the quote, nearest first (only the strong ones when there are any),
    until one has a speaker or is too far from the quote."""
    cues = cues_in(inp, ctx.left)
    strong = [c for c in cues if inp.text[c.start : c.end] in inp.lexicon.strong_speech_verbs]
    for cue in reversed(strong or cues):
        tail = inp.text[cue.end : ctx.quote.span.start]
        if ("." in tail or "!" in tail or "?" in tail) and _SENTENCE_STOP.search(tail) or (
            too_many_tail_words(tail)
        ):
            return None
        cue_word = inp.text[cue.start : cue.end]
        agent = (passive_agent(inp, cue, ctx.quote.span.start) or _quoted_as(inp, ctx, cue)
                 or recorded_speaker(inp, ctx.left.start, cue))
        if agent is not None:  # Jones was told by Smith: "..."; quoted Smith as saying: "..."
            return make_found("speaker_cue_quote", 0.85, agent, cue, inp)
        if cue_word.endswith("ing") and inp.text[cue.start - 2 : cue.start] == ", ":
            # "Trump attacked Clinton ..., saying, "...": the clause's subject speaks; after
            # an inverted cue ("..., said Coun. Amir Shah, adding:") its speaker does.
            subject = _inverted_speaker_before(inp, ctx.left.start, cue) or clause_subject(
                inp, Span(ctx.left.start, cue.start))
            if subject is not None:
                return make_found("speaker_cue_quote", 0.85, subject, cue, inp)
        speaker = speaker_before(inp, ctx.left.start, cue.start)
        conjoined = _CONJOINED_CUE.search(inp.text, max(ctx.left.start, cue.start - 30), cue.start)
        if (cue_word.endswith("ing") or conjoined) and not is_person_like(inp, speaker):
            # "she sent an email saying": not the email but the clause's subject speaks
            subject = clause_subject(inp, Span(ctx.left.start, cue.start))
            if subject is not None:
                return make_found("speaker_cue_quote", 0.85, subject, cue, inp)
        weak = cue_word not in inp.lexicon.strong_speech_verbs
        if speaker is not None and not (weak and speaker[0] is None):
            adjacent = tail.strip() in ("", ",", ":")
            return make_found("speaker_cue_quote", 0.93 if adjacent else 0.85, speaker, cue, inp)
        speaker = speaker_after_cue(inp, cue, cue.end, ctx.quote.span.start)
        if speaker is not None:
            return make_found("cue_speaker_quote", 0.6, speaker, cue, inp)
    return None


_QUOTED_AS = regex.compile(r"(?r)\bquot(?:ed|es|ing)\s+(?P<who>[^.!?;:]{1,80}?)\s+as\s+\Z")


def _quoted_as(inp: RuleInput, ctx: QuoteContext, cue: Span) -> SpeakerPhrase | None:
    """"The Gazette quoted Mayor Ruth Idowu as saying": the one quoted speaks, not the
    outlet that quotes her."""
    match = _QUOTED_AS.search(inp.text, max(ctx.left.start, cue.start - 100), cue.start)
    if match is None:
        return None
    return speaker_after(inp, match.start("who"), match.end("who"))


_QUOTED_AFTER = regex.compile(r"quot(?:ed|es)\s+(?P<who>[^.!?;:,\"“”]{1,80}?)\s+as\s+saying\b")


def _quoted_after(inp: RuleInput, cue: Span, end: int) -> SpeakerPhrase | None:
    """"...," the statement quoted him as saying: the one quoted speaks, not the document or
    outlet that quotes him."""
    match = _QUOTED_AFTER.match(inp.text, cue.start, end)
    if match is None:
        return None
    if match.group("who") in ("him", "her"):  # resolved where the speaker's entity is found
        return None, Span(*match.span("who")), match.group("who")
    return speaker_after(inp, match.start("who"), match.end("who"))


_INVERTED_BEFORE = regex.compile(r"[,”\"’']\s*\Z")
_TO_PARTICIPLE = regex.compile(r",(?:\s+[^,.;:!?\"“”]{1,60},)?\s*\Z")
"""From an inverted speaker to its participle: ", adding" or ", the council's chair, adding"."""


def _inverted_speaker_before(
    inp: RuleInput, floor: int, participle: Span
) -> SpeakerPhrase | None:
    """The speaker of an inverted cue that the participle continues: "..., said X, adding"."""
    text = inp.text
    cues = [c for c in cues_in(inp, Span(floor, participle.start)) if c.end < participle.start]
    if not cues:
        return None
    cue = cues[-1]
    if not _INVERTED_BEFORE.search(text, max(floor, cue.start - 4), cue.start):
        return None
    speaker = speaker_after_cue(inp, cue, cue.end, participle.start)
    if speaker is None or not _TO_PARTICIPLE.fullmatch(text, speaker[1].end, participle.start):
        return None
    return speaker


def paired_quote(ctx: QuoteContext, inp: RuleInput, earlier: Earlier) -> Found | None:
    """``"Je suis Bruxellois" -- "I am a citizen of Brussels," Kerry said``: a quote joined to
    the next one by a dash takes that quote's attribution."""
    nxt = ctx.position + 1
    if nxt >= len(inp.contexts) or not _PAIR_GAP.fullmatch(
        inp.text, ctx.quote.span.end, inp.contexts[nxt].quote.span.start
    ):
        return None
    following = inp.contexts[nxt]
    for rule in (quote_speaker_cue, quote_cue_speaker):
        found = rule(following, inp, earlier)
        if found is not None:
            return Found("paired_quote", round(found.confidence - 0.05, 2), found.mention,
                         found.mention_span, found.cue, found.phrase)
    return None


def according_to(ctx: QuoteContext, inp: RuleInput, earlier: Earlier) -> Found | None:
    """``according to the ministry``, in the clause before or after the quote."""
    for window in (ctx.right, ctx.left):
        if inp.text.find("ccording to", window.start, window.end) < 0:
            continue  # (str.find: no regex call for the windows without it, nearly all)
        match = _ACCORDING.search(inp.text, window.start, window.end)
        if match:
            speaker = speaker_after(inp, match.end(), window.end)
            if speaker is not None:
                cue = Span(match.start(), match.end() - 1)
                return make_found("according_to", 0.85, document_author(inp, speaker), cue,
                                  inp)
    return None


def _dash_lead(text: str, start: int, end: int) -> regex.Match[str] | None:
    """:data:`_DASH_LEAD` at ``start``; None without a regex call when the first character
    past blanks and commas is no dash (most windows after a quote)."""
    if settles(text, past(text, start, end, _LEAD_CHARS), end, _DASHES):
        return None
    return _DASH_LEAD.match(text, start, end)


def dash_attribution(ctx: QuoteContext, inp: RuleInput, earlier: Earlier) -> Found | None:
    """``"..." — Jane Doe`` / ``"..." -- Jane Doe, a voter``: a dash and a name after the quote."""
    lead = _dash_lead(inp.text, ctx.right.start, ctx.right.end)
    end_paragraph = ctx.paragraph_index  # the quote may run over several paragraphs
    while (end_paragraph + 1 < len(inp.paragraphs)
           and inp.paragraphs[end_paragraph + 1].start < ctx.quote.span.end):
        end_paragraph += 1
    credit_line = end_paragraph + 1 < len(inp.paragraphs)
    if lead is None and credit_line and not inp.text[ctx.right.start : ctx.right.end].strip():
        # a list-style credit on its own line: "..." then "- Sanders."
        nxt = inp.paragraphs[end_paragraph + 1]
        if nxt.end - nxt.start <= _MAX_CREDIT_LINE:
            lead = _dash_lead(inp.text, nxt.start, nxt.end)
    if lead is None:
        return None
    m = inp.mentions.starting_at(lead.end())
    if m is None or m.label != "PERSON":
        # "-Commissioner Dana Whitfield", "— Board chair Martin Olsen": the person after a
        # title or an organisation's role, when the words after the dash name one
        speaker = speaker_after(inp, lead.end(), min(len(inp.text), lead.end() + 120))
        if speaker is not None and speaker[0] is not None and (
            inp.mentions.mentions[speaker[0]].label == "PERSON"
        ):
            m = inp.mentions.mentions[speaker[0]]
    if m is None or m.kind != "name":
        return None
    return Found("dash_attribution", 0.85, inp.mentions.index_of(m), m.full_span, None)


def speaker_cue_in_sentence(ctx: QuoteContext, inp: RuleInput, earlier: Earlier) -> Found | None:
    """A cue with a subject elsewhere in the quote's sentence (``"...," Kerry, who ... said``)."""
    windows = (ctx.right, ctx.left) if _own_right_clause(ctx, inp) else (ctx.left,)
    for window in windows:
        for cue in cues_in(inp, window):
            speaker = speaker_before(inp, window.start, cue.start)
            if speaker is None:
                speaker = speaker_after_cue(inp, cue, cue.end, window.end)
            if speaker is not None:
                return make_found("speaker_cue_in_sentence", 0.85, speaker, cue, inp)
    return None
