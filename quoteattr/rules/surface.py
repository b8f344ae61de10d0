"""The surface-pattern rules: quote, cue and speaker in the order the text puts them.

Each function's name is the ``rule`` value in the output and its docstring opens with
the pattern. Confidences are the rule's precision measured on the PolNeAR train split
(benchmarks/run_eval.py, ``quoteattr evaluate --by rule``), rounded down.
"""

from __future__ import annotations

import regex

from ..context import QuoteContext
from ..spans import Span
from .base import Found, RuleInput, SpeakerPhrase, cues_in, make_found
from .inverted import is_title_lead, passive_agent, speaker_after, speaker_after_cue
from .speakers import (
    clause_subject,
    is_person_like,
    sentence_start,
    speaker_at,
    speaker_before,
)

_CONJOINED_CUE = regex.compile(r"\b(?:and|but)\s+(?:\p{Ll}+ly\s+)?\Z")
"""A cue in a second predicate: "She urges her husband to ... and repeatedly says", "He
denied it but said"."""

_LEAD = regex.compile(r"[\s,]*")

_PARTICLE = regex.compile(r"\s+(?:out|back|up)\b")
"""The particle of a phrasal cue, between it and an inverted speaker: "blurted out Pike"."""

_DASH_LEAD = regex.compile(r"\s*[,]?\s*(?:-{1,3}|[—–―‒])\s*")

_PAIR_GAP = regex.compile(r"\s*(?:-{1,3}|[—–―‒:;])\s*")

_MAX_CREDIT_LINE = 80

_MAX_PARTIAL_GAP = 30
"""Longest text between two partial quotes of one clause ("and", "or even")."""

_CARRY_SENTENCES = 3
"""How many sentences back a paragraph-opening quote may find its speaker's reported speech."""
_CARRIED_CONFIDENCE = 0.4
_MAX_CARRIED_TAIL = 300
"""The most narrative (characters) a speaker carries over to a paragraph-opening quote."""

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
    """Whether more than :data:`_MAX_TAIL_WORDS` words separate a cue from its quote."""
    return _TOO_MANY_TAIL_WORDS.match(tail) is not None


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
    lead = _LEAD.match(inp.text, ctx.right.start, ctx.right.end)
    return lead.end() if lead else ctx.right.start


def quote_speaker_cue(ctx: QuoteContext, inp: RuleInput) -> Found | None:
    """``"...," Kerry said`` / ``"...," the minister told reporters``: speaker then cue after."""
    start = _right_words_start(ctx, inp)
    if start is None:
        return None
    if start - ctx.right.start > _MAX_RIGHT_LEAD:
        return None
    for cue in cues_in(inp, Span(start, min(ctx.right.end, start + 200))):
        agent = passive_agent(inp, cue, ctx.right.end)
        if agent is not None:  # "...," Jones was told by Smith.
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


def quote_cue_speaker(ctx: QuoteContext, inp: RuleInput) -> Found | None:
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


def speaker_cue_quote(ctx: QuoteContext, inp: RuleInput) -> Found | None:
    """``Kerry said: "..."`` / ``he told the host, "..."``: the cue introduces the quote."""
    cues = cues_in(inp, ctx.left)
    strong = [c for c in cues if inp.text[c.start : c.end] in inp.lexicon.strong_speech_verbs]
    for cue in reversed(strong or cues):
        tail = inp.text[cue.end : ctx.quote.span.start]
        if _SENTENCE_STOP.search(tail) or too_many_tail_words(tail):
            return None
        cue_word = inp.text[cue.start : cue.end]
        agent = passive_agent(inp, cue, ctx.quote.span.start)
        if agent is not None:  # Jones was told by Smith: "..."
            return make_found("speaker_cue_quote", 0.85, agent, cue, inp)
        if cue_word.endswith("ing") and inp.text[cue.start - 2 : cue.start] == ", ":
            # "Trump attacked Clinton ..., saying, "...": the clause's subject speaks.
            subject = clause_subject(inp, Span(ctx.left.start, cue.start))
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


def paired_quote(ctx: QuoteContext, inp: RuleInput) -> Found | None:
    """``"Je suis Bruxellois" -- "I am a citizen of Brussels," Kerry said``: a quote joined to
    the next one by a dash takes that quote's attribution."""
    nxt = ctx.position + 1
    if nxt >= len(inp.contexts) or not _PAIR_GAP.fullmatch(
        inp.text, ctx.quote.span.end, inp.contexts[nxt].quote.span.start
    ):
        return None
    following = inp.contexts[nxt]
    for rule in (quote_speaker_cue, quote_cue_speaker):
        found = rule(following, inp)
        if found is not None:
            return Found("paired_quote", round(found.confidence - 0.05, 2), found.mention,
                         found.mention_span, found.cue, found.phrase)
    return None


