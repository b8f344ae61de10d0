"""Attribution rules: one function per pattern, tried in the order of ``RULES``.

Each rule looks at one quote's context and either names the speaker phrase and
speech cue that attribute it, or returns None. The function's name is the
``rule`` value in the output, and the confidence it returns is that rule's
precision measured on the PolNeAR train split (benchmarks/run_eval.py), rounded
down, so users can filter by either.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from .context import QuoteContext
from .lexicon import Lexicon
from .mentions import Mention, MentionIndex
from .spans import Span

_GAP_TO_CUE = regex.compile(
    r"""\A
    (?:\s*\([^()\n]{1,40}\),?)?                                # (D-S.C.)
    (?:\s*,\s*\d{1,3}\s*,)?                                     # , 82,
    (?:\s*,[^,;:!?"“”\n]{1,200},(?:[^,;:!?"“”\n]{1,120},)?)?      # , a spokesman for X,
    \s+(?:\p{Ll}+(?:\s+\p{Ll}+){0,3}\s+and\s+)?                 # laughed and (said)
    (?:(?:has|had|have|would|will|also|then|later|once|again|just|since|further|
          previously|recently|quickly|simply|often|publicly|privately|repeatedly|
          went\s+on\s+to|had\s+earlier|has\s+also|\p{Ll}+ly)\s+){0,3}
    \Z""",
    regex.VERBOSE,
)
_PREPOSITION_BEFORE = regex.compile(
    r"\b(?:through|in|at|on|from|to|into|across|over|under|near|of|with|by|for|about|"
    r"against|behind|outside|inside)\s+\Z"
)
_NOT_IN_NP = regex.compile(r"\b(?:and|or|but|\p{Ll}+ly)\b")
_CONJOINED_CUE = regex.compile(r"\band\s+(?:\p{Ll}+ly\s+)?\Z")
"""A cue in a second predicate: "She urges her husband to ... and repeatedly says"."""
_APPOSITIVE_TAIL = regex.compile(
    r",\s*(?:who|which|a|an|the|\d)\b[^,;:!?\"“”\n]{0,200},\s*\Z"
)
"""A relative clause or appositive between a noun phrase and its cue."""
_OF_PHRASE = regex.compile(
    r"(?<![\p{L}'’-])((?:(?:the|a|an|one|another|The|A|An|One|Another)\s+)?(?:[\p{L}-]+\s+){0,2}"
    r"(?P<head>[\p{L}-]+))\s+(?:of|for|from|across|at|in|with|on)\s+(?:the\s+)?\Z"
)
"""A noun phrase and a preposition before a name: "voices across Europe", "a spokesman for"."""
_PREPOSITIONAL_OPENER = regex.compile(
    r"\s*(?:In|At|On|After|During|Before|Since|Despite|With|Without|Under|For|From|Following|"
    r"Speaking|Asked|Writing|Like|Unlike|As)\b[^,;:\"“”]{1,120},\s*"
)
"""A sentence-opening phrase whose nouns are not the clause's subject."""
_VERB_LIKE = regex.compile(
    r"(?:\s*\([^()]{1,30}\))?\s+(?:(?:also|then|later|again|quickly|once|has|had|have|will|"
    r"would|could|can|may|might|did|does)\s+)*(?:\p{Ll}+ed|\p{Ll}{2,}s|is|was|are|were|told|"
    r"sent|made|took|gave|went|came|wrote|spoke|met|began|put|kept|left|set|won|lost|led|"
    r"held|brought|thought|felt|saw|got|became|ran|rose|fell|drew|struck|hit|cut)\b"
)
"""A word after a mention that suggests the mention is a clause's subject ("Trump returned")."""
_LEAD_WORD = regex.compile(r"[\p{L}\p{N}./'’-]+")


def _is_title_lead(lead: str, lexicon: Lexicon) -> bool:
    """True for the words between an inverted cue and the name in "said European Council
    President Donald Tusk" or "said former tech executive Carly Fiorina"."""
    words = lead.split()
    if not words or len(words) > 5 or any(not _LEAD_WORD.fullmatch(w) for w in words):
        return False
    last = words[-1]
    # "said Republican political consultant Chris Russell": the words end in a title
    return last[0].isupper() or last.lower() in lexicon.titles or (
        last.lower() in lexicon.role_nouns or last.lower() in lexicon.title_modifiers
    )
