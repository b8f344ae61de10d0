"""Attribution rules: one function per pattern, tried in the order of ``RULES``.

Each rule looks at one quote's context and either names the speaker phrase and
speech cue that attribute it, or returns None. The function's name is the ``rule``
value in the output. ``base`` holds what rules return and read, ``speakers`` finds
speaker phrases, ``surface`` holds the rules that read a cue beside the quote, ``colon``
those for a clause ending in a colon, ``carried`` those that carry a speaker from the
sentence or quote before, and ``parse`` those that read a dependency parse when the
annotator provides one; ``conversation`` holds those for untagged quotes in an exchange
(turns, action beats), reading the exchange's narration through ``narration`` (who acts,
who keeps silent) and the names a quote addresses its listener by through ``vocatives``;
``questions`` holds the one for a question quoted in the clause that introduces its
answer ("Asked by a reporter, "...?", X laughed").
"""

from __future__ import annotations

from ..context import QuoteContext
from .base import (
    GENRE_CHOICES,
    GENRES,
    CueCache,
    CueForgetter,
    Earlier,
    Found,
    Rule,
    RuleInput,
    check_genre,
    find_cues,
)
from .carried import follow_on_quote, paragraph_subject, previous_sentence_cue
from .colon import colon_intro, colon_previous_paragraph
from .conversation import action_beat, turn_taking, vocative_other
from .credit import credit_after
from .parse import dependency_according_to, dependency_subject
from .questions import asked_question
from .surface import (
    according_to,
    cue_speaker_quote,
    dash_attribution,
    paired_quote,
    quote_cue_speaker,
    quote_speaker_cue,
    speaker_cue_in_sentence,
    speaker_cue_quote,
)
from .vocatives import addressees, unaddressed

__all__ = ["GENRES", "GENRE_CHOICES", "REQUIRES", "RULES", "CueCache", "CueForgetter", "Earlier",
           "Found",
           "Rule", "RuleInput", "addressees", "attribute_quote", "check_genre",
           "cue_speaker_quote", "find_cues", "outside_quote", "quote_speaker_cue",
           "speaker_cue_quote", "unaddressed"]

RULES: tuple[Rule, ...] = (
    asked_question,
    quote_speaker_cue,
    quote_cue_speaker,
    speaker_cue_quote,
    cue_speaker_quote,
    credit_after,
    dependency_subject,
    paired_quote,
    dependency_according_to,
    according_to,
    dash_attribution,
    speaker_cue_in_sentence,
    colon_intro,
    colon_previous_paragraph,
    action_beat,
    turn_taking,
    vocative_other,
    follow_on_quote,
    previous_sentence_cue,
    paragraph_subject,
)
"""The rules in precedence order: the first that fires decides. The parse's subject comes
after the tight surface patterns ("...," X said / said X / X said, "..." / said X, "..."),
which a parse error cannot mislead; it decides the rest (distant and conjoined subjects)."""


REQUIRES: dict[Rule, frozenset[str]] = {
    dependency_subject: frozenset({"tokens", "deps"}),
    dependency_according_to: frozenset({"tokens", "deps"}),
}
"""Annotation layers a rule needs beyond paragraphs, sentences and entities."""


def attribute_quote(ctx: QuoteContext, inp: RuleInput, earlier: Earlier) -> Found | None:
    """The first rule in :data:`RULES` that finds a speaker for ``ctx``, skipping rules whose
    layers the annotator did not provide."""
    for rule in _rules_for(inp.layers):
        found = rule(ctx, inp, earlier)
        if found is not None and outside_quote(found, ctx) is not None and not (
            rule in _INFERRED and _addresses_speaker(found, ctx, inp)
        ):
            return found
    return None


_INFERRED: frozenset[Rule] = frozenset({
    action_beat, turn_taking, follow_on_quote, previous_sentence_cue, paragraph_subject})
"""The rules that infer a speaker no cue beside the quote names: a quote that addresses
that speaker by name ("Eat your peas, Jenny.") is not theirs, so the next rule decides."""


def _addresses_speaker(found: Found, ctx: QuoteContext, inp: RuleInput) -> bool:
    """Whether the quote addresses by name the entity ``found`` names as its speaker."""
    if found.mention is None or inp.cluster_of is None:
        return False
    cluster = inp.cluster_of(found.mention)
    return cluster is not None and cluster in addressees(inp, ctx)


_RULES_FOR: dict[frozenset[str], tuple[Rule, ...]] = {}


def _rules_for(layers: frozenset[str]) -> tuple[Rule, ...]:
    """The rules of :data:`RULES` that ``layers`` provide for, worked out once per set of
    layers rather than for every rule of every quote."""
    rules = _RULES_FOR.get(layers)
    if rules is None:
        rules = tuple(r for r in RULES if REQUIRES.get(r, frozenset()) <= layers)
        _RULES_FOR[layers] = rules
    return rules


def outside_quote(found: Found | None, ctx: QuoteContext) -> Found | None:
    """``found`` unless its speaker mention lies inside the quote it attributes.

    A quote never names its own speaker; a window that strays into the quote (a quote
    running over a line break, a credit line) must not make it do so.
    """
    if found is None or found.mention_span is None:
        return found
    return None if found.mention_span.overlaps(ctx.quote.span) else found