def according_to(ctx: QuoteContext, inp: RuleInput) -> Found | None:
    """``according to the ministry``, in the clause before or after the quote."""
    for window in (ctx.right, ctx.left):
        match = _ACCORDING.search(inp.text, window.start, window.end)
        if match:
            speaker = speaker_after(inp, match.end(), window.end)
            if speaker is not None:
                cue = Span(match.start(), match.end() - 1)
                return make_found("according_to", 0.85, speaker, cue, inp)
    return None


def dash_attribution(ctx: QuoteContext, inp: RuleInput) -> Found | None:
    """``"..." — Jane Doe`` / ``"..." -- Jane Doe, a voter``: a dash and a name after the quote."""
    lead = _DASH_LEAD.match(inp.text, ctx.right.start, ctx.right.end)
    end_paragraph = ctx.paragraph_index  # the quote may run over several paragraphs
    while (end_paragraph + 1 < len(inp.paragraphs)
           and inp.paragraphs[end_paragraph + 1].start < ctx.quote.span.end):
        end_paragraph += 1
    credit_line = end_paragraph + 1 < len(inp.paragraphs)
    if lead is None and credit_line and not inp.text[ctx.right.start : ctx.right.end].strip():
        # a list-style credit on its own line: "..." then "- Sanders."
        nxt = inp.paragraphs[end_paragraph + 1]
        if nxt.end - nxt.start <= _MAX_CREDIT_LINE:
            lead = _DASH_LEAD.match(inp.text, nxt.start, nxt.end)
    if lead is None:
        return None
    m = inp.mentions.starting_at(lead.end())
    if m is None or m.kind != "name":
        return None
    return Found("dash_attribution", 0.85, inp.mentions.index_of(m), m.full_span, None)


def speaker_cue_in_sentence(ctx: QuoteContext, inp: RuleInput) -> Found | None:
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


_LABEL_START = regex.compile(r"(?r)(?:[.!?]\s|\n|\A)\s*")
"""Where a label before a colon starts: after the sentence or line before it."""

_LABEL_WORD = regex.compile(r"[\p{L}'’]+")

_POSSESSED_NOUN = regex.compile(
    r"['’]s?(?:\s+(?!(?:was|were|is|are|has|had|have|will|would)\b)[\p{Ll}-]+(?<!ed)){1,8}\s*"
)
"""The rest of a clause that is only a possessed noun phrase, no verb: "Gagnon's reply",
"the coach's message to her players after the loss"."""


_DETERMINED_POSSESSOR = regex.compile(
    r"(?:[Tt]he|[Aa]n?|[Oo]ur|[Mm]y|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\p{L}-]+\s+){0,3}?"
    r"(?P<head>[\p{L}-]+)(?=['’])"
)
"""A determined noun phrase before a possessive: "The health authority"'s response."""


def _is_section_label(text: str, start: int, colon: int, words: frozenset[str]) -> bool:
    """Whether the words before a colon are an all-capital newsroom label ("UPDATE 2",
    "EDITOR'S NOTE", "CORRECTION"): furniture, never a speaker. An all-capital label of
    other words is a transcript's speaker label ("DUARTE:", "JOHN SMITH:") and is left to
    the speaker rules."""
    label_start = _LABEL_START.search(text, start, colon)
    label = text[label_start.end() if label_start else start : colon]
    if sum(c.isalpha() for c in label) < 2 or any(c.islower() for c in label):
        return False
    return all(w.lower() in words for w in _LABEL_WORD.findall(label))


def _possessor_of_clause(inp: RuleInput, window: Span, colon: int) -> SpeakerPhrase | None:
    """``Gagnon's reply: "..."``: a clause that is only a possessed noun names its speaker
    in the possessor."""
    label_start = _LABEL_START.search(inp.text, window.start, colon)
    start = label_start.end() if label_start else window.start
    m = inp.mentions.starting_at(start)
    if m is None:  # a role noun before "'s" is no mention: "The health authority's response"
        phrase = _DETERMINED_POSSESSOR.match(inp.text, start, colon)
        head = phrase.group("head").lower() if phrase else ""
        if phrase is None or head not in inp.lexicon.role_nouns and (
            head not in inp.lexicon.group_nouns
        ) or not _POSSESSED_NOUN.fullmatch(inp.text, phrase.end(), colon):
            return None
        span = Span(start, phrase.end())
        return None, span, inp.text[start : span.end]
    if m.kind == "pronoun" or not _POSSESSED_NOUN.fullmatch(inp.text, m.span.end, colon):
        return None
    return inp.mentions.index_of(m), m.full_span, ""