_LEAD = regex.compile(r"[\s,]*")
_OWNER_GAP = regex.compile(r"(?:['’]s?)?\s+(?:\p{Ll}[\p{L}-]*\s+){0,3}")
"""Between an organisation and its person: "Eastmoor('s) head coach" Helen Stroud."""
_DASH_LEAD = regex.compile(r"\s*[,]?\s*(?:-{1,3}|[—–―‒])\s*")
_PAIR_GAP = regex.compile(r"\s*(?:-{1,3}|[—–―‒:;])\s*")
_MAX_CREDIT_LINE = 80
_MAX_PARTIAL_GAP = 30
"""Longest text between two partial quotes of one clause ("and", "or even")."""
_ACCORDING = regex.compile(r"\b[Aa]ccording to\s+")
_TAIL_WORDS = regex.compile(r"[\p{L}\p{N}'’-]+")
_GENERIC_NP_BEFORE = regex.compile(
    r"(?:(?<![\p{L}'’-])(?:the|The|a|A|an|An|one|One|another|Another|his|His|her|Her|their|"
    r"Their|its|Its|our|Our|my|My|your|Your|this|This|that|That)\s+(?:[\p{L}\p{N}'’-]+\s+){0,5}?[\p{L}\p{N}'’-]+|(?<![\p{L}'’-])"
    r"[\p{L}'’-]+)\s*\Z"
)
_GENERIC_NP_AFTER = regex.compile(
    r"\s*((?:the|a|an|one|another)\s+(?:(?!(?:who|which|that|in|on|at|after|before|during|"
    r"when|while|to|and)\b)[\p{L}\p{N}'’-]+\s*){1,6})",
    regex.IGNORECASE,
)
_SENTENCE_STOP = regex.compile(r"[.!?]\s")
_MAX_TAIL_WORDS = 12
"""How many words may separate a speech cue from the quote it introduces."""
_MAX_RIGHT_LEAD = 3


@dataclass(frozen=True, slots=True)
class Found:
    """What a rule found: the speaker phrase, the cue and how sure the rule is."""

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


@dataclass(frozen=True, slots=True)
class RuleInput:
    """Everything the rules may read about one document."""

    text: str
    lexicon: Lexicon
    mentions: MentionIndex
    contexts: Sequence[QuoteContext]
    paragraphs: Sequence[Span]
    found: Sequence[Found | None]
    """Results for the quotes before this one (follow-on rules read them)."""
    direct: Sequence[bool]
    """Whether each top-level quote is a direct quote."""
    cues: regex.Pattern[str]
    """The speech-verb pattern built from ``lexicon`` (see :func:`speech_cue_pattern`)."""


Rule = Callable[[QuoteContext, RuleInput], "Found | None"]


# -- speaker phrases ----------------------------------------------------------------------------


def _speaker_before(
    inp: RuleInput, floor: int, cue_start: int
) -> tuple[int | None, Span, str] | None:
    """The subject phrase that ends just before a cue: a mention, else a noun phrase."""
    text = inp.text
    candidates = inp.mentions.between(floor, cue_start)
    for m in list(reversed(candidates))[:4]:
        if m.kind == "pronoun" and m.head not in ("he", "she", "they", "we", "i", "it"):
            continue
        gap = text[m.span.end : cue_start]
        if not _GAP_TO_CUE.match(gap) and not (
            gap == ", " and text[max(0, m.full_span.start - 2) : m.full_span.start] == ", "
        ):  # the second test: "Sanders's campaign manager, Jeff Weaver, said"
            continue
        wider = _noun_before_preposition(inp, floor, m)
        if wider is not None:
            return wider
        return inp.mentions.index_of(m), m.full_span, ""
    appositive = _APPOSITIVE_TAIL.search(text, max(floor, cue_start - 240), cue_start)
    if appositive is not None:
        cue_start = appositive.start()  # "one board member, who asked not to be named, said"
    window_start = max(floor, cue_start - 80)
    match = _GENERIC_NP_BEFORE.search(text, window_start, cue_start)
    if match:
        phrase_end = match.start() + len(match.group().rstrip())
        phrase = text[match.start() : phrase_end]
        first = phrase.split()[0].lower()
        head = phrase.split()[-1].lower()
        if phrase.count(" ") == 0 and head not in inp.lexicon.group_nouns and (
            head not in inp.lexicon.role_nouns
        ):
            return None
        if first in inp.lexicon.pronouns or head in inp.lexicon.not_names:
            return None
        if _PREPOSITION_BEFORE.search(text, max(0, match.start() - 20), match.start()) or (
            _NOT_IN_NP.search(phrase)
        ):
            return None  # "through the streets", "the car and repeatedly": not a subject
        return None, Span(match.start(), phrase_end), phrase
    return None


