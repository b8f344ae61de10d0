"""Rules that read a dependency parse, when the annotator provides one (the stanza backend).

A parse finds the speaker where surface patterns cannot: the nominal subject of the
speech verb however far it stands from the quote, conjoined speakers ("Duarte and
Keller said"), and the object of "according to". The rules need the ``deps`` layer;
on the embedded annotator they never run.
"""

from __future__ import annotations

from ..annotation import Token
from ..context import QuoteContext
from ..spans import Span
from .base import Found, RuleInput, SpeakerPhrase, make_found

_SUBJECT_RELATIONS = frozenset({"nsubj"})
"""Universal Dependencies relations of an active clause's subject (not ``nsubj:pass``)."""
_PHRASE_RELATIONS = frozenset({"compound", "flat", "flat:name", "amod", "det", "nmod:poss",
                               "nummod", "cc", "conj"})
"""Relations kept when a subject that is no known mention is spelled out as a phrase."""


def _window_tokens(ctx: QuoteContext, inp: RuleInput) -> list[int]:
    """Tokens of the quote's clause windows, outside the quote itself."""
    quote = ctx.quote.span
    return [
        i for i in inp.tokens_between(ctx.left.start, ctx.right.end)
        if not quote.start <= inp.tokens[i].span.start < quote.end
    ]


def _is_speech_verb(token: Token, text: str, inp: RuleInput) -> bool:
    if token.upos not in (None, "VERB"):
        return False
    form = text[token.span.start : token.span.end].lower()
    lemma = (token.lemma or form).lower()
    return form in inp.lexicon.speech_verbs or lemma in _speech_lemmas(inp)


def _speech_lemmas(inp: RuleInput) -> frozenset[str]:
    return frozenset(inp.lexicon.speech_verbs.values())


def _speaker_of_token(head: int, window: list[int], inp: RuleInput) -> SpeakerPhrase:
    """The mention over token ``head``, else the phrase its name-like dependents form."""
    token = inp.tokens[head]
    for m in inp.mentions.between(token.span.start - 60, token.span.end + 60):
        if m.full_span.start <= token.span.start < m.span.end:
            conjuncts = [j for j in window if inp.tokens[j].head == head
                         and inp.tokens[j].deprel == "conj"]
            if not conjuncts:
                return inp.mentions.index_of(m), m.full_span, ""
            break
    members = {head}
    changed = True
    while changed:  # the subject's name-like subtree, inside the window
        changed = False
        for j in window:
            t = inp.tokens[j]
            if j not in members and t.head in members and (t.deprel or "") in _PHRASE_RELATIONS:
                members.add(j)
                changed = True
    start = min(inp.tokens[j].span.start for j in members)
    end = max(inp.tokens[j].span.end for j in members)
    return None, Span(start, end), inp.text[start:end]


def dependency_subject(ctx: QuoteContext, inp: RuleInput) -> Found | None:
    """The nominal subject of a speech verb in the quote's sentence: ``Duarte, who chairs the
    board and has led the talks since May, said: "..."``."""
    window = _window_tokens(ctx, inp)
    best: tuple[int, int, int] | None = None  # (distance to the quote, verb, subject)
    for i in window:
        verb = inp.tokens[i]
        if not _is_speech_verb(verb, inp.text, inp):
            continue
        subjects = [j for j in window if inp.tokens[j].head == i
                    and inp.tokens[j].deprel in _SUBJECT_RELATIONS]
        if not subjects:
            continue
        distance = min(abs(verb.span.start - ctx.quote.span.end),
                       abs(ctx.quote.span.start - verb.span.end))
        if best is None or distance < best[0]:
            best = (distance, i, subjects[0])
    if best is None:
        return None
    _, verb_index, subject = best
    speaker = _speaker_of_token(subject, window, inp)
    return make_found("dependency_subject", 0.9, speaker, inp.tokens[verb_index].span, inp)


def dependency_according_to(ctx: QuoteContext, inp: RuleInput) -> Found | None:
    """The nominal that "according to" attaches to: ``"...," according to the ministry``."""
    window = _window_tokens(ctx, inp)
    for i in window:
        token = inp.tokens[i]
        word = inp.text[token.span.start : token.span.end].lower()
        if word != "according" or token.head is None:
            continue
        speaker = _speaker_of_token(token.head, window, inp)
        return make_found("dependency_according_to", 0.85, speaker, token.span, inp)
    return None
