"""Addressees: the names a quote calls its listener by ("Ten minutes, Mira." / "Holmes,
look!"). A name addressed names the listener, never the speaker, and the one addressed
usually answers (the conversation rules read both); the narrator's name is the name others
address the narrator by (``quoteattr.narrator``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import regex

from ..context import QuoteContext
from ..lexicon import word_list
from .base import Earlier, Found, RuleInput

_VOCATIVE_GAP = regex.compile(r"\s*[,!?.;—–-]")
_LIST_BEFORE = regex.compile(r"\p{Lu}\p{Ll}+,\s*\Z")
_LIST_AFTER = regex.compile(r",?\s+(?:and|or)\s")
_LIST_NEXT = regex.compile(r",\s*\p{Lu}\p{Ll}+,?\s+(?:and|or)\s")
"""A name between another name and "and", or before "Dick, and", is listed ("Tom, Dick,
and Harry"), not addressed (but "Fetch the lamp, Ned, and mind the step" addresses Ned)."""
_SENTENCE_END = regex.compile(r"[.!?]")
"""A name that is the whole first sentence of a quote ("Precisely." / "Ralph!")."""
_BARE = " \t\n\"“”‘’'«».,!?;:—–-"
"""What may stand around a quote that is one word: "Ditto!" addresses no one, "Ralph!"
addresses a character (``RuleInput.is_character``)."""
_ADDRESS = "(?:" + "|".join(word_list("vocative_adjectives")) + ")"
"""Dear, good, old: ``data/vocative_adjectives.tsv`` (whole words)."""
_VOCATIVE_LEAD = regex.compile(rf"(?:[,;—–-]|\A[\"“‘'«]?)\s*(?:(?:my\s+)?{_ADDRESS}\s+)?\Z",
                               regex.IGNORECASE)
"""What comes before an addressed name, read on the quote's words before it (the start
of the text read is the quote's start: "Holmes, look!")."""
_VOCATIVE_LEAD_INSIDE = regex.compile(rf"[,;—–-]\s*(?:(?:my\s+)?{_ADDRESS}\s+)?\Z",
                                      regex.IGNORECASE)
"""The same, further into the quote."""


_TITLE_WORDS = 2
"""The most title words read before an addressed name ("Uncle Silas", "Lieutenant Colonel
Hale")."""


def _title_before(text: str, floor: int, start: int, titles: Mapping[str, object]) -> int:
    """Where the title words right before a name at ``start`` begin ("Uncle Silas", "Doctor
    Grey", "Mr. Thorpe"), no further back than ``floor``; the name finder attaches none
    where an opening quotation mark touches the title ("“Uncle Silas, will you come?"),
    yet the name is as much addressed as after "my dear"."""
    words = text[floor:start].split()
    at = start
    for word in reversed(words[-_TITLE_WORDS:]):
        low = word.lower().lstrip("\"“‘'«„")
        if low not in titles and low + "." not in titles:
            break
        at = text.rfind(word, floor, at) + len(word) - len(low)
    return at


def addressees(inp: RuleInput, ctx: QuoteContext) -> set[int]:
    """The entities a quote addresses by name ("Ten minutes, Mira." / "Holmes, look!")."""
    return {cluster for _, cluster in addressed_names(inp, ctx)}


def addressed_names(inp: RuleInput, ctx: QuoteContext) -> list[tuple[int, int]]:
    """The names a quote addresses, as (mention index, entity), in text order."""
    out: list[tuple[int, int]] = []
    if inp.cluster_of is None:
        return out
    content = ctx.quote.content
    text = inp.text
    for m in inp.mentions.between(content.start, content.end):
        if m.kind != "name" or ". " in text[m.span.start : m.span.end]:
            continue  # "No. Stop, though": two sentences' words, no one's name
        start = m.title_start if m.title_start >= 0 else m.span.start
        if m.span.end < content.end and not _VOCATIVE_GAP.match(text, m.span.end, content.end):
            continue  # no pause after the name: the lead before it is not searched
        if m.title_start < 0 and text[start - 1 : start] == " ":  # "“Uncle Silas, ...":
            start = _title_before(text, content.start, start, inp.lexicon.titles)
        lead_start = max(content.start, start - 12)
        before = (_VOCATIVE_LEAD if lead_start == content.start else _VOCATIVE_LEAD_INSIDE
                  ).search(text[lead_start:start])
        if before and not (
            _LIST_BEFORE.search(text, max(content.start, start - 20), start)
            and _LIST_AFTER.match(text, m.span.end, content.end)
            or _LIST_NEXT.match(text, m.span.end, content.end)
        ):
            index = inp.mentions.index_of(m)
            cluster = inp.cluster_of(index)
            if cluster is None:
                continue
            known = inp.is_character is None or inp.is_character(cluster)
            opening = not text[content.start : start].strip(_BARE)
            alone = _SENTENCE_END.match(text, m.span.end, content.end) is not None
            if known or not opening or not alone and text[m.span.end : content.end].strip(_BARE):
                # "Precisely. And where ...?" is a word of its own sentence, "Ralph!" a name
                # only when the story knows a Ralph; "Holmes, look!" addresses anyone
                out.append((index, cluster))
    return out


_INNER_MARKS = frozenset("\"“”‘«»")
"""A quote holding one of these may quote someone else's words, and their listener."""


def unaddressed(
    inp: RuleInput, ctx: QuoteContext, earlier: Earlier, mention: int, cluster: int,
    other_than: Callable[[int, set[int]], int | None],
) -> int:
    """The speaker a tag's "he" or description ``mention`` resolved to, unless the quote
    addresses that one by name ('"Every year, Pinchwick," observed the host': the host is
    not Pinchwick), or a description tagging a new paragraph's reply resolved to the one who
spoke the paragraph before (a novel names or describes the other party there, and calls
the same speaker "she"); then the best other one ``other_than`` finds, if any. The second half
    of a quote split by its tag is the first half's speaker ('"Ned," said he, "who left
    the door open?"')."""
    m = inp.mentions.mentions[mention]
    if m.kind == "name" or m.kind == "pronoun" and m.head in ("i", "we"):
        return cluster
    position = ctx.position
    before = earlier.found(position - 1) if position else None
    if before is not None and before.mention == mention:
        first = earlier.speaker(position - 1)
        return cluster if first is None else first
    if m.kind == "nominal" and position and ctx.starts_paragraph and inp.text.startswith(
        ("the ", "The "), m.span.start) and (  # "her husband" is his by kin, not by view
        earlier.speaker(position - 1) == cluster
        and inp.contexts[position - 1].paragraph_index == ctx.paragraph_index - 1
    ):  # '"Where did you get those?" asked Maud. / "From the pond," said the little girl'
        other = other_than(mention, {cluster})
        if other is not None:
            return other
    content = ctx.quote.content
    if not _INNER_MARKS.isdisjoint(inp.text[content.start : content.end]):
        return cluster  # "... said to me, 'We don't read Ruskin, Mrs. Hilbery.'": not hers
    addressed = addressees(inp, ctx)
    if cluster not in addressed:
        return cluster
    other = other_than(mention, addressed)
    return cluster if other is None else other


_TO_LISTENER = regex.compile(r"[ \t\n]+(?:to|at)[ \t\n]+")
"""Between a tag's verb or speaker and its listener: "said Mira to the porter"."""
_DIRECT_LISTENER = regex.compile(r"[ \t\n]+")


def tag_listener(inp: RuleInput, found: Found | None) -> tuple[int, int] | None:
    """The person a quote's tag names as its listener, as (mention index, entity): "said
    Mira to the porter", "Mira whispered to her sister", "she told Tom" (a verb whose object
    is the listener, ``data/addressee_verbs.tsv``)."""
    if found is None or found.cue is None or inp.cluster_of is None:
        return None
    text, cue = inp.text, found.cue
    starts = [cue.end]
    if found.mention_span is not None and found.mention_span.start >= cue.end:
        starts.append(found.mention_span.end)  # "said Mira to the porter"
    for at in starts:
        gap = _TO_LISTENER.match(text, at)
        if gap is None and at == cue.end and text[cue.start : cue.end] in (
            inp.lexicon.addressee_verbs
        ):
            gap = _DIRECT_LISTENER.match(text, at)
        m = inp.mentions.starting_at(gap.end()) if gap is not None else None
        if m is None or m.label not in ("PERSON", "UNKNOWN") or m.kind == "pronoun" and (
            m.head not in ("him", "her")
        ):
            continue
        index = inp.mentions.index_of(m)
        cluster = inp.cluster_of(index)
        if cluster is not None:
            return index, cluster
    return None


def answered_by_name(ctx: QuoteContext, inp: RuleInput) -> Found | None:
    """The one the next paragraph's quote addresses by name, when this quote is a paragraph
    of its own and that quote opens the next paragraph: the reply names who spoke."""
    position = ctx.position
    if not ctx.starts_paragraph or not inp.direct[position] or position + 1 >= len(
        inp.contexts
    ):
        return None
    nxt = inp.contexts[position + 1]
    para = inp.paragraphs[ctx.paragraph_index]
    if not nxt.starts_paragraph or nxt.paragraph_index != (
        ctx.paragraph_index + ctx.quote.paragraphs
    ) or inp.text[ctx.quote.span.end : para.end].strip() or ctx.quote.paragraphs != 1:
        return None  # narration beside the quote, or no reply right after it
    avoid = addressees(inp, ctx)
    named = {c: i for i, c in addressed_names(inp, nxt) if c not in avoid and (
        inp.is_character is None or inp.is_character(c))}
    if len(named) != 1:
        return None
    (index,) = named.values()
    return Found("turn_taking", 0.6, index, inp.mentions.mentions[index].span, None)