def _noun_before_preposition(
    inp: RuleInput, floor: int, m: Mention
) -> tuple[int | None, Span, str] | None:
    """"voices across Europe" / "a spokesman for the ministry": the noun before the preposition
    is the speaker, not the name after it."""
    start = m.title_start if m.title_start >= 0 else m.span.start
    match = _OF_PHRASE.search(inp.text, max(floor, start - 60), start)
    if match is None:
        return None
    head = match.group("head").lower()
    lex = inp.lexicon
    if head not in lex.group_nouns and head not in lex.role_nouns:
        return None
    phrase_span = Span(match.start(1), match.end(1))
    inner = inp.mentions.between(phrase_span.start, phrase_span.end)
    if inner and inner[-1].kind == "nominal" and len(inner[-1].span) > len(inner[-1].head):
        # "a spokesman for the ministry": the determined noun phrase is the speaker; a bare
        # plural ("voices across Europe") keeps its whole phrase as the speaker's name
        return inp.mentions.index_of(inner[-1]), inner[-1].span, ""
    end = m.span.end
    return None, Span(phrase_span.start, end), inp.text[phrase_span.start : end]


def _speaker_after(inp: RuleInput, start: int, ceiling: int) -> tuple[int | None, Span, str] | None:
    """The speaker phrase right after an inverted cue ("said Caddell", "said a spokesman")."""
    text = inp.text
    pos = start
    while pos < ceiling and text[pos] in " \u00a0":
        pos += 1
    after = inp.mentions.between(pos, min(ceiling + 1, pos + 80))[:3]
    for n, m in enumerate(after):
        lead = text[pos : m.full_span.start]
        if m.full_span.start == pos or _is_title_lead(lead, inp.lexicon):
            if m.label != "PERSON" and n + 1 < len(after) and after[n + 1].label == "PERSON" and (
                _OWNER_GAP.fullmatch(text, m.span.end, after[n + 1].full_span.start)
            ):
                m = after[n + 1]  # "said Eastmoor manager Helen Stroud": the person speaks
            return inp.mentions.index_of(m), Span(pos, m.span.end), ""
        break
    match = _GENERIC_NP_AFTER.match(text, pos, ceiling)
    if match:
        span = Span(match.start(1), match.start(1) + len(match.group(1).rstrip()))
        return None, span, text[span.start : span.end]
    return None


def _found(rule: str, confidence: float, speaker: tuple[int | None, Span, str], cue: Span | None,
           inp: RuleInput) -> Found:
    mention, span, phrase = speaker
    if mention is not None:
        m: Mention = inp.mentions.mentions[mention]
        if m.kind == "pronoun" and m.head in ("it", "they"):
            confidence -= 0.05
    return Found(rule, round(confidence, 2), mention, span, cue, phrase)


def _cues_in(inp: RuleInput, span: Span) -> list[Span]:
    return [Span(*m.span()) for m in inp.cues.finditer(inp.text, span.start, span.end)]


# -- rules ----------------------------------------------------------------------------------------


def _own_right_clause(ctx: QuoteContext, inp: RuleInput) -> bool:
    """Whether the clause after the quote can be its attribution: a partial quote that ends
    its sentence does not own the next one ("...was "overdue." Brandt said it was ...")."""
    return not ctx.right_is_next_sentence or inp.direct[ctx.position]


def quote_speaker_cue(ctx: QuoteContext, inp: RuleInput) -> Found | None:
    """``"...," Kerry said`` / ``"...," the minister told reporters``: speaker then cue after."""
    if not _own_right_clause(ctx, inp):
        return None
    text = inp.text
    lead = _LEAD.match(text, ctx.right.start, ctx.right.end)
    start = lead.end() if lead else ctx.right.start
    if start - ctx.right.start > _MAX_RIGHT_LEAD and ctx.right.start != start:
        return None
    for cue in _cues_in(inp, Span(start, min(ctx.right.end, start + 200))):
        speaker = _speaker_before(inp, start, cue.start)
        if speaker is not None and speaker[1].start <= start + 1:
            return _found("quote_speaker_cue", 0.97, speaker, cue, inp)
    return None


def quote_cue_speaker(ctx: QuoteContext, inp: RuleInput) -> Found | None:
    """``"...," said Peter Morgan, a lawyer``: inverted cue right after the quote."""
    if not _own_right_clause(ctx, inp):
        return None
    text = inp.text
    lead = _LEAD.match(text, ctx.right.start, ctx.right.end)
    start = lead.end() if lead else ctx.right.start
    cue_match = inp.cues.match(text, start, ctx.right.end)
    if cue_match is None:
        return None
    speaker = _speaker_after(inp, cue_match.end(), ctx.right.end)
    if speaker is None:
        return None
    return _found("quote_cue_speaker", 0.95, speaker, Span(*cue_match.span()), inp)