def _colon_speaker(
    inp: RuleInput, window: Span, colon: int
) -> tuple[tuple[int | None, Span, str], Span | None] | None:
    """Who speaks after a colon: the subject of the clause's speech cue, else its subject."""
    if _is_section_label(inp.text, window.start, colon, inp.lexicon.section_label_words):
        return None
    possessor = _possessor_of_clause(inp, window, colon)
    if possessor is not None:
        return possessor, None
    cues = cues_in(inp, Span(window.start, colon))
    for cue in reversed(cues):
        agent = passive_agent(inp, cue, colon)
        if agent is not None:  # "She was told by the nurse:"
            return agent, cue
        speaker = speaker_before(inp, window.start, cue.start)
        if speaker is not None and speaker[0] is not None:
            return speaker, cue
    subject = clause_subject(inp, Span(window.start, colon))
    if subject is not None:
        return subject, cues[-1] if cues else None
    return None


def colon_intro(ctx: QuoteContext, inp: RuleInput) -> Found | None:
    """``the crowd took up the chant again: "..."``: a clause ending in a colon, no speech cue."""
    body = inp.text[ctx.left.start : ctx.left.end].rstrip()
    if not body.endswith(":"):
        return None
    colon = ctx.left.start + len(body) - 1
    found = _colon_speaker(inp, ctx.left, colon)
    if found is None:
        return None
    return make_found("colon_intro", 0.85, found[0], found[1], inp)


def colon_previous_paragraph(ctx: QuoteContext, inp: RuleInput) -> Found | None:
    """``Caddell continued:`` closing the paragraph before a paragraph that opens with a quote."""
    if not ctx.starts_paragraph or ctx.paragraph_index == 0:
        return None
    prev = inp.paragraphs[ctx.paragraph_index - 1]
    body = inp.text[prev.start : prev.end].rstrip()
    if not body.endswith(":"):
        return None
    colon = prev.start + len(body) - 1
    found = _colon_speaker(inp, Span(sentence_start(inp.text, prev.start, colon), colon), colon)
    if found is None:
        return None
    return make_found("colon_previous_paragraph", 0.8 if found[1] else 0.7, found[0], found[1], inp)


def previous_sentence_cue(ctx: QuoteContext, inp: RuleInput) -> Found | None:
    """``..., Schiff said. "..."``: a quote right after a reported-speech sentence in the same
    paragraph takes that sentence's speaker."""
    if not inp.direct[ctx.position] or inp.text[ctx.left.start : ctx.left.end].strip():
        return None
    confidence = 0.8
    floor = ctx.paragraph.start
    end = ctx.left.start
    if ctx.starts_paragraph:
        if ctx.paragraph_index == 0:
            return None
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


def paragraph_subject(ctx: QuoteContext, inp: RuleInput) -> Found | None:
    """A quote with no cue after a sentence about someone: ``Pruitt stopped ... "I did nothing
    wrong."`` takes the subject of the sentence before it in the same paragraph."""
    if not inp.direct[ctx.position] or ctx.left.start == ctx.paragraph.start:
        return None
    if inp.text[ctx.right.start : ctx.right.end].strip(" .,\u00a0"):
        return None
    before = Span(ctx.paragraph.start, ctx.left.start)
    start = sentence_start(inp.text, before.start, before.end - 2)
    # A bounded window: the sentence before a quote, not a whole run-on paragraph.
    subject = clause_subject(inp, Span(max(start, before.end - 600), before.end))
    if subject is None or subject[0] is None:
        return None
    if inp.mentions.mentions[subject[0]].label not in ("PERSON", "GROUP", "UNKNOWN"):
        return None
    return make_found("paragraph_subject", 0.55, subject, None, inp)


def follow_on_quote(ctx: QuoteContext, inp: RuleInput) -> Found | None:
    """A quote with no cue of its own takes the speaker of the quote just before it: the next
    quoted sentence, or a second partial quote in the same clause (``"ready" and "able"``)."""
    if ctx.position == 0:
        return None
    prev_index = ctx.position - 1
    prev = inp.contexts[prev_index]
    prev_found = inp.found[prev_index]
    if prev_found is None or prev_found.mention_span is None:
        return None
    own_clause = inp.text[ctx.left.start : ctx.left.end].strip()
    if not inp.direct[ctx.position]:
        if ctx.left.start != prev.quote.span.end or len(own_clause) > _MAX_PARTIAL_GAP:
            return None
        return Found("follow_on_quote", 0.85, prev_found.mention, prev_found.mention_span,
                     prev_found.cue, prev_found.phrase, inherited_from=prev_index)
    if own_clause and own_clause[-1:] not in ".!?:\"”’'":
        return None
    if prev.paragraph_index == ctx.paragraph_index:
        between = inp.text[prev.quote.span.end : ctx.quote.span.start]
        if inp.mentions.between(prev.right.end, ctx.quote.span.start) and len(between) > 200:
            return None
        confidence = 0.85
    elif prev.paragraph_index == ctx.paragraph_index - 1 and ctx.starts_paragraph:
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
    return Found("follow_on_quote", confidence, prev_found.mention, prev_found.mention_span,
                 prev_found.cue, prev_found.phrase, inherited_from=prev_index)
