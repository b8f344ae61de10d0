"""Rules for a quote introduced by a clause ending in a colon: ``Gagnon's reply: "..."``,
``the crowd took up the chant: "..."``, and ``Caddell continued:`` closing the paragraph before.
"""

from __future__ import annotations

import regex

from ..context import QuoteContext
from ..lexicon import word_list
from ..spans import Span
from .base import Earlier, Found, RuleInput, SpeakerPhrase, cues_in, make_found
from .inverted import passive_agent
from .speakers import clause_subject, sentence_start, speaker_before

_LABEL_START = regex.compile(r"(?r)(?:[.!?]\s|\n|\A)\s*")
"""Where a label before a colon starts: after the sentence or line before it."""

_LABEL_WORD = regex.compile(r"[\p{L}'’]+")

_POSSESSED_NOUN = regex.compile(
    r"['’]s?(?:\s+(?!(?:was|were|is|are|has|had|have|will|would)\b)[\p{Ll}-]+(?<!ed)){1,8}\s*"
)
"""The rest of a clause that is only a possessed noun phrase, no verb: "Gagnon's reply",
"the coach's message to her players after the loss"."""


_DETERMINED_POSSESSOR = regex.compile(
    r"(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in word_list("possessor_determiners"))
    + r")\s+(?:[\p{L}-]+\s+){0,3}?"
    r"(?P<head>[\p{L}-]+)(?=['’])"
)
"""A determined noun phrase before a possessive: "The health authority"'s response; the
determiners are ``data/possessor_determiners.tsv`` (whole words, lower case or capitalised)."""


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


_DASH_BEFORE = regex.compile(r"(?r)\s[-–—―]{1,2}\s*\Z")


def _credited_before(inp: RuleInput, window: Span, colon: int) -> SpeakerPhrase | None:
    """``AN ALL-CAPITAL HEADLINE - Jeffrey M. Jones: "..."``: the name after a dash, right
    before the colon, is the speaker, not the label before it."""
    before = inp.mentions.between(window.start, colon)
    if not before:
        return None
    m = before[-1]
    if m.kind != "name" or m.span.end != colon or m.label not in ("PERSON", "GROUP"):
        return None
    if not _DASH_BEFORE.search(inp.text, max(window.start, m.full_span.start - 5),
                               m.full_span.start):
        return None
    return inp.mentions.index_of(m), m.full_span, ""


def _colon_speaker(
    inp: RuleInput, window: Span, colon: int
) -> tuple[tuple[int | None, Span, str], Span | None] | None:
    """Who speaks after a colon: the subject of the clause's speech cue, else its subject."""
    if _is_section_label(inp.text, window.start, colon, inp.lexicon.section_label_words):
        return None
    credited = _credited_before(inp, window, colon)
    if credited is not None:
        return credited, None
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
    # the clause the colon ends, after "and", "but" or a semicolon joining it to another:
    # "The crowd was behind Zhou, and a local radio reporter put it to Rowe:"
    joint = _LAST_JOINT.search(inp.text, window.start, colon)
    subject = clause_subject(inp, Span(joint.end(), colon)) if joint is not None else None
    if joint is not None and subject is not None and subject[1].start != joint.end():
        subject = None  # "..., and repeated his warning about Smith:": no subject of its own
    if subject is None:
        subject = clause_subject(inp, Span(window.start, colon))
    if subject is not None:
        return subject, cues[-1] if cues else None
    return None


_LAST_JOINT = regex.compile(r"(?r)(?:, (?:and|but|while|whereas)|;) (?=\p{L})")
"""Where the last clause joined to a sentence's first starts (searched from the end)."""


def colon_intro(ctx: QuoteContext, inp: RuleInput, earlier: Earlier) -> Found | None:
    """``the crowd took up the chant again: "..."``: a clause ending in a colon, no speech cue."""
    body = inp.text[ctx.left.start : ctx.left.end].rstrip()
    if not body.endswith(":"):
        return None
    colon = ctx.left.start + len(body) - 1
    found = _colon_speaker(inp, ctx.left, colon)
    if found is None:
        return None
    return make_found("colon_intro", 0.85, found[0], found[1], inp)


def colon_previous_paragraph(ctx: QuoteContext, inp: RuleInput, earlier: Earlier) -> Found | None:
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