def speaker_cue_quote(ctx: QuoteContext, inp: RuleInput) -> Found | None:
    """``Kerry said: "..."`` / ``he told the host, "..."``: the cue introduces the quote."""
    cues = _cues_in(inp, ctx.left)
    strong = [c for c in cues if inp.text[c.start : c.end] in inp.lexicon.strong_speech_verbs]
    for cue in reversed(strong or cues):
        tail = inp.text[cue.end : ctx.quote.span.start]
        if _SENTENCE_STOP.search(tail) or len(_TAIL_WORDS.findall(tail)) > _MAX_TAIL_WORDS:
            return None
        cue_word = inp.text[cue.start : cue.end]
        if cue_word.endswith("ing") and inp.text[cue.start - 2 : cue.start] == ", ":
            # "Trump attacked Clinton ..., saying, "...": the clause's subject speaks.
            subject = _clause_subject(inp, Span(ctx.left.start, cue.start))
            if subject is not None:
                return _found("speaker_cue_quote", 0.85, subject, cue, inp)
        speaker = _speaker_before(inp, ctx.left.start, cue.start)
        conjoined = _CONJOINED_CUE.search(inp.text, max(ctx.left.start, cue.start - 30), cue.start)
        if (cue_word.endswith("ing") or conjoined) and not _is_person_like(inp, speaker):
            # "she sent an email saying": not the email but the clause's subject speaks
            subject = _clause_subject(inp, Span(ctx.left.start, cue.start))
            if subject is not None:
                return _found("speaker_cue_quote", 0.85, subject, cue, inp)
        weak = cue_word not in inp.lexicon.strong_speech_verbs
        if speaker is not None and not (weak and speaker[0] is None):
            adjacent = tail.strip() in ("", ",", ":")
            return _found("speaker_cue_quote", 0.93 if adjacent else 0.85, speaker, cue, inp)
        speaker = _speaker_after(inp, cue.end, ctx.quote.span.start)
        if speaker is not None:
            return _found("cue_speaker_quote", 0.6, speaker, cue, inp)
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
            speaker = _speaker_after(inp, match.end(), window.end)
            if speaker is not None:
                return _found("according_to", 0.85, speaker, Span(match.start(), match.end() - 1),
                              inp)
    return None


def dash_attribution(ctx: QuoteContext, inp: RuleInput) -> Found | None:
    """``"..." — Jane Doe`` / ``"..." -- Jane Doe, a voter``: a dash and a name after the quote."""
    lead = _DASH_LEAD.match(inp.text, ctx.right.start, ctx.right.end)
    credit_line = ctx.paragraph_index + 1 < len(inp.paragraphs)
    if lead is None and credit_line and not inp.text[ctx.right.start : ctx.right.end].strip():
        # a list-style credit on its own line: "..." then "- Sanders."
        nxt = inp.paragraphs[ctx.paragraph_index + 1]
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
        for cue in _cues_in(inp, window):
            speaker = _speaker_before(inp, window.start, cue.start)
            if speaker is None:
                speaker = _speaker_after(inp, cue.end, window.end)
            if speaker is not None:
                return _found("speaker_cue_in_sentence", 0.85, speaker, cue, inp)
    return None


def _is_person_like(inp: RuleInput, speaker: tuple[int | None, Span, str] | None) -> bool:
    if speaker is None or speaker[0] is None:
        return False
    return inp.mentions.mentions[speaker[0]].label in ("PERSON", "GROUP")


def _sentence_start(text: str, floor: int, end: int) -> int:
    """Where the last sentence before ``end`` starts (after ". "), not before ``floor``."""
    stop = text.rfind(". ", floor, max(end, floor))
    return floor if stop < 0 else stop + 2


def _clause_subject(inp: RuleInput, window: Span) -> tuple[int | None, Span, str] | None:
    """The likely subject of a clause: a mention followed by a speech verb, else one followed
    by a verb-like word ("Trump returned"), else the first mention. Possessives, modifiers of
    the next name and nouns in a sentence-opening phrase are skipped."""
    opener = _PREPOSITIONAL_OPENER.match(inp.text, window.start, window.end)
    if opener is not None:
        window = Span(opener.end(), window.end)  # "In a statement released Thursday, X ..."
    mentions = inp.mentions.between(window.start, window.end)
    best: tuple[int, Mention] | None = None
    for n, m in enumerate(mentions):
        if inp.text[m.span.end : m.span.end + 1] in ("'", "’"):
            continue
        if n + 1 < len(mentions) and mentions[n + 1].full_span.start <= m.span.end + 1:
            continue
        if m.kind == "pronoun" and m.head not in ("he", "she", "they", "we", "i"):
            continue
        cue = inp.cues.search(inp.text, m.span.end, min(window.end, m.span.end + 60))
        if cue is not None and _GAP_TO_CUE.match(inp.text[m.span.end : cue.start()]):
            rank = 0
        elif _VERB_LIKE.match(inp.text, m.span.end, window.end):
            rank = 1
        else:
            rank = 2
        if best is None or rank < best[0]:
            best = (rank, m)
        if rank == 0:
            break
    if best is None:
        return None
    return inp.mentions.index_of(best[1]), best[1].full_span, ""


def _colon_speaker(
    inp: RuleInput, window: Span, colon: int
) -> tuple[tuple[int | None, Span, str], Span | None] | None:
    """Who speaks after a colon: the subject of the clause's speech cue, else its subject."""
    cues = _cues_in(inp, Span(window.start, colon))
    for cue in reversed(cues):
        speaker = _speaker_before(inp, window.start, cue.start)
        if speaker is not None and speaker[0] is not None:
            return speaker, cue
    subject = _clause_subject(inp, Span(window.start, colon))
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
    return _found("colon_intro", 0.85, found[0], found[1], inp)


def colon_previous_paragraph(ctx: QuoteContext, inp: RuleInput) -> Found | None:
    """``Caddell continued:`` closing the paragraph before a paragraph that opens with a quote."""
    if not ctx.starts_paragraph or ctx.paragraph_index == 0:
        return None
    prev = inp.paragraphs[ctx.paragraph_index - 1]
    body = inp.text[prev.start : prev.end].rstrip()
    if not body.endswith(":"):
        return None
    colon = prev.start + len(body) - 1
    found = _colon_speaker(inp, Span(_sentence_start(inp.text, prev.start, colon), colon), colon)
    if found is None:
        return None
    return _found("colon_previous_paragraph", 0.8 if found[1] else 0.7, found[0], found[1], inp)


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
    start = max(_sentence_start(inp.text, floor, end - 2), prev_quote_end)
    if start >= end:
        return None
    window = Span(start, end)
    for cue in reversed(_cues_in(inp, window)):
        speaker = _speaker_before(inp, window.start, cue.start) or _speaker_after(
            inp, cue.end, window.end
        )
        if speaker is not None and speaker[0] is not None:
            return _found("previous_sentence_cue", confidence, speaker, cue, inp)
    return None


def paragraph_subject(ctx: QuoteContext, inp: RuleInput) -> Found | None:
    """A quote with no cue after a sentence about someone: ``Pruitt stopped ... "I did nothing
    wrong."`` takes the subject of the sentence before it in the same paragraph."""
    if not inp.direct[ctx.position] or ctx.left.start == ctx.paragraph.start:
        return None
    if inp.text[ctx.right.start : ctx.right.end].strip(" .,\u00a0"):
        return None
    before = Span(ctx.paragraph.start, ctx.left.start)
    sentence_start = _sentence_start(inp.text, before.start, before.end - 2)
    subject = _clause_subject(inp, Span(sentence_start, before.end))
    if subject is None or subject[0] is None:
        return None
    if inp.mentions.mentions[subject[0]].label not in ("PERSON", "GROUP", "UNKNOWN"):
        return None
    return _found("paragraph_subject", 0.55, subject, None, inp)


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
        if len(trailing) > 2:
            return None
        confidence = 0.8
    else:
        return None
    return Found("follow_on_quote", confidence, prev_found.mention, prev_found.mention_span,
                 prev_found.cue, prev_found.phrase, inherited_from=prev_index)


RULES: tuple[Rule, ...] = (
    quote_speaker_cue,
    quote_cue_speaker,
    speaker_cue_quote,
    paired_quote,
    according_to,
    dash_attribution,
    speaker_cue_in_sentence,
    colon_intro,
    colon_previous_paragraph,
    follow_on_quote,
    previous_sentence_cue,
    paragraph_subject,
)
"""The rules in precedence order: the first that fires decides."""


def attribute_quote(ctx: QuoteContext, inp: RuleInput) -> Found | None:
    """The first rule in :data:`RULES` that finds a speaker for ``ctx``."""
    for rule in RULES:
        found = rule(ctx, inp)
        if found is not None:
            return found
    return None
